import { describe, expect, expectTypeOf, it } from "vitest";
import * as z from "zod";
import {
  evaluatorScoreSchema,
  makeModerationInputSchema,
  makePriceFormulaSpecSchema,
  PRICE_FORMULAS,
  priceFormulaSpecSchema,
  QUALITATIVE_SCALES,
  qualitativeScaleSchema,
  valueFunctionSpecSchema,
  type EvaluatorScore,
  type ModerationInput,
  type PriceFormula,
  type PriceFormulaSpec,
  type ValueFunctionSpec,
} from "../../../src/scoring/functions/index.js";
import { safeParseWith } from "../../../src/schema/issues.js";

const issues = (schema: z.ZodType, input: unknown) => {
  const r = safeParseWith(schema, input);
  if (r.success) throw new Error("expected issues");
  return r.error.issues.map((i) => ({ code: i.code, path: i.path, message: i.message }));
};

describe("schemas", () => {
  it("outputs are the functions' input types", () => {
    expectTypeOf<z.output<typeof priceFormulaSpecSchema>>().toExtend<PriceFormulaSpec>();
    expectTypeOf<z.output<typeof valueFunctionSpecSchema>>().toExtend<ValueFunctionSpec>();
    expectTypeOf<z.output<typeof evaluatorScoreSchema>>().toExtend<EvaluatorScore>();
    expectTypeOf<z.output<ReturnType<typeof makeModerationInputSchema>>>().toExtend<ModerationInput>();
  });

  it("price formula spec: decimals normalised, parameters checked at their path", () => {
    expect(priceFormulaSpecSchema.parse({ formula: "logarithmic", params: { A: 2 } })).toEqual({ formula: "logarithmic", params: { A: "2" } });
    expect(issues(priceFormulaSpecSchema, { formula: "logarithmic", params: { A: "1" } })).toEqual([{ code: "too_small", path: ["params", "A"], message: "must be > 1, got 1" }]);
    expect(issues(priceFormulaSpecSchema, { formula: "logarithmic" })[0]?.path).toEqual(["params", "A"]);
    expect(issues(priceFormulaSpecSchema, { formula: "lowest" })[0]).toMatchObject({ code: "unknown_reference", path: ["formula"] });
    expect(issues(priceFormulaSpecSchema, { formula: "relative-to-lowest", extra: 1 })[0]).toMatchObject({ code: "unrecognized_keys", path: ["extra"] });
    // an own "__proto__" key (as JSON.parse makes) is an error, never a prototype change
    expect(issues(priceFormulaSpecSchema, JSON.parse('{ "formula": "mean-based", "params": { "__proto__": "1" } }'))[0]?.path).toEqual(["params", "__proto__"]);
    expect(issues(priceFormulaSpecSchema, { formula: "mean-based", params: { band: "wide" } })[0]).toMatchObject({ path: ["params", "band"] });
  });

  it("a registry-specific price schema accepts the caller's formulas", () => {
    const mine: PriceFormula = { ...PRICE_FORMULAS["relative-to-lowest"], id: "mine" };
    expect(makePriceFormulaSpecSchema({ ...PRICE_FORMULAS, mine }).parse({ formula: "mine" })).toEqual({ formula: "mine" });
    expect(safeParseWith(priceFormulaSpecSchema, { formula: "mine" }).success).toBe(false);
  });

  it("value function spec: params checked by the function at their exact path", () => {
    expect(valueFunctionSpecSchema.parse({ fn: "linear", direction: "lower-is-better", params: { lower: 0, upper: 10 } })).toEqual({
      fn: "linear",
      direction: "lower-is-better",
      params: { lower: 0, upper: 10 },
    });
    expect(issues(valueFunctionSpecSchema, { fn: "piecewise-linear", params: { points: [{ x: 0, y: 0 }, { x: 0, y: 1 }] } })).toEqual([
      { code: "out_of_order", path: ["params", "points", 1, "x"], message: "x values must be strictly ascending: points[1].x = 0 is not greater than points[0].x = 0" },
    ]);
    expect(issues(valueFunctionSpecSchema, { fn: "linear", direction: "up", params: { lower: 0, upper: 1 } })[0]).toMatchObject({ code: "invalid_value", path: ["direction"] });
  });

  it("qualitative scale: every built-in passes; duplicates are reported", () => {
    for (const s of Object.values(QUALITATIVE_SCALES)) expect(safeParseWith(qualitativeScaleSchema, s).success).toBe(true);
    expect(
      issues(qualitativeScaleSchema, {
        id: "x",
        label: "X",
        levels: [
          { value: 0, label: "no", descriptor: "" },
          { value: 0, label: "yes", descriptor: "" },
        ],
      }),
    ).toEqual([{ code: "duplicate_id", path: ["levels", 1, "value"], message: "duplicates the value of levels[0] (0)" }]);
  });

  it("evaluator score and moderation input", () => {
    expect(evaluatorScoreSchema.parse({ evaluatorId: "E1", level: 3, reason: " Clear plan " })).toEqual({ evaluatorId: "E1", level: "3", reason: "Clear plan" });
    expect(issues(evaluatorScoreSchema, { evaluatorId: "E1", level: 3, reason: "" })[0]).toMatchObject({ code: "too_small", path: ["reason"] });
    const schema = makeModerationInputSchema(QUALITATIVE_SCALES["0-5"]);
    expect(
      issues(schema, { individual: [{ evaluatorId: "E1", level: 4, reason: "a" }, { evaluatorId: "E2", level: 2, reason: "b" }], consensus: { level: 3, reason: "" } }),
    ).toEqual([{ code: "policy", path: ["consensus", "reason"], message: "must explain the consensus 3 (satisfactory), which differs from E1: 4, E2: 2" }]);
    expect(issues(schema, { individual: [{ evaluatorId: "E1", level: 6, reason: "a" }] })[0]).toMatchObject({ code: "invalid_value", path: ["individual", 0, "level"] });
  });

  it("every key is documented for the JSON Schema", () => {
    const undocumented: string[] = [];
    const walk = (node: unknown, at: string) => {
      if (node === null || typeof node !== "object") return;
      const o = node as Record<string, unknown>;
      if (o.properties !== undefined && typeof o.properties === "object") {
        for (const [k, v] of Object.entries(o.properties as Record<string, unknown>)) {
          if (typeof (v as { description?: unknown }).description !== "string") undocumented.push(`${at}.${k}`);
          walk(v, `${at}.${k}`);
        }
      }
      for (const key of ["items", "additionalProperties", "anyOf", "oneOf", "allOf"]) {
        const child = o[key];
        if (Array.isArray(child)) child.forEach((c, i) => walk(c, `${at}.${key}[${i}]`));
        else walk(child, `${at}.${key}`);
      }
    };
    for (const [name, schema] of Object.entries({
      priceFormulaSpecSchema,
      valueFunctionSpecSchema,
      qualitativeScaleSchema,
      evaluatorScoreSchema,
      moderation: makeModerationInputSchema(),
    })) {
      walk(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }), name);
    }
    expect(undocumented).toEqual([]);
  });
});
