/**
 * Metric names read: what the stages need of a metric (its decimal places and what it needs), apart from the
 * described catalogue {@link EVALUATION_METRICS}, so that a run carries no descriptions.
 *
 * @internal
 * @module
 */
import type { EvaluationMetric, EvaluationMetricId } from "./metrics.js";

/** What each metric needs and its decimal places: the one statement of them, which {@link EVALUATION_METRICS} spreads into its entries. */
export const METRIC_RULES: Readonly<Record<EvaluationMetricId, Pick<EvaluationMetric, "needs" | "decimalPlaces">>> = {
  wholePathwayCostPerPatient: { decimalPlaces: 2 },
  lifecycleCostPerPatient: { decimalPlaces: 2 },
  pathwayCostPerPatient: { decimalPlaces: 2 },
  lifecycleNetPresentCost: { decimalPlaces: 2 },
  qalysPerPatient: { decimalPlaces: 6 },
  lifeYearsPerPatient: { decimalPlaces: 6 },
  netMonetaryBenefitPerPatient: { needs: "threshold", decimalPlaces: 2 },
  incrementalNetMonetaryBenefitPerPatient: { needs: "threshold", decimalPlaces: 2 },
  carbonKgPerPatient: { decimalPlaces: 3 },
  carbonKgTotal: { decimalPlaces: 3 },
  carbonCostPerPatient: { needs: "carbonValuation", decimalPlaces: 2 },
  socialValueScore: { needs: "socialValue", decimalPlaces: 4 },
};

const SUFFIXED = /^(costCategoryPerPatient|eventsPerPatient):([A-Za-z0-9][A-Za-z0-9._-]{0,99})$/;

/** @internal Parses a metric name; undefined when unknown. */
export function readMetricName(name: string): { base: string; arg?: string; needs?: EvaluationMetric["needs"]; decimalPlaces: number } | undefined {
  if (Object.prototype.hasOwnProperty.call(METRIC_RULES, name)) {
    const m = METRIC_RULES[name as EvaluationMetricId];
    return { base: name, decimalPlaces: m.decimalPlaces, ...(m.needs !== undefined ? { needs: m.needs } : {}) };
  }
  const s = SUFFIXED.exec(name);
  if (s === null) return undefined;
  // Cost categories are money (2 places); event counts per patient are probabilities (6 places).
  return { base: s[1] as string, arg: s[2] as string, decimalPlaces: s[1] === "costCategoryPerPatient" ? 2 : 6 };
}
