/**
 * Rank acceptability: the probability of each rank for each option (SMAA; Lahdelma & Salminen 2001, Oper
 * Res 49:444–454).
 *
 * @module
 */
import { IssueList, spec, type ChartOptions, type VegaLiteSpec } from "./vegaLite.js";

/** How far a row of rank probabilities may be from summing to 1 (rounding in the producer). */
const SUM_TOLERANCE = 1e-6;

/**
 * One option's row of the rank-acceptability matrix.
 *
 * @example
 * ```ts
 * const r: RankAcceptabilityRow = { optionId: "pico", label: "PICO 7", probabilities: [0.7, 0.25, 0.05] };
 * ```
 * @category Charts
 */
export interface RankAcceptabilityRow {
  /** Option id. */
  readonly optionId: string;
  /** Name shown on the axis (default: the id). */
  readonly label?: string;
  /** `probabilities[r]` is the probability the option is ranked r + 1; they sum to 1. */
  readonly probabilities: ArrayLike<number>;
}

/**
 * A stacked bar per option showing the probability of each rank (rank 1 first), from a rank-acceptability
 * matrix (rows: options; columns: ranks).
 *
 * @param rows - one row per option, each with one probability per rank (the same number of ranks for all)
 * @throws VbpInputError when there are no rows, a row has a different number of ranks, a probability is
 *   outside 0–1, a row does not sum to 1 (±1e-6), or an option id repeats
 * @example
 * ```ts
 * rankAcceptabilityChart([{ optionId: "a", probabilities: [0.7, 0.3] }, { optionId: "b", probabilities: [0.3, 0.7] }]);
 * ```
 * @category Charts
 */
export function rankAcceptabilityChart(rows: readonly RankAcceptabilityRow[], options: ChartOptions = {}): VegaLiteSpec {
  const issues = new IssueList();
  const list = issues.list(rows, [], "rows") as readonly RankAcceptabilityRow[];
  const ranks = list[0]?.probabilities?.length ?? 0;
  const seen = new Set<string>();
  const values: { option: string; rank: string; order: number; probability: number }[] = [];
  list.forEach((row, i) => {
    const id = issues.text(row?.optionId, [i, "optionId"]);
    if (id !== "" && seen.has(id)) issues.add("duplicate_id", [i, "optionId"], `"${id}" appears more than once`);
    seen.add(id);
    const p = row?.probabilities;
    if (p === undefined || p === null || typeof p.length !== "number") {
      issues.add("invalid_type", [i, "probabilities"], "must be an array of probabilities, one per rank");
      return;
    }
    if (p.length !== ranks || ranks === 0) issues.add("invalid_value", [i, "probabilities"], `must hold one probability per rank (${ranks} like the first row, at least 1), got ${p.length}`);
    let sum = 0;
    for (let r = 0; r < p.length; r++) {
      const v = issues.probability(p[r], [i, "probabilities", r]);
      sum += v;
      values.push({ option: typeof row.label === "string" && row.label !== "" ? row.label : id, rank: `rank ${r + 1}`, order: r, probability: v });
    }
    if (Math.abs(sum - 1) > SUM_TOLERANCE) issues.add("sum_mismatch", [i, "probabilities"], `must sum to 1, got ${sum}`);
  });
  issues.throwIfAny();
  const optionOrder = [...new Set(values.map((v) => v.option))];
  return spec(
    options,
    { title: "Rank acceptability", height: Math.max(60, 28 * optionOrder.length), description: "Stacked bars: probability of each rank per option." },
    {
      data: { values },
      mark: { type: "bar", tooltip: true },
      encoding: {
        y: { field: "option", type: "nominal", sort: optionOrder, title: null, axis: { labelLimit: 320 } },
        x: { field: "probability", type: "quantitative", title: "Probability", stack: "zero", scale: { domain: [0, 1] }, axis: { format: ".0%" } },
        color: { field: "rank", type: "ordinal", title: "Rank", sort: values.slice(0, ranks).map((v) => v.rank), scale: { scheme: "viridis" }, legend: { orient: "bottom" } },
        order: { field: "order", type: "ordinal" },
        tooltip: [{ field: "option", title: "Option" }, { field: "rank", title: "Rank" }, { field: "probability", type: "quantitative", title: "Probability", format: ".1%" }],
      },
    },
  );
}
