import { checkOutput, outputValue, type DsaModel, type DsaOutput } from "./figures.js";
import type { OneWayResult } from "./oneWay.js";

/**
 * Tornado diagram data for one output: a bar per parameter, widest swing first.
 *
 * @example
 * ```ts
 * const doc = { id: "ssi", currency: "GBP",
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
 * const oneWay = oneWaySensitivity(doc);
 * const t: Tornado = tornado(oneWay, { measure: "incrementalNmb", optionId: "npwt", threshold: 25000 });
 * t.bars[0].parameter; // the most influential parameter
 * ```
 * @category Uncertainty
 */
export interface Tornado {
  /** The output. */
  readonly output: DsaOutput;
  /** Its base-case value (absent for an ICER with no QALY difference). */
  readonly base?: number;
  /** Bars sorted by decreasing swing |value at high − value at low|. */
  readonly bars: readonly {
    /** Parameter id. */
    readonly parameter: string;
    /** The parameter's low value. */
    readonly low: number;
    /** The parameter's high value. */
    readonly high: number;
    /** The output at the low value. */
    readonly outputAtLow: number;
    /** The output at the high value. */
    readonly outputAtHigh: number;
    /** |outputAtHigh − outputAtLow|. */
    readonly swing: number;
  }[];
  /** Parameters without a bar, and why (a value broke a model rule, or an ICER is undefined there). */
  readonly omitted: readonly {
    /** Parameter id. */
    readonly parameter: string;
    /** Why there is no bar. */
    readonly reason: string;
  }[];
}

/**
 * Tornado data on any output (cost, QALYs, NMB, incremental figures or ICER) from a one-way analysis: the
 * one-way result is computed once and read for as many outputs as needed.
 *
 * @param oneWay - from {@link oneWaySensitivity}
 * @param output - what to read, e.g. `{ measure: "icer", optionId: "npwt" }`
 * @returns bars sorted by swing
 * @throws VbpInputError for an unknown option or an NMB without a threshold
 * @example
 * ```ts
 * const doc = { id: "ssi", currency: "GBP",
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
 * tornado(oneWaySensitivity(doc), { measure: "icer", optionId: "npwt" }).bars.map((b) => b.parameter);
 * ```
 * @category Uncertainty
 */
export function tornado(oneWay: OneWayResult, output: DsaOutput): Tornado {
  checkOutput({ compiled: { optionIds: oneWay.base.map((b) => b.optionId) } } as unknown as DsaModel, output, ["output"]);
  const base = outputValue(oneWay.base, output, oneWay.comparatorId);
  const bars: Tornado["bars"][number][] = [];
  const omitted: { parameter: string; reason: string }[] = [];
  for (const p of oneWay.parameters) {
    if (p.atLow === undefined || p.atHigh === undefined) {
      omitted.push({ parameter: p.id, reason: p.problem ?? "not evaluated" });
      continue;
    }
    const lo = outputValue(p.atLow, output, oneWay.comparatorId);
    const hi = outputValue(p.atHigh, output, oneWay.comparatorId);
    if (lo === undefined || hi === undefined) {
      omitted.push({ parameter: p.id, reason: "the ICER is undefined (no QALY difference) at the low or high value" });
      continue;
    }
    bars.push({ parameter: p.id, low: p.low, high: p.high, outputAtLow: lo, outputAtHigh: hi, swing: Math.abs(hi - lo) });
  }
  bars.sort((a, b) => b.swing - a.swing || (a.parameter < b.parameter ? -1 : 1));
  return { output, ...(base !== undefined ? { base } : {}), bars, omitted };
}
