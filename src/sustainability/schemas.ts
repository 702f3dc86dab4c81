import { SUSTAINABILITY_DESCRIPTION_TABLES } from "./schemasDescriptions.js";
import { describedShape, withMeta, describedObject } from "../schema/withMeta.js";
import type * as zc from "zod";
import { publicSchema } from "../schema/publicSchema.js";
import { onFirstUse } from "../schema/onFirstUse.js";
import * as z from "zod/mini";
import {
  currencySchema,
  decimalSchema,
  idSchema,
  isoDateSchema,
  nonNegativeDecimalSchema,
  positiveDecimalSchema,
  sourceSchema,
  textSchema,
} from "../schema/primitives.js";
import { discountScheduleSchema, discountTimingSchema } from "../schema/discounting.js";
import { UK_GHG_CONVERSION_FACTORS } from "./emissionFactors.js";
import type {
  CarbonInput,
  CarbonInputDocument,
  CarbonMonetisationInput,
  CarbonMonetisationInputDocument,
  SocialValueInput,
  SocialValueInputDocument,
  SupplierEvidence,
  SustainabilityGateDocument,
} from "./inputTypes.js";
import { BUILT_IN_THEMES } from "./builtInThemes.js";

const MAX_OPTIONS = 100_000;
const MAX_ITEMS = 1_000;
const yearSchema = /* @__PURE__ */ onFirstUse(() => z.int().check(z.gte(1900), z.lte(2300)));

function custom(ctx: z.core.$RefinementCtx, path: (string | number)[], message: string, vbpCode: string): void {
  ctx.addIssue({ code: "custom", path, message, params: { vbpCode } });
}

/**
 * Carbon lifecycle stages, in ledger order.
 *
 * @example
 * ```ts
 * CARBON_STAGES; //=> ["embodied", "transport", "energy", "consumables", "waste", "pathway"]
 * ```
 */
export const CARBON_STAGES = ["embodied", "transport", "energy", "consumables", "waste", "pathway"] as const;

// ---------------------------------------------------------------- shared reference-data schemas

/**
 * zod schema of a price index series (price year label → index value > 0).
 *
 * @example
 * ```ts
 * priceIndexSeriesShape().parse({ id: "gdp", label: "GDP deflator", values: { "2022": 100, "2025": "108.5" } });
 * ```
 */
/** @internal */
export const priceIndexSeriesShape = /* @__PURE__ */ onFirstUse(() => describedObject("sustainability:priceIndexSeriesShape", {
    id: idSchema(),
    label: textSchema(300),
    values: z
      .record(z.string().check(z.regex(/^[0-9A-Za-z][0-9A-Za-z/._-]{0,19}$/, { message: "must be a price year label such as 2024 or 2024/25" })), positiveDecimalSchema()),
    source: z.optional(sourceSchema()),
  }));

/**
 * zod schema of a discount schedule (steps from year 0).
 *
 * @example
 * ```ts
 * discountScheduleShape().parse({ id: "r4", label: "4%", steps: [{ fromYear: 0, rate: "0.04" }] });
 * ```
 */
export const discountScheduleShape = discountScheduleSchema;

/**
 * zod schema of a carbon value series (£/tCO2e by year, in one price year).
 *
 * @example
 * ```ts
 * carbonValueSeriesShape().safeParse(DESNZ_CARBON_VALUES).success; //=> true
 * ```
 */
export const carbonValueSeriesShape = /* @__PURE__ */ onFirstUse(() => describedObject("sustainability:carbonValueSeriesShape", {
    id: idSchema(),
    label: textSchema(300),
    currency: currencySchema(),
    priceYear: z.string().check(z.minLength(1), z.maxLength(20)),
    central: z
      .record(z.string().check(z.regex(/^[0-9]{4}$/, { message: "must be a four-digit calendar year" })), nonNegativeDecimalSchema()),
    lowMultiplier: nonNegativeDecimalSchema(),
    highMultiplier: nonNegativeDecimalSchema(),
    source: sourceSchema(),
    note: z.optional(textSchema(2000)),
  }));

/**
 * zod schema of the rule for carbon-value years without data.
 *
 * @example
 * ```ts
 * carbonValueRuleShape().parse({ outsideData: "hold-nearest" });
 * ```
 */
export const carbonValueRuleShape = /* @__PURE__ */ onFirstUse(() => describedObject("sustainability:carbonValueRuleShape", {
    outsideData: z.optional(z.enum(["error", "hold-nearest"])),
    gaps: z.optional(z.enum(["error", "interpolate-linear"])),
  }));

// ---------------------------------------------------------------- carbon footprint input

const factorRefSchema = /* @__PURE__ */ onFirstUse(() => withMeta(z
  .union([
    withMeta(z
      .strictObject({
        factorId: withMeta(idSchema(), "sustainability:factorRef.factorId"),
      }), "sustainability:factorRef#2"),
    withMeta(z
      .strictObject(describedShape("sustainability:factorRef", {
        kgCO2ePerUnit: nonNegativeDecimalSchema(),
        source: z.optional(sourceSchema()),
        note: z.optional(textSchema(500)),
      })), "sustainability:factorRef#3"),
  ]), "sustainability:factorRef"));

const quantitySchema = /* @__PURE__ */ onFirstUse(() => withMeta(z
  .union([
    withMeta(z.strictObject({ perYear: withMeta(nonNegativeDecimalSchema(), "sustainability:quantity.perYear") }), "sustainability:quantity#2"),
    withMeta(z.strictObject({ perUse: withMeta(nonNegativeDecimalSchema(), "sustainability:quantity.perUse") }), "sustainability:quantity#3"),
    withMeta(z
      .strictObject({ perPatient: withMeta(nonNegativeDecimalSchema(), "sustainability:quantity.perPatient") }), "sustainability:quantity#4"),
    withMeta(z
      .strictObject(describedShape("sustainability:quantity", {
        once: nonNegativeDecimalSchema(),
        year: z.optional(yearSchema()),
      })), "sustainability:quantity#5"),
  ]), "sustainability:quantity"));

const activityFields = /* @__PURE__ */ onFirstUse(() => describedShape("sustainability:activityFields", {
  id: idSchema(),
  source: z.optional(textSchema(200)),
  quantity: quantitySchema(),
  unit: textSchema(50),
  factor: factorRefSchema(),
}, "quantity", "factor"));

const activitySchema = /* @__PURE__ */ onFirstUse(() => withMeta(z.strictObject(activityFields()), "sustainability:activity"));

const embodiedSchema = /* @__PURE__ */ onFirstUse(() => withMeta(z
  .strictObject({
    ...activityFields(),
    serviceLifeYears: withMeta(z.optional(z
      .int().check(z.gte(1), z.lte(100))), "sustainability:embodied.serviceLifeYears"),
  }), "sustainability:embodied"));

const items = <T extends z.ZodMiniType>(s: T, key: string) => withMeta(z.optional(z.readonly(z.array(s).check(z.maxLength(MAX_ITEMS)))), key);

/**
 * zod schema of one option's carbon activities, by lifecycle stage.
 *
 * @example
 * ```ts
 * carbonOptionShape().parse({ id: "a", energy: [{ id: "p", quantity: { perYear: 1000 }, unit: "kWh", factor: { factorId: "uk-electricity-generation" } }] });
 * ```
 */
export const carbonOptionShape = /* @__PURE__ */ onFirstUse(() => describedObject("sustainability:carbonOptionShape", {
    id: idSchema(),
    label: z.optional(textSchema(300)),
    patientsPerYear: z.optional(nonNegativeDecimalSchema()),
    usesPerYear: z.optional(nonNegativeDecimalSchema()),
    embodied: items(embodiedSchema(), "sustainability:activities.embodied"),
    transport: items(activitySchema(), "sustainability:activities.transport"),
    energy: items(activitySchema(), "sustainability:activities.energy"),
    consumables: items(activitySchema(), "sustainability:activities.consumables"),
    waste: items(activitySchema(), "sustainability:activities.waste"),
    pathway: items(activitySchema(), "sustainability:activities.pathway"),
  }, "embodied", "transport", "energy", "consumables", "waste", "pathway"));

const factorOverrideSchema = /* @__PURE__ */ onFirstUse(() => describedObject("sustainability:factorOverride", {
    factorId: idSchema(),
    year: yearSchema(),
    kgCO2ePerUnit: nonNegativeDecimalSchema(),
    unit: textSchema(50),
    label: z.optional(textSchema(300)),
    source: sourceSchema(),
  }));

/**
 * zod schema of the input to `carbonFootprint`: a horizon, factor rules and overrides, and options with their
 * activities. Cross-field rules: unique option and line ids, known factor ids with matching units, volumes
 * present for per-use/per-patient quantities, one-off years inside the horizon. Its JSON Schema documents
 * every key.
 *
 * @example
 * ```ts
 * z.toJSONSchema(carbonInputShape(), { io: "input" });
 * ```
 */
const carbonInputFields = /* @__PURE__ */ onFirstUse(() => z
  .strictObject(describedShape("sustainability:carbonInputFields", {
    startYear: yearSchema(),
    horizonYears: z.int().check(z.gte(1), z.lte(100)),
    factorYearRule: z.optional(z
      .enum(["exact", "latest-available", "nearest"])),
    factors: z.optional(z.readonly(z.array(factorOverrideSchema()).check(z.maxLength(MAX_ITEMS)))),
    options: z.readonly(z.array(carbonOptionShape()).check(z.minLength(1), z.maxLength(MAX_OPTIONS))),
  })));

/** The path of a key of an option's carbon line. */
function linePath(oi: number, stage: string, li: number, ...rest: string[]): (string | number)[] {
  return ["options", oi, stage, li, ...rest];
}

/** @internal The cross-field rules of a carbon input, on parsed values (the whole-job validation runs them too). */
export function checkCarbonInput(doc: z.output<ReturnType<typeof carbonInputFields>>, ctx: z.core.$RefinementCtx): void {
    const known = new Set<string>(UK_GHG_CONVERSION_FACTORS.flatMap((s) => Object.keys(s.factors)));
    const units = new Map<string, string>();
    for (const s of UK_GHG_CONVERSION_FACTORS) for (const [k, v] of Object.entries(s.factors)) units.set(k, v.unit);
    const seenOverride = new Set<string>();
    (doc.factors ?? []).forEach((f, i) => {
      const key = `${f.factorId}@${f.year}`;
      if (seenOverride.has(key)) custom(ctx, ["factors", i], `must be unique per factor and year, got "${f.factorId}" for ${f.year} twice`, "duplicate_id");
      seenOverride.add(key);
      const u = units.get(f.factorId);
      if (u !== undefined && u !== f.unit) custom(ctx, ["factors", i, "unit"], `factor "${f.factorId}" is per ${u}, got ${JSON.stringify(f.unit)}`, "invalid_value");
      if (!units.has(f.factorId)) units.set(f.factorId, f.unit);
      known.add(f.factorId);
    });
    const end = doc.startYear + doc.horizonYears - 1;
    const ids = new Set<string>();
    // Plain loops, one set of line ids emptied per option, and paths made only for an issue: a catalogue
    // runs this for every option and line.
    const lineIds = new Set<string>();
    for (let oi = 0; oi < doc.options.length; oi++) {
      const opt = doc.options[oi]!;
      if (ids.has(opt.id)) custom(ctx, ["options", oi, "id"], `option ids must be unique, got "${opt.id}" twice`, "duplicate_id");
      ids.add(opt.id);
      lineIds.clear();
      for (const stage of CARBON_STAGES) {
        const lines = opt[stage];
        for (let li = 0; li < (lines?.length ?? 0); li++) {
          const item = lines![li]!;
          if (lineIds.has(item.id)) custom(ctx, linePath(oi, stage, li, "id"), `line ids must be unique within option "${opt.id}", got "${item.id}" twice`, "duplicate_id");
          lineIds.add(item.id);
          const q = item.quantity;
          if ("perUse" in q && opt.usesPerYear === undefined) custom(ctx, linePath(oi, stage, li, "quantity", "perUse"), `a per-use quantity needs options[${oi}].usesPerYear, got none`, "custom");
          if ("perPatient" in q && opt.patientsPerYear === undefined) custom(ctx, linePath(oi, stage, li, "quantity", "perPatient"), `a per-patient quantity needs options[${oi}].patientsPerYear, got none`, "custom");
          if ("once" in q && q.year !== undefined && (q.year < doc.startYear || q.year > end)) {
            custom(ctx, linePath(oi, stage, li, "quantity", "year"), `must be within the horizon ${doc.startYear}–${end}, got ${q.year}`, "invalid_value");
          }
          if ("serviceLifeYears" in item && item.serviceLifeYears !== undefined && !("once" in q)) {
            custom(ctx, linePath(oi, stage, li, "serviceLifeYears"), `replacements apply to a {once} purchase quantity only, got {${Object.keys(q)[0]}}`, "invalid_value");
          }
          if ("factorId" in item.factor) {
            const fid = item.factor.factorId;
            if (!known.has(fid)) {
              custom(ctx, linePath(oi, stage, li, "factor", "factorId"), `unknown emission factor (known: ${[...known].sort().join(", ")}; or add it under factors), got "${fid}"`, "unknown_reference");
            } else if (units.get(fid) !== item.unit) {
              custom(ctx, linePath(oi, stage, li, "unit"), `factor "${fid}" is per ${units.get(fid)}, got ${JSON.stringify(item.unit)}`, "invalid_value");
            }
          }
        }
      }
    }
  }

export const carbonInputShape = /* @__PURE__ */ onFirstUse(() => withMeta(carbonInputFields().check(z.superRefine(checkCarbonInput)), "sustainability:carbonInputShape"));

// ---------------------------------------------------------------- monetisation input

/**
 * zod schema of a discounting timing convention.
 *
 * @example
 * ```ts
 * discountTimingShape().parse({ position: "end", compounding: "annual" });
 * ```
 */
export const discountTimingShape = discountTimingSchema;

/**
 * zod schema of the input to `monetiseCarbon`: kgCO2e by year, carbon value scenarios, price year and index,
 * optional discounting, and the buyer's treatment (externality or criterion).
 *
 * @example
 * ```ts
 * carbonMonetisationInputShape().parse({ emissions: [{ year: 2026, kgCO2e: 1000 }], scenarios: ["central"] });
 * ```
 */
export const carbonMonetisationInputShape = /* @__PURE__ */ onFirstUse(() => withMeta(z
  .strictObject(describedShape("sustainability:carbonMonetisationInputShape", {
    emissions: z.readonly(z
      .array(
        z.strictObject(describedShape("sustainability:carbonMonetisationInputShape.emissions", {
          year: yearSchema(),
          kgCO2e: decimalSchema(),
        })),
      ).check(z.minLength(1), z.maxLength(1000))),
    scenarios: z.optional(z.readonly(z
      .array(z.enum(["central", "low", "high"])).check(z.minLength(1), z.maxLength(3)))),
    priceYear: z.optional(z.string().check(z.minLength(1), z.maxLength(20))),
    priceIndex: z.optional(priceIndexSeriesShape()),
    carbonValues: z.optional(carbonValueSeriesShape()),
    rule: z.optional(carbonValueRuleShape()),
    discount: z.optional(z
      .strictObject(describedShape("sustainability:carbonMonetisationInputShape.discount", {
        schedule: discountScheduleShape(),
        baseYear: yearSchema(),
        timing: z.optional(discountTimingShape()),
      }))),
    treatment: z.optional(z
      .enum(["externality", "criterion"])),
  })).check(z.superRefine((doc, ctx) => {
    const seen = new Set<number>();
    doc.emissions.forEach((e, i) => {
      if (seen.has(e.year)) custom(ctx, ["emissions", i, "year"], `years must be unique, got ${e.year} twice`, "duplicate_id");
      seen.add(e.year);
    });
    if (doc.discount !== undefined) {
      doc.emissions.forEach((e, i) => {
        if (e.year < doc.discount!.baseYear) custom(ctx, ["emissions", i, "year"], `must not be before discount.baseYear ${doc.discount!.baseYear}, got ${e.year}`, "out_of_order");
      });
    }
  })), "sustainability:carbonMonetisationInputShape"));

// ---------------------------------------------------------------- social value


/**
 * zod schema of the input to `scoreSocialValue`: themes with weights and measurable metrics, and the
 * supplier's commitments. Unknown themes or metrics and unit mismatches are `unknown_reference` /
 * `invalid_value` issues with exact paths.
 *
 * @example
 * ```ts
 * socialValueInputShape().safeParse({ themes: [], commitments: [] }).success; //=> false (at least one theme)
 * ```
 */
const socialValueInputFields = /* @__PURE__ */ onFirstUse(() => z
  .strictObject(describedShape("sustainability:socialValueInputFields", {
    themeSet: z.optional(z.enum(["ppn-06-20", "ppn-002"])),
    customThemes: z.optional(z
      .array(
        z.strictObject(describedShape("sustainability:socialValueInputFields.customThemes", {
          id: idSchema(),
          label: textSchema(300),
          description: z.optional(textSchema(2000)),
        })),
      ).check(z.maxLength(100))),
    themes: z
      .array(
        z.strictObject(describedShape("sustainability:socialValueInputFields.themes", {
          themeId: idSchema(),
          weight: nonNegativeDecimalSchema(),
          metrics: z
            .array(
              z.strictObject(describedShape("sustainability:socialValueInputFields.themes.metrics", {
                id: idSchema(),
                label: textSchema(300),
                unit: textSchema(50),
                benchmark: positiveDecimalSchema(),
                direction: z.optional(z.enum(["higher-is-better", "lower-is-better"])),
                weight: z.optional(nonNegativeDecimalSchema()),
                evidenceRequired: z.optional(z.boolean()),
              })),
            ).check(z.minLength(1), z.maxLength(100)),
        })),
      ).check(z.minLength(1), z.maxLength(100)),
    commitments: z
      .array(
        z.strictObject(describedShape("sustainability:socialValueInputFields.commitments", {
          id: idSchema(),
          themeId: idSchema(),
          metricId: idSchema(),
          description: textSchema(2000),
          target: nonNegativeDecimalSchema(),
          unit: textSchema(50),
          deadline: z.optional(isoDateSchema()),
          evidence: z.optional(z
            .array(
              z.strictObject(describedShape("sustainability:socialValueInputFields.commitments.evidence", {
                kind: textSchema(100),
                reference: textSchema(2000),
              })),
            ).check(z.maxLength(50))),
        })),
      ).check(z.maxLength(10_000)),
  })));

type SocialValueFields = z.output<ReturnType<typeof socialValueInputFields>>;

/** @internal The cross-field rules of a social value input, on parsed values (the whole-job validation runs them too). */
export function checkSocialValueInput(doc: SocialValueFields, ctx: z.core.$RefinementCtx): void {
  checkCommitments(socialValueMetrics(doc, ctx), doc.commitments, ctx);
}

/** @internal The buyer's framework checked (themes and their metrics); each theme's metric units by metric id. */
export function socialValueMetrics(doc: SocialValueFields, ctx: z.core.$RefinementCtx): Map<string, Map<string, string>> {
  const themeIds = new Set(doc.customThemes !== undefined ? doc.customThemes.map((t) => t.id) : BUILT_IN_THEMES[(doc.themeSet ?? "ppn-06-20") as keyof typeof BUILT_IN_THEMES].map((t) => t.id));
  const metrics = new Map<string, Map<string, string>>();
  doc.themes.forEach((t, i) => {
    if (!themeIds.has(t.themeId)) custom(ctx, ["themes", i, "themeId"], `unknown theme (known: ${[...themeIds].join(", ")}), got "${t.themeId}"`, "unknown_reference");
    if (metrics.has(t.themeId)) custom(ctx, ["themes", i, "themeId"], `each theme may be listed once, got "${t.themeId}" twice`, "duplicate_id");
    const m = new Map<string, string>();
    t.metrics.forEach((x, j) => {
      if (m.has(x.id)) custom(ctx, ["themes", i, "metrics", j, "id"], `metric ids must be unique within a theme, got "${x.id}" twice`, "duplicate_id");
      m.set(x.id, x.unit);
    });
    if (t.metrics.every((x) => x.weight !== undefined && Number(x.weight) === 0)) custom(ctx, ["themes", i, "metrics"], "metric weights must not all be 0, got all 0", "invalid_value");
    metrics.set(t.themeId, m);
  });
  if (doc.themes.every((t) => Number(t.weight) === 0)) custom(ctx, ["themes"], "theme weights must not all be 0, got all 0", "invalid_value");
  return metrics;
}

/** @internal A supplier's commitments checked against the framework's metrics ({@link socialValueMetrics}); paths under `commitments`. */
export function checkCommitments(metrics: ReadonlyMap<string, ReadonlyMap<string, string>>, commitments: SocialValueFields["commitments"], ctx: z.core.$RefinementCtx): void {
  const seen = new Set<string>();
  for (let i = 0; i < commitments.length; i++) {
    const c = commitments[i]!;
    if (seen.has(c.id)) custom(ctx, ["commitments", i, "id"], `commitment ids must be unique, got "${c.id}" twice`, "duplicate_id");
    seen.add(c.id);
    const m = metrics.get(c.themeId);
    if (m === undefined) {
      custom(ctx, ["commitments", i, "themeId"], `must be a theme the buyer evaluates (${[...metrics.keys()].join(", ")}), got "${c.themeId}"`, "unknown_reference");
      continue;
    }
    const unit = m.get(c.metricId);
    if (unit === undefined) custom(ctx, ["commitments", i, "metricId"], `must be a metric of theme "${c.themeId}" (${[...m.keys()].join(", ")}), got "${c.metricId}"`, "unknown_reference");
    else if (unit !== c.unit) custom(ctx, ["commitments", i, "unit"], `metric "${c.metricId}" is measured in ${JSON.stringify(unit)}, got ${JSON.stringify(c.unit)}`, "invalid_value");
  }
}

export const socialValueInputShape = /* @__PURE__ */ onFirstUse(() => withMeta(socialValueInputFields().check(z.superRefine(checkSocialValueInput)), "sustainability:socialValueInputShape"));

// ---------------------------------------------------------------- gates

/**
 * zod schema of a supplier's sustainability evidence: published documents and assessment levels.
 *
 * @example
 * ```ts
 * supplierEvidenceShape().parse({ supplierId: "acme", documents: { "carbon-reduction-plan": { published: true } }, assessments: { evergreen: 1 } });
 * ```
 */
export const supplierEvidenceShape = /* @__PURE__ */ onFirstUse(() => describedObject("sustainability:supplierEvidenceShape", {
    supplierId: idSchema(),
    documents: z.optional(z
      .record(
        idSchema(),
        z.strictObject(describedShape("sustainability:supplierEvidenceShape.documents", {
          published: z.boolean(),
          url: z.optional(textSchema(2000)),
          publishedOn: z.optional(isoDateSchema()),
          targetYear: z.optional(yearSchema()),
        })),
      )),
    assessments: z.optional(z
      .record(idSchema(), z.int().check(z.gte(0), z.lte(100)))),
  }));

/**
 * zod schema of a data-defined gate rule.
 *
 * @example
 * ```ts
 * gateRuleShape().parse({ kind: "minimum-level", assessment: "evergreen", minimum: 1 });
 * ```
 */
export const gateRuleShape = /* @__PURE__ */ onFirstUse(() => withMeta(z
  .union([
    withMeta(z
      .strictObject(describedShape("sustainability:gateRuleShape", {
        kind: z.literal("document-published"),
        document: idSchema(),
        requireUrl: z.optional(z.boolean()),
        latestTargetYear: z.optional(yearSchema()),
      })), "sustainability:gateRuleShape#2"),
    withMeta(z
      .strictObject(describedShape("sustainability:gateRuleShape", {
        kind: withMeta(z.literal("minimum-level"), "sustainability:gateRuleShape.kind#2"),
        assessment: idSchema(),
        minimum: z.int().check(z.gte(0), z.lte(100)),
      }, "kind")), "sustainability:gateRuleShape#3"),
  ]), "sustainability:gateRuleShape"));

/**
 * zod schema of a data-defined sustainability gate.
 *
 * @example
 * ```ts
 * sustainabilityGateShape().parse({ id: "crp", label: "CRP published", rule: { kind: "document-published", document: "carbon-reduction-plan" } });
 * ```
 */
export const sustainabilityGateShape = /* @__PURE__ */ onFirstUse(() => describedObject("sustainability:sustainabilityGateShape", {
    id: idSchema(),
    label: textSchema(300),
    rule: gateRuleShape(),
    source: z.optional(sourceSchema()),
  }, "rule"));

// ---------------------------------------------------------------- public schemas, typed by the written-out input types

/**
 * zod schema of the input to `carbonFootprint`: a horizon, factor rules and overrides, and options with their
 * activities by lifecycle stage. Cross-field rules: unique option and line ids, known factor ids with matching
 * units, volumes present for per-use/per-patient quantities, one-off years inside the horizon. Every key has a
 * description, so its JSON Schema documents the format.
 *
 * @example
 * ```ts
 * z.toJSONSchema(carbonInputSchema, { io: "input" });
 * ```
 */
export const carbonInputSchema: zc.ZodType<CarbonInput, CarbonInputDocument> = /* @__PURE__ */ publicSchema<CarbonInput, CarbonInputDocument>(() => getCarbonInputSchema(), SUSTAINABILITY_DESCRIPTION_TABLES);

/** @internal The library's own schema behind `carbonInputSchema`, built on first use. */
export const getCarbonInputSchema = /* @__PURE__ */ onFirstUse((): z.ZodMiniType<CarbonInput, CarbonInputDocument> => carbonInputShape());

/**
 * zod schema of the input to `monetiseCarbon`: kgCO2e by year, carbon value scenarios, price year and index,
 * optional discounting, and the buyer's treatment (externality or criterion).
 *
 * @example
 * ```ts
 * carbonMonetisationInputSchema.parse({ emissions: [{ year: 2026, kgCO2e: 1000 }], scenarios: ["central"] });
 * ```
 */
export const carbonMonetisationInputSchema: zc.ZodType<CarbonMonetisationInput, CarbonMonetisationInputDocument> = /* @__PURE__ */ publicSchema<CarbonMonetisationInput, CarbonMonetisationInputDocument>(() => getCarbonMonetisationInputSchema(), SUSTAINABILITY_DESCRIPTION_TABLES);

/** @internal The library's own schema behind `carbonMonetisationInputSchema`, built on first use. */
export const getCarbonMonetisationInputSchema = /* @__PURE__ */ onFirstUse((): z.ZodMiniType<CarbonMonetisationInput, CarbonMonetisationInputDocument> => carbonMonetisationInputShape());

/**
 * zod schema of the input to `scoreSocialValue`: themes with weights and measurable metrics, and the
 * supplier's commitments. Unknown themes or metrics and unit mismatches are `unknown_reference` /
 * `invalid_value` issues with exact paths.
 *
 * @example
 * ```ts
 * socialValueInputSchema.safeParse({ themes: [], commitments: [] }).success; //=> false (at least one theme)
 * ```
 */
export const socialValueInputSchema: zc.ZodType<SocialValueInput, SocialValueInputDocument> = /* @__PURE__ */ publicSchema<SocialValueInput, SocialValueInputDocument>(() => getSocialValueInputSchema(), SUSTAINABILITY_DESCRIPTION_TABLES);

/** @internal The library's own schema behind `socialValueInputSchema`, built on first use. */
export const getSocialValueInputSchema = /* @__PURE__ */ onFirstUse((): z.ZodMiniType<SocialValueInput, SocialValueInputDocument> => socialValueInputShape());

/**
 * zod schema of a supplier's sustainability evidence: published documents and assessment levels.
 *
 * @example
 * ```ts
 * supplierEvidenceSchema.parse({ supplierId: "acme", documents: { "carbon-reduction-plan": { published: true } }, assessments: { evergreen: 1 } });
 * ```
 */
export const supplierEvidenceSchema: zc.ZodType<SupplierEvidence, SupplierEvidence> = /* @__PURE__ */ publicSchema<SupplierEvidence, SupplierEvidence>(() => getSupplierEvidenceSchema(), SUSTAINABILITY_DESCRIPTION_TABLES);

/** @internal The library's own schema behind `supplierEvidenceSchema`, built on first use. */
export const getSupplierEvidenceSchema = /* @__PURE__ */ onFirstUse((): z.ZodMiniType<SupplierEvidence, SupplierEvidence> => supplierEvidenceShape());

/**
 * zod schema of a data-defined sustainability gate.
 *
 * @example
 * ```ts
 * sustainabilityGateSchema.parse({ id: "crp", label: "CRP published", rule: { kind: "document-published", document: "carbon-reduction-plan" } });
 * ```
 */
export const sustainabilityGateSchema: zc.ZodType<SustainabilityGateDocument, SustainabilityGateDocument> = /* @__PURE__ */ publicSchema<SustainabilityGateDocument, SustainabilityGateDocument>(() => getSustainabilityGateSchema(), SUSTAINABILITY_DESCRIPTION_TABLES);

/** @internal The library's own schema behind `sustainabilityGateSchema`, built on first use. */
export const getSustainabilityGateSchema = /* @__PURE__ */ onFirstUse((): z.ZodMiniType<SustainabilityGateDocument, SustainabilityGateDocument> => sustainabilityGateShape());
