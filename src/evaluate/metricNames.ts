/**
 * Metric names read: what the stages need of a metric (its decimal places and what it needs), apart from the
 * described catalogue {@link EVALUATION_METRICS}, so that a run carries no descriptions.
 *
 * @internal
 * @module
 */
import type { EvaluationMetric, EvaluationMetricId } from "./metrics.js";

/** Decimal places and needs of each metric (the same as in {@link EVALUATION_METRICS}; a test checks it). */
export const METRIC_RULES: Readonly<Record<EvaluationMetricId, { readonly decimalPlaces: number; readonly needs?: EvaluationMetric["needs"] }>> = {
  wholePathwayCostPerPatient: { decimalPlaces: 2 },
  lifecycleCostPerPatient: { decimalPlaces: 2 },
  pathwayCostPerPatient: { decimalPlaces: 2 },
  lifecycleNetPresentCost: { decimalPlaces: 2 },
  qalysPerPatient: { decimalPlaces: 6 },
  lifeYearsPerPatient: { decimalPlaces: 6 },
  netMonetaryBenefitPerPatient: { decimalPlaces: 2, needs: "threshold" },
  incrementalNetMonetaryBenefitPerPatient: { decimalPlaces: 2, needs: "threshold" },
  carbonKgPerPatient: { decimalPlaces: 3 },
  carbonKgTotal: { decimalPlaces: 3 },
  carbonCostPerPatient: { decimalPlaces: 2, needs: "carbonValuation" },
  socialValueScore: { decimalPlaces: 4, needs: "socialValue" },
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
