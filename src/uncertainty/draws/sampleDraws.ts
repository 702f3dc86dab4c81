import { VbpInputError } from "../../errors/VbpInputError.js";
import { UniformCursor } from "../random/streams.js";
import { normalCdf, normalQuantile } from "../distributions/special.js";
import type { DrawPlan } from "./drawPlan.js";

/**
 * A block of draws: `values[c * count + i]` is column `keys[c]` in draw `start + i` (column-major, so each
 * quantity's draws are one contiguous run). The same layout as the compiled model's `ParameterDraws`.
 *
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
 * const plan = modelDrawPlan(model, model.uncertainty);
 * const m: DrawMatrix = sampleDraws(plan, 2026, 0, 1000);
 * m.values[0 * m.count + 5]; // column 0, draw 5
 * ```
 * @category Uncertainty
 */
export interface DrawMatrix {
  /** Column keys, as in the plan. */
  readonly keys: readonly string[];
  /** Index of the first draw. */
  readonly start: number;
  /** Number of draws. */
  readonly count: number;
  /** Column-major values. */
  readonly values: Float64Array;
}

/** The largest draw index + 1 a run may reach (the draw index is one 32-bit word of the counter). */
export const MAX_DRAWS = 4294967295;

/**
 * Draws `count` draws starting at draw `start` of a plan. Draw d of each quantity is a pure function of
 * (seed, the quantity's stream, d), so any split into blocks, workers or machines gives bit-identical values.
 *
 * @param plan - from {@link createDrawPlan}
 * @param seed - a whole number in [0, 2^53 − 1] (checked by the caller with {@link checkSeed})
 * @param start - first draw index (≥ 0)
 * @param count - number of draws (≥ 0)
 * @returns the draw matrix
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
 * const plan = modelDrawPlan(model, model.uncertainty);
 * const all = sampleDraws(plan, 7, 0, 100);
 * const tail = sampleDraws(plan, 7, 50, 50);
 * all.values[60] === tail.values[10]; //=> true
 * ```
 * @category Uncertainty
 */
export function sampleDraws(plan: DrawPlan, seed: number, start: number, count: number): DrawMatrix {
  if (!Number.isInteger(start) || !Number.isInteger(count) || start < 0 || count < 0 || start + count > MAX_DRAWS) {
    throw new VbpInputError([{ code: "invalid_value", path: ["draws"], message: `draws ${start}…${start + count - 1} are outside 0…${MAX_DRAWS - 1}` }]);
  }
  const n = count;
  const values = new Float64Array(plan.keys.length * n);
  const cur = new UniformCursor(seed);
  for (const s of plan.samplers) {
    if (s.kind === "single") {
      const base = s.column * n;
      const d = s.distribution;
      for (let i = 0; i < n; i++) values[base + i] = d.sample(cur.reset(s.stream, start + i));
    } else if (s.kind === "dirichlet") {
      const row = new Float64Array(s.dirichlet.alpha.length);
      for (let i = 0; i < n; i++) {
        s.dirichlet.sample(cur.reset(s.stream, start + i), row);
        for (const c of s.columns) values[c.column * n + i] = row[c.component]!;
      }
    } else {
      const k = s.columns.length;
      const z = new Float64Array(k);
      const l = s.cholesky;
      for (let i = 0; i < n; i++) {
        cur.reset(s.stream, start + i);
        for (let j = 0; j < k; j++) z[j] = normalQuantile(cur.next());
        for (let r = 0; r < k; r++) {
          let x = 0;
          for (let m = 0; m <= r; m++) x += l[r * k + m]! * z[m]!;
          const margin = s.margins[r]!;
          // Normal margins: the multivariate normal itself (no round trip through Φ and Φ⁻¹).
          const v = margin.type === "normal" ? margin.mean + Math.sqrt(margin.variance) * x : margin.quantile(Math.min(1 - 1e-16, Math.max(1e-300, normalCdf(x))));
          values[s.columns[r]! * n + i] = v;
        }
      }
    }
  }
  return Object.freeze({ keys: plan.keys, start, count, values });
}
