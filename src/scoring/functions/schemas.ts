import { withMeta } from "../../schema/withMeta.js";
import type * as zc from "zod";
import { publicSchema } from "../../schema/publicSchema.js";
import { onFirstUse } from "../../schema/onFirstUse.js";
import * as z from "zod/mini";
import { VbpInputError } from "../../errors/VbpInputError.js";
import { decimalSchema, idSchema, nonNegativeDecimalSchema, sourceSchema } from "../../schema/primitives.js";
import { moderate, type EvaluatorScore, type ModerationInput, type ModerationMethod } from "./moderation.js";
import { PRICE_FORMULAS, resolvePriceFormula, type PriceFormula, type PriceFormulaSpec } from "./price.js";
import { checkScale, QUALITATIVE_SCALES, type QualitativeScale } from "./scales.js";
import { resolveValueFunction, VALUE_FUNCTIONS, type ValueFunction, type ValueFunctionSpec } from "./value.js";

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
function paramsRecord<V extends z.ZodMiniType>(value: V, jsonValue: Record<string, unknown>, description: string) {
  return withMeta(z.pipe(z
    .any().check(z.superRefine((raw: unknown, ctx) => {
      if (raw !== null && typeof raw === "object" && Object.hasOwn(raw, "__proto__")) {
        ctx.addIssue({ code: "custom", path: ["__proto__"], message: 'unknown key "__proto__" (not allowed)', input: undefined, params: { vbpCode: "unrecognized_keys" } });
      }
    })), z.record(paramName(), value)), { description, type: "object", propertyNames: { pattern: "^[A-Za-z][A-Za-z0-9_-]{0,63}$" }, additionalProperties: jsonValue });
}

const levelInput = /* @__PURE__ */ onFirstUse(() => withMeta(z.pipe(z
  .union([z.string().check(z.trim()).check(z.minLength(1)).check(z.maxLength(200)), z.number()]), z.transform((v) => String(v))), { description: 'A level of the scale, by value ("3" or 3) or label ("good", case-insensitive).' }));

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
export function makePriceFormulaSpecSchema(formulas: Readonly<Record<string, PriceFormula | undefined>> = PRICE_FORMULAS): zc.ZodType<PriceFormulaSpec, unknown> {
  return publicSchema<PriceFormulaSpec, unknown>(() => priceFormulaSpecSchemaFor(formulas));
}

/** @internal The library's own schema behind `makePriceFormulaSpecSchema`. */
export function priceFormulaSpecSchemaFor(formulas: Readonly<Record<string, PriceFormula | undefined>> = PRICE_FORMULAS): z.ZodMiniType<PriceFormulaSpec, unknown> {
  return withMeta(z
    .strictObject({
      formula: withMeta(z
        .string().check(z.minLength(1)).check(z.maxLength(128)), { description: `Price formula identifier; built-in: ${Object.keys(PRICE_FORMULAS).join(", ")}.` }),
      params: z.optional(paramsRecord(
        decimalSchema(),
        { anyOf: [{ type: "number" }, { type: "string" }] },
        "The formula's parameters by name, as decimals (logarithmic: A; linear-between-limits: floor, ceiling; mean-based: band; ratio-to-reference: reference; proportional-to-budget: budget).",
      )),
    }).check(z.superRefine((spec, ctx) => report(ctx, () => resolvePriceFormula(spec, formulas), 1))), { description: "How bid prices are turned into points: a named price formula and its parameters." });
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
export const priceFormulaSpecSchema: zc.ZodType<PriceFormulaSpec, unknown> = /* @__PURE__ */ publicSchema<PriceFormulaSpec, unknown>(() => getPriceFormulaSpecSchema());

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
  return publicSchema<ValueFunctionSpec, unknown>(() => valueFunctionSpecSchemaFor(functions));
}

/** @internal The library's own schema behind `makeValueFunctionSpecSchema`. */
export function valueFunctionSpecSchemaFor(functions: Readonly<Record<string, ValueFunction<unknown> | undefined>> = VALUE_FUNCTIONS): z.ZodMiniType<ValueFunctionSpec, unknown> {
  return withMeta(z
    .strictObject({
      fn: withMeta(z
        .string().check(z.minLength(1)).check(z.maxLength(128)), { description: `Value function identifier; built-in: ${Object.keys(VALUE_FUNCTIONS).join(", ")}.` }),
      direction: withMeta(z.optional(z
        .enum(["higher-is-better", "lower-is-better"])), { description: 'Which way the measured value is better; default "higher-is-better".' }),
      params: z.optional(paramsRecord(
        z.unknown(),
        {},
        "The function's parameters: linear and logarithmic: lower, upper; piecewise-linear: points [{ x, y }]; step: steps [{ x, y }], otherwise; proportional-to-best: best. y is a share of the maximum points (0–1).",
      )),
    }).check(z.superRefine((spec, ctx) => report(ctx, () => resolveValueFunction(spec, functions), 1))), { description: "How a measured value (days, %, kgCO2e, years) is turned into points: a named value function, its direction and parameters." });
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
export const valueFunctionSpecSchema: zc.ZodType<ValueFunctionSpec, unknown> = /* @__PURE__ */ publicSchema<ValueFunctionSpec, unknown>(() => getValueFunctionSpecSchema());

/** @internal The library's own schema behind `valueFunctionSpecSchema`, built on first use. */
export const getValueFunctionSpecSchema = /* @__PURE__ */ onFirstUse((): z.ZodMiniType<ValueFunctionSpec, unknown> => valueFunctionSpecSchemaFor());

const levelSchema = /* @__PURE__ */ onFirstUse(() => withMeta(z
  .strictObject({
    value: withMeta(nonNegativeDecimalSchema(), { description: "Numeric value of the level (≥ 0); points = maxPoints × value / highest value." }),
    label: withMeta(z.string().check(z.trim()).check(z.minLength(1)).check(z.maxLength(200)), { description: "Short name of the level, unique within the scale." }),
    descriptor: withMeta(z.string().check(z.maxLength(4000)), { description: "What a response must show to be given this level." }),
  }), { description: "One level of a qualitative scale." }));

/**
 * Schema of a qualitative scale: `{ id, label, levels: [{ value, label, descriptor }], source?, note? }`;
 * values distinct and ≥ 0, labels distinct, the highest value > 0.
 *
 * @example
 * ```ts
 * qualitativeScaleSchema.parse(QUALITATIVE_SCALES["0-5"]);
 * ```
 */
export const qualitativeScaleSchema: zc.ZodType<QualitativeScale, unknown> = /* @__PURE__ */ publicSchema<QualitativeScale, unknown>(() => getQualitativeScaleSchema());

/** @internal The library's own schema behind `qualitativeScaleSchema`, built on first use. */
export const getQualitativeScaleSchema = /* @__PURE__ */ onFirstUse((): z.ZodMiniType<QualitativeScale, unknown> => withMeta(z.pipe(z
  .strictObject({
    id: withMeta(idSchema(), { description: "Identifier of the scale, recorded with scores." }),
    label: withMeta(z.string().check(z.minLength(1)).check(z.maxLength(300)), { description: "Human name of the scale." }),
    levels: withMeta(z.array(levelSchema()).check(z.minLength(2)).check(z.maxLength(101)), { description: "The levels, worst first (2–101 levels)." }),
    source: withMeta(z.optional(sourceSchema()), { description: "Where the scale and its descriptors come from." }),
    note: withMeta(z.optional(z.string().check(z.maxLength(2000))), { description: "Anything needed to apply the scale correctly." }),
  }).check(z.superRefine((scale, ctx) => report(ctx, () => checkScale(scale as QualitativeScale, []), 0))), z.transform((scale) => dropUndefinedDeep(scale) as QualitativeScale)), { description: "A qualitative scoring scale: levels with values and descriptors." }));

/**
 * Schema of one evaluator's score `{ evaluatorId, level, reason }` (level by value or label; reason required).
 *
 * @example
 * ```ts
 * evaluatorScoreSchema.parse({ evaluatorId: "E1", level: 3, reason: "Clear plan" }); //=> { evaluatorId: "E1", level: "3", reason: "Clear plan" }
 * ```
 */
export const evaluatorScoreSchema: zc.ZodType<EvaluatorScore, unknown> = /* @__PURE__ */ publicSchema<EvaluatorScore, unknown>(() => getEvaluatorScoreSchema());

/** @internal The library's own schema behind `evaluatorScoreSchema`, built on first use. */
export const getEvaluatorScoreSchema = /* @__PURE__ */ onFirstUse((): z.ZodMiniType<EvaluatorScore, unknown> => withMeta(z
  .strictObject({
    evaluatorId: withMeta(idSchema(), { description: "Who scored: an identifier unique within the panel." }),
    level: levelInput(),
    reason: withMeta(z.string().check(z.trim()).check(z.minLength(1)).check(z.maxLength(5000)), { description: "Why: the evidence in the response that justifies the level." }),
  }), { description: "One evaluator's score for one response, with the reason." }));

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
  return publicSchema<ModerationInput, unknown>(() => moderationInputSchemaFor(scale));
}

/** @internal The library's own schema behind `makeModerationInputSchema`. */
export function moderationInputSchemaFor(scale: QualitativeScale = QUALITATIVE_SCALES["nhs-vbp-5"]): z.ZodMiniType<ModerationInput, unknown> {
  return withMeta(z
    .strictObject({
      individual: withMeta(z.array(getEvaluatorScoreSchema()).check(z.minLength(1)).check(z.maxLength(200)), { description: "Every evaluator's own score, as given before moderation." }),
      consensus: withMeta(z.optional(z
        .strictObject({
          level: levelInput(),
          reason: withMeta(z.string().check(z.maxLength(5000)), { description: "Why the panel agreed this level; required when it differs from any individual score." }),
        })), { description: "The level agreed at moderation and the reason." }),
      method: withMeta(z.optional(z
        .enum(["consensus", "mean", "median"] satisfies ModerationMethod[])), { description: 'How the scores combine; default "consensus" when a consensus is given, else "median".' }),
    }).check(z.superRefine((input, ctx) => report(ctx, () => moderate(stripUndefined(input), scale), 0))), { description: "The individual scores for one response and the moderated consensus." });
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
