import { SCORING_DESCRIPTION_TABLES } from "./schemaDescriptions.js";
import { described } from "../schema/describe.js";
import { describedShape, withMeta } from "../schema/withMeta.js";
import type * as zc from "zod";
import { publicSchema } from "../schema/publicSchema.js";
import { onFirstUse } from "../schema/onFirstUse.js";
import * as z from "zod/mini";
import type { SafeResult } from "../errors/VbpInputError.js";
import { parseWith, safeParseWith } from "../schema/issues.js";
import { currencySchema, decimalSchema, idSchema, isoDateSchema, positiveDecimalSchema, textSchema } from "../schema/primitives.js";
import type { Criterion } from "./criteria.js";
import { type PriceFormula, type ValueFunction } from "./functions/index.js";
import { getQualitativeScaleSchema, priceFormulaSpecSchemaFor, valueFunctionSpecSchemaFor } from "./functions/schemas.js";
import { WEIGHT_POLICIES } from "./policies.js";
import type { Tender } from "./tender.js";
import { validateTender } from "./validate.js";

const tagSchema = /* @__PURE__ */ onFirstUse(() => withMeta(z
  .string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: "must be 1–64 lower-case letters, digits or -" })), "scoring:tag"));

const percentSchema = (key: string) => withMeta(decimalSchema(), key);

const common = /* @__PURE__ */ onFirstUse(() => describedShape("scoring:common", {
  id: idSchema(),
  label: textSchema(300).check(z.minLength(1)),
  tag: z.optional(tagSchema()),
  description: z.optional(textSchema(4000)),
}, "tag"));

const weighted = /* @__PURE__ */ onFirstUse(() => ({
  ...common(),
  weight: percentSchema("scoring:percent.weight"),
  weightRange: withMeta(z.optional(z
    .strictObject({
      min: percentSchema("scoring:percent.min"),
      max: percentSchema("scoring:percent.max"),
    })), "scoring:weighted.weightRange"),
}));

const optionSchema = /* @__PURE__ */ onFirstUse(() => z.strictObject(describedShape("scoring:option", {
  id: idSchema(),
  supplier: textSchema(300).check(z.minLength(1)),
  label: textSchema(300).check(z.minLength(1)),
  price: z.optional(positiveDecimalSchema()),
  values: z.optional(z
    .record(idSchema(), decimalSchema())),
  lot: z.optional(idSchema()),
})));

const evaluatorScoreRecordSchema = /* @__PURE__ */ onFirstUse(() => z.strictObject(describedShape("scoring:evaluatorScoreRecord", {
  criterionId: idSchema(),
  optionId: idSchema(),
  evaluatorId: idSchema(),
  level: z.pipe(z.union([z.string().check(z.maxLength(50)), z.number()]), z.transform(String)),
  reason: textSchema(8000).check(z.minLength(1)),
})));

const consensusRecordSchema = /* @__PURE__ */ onFirstUse(() => z.strictObject(describedShape("scoring:consensusRecord", {
  criterionId: idSchema(),
  optionId: idSchema(),
  level: z.pipe(z.union([z.string().check(z.maxLength(50)), z.number()]), z.transform(String)),
  reason: textSchema(8000),
  moderator: z.optional(textSchema(200).check(z.minLength(1))),
  date: z.optional(isoDateSchema()),
  round: z.optional(z.number().check(z.int(), z.gte(1), z.lte(100))),
})));

const passFailRecordSchema = /* @__PURE__ */ onFirstUse(() => z.strictObject(describedShape("scoring:passFailRecord", {
  criterionId: idSchema(),
  optionId: idSchema(),
  passed: z.boolean(),
  reason: textSchema(8000),
})));

const gateSchema = /* @__PURE__ */ onFirstUse(() => z.strictObject(describedShape("scoring:gate", {
  id: idSchema(),
  label: z.optional(textSchema(300)),
  scope: z
    .union([z.enum(["quality", "total"]), z.array(idSchema()).check(z.minLength(1), z.maxLength(500))]),
  minimumPercent: decimalSchema(),
})));

const tieBreakSchema = /* @__PURE__ */ onFirstUse(() => z.discriminatedUnion("rule", [
  z.strictObject({ rule: withMeta(z.literal("higher-quality"), "scoring:tieBreak.rule") }),
  z.strictObject({ rule: withMeta(z.literal("lower-price"), "scoring:tieBreak.rule#2") }),
  z.strictObject({
    rule: withMeta(z.literal("higher-score"), "scoring:tieBreak.rule#3"),
    criterionId: withMeta(idSchema(), "scoring:tieBreak.criterionId"),
  }),
  z.strictObject({
    rule: withMeta(z.literal("higher-tag-score"), "scoring:tieBreak.rule#4"),
    tag: tagSchema(),
  }),
]));

const policyRuleSchema = /* @__PURE__ */ onFirstUse(() => z.strictObject(describedShape("scoring:policyRule", {
  kind: z.enum(["min", "max"]),
  tags: z.array(tagSchema()).check(z.minLength(1), z.maxLength(50)),
  percent: decimalSchema(),
  description: textSchema(300),
  countsByKind: z.optional(z
    .literal("whole-life-cost")),
})));

const weightPolicySchema = /* @__PURE__ */ onFirstUse(() => z.strictObject(describedShape("scoring:weightPolicy", {
  id: idSchema(),
  label: textSchema(200),
  rules: z.array(policyRuleSchema()).check(z.minLength(1), z.maxLength(50)),
  source: z
    .strictObject(describedShape("scoring:weightPolicy.source", {
      publisher: z.string().check(z.minLength(1), z.maxLength(300)),
      title: z.string().check(z.minLength(1), z.maxLength(500)),
      publishedOn: z.string().check(z.maxLength(10)),
      validFrom: z.optional(z.string().check(z.maxLength(10))),
      url: z.optional(z.string().check(z.maxLength(2000))),
      note: z.optional(z.string().check(z.maxLength(2000))),
    })),
})));

const settingsSchema = /* @__PURE__ */ onFirstUse(() => z.strictObject(describedShape("scoring:settings", {
  currency: z.optional(currencySchema()),
  aggregation: z.optional(z
    .enum(["weighted-sum", "price-per-quality-point", "monetised-quality"])),
  valuePerQualityPoint: z.optional(positiveDecimalSchema()),
  tieBreak: z.optional(z.array(tieBreakSchema()).check(z.maxLength(20))),
  policies: z.optional(z
    .array(z.union([z.enum(Object.keys(WEIGHT_POLICIES) as [string, ...string[]]), weightPolicySchema()])).check(z.maxLength(20))),
  policyMode: z.optional(z.enum(["warn", "error"])),
  abnormallyLowPrice: z.optional(z
    .strictObject({ percentBelowMeanOfOthers: withMeta(decimalSchema(), "scoring:settings.abnormallyLowPrice.percentBelowMeanOfOthers") })),
  maxWeightSpread: z.optional(decimalSchema()),
  rankReversal: z.optional(z.boolean()),
  overtaking: z.optional(z.boolean()),
  moderation: z.optional(z
    .strictObject(describedShape("scoring:settings.moderation", {
      wideDisagreementSpread: z.optional(positiveDecimalSchema()),
      medianBetweenLevels: z.optional(z
        .enum(["interpolate", "lower", "upper"])),
    }))),
})));

/**
 * Price formulas and value functions a tender may name, beyond the built-in ones.
 *
 * @example
 * ```ts
 * const registries: ScoringRegistries = { valueFunctions: { ...VALUE_FUNCTIONS, positive: myFunction } };
 * ```
 */
export interface ScoringRegistries {
  /** Price formulas by name (default `PRICE_FORMULAS`); pass `{ ...PRICE_FORMULAS, mine }` to add your own. */
  readonly priceFormulas?: Readonly<Record<string, PriceFormula>>;
  /** Value functions by name (default `VALUE_FUNCTIONS`); pass `{ ...VALUE_FUNCTIONS, mine }` to add your own. */
  readonly valueFunctions?: Readonly<Record<string, ValueFunction<unknown>>>;
}

function buildSchemas(reg: ScoringRegistries) {
const priceCriterionSchema = withMeta(z
  .strictObject({
    ...weighted(),
    ...describedShape("scoring:buildSchemas.priceCriterion", {
      kind: z.literal("price"),
      formula: priceFormulaSpecSchemaFor(reg.priceFormulas),
    }),
  }), "scoring:buildSchemas.priceCriterion");

const quantitativeCriterionSchema = withMeta(z
  .strictObject({
    ...weighted(),
    ...describedShape("scoring:buildSchemas.quantitativeCriterion", {
      kind: z.literal("quantitative"),
      valueFunction: valueFunctionSpecSchemaFor(reg.valueFunctions),
      unit: z.optional(textSchema(100)),
      priceDerived: z.optional(z
        .boolean()),
      costClass: z.optional(z
        .enum(["whole-life-cost", "other-cost", "not-cost"])),
      display: z.optional(z.enum(["money", "share", "number"])),
    }),
  }), "scoring:buildSchemas.quantitativeCriterion");

const qualitativeCriterionSchema = withMeta(z
  .strictObject({
    ...weighted(),
    ...describedShape("scoring:buildSchemas.qualitativeCriterion", {
      kind: z.literal("qualitative"),
      scale: z
        .union([z.string().check(z.minLength(1), z.maxLength(100)), getQualitativeScaleSchema()]),
      moderation: z.optional(z
        .enum(["consensus", "mean", "median"])),
    }),
  }), "scoring:buildSchemas.qualitativeCriterion");

const passFailCriterionSchema = withMeta(z
  .strictObject({
    ...common(),
    kind: withMeta(z.literal("pass-fail"), "scoring:buildSchemas.passFailCriterion.kind"),
  }), "scoring:buildSchemas.passFailCriterion");

const groupCriterionSchema = withMeta(z
  .strictObject({
    ...weighted(),
    kind: withMeta(z.literal("group"), "scoring:buildSchemas.groupCriterion.kind"),
    get children(): z.ZodMiniArray<z.ZodMiniType<Criterion>> {
      return withMeta(z.array(criterionSchema).check(z.minLength(1), z.maxLength(500)), "scoring:buildSchemas.groupCriterion#2");
    },
  }), "scoring:buildSchemas.groupCriterion");

  const criterionSchema: z.ZodMiniType<Criterion> = withMeta(z
  .discriminatedUnion("kind", [groupCriterionSchema, priceCriterionSchema, quantitativeCriterionSchema, qualitativeCriterionSchema, passFailCriterionSchema]), "scoring:buildSchemas.criterion") as unknown as z.ZodMiniType<Criterion>;

const tenderObjectSchema = z.strictObject(describedShape("scoring:buildSchemas.tenderObject", {
  criteria: z.array(criterionSchema).check(z.minLength(1), z.maxLength(500)),
  options: z.array(optionSchema()).check(z.minLength(1), z.maxLength(100_000)),
  lots: z.optional(z
    .array(z.strictObject(describedShape("scoring:buildSchemas.tenderObject.lots", { id: idSchema(), label: textSchema(300) }))).check(z.maxLength(1000))),
  evaluatorScores: z.optional(z.array(evaluatorScoreRecordSchema()).check(z.maxLength(1_000_000))),
  consensus: z.optional(z.array(consensusRecordSchema()).check(z.maxLength(1_000_000))),
  passFail: z.optional(z.array(passFailRecordSchema()).check(z.maxLength(1_000_000))),
  gates: z.optional(z.array(gateSchema()).check(z.maxLength(100))),
  settings: z.optional(settingsSchema()),
}));

  const tenderSchema = withMeta(tenderObjectSchema.check(z.superRefine((t, ctx) => {
    for (const issue of validateTender(t as Tender)) {
      ctx.addIssue({ code: "custom", path: [...issue.path], message: issue.message, input: undefined, params: { vbpCode: issue.code } });
    }
  })), "scoring:buildSchemas.tender");

  return { criterionSchema, tenderSchema };
}

const DEFAULT_SCHEMAS = /* @__PURE__ */ onFirstUse(() => buildSchemas({}));

/**
 * Schema of a node of the criteria tree (a group, or a price, quantitative, qualitative or pass/fail leaf),
 * checked against the built-in price formulas and value functions.
 *
 * @example
 * ```ts
 * criterionSchema.parse({ id: "price", label: "Price", kind: "price", weight: 40, formula: { formula: "relative-to-lowest" } });
 * ```
 */
export const criterionSchema: zc.ZodType<Criterion> = /* @__PURE__ */ publicSchema<Criterion>(() => getCriterionSchema(), SCORING_DESCRIPTION_TABLES);

/** @internal The library's own schema behind `criterionSchema`, built on first use. */
export const getCriterionSchema = /* @__PURE__ */ onFirstUse((): z.ZodMiniType<Criterion> => DEFAULT_SCHEMAS().criterionSchema);

/**
 * The zod schema of a tender: the criteria tree, options, evaluator scores, consensus records, pass/fail
 * outcomes, gates and settings. Cross-field rules (weights sum to 100, references exist, every qualitative
 * criterion scored for every option, levels on the scale, no duplicate ids) are checked too, each issue with
 * its exact path. Use `makeTenderSchema` to accept your own price formulas or value functions.
 *
 * @example
 * ```ts
 * const r = tenderSchema.safeParse(json);
 * ```
 */
export const tenderSchema: zc.ZodType<Tender> = /* @__PURE__ */ publicSchema<Tender>(() => getTenderSchema(), SCORING_DESCRIPTION_TABLES);

/** @internal The library's own schema behind `tenderSchema`, built on first use. */
export const getTenderSchema = /* @__PURE__ */ onFirstUse((): z.ZodMiniType<Tender> => DEFAULT_SCHEMAS().tenderSchema as unknown as z.ZodMiniType<Tender>);

/**
 * Builds the tender schema for a registry of price formulas and value functions (yours added to the built-ins).
 *
 * @param registries - the formulas and functions a tender may name
 * @returns the tender schema
 * @example
 * ```ts
 * const schema = makeTenderSchema({ priceFormulas: { ...PRICE_FORMULAS, "my-formula": myFormula } });
 * ```
 */
export function makeTenderSchema(registries: ScoringRegistries = {}): zc.ZodType<Tender> {
  const { priceFormulas, valueFunctions } = registries;
  if (priceFormulas === undefined && valueFunctions === undefined) return tenderSchema;
  return publicSchema<Tender>(() => tenderSchemaFor(registries), SCORING_DESCRIPTION_TABLES);
}

/** @internal The library's own tender schema for a registry of price formulas and value functions. */
export function tenderSchemaFor(registries: ScoringRegistries = {}): z.ZodMiniType<Tender> {
  const { priceFormulas, valueFunctions } = registries;
  if (priceFormulas === undefined && valueFunctions === undefined) return getTenderSchema();
  // Built once per pair of registries (kept as long as the registries are): scoring the same custom
  // formulas again does not rebuild the schema.
  const byPrice = SCHEMA_CACHE().get(priceFormulas ?? NO_REGISTRY) ?? new WeakMap<object, z.ZodMiniType<Tender>>();
  SCHEMA_CACHE().set(priceFormulas ?? NO_REGISTRY, byPrice);
  const cached = byPrice.get(valueFunctions ?? NO_REGISTRY);
  if (cached !== undefined) return cached;
  const built = buildSchemas(registries).tenderSchema as unknown as z.ZodMiniType<Tender>;
  byPrice.set(valueFunctions ?? NO_REGISTRY, built);
  return built;
}

const NO_REGISTRY: object = Object.freeze({});
const SCHEMA_CACHE = /* @__PURE__ */ onFirstUse(() => new WeakMap<object, WeakMap<object, z.ZodMiniType<Tender>>>());

/**
 * Parses and checks a tender; throws a VbpInputError listing every issue with its path.
 *
 * @param input - the tender as JSON data
 * @param registries - price formulas and value functions the tender may name (default: the built-ins)
 * @returns the parsed tender (decimals as canonical strings)
 * @example
 * ```ts
 * const tender = parseTender(JSON.parse(text));
 * ```
 */
export function parseTender(input: unknown, registries: ScoringRegistries = {}): Tender {
  return parseWith(tenderSchemaFor(registries), input) as Tender;
}

/**
 * Like `parseTender`, but returns `{ success, data } | { success, error }` instead of throwing.
 *
 * @param input - the tender as JSON data
 * @param registries - price formulas and value functions the tender may name (default: the built-ins)
 * @returns the parsed tender or the issues
 * @example
 * ```ts
 * const r = safeParseTender(json);
 * if (!r.success) console.log(r.error.issues);
 * ```
 */
export function safeParseTender(input: unknown, registries: ScoringRegistries = {}): SafeResult<Tender> {
  return safeParseWith(tenderSchemaFor(registries), input) as SafeResult<Tender>;
}

/**
 * The JSON Schema of a tender document (input form: decimals as numbers or strings), with a description on
 * every key, for platforms that build forms or validate documents outside JavaScript. Cross-field rules
 * (weights summing to 100, references) are not expressible in JSON Schema: `parseTender` checks them.
 *
 * @returns a JSON Schema (draft 2020-12) object
 * @example
 * ```ts
 * const schema = tenderJsonSchema();
 * Object.keys(schema.properties as object); //=> ["criteria", "options", "lots", "evaluatorScores", "consensus", "passFail", "gates", "settings"]
 * ```
 */
export function tenderJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(described(getTenderSchema(), SCORING_DESCRIPTION_TABLES), { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
}
