/**
 * Cost-effectiveness acceptability curves (CEAC) and the acceptability frontier (CEAF).
 *
 * @module
 */
import { IssueList, spec, type ChartOptions, type JsonValue, type VegaLiteSpec } from "./vegaLite.js";

/**
 * Cost-effectiveness acceptability curves: for each option, the probability it is cost-effective at each
 * threshold (the probability of the highest net monetary benefit, or of beating a reference in the pairwise
 * definition: the chart draws what it is given). The shape of a CEAC analysis result.
 *
 * @example
 * ```ts
 * const c: AcceptabilityCurves = { thresholds: [0, 20000, 30000], options: [{ optionId: "pico", probability: [0.1, 0.55, 0.7] }] };
 * ```
 * @category Charts
 */
export interface AcceptabilityCurves {
  /** Willingness to pay per QALY, ascending. */
  readonly thresholds: readonly number[];
  /** One curve per option: `probability[t]` at `thresholds[t]`. */
  readonly options: readonly {
    /** Option id. */
    readonly optionId: string;
    /** Name shown in the legend (default: `labels[optionId]`, then the id). */
    readonly label?: string;
    /** Probability from 0 to 1 at each threshold. */
    readonly probability: ArrayLike<number>;
  }[];
}

/**
 * The cost-effectiveness acceptability frontier: at each threshold, the option with the highest expected net
 * monetary benefit and its probability of being cost-effective. The shape of a CEAF analysis result.
 *
 * @example
 * ```ts
 * const f: AcceptabilityFrontier = { points: [{ threshold: 20000, optionId: "pico", probability: 0.55 }] };
 * ```
 * @category Charts
 */
export interface AcceptabilityFrontier {
  /** One point per threshold. */
  readonly points: readonly {
    /** Willingness to pay per QALY. */
    readonly threshold: number;
    /** The option with the highest expected NMB there. */
    readonly optionId: string;
    /** Its probability of being cost-effective. */
    readonly probability: number;
  }[];
}

/**
 * Options of {@link acceptabilityCurveChart}.
 *
 * @example
 * ```ts
 * const ceafResult: AcceptabilityFrontier = { points: [{ threshold: 20000, optionId: "pico", probability: 0.55 }] };
 * const o: AcceptabilityChartOptions = { frontier: ceafResult, labels: { pico: "PICO 7" }, currency: "GBP" };
 * ```
 * @category Charts
 */
export interface AcceptabilityChartOptions extends ChartOptions {
  /** The frontier, drawn as a heavy line over the curves. */
  readonly frontier?: AcceptabilityFrontier;
  /** Names by option id, for the legend and tooltips. */
  readonly labels?: Readonly<Record<string, string>>;
  /** Currency for the axis title. */
  readonly currency?: string;
}

/**
 * Cost-effectiveness acceptability curves, one line per option over the threshold, with the acceptability
 * frontier (CEAF) over them when given (Fenwick, Claxton & Sculpher 2001, Health Econ 10:779–787).
 *
 * @param curves - thresholds and each option's probabilities (a CEAC result has this shape)
 * @param options - the frontier (a CEAF result has its shape), labels, currency, title and size
 * @throws VbpInputError when there are no thresholds or options, a threshold is not finite and ≥ 0, a
 *   probability is outside 0–1, or a curve's length differs from the thresholds'
 * @example
 * ```ts
 * acceptabilityCurveChart({ thresholds: [0, 20000], options: [{ optionId: "a", probability: [0.2, 0.6] }, { optionId: "b", probability: [0.8, 0.4] }] });
 * ```
 * @category Charts
 */
export function acceptabilityCurveChart(curves: AcceptabilityCurves, options: AcceptabilityChartOptions = {}): VegaLiteSpec {
  const issues = new IssueList();
  const labels = options.labels ?? {};
  const name = (id: string, label?: string) => (typeof label === "string" && label !== "" ? label : Object.prototype.hasOwnProperty.call(labels, id) ? labels[id]! : id);
  const checkThreshold = (v: unknown, path: (string | number)[]) => {
    const t = issues.finite(v, path);
    if (t < 0) issues.add("invalid_value", path, `must be ≥ 0, got ${t}`);
    return t;
  };
  const thresholds = issues.list(curves?.thresholds, ["thresholds"], "thresholds").map((t, i) => checkThreshold(t, ["thresholds", i]));
  const points: { threshold: number; option: string; probability: number }[] = [];
  issues.list(curves?.options, ["options"], "options").forEach((o, i) => {
    const row = (o ?? {}) as Partial<AcceptabilityCurves["options"][number]>;
    const id = issues.text(row.optionId, ["options", i, "optionId"]);
    const p = row.probability;
    if (p === undefined || p === null || typeof p.length !== "number") {
      issues.add("invalid_type", ["options", i, "probability"], "must be an array of probabilities, one per threshold");
      return;
    }
    if (p.length !== thresholds.length) issues.add("invalid_value", ["options", i, "probability"], `must hold one probability per threshold (${thresholds.length}), got ${p.length}`);
    for (let t = 0; t < Math.min(p.length, thresholds.length); t++) points.push({ threshold: thresholds[t]!, option: name(id, row.label), probability: issues.probability(p[t], ["options", i, "probability", t]) });
  });
  const frontier = options.frontier === undefined
    ? []
    : issues.list(options.frontier.points, ["frontier", "points"], "points").map((q, i) => {
        const point = (q ?? {}) as Partial<AcceptabilityFrontier["points"][number]>;
        const path = ["frontier", "points", i];
        return { threshold: checkThreshold(point.threshold, [...path, "threshold"]), option: name(issues.text(point.optionId, [...path, "optionId"])), probability: issues.probability(point.probability, [...path, "probability"]) };
      });
  issues.throwIfAny();
  const cur = options.currency !== undefined ? ` (${options.currency})` : "";
  const x = { field: "threshold", type: "quantitative", title: `Willingness to pay per QALY${cur}`, axis: { format: "~s" } } as const;
  const y = { field: "probability", type: "quantitative", title: "Probability cost-effective", scale: { domain: [0, 1] }, axis: { format: ".0%" } } as const;
  const layers: JsonValue[] = [
    {
      data: { values: points },
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
  const title = frontier.length > 0 ? "Acceptability curves and frontier" : "Cost-effectiveness acceptability curves";
  return spec(options, { title, height: 280, description: "Lines: probability each option is cost-effective against willingness to pay per QALY." }, { layer: layers });
}
