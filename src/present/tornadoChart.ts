/**
 * The tornado diagram of one-way sensitivity analysis.
 *
 * @module
 */
import { IssueList, spec, type ChartOptions, type JsonValue, type VegaLiteSpec } from "./vegaLite.js";

/**
 * One bar of a tornado: a parameter's low and high values and the output at each, the others held at base
 * case.
 *
 * @example
 * ```ts
 * const b: TornadoBar = { parameter: "rr", low: 0.365, high: 0.71, outputAtLow: 4100, outputAtHigh: 12050 };
 * ```
 * @category Charts
 */
export interface TornadoBar {
  /** Parameter id (or name; `labels` in the options can rename it). */
  readonly parameter: string;
  /** The parameter's low value. */
  readonly low: number | string;
  /** The parameter's high value. */
  readonly high: number | string;
  /** The output with the parameter at its low value. */
  readonly outputAtLow: number;
  /** The output with the parameter at its high value. */
  readonly outputAtHigh: number;
}

/**
 * What a tornado measures, described as data (as a one-way sensitivity analysis describes its output).
 *
 * @example
 * ```ts
 * const o: TornadoOutput = { measure: "incrementalNmb", optionId: "npwt", threshold: 25000 };
 * ```
 * @category Charts
 */
export interface TornadoOutput {
  /** `costs`, `qalys`, `lifeYears`, `carbonKg`, `nmb`, `incrementalCosts`, `incrementalQalys`, `incrementalNmb`, `icer`, or another name shown as it is. */
  readonly measure: string;
  /** The option measured. */
  readonly optionId: string;
  /** The option it is compared with (incremental measures). */
  readonly comparatorId?: string;
  /** Willingness to pay per QALY (NMB measures). */
  readonly threshold?: number;
}

/**
 * Data for {@link tornadoChart}: what is measured, its base-case value and one bar per parameter. A tornado
 * result of the one-way sensitivity analysis has this shape (its `output` is an object naming the measure
 * and option).
 *
 * @example
 * ```ts
 * const bar: TornadoBar = { parameter: "rr", low: 0.365, high: 0.71, outputAtLow: 4100, outputAtHigh: 12050 };
 * const d: TornadoData = { output: "ICER (£ per QALY)", base: 6276, bars: [bar] };
 * ```
 * @category Charts
 */
export interface TornadoData {
  /** The axis title, or the output's description `{ measure, optionId, comparatorId?, threshold? }`. */
  readonly output: string | TornadoOutput;
  /** The output at the base case: the bars start here (absent: each bar spans low to high). */
  readonly base?: number;
  /** One bar per parameter, in any order (the chart sorts by swing). */
  readonly bars: readonly TornadoBar[];
}

/**
 * Options of {@link tornadoChart}.
 *
 * @example
 * ```ts
 * const o: TornadoChartOptions = { maxBars: 10, labels: { rr: "Relative risk of progression" } };
 * ```
 * @category Charts
 */
export interface TornadoChartOptions extends ChartOptions {
  /** Only the widest swings are drawn (default 15). */
  readonly maxBars?: number;
  /** Names by parameter id, for the axis. */
  readonly labels?: Readonly<Record<string, string>>;
}

const MEASURES: Readonly<Record<string, string>> = Object.freeze({
  costs: "Cost",
  qalys: "QALYs",
  lifeYears: "Life years",
  carbonKg: "kgCO2e",
  nmb: "Net monetary benefit",
  incrementalCosts: "Incremental cost",
  incrementalQalys: "Incremental QALYs",
  incrementalNmb: "Incremental net monetary benefit",
  icer: "ICER",
});

function outputTitle(output: TornadoData["output"]): string {
  if (typeof output === "string") return output;
  const what = MEASURES[output.measure] ?? output.measure;
  const vs = output.comparatorId !== undefined ? ` vs ${output.comparatorId}` : "";
  const at = output.threshold !== undefined ? ` at ${output.threshold.toLocaleString("en-GB")} per QALY` : "";
  return `${what}: ${output.optionId}${vs}${at}`;
}

/**
 * A tornado diagram: for each parameter a bar from the base-case output to the output at the parameter's
 * low value and another to the output at its high value, sorted by swing |outputAtHigh − outputAtLow|,
 * widest on top; a rule marks the base case.
 *
 * @param data - the output, its base-case value and one bar per parameter (a tornado result plugs in)
 * @param options - `maxBars`, parameter `labels`, title and size
 * @throws VbpInputError when there are no bars, a parameter repeats, or a value is not finite
 * @example
 * ```ts
 * tornadoChart({ output: "Incremental cost (£)", base: 100, bars: [{ parameter: "price", low: 8, high: 12, outputAtLow: 50, outputAtHigh: 150 }] });
 * ```
 * @category Charts
 */
export function tornadoChart(data: TornadoData, options: TornadoChartOptions = {}): VegaLiteSpec {
  const issues = new IssueList();
  const output = typeof data?.output === "object" && data.output !== null ? outputTitle(data.output) : issues.text(data?.output, ["output"]);
  const base = data?.base === undefined ? undefined : issues.finite(data.base, ["base"]);
  const maxBars = options.maxBars ?? 15;
  if (!Number.isInteger(maxBars) || maxBars < 1) issues.add("invalid_value", ["maxBars"], `must be a whole number ≥ 1, got ${String(maxBars)}`);
  const labels = options.labels ?? {};
  const seen = new Set<string>();
  const bars = issues.list(data?.bars, ["bars"], "bars").map((b, i) => {
    const bar = (b ?? {}) as Partial<TornadoBar>;
    const parameter = issues.text(bar.parameter, ["bars", i, "parameter"]);
    if (parameter !== "" && seen.has(parameter)) issues.add("duplicate_id", ["bars", i, "parameter"], `"${parameter}" appears more than once`);
    seen.add(parameter);
    const atLow = issues.finite(bar.outputAtLow, ["bars", i, "outputAtLow"]);
    const atHigh = issues.finite(bar.outputAtHigh, ["bars", i, "outputAtHigh"]);
    const name = Object.prototype.hasOwnProperty.call(labels, parameter) ? labels[parameter]! : parameter;
    return { name, atLow, atHigh, low: String(bar.low ?? ""), high: String(bar.high ?? ""), swing: Math.abs(atHigh - atLow) };
  });
  issues.throwIfAny();
  const shown = [...bars].sort((a, b) => b.swing - a.swing || a.name.localeCompare(b.name)).slice(0, maxBars);
  const values = shown.flatMap((r) => {
    const from = base ?? (r.atLow + r.atHigh) / 2;
    return [
      { parameter: r.name, end: "low value", input: r.low, value: r.atLow, from, swing: r.swing },
      { parameter: r.name, end: "high value", input: r.high, value: r.atHigh, from, swing: r.swing },
    ];
  });
  const layers: JsonValue[] = [
    {
      data: { values },
      mark: { type: "bar", tooltip: true, opacity: 0.9 },
      encoding: {
        y: { field: "parameter", type: "nominal", sort: shown.map((r) => r.name), title: null, axis: { labelLimit: 260 } },
        x: { field: "value", type: "quantitative", title: output, scale: { zero: false } },
        x2: { field: "from" },
        color: { field: "end", type: "nominal", title: "Parameter at its", scale: { domain: ["low value", "high value"], range: ["#2563eb", "#ea580c"] }, legend: { orient: "bottom" } },
        tooltip: [{ field: "parameter", title: "Parameter" }, { field: "end", title: "At" }, { field: "input", title: "Input" }, { field: "value", title: output, format: ",.4~f" }, { field: "swing", title: "Swing", format: ",.4~f" }],
      },
    },
  ];
  if (base !== undefined) layers.push({ data: { values: [{ base }] }, mark: { type: "rule", color: "black" }, encoding: { x: { field: "base", type: "quantitative" } } });
  return spec(
    options,
    { title: `Tornado: ${output}`, height: Math.max(60, 26 * shown.length), description: "Horizontal bars from the base-case output to the output at each parameter's low and high values." },
    { layer: layers },
  );
}
