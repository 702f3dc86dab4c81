import * as z from "zod";
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
import { SOCIAL_VALUE_THEME_SETS } from "./socialValueThemes.js";

const MAX_OPTIONS = 100_000;
const MAX_ITEMS = 1_000;
const yearSchema = z.int().min(1900).max(2300);

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
 * priceIndexSeriesShape.parse({ id: "gdp", label: "GDP deflator", values: { "2022": 100, "2025": "108.5" } });
 * ```
 */
/** @internal */
export const priceIndexSeriesShape = z
  .strictObject({
    id: idSchema.meta({ description: "Identifier recorded with results." }),
    label: textSchema(300).meta({ description: "Human name of the index, e.g. \"HM Treasury GDP deflator\"." }),
    values: z
      .record(z.string().regex(/^[0-9A-Za-z][0-9A-Za-z/._-]{0,19}$/, { message: "must be a price year label such as 2024 or 2024/25" }), positiveDecimalSchema)
      .meta({ description: "Index value (> 0) by price year label, e.g. {\"2022\": 100, \"2025\": 108.2}." }),
    source: sourceSchema.optional().meta({ description: "Where the index comes from." }),
  })
  .meta({ description: "A price index used to re-base values between price years." });

/**
 * zod schema of a discount schedule (steps from year 0).
 *
 * @example
 * ```ts
 * discountScheduleShape.parse({ id: "r4", label: "4%", steps: [{ fromYear: 0, rate: "0.04" }] });
 * ```
 */
export const discountScheduleShape = discountScheduleSchema;

/**
 * zod schema of a carbon value series (£/tCO2e by year, in one price year).
 *
 * @example
 * ```ts
 * carbonValueSeriesShape.safeParse(DESNZ_CARBON_VALUES).success; //=> true
 * ```
 */
export const carbonValueSeriesShape = z
  .strictObject({
    id: idSchema.meta({ description: "Identifier recorded with results." }),
    label: textSchema(300).meta({ description: "Human name." }),
    currency: currencySchema.meta({ description: "ISO 4217 currency of the values." }),
    priceYear: z.string().min(1).max(20).meta({ description: "Price year the values are in (a label in the price index)." }),
    central: z
      .record(z.string().regex(/^[0-9]{4}$/, { message: "must be a four-digit calendar year" }), nonNegativeDecimalSchema)
      .meta({ description: "Central value per tCO2e by calendar year of emission." }),
    lowMultiplier: nonNegativeDecimalSchema.meta({ description: "Low = central × this (DESNZ: 0.5)." }),
    highMultiplier: nonNegativeDecimalSchema.meta({ description: "High = central × this (DESNZ: 1.5)." }),
    source: sourceSchema.meta({ description: "Where the values come from." }),
    note: textSchema(2000).optional().meta({ description: "Anything derived rather than published, e.g. interpolated years." }),
  })
  .meta({ description: "A series of carbon values per tonne CO2e by year, in one price year." });

/**
 * zod schema of the rule for carbon-value years without data.
 *
 * @example
 * ```ts
 * carbonValueRuleShape.parse({ outsideData: "hold-nearest" });
 * ```
 */
export const carbonValueRuleShape = z
  .strictObject({
    outsideData: z.enum(["error", "hold-nearest"]).optional().meta({ description: "Years outside the series: error (default) or hold the nearest published value." }),
    gaps: z.enum(["error", "interpolate-linear"]).optional().meta({ description: "Missing years inside the series: error (default) or linear interpolation." }),
  })
  .meta({ description: "What to do for years the carbon value series does not cover; any choice is recorded as an assumption." });

// ---------------------------------------------------------------- carbon footprint input

const factorRefSchema = z
  .union([
    z
      .strictObject({
        factorId: idSchema.meta({ description: "Id of a factor in the bundled UK conversion factors or in `factors` (the set for the activity year is used)." }),
      })
      .meta({ description: "A library factor looked up for the year the activity happens." }),
    z
      .strictObject({
        kgCO2ePerUnit: nonNegativeDecimalSchema.meta({ description: "kgCO2e per unit of activity, stated by the caller (e.g. a supplier's product carbon footprint)." }),
        source: sourceSchema.optional().meta({ description: "Where the stated factor comes from (recommended)." }),
        note: textSchema(500).optional().meta({ description: "Basis of the stated factor." }),
      })
      .meta({ description: "A factor stated by the caller, the same in every year." }),
  ])
  .meta({ description: "The emission factor: a library factor id, or a stated kgCO2e per unit (use unit \"kgCO2e\" and 1 for a stated total)." });

const quantitySchema = z
  .union([
    z.strictObject({ perYear: nonNegativeDecimalSchema.meta({ description: "Quantity in every year of the horizon." }) }).meta({ description: "Every year." }),
    z.strictObject({ perUse: nonNegativeDecimalSchema.meta({ description: "Quantity per use; multiplied by the option's usesPerYear." }) }).meta({ description: "Per use." }),
    z
      .strictObject({ perPatient: nonNegativeDecimalSchema.meta({ description: "Quantity per patient; multiplied by the option's patientsPerYear." }) })
      .meta({ description: "Per patient." }),
    z
      .strictObject({
        once: nonNegativeDecimalSchema.meta({ description: "Quantity in one year only." }),
        year: yearSchema.optional().meta({ description: "Calendar year it happens (default: the first year of the horizon)." }),
      })
      .meta({ description: "Once." }),
  ])
  .meta({ description: "How much activity, and when: {perYear}, {perUse}, {perPatient} or {once, year?}." });

const activityFields = {
  id: idSchema.meta({ description: "Identifier of the line, unique within the option." }),
  source: textSchema(200).optional().meta({ description: "Emission source for the by-source breakdown (e.g. \"grid electricity\", \"gloves\"); default: the id." }),
  quantity: quantitySchema,
  unit: textSchema(50).meta({ description: "Unit of the quantity (kWh, tonne-km, unit, tonne, bed day, ...); must match a library factor's unit." }),
  factor: factorRefSchema,
};

const activitySchema = z.strictObject(activityFields).meta({ description: "One activity line: quantity × emission factor." });

const embodiedSchema = z
  .strictObject({
    ...activityFields,
    serviceLifeYears: z
      .int()
      .min(1)
      .max(100)
      .optional()
      .meta({ description: "Service life in years: with a {once} quantity, the units are bought again every serviceLifeYears within the horizon (replacements)." }),
  })
  .meta({ description: "Embodied (manufacture) emissions: units bought × kgCO2e per unit, with replacements." });

const items = <T extends z.ZodType>(s: T, d: string) => z.array(s).max(MAX_ITEMS).readonly().optional().meta({ description: d });

/**
 * zod schema of one option's carbon activities, by lifecycle stage.
 *
 * @example
 * ```ts
 * carbonOptionShape.parse({ id: "a", energy: [{ id: "p", quantity: { perYear: 1000 }, unit: "kWh", factor: { factorId: "uk-electricity-generation" } }] });
 * ```
 */
export const carbonOptionShape = z
  .strictObject({
    id: idSchema.meta({ description: "Option identifier (a product offer or the comparator)." }),
    label: textSchema(300).optional().meta({ description: "Human name of the option." }),
    patientsPerYear: nonNegativeDecimalSchema.optional().meta({ description: "Patients treated a year with this option (for per-patient figures and perPatient quantities)." }),
    usesPerYear: nonNegativeDecimalSchema.optional().meta({ description: "Uses (procedures, tests) a year (for per-use figures and perUse quantities)." }),
    embodied: items(embodiedSchema, "Embodied / manufacture emissions per unit bought, including replacements."),
    transport: items(activitySchema, "Transport: tonne-km × factor, or a stated kgCO2e."),
    energy: items(activitySchema, "Energy in use: kWh × the factor for the year the energy is used."),
    consumables: items(activitySchema, "Consumables: kgCO2e per unit × units (per use, per year...)."),
    waste: items(activitySchema, "Waste and disposal: tonnes × the factor for the disposal route."),
    pathway: items(activitySchema, "Pathway activity (bed day, theatre hour, outpatient visit): count × kgCO2e per activity."),
  })
  .meta({ description: "An option's carbon activities by lifecycle stage." });

const factorOverrideSchema = z
  .strictObject({
    factorId: idSchema.meta({ description: "Factor id; an existing id replaces the bundled value for that year." }),
    year: yearSchema.meta({ description: "Calendar year of activity the factor applies to." }),
    kgCO2ePerUnit: nonNegativeDecimalSchema.meta({ description: "kgCO2e per unit." }),
    unit: textSchema(50).meta({ description: "Unit of activity." }),
    label: textSchema(300).optional().meta({ description: "What the factor converts." }),
    source: sourceSchema.meta({ description: "Where the factor comes from (recorded with results)." }),
  })
  .meta({ description: "A caller's emission factor, replacing or adding to the bundled data." });

/**
 * zod schema of the input to `carbonFootprint`: a horizon, factor rules and overrides, and options with their
 * activities. Cross-field rules: unique option and line ids, known factor ids with matching units, volumes
 * present for per-use/per-patient quantities, one-off years inside the horizon. Its JSON Schema documents
 * every key.
 *
 * @example
 * ```ts
 * z.toJSONSchema(carbonInputShape, { io: "input" });
 * ```
 */
const carbonInputFields = z
  .strictObject({
    startYear: yearSchema.meta({ description: "Calendar year of the first year of the horizon." }),
    horizonYears: z.int().min(1).max(100).meta({ description: "Number of years evaluated (1–100)." }),
    factorYearRule: z
      .enum(["exact", "latest-available", "nearest"])
      .optional()
      .meta({ description: "Years without a factor set: exact (error, default), latest-available or nearest; any fallback is recorded as an assumption." }),
    factors: z.array(factorOverrideSchema).max(MAX_ITEMS).readonly().optional().meta({ description: "Caller factors overriding or extending the bundled UK conversion factors." }),
    options: z.array(carbonOptionShape).min(1).max(MAX_OPTIONS).readonly().meta({ description: "Options compared (offers and comparator)." }),
  });

/** @internal The cross-field rules of a carbon input, on parsed values (the whole-job validation runs them too). */
export function checkCarbonInput(doc: z.output<typeof carbonInputFields>, ctx: z.core.$RefinementCtx): void {
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
    doc.options.forEach((opt, oi) => {
      if (ids.has(opt.id)) custom(ctx, ["options", oi, "id"], `option ids must be unique, got "${opt.id}" twice`, "duplicate_id");
      ids.add(opt.id);
      const lineIds = new Set<string>();
      for (const stage of CARBON_STAGES) {
        (opt[stage] ?? []).forEach((item, li) => {
          const p = ["options", oi, stage, li];
          if (lineIds.has(item.id)) custom(ctx, [...p, "id"], `line ids must be unique within option "${opt.id}", got "${item.id}" twice`, "duplicate_id");
          lineIds.add(item.id);
          const q = item.quantity;
          if ("perUse" in q && opt.usesPerYear === undefined) custom(ctx, [...p, "quantity", "perUse"], `a per-use quantity needs options[${oi}].usesPerYear, got none`, "custom");
          if ("perPatient" in q && opt.patientsPerYear === undefined) custom(ctx, [...p, "quantity", "perPatient"], `a per-patient quantity needs options[${oi}].patientsPerYear, got none`, "custom");
          if ("once" in q && q.year !== undefined && (q.year < doc.startYear || q.year > end)) {
            custom(ctx, [...p, "quantity", "year"], `must be within the horizon ${doc.startYear}–${end}, got ${q.year}`, "invalid_value");
          }
          if ("serviceLifeYears" in item && item.serviceLifeYears !== undefined && !("once" in q)) {
            custom(ctx, [...p, "serviceLifeYears"], `replacements apply to a {once} purchase quantity only, got {${Object.keys(q)[0]}}`, "invalid_value");
          }
          if ("factorId" in item.factor) {
            const fid = item.factor.factorId;
            if (!known.has(fid)) {
              custom(ctx, [...p, "factor", "factorId"], `unknown emission factor (known: ${[...known].sort().join(", ")}; or add it under factors), got "${fid}"`, "unknown_reference");
            } else if (units.get(fid) !== item.unit) {
              custom(ctx, [...p, "unit"], `factor "${fid}" is per ${units.get(fid)}, got ${JSON.stringify(item.unit)}`, "invalid_value");
            }
          }
        });
      }
    });
  }

export const carbonInputShape = carbonInputFields.superRefine(checkCarbonInput)
  .meta({ description: "Carbon footprint of options over a horizon, by lifecycle stage, with cited factors." });

// ---------------------------------------------------------------- monetisation input

/**
 * zod schema of a discounting timing convention.
 *
 * @example
 * ```ts
 * discountTimingShape.parse({ position: "end", compounding: "annual" });
 * ```
 */
export const discountTimingShape = discountTimingSchema;

/**
 * zod schema of the input to `monetiseCarbon`: kgCO2e by year, carbon value scenarios, price year and index,
 * optional discounting, and the buyer's treatment (externality or criterion).
 *
 * @example
 * ```ts
 * carbonMonetisationInputShape.parse({ emissions: [{ year: 2026, kgCO2e: 1000 }], scenarios: ["central"] });
 * ```
 */
export const carbonMonetisationInputShape = z
  .strictObject({
    emissions: z
      .array(
        z.strictObject({
          year: yearSchema.meta({ description: "Calendar year of emission." }),
          kgCO2e: decimalSchema.meta({ description: "kgCO2e emitted that year (negative for avoided emissions)." }),
        }),
      )
      .min(1)
      .max(1000)
      .readonly()
      .meta({ description: "kgCO2e by year, e.g. a carbon footprint result's byYear." }),
    scenarios: z
      .array(z.enum(["central", "low", "high"]))
      .min(1)
      .max(3)
      .readonly()
      .optional()
      .meta({ description: "Carbon value scenarios to compute (default all three)." }),
    priceYear: z.string().min(1).max(20).optional().meta({ description: "Price year of the evaluation (default: the carbon values' price year, 2022 for DESNZ)." }),
    priceIndex: priceIndexSeriesShape.optional().meta({ description: "Index used to re-base carbon values to priceYear (required when it differs)." }),
    carbonValues: carbonValueSeriesShape.optional().meta({ description: "Carbon value series (default DESNZ 2023, 2022 prices)." }),
    rule: carbonValueRuleShape.optional().meta({ description: "What to do for years without a carbon value." }),
    discount: z
      .strictObject({
        schedule: discountScheduleShape.meta({ description: "Discount schedule, e.g. the Green Book." }),
        baseYear: yearSchema.meta({ description: "Calendar year that is year 0 of discounting (the price base date's year)." }),
        timing: discountTimingShape.optional().meta({ description: "Timing convention (default start of year, annual)." }),
      })
      .optional()
      .meta({ description: "Discount the monetised values (optional)." }),
    treatment: z
      .enum(["externality", "criterion"])
      .optional()
      .meta({ description: "How the buyer uses the value: added to whole-life cost as a priced externality (EU 2014/24 Art. 68) or scored as its own criterion. Recorded only." }),
  })
  .superRefine((doc, ctx) => {
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
  })
  .meta({ description: "Monetise kgCO2e by year with carbon values, re-based and optionally discounted." });

// ---------------------------------------------------------------- social value


/**
 * zod schema of the input to `scoreSocialValue`: themes with weights and measurable metrics, and the
 * supplier's commitments. Unknown themes or metrics and unit mismatches are `unknown_reference` /
 * `invalid_value` issues with exact paths.
 *
 * @example
 * ```ts
 * socialValueInputShape.safeParse({ themes: [], commitments: [] }).success; //=> false (at least one theme)
 * ```
 */
const socialValueInputFields = z
  .strictObject({
    themeSet: z.enum(["ppn-06-20", "ppn-002"]).optional().meta({ description: "Bundled theme set: ppn-06-20 (five themes, as adopted by the NHS) or ppn-002 (five missions). Default ppn-06-20." }),
    customThemes: z
      .array(
        z.strictObject({
          id: idSchema.meta({ description: "Theme id." }),
          label: textSchema(300).meta({ description: "Theme name." }),
          description: textSchema(2000).optional().meta({ description: "What the theme covers." }),
        }),
      )
      .max(100)
      .optional()
      .meta({ description: "Caller themes used instead of the bundled set." }),
    themes: z
      .array(
        z.strictObject({
          themeId: idSchema.meta({ description: "Theme evaluated (must exist in the theme set)." }),
          weight: nonNegativeDecimalSchema.meta({ description: "Weight of the theme (points or a fraction; results report both raw and normalised)." }),
          metrics: z
            .array(
              z.strictObject({
                id: idSchema.meta({ description: "Metric id, unique within the theme." }),
                label: textSchema(300).meta({ description: "What is measured, e.g. \"apprenticeship weeks on the contract\"." }),
                unit: textSchema(50).meta({ description: "Unit commitments must use." }),
                benchmark: positiveDecimalSchema.meta({ description: "The commitment that earns full marks (higher-is-better) or the level at which marks start to fall (lower-is-better)." }),
                direction: z.enum(["higher-is-better", "lower-is-better"]).optional().meta({ description: "Default higher-is-better." }),
                weight: nonNegativeDecimalSchema.optional().meta({ description: "Weight within the theme (default 1)." }),
                evidenceRequired: z.boolean().optional().meta({ description: "Whether a commitment without evidence scores 0 (default true)." }),
              }),
            )
            .min(1)
            .max(100)
            .meta({ description: "Measurable metrics the buyer scores within the theme." }),
        }),
      )
      .min(1)
      .max(100)
      .meta({ description: "Themes the buyer evaluates, with weights and metrics." }),
    commitments: z
      .array(
        z.strictObject({
          id: idSchema.meta({ description: "Commitment id." }),
          themeId: idSchema.meta({ description: "Theme the commitment addresses." }),
          metricId: idSchema.meta({ description: "Metric within the theme." }),
          description: textSchema(2000).meta({ description: "The commitment in the supplier's words." }),
          target: nonNegativeDecimalSchema.meta({ description: "Measurable target in the metric's unit." }),
          unit: textSchema(50).meta({ description: "Unit of the target (must equal the metric's unit)." }),
          deadline: isoDateSchema.optional().meta({ description: "Date by which the target is met." }),
          evidence: z
            .array(
              z.strictObject({
                kind: textSchema(100).meta({ description: "Kind of evidence, e.g. \"policy\", \"report\", \"certificate\", \"case study\"." }),
                reference: textSchema(2000).meta({ description: "Where the evidence is (URL or document reference)." }),
              }),
            )
            .max(50)
            .optional()
            .meta({ description: "Evidence offered for the commitment." }),
        }),
      )
      .max(10_000)
      .meta({ description: "The supplier's commitments." }),
  });

/** @internal The cross-field rules of a social value input, on parsed values (the whole-job validation runs them too). */
export function checkSocialValueInput(doc: z.output<typeof socialValueInputFields>, ctx: z.core.$RefinementCtx): void {
    const themeIds = new Set(doc.customThemes !== undefined ? doc.customThemes.map((t) => t.id) : SOCIAL_VALUE_THEME_SETS[(doc.themeSet ?? "ppn-06-20") as keyof typeof SOCIAL_VALUE_THEME_SETS].themes.map((t) => t.id));
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
    const seen = new Set<string>();
    doc.commitments.forEach((c, i) => {
      if (seen.has(c.id)) custom(ctx, ["commitments", i, "id"], `commitment ids must be unique, got "${c.id}" twice`, "duplicate_id");
      seen.add(c.id);
      const m = metrics.get(c.themeId);
      if (m === undefined) {
        custom(ctx, ["commitments", i, "themeId"], `must be a theme the buyer evaluates (${[...metrics.keys()].join(", ")}), got "${c.themeId}"`, "unknown_reference");
        return;
      }
      const unit = m.get(c.metricId);
      if (unit === undefined) custom(ctx, ["commitments", i, "metricId"], `must be a metric of theme "${c.themeId}" (${[...m.keys()].join(", ")}), got "${c.metricId}"`, "unknown_reference");
      else if (unit !== c.unit) custom(ctx, ["commitments", i, "unit"], `metric "${c.metricId}" is measured in ${JSON.stringify(unit)}, got ${JSON.stringify(c.unit)}`, "invalid_value");
    });
  }

export const socialValueInputShape = socialValueInputFields.superRefine(checkSocialValueInput)
  .meta({ description: "A supplier's social value commitments scored against the buyer's themes and metrics." });

// ---------------------------------------------------------------- gates

/**
 * zod schema of a supplier's sustainability evidence: published documents and assessment levels.
 *
 * @example
 * ```ts
 * supplierEvidenceShape.parse({ supplierId: "acme", documents: { "carbon-reduction-plan": { published: true } }, assessments: { evergreen: 1 } });
 * ```
 */
export const supplierEvidenceShape = z
  .strictObject({
    supplierId: idSchema.meta({ description: "Supplier identifier." }),
    documents: z
      .record(
        idSchema,
        z.strictObject({
          published: z.boolean().meta({ description: "Whether the document is published (e.g. on the supplier's website)." }),
          url: textSchema(2000).optional().meta({ description: "Where it is published." }),
          publishedOn: isoDateSchema.optional().meta({ description: "Date published or last updated." }),
          targetYear: yearSchema.optional().meta({ description: "For a net zero commitment: the target year." }),
        }),
      )
      .optional()
      .meta({ description: "Documents by id, e.g. carbon-reduction-plan, net-zero-commitment." }),
    assessments: z
      .record(idSchema, z.int().min(0).max(100))
      .optional()
      .meta({ description: "Assessment levels by id, e.g. {\"evergreen\": 2} for an Evergreen maturity level." }),
  })
  .meta({ description: "A supplier's sustainability evidence." });

/**
 * zod schema of a data-defined gate rule.
 *
 * @example
 * ```ts
 * gateRuleShape.parse({ kind: "minimum-level", assessment: "evergreen", minimum: 1 });
 * ```
 */
export const gateRuleShape = z
  .union([
    z
      .strictObject({
        kind: z.literal("document-published").meta({ description: "Passes when the named document is published." }),
        document: idSchema.meta({ description: "Document id in the supplier's evidence." }),
        requireUrl: z.boolean().optional().meta({ description: "Also require a URL (default false)." }),
        latestTargetYear: yearSchema.optional().meta({ description: "Also require a targetYear no later than this (e.g. 2045)." }),
      })
      .meta({ description: "Document published." }),
    z
      .strictObject({
        kind: z.literal("minimum-level").meta({ description: "Passes when an assessment level is at least the minimum." }),
        assessment: idSchema.meta({ description: "Assessment id in the supplier's evidence, e.g. evergreen." }),
        minimum: z.int().min(0).max(100).meta({ description: "Minimum level." }),
      })
      .meta({ description: "Minimum assessment level." }),
  ])
  .meta({ description: "A pass/fail rule." });

/**
 * zod schema of a data-defined sustainability gate.
 *
 * @example
 * ```ts
 * sustainabilityGateShape.parse({ id: "crp", label: "CRP published", rule: { kind: "document-published", document: "carbon-reduction-plan" } });
 * ```
 */
export const sustainabilityGateShape = z
  .strictObject({
    id: idSchema.meta({ description: "Gate id." }),
    label: textSchema(300).meta({ description: "What the gate requires, in words." }),
    rule: gateRuleShape,
    source: sourceSchema.optional().meta({ description: "The policy the gate implements." }),
  })
  .meta({ description: "A pass/fail sustainability gate." });

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
export const carbonInputSchema: z.ZodType<CarbonInput, CarbonInputDocument> = carbonInputShape;

/**
 * zod schema of the input to `monetiseCarbon`: kgCO2e by year, carbon value scenarios, price year and index,
 * optional discounting, and the buyer's treatment (externality or criterion).
 *
 * @example
 * ```ts
 * carbonMonetisationInputSchema.parse({ emissions: [{ year: 2026, kgCO2e: 1000 }], scenarios: ["central"] });
 * ```
 */
export const carbonMonetisationInputSchema: z.ZodType<CarbonMonetisationInput, CarbonMonetisationInputDocument> = carbonMonetisationInputShape;

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
export const socialValueInputSchema: z.ZodType<SocialValueInput, SocialValueInputDocument> = socialValueInputShape;

/**
 * zod schema of a supplier's sustainability evidence: published documents and assessment levels.
 *
 * @example
 * ```ts
 * supplierEvidenceSchema.parse({ supplierId: "acme", documents: { "carbon-reduction-plan": { published: true } }, assessments: { evergreen: 1 } });
 * ```
 */
export const supplierEvidenceSchema: z.ZodType<SupplierEvidence, SupplierEvidence> = supplierEvidenceShape;

/**
 * zod schema of a data-defined sustainability gate.
 *
 * @example
 * ```ts
 * sustainabilityGateSchema.parse({ id: "crp", label: "CRP published", rule: { kind: "document-published", document: "carbon-reduction-plan" } });
 * ```
 */
export const sustainabilityGateSchema: z.ZodType<SustainabilityGateDocument, SustainabilityGateDocument> = sustainabilityGateShape;
