/**
 * The computed metrics that can feed a quantitative tender criterion.
 *
 * @module
 */
import { METRIC_RULES } from "./metricNames.js";

/**
 * One computed metric: what it measures, its unit, which way is better, and what the document must
 * provide for it.
 *
 * @example
 * ```ts
 * EVALUATION_METRICS.qalysPerPatient.direction; //=> "higher-is-better"
 * ```
 */
export interface EvaluationMetric {
  /** What the metric measures. */
  readonly description: string;
  /** Unit of the value ("currency" means the document currency). */
  readonly unit: string;
  /** Which way is better (advice for the criterion's value function). */
  readonly direction: "higher-is-better" | "lower-is-better";
  /** What the document must contain for the metric to be computed. */
  readonly needs?: "threshold" | "socialValue" | "carbonValuation";
  /**
   * Decimal places of the value fed to the tender (rounded half-even, as bids are assessed in pence):
   * money 2, QALYs and life years 6, kgCO2e 3, social value share 4. The exact figures stay in the result.
   */
  readonly decimalPlaces: number;
}

/**
 * The named metrics (exact decimal strings, per option). Two families take a suffix:
 * `costCategoryPerPatient:<category>` (discounted pathway cost of one category, e.g. `bed-days`) and
 * `eventsPerPatient:<event>` (expected count of a clinical event, e.g. `ssi`). The value fed to the tender is
 * rounded half-even to the metric's `decimalPlaces` (cost categories 2, events 6).
 *
 * Whole-pathway cost per patient = lifecycle cost per patient (net present cost ÷ discounted patient
 * volume) + discounted pathway cost per patient + monetised carbon per patient (when carbon is treated as an
 * externality, EU 2014/24 Art. 68).
 *
 * @example
 * ```ts
 * Object.keys(EVALUATION_METRICS).includes("wholePathwayCostPerPatient"); //=> true
 * ```
 */
export const EVALUATION_METRICS: Readonly<Record<EvaluationMetricId, EvaluationMetric>> = Object.freeze({
  wholePathwayCostPerPatient: Object.freeze({
    description: "Discounted whole-pathway cost per patient: lifecycle part + pathway part (+ carbon externality when chosen)",
    unit: "currency per patient",
    direction: "lower-is-better",
    ...METRIC_RULES.wholePathwayCostPerPatient,
  }),
  lifecycleCostPerPatient: Object.freeze({ description: "Lifecycle net present cost ÷ discounted patient volume", unit: "currency per patient", direction: "lower-is-better", ...METRIC_RULES.lifecycleCostPerPatient }),
  pathwayCostPerPatient: Object.freeze({ description: "Discounted pathway cost per patient (care around the product)", unit: "currency per patient", direction: "lower-is-better", ...METRIC_RULES.pathwayCostPerPatient }),
  lifecycleNetPresentCost: Object.freeze({ description: "Lifecycle net present cost over the horizon, all patients", unit: "currency", direction: "lower-is-better", ...METRIC_RULES.lifecycleNetPresentCost }),
  qalysPerPatient: Object.freeze({ description: "Discounted QALYs per patient", unit: "QALYs per patient", direction: "higher-is-better", ...METRIC_RULES.qalysPerPatient }),
  lifeYearsPerPatient: Object.freeze({ description: "Discounted life years per patient", unit: "life years per patient", direction: "higher-is-better", ...METRIC_RULES.lifeYearsPerPatient }),
  netMonetaryBenefitPerPatient: Object.freeze({
    description: "Net monetary benefit per patient: QALYs × threshold − whole-pathway cost",
    unit: "currency per patient",
    direction: "higher-is-better",
    ...METRIC_RULES.netMonetaryBenefitPerPatient,
  }),
  incrementalNetMonetaryBenefitPerPatient: Object.freeze({
    description: "Net monetary benefit per patient minus the comparator's",
    unit: "currency per patient",
    direction: "higher-is-better",
    ...METRIC_RULES.incrementalNetMonetaryBenefitPerPatient,
  }),
  carbonKgPerPatient: Object.freeze({ description: "kgCO2e per patient: pathway carbon + product carbon", unit: "kgCO2e per patient", direction: "lower-is-better", ...METRIC_RULES.carbonKgPerPatient }),
  carbonKgTotal: Object.freeze({ description: "kgCO2e over the horizon, all patients", unit: "kgCO2e", direction: "lower-is-better", ...METRIC_RULES.carbonKgTotal }),
  carbonCostPerPatient: Object.freeze({
    description: "Monetised carbon per patient (DESNZ carbon values, discounted)",
    unit: "currency per patient",
    direction: "lower-is-better",
    ...METRIC_RULES.carbonCostPerPatient,
  }),
  socialValueScore: Object.freeze({
    description: "Social value score: share of the framework's points achieved by the commitments (0–1)",
    unit: "share",
    direction: "higher-is-better",
    ...METRIC_RULES.socialValueScore,
  }),
});

/**
 * Names of the metrics in {@link EVALUATION_METRICS}.
 *
 * @example
 * ```ts
 * const id: EvaluationMetricId = "qalysPerPatient";
 * ```
 */
export type EvaluationMetricId =
  | "wholePathwayCostPerPatient"
  | "lifecycleCostPerPatient"
  | "pathwayCostPerPatient"
  | "lifecycleNetPresentCost"
  | "qalysPerPatient"
  | "lifeYearsPerPatient"
  | "netMonetaryBenefitPerPatient"
  | "incrementalNetMonetaryBenefitPerPatient"
  | "carbonKgPerPatient"
  | "carbonKgTotal"
  | "carbonCostPerPatient"
  | "socialValueScore";

/**
 * Name of a metric: a key of {@link EVALUATION_METRICS}, or `costCategoryPerPatient:<category>` or
 * `eventsPerPatient:<event>`.
 *
 * @example
 * ```ts
 * const m: EvaluationMetricName = "costCategoryPerPatient:bed-days";
 * ```
 */
export type EvaluationMetricName = EvaluationMetricId | `costCategoryPerPatient:${string}` | `eventsPerPatient:${string}`;

export { readMetricName } from "./metricNames.js";
