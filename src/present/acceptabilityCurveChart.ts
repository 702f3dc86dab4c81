/**
 * Cost-effectiveness acceptability curves (CEAC) and the acceptability frontier (CEAF).
 *
 * @module
 */
import { IssueList, spec, type ChartOptions, type JsonValue, type VegaLiteSpec } from "./vegaLite.js";

/**
 * One point of a cost-effectiveness acceptability curve: at this threshold, the probability that this option
 * is cost-effective (has the highest net monetary benefit, or beats the comparator in the pairwise
 * definition: the chart draws what it is given).
 *
 * @example
 * ```ts
 * const p: AcceptabilityPoint = { threshold: 25000, optionId: "pico", probability: 0.62 };
 * ```
 * @category Charts
 */
export interface AcceptabilityPoint {
  /** Willingness to pay per QALY. */
  readonly threshold: number;
  /** Option id (one curve per distinct value). */
  readonly optionId: string;
  /** Probability from 0 to 1. */
  readonly probability: number;
  /** Name shown in the legend (default: the id). */
  readonly label?: string;
}

/**
 * Data for {@link acceptabilityCurveChart}: the CEAC points, and optionally the frontier.
 *
 * @example
 * ```ts
 * const d: AcceptabilityData = { curves: ceacPoints, frontier: ceafPoints };
 * ```
 * @category Charts
 */
export interface AcceptabilityData {
  /** CEAC points: every option at every threshold. */
  readonly curves: readonly AcceptabilityPoint[];
  /**
   * CEAF points: at each threshold, the option with the highest expected net monetary benefit and its
   * probability of being cost-effective (drawn as a heavy line over the curves).
   */
  readonly frontier?: readonly AcceptabilityPoint[];
}

/**
 * Cost-effectiveness acceptability curves, one line per option over the threshold, with the acceptability
 * frontier (CEAF) drawn over them when given (Fenwick, Claxton & Sculpher 2001, Health Econ 10:779–787).
 *
 * @param data - CEAC points and, optionally, CEAF points
 * @throws VbpInputError when there are no points, a threshold is not finite and ≥ 0, a probability is
 *   outside 0–1, or an option id is missing
 * @example
 * ```ts
 * acceptabilityCurveChart({ curves: [{ threshold: 0, optionId: "a", probability: 0.2 }, …] }, { currency: "GBP" });
 * ```
 * @category Charts
 */
export function acceptabilityCurveChart(data: AcceptabilityData, options: ChartOptions & { readonly currency?: string } = {}): VegaLiteSpec {
  const issues = new IssueList();
  const read = (list: readonly unknown[], key: string) =>
    list.map((p, i) => {
      const point = (p ?? {}) as Partial<AcceptabilityPoint>;
      const threshold = issues.finite(point.threshold, [key, i, "threshold"]);
      if (threshold < 0) issues.add("invalid_value", [key, i, "threshold"], `must be ≥ 0, got ${threshold}`);
      const optionId = issues.text(point.optionId, [key, i, "optionId"]);
      return { threshold, option: typeof point.label === "string" && point.label !== "" ? point.label : optionId, probability: issues.probability(point.probability, [key, i, "probability"]) };
    });
  const curves = read(issues.list(data?.curves, ["curves"], "points"), "curves");
  const frontier = data?.frontier === undefined ? [] : read(issues.list(data.frontier, ["frontier"], "points"), "frontier");
  issues.throwIfAny();
  const cur = options.currency !== undefined ? ` (${options.currency})` : "";
  const x = { field: "threshold", type: "quantitative", title: `Willingness to pay per QALY${cur}`, axis: { format: "~s" } } as const;
  const y = { field: "probability", type: "quantitative", title: "Probability cost-effective", scale: { domain: [0, 1] }, axis: { format: ".0%" } } as const;
  const layers: JsonValue[] = [
    {
      data: { values: curves },
      mark: { type: "line", point: { size: 18 }, tooltip: true },
      encoding: { x, y, color: { field: "option", type: "nominal", title: "Option", legend: { orient: "bottom" } }, tooltip: [{ field: "option" }, { ...x, format: ",.0f" }, { ...y, format: ".1%" }] },
    },
  ];
  if (frontier.length > 0) {
    layers.push({
      data: { values: frontier.map((p) => ({ ...p, curve: "Frontier (CEAF)" })) },
      mark: { type: "line", color: "black", strokeWidth: 3, opacity: 0.55, tooltip: true },
      encoding: { x, y, strokeDash: { field: "curve", type: "nominal", title: null, legend: { orient: "bottom" } }, tooltip: [{ field: "option", title: "Optimal option" }, { ...x, format: ",.0f" }, { ...y, format: ".1%" }] },
    });
  }
  return spec(options, { title: frontier.length > 0 ? "Acceptability curves and frontier" : "Cost-effectiveness acceptability curves", height: 280, description: "Lines: probability each option is cost-effective against willingness to pay per QALY." }, { layer: layers });
}
