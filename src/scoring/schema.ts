import { withMeta } from "../schema/withMeta.js";
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
  .string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: "must be 1–64 lower-case letters, digits or -" })), { description: "Value domain the criterion counts toward in weight policies, e.g. social-value, efficiency, patient-and-staff, supply-chain, purpose, whole-life-cost, net-zero." }));

const percentSchema = (description: string) => withMeta(decimalSchema(), { description });

const common = /* @__PURE__ */ onFirstUse(() => ({
  id: withMeta(idSchema(), { description: "Criterion identifier, unique across the whole tree." }),
  label: withMeta(textSchema(300).check(z.minLength(1)), { description: "Name shown to evaluators and suppliers, e.g. \"3.2 Training and support\"." }),
  tag: z.optional(tagSchema()),
  description: withMeta(z.optional(textSchema(4000)), { description: "What is assessed and how, as published with the tender." }),
}));

const weighted = /* @__PURE__ */ onFirstUse(() => ({
  ...common(),
  weight: percentSchema("Weight among its siblings, in percent (\"25\" is 25%). Sibling weights must sum to exactly 100."),
  weightRange: withMeta(z.optional(z
    .strictObject({
      min: percentSchema("Lowest weight allowed, percent."),
      max: percentSchema("Highest weight allowed, percent."),
    })), { description: "Published weight range (EU 2014/24 Art. 67(5)); the weight used must lie within it." }),
}));

const optionSchema = /* @__PURE__ */ onFirstUse(() => z.strictObject({
  id: withMeta(idSchema(), { description: "Option identifier, unique in the tender." }),
  supplier: withMeta(textSchema(300).check(z.minLength(1)), { description: "Supplier name." }),
  label: withMeta(textSchema(300).check(z.minLength(1)), { description: "What is offered, e.g. the product name." }),
  price: withMeta(z.optional(positiveDecimalSchema()), { description: "Bid price in the tender currency (> 0)." }),
  values: withMeta(z.optional(z
    .record(idSchema(), decimalSchema())), { description: "Raw values for quantitative criteria, by criterion id." }),
  lot: withMeta(z.optional(idSchema()), { description: "Lot the option is offered for." }),
}));

const evaluatorScoreRecordSchema = /* @__PURE__ */ onFirstUse(() => z.strictObject({
  criterionId: withMeta(idSchema(), { description: "The qualitative criterion scored." }),
  optionId: withMeta(idSchema(), { description: "The option scored." }),
  evaluatorId: withMeta(idSchema(), { description: "Who scored." }),
  level: withMeta(z.pipe(z.union([z.string().check(z.maxLength(50)), z.number()]), z.transform(String)), { description: "Level given: the scale's level value, e.g. \"4\"." }),
  reason: withMeta(textSchema(8000).check(z.minLength(1)), { description: "The evaluator's reason (the evidence relied on), quoted in the assessment summary; required." }),
}));

const consensusRecordSchema = /* @__PURE__ */ onFirstUse(() => z.strictObject({
  criterionId: withMeta(idSchema(), { description: "The qualitative criterion." }),
  optionId: withMeta(idSchema(), { description: "The option." }),
  level: withMeta(z.pipe(z.union([z.string().check(z.maxLength(50)), z.number()]), z.transform(String)), { description: "Agreed level (scale level value)." }),
  reason: withMeta(textSchema(8000), { description: "The panel's agreed reason, quoted in the assessment summary." }),
  moderator: withMeta(z.optional(textSchema(200).check(z.minLength(1))), { description: "Who chaired the moderation that agreed this level (audit trail; required when the level changes any evaluator's score)." }),
  date: withMeta(z.optional(isoDateSchema()), { description: "Date the level was agreed, YYYY-MM-DD (audit trail)." }),
  round: withMeta(z.optional(z.number().check(z.int()).check(z.gte(1)).check(z.lte(100))), { description: "Moderation round (1 = first meeting) in which the level was agreed (audit trail)." }),
}));

const passFailRecordSchema = /* @__PURE__ */ onFirstUse(() => z.strictObject({
  criterionId: withMeta(idSchema(), { description: "The pass/fail criterion." }),
  optionId: withMeta(idSchema(), { description: "The option." }),
  passed: withMeta(z.boolean(), { description: "Whether the option meets the requirement." }),
  reason: withMeta(textSchema(8000), { description: "Why: evidence seen or missing." }),
}));

const gateSchema = /* @__PURE__ */ onFirstUse(() => z.strictObject({
  id: withMeta(idSchema(), { description: "Gate identifier." }),
  label: withMeta(z.optional(textSchema(300)), { description: "Name shown in reports, e.g. \"Quality threshold\"." }),
  scope: withMeta(z
    .union([z.enum(["quality", "total"]), z.array(idSchema()).check(z.minLength(1)).check(z.maxLength(500))]), { description: "\"quality\" (all scored criteria except price), \"total\", or a list of criterion ids whose points are added." }),
  minimumPercent: withMeta(decimalSchema(), { description: "Minimum, percent of the scope's maximum points (0–100)." }),
}));

const tieBreakSchema = /* @__PURE__ */ onFirstUse(() => z.discriminatedUnion("rule", [
  z.strictObject({ rule: withMeta(z.literal("higher-quality"), { description: "Higher quality points win." }) }),
  z.strictObject({ rule: withMeta(z.literal("lower-price"), { description: "Lower bid price wins." }) }),
  z.strictObject({
    rule: withMeta(z.literal("higher-score"), { description: "Higher points on one criterion win." }),
    criterionId: withMeta(idSchema(), { description: "The criterion (leaf or group)." }),
  }),
  z.strictObject({
    rule: withMeta(z.literal("higher-tag-score"), { description: "Higher points on the criteria with a tag win." }),
    tag: tagSchema(),
  }),
]));

const policyRuleSchema = /* @__PURE__ */ onFirstUse(() => z.strictObject({
  kind: withMeta(z.enum(["min", "max"]), { description: "\"min\": tagged weight at least percent; \"max\": at most." }),
  tags: withMeta(z.array(tagSchema()).check(z.minLength(1)).check(z.maxLength(50)), { description: "Tags whose global weights are added." }),
  percent: withMeta(decimalSchema(), { description: "The bound, percent." }),
  description: withMeta(textSchema(300), { description: "What the rule is called in messages." }),
  countsByKind: withMeta(z.optional(z
    .literal("whole-life-cost")), { description: "Also count every price criterion and every quantitative criterion with costClass whole-life-cost, wherever they sit; warn about unclassified quantitative criteria." }),
}));

const weightPolicySchema = /* @__PURE__ */ onFirstUse(() => z.strictObject({
  id: withMeta(idSchema(), { description: "Policy identifier." }),
  label: withMeta(textSchema(200), { description: "Short name used in messages." }),
  rules: withMeta(z.array(policyRuleSchema()).check(z.minLength(1)).check(z.maxLength(50)), { description: "The rules." }),
  source: withMeta(z
    .strictObject({
      publisher: withMeta(z.string().check(z.minLength(1)).check(z.maxLength(300)), { description: "Organisation that published the policy." }),
      title: withMeta(z.string().check(z.minLength(1)).check(z.maxLength(500)), { description: "Title of the document." }),
      publishedOn: withMeta(z.string().check(z.maxLength(10)), { description: "Publication date (YYYY-MM-DD)." }),
      validFrom: withMeta(z.optional(z.string().check(z.maxLength(10))), { description: "Date from which it applies (YYYY-MM-DD)." }),
      url: withMeta(z.optional(z.string().check(z.maxLength(2000))), { description: "Public address." }),
      note: withMeta(z.optional(z.string().check(z.maxLength(2000))), { description: "Anything needed to apply it." }),
    }), { description: "Where the policy comes from." }),
}));

const settingsSchema = /* @__PURE__ */ onFirstUse(() => z.strictObject({
  currency: withMeta(z.optional(currencySchema()), { description: "Currency of prices (ISO 4217). Default GBP." }),
  aggregation: withMeta(z.optional(z
    .enum(["weighted-sum", "price-per-quality-point", "monetised-quality"])), { description: "weighted-sum (default, highest total wins), price-per-quality-point (price ÷ quality points, lowest wins) or monetised-quality (price − quality points × valuePerQualityPoint, lowest wins)." }),
  valuePerQualityPoint: withMeta(z.optional(positiveDecimalSchema()), { description: "Money value of one quality point, for monetised-quality." }),
  tieBreak: withMeta(z.optional(z.array(tieBreakSchema()).check(z.maxLength(20))), { description: "Published tie-break rules in order. Default: higher quality, then lower price. Options still tied share a rank." }),
  policies: withMeta(z.optional(z
    .array(z.union([z.enum(Object.keys(WEIGHT_POLICIES) as [string, ...string[]]), weightPolicySchema()])).check(z.maxLength(20))), { description: "Weight policies to check: shipped ids (nhs-vbp-2026, nhs-net-zero-2022, ppn-002) or policies as data." }),
  policyMode: withMeta(z.optional(z.enum(["warn", "error"])), { description: "warn (default): breaches are warnings; error: they stop the run." }),
  abnormallyLowPrice: withMeta(z.optional(z
    .strictObject({ percentBelowMeanOfOthers: withMeta(decimalSchema(), { description: "Percent below the mean of the other bids that raises the flag." }) })), { description: "Flag abnormally low prices for investigation (never an exclusion)." }),
  maxWeightSpread: withMeta(z.optional(decimalSchema()), { description: "Largest spread (max − min, percentage points) of a published weight range." }),
  rankReversal: withMeta(z.optional(z.boolean()), { description: "Compute rank reversals (default true)." }),
  overtaking: withMeta(z.optional(z.boolean()), { description: "Compute what each option needs to overtake the next-ranked one (default true)." }),
  moderation: withMeta(z.optional(z
    .strictObject({
      wideDisagreementSpread: withMeta(z.optional(positiveDecimalSchema()), { description: "Flag a response when the evaluators' levels differ by at least this much (highest − lowest level value; default 2)." }),
      medianBetweenLevels: withMeta(z.optional(z
        .enum(["interpolate", "lower", "upper"])), { description: "When a median (even panel) falls between two scale levels: interpolate the points between them (default), or take the lower or the upper level." }),
    })), { description: "Moderation rules: wide-disagreement flag and the rule for a median between levels." }),
}));

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
    kind: withMeta(z.literal("price"), { description: "A leaf scored from the bid price with a price formula." }),
    formula: withMeta(priceFormulaSpecSchemaFor(reg.priceFormulas), { description: "The price formula and its parameters." }),
  }), { description: "Price criterion." });

const quantitativeCriterionSchema = withMeta(z
  .strictObject({
    ...weighted(),
    kind: withMeta(z.literal("quantitative"), { description: "A leaf scored from a raw value per option with a value function." }),
    valueFunction: withMeta(valueFunctionSpecSchemaFor(reg.valueFunctions), { description: "The value function, direction and parameters." }),
    unit: withMeta(z.optional(textSchema(100)), { description: "Unit of the raw value, e.g. \"kgCO2e per procedure\"." }),
    priceDerived: withMeta(z.optional(z
      .boolean()), { description: "The value is computed from the bid price (e.g. whole-life cost): not scored or shown for a tender excluded before price is opened; gates on it apply after price." }),
    costClass: withMeta(z.optional(z
      .enum(["whole-life-cost", "other-cost", "not-cost"])), { description: "What the value measures, for weight policies: whole-life-cost counts in the NHS VBP whole-life cost limit like a price criterion." }),
    display: withMeta(z.optional(z.enum(["money", "share", "number"])), { description: "How reports show the raw value: money, a 0–1 share as a percentage, or a number with its unit (default)." }),
  }), { description: "Quantitative criterion." });

const qualitativeCriterionSchema = withMeta(z
  .strictObject({
    ...weighted(),
    kind: withMeta(z.literal("qualitative"), { description: "A leaf scored by evaluators on a qualitative scale, then moderated." }),
    scale: withMeta(z
      .union([z.string().check(z.minLength(1)).check(z.maxLength(100)), getQualitativeScaleSchema()]), { description: "A scale id from QUALITATIVE_SCALES (e.g. \"nhs-five-point\") or a scale given inline." }),
    moderation: withMeta(z.optional(z
      .enum(["consensus", "mean", "median"])), { description: "How individual scores become one: the recorded consensus (default), or the mean or median level." }),
  }), { description: "Qualitative criterion." });

const passFailCriterionSchema = withMeta(z
  .strictObject({
    ...common(),
    kind: withMeta(z.literal("pass-fail"), { description: "A gate the option must pass; carries no weight." }),
  }), { description: "Pass/fail criterion." });

const groupCriterionSchema = withMeta(z
  .strictObject({
    ...weighted(),
    kind: withMeta(z.literal("group"), { description: "A domain or question grouping sub-criteria." }),
    get children(): z.ZodMiniArray<z.ZodMiniType<Criterion>> {
      return withMeta(z.array(criterionSchema).check(z.minLength(1)).check(z.maxLength(500)), { description: "Sub-criteria; the weighted ones' weights sum to 100." });
    },
  }), { description: "Group of criteria." });

  const criterionSchema: z.ZodMiniType<Criterion> = withMeta(z
  .discriminatedUnion("kind", [groupCriterionSchema, priceCriterionSchema, quantitativeCriterionSchema, qualitativeCriterionSchema, passFailCriterionSchema]), { description: "A criterion: group, price, quantitative, qualitative or pass-fail." }) as unknown as z.ZodMiniType<Criterion>;

const tenderObjectSchema = z.strictObject({
  criteria: withMeta(z.array(criterionSchema).check(z.minLength(1)).check(z.maxLength(500)), { description: "The criteria tree; root weights sum to 100." }),
  options: withMeta(z.array(optionSchema()).check(z.minLength(1)).check(z.maxLength(100_000)), { description: "The options (bids)." }),
  lots: withMeta(z.optional(z
    .array(z.strictObject({ id: withMeta(idSchema(), { description: "Lot identifier." }), label: withMeta(textSchema(300), { description: "Lot name." }) })).check(z.maxLength(1000))), { description: "The lots; when absent every option is in one lot \"default\"." }),
  evaluatorScores: withMeta(z.optional(z.array(evaluatorScoreRecordSchema()).check(z.maxLength(1_000_000))), { description: "Individual evaluator scores on qualitative criteria." }),
  consensus: withMeta(z.optional(z.array(consensusRecordSchema()).check(z.maxLength(1_000_000))), { description: "Moderated consensus scores on qualitative criteria." }),
  passFail: withMeta(z.optional(z.array(passFailRecordSchema()).check(z.maxLength(1_000_000))), { description: "Outcomes of pass/fail criteria." }),
  gates: withMeta(z.optional(z.array(gateSchema()).check(z.maxLength(100))), { description: "Minimum-score gates." }),
  settings: withMeta(z.optional(settingsSchema()), { description: "Settings of the scoring run." }),
});

  const tenderSchema = withMeta(tenderObjectSchema.check(z.superRefine((t, ctx) => {
    for (const issue of validateTender(t as Tender)) {
      ctx.addIssue({ code: "custom", path: [...issue.path], message: issue.message, input: undefined, params: { vbpCode: issue.code } });
    }
  })), { description: "A tender to score: criteria, options, evaluator scores, gates and settings." });

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
export const criterionSchema: zc.ZodType<Criterion> = /* @__PURE__ */ publicSchema<Criterion>(() => getCriterionSchema());

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
export const tenderSchema: zc.ZodType<Tender> = /* @__PURE__ */ publicSchema<Tender>(() => getTenderSchema());

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
  return publicSchema<Tender>(() => tenderSchemaFor(registries));
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
  return z.toJSONSchema(getTenderSchema(), { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
}
