import { VbpInputError } from "../errors/VbpInputError.js";
import type { VbpIssue } from "../errors/issue.js";
import type { PsaOption, PsaResult } from "./psa.js";
import { summariseDraws } from "./summary.js";

function concat(parts: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((s, p) => s + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/**
 * Merges the chunks or shards of one PSA (same model, uncertainty section, seed and iterations) into one
 * result, in draw order. Because every draw is a pure function of the seed, its streams and its index, the
 * merge is bit-identical to a single run over the same draws; summaries are recomputed over the whole.
 *
 * @param parts - results of `runPsa` with `draws` ranges (any order); together they must cover a contiguous
 *   range of draws without overlap (all of them, unless `allowPartial`)
 * @param settings - `allowPartial`: accept a contiguous range that does not cover every draw
 * @returns the merged result
 * @throws VbpInputError naming the part that does not fit (other model, seed, iterations, a gap or an overlap)
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
 * const a = runPsa(model, { iterations: 1000, seed: 1, draws: { start: 0, count: 500 } });
 * const b = runPsa(model, { iterations: 1000, seed: 1, draws: { start: 500, count: 500 } });
 * mergePsa([b, a]).options[0].costs.length; //=> 1000
 * ```
 * @category Uncertainty
 */
export function mergePsa(parts: readonly PsaResult[], settings: { readonly allowPartial?: boolean } = {}): PsaResult {
  if (parts.length === 0) throw new VbpInputError([{ code: "too_small", path: [], message: "give at least one PSA part to merge" }]);
  const first = parts[0]!;
  const issues: VbpIssue[] = [];
  parts.forEach((p, i) => {
    for (const key of ["modelHash", "seed", "iterations", "generator"] as const) {
      if (p[key] !== first[key]) issues.push({ code: "invalid_value", path: [i, key], message: `must match the first part (${String(first[key])}), got ${String(p[key])}: parts of different analyses cannot be merged` });
    }
    if (p.options.length !== first.options.length || p.options.some((o, j) => o.optionId !== first.options[j]!.optionId)) issues.push({ code: "invalid_value", path: [i, "options"], message: "the options differ from the first part's" });
    if (p.parameters.ids.join("\u0000") !== first.parameters.ids.join("\u0000")) issues.push({ code: "invalid_value", path: [i, "parameters"], message: "the drawn parameters differ from the first part's" });
  });
  if (issues.length > 0) throw new VbpInputError(issues);
  const order = parts.map((p, i) => ({ p, i })).sort((a, b) => a.p.start - b.p.start);
  for (let j = 1; j < order.length; j++) {
    const prev = order[j - 1]!.p;
    const cur = order[j]!;
    const end = prev.start + prev.count;
    if (cur.p.start !== end) {
      issues.push({ code: cur.p.start < end ? "duplicate_id" : "out_of_order", path: [cur.i, "start"], message: cur.p.start < end ? `draws ${cur.p.start}…${end - 1} are in two parts` : `draws ${end}…${cur.p.start - 1} are missing (no part holds them)` });
    }
  }
  const start = order[0]!.p.start;
  const last = order[order.length - 1]!.p;
  const count = last.start + last.count - start;
  if (settings.allowPartial !== true && (start !== 0 || count !== first.iterations)) {
    issues.push({ code: "out_of_order", path: [], message: `the parts hold draws ${start}…${start + count - 1} of 0…${first.iterations - 1}: every shard is needed (or merge with allowPartial)` });
  }
  if (issues.length > 0) throw new VbpInputError(issues);
  const ps = order.map((x) => x.p);
  const valid = new Uint8Array(count);
  let off = 0;
  for (const p of ps) {
    valid.set(p.valid, off);
    off += p.count;
  }
  const k = first.parameters.ids.length;
  const values = new Float64Array(k * count);
  for (let c = 0; c < k; c++) {
    let o = 0;
    for (const p of ps) {
      values.set(p.parameters.values.subarray(c * p.count, (c + 1) * p.count), c * count + o);
      o += p.count;
    }
  }
  const options: PsaOption[] = first.options.map((o, j) => {
    const costs = concat(ps.map((p) => p.options[j]!.costs));
    const qalys = concat(ps.map((p) => p.options[j]!.qalys));
    const lifeYears = concat(ps.map((p) => p.options[j]!.lifeYears));
    const carbonKg = concat(ps.map((p) => p.options[j]!.carbonKg));
    return {
      optionId: o.optionId,
      label: o.label,
      isComparator: o.isComparator,
      costs,
      qalys,
      lifeYears,
      carbonKg,
      summary: { costs: summariseDraws(costs, 0.95, valid), qalys: summariseDraws(qalys, 0.95, valid), lifeYears: summariseDraws(lifeYears, 0.95, valid), carbonKg: summariseDraws(carbonKg, 0.95, valid) },
    };
  });
  const conditions = new Map<string, PsaResult["conditions"][number]>();
  for (const p of ps) {
    for (const c of p.conditions) {
      const key = `${c.code}|${c.path.join(".")}`;
      const prev = conditions.get(key);
      conditions.set(key, prev === undefined ? c : { ...prev, count: prev.count + c.count, firstDraw: Math.min(prev.firstDraw, c.firstDraw) });
    }
  }
  return { ...first, start, count, parameters: { ids: first.parameters.ids, values }, options, valid, conditions: [...conditions.values()] };
}
