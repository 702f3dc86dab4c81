/**
 * The validating entry to the engine: a model document is parsed once here, at the edge, and the typed model
 * is compiled by the engine.
 *
 * @module
 */
import { compileParsedModel, type CompiledModel } from "../engine/compileModel.js";
import { parseFastWith } from "../schema/fastAccept.js";
import type { PathwayModel } from "./model.js";
import { pathwayModelStructureSchema } from "./schema.js";

/**
 * Compiles a pathway model once into a numeric-free program (parameters as an indexed vector in dependency
 * order, expressions and effects as op codes, within-cycle weights and discount times as data, constants as
 * exact decimal text), checking every structural rule once. Evaluate it many times: the base case or
 * overrides (`evaluate`), or thousands of parameter draws at once on Float64 (`evaluateDraws`).
 *
 * @param model - a model document (validated here) or a built model
 * @returns the compiled model
 * @throws VbpInputError listing every structural problem with its path
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
 * };
 * const compiled = compileModel(model);
 * const base = compiled.evaluate();
 * const draws = compiled.evaluateDraws({ parameterIds: ["p_ssi"], count: 2, values: Float64Array.from([0.04, 0.06]) });
 * draws.options[1].costs.length; //=> 2
 * ```
 * @category Engine
 */
export function compileModel(model: PathwayModel | unknown): CompiledModel {
  const parsed = parseFastWith(pathwayModelStructureSchema(), model) as PathwayModel;
  return compileParsedModel(parsed);
}
