import { SCORING_FUNCTIONS_DESCRIPTION_TABLES } from "./schemasDescriptions.js";
import { describedShape, withMeta, describedObject } from "../../schema/withMeta.js";
import type * as zc from "zod";
import { publicSchema } from "../../schema/publicSchema.js";
import { onFirstUse } from "../../schema/onFirstUse.js";
import * as z from "zod/mini";
import { VbpInputError } from "../../errors/VbpInputError.js";
import { decimalSchema, idSchema, nonNegativeDecimalSchema, sourceSchema } from "../../schema/primitives.js";
import { moderate, type EvaluatorScore, type ModerationInput, type ModerationMethod } from "./moderation.js";
import { PRICE_FORMULA_RULES, resolvePriceFormula, type PriceFormula, type PriceFormulaRule, type PriceFormulaSpec } from "./price.js";
import { BUILT_IN_SCALES, checkScale, type QualitativeScale } from "./scales.js";
import { QUALITATIVE_SCALES } from "./qualitativeScales.js";
import { resolveValueFunction, VALUE_FUNCTION_RULES, type ValueFunction, type ValueFunctionRule, type ValueFunctionSpec } from "./value.js";
import { VALUE_FUNCTIONS } from "./valueFunctions.js";

type Ctx = z.core.$RefinementCtx;

/** Re-reports the library's issues (paths under `strip`) as zod issues at the same path in the document. */
function report(ctx: Ctx, f: () => unknown, strip: number): void {
  try {
    f();
  } catch (e) {
    if (!(e instanceof VbpInputError)) throw e;
    for (const i of e.issues) {
      // `input: undefined` keeps zod from attaching the whole object (the message already names the value).
      ctx.addIssue({ code: "custom", path: [...i.path.slice(strip)], message: i.message, input: undefined, params: { vbpCode: i.code } });
    }
  }
}

const paramName = /* @__PURE__ */ onFirstUse(() => z
  .string().check(z.regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, { message: "must be a parameter name: a letter, then up to 63 letters, digits, _ or -" })));

/**
 * A record of named parameters. zod's record silently drops an own `__proto__` key; here it is an error, as
 * unknown keys are everywhere else. The JSON Schema is given explicitly (the guard is a pipe).
 */
function paramsRecord<V extends z.ZodMiniType>(value: V, key: string) {
  return withMeta(z.pipe(z
    .any().check(z.superRefine((raw: unknown, ctx) => {
      if (raw !== null && typeof raw === "object" && Object.hasOwn(raw, "__proto__")) {
        ctx.addIssue({ code: "custom", path: ["__proto__"], message: 'unknown key "__proto__" (not allowed)', input: undefined, params: { vbpCode: "unrecognized_keys" } });
      }
    })), z.record(paramName(), value)), key);
}

const levelInput = /* @__PURE__ */ onFirstUse(() => withMeta(z.pipe(z
  .union([z.string().check(z.trim(), z.minLength(1), z.maxLength(200)), z.number()]), z.transform((v) => String(v))), "scoring/functions:levelInput"));

/**
 * Builds the schema of a price formula spec that checks names and parameters against a registry (use it
 * when the document may name formulas the caller registered).
 *
 * @param formulas - the registry (default {@link PRICE_FORMULAS})
 * @returns a zod schema whose output is a {@link PriceFormulaSpec}
 * @example
 * ```ts
 * const schema = makePriceFormulaSpecSchema({ ...PRICE_FORMULAS, mine: myFormula });
 * ```
 */
export function makePriceFormulaSpecSchema(formulas: Readonly<Record<string, Omit<PriceFormula, "rankReversal" | "reference"> | undefined>> = PRICE_FORMULA_RULES): zc.ZodType<PriceFormulaSpec, unknown> {
  return publicSchema<PriceFormulaSpec, unknown>(() => priceFormulaSpecSchemaFor(formulas), SCORING_FUNCTIONS_DESCRIPTION_TABLES);
}

/** @internal The library's own schema behind `makePriceFormulaSpecSchema`. */
export function priceFormulaSpecSchemaFor(formulas: Readonly<Record<string, PriceFormulaRule | undefined>> = PRICE_FORMULA_RULES): z.ZodMiniType<PriceFormulaSpec, unknown> {
  return withMeta(z
    .strictObject({
      formula: withMeta(z
        .string().check(z.minLength(1), z.maxLength(128)), "scoring/functions:priceFormulaSpecSchemaFor.formula"),
      params: z.optional(paramsRecord(decimalSchema(), "scoring/functions:priceFormulaParams")),
    }).check(z.superRefine((spec, ctx) => report(ctx, () => resolvePriceFormula(spec, formulas), 1))), "scoring/functions:priceFormulaSpecSchemaFor");
}

/**
 * Schema of a price formula spec `{ formula, params? }` checked against the built-in formulas: unknown
 * formulas, unknown or missing parameters and invalid values are reported at their exact path.
 *
 * @example
 * ```ts
 * priceFormulaSpecSchema.parse({ formula: "logarithmic", params: { A: 2 } }); //=> { formula: "logarithmic", params: { A: "2" } }
 * ```
 */
export const priceFormulaSpecSchema: zc.ZodType<PriceFormulaSpec, unknown> = /* @__PURE__ */ publicSchema<PriceFormulaSpec, unknown>(() => getPriceFormulaSpecSchema(), SCORING_FUNCTIONS_DESCRIPTION_TABLES);

/** @internal The library's own schema behind `priceFormulaSpecSchema`, built on first use. */
export const getPriceFormulaSpecSchema = /* @__PURE__ */ onFirstUse((): z.ZodMiniType<PriceFormulaSpec, unknown> => priceFormulaSpecSchemaFor());

/**
 * Builds the schema of a value function spec that checks names and parameters against a registry.
 *
 * @param functions - the registry (default {@link VALUE_FUNCTIONS})
 * @returns a zod schema whose output is a {@link ValueFunctionSpec}
 * @example
 * ```ts
 * const schema = makeValueFunctionSpecSchema({ ...VALUE_FUNCTIONS, mine: myFunction });
 * ```
 */
export function makeValueFunctionSpecSchema(functions: Readonly<Record<string, ValueFunction<unknown> | undefined>> = VALUE_FUNCTIONS): zc.ZodType<ValueFunctionSpec, unknown> {
  return publicSchema<ValueFunctionSpec, unknown>(() => valueFunctionSpecSchemaFor(functions), SCORING_FUNCTIONS_DESCRIPTION_TABLES);
}

/** @internal The library's own schema behind `makeValueFunctionSpecSchema`. */
export function valueFunctionSpecSchemaFor(functions: Readonly<Record<string, ValueFunctionRule | undefined>> = VALUE_FUNCTION_RULES): z.ZodMiniType<ValueFunctionSpec, unknown> {
  return withMeta(z
    .strictObject(describedShape("scoring/functions:valueFunctionSpecSchemaFor", {
      fn: z
        .string().check(z.minLength(1), z.maxLength(128)),
      direction: z.optional(z
        .enum(["higher-is-better", "lower-is-better"])),
      params: z.optional(paramsRecord(z.unknown(), "scoring/functions:valueFunctionParams")),
    }, "params")).check(z.superRefine((spec, ctx) => report(ctx, () => resolveValueFunction(spec, functions), 1))), "scoring/functions:valueFunctionSpecSchemaFor");
}

/**
 * Schema of a value function spec `{ fn, direction?, params? }` checked against the built-in functions
 * (limits equal, points unsorted and the like are reported at their exact path).
 *
 * @example
 * ```ts
 * valueFunctionSpecSchema.parse({ fn: "linear", params: { lower: 0, upper: 10 } });
 * ```
 */
export const valueFunctionSpecSchema: zc.ZodType<ValueFunctionSpec, unknown> = /* @__PURE__ */ publicSchema<ValueFunctionSpec, unknown>(() => getValueFunctionSpecSchema(), SCORING_FUNCTIONS_DESCRIPTION_TABLES);

/** @internal The library's own schema behind `valueFunctionSpecSchema`, built on first use. */
export const getValueFunctionSpecSchema = /* @__PURE__ */ onFirstUse((): z.ZodMiniType<ValueFunctionSpec, unknown> => valueFunctionSpecSchemaFor());

const levelSchema = /* @__PURE__ */ onFirstUse(() => describedObject("scoring/functions:level", {
    value: nonNegativeDecimalSchema(),
    label: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
    descriptor: z.string().check(z.maxLength(4000)),
  }));

/**
 * Schema of a qualitative scale: `{ id, label, levels: [{ value, label, descriptor }], source?, note? }`;
 * values distinct and ≥ 0, labels distinct, the highest value > 0.
 *
 * @example
 * ```ts
 * qualitativeScaleSchema.parse(QUALITATIVE_SCALES["0-5"]);
 * ```
 */
export const qualitativeScaleSchema: zc.ZodType<QualitativeScale, unknown> = /* @__PURE__ */ publicSchema<QualitativeScale, unknown>(() => getQualitativeScaleSchema(), SCORING_FUNCTIONS_DESCRIPTION_TABLES);

/** @internal The library's own schema behind `qualitativeScaleSchema`, built on first use. */
export const getQualitativeScaleSchema = /* @__PURE__ */ onFirstUse((): z.ZodMiniType<QualitativeScale, unknown> => withMeta(z.pipe(z
  .strictObject(describedShape("scoring/functions:qualitativeScale", {
    id: idSchema(),
    label: z.string().check(z.minLength(1), z.maxLength(300)),
    levels: z.array(levelSchema()).check(z.minLength(2), z.maxLength(101)),
    source: z.optional(sourceSchema()),
    note: z.optional(z.string().check(z.maxLength(2000))),
  })).check(z.superRefine((scale, ctx) => report(ctx, () => checkScale(scale as QualitativeScale, []), 0))), z.transform((scale) => dropUndefinedDeep(scale) as QualitativeScale)), "scoring/functions:qualitativeScale"));

/**
 * Schema of one evaluator's score `{ evaluatorId, level, reason }` (level by value or label; reason required).
 *
 * @example
 * ```ts
 * evaluatorScoreSchema.parse({ evaluatorId: "E1", level: 3, reason: "Clear plan" }); //=> { evaluatorId: "E1", level: "3", reason: "Clear plan" }
 * ```
 */
export const evaluatorScoreSchema: zc.ZodType<EvaluatorScore, unknown> = /* @__PURE__ */ publicSchema<EvaluatorScore, unknown>(() => getEvaluatorScoreSchema(), SCORING_FUNCTIONS_DESCRIPTION_TABLES);

/** @internal The library's own schema behind `evaluatorScoreSchema`, built on first use. */
export const getEvaluatorScoreSchema = /* @__PURE__ */ onFirstUse((): z.ZodMiniType<EvaluatorScore, unknown> => describedObject("scoring/functions:evaluatorScore", {
    evaluatorId: idSchema(),
    level: levelInput(),
    reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(5000)),
  }, "level"));

/**
 * Builds the schema of a moderation record for a given scale: levels are checked against it and a consensus
 * that differs from the individual scores must carry a reason.
 *
 * @param scale - the scale the levels are on (default the NHS VBP five-point scale)
 * @returns a zod schema whose output is a {@link ModerationInput}
 * @example
 * ```ts
 * makeModerationInputSchema(QUALITATIVE_SCALES["0-5"]).parse({ individual: [{ evaluatorId: "E1", level: 4, reason: "…" }] });
 * ```
 */
export function makeModerationInputSchema(scale: QualitativeScale = QUALITATIVE_SCALES["nhs-vbp-5"]): zc.ZodType<ModerationInput, unknown> {
  return publicSchema<ModerationInput, unknown>(() => moderationInputSchemaFor(scale), SCORING_FUNCTIONS_DESCRIPTION_TABLES);
}

/** @internal The library's own schema behind `makeModerationInputSchema`. */
export function moderationInputSchemaFor(scale: QualitativeScale = BUILT_IN_SCALES["nhs-vbp-5"]): z.ZodMiniType<ModerationInput, unknown> {
  return withMeta(z
    .strictObject(describedShape("scoring/functions:moderationInputSchemaFor", {
      individual: z.array(getEvaluatorScoreSchema()).check(z.minLength(1), z.maxLength(200)),
      consensus: z.optional(z
        .strictObject({
          level: levelInput(),
          reason: withMeta(z.string().check(z.maxLength(5000)), "scoring/functions:moderationInputSchemaFor.consensus.reason"),
        })),
      method: z.optional(z
        .enum(["consensus", "mean", "median"] satisfies ModerationMethod[])),
    })).check(z.superRefine((input, ctx) => report(ctx, () => moderate(stripUndefined(input), scale), 0))), "scoring/functions:moderationInputSchemaFor");
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function dropUndefinedDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(dropUndefinedDeep);
  if (v !== null && typeof v === "object") {
    return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => [k, dropUndefinedDeep(x)]));
  }
  return v;
}
