/**
 * The cost-effectiveness plane: each probabilistic draw of an option's incremental QALYs and cost against the
 * comparator, with the threshold line.
 *
 * @module
 */
import { IssueList, spec, type ChartOptions, type JsonValue, type VegaLiteSpec } from "./vegaLite.js";

/**
 * One option's draws from a probabilistic sensitivity analysis: cost and QALYs per patient for each draw, in
 * draw order (draw k of every option comes from the same parameter set).
 *
 * @example
 * ```ts
 * const o: OptionDraws = { optionId: "pico", label: "PICO 7", costs: new Float64Array([2510, 2490]), qalys: new Float64Array([0.81, 0.8]) };
 * ```
 * @category Charts
 */
export interface OptionDraws {
  /** Option id. */
  readonly optionId: string;
  /** Name shown in the legend (default: the id). */
  readonly label?: string;
  /** Cost per patient, one value per draw. */
  readonly costs: ArrayLike<number>;
  /** QALYs per patient, one value per draw. */
  readonly qalys: ArrayLike<number>;
}

/**
 * The draws of a probabilistic sensitivity analysis, per option: the shape a PSA result has
 * (`runPsa(model, …).options` carries `optionId`, `costs` and `qalys` per draw).
 *
 * @example
 * ```ts
 * const soc: OptionDraws = { optionId: "soc", label: "Standard care", costs: new Float64Array([2400, 2420]), qalys: new Float64Array([0.8, 0.79]) };
 * const pico: OptionDraws = { optionId: "pico", label: "PICO 7", costs: new Float64Array([2510, 2490]), qalys: new Float64Array([0.81, 0.8]) };
 * const d: PsaDraws = { comparatorId: "soc", options: [soc, pico] };
 * ```
 * @category Charts
 */
export interface PsaDraws {
  /** The reference option; the plane shows every other option's increments over it. */
  readonly comparatorId: string;
  /** Every option's draws; all the same length. */
  readonly options: readonly OptionDraws[];
  /**
   * Which draws to use: draw k is left out when `valid[k]` is 0 (a PSA marks draws that made the model
   * invalid this way). Default: every draw.
   */
  readonly valid?: ArrayLike<number>;
}

/**
 * Options of {@link costEffectivenessPlaneChart}.
 *
 * @example
 * ```ts
 * const o: CostEffectivenessPlaneOptions = { threshold: 25000, currency: "GBP", maxPointsPerOption: 500 };
 * ```
 * @category Charts
 */
export interface CostEffectivenessPlaneOptions extends ChartOptions {
  /** Willingness to pay per QALY: draws a line of slope `threshold` through the origin. */
  readonly threshold?: number;
  /** Currency for the axis title. */
  readonly currency?: string;
  /**
   * Most points drawn per option (default 1000). Longer runs are thinned to every k-th draw (k = ⌈n ÷ max⌉),
   * so the chart stays small; the mean marker uses every draw.
   */
  readonly maxPointsPerOption?: number;
}

/**
 * The cost-effectiveness plane: for each option other than the comparator, every draw's incremental QALYs
 * (x) and incremental cost (y), the mean increment as a large marker, and the threshold line `Δcost =
 * threshold × ΔQALY` when a threshold is given (below the line is cost-effective). Draws marked invalid in
 * `valid` are left out of the points and the means. A PSA result plugs in as it is.
 *
 * @param draws - per-option cost and QALY draws of equal length, and the comparator's id
 * @throws VbpInputError when there are no draws, lengths differ, a value is not finite, the comparator is
 *   unknown, or an option id repeats
 * @example
 * ```ts
 * const model = { id: "ssi", currency: "GBP",
 *   parameters: [{ id: "p_ssi", value: "0.05" }, { id: "c_bed_day", value: 345 }, { id: "los", value: 3 }, { id: "los_ssi", value: 7 }],
 *   tree: { root: "surgery", nodes: [
 *     { id: "surgery", items: [{ id: "bed", category: "bed-days", quantity: { param: "los" }, unitCost: { param: "c_bed_day" } }],
 *       branches: [{ to: "ssi", probability: { param: "p_ssi" } }, { to: "healed", probability: "rest" }] },
 *     { id: "ssi", items: [{ id: "bed", category: "bed-days", quantity: { param: "los_ssi" }, unitCost: { param: "c_bed_day" } }], qalys: "-0.02" },
 *     { id: "healed" },
 *   ] },
 *   options: [{ id: "standard", isComparator: true },
 *     { id: "npwt", effects: [{ op: "multiply", target: { node: "surgery", branch: "ssi" }, value: "0.6" }], extraCosts: [{ id: "npwt", category: "consumables", amount: "15" }] }],
 *   uncertainty: { distributions: { p_ssi: { type: "beta", mean: 0.05, se: 0.01 }, c_bed_day: { type: "gamma", mean: 345, se: 50 }, los_ssi: { type: "gamma", mean: 7, se: 2 } } },
 * };
 * const psa = runPsa(model, { iterations: 500, seed: 1 });
 * costEffectivenessPlaneChart({ comparatorId: psa.comparatorId, options: psa.options, valid: psa.valid }, { threshold: 25000 }).$schema;
 * //=> "https://vega.github.io/schema/vega-lite/v5.json"
 * ```
 * @category Charts
 */
export function costEffectivenessPlaneChart(draws: PsaDraws, options: CostEffectivenessPlaneOptions = {}): VegaLiteSpec {
  const issues = new IssueList();
  const opts = issues.list(draws?.options, ["options"], "options") as readonly OptionDraws[];
  const maxPoints = options.maxPointsPerOption ?? 1000;
  if (!Number.isInteger(maxPoints) || maxPoints < 1) issues.add("invalid_value", ["maxPointsPerOption"], `must be a whole number ≥ 1, got ${String(maxPoints)}`);
  if (options.threshold !== undefined && (!Number.isFinite(options.threshold) || options.threshold < 0)) issues.add("invalid_value", ["threshold"], `must be a finite number ≥ 0, got ${String(options.threshold)}`);
  const valid = draws?.valid;
  const use = (k: number) => valid === undefined || valid[k] !== 0;
  const n = checkDraws(opts, issues, use);
  if (valid !== undefined && valid.length !== n) issues.add("invalid_value", ["valid"], `must hold one flag per draw (${n}), got ${valid.length}`);
  let used = 0;
  for (let k = 0; k < n; k++) if (use(k)) used++;
  if (n > 0 && used === 0) issues.add("invalid_value", ["valid"], "leaves no draw to plot");
  const comparator = opts.find((o) => o?.optionId === draws?.comparatorId);
  if (comparator === undefined) issues.add("unknown_reference", ["comparatorId"], `must be the id of one of the options, got ${JSON.stringify(draws?.comparatorId)}`);
  issues.throwIfAny();
  const c = comparator!;
  const step = Math.max(1, Math.ceil(used / maxPoints));
  const points: JsonValue[] = [];
  const means: JsonValue[] = [];
  let lo = 0;
  let hi = 0;
  let costLo = 0;
  let costHi = 0;
  for (const o of opts) {
    if (o === c) continue;
    const label = o.label ?? o.optionId;
    let sq = 0;
    let sc = 0;
    let kept = 0;
    for (let k = 0; k < n; k++) {
      if (!use(k)) continue;
      const dq = o.qalys[k]! - c.qalys[k]!;
      const dc = o.costs[k]! - c.costs[k]!;
      sq += dq;
      sc += dc;
      lo = Math.min(lo, dq);
      hi = Math.max(hi, dq);
      costLo = Math.min(costLo, dc);
      costHi = Math.max(costHi, dc);
      if (kept++ % step === 0) points.push({ option: label, draw: k + 1, incrementalQalys: dq, incrementalCost: dc });
    }
    means.push({ option: label, incrementalQalys: sq / used, incrementalCost: sc / used });
  }
  const cur = options.currency !== undefined ? ` (${options.currency})` : "";
  const x = { field: "incrementalQalys", type: "quantitative", title: "Incremental QALYs per patient" } as const;
  // The cost axis spans the draws (and 0); the threshold line is clipped to it rather than stretching it.
  const pad = (costHi - costLo) * 0.05 || 1;
  const y = { field: "incrementalCost", type: "quantitative", title: `Incremental cost per patient${cur}`, scale: { domain: [costLo - pad, costHi + pad] } } as const;
  const color = { field: "option", type: "nominal", title: `Versus ${c.label ?? c.optionId}`, legend: { orient: "bottom" } } as const;
  const layers: JsonValue[] = [
    { data: { values: points }, mark: { type: "point", filled: true, size: 12, opacity: 0.35 }, encoding: { x, y, color, tooltip: [{ field: "option" }, { field: "draw" }, { ...x, format: ".4f" }, { ...y, format: ",.2f" }] } },
    { data: { values: means }, mark: { type: "point", shape: "diamond", filled: true, size: 160, stroke: "black", strokeWidth: 1 }, encoding: { x, y, color, tooltip: [{ field: "option" }, { ...x, title: "Mean incremental QALYs", format: ".4f" }, { ...y, title: "Mean incremental cost", format: ",.2f" }] } },
    { data: { values: [{}] }, mark: { type: "rule", color: "#6b7280", strokeDash: [2, 2] }, encoding: { y: { datum: 0 } } },
    { data: { values: [{}] }, mark: { type: "rule", color: "#6b7280", strokeDash: [2, 2] }, encoding: { x: { datum: 0 } } },
  ];
  if (options.threshold !== undefined) {
    layers.push({
      data: { values: [{ incrementalQalys: lo, incrementalCost: lo * options.threshold, line: `${options.threshold.toLocaleString("en-GB")} per QALY` }, { incrementalQalys: hi, incrementalCost: hi * options.threshold, line: `${options.threshold.toLocaleString("en-GB")} per QALY` }] },
      mark: { type: "line", color: "#b91c1c", strokeWidth: 1.5, clip: true },
      encoding: { x, y, tooltip: [{ field: "line", title: "Threshold" }] },
    });
  }
  return spec(options, { title: "Cost-effectiveness plane", height: 320, description: "Scatter of incremental cost against incremental QALYs per draw, with the threshold line." }, { layer: layers });
}

/** Checks every option's draws; returns the common draw count. */
function checkDraws(opts: readonly OptionDraws[], issues: IssueList, use: (k: number) => boolean): number {
  let n: number | undefined;
  const seen = new Set<string>();
  opts.forEach((o, i) => {
    const id = issues.text(o?.optionId, ["options", i, "optionId"]);
    if (id !== "" && seen.has(id)) issues.add("duplicate_id", ["options", i, "optionId"], `"${id}" appears more than once`);
    seen.add(id);
    for (const key of ["costs", "qalys"] as const) {
      const a = o?.[key];
      if (a === undefined || a === null || typeof a.length !== "number") {
        issues.add("invalid_type", ["options", i, key], "must be an array (or Float64Array) of numbers, one per draw");
        continue;
      }
      if (n === undefined) n = a.length;
      if (a.length !== n) issues.add("invalid_value", ["options", i, key], `must hold ${n} draws like the first option, got ${a.length}`);
      for (let k = 0; k < a.length; k++) {
        if (use(k) && !Number.isFinite(a[k])) {
          issues.add("invalid_value", ["options", i, key, k], `must be a finite number, got ${String(a[k])}`);
          break;
        }
      }
    }
  });
  if (n === 0) issues.add("too_small", ["options", 0, "costs"], "must hold at least one draw");
  return n ?? 0;
}
