import { VbpInputError } from "../errors/VbpInputError.js";
import type { PsaResult } from "./psa.js";
import { summariseDraws } from "./summary.js";

/** The format tag of a PSA file. */
export const PSA_FILE_FORMAT = "vbp-psa/1";

/**
 * A PSA result as plain JSON (arrays instead of typed arrays). JavaScript prints every double with the
 * shortest text that reads back to the same bits, so a shard written to a file and read back merges to the
 * identical result.
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
 * const psa = runPsa(model, { iterations: 500, seed: 1 });
 * const text = JSON.stringify(psaToJson(psa));
 * const back = psaFromJson(JSON.parse(text));
 * back.options[1].costs[7] === psa.options[1].costs[7]; //=> true
 * ```
 * @category Uncertainty
 */
export interface PsaJson {
  /** `vbp-psa/1`. */
  readonly format: string;
  /** Everything in {@link PsaResult}, typed arrays as number arrays. */
  readonly [key: string]: unknown;
}

/**
 * A PSA result as plain JSON data.
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
 * const psa = runPsa(model, { iterations: 500, seed: 1 });
 * JSON.stringify(psaToJson(psa)).length > 0; //=> true
 * ```
 * @category Uncertainty
 */
export function psaToJson(psa: PsaResult): PsaJson {
  return {
    format: PSA_FILE_FORMAT,
    ...psa,
    parameters: { ids: psa.parameters.ids, values: Array.from(psa.parameters.values) },
    options: psa.options.map((o) => ({ ...o, costs: Array.from(o.costs), qalys: Array.from(o.qalys), lifeYears: Array.from(o.lifeYears), carbonKg: Array.from(o.carbonKg) })),
    valid: Array.from(psa.valid),
  };
}

function floats(v: unknown, n: number, path: (string | number)[]): Float64Array {
  if (!Array.isArray(v) || v.length !== n || v.some((x) => typeof x !== "number" || !Number.isFinite(x))) {
    throw new VbpInputError([{ code: "invalid_type", path, message: `must be ${n} finite numbers` }]);
  }
  return Float64Array.from(v as number[]);
}

/**
 * Reads a PSA result written by {@link psaToJson} (for example a shard file), checking its shape.
 *
 * @param json - parsed JSON
 * @throws VbpInputError when it is not a PSA file of this version
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
 * const text = JSON.stringify(psaToJson(runPsa(model, { iterations: 1000, seed: 1, draws: { start: 0, count: 500 } })));
 * // in Node, text is what a worker wrote, e.g. readFileSync("shard-1.json", "utf8")
 * const psa = psaFromJson(JSON.parse(text));
 * [psa.start, psa.count, psa.iterations]; //=> [0, 500, 1000]
 * ```
 * @category Uncertainty
 */
export function psaFromJson(json: unknown): PsaResult {
  const j = json as Record<string, unknown> | null;
  if (j === null || typeof j !== "object" || j.format !== PSA_FILE_FORMAT) {
    throw new VbpInputError([{ code: "invalid_value", path: ["format"], message: `must be "${PSA_FILE_FORMAT}" (a file written by vbp psa --format json), got ${JSON.stringify(j?.format)}` }]);
  }
  const count = j.count;
  if (typeof count !== "number" || !Number.isInteger(count) || count < 1) throw new VbpInputError([{ code: "invalid_value", path: ["count"], message: "must be a whole number ≥ 1" }]);
  for (const key of ["modelId", "modelHash", "currency", "comparatorId", "generator", "engine"]) {
    if (typeof j[key] !== "string") throw new VbpInputError([{ code: "invalid_type", path: [key], message: "must be text" }]);
  }
  for (const key of ["seed", "iterations", "start"]) {
    if (typeof j[key] !== "number" || !Number.isInteger(j[key])) throw new VbpInputError([{ code: "invalid_type", path: [key], message: "must be a whole number" }]);
  }
  const params = j.parameters as { ids?: unknown; values?: unknown } | undefined;
  if (params === undefined || !Array.isArray(params.ids) || params.ids.some((x) => typeof x !== "string")) throw new VbpInputError([{ code: "invalid_type", path: ["parameters", "ids"], message: "must be a list of parameter ids" }]);
  const ids = params.ids as string[];
  const values = floats(params.values, ids.length * count, ["parameters", "values"]);
  const validRaw = j.valid;
  if (!Array.isArray(validRaw) || validRaw.length !== count || validRaw.some((x) => x !== 0 && x !== 1)) throw new VbpInputError([{ code: "invalid_type", path: ["valid"], message: `must be ${count} flags 0 or 1` }]);
  const valid = Uint8Array.from(validRaw as number[]);
  if (!Array.isArray(j.options) || j.options.length === 0) throw new VbpInputError([{ code: "invalid_type", path: ["options"], message: "must be a list of options" }]);
  const options = (j.options as Record<string, unknown>[]).map((o, i) => {
    const costs = floats(o.costs, count, ["options", i, "costs"]);
    const qalys = floats(o.qalys, count, ["options", i, "qalys"]);
    const lifeYears = floats(o.lifeYears, count, ["options", i, "lifeYears"]);
    const carbonKg = floats(o.carbonKg, count, ["options", i, "carbonKg"]);
    if (typeof o.optionId !== "string") throw new VbpInputError([{ code: "invalid_type", path: ["options", i, "optionId"], message: "must be text" }]);
    return {
      optionId: o.optionId,
      label: typeof o.label === "string" ? o.label : o.optionId,
      isComparator: o.isComparator === true,
      costs,
      qalys,
      lifeYears,
      carbonKg,
      summary: { costs: summariseDraws(costs, 0.95, valid), qalys: summariseDraws(qalys, 0.95, valid), lifeYears: summariseDraws(lifeYears, 0.95, valid), carbonKg: summariseDraws(carbonKg, 0.95, valid) },
    };
  });
  return {
    modelId: j.modelId as string,
    modelHash: j.modelHash as string,
    currency: j.currency as string,
    comparatorId: j.comparatorId as string,
    seed: j.seed as number,
    iterations: j.iterations as number,
    start: j.start as number,
    count,
    generator: j.generator as string,
    engine: j.engine as string,
    parameters: { ids, values },
    options,
    valid,
    conditions: Array.isArray(j.conditions) ? (j.conditions as PsaResult["conditions"]) : [],
    ...(typeof j.discountedPatients === "number" ? { discountedPatients: j.discountedPatients } : {}),
  };
}
