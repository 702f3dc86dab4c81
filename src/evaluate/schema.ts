import { EVALUATE_DESCRIPTION_TABLES } from "./schemaDescriptions.js";
import { described } from "../schema/describe.js";
import { describedShape, withMeta, describedObject } from "../schema/withMeta.js";
import type * as zc from "zod";
import { publicSchema } from "../schema/publicSchema.js";
import { onFirstUse } from "../schema/onFirstUse.js";
/**
 * zod schema of the evaluation document. It reuses the other modules' schema pieces (pathway model and
 * effects, lifecycle cost items, carbon activities, social value, sustainability gates, tender criteria and
 * records), so each key is documented once; cross-references between the parts are checked here, and each
 * part is validated by its own module with issue paths translated back into this document.
 *
 * @module
 */
import { $ZodArray, $ZodDefault, $ZodObject, $ZodOptional, $ZodReadonly } from "zod/v4/core";
import * as z from "zod/mini";
import type { VbpIssue, VbpPath } from "../errors/issue.js";
import { VbpInputError, type SafeResult } from "../errors/VbpInputError.js";
import { parseWith, safeParseWith } from "../schema/issues.js";
import { currencySchema, decimalSchema, idSchema, isoDateSchema, nonNegativeDecimalSchema, positiveDecimalSchema, sourceSchema, textSchema } from "../schema/primitives.js";
import { pathwayModelStructureSchema } from "../pathway/schema.js";
import { getLifecycleDocumentSchema } from "../lifecycle/schema.js";
import { getCarbonInputSchema, priceIndexSeriesShape, getSocialValueInputSchema, getSupplierEvidenceSchema, getSustainabilityGateSchema } from "../sustainability/schemas.js";
import { NHS_SUSTAINABILITY_GATES } from "../sustainability/gates.js";
import { getTenderSchema } from "../scoring/schema.js";
import { flattenCriteria } from "../scoring/criteria.js";
import { checkWeightPolicy } from "../scoring/policies.js";
import { bundledThresholdFor } from "../reference/thresholds.js";
import { HMT_GDP_DEFLATORS, rebaseFactor } from "../reference/deflators.js";
import { DESNZ_CARBON_VALUES } from "../sustainability/carbonValues.js";
import type { PriceIndexSeries } from "../time/indexation.js";
import type { EvaluationDocument } from "./document.js";
import { readMetricName } from "./metricNames.js";
import { checkParts } from "./_internal/checkParts.js";
import { classifyCriteria } from "./_internal/classify.js";

/** Unwraps optional/readonly/default wrappers of a zod schema. */
function core(s: z.ZodMiniType): z.ZodMiniType {
  let x: z.ZodMiniType = s;
  while (x instanceof $ZodOptional || x instanceof $ZodDefault || x instanceof $ZodReadonly) x = (x as unknown as { _zod: { def: { innerType: z.ZodMiniType } } })._zod.def.innerType;
  return x;
}

/**
 * The keys of an object schema (another module's piece; its shape is fixed, and the tests parse documents
 * through every piece read here).
 */
function shape(s: z.ZodMiniType): Record<string, z.ZodMiniType> {
  return (core(s) as unknown as $ZodObject)._zod.def.shape as Record<string, z.ZodMiniType>;
}

/** The element of an array schema. */
function element(s: z.ZodMiniType): z.ZodMiniType {
  return (core(s) as unknown as $ZodArray)._zod.def.element as z.ZodMiniType;
}

const pathwayShape = /* @__PURE__ */ onFirstUse(() => shape(pathwayModelStructureSchema()));
const pathwayOptionShape = /* @__PURE__ */ onFirstUse(() => shape(element(pathwayShape().options!)));
const lifecycleShape = /* @__PURE__ */ onFirstUse(() => shape(getLifecycleDocumentSchema() as unknown as z.ZodMiniType));
const lifecycleOptionShape = /* @__PURE__ */ onFirstUse(() => shape(element(lifecycleShape().options!)));
const lifecycleItemSchema = /* @__PURE__ */ onFirstUse(() => element(lifecycleOptionShape().items!));
const carbonShape = /* @__PURE__ */ onFirstUse(() => shape(getCarbonInputSchema() as unknown as z.ZodMiniType));
const carbonOptionShape = /* @__PURE__ */ onFirstUse(() => shape(element(carbonShape().options!)));
const socialShape = /* @__PURE__ */ onFirstUse(() => shape(getSocialValueInputSchema() as unknown as z.ZodMiniType));
const commitmentSchema = /* @__PURE__ */ onFirstUse(() => element(socialShape().commitments!));
const evidenceShape = /* @__PURE__ */ onFirstUse(() => shape(getSupplierEvidenceSchema() as unknown as z.ZodMiniType));
const tenderShape = /* @__PURE__ */ onFirstUse(() => shape(getTenderSchema() as unknown as z.ZodMiniType));

/** @internal Most options in one evaluation document. */
export const MAX_EVALUATION_OPTIONS = 100_000;

/** @internal One option of an evaluation document (the whole job validates each option on its own). */
export const optionSchema = /* @__PURE__ */ onFirstUse(() => describedObject("evaluate:option", {
    id: idSchema(),
    supplier: textSchema(300).check(z.minLength(1)),
    label: textSchema(300).check(z.minLength(1)),
    isComparator: z.optional(z.boolean()),
    lot: z.optional(idSchema()),
    price: z.optional(positiveDecimalSchema()),
    unitsPerPatient: z.optional(positiveDecimalSchema()),
    lifecycle: z.optional(z
      .strictObject({
        serviceLifeYears: lifecycleOptionShape().serviceLifeYears!,
        items: withMeta(z.array(lifecycleItemSchema()).check(z.maxLength(500)), "evaluate:option.lifecycle.items"),
      })),
    effects: pathwayOptionShape().effects!,
    extraCosts: pathwayOptionShape().extraCosts!,
    carbon: z.optional(z
      .strictObject({
        embodied: carbonOptionShape().embodied!,
        transport: carbonOptionShape().transport!,
        energy: carbonOptionShape().energy!,
        consumables: carbonOptionShape().consumables!,
        waste: carbonOptionShape().waste!,
        pathway: carbonOptionShape().pathway!,
      })),
    evidence: z.optional(z
      .strictObject({
        documents: evidenceShape().documents!,
        assessments: evidenceShape().assessments!,
      })),
    socialValue: z.optional(z
      .strictObject({
        commitments: withMeta(z.array(commitmentSchema()).check(z.maxLength(500)), "evaluate:option.socialValue.commitments"),
      })),
    values: z.optional(z
      .record(idSchema(), decimalSchema())),
    note: z.optional(textSchema(4000)),
  }, "effects", "extraCosts"));

const thresholdSchema = /* @__PURE__ */ onFirstUse(() => withMeta(z
  .union([
    withMeta(z
      .strictObject(describedShape("evaluate:threshold", {
        perQaly: nonNegativeDecimalSchema(),
        source: z.optional(sourceSchema()),
      })), "evaluate:threshold#2"),
    withMeta(z
      .strictObject(describedShape("evaluate:threshold", {
        jurisdiction: z.string().check(z.minLength(1), z.maxLength(20)),
        programme: z
          .string().check(z.minLength(1), z.maxLength(100)),
        on: isoDateSchema(),
        bound: z.enum(["lower", "upper"]),
      })), "evaluate:threshold#3"),
  ]), "evaluate:threshold"));

const metricNameSchema = /* @__PURE__ */ onFirstUse(() => withMeta(z
  .string().check(z.minLength(1), z.maxLength(130)), "evaluate:metricName"));

/** @internal The document's fields (options element-wise with {@link optionSchema}), before cross-references. */
export const documentShape = /* @__PURE__ */ onFirstUse(() => z.strictObject(describedShape("evaluate:doc", {
  $schema: z.optional(z.string().check(z.maxLength(2000))),
  kind: z.optional(z
    .enum(["tender", "catalogue"])),
  title: textSchema(300).check(z.minLength(1)),
  currency: currencySchema(),
  priceBaseDate: isoDateSchema(),
  horizonYears: z.int().check(z.gte(1), z.lte(100)),
  discounting: core(pathwayShape().discounting!),
  patientsPerYear: positiveDecimalSchema(),
  threshold: z.optional(thresholdSchema()),
  pathway: z
    .strictObject({
      id: pathwayShape().id!,
      label: pathwayShape().label!,
      parameters: pathwayShape().parameters!,
      lifeTables: pathwayShape().lifeTables!,
      tree: pathwayShape().tree!,
      markov: pathwayShape().markov!,
      source: pathwayShape().source!,
      note: pathwayShape().note!,
    }),
  options: z.array(optionSchema()).check(z.minLength(2), z.maxLength(MAX_EVALUATION_OPTIONS)),
  tender: z
    .strictObject({
      criteria: tenderShape().criteria!,
      lots: tenderShape().lots!,
      evaluatorScores: tenderShape().evaluatorScores!,
      consensus: tenderShape().consensus!,
      passFail: tenderShape().passFail!,
      gates: tenderShape().gates!,
      settings: tenderShape().settings!,
    }),
  criterionMetrics: z.optional(z
    .record(idSchema(), metricNameSchema())),
  criterionGates: z.optional(z
    .record(idSchema(), withMeta(z.union([idSchema(), z.array(idSchema()).check(z.minLength(1), z.maxLength(50))]), "evaluate:doc.criterionGates#2"))),
  sustainabilityGates: z.optional(z.array(getSustainabilityGateSchema()).check(z.maxLength(50))),
  socialValue: z.optional(z
    .strictObject({
      themeSet: socialShape().themeSet!,
      customThemes: socialShape().customThemes!,
      themes: socialShape().themes!,
    })),
  carbon: z.optional(z
    .strictObject({
      factorYearRule: carbonShape().factorYearRule!,
      factors: carbonShape().factors!,
    })),
  carbonValuation: z.optional(z
    .strictObject(describedShape("evaluate:doc.carbonValuation", {
      treatment: z
        .enum(["externality", "criterion"]),
      scenario: z.optional(z.enum(["central", "low", "high"])),
      priceIndex: z.optional(priceIndexSeriesShape()),
    }))),
}, "threshold")));

function add(ctx: z.core.$RefinementCtx, path: VbpPath, message: string, code: VbpIssue["code"]): void {
  ctx.addIssue({ code: "custom", path: [...path], message, input: undefined, params: { vbpCode: code } });
}

function addMapped(ctx: z.core.$RefinementCtx, issues: readonly VbpIssue[], map: (p: VbpPath) => VbpPath, seen: Set<string>): void {
  for (const i of issues) {
    const path = map(i.path);
    const key = `${path.join("\u0000")}|${i.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    add(ctx, path, i.message, i.code);
  }
}

/**
 * @internal The document's own cross-references (unique option ids, one comparator, threshold lookup,
 * metric and gate maps). Returns the issues' keys (path and message), so that more can be added once each.
 */
export function crossChecks(doc: EvaluationDocument, ctx: z.core.$RefinementCtx): Set<string> {
  const seen = new Set<string>();
  // Options: unique ids, exactly one comparator.
  const ids = new Map<string, number>();
  doc.options.forEach((o, i) => {
    const prev = ids.get(o.id);
    if (prev !== undefined) add(ctx, ["options", i, "id"], `option id "${o.id}" is already used by options[${prev}]`, "duplicate_id");
    else ids.set(o.id, i);
    if (o.unitsPerPatient !== undefined && o.price === undefined) add(ctx, ["options", i, "unitsPerPatient"], "needs the option's price (the bid price per unit)", "invalid_type");
  });
  const comparators = doc.options.flatMap((o, i) => (o.isComparator === true ? [i] : []));
  if (comparators.length === 0) add(ctx, ["options"], "must include exactly one comparator (current practice): set isComparator: true on it", "invalid_value");
  comparators.slice(1).forEach((i) => add(ctx, ["options", i, "isComparator"], `only one option can be the comparator; options[${comparators[0]}] already is`, "invalid_value"));

  // Threshold lookup.
  if (doc.threshold !== undefined && "jurisdiction" in doc.threshold) {
    try {
      const t = bundledThresholdFor({ jurisdiction: doc.threshold.jurisdiction, on: doc.threshold.on, programme: doc.threshold.programme });
      if (t.currency !== doc.currency) add(ctx, ["threshold"], `the threshold found ("${t.id}") is in ${t.currency}, but the document's currency is ${doc.currency}`, "currency_mismatch");
    } catch (e) {
      if (!(e instanceof VbpInputError)) throw e;
      // The lookup names its argument `query`; the document's keys sit directly under `threshold`.
      addMapped(ctx, e.issues, (p) => ["threshold", ...(p[0] === "query" ? p.slice(1) : p)], seen);
    }
  }

  // Criteria: metric map and gate map.
  const flat = flattenCriteria(doc.tender.criteria);
  const byId = new Map(flat.map((f) => [f.node.id, f] as const));
  const mapped = new Set<string>();
  for (const [criterionId, metric] of Object.entries(doc.criterionMetrics ?? {})) {
    const path = ["criterionMetrics", criterionId];
    const f = byId.get(criterionId);
    if (f === undefined) add(ctx, path, `unknown criterion "${criterionId}" (criteria: ${flat.map((x) => x.node.id).join(", ")})`, "unknown_reference");
    else if (f.node.kind !== "quantitative") add(ctx, path, `criterion "${criterionId}" is ${f.node.kind}, not quantitative: only quantitative criteria take a metric`, "invalid_value");
    else mapped.add(criterionId);
    const m = readMetricName(metric);
    if (m === undefined) add(ctx, path, `unknown metric "${metric}"`, "unknown_reference");
    else if (m.needs === "threshold" && doc.threshold === undefined) add(ctx, path, `metric "${metric}" needs a cost-effectiveness threshold: add threshold ({ perQaly } or { jurisdiction, on, bound })`, "invalid_type");
    else if (m.needs === "socialValue" && doc.socialValue === undefined) add(ctx, path, `metric "${metric}" needs the social value framework: add socialValue`, "invalid_type");
    else if (m.needs === "carbonValuation" && doc.carbonValuation === undefined) add(ctx, path, `metric "${metric}" needs carbonValuation`, "invalid_type");
  }
  const gateDocs = doc.sustainabilityGates ?? NHS_SUSTAINABILITY_GATES;
  const gateIds = new Set(gateDocs.map((g) => g.id));
  const gated = new Set<string>();
  for (const [criterionId, gate] of Object.entries(doc.criterionGates ?? {})) {
    const path = ["criterionGates", criterionId];
    const f = byId.get(criterionId);
    if (f === undefined) add(ctx, path, `unknown criterion "${criterionId}"`, "unknown_reference");
    else if (f.node.kind !== "pass-fail") add(ctx, path, `criterion "${criterionId}" is ${f.node.kind}, not pass-fail: only pass/fail criteria take a gate`, "invalid_value");
    else gated.add(criterionId);
    const list = typeof gate === "string" ? [gate] : gate;
    list.forEach((g, j) => {
      if (!gateIds.has(g)) add(ctx, typeof gate === "string" ? path : [...path, j], `unknown sustainability gate "${g}" (gates: ${[...gateIds].join(", ")})`, "unknown_reference");
    });
  }
  (doc.tender.passFail ?? []).forEach((p, j) => {
    if (gated.has(p.criterionId)) add(ctx, ["tender", "passFail", j, "criterionId"], `criterion "${p.criterionId}" is decided by sustainability gates (criterionGates): remove this record`, "invalid_value");
  });
  if (doc.socialValue === undefined) {
    doc.options.forEach((o, i) => {
      if (o.socialValue !== undefined) add(ctx, ["options", i, "socialValue"], "needs the buyer's social value framework: add socialValue at the top level", "invalid_type");
    });
  }
  doc.options.forEach((o, i) => {
    for (const key of Object.keys(o.values ?? {})) {
      if (mapped.has(key)) add(ctx, ["options", i, "values", key], `criterion "${key}" is fed by the metric "${doc.criterionMetrics?.[key] ?? ""}" (criterionMetrics): remove this value`, "invalid_value");
    }
  });
  if (doc.carbonValuation !== undefined && doc.currency !== "GBP") {
    add(ctx, ["carbonValuation"], `the DESNZ carbon values are in GBP, but the document's currency is ${doc.currency}`, "currency_mismatch");
  }
  // The deflator that re-bases the carbon values to the evaluation's price year must have both years.
  if (doc.carbonValuation !== undefined) {
    try {
      rebaseFactor((doc.carbonValuation.priceIndex as PriceIndexSeries | undefined) ?? HMT_GDP_DEFLATORS, DESNZ_CARBON_VALUES.priceYear, doc.priceBaseDate.slice(0, 4), ["carbonValuation", "priceIndex"]);
    } catch (e) {
      if (!(e instanceof VbpInputError)) throw e;
      for (const i of e.issues) add(ctx, i.path, i.message, i.code);
    }
    // Every year of the horizon needs a published carbon value (the document cannot choose another series).
    const from = Number(doc.priceBaseDate.slice(0, 4));
    const to = from + doc.horizonYears - 1;
    const years = Object.keys(DESNZ_CARBON_VALUES.central).map(Number);
    const first = Math.min(...years);
    const last = Math.max(...years);
    if (from < first || to > last) {
      add(ctx, ["carbonValuation"], `needs a carbon value for every year of the horizon, ${from}–${to} (priceBaseDate and horizonYears), but "${DESNZ_CARBON_VALUES.id}" covers ${first}–${last}`, "unknown_reference");
    }
  }
  if (doc.tender.settings?.policyMode === "error") {
    const classified = classifyCriteria(doc.tender.criteria, doc.criterionMetrics);
    for (const p of doc.tender.settings.policies ?? []) addMapped(ctx, checkWeightPolicy(classified, p, ["tender", "criteria"]), (x) => x, seen);
  }

  return seen;
}

const documentSchema = /* @__PURE__ */ onFirstUse(() => withMeta(documentShape().check(z.superRefine((d, ctx) => {
  const doc = d as unknown as EvaluationDocument;
  const seen = crossChecks(doc, ctx);
  // Each part, checked by its own module's rules on the parsed values (no second parse, no engine); paths
  // translated back into this document. These need unique option ids and one comparator (checked above).
  if (new Set(doc.options.map((o) => o.id)).size !== doc.options.length || doc.options.filter((o) => o.isComparator === true).length !== 1) return;
  addMapped(ctx, checkParts(doc).issues, (p) => p, seen);
})), "evaluate:document"));

/**
 * The zod schema of an evaluation document (strict objects; every key documented). Cross-references (option
 * ids, criterion ids in `criterionMetrics`/`criterionGates`, metric names, gate ids) and each part's own
 * rules are reported with exact paths.
 *
 * @example
 * ```ts
 * const r = evaluationDocumentSchema.safeParse(json);
 * ```
 */
export const evaluationDocumentSchema: zc.ZodType<EvaluationDocument, unknown> = /* @__PURE__ */ publicSchema<EvaluationDocument, unknown>(() => getEvaluationDocumentSchema(), EVALUATE_DESCRIPTION_TABLES);

/** @internal The library's own schema behind `evaluationDocumentSchema`, built on first use. */
export const getEvaluationDocumentSchema = /* @__PURE__ */ onFirstUse((): z.ZodMiniType<EvaluationDocument, unknown> => documentSchema() as unknown as z.ZodMiniType<EvaluationDocument, unknown>);

/**
 * Validates an evaluation document; throws a VbpInputError listing every problem with its path.
 *
 * @param input - the document (parsed JSON)
 * @returns the validated document (decimals as canonical strings)
 * @throws VbpInputError with every issue
 * @example
 * ```ts
 * const doc = parseEvaluationDocument(JSON.parse(text));
 * ```
 */
export function parseEvaluationDocument(input: unknown): EvaluationDocument {
  return parseWith(getEvaluationDocumentSchema(), input);
}

/**
 * {@link parseEvaluationDocument} that never throws for bad input.
 *
 * @example
 * ```ts
 * const r = safeParseEvaluationDocument(json);
 * const problems = r.success ? [] : r.error.issues.map(formatIssue); // ["options[1].id: …", …]
 * ```
 */
export function safeParseEvaluationDocument(input: unknown): SafeResult<EvaluationDocument> {
  return safeParseWith(getEvaluationDocumentSchema(), input);
}

/**
 * The JSON Schema (draft 2020-12) of the evaluation document, for platforms' forms and editors; every key
 * carries its description.
 *
 * @example
 * ```ts
 * const schema = evaluationDocumentJsonSchema();
 * schema.title; //=> "vbp-score evaluation document"
 * ```
 */
export function evaluationDocumentJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(described(documentSchema(), EVALUATE_DESCRIPTION_TABLES), { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
}
