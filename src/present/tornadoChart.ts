/**
 * The tornado diagram of one-way sensitivity analysis.
 *
 * @module
 */
import { IssueList, spec, type ChartOptions, type VegaLiteSpec } from "./vegaLite.js";

/**
 * One bar of a tornado: the output at a parameter's low and high values, others held at base case.
 *
 * @example
 * ```ts
 * const r: TornadoRow = { parameter: "p_ssi", lowInput: 0.05, highInput: 0.15, low: -120.5, high: 310.2 };
 * ```
 * @category Charts
 */
export interface TornadoRow {
  /** Parameter name shown on the axis. */
  readonly parameter: string;
  /** Output with the parameter at its low value. */
  readonly low: number;
  /** Output with the parameter at its high value. */
  readonly high: number;
  /** The parameter's low value (shown in the tooltip and the label). */
  readonly lowInput?: number | string;
  /** The parameter's high value. */
  readonly highInput?: number | string;
}

/**
 * Data for {@link tornadoChart}: the output's base-case value and one row per parameter.
 *
 * @example
 * ```ts
 * const d: TornadoData = { output: "Incremental NMB (£)", base: 210.4, rows: [row] };
 * ```
 * @category Charts
 */
export interface TornadoData {
  /** What the axis measures, e.g. "Incremental cost per patient (£)". */
  readonly output: string;
  /** The output at the base case: the bars start here. */
  readonly base: number;
  /** One row per parameter, in any order (the chart sorts by swing). */
  readonly rows: readonly TornadoRow[];
}

/**
 * A tornado diagram: for each parameter a bar from the base-case output to the output at the parameter's
 * low value and another to the output at its high value, parameters sorted by swing |high − low|, widest on
 * top; a rule marks the base case.
 *
 * @param data - the base-case output and one row per parameter
 * @param options - title, size, and `maxRows` (default 15): only the widest swings are drawn
 * @throws VbpInputError when there are no rows, a name repeats, or a value is not finite
 * @example
 * ```ts
 * tornadoChart({ output: "Incremental cost (£)", base: 100, rows: [{ parameter: "price", low: 50, high: 150 }] });
 * ```
 * @category Charts
 */
export function tornadoChart(data: TornadoData, options: ChartOptions & { readonly maxRows?: number } = {}): VegaLiteSpec {
  const issues = new IssueList();
  const output = issues.text(data?.output, ["output"]);
  const base = issues.finite(data?.base, ["base"]);
  const maxRows = options.maxRows ?? 15;
  if (!Number.isInteger(maxRows) || maxRows < 1) issues.add("invalid_value", ["maxRows"], `must be a whole number ≥ 1, got ${String(maxRows)}`);
  const seen = new Set<string>();
  const rows = issues.list(data?.rows, ["rows"], "rows").map((r, i) => {
    const row = (r ?? {}) as Partial<TornadoRow>;
    const parameter = issues.text(row.parameter, ["rows", i, "parameter"]);
    if (parameter !== "" && seen.has(parameter)) issues.add("duplicate_id", ["rows", i, "parameter"], `"${parameter}" appears more than once`);
    seen.add(parameter);
    const low = issues.finite(row.low, ["rows", i, "low"]);
    const high = issues.finite(row.high, ["rows", i, "high"]);
    return { parameter, low, high, lowInput: row.lowInput === undefined ? "" : String(row.lowInput), highInput: row.highInput === undefined ? "" : String(row.highInput) };
  });
  issues.throwIfAny();
  const shown = [...rows].sort((a, b) => Math.abs(b.high - b.low) - Math.abs(a.high - a.low) || a.parameter.localeCompare(b.parameter)).slice(0, maxRows);
  const bars = shown.flatMap((r) => [
    { parameter: r.parameter, end: "low value", input: r.lowInput, value: r.low, base, swing: Math.abs(r.high - r.low) },
    { parameter: r.parameter, end: "high value", input: r.highInput, value: r.high, base, swing: Math.abs(r.high - r.low) },
  ]);
  const order = shown.map((r) => r.parameter);
  return spec(
    options,
    { title: `Tornado: ${output}`, height: Math.max(60, 26 * shown.length), description: "Horizontal bars from the base-case output to the output at each parameter's low and high values." },
    {
      layer: [
        {
          data: { values: bars },
          mark: { type: "bar", tooltip: true, opacity: 0.9 },
          encoding: {
            y: { field: "parameter", type: "nominal", sort: order, title: null, axis: { labelLimit: 260 } },
            x: { field: "value", type: "quantitative", title: output, scale: { zero: false } },
            x2: { field: "base" },
            color: { field: "end", type: "nominal", title: "Parameter at its", scale: { domain: ["low value", "high value"], range: ["#2563eb", "#ea580c"] }, legend: { orient: "bottom" } },
            tooltip: [{ field: "parameter", title: "Parameter" }, { field: "end", title: "At" }, { field: "input", title: "Input" }, { field: "value", title: output, format: ",.4~f" }, { field: "swing", title: "Swing", format: ",.4~f" }],
          },
        },
        { data: { values: [{ base }] }, mark: { type: "rule", color: "black" }, encoding: { x: { field: "base", type: "quantitative" } } },
      ],
    },
  );
}
