import * as z from "zod";
import type { SafeResult } from "../errors/VbpInputError.js";
import { parseWith, safeParseWith } from "../schema/issues.js";
import { currencySchema, decimalSchema, idSchema, isoDateSchema, positiveDecimalSchema, textSchema } from "../schema/primitives.js";
import type { Criterion } from "./criteria.js";
import { makePriceFormulaSpecSchema, makeValueFunctionSpecSchema, qualitativeScaleSchema, type PriceFormula, type ValueFunction } from "./functions/index.js";
import { WEIGHT_POLICIES } from "./policies.js";
import type { Tender } from "./tender.js";
import { validateTender } from "./validate.js";

const tagSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: "must be 1–64 lower-case letters, digits or -" })
  .meta({ description: "Value domain the criterion counts toward in weight policies, e.g. social-value, efficiency, patient-and-staff, supply-chain, purpose, whole-life-cost, net-zero." });

const percentSchema = (description: string) => decimalSchema.meta({ description });

const common = {
  id: idSchema.meta({ description: "Criterion identifier, unique across the whole tree." }),
  label: textSchema(300).min(1).meta({ description: "Name shown to evaluators and suppliers, e.g. \"3.2 Training and support\"." }),
  tag: tagSchema.optional(),
  description: textSchema(4000).optional().meta({ description: "What is assessed and how, as published with the tender." }),
};

const weighted = {
  ...common,
  weight: percentSchema("Weight among its siblings, in percent (\"25\" is 25%). Sibling weights must sum to exactly 100."),
  weightRange: z
    .strictObject({
      min: percentSchema("Lowest weight allowed, percent."),
      max: percentSchema("Highest weight allowed, percent."),
    })
    .optional()
    .meta({ description: "Published weight range (EU 2014/24 Art. 67(5)); the weight used must lie within it." }),
};

const optionSchema = z.strictObject({
  id: idSchema.meta({ description: "Option identifier, unique in the tender." }),
  supplier: textSchema(300).min(1).meta({ description: "Supplier name." }),
  label: textSchema(300).min(1).meta({ description: "What is offered, e.g. the product name." }),
  price: positiveDecimalSchema.optional().meta({ description: "Bid price in the tender currency (> 0)." }),
  values: z
    .record(idSchema, decimalSchema)
    .optional()
    .meta({ description: "Raw values for quantitative criteria, by criterion id." }),
  lot: idSchema.optional().meta({ description: "Lot the option is offered for." }),
});

const evaluatorScoreRecordSchema = z.strictObject({
  criterionId: idSchema.meta({ description: "The qualitative criterion scored." }),
  optionId: idSchema.meta({ description: "The option scored." }),
  evaluatorId: idSchema.meta({ description: "Who scored." }),
  level: z.union([z.string().max(50), z.number()]).transform(String).meta({ description: "Level given: the scale's level value, e.g. \"4\"." }),
  reason: textSchema(8000).min(1).meta({ description: "The evaluator's reason (the evidence relied on), quoted in the assessment summary; required." }),
});

const consensusRecordSchema = z.strictObject({
  criterionId: idSchema.meta({ description: "The qualitative criterion." }),
  optionId: idSchema.meta({ description: "The option." }),
  level: z.union([z.string().max(50), z.number()]).transform(String).meta({ description: "Agreed level (scale level value)." }),
  reason: textSchema(8000).meta({ description: "The panel's agreed reason, quoted in the assessment summary." }),
  moderator: textSchema(200).min(1).optional().meta({ description: "Who chaired the moderation that agreed this level (audit trail; required when the level changes any evaluator's score)." }),
  date: isoDateSchema.optional().meta({ description: "Date the level was agreed, YYYY-MM-DD (audit trail)." }),
  round: z.number().int().min(1).max(100).optional().meta({ description: "Moderation round (1 = first meeting) in which the level was agreed (audit trail)." }),
});

const passFailRecordSchema = z.strictObject({
  criterionId: idSchema.meta({ description: "The pass/fail criterion." }),
  optionId: idSchema.meta({ description: "The option." }),
  passed: z.boolean().meta({ description: "Whether the option meets the requirement." }),
  reason: textSchema(8000).meta({ description: "Why: evidence seen or missing." }),
});

const gateSchema = z.strictObject({
  id: idSchema.meta({ description: "Gate identifier." }),
  label: textSchema(300).optional().meta({ description: "Name shown in reports, e.g. \"Quality threshold\"." }),
  scope: z
    .union([z.enum(["quality", "total"]), z.array(idSchema).min(1).max(500)])
    .meta({ description: "\"quality\" (all scored criteria except price), \"total\", or a list of criterion ids whose points are added." }),
  minimumPercent: decimalSchema.meta({ description: "Minimum, percent of the scope's maximum points (0–100)." }),
});

const tieBreakSchema = z.discriminatedUnion("rule", [
  z.strictObject({ rule: z.literal("higher-quality").meta({ description: "Higher quality points win." }) }),
  z.strictObject({ rule: z.literal("lower-price").meta({ description: "Lower bid price wins." }) }),
  z.strictObject({
    rule: z.literal("higher-score").meta({ description: "Higher points on one criterion win." }),
    criterionId: idSchema.meta({ description: "The criterion (leaf or group)." }),
  }),
  z.strictObject({
    rule: z.literal("higher-tag-score").meta({ description: "Higher points on the criteria with a tag win." }),
    tag: tagSchema,
  }),
]);

const policyRuleSchema = z.strictObject({
  kind: z.enum(["min", "max"]).meta({ description: "\"min\": tagged weight at least percent; \"max\": at most." }),
  tags: z.array(tagSchema).min(1).max(50).meta({ description: "Tags whose global weights are added." }),
  percent: decimalSchema.meta({ description: "The bound, percent." }),
  description: textSchema(300).meta({ description: "What the rule is called in messages." }),
  countsByKind: z
    .literal("whole-life-cost")
    .optional()
    .meta({ description: "Also count every price criterion and every quantitative criterion with costClass whole-life-cost, wherever they sit; warn about unclassified quantitative criteria." }),
});

const weightPolicySchema = z.strictObject({
  id: idSchema.meta({ description: "Policy identifier." }),
  label: textSchema(200).meta({ description: "Short name used in messages." }),
  rules: z.array(policyRuleSchema).min(1).max(50).meta({ description: "The rules." }),
  source: z
    .strictObject({
      publisher: z.string().min(1).max(300).meta({ description: "Organisation that published the policy." }),
      title: z.string().min(1).max(500).meta({ description: "Title of the document." }),
      publishedOn: z.string().max(10).meta({ description: "Publication date (YYYY-MM-DD)." }),
      validFrom: z.string().max(10).optional().meta({ description: "Date from which it applies (YYYY-MM-DD)." }),
      url: z.string().max(2000).optional().meta({ description: "Public address." }),
      note: z.string().max(2000).optional().meta({ description: "Anything needed to apply it." }),
    })
    .meta({ description: "Where the policy comes from." }),
});

const settingsSchema = z.strictObject({
  currency: currencySchema.optional().meta({ description: "Currency of prices (ISO 4217). Default GBP." }),
  aggregation: z
    .enum(["weighted-sum", "price-per-quality-point", "monetised-quality"])
    .optional()
    .meta({ description: "weighted-sum (default, highest total wins), price-per-quality-point (price ÷ quality points, lowest wins) or monetised-quality (price − quality points × valuePerQualityPoint, lowest wins)." }),
  valuePerQualityPoint: positiveDecimalSchema.optional().meta({ description: "Money value of one quality point, for monetised-quality." }),
  tieBreak: z.array(tieBreakSchema).max(20).optional().meta({ description: "Published tie-break rules in order. Default: higher quality, then lower price. Options still tied share a rank." }),
  policies: z
    .array(z.union([z.enum(Object.keys(WEIGHT_POLICIES) as [string, ...string[]]), weightPolicySchema]))
    .max(20)
    .optional()
    .meta({ description: "Weight policies to check: shipped ids (nhs-vbp-2026, nhs-net-zero-2022, ppn-002) or policies as data." }),
  policyMode: z.enum(["warn", "error"]).optional().meta({ description: "warn (default): breaches are warnings; error: they stop the run." }),
  abnormallyLowPrice: z
    .strictObject({ percentBelowMeanOfOthers: decimalSchema.meta({ description: "Percent below the mean of the other bids that raises the flag." }) })
    .optional()
    .meta({ description: "Flag abnormally low prices for investigation (never an exclusion)." }),
  maxWeightSpread: decimalSchema.optional().meta({ description: "Largest spread (max − min, percentage points) of a published weight range." }),
  rankReversal: z.boolean().optional().meta({ description: "Compute rank reversals (default true)." }),
  overtaking: z.boolean().optional().meta({ description: "Compute what each option needs to overtake the next-ranked one (default true)." }),
  moderation: z
    .strictObject({
      wideDisagreementSpread: positiveDecimalSchema
        .optional()
        .meta({ description: "Flag a response when the evaluators' levels differ by at least this much (highest − lowest level value; default 2)." }),
      medianBetweenLevels: z
        .enum(["interpolate", "lower", "upper"])
        .optional()
        .meta({ description: "When a median (even panel) falls between two scale levels: interpolate the points between them (default), or take the lower or the upper level." }),
    })
    .optional()
    .meta({ description: "Moderation rules: wide-disagreement flag and the rule for a median between levels." }),
});

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
const priceCriterionSchema = z
  .strictObject({
    ...weighted,
    kind: z.literal("price").meta({ description: "A leaf scored from the bid price with a price formula." }),
    formula: makePriceFormulaSpecSchema(reg.priceFormulas).meta({ description: "The price formula and its parameters." }),
  })
  .meta({ description: "Price criterion." });

const quantitativeCriterionSchema = z
  .strictObject({
    ...weighted,
    kind: z.literal("quantitative").meta({ description: "A leaf scored from a raw value per option with a value function." }),
    valueFunction: makeValueFunctionSpecSchema(reg.valueFunctions).meta({ description: "The value function, direction and parameters." }),
    unit: textSchema(100).optional().meta({ description: "Unit of the raw value, e.g. \"kgCO2e per procedure\"." }),
    priceDerived: z
      .boolean()
      .optional()
      .meta({ description: "The value is computed from the bid price (e.g. whole-life cost): not scored or shown for a tender excluded before price is opened; gates on it apply after price." }),
    costClass: z
      .enum(["whole-life-cost", "other-cost", "not-cost"])
      .optional()
      .meta({ description: "What the value measures, for weight policies: whole-life-cost counts in the NHS VBP whole-life cost limit like a price criterion." }),
    display: z.enum(["money", "share", "number"]).optional().meta({ description: "How reports show the raw value: money, a 0–1 share as a percentage, or a number with its unit (default)." }),
  })
  .meta({ description: "Quantitative criterion." });

const qualitativeCriterionSchema = z
  .strictObject({
    ...weighted,
    kind: z.literal("qualitative").meta({ description: "A leaf scored by evaluators on a qualitative scale, then moderated." }),
    scale: z
      .union([z.string().min(1).max(100), qualitativeScaleSchema])
      .meta({ description: "A scale id from QUALITATIVE_SCALES (e.g. \"nhs-five-point\") or a scale given inline." }),
    moderation: z
      .enum(["consensus", "mean", "median"])
      .optional()
      .meta({ description: "How individual scores become one: the recorded consensus (default), or the mean or median level." }),
  })
  .meta({ description: "Qualitative criterion." });

const passFailCriterionSchema = z
  .strictObject({
    ...common,
    kind: z.literal("pass-fail").meta({ description: "A gate the option must pass; carries no weight." }),
  })
  .meta({ description: "Pass/fail criterion." });

const groupCriterionSchema = z
  .strictObject({
    ...weighted,
    kind: z.literal("group").meta({ description: "A domain or question grouping sub-criteria." }),
    get children(): z.ZodArray<z.ZodType<Criterion>> {
      return z.array(criterionSchema).min(1).max(500).meta({ description: "Sub-criteria; the weighted ones' weights sum to 100." });
    },
  })
  .meta({ description: "Group of criteria." });

  const criterionSchema: z.ZodType<Criterion> = z
  .discriminatedUnion("kind", [groupCriterionSchema, priceCriterionSchema, quantitativeCriterionSchema, qualitativeCriterionSchema, passFailCriterionSchema])
  .meta({ description: "A criterion: group, price, quantitative, qualitative or pass-fail." }) as unknown as z.ZodType<Criterion>;

const tenderObjectSchema = z.strictObject({
  criteria: z.array(criterionSchema).min(1).max(500).meta({ description: "The criteria tree; root weights sum to 100." }),
  options: z.array(optionSchema).min(1).max(100_000).meta({ description: "The options (bids)." }),
  lots: z
    .array(z.strictObject({ id: idSchema.meta({ description: "Lot identifier." }), label: textSchema(300).meta({ description: "Lot name." }) }))
    .max(1000)
    .optional()
    .meta({ description: "The lots; when absent every option is in one lot \"default\"." }),
  evaluatorScores: z.array(evaluatorScoreRecordSchema).max(1_000_000).optional().meta({ description: "Individual evaluator scores on qualitative criteria." }),
  consensus: z.array(consensusRecordSchema).max(1_000_000).optional().meta({ description: "Moderated consensus scores on qualitative criteria." }),
  passFail: z.array(passFailRecordSchema).max(1_000_000).optional().meta({ description: "Outcomes of pass/fail criteria." }),
  gates: z.array(gateSchema).max(100).optional().meta({ description: "Minimum-score gates." }),
  settings: settingsSchema.optional().meta({ description: "Settings of the scoring run." }),
});

  const tenderSchema = tenderObjectSchema
  .superRefine((t, ctx) => {
    for (const issue of validateTender(t as Tender)) {
      ctx.addIssue({ code: "custom", path: [...issue.path], message: issue.message, input: undefined, params: { vbpCode: issue.code } });
    }
  })
  .meta({ description: "A tender to score: criteria, options, evaluator scores, gates and settings." });

  return { criterionSchema, tenderSchema };
}

const DEFAULT_SCHEMAS = buildSchemas({});

/**
 * Schema of a node of the criteria tree (a group, or a price, quantitative, qualitative or pass/fail leaf),
 * checked against the built-in price formulas and value functions.
 *
 * @example
 * ```ts
 * criterionSchema.parse({ id: "price", label: "Price", kind: "price", weight: 40, formula: { formula: "relative-to-lowest" } });
 * ```
 */
export const criterionSchema: z.ZodType<Criterion> = DEFAULT_SCHEMAS.criterionSchema;

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
export const tenderSchema: z.ZodType<Tender> = DEFAULT_SCHEMAS.tenderSchema as unknown as z.ZodType<Tender>;

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
export function makeTenderSchema(registries: ScoringRegistries = {}): z.ZodType<Tender> {
  const { priceFormulas, valueFunctions } = registries;
  if (priceFormulas === undefined && valueFunctions === undefined) return tenderSchema;
  // Built once per pair of registries (kept as long as the registries are): scoring the same custom
  // formulas again does not rebuild the schema.
  const byPrice = SCHEMA_CACHE.get(priceFormulas ?? NO_REGISTRY) ?? new WeakMap<object, z.ZodType<Tender>>();
  SCHEMA_CACHE.set(priceFormulas ?? NO_REGISTRY, byPrice);
  const cached = byPrice.get(valueFunctions ?? NO_REGISTRY);
  if (cached !== undefined) return cached;
  const built = buildSchemas(registries).tenderSchema as unknown as z.ZodType<Tender>;
  byPrice.set(valueFunctions ?? NO_REGISTRY, built);
  return built;
}

const NO_REGISTRY: object = Object.freeze({});
const SCHEMA_CACHE = new WeakMap<object, WeakMap<object, z.ZodType<Tender>>>();

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
  return parseWith(makeTenderSchema(registries), input) as Tender;
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
  return safeParseWith(makeTenderSchema(registries), input) as SafeResult<Tender>;
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
  return z.toJSONSchema(tenderSchema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
}
