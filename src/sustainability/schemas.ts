import { withMeta } from "../schema/withMeta.js";
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
import { SOCIAL_VALUE_THEME_SETS } from "./socialValueThemes.js";

const MAX_OPTIONS = 100_000;
const MAX_ITEMS = 1_000;
const yearSchema = /* @__PURE__ */ onFirstUse(() => z.int().check(z.gte(1900)).check(z.lte(2300)));

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
export const priceIndexSeriesShape = /* @__PURE__ */ onFirstUse(() => withMeta(z
  .strictObject({
    id: withMeta(idSchema(), { description: "Identifier recorded with results." }),
    label: withMeta(textSchema(300), { description: "Human name of the index, e.g. \"HM Treasury GDP deflator\"." }),
    values: withMeta(z
      .record(z.string().check(z.regex(/^[0-9A-Za-z][0-9A-Za-z/._-]{0,19}$/, { message: "must be a price year label such as 2024 or 2024/25" })), positiveDecimalSchema()), { description: "Index value (> 0) by price year label, e.g. {\"2022\": 100, \"2025\": 108.2}." }),
    source: withMeta(z.optional(sourceSchema()), { description: "Where the index comes from." }),
  }), { description: "A price index used to re-base values between price years." }));

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
export const carbonValueSeriesShape = /* @__PURE__ */ onFirstUse(() => withMeta(z
  .strictObject({
    id: withMeta(idSchema(), { description: "Identifier recorded with results." }),
    label: withMeta(textSchema(300), { description: "Human name." }),
    currency: withMeta(currencySchema(), { description: "ISO 4217 currency of the values." }),
    priceYear: withMeta(z.string().check(z.minLength(1)).check(z.maxLength(20)), { description: "Price year the values are in (a label in the price index)." }),
    central: withMeta(z
      .record(z.string().check(z.regex(/^[0-9]{4}$/, { message: "must be a four-digit calendar year" })), nonNegativeDecimalSchema()), { description: "Central value per tCO2e by calendar year of emission." }),
    lowMultiplier: withMeta(nonNegativeDecimalSchema(), { description: "Low = central × this (DESNZ: 0.5)." }),
    highMultiplier: withMeta(nonNegativeDecimalSchema(), { description: "High = central × this (DESNZ: 1.5)." }),
    source: withMeta(sourceSchema(), { description: "Where the values come from." }),
    note: withMeta(z.optional(textSchema(2000)), { description: "Anything derived rather than published, e.g. interpolated years." }),
  }), { description: "A series of carbon values per tonne CO2e by year, in one price year." }));

/**
 * zod schema of the rule for carbon-value years without data.
 *
 * @example
 * ```ts
 * carbonValueRuleShape().parse({ outsideData: "hold-nearest" });
 * ```
 */
export const carbonValueRuleShape = /* @__PURE__ */ onFirstUse(() => withMeta(z
  .strictObject({
    outsideData: withMeta(z.optional(z.enum(["error", "hold-nearest"])), { description: "Years outside the series: error (default) or hold the nearest published value." }),
    gaps: withMeta(z.optional(z.enum(["error", "interpolate-linear"])), { description: "Missing years inside the series: error (default) or linear interpolation." }),
  }), { description: "What to do for years the carbon value series does not cover; any choice is recorded as an assumption." }));

// ---------------------------------------------------------------- carbon footprint input

const factorRefSchema = /* @__PURE__ */ onFirstUse(() => withMeta(z
  .union([
    withMeta(z
      .strictObject({
        factorId: withMeta(idSchema(), { description: "Id of a factor in the bundled UK conversion factors or in `factors` (the set for the activity year is used)." }),
      }), { description: "A library factor looked up for the year the activity happens." }),
    withMeta(z
      .strictObject({
        kgCO2ePerUnit: withMeta(nonNegativeDecimalSchema(), { description: "kgCO2e per unit of activity, stated by the caller (e.g. a supplier's product carbon footprint)." }),
        source: withMeta(z.optional(sourceSchema()), { description: "Where the stated factor comes from (recommended)." }),
        note: withMeta(z.optional(textSchema(500)), { description: "Basis of the stated factor." }),
      }), { description: "A factor stated by the caller, the same in every year." }),
  ]), { description: "The emission factor: a library factor id, or a stated kgCO2e per unit (use unit \"kgCO2e\" and 1 for a stated total)." }));

const quantitySchema = /* @__PURE__ */ onFirstUse(() => withMeta(z
  .union([
    withMeta(z.strictObject({ perYear: withMeta(nonNegativeDecimalSchema(), { description: "Quantity in every year of the horizon." }) }), { description: "Every year." }),
    withMeta(z.strictObject({ perUse: withMeta(nonNegativeDecimalSchema(), { description: "Quantity per use; multiplied by the option's usesPerYear." }) }), { description: "Per use." }),
    withMeta(z
      .strictObject({ perPatient: withMeta(nonNegativeDecimalSchema(), { description: "Quantity per patient; multiplied by the option's patientsPerYear." }) }), { description: "Per patient." }),
    withMeta(z
      .strictObject({
        once: withMeta(nonNegativeDecimalSchema(), { description: "Quantity in one year only." }),
        year: withMeta(z.optional(yearSchema()), { description: "Calendar year it happens (default: the first year of the horizon)." }),
      }), { description: "Once." }),
  ]), { description: "How much activity, and when: {perYear}, {perUse}, {perPatient} or {once, year?}." }));

const activityFields = /* @__PURE__ */ onFirstUse(() => ({
  id: withMeta(idSchema(), { description: "Identifier of the line, unique within the option." }),
  source: withMeta(z.optional(textSchema(200)), { description: "Emission source for the by-source breakdown (e.g. \"grid electricity\", \"gloves\"); default: the id." }),
  quantity: quantitySchema(),
  unit: withMeta(textSchema(50), { description: "Unit of the quantity (kWh, tonne-km, unit, tonne, bed day, ...); must match a library factor's unit." }),
  factor: factorRefSchema(),
}));

const activitySchema = /* @__PURE__ */ onFirstUse(() => withMeta(z.strictObject(activityFields()), { description: "One activity line: quantity × emission factor." }));

const embodiedSchema = /* @__PURE__ */ onFirstUse(() => withMeta(z
  .strictObject({
    ...activityFields(),
    serviceLifeYears: withMeta(z.optional(z
      .int().check(z.gte(1)).check(z.lte(100))), { description: "Service life in years: with a {once} quantity, the units are bought again every serviceLifeYears within the horizon (replacements)." }),
  }), { description: "Embodied (manufacture) emissions: units bought × kgCO2e per unit, with replacements." }));

const items = <T extends z.ZodMiniType>(s: T, d: string) => withMeta(z.optional(z.readonly(z.array(s).check(z.maxLength(MAX_ITEMS)))), { description: d });

/**
 * zod schema of one option's carbon activities, by lifecycle stage.
 *
 * @example
 * ```ts
 * carbonOptionShape().parse({ id: "a", energy: [{ id: "p", quantity: { perYear: 1000 }, unit: "kWh", factor: { factorId: "uk-electricity-generation" } }] });
 * ```
 */
export const carbonOptionShape = /* @__PURE__ */ onFirstUse(() => withMeta(z
  .strictObject({
    id: withMeta(idSchema(), { description: "Option identifier (a product offer or the comparator)." }),
    label: withMeta(z.optional(textSchema(300)), { description: "Human name of the option." }),
    patientsPerYear: withMeta(z.optional(nonNegativeDecimalSchema()), { description: "Patients treated a year with this option (for per-patient figures and perPatient quantities)." }),
    usesPerYear: withMeta(z.optional(nonNegativeDecimalSchema()), { description: "Uses (procedures, tests) a year (for per-use figures and perUse quantities)." }),
    embodied: items(embodiedSchema(), "Embodied / manufacture emissions per unit bought, including replacements."),
    transport: items(activitySchema(), "Transport: tonne-km × factor, or a stated kgCO2e."),
    energy: items(activitySchema(), "Energy in use: kWh × the factor for the year the energy is used."),
    consumables: items(activitySchema(), "Consumables: kgCO2e per unit × units (per use, per year...)."),
    waste: items(activitySchema(), "Waste and disposal: tonnes × the factor for the disposal route."),
    pathway: items(activitySchema(), "Pathway activity (bed day, theatre hour, outpatient visit): count × kgCO2e per activity."),
  }), { description: "An option's carbon activities by lifecycle stage." }));

const factorOverrideSchema = /* @__PURE__ */ onFirstUse(() => withMeta(z
  .strictObject({
    factorId: withMeta(idSchema(), { description: "Factor id; an existing id replaces the bundled value for that year." }),
    year: withMeta(yearSchema(), { description: "Calendar year of activity the factor applies to." }),
    kgCO2ePerUnit: withMeta(nonNegativeDecimalSchema(), { description: "kgCO2e per unit." }),
    unit: withMeta(textSchema(50), { description: "Unit of activity." }),
    label: withMeta(z.optional(textSchema(300)), { description: "What the factor converts." }),
    source: withMeta(sourceSchema(), { description: "Where the factor comes from (recorded with results)." }),
  }), { description: "A caller's emission factor, replacing or adding to the bundled data." }));

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
  .strictObject({
    startYear: withMeta(yearSchema(), { description: "Calendar year of the first year of the horizon." }),
    horizonYears: withMeta(z.int().check(z.gte(1)).check(z.lte(100)), { description: "Number of years evaluated (1–100)." }),
    factorYearRule: withMeta(z.optional(z
      .enum(["exact", "latest-available", "nearest"])), { description: "Years without a factor set: exact (error, default), latest-available or nearest; any fallback is recorded as an assumption." }),
    factors: withMeta(z.optional(z.readonly(z.array(factorOverrideSchema()).check(z.maxLength(MAX_ITEMS)))), { description: "Caller factors overriding or extending the bundled UK conversion factors." }),
    options: withMeta(z.readonly(z.array(carbonOptionShape()).check(z.minLength(1)).check(z.maxLength(MAX_OPTIONS))), { description: "Options compared (offers and comparator)." }),
  }));

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

export const carbonInputShape = /* @__PURE__ */ onFirstUse(() => withMeta(carbonInputFields().check(z.superRefine(checkCarbonInput)), { description: "Carbon footprint of options over a horizon, by lifecycle stage, with cited factors." }));

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
  .strictObject({
    emissions: withMeta(z.readonly(z
      .array(
        z.strictObject({
          year: withMeta(yearSchema(), { description: "Calendar year of emission." }),
          kgCO2e: withMeta(decimalSchema(), { description: "kgCO2e emitted that year (negative for avoided emissions)." }),
        }),
      ).check(z.minLength(1)).check(z.maxLength(1000))), { description: "kgCO2e by year, e.g. a carbon footprint result's byYear." }),
    scenarios: withMeta(z.optional(z.readonly(z
      .array(z.enum(["central", "low", "high"])).check(z.minLength(1)).check(z.maxLength(3)))), { description: "Carbon value scenarios to compute (default all three)." }),
    priceYear: withMeta(z.optional(z.string().check(z.minLength(1)).check(z.maxLength(20))), { description: "Price year of the evaluation (default: the carbon values' price year, 2022 for DESNZ)." }),
    priceIndex: withMeta(z.optional(priceIndexSeriesShape()), { description: "Index used to re-base carbon values to priceYear (required when it differs)." }),
    carbonValues: withMeta(z.optional(carbonValueSeriesShape()), { description: "Carbon value series (default DESNZ 2023, 2022 prices)." }),
    rule: withMeta(z.optional(carbonValueRuleShape()), { description: "What to do for years without a carbon value." }),
    discount: withMeta(z.optional(z
      .strictObject({
        schedule: withMeta(discountScheduleShape(), { description: "Discount schedule, e.g. the Green Book." }),
        baseYear: withMeta(yearSchema(), { description: "Calendar year that is year 0 of discounting (the price base date's year)." }),
        timing: withMeta(z.optional(discountTimingShape()), { description: "Timing convention (default start of year, annual)." }),
      })), { description: "Discount the monetised values (optional)." }),
    treatment: withMeta(z.optional(z
      .enum(["externality", "criterion"])), { description: "How the buyer uses the value: added to whole-life cost as a priced externality (EU 2014/24 Art. 68) or scored as its own criterion. Recorded only." }),
  }).check(z.superRefine((doc, ctx) => {
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
  })), { description: "Monetise kgCO2e by year with carbon values, re-based and optionally discounted." }));

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
  .strictObject({
    themeSet: withMeta(z.optional(z.enum(["ppn-06-20", "ppn-002"])), { description: "Bundled theme set: ppn-06-20 (five themes, as adopted by the NHS) or ppn-002 (five missions). Default ppn-06-20." }),
    customThemes: withMeta(z.optional(z
      .array(
        z.strictObject({
          id: withMeta(idSchema(), { description: "Theme id." }),
          label: withMeta(textSchema(300), { description: "Theme name." }),
          description: withMeta(z.optional(textSchema(2000)), { description: "What the theme covers." }),
        }),
      ).check(z.maxLength(100))), { description: "Caller themes used instead of the bundled set." }),
    themes: withMeta(z
      .array(
        z.strictObject({
          themeId: withMeta(idSchema(), { description: "Theme evaluated (must exist in the theme set)." }),
          weight: withMeta(nonNegativeDecimalSchema(), { description: "Weight of the theme (points or a fraction; results report both raw and normalised)." }),
          metrics: withMeta(z
            .array(
              z.strictObject({
                id: withMeta(idSchema(), { description: "Metric id, unique within the theme." }),
                label: withMeta(textSchema(300), { description: "What is measured, e.g. \"apprenticeship weeks on the contract\"." }),
                unit: withMeta(textSchema(50), { description: "Unit commitments must use." }),
                benchmark: withMeta(positiveDecimalSchema(), { description: "The commitment that earns full marks (higher-is-better) or the level at which marks start to fall (lower-is-better)." }),
                direction: withMeta(z.optional(z.enum(["higher-is-better", "lower-is-better"])), { description: "Default higher-is-better." }),
                weight: withMeta(z.optional(nonNegativeDecimalSchema()), { description: "Weight within the theme (default 1)." }),
                evidenceRequired: withMeta(z.optional(z.boolean()), { description: "Whether a commitment without evidence scores 0 (default true)." }),
              }),
            ).check(z.minLength(1)).check(z.maxLength(100)), { description: "Measurable metrics the buyer scores within the theme." }),
        }),
      ).check(z.minLength(1)).check(z.maxLength(100)), { description: "Themes the buyer evaluates, with weights and metrics." }),
    commitments: withMeta(z
      .array(
        z.strictObject({
          id: withMeta(idSchema(), { description: "Commitment id." }),
          themeId: withMeta(idSchema(), { description: "Theme the commitment addresses." }),
          metricId: withMeta(idSchema(), { description: "Metric within the theme." }),
          description: withMeta(textSchema(2000), { description: "The commitment in the supplier's words." }),
          target: withMeta(nonNegativeDecimalSchema(), { description: "Measurable target in the metric's unit." }),
          unit: withMeta(textSchema(50), { description: "Unit of the target (must equal the metric's unit)." }),
          deadline: withMeta(z.optional(isoDateSchema()), { description: "Date by which the target is met." }),
          evidence: withMeta(z.optional(z
            .array(
              z.strictObject({
                kind: withMeta(textSchema(100), { description: "Kind of evidence, e.g. \"policy\", \"report\", \"certificate\", \"case study\"." }),
                reference: withMeta(textSchema(2000), { description: "Where the evidence is (URL or document reference)." }),
              }),
            ).check(z.maxLength(50))), { description: "Evidence offered for the commitment." }),
        }),
      ).check(z.maxLength(10_000)), { description: "The supplier's commitments." }),
  }));

/** @internal The cross-field rules of a social value input, on parsed values (the whole-job validation runs them too). */
export function checkSocialValueInput(doc: z.output<ReturnType<typeof socialValueInputFields>>, ctx: z.core.$RefinementCtx): void {
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

export const socialValueInputShape = /* @__PURE__ */ onFirstUse(() => withMeta(socialValueInputFields().check(z.superRefine(checkSocialValueInput)), { description: "A supplier's social value commitments scored against the buyer's themes and metrics." }));

// ---------------------------------------------------------------- gates

/**
 * zod schema of a supplier's sustainability evidence: published documents and assessment levels.
 *
 * @example
 * ```ts
 * supplierEvidenceShape().parse({ supplierId: "acme", documents: { "carbon-reduction-plan": { published: true } }, assessments: { evergreen: 1 } });
 * ```
 */
export const supplierEvidenceShape = /* @__PURE__ */ onFirstUse(() => withMeta(z
  .strictObject({
    supplierId: withMeta(idSchema(), { description: "Supplier identifier." }),
    documents: withMeta(z.optional(z
      .record(
        idSchema(),
        z.strictObject({
          published: withMeta(z.boolean(), { description: "Whether the document is published (e.g. on the supplier's website)." }),
          url: withMeta(z.optional(textSchema(2000)), { description: "Where it is published." }),
          publishedOn: withMeta(z.optional(isoDateSchema()), { description: "Date published or last updated." }),
          targetYear: withMeta(z.optional(yearSchema()), { description: "For a net zero commitment: the target year." }),
        }),
      )), { description: "Documents by id, e.g. carbon-reduction-plan, net-zero-commitment." }),
    assessments: withMeta(z.optional(z
      .record(idSchema(), z.int().check(z.gte(0)).check(z.lte(100)))), { description: "Assessment levels by id, e.g. {\"evergreen\": 2} for an Evergreen maturity level." }),
  }), { description: "A supplier's sustainability evidence." }));

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
      .strictObject({
        kind: withMeta(z.literal("document-published"), { description: "Passes when the named document is published." }),
        document: withMeta(idSchema(), { description: "Document id in the supplier's evidence." }),
        requireUrl: withMeta(z.optional(z.boolean()), { description: "Also require a URL (default false)." }),
        latestTargetYear: withMeta(z.optional(yearSchema()), { description: "Also require a targetYear no later than this (e.g. 2045)." }),
      }), { description: "Document published." }),
    withMeta(z
      .strictObject({
        kind: withMeta(z.literal("minimum-level"), { description: "Passes when an assessment level is at least the minimum." }),
        assessment: withMeta(idSchema(), { description: "Assessment id in the supplier's evidence, e.g. evergreen." }),
        minimum: withMeta(z.int().check(z.gte(0)).check(z.lte(100)), { description: "Minimum level." }),
      }), { description: "Minimum assessment level." }),
  ]), { description: "A pass/fail rule." }));

/**
 * zod schema of a data-defined sustainability gate.
 *
 * @example
 * ```ts
 * sustainabilityGateShape().parse({ id: "crp", label: "CRP published", rule: { kind: "document-published", document: "carbon-reduction-plan" } });
 * ```
 */
export const sustainabilityGateShape = /* @__PURE__ */ onFirstUse(() => withMeta(z
  .strictObject({
    id: withMeta(idSchema(), { description: "Gate id." }),
    label: withMeta(textSchema(300), { description: "What the gate requires, in words." }),
    rule: gateRuleShape(),
    source: withMeta(z.optional(sourceSchema()), { description: "The policy the gate implements." }),
  }), { description: "A pass/fail sustainability gate." }));

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
export const carbonInputSchema: zc.ZodType<CarbonInput, CarbonInputDocument> = /* @__PURE__ */ publicSchema<CarbonInput, CarbonInputDocument>(() => getCarbonInputSchema());

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
export const carbonMonetisationInputSchema: zc.ZodType<CarbonMonetisationInput, CarbonMonetisationInputDocument> = /* @__PURE__ */ publicSchema<CarbonMonetisationInput, CarbonMonetisationInputDocument>(() => getCarbonMonetisationInputSchema());

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
export const socialValueInputSchema: zc.ZodType<SocialValueInput, SocialValueInputDocument> = /* @__PURE__ */ publicSchema<SocialValueInput, SocialValueInputDocument>(() => getSocialValueInputSchema());

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
export const supplierEvidenceSchema: zc.ZodType<SupplierEvidence, SupplierEvidence> = /* @__PURE__ */ publicSchema<SupplierEvidence, SupplierEvidence>(() => getSupplierEvidenceSchema());

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
export const sustainabilityGateSchema: zc.ZodType<SustainabilityGateDocument, SustainabilityGateDocument> = /* @__PURE__ */ publicSchema<SustainabilityGateDocument, SustainabilityGateDocument>(() => getSustainabilityGateSchema());

/** @internal The library's own schema behind `sustainabilityGateSchema`, built on first use. */
export const getSustainabilityGateSchema = /* @__PURE__ */ onFirstUse((): z.ZodMiniType<SustainabilityGateDocument, SustainabilityGateDocument> => sustainabilityGateShape());
