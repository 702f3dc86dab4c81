import { LIFECYCLE_DESCRIPTION_TABLES } from "./schemaDescriptions.js";
import { described } from "../schema/describe.js";
import { discountScheduleSchema, discountTimingSchema } from "../schema/discounting.js";
import { describedShape, withMeta, describedObject } from "../schema/withMeta.js";
import type * as zc from "zod";
import { publicSchema } from "../schema/publicSchema.js";
import { onFirstUse } from "../schema/onFirstUse.js";
import { resolveDiscountSchedule, resolveSource, type ScheduleFields } from "../schema/resolve.js";
import { differenceInMonths } from "date-fns";
import * as z from "zod/mini";
import type { SafeResult } from "../errors/VbpInputError.js";
import { VbpInputError } from "../errors/VbpInputError.js";
import {
  currencySchema,
  idSchema,
  isoDateSchema,
  nonNegativeDecimalSchema,
  positiveDecimalSchema,
  rateSchema,
  sourceSchema,
} from "../schema/primitives.js";
import { DECIMAL_INPUT_LIMITS } from "../schema/decimalInput.js";
import { parseWith, refinementIssues, safeParseWith } from "../schema/issues.js";
import { protoKeyIssues } from "../schema/protoKeys.js";
import { plainOption } from "./_internal/plainOption.js";
import { addPeriod, parseIsoDate } from "../time/dates.js";
import { compileSchedule } from "../time/discount.js";
import { decimalShape } from "../_lib/fixed.js";
import { COST_ITEM_KINDS, type CostItemKind, type LifecycleDocument, type LifecycleDocumentInput, type LifecycleOption } from "./document.js";
import { DISCOUNT_SCHEDULES, type DiscountSchedule } from "../time/schedules.js";
import type { Source } from "../reference/source.js";

/**
 * Size limits on a lifecycle document, as data. Documents beyond them are rejected with a `too_big` or
 * `limit_exceeded` issue naming the path, before any arithmetic, so one upload cannot exhaust a server.
 *
 * @example
 * ```ts
 * LIFECYCLE_LIMITS.maxItemsPerOption; //=> 1000
 * ```
 */
export const LIFECYCLE_LIMITS = Object.freeze({
  /** Longest horizon in years (the Green Book schedule is tabulated to 300+; 200 covers any asset). */
  maxHorizonYears: 200,
  /** Most options in one document (a national catalogue). */
  maxOptions: 100_000,
  /** Most cost items in one option. */
  maxItemsPerOption: 1_000,
  /** Most cost items in the whole document, summed over options. */
  maxTotalItems: 2_000_000,
  /** Most steps in an inline discount schedule. */
  maxScheduleSteps: 100,
  /** Most price years in an index series. */
  maxIndexYears: 1_000,
  /** Longest label or name. */
  maxLabelLength: 300,
  /** Most digits before the decimal point of an amount, quantity or volume (values below 10^15). */
  maxIntegerDigits: DECIMAL_INPUT_LIMITS.maxIntegerDigits,
  /** Most decimal places of an amount, quantity, volume or rate. */
  maxDecimalPlaces: DECIMAL_INPUT_LIMITS.maxDecimalPlaces,
});

/** Kinds that happen once by default (the rest recur every year). */
const ONCE_BY_DEFAULT: ReadonlySet<CostItemKind> = new Set(["acquisition", "installation", "training", "disposal", "residual-value"]);
/** Kinds that recur with each service-life cycle when they have no explicit timing. */
const CYCLE_KINDS: ReadonlySet<CostItemKind> = new Set(["acquisition", "installation", "training", "disposal"]);

/** @internal Whether an item of this kind happens once when no frequency is given. */
export function isOnceByDefault(kind: CostItemKind): boolean {
  return ONCE_BY_DEFAULT.has(kind);
}

/** @internal Whether an item of this kind repeats with each replacement cycle. */
export function isCycleKind(kind: CostItemKind): boolean {
  return CYCLE_KINDS.has(kind);
}

const yearNumber = /* @__PURE__ */ onFirstUse(() => z
  .number().check(z.int(), z.gte(1), z.lte(LIFECYCLE_LIMITS.maxHorizonYears)));

const volumeSchema = /* @__PURE__ */ onFirstUse(() => withMeta(z
  .union([nonNegativeDecimalSchema(), z.array(nonNegativeDecimalSchema()).check(z.maxLength(LIFECYCLE_LIMITS.maxHorizonYears))]), "lifecycle:volume"));

const scheduleIds = Object.keys(DISCOUNT_SCHEDULES) as [keyof typeof DISCOUNT_SCHEDULES, ...(keyof typeof DISCOUNT_SCHEDULES)[]];

const indexSeriesSchema = /* @__PURE__ */ onFirstUse(() => describedObject("lifecycle:indexSeries", {
    id: idSchema(),
    label: z.string().check(z.minLength(1), z.maxLength(LIFECYCLE_LIMITS.maxLabelLength)),
    values: z
      .record(z.string().check(z.minLength(1), z.maxLength(20)), withMeta(positiveDecimalSchema(), "lifecycle:indexSeries.values#2")),
    source: z.optional(sourceSchema()),
  }));

const itemSourceSchema = /* @__PURE__ */ onFirstUse(() => withMeta(z
  .union([z.string().check(z.minLength(1), z.maxLength(2000)), sourceSchema()]), "lifecycle:itemSource"));

const costItemSchema = /* @__PURE__ */ onFirstUse(() => describedObject("lifecycle:costItem", {
    id: idSchema(),
    kind: z.enum(COST_ITEM_KINDS),
    label: z.string().check(z.minLength(1), z.maxLength(LIFECYCLE_LIMITS.maxLabelLength)),
    unitCost: z.optional(nonNegativeDecimalSchema()),
    quantity: z._default(nonNegativeDecimalSchema(), "1"),
    quantityUnit: z._default(z
      .enum(["unit", "kWh", "hour", "minute"]), "unit"),
    basis: z._default(z
      .enum(["fixed", "per-use", "per-patient"]), "fixed"),
    frequency: z.optional(z
      .enum(["once", "yearly", "every-n-years", "monthly"])),
    everyYears: z.optional(yearNumber()),
    year: z.optional(yearNumber()),
    date: z.optional(isoDateSchema()),
    startYear: z.optional(yearNumber()),
    endYear: z.optional(yearNumber()),
    startDate: z.optional(isoDateSchema()),
    endDate: z.optional(isoDateSchema()),
    escalationRate: z._default(rateSchema(), "0"),
    priceYear: z.optional(z.string().check(z.minLength(1), z.maxLength(20))),
    source: z.optional(itemSourceSchema()),
  }, "source"));

/** @internal One option of a lifecycle document (its own fields; the cross-field rules are the document's). */
export const optionSchema = /* @__PURE__ */ onFirstUse(() => describedObject("lifecycle:option", {
    id: idSchema(),
    name: z.string().check(z.minLength(1), z.maxLength(LIFECYCLE_LIMITS.maxLabelLength)),
    supplier: z.optional(z.string().check(z.minLength(1), z.maxLength(LIFECYCLE_LIMITS.maxLabelLength))),
    serviceLifeYears: z.optional(yearNumber()),
    usesPerYear: z.optional(volumeSchema()),
    patientsPerYear: z.optional(volumeSchema()),
    items: z.array(costItemSchema()).check(z.maxLength(LIFECYCLE_LIMITS.maxItemsPerOption)),
  }));

const documentShape = /* @__PURE__ */ onFirstUse(() => z.strictObject(describedShape("lifecycle:documentShape", {
  $schema: z.optional(z.string().check(z.maxLength(2000))),
  currency: currencySchema(),
  priceBaseDate: isoDateSchema(),
  priceBaseYear: z.optional(z
    .string().check(z.minLength(1), z.maxLength(20))),
  horizonYears: z.number().check(z.int(), z.gte(1), z.lte(LIFECYCLE_LIMITS.maxHorizonYears)),
  period: z._default(z.enum(["year", "month"]), "year"),
  discounting: z
    .strictObject({
      schedule: withMeta(z
        .union([z.enum(scheduleIds), discountScheduleSchema()], {
          error: `must be a bundled schedule id (${scheduleIds.join(", ")}) or an inline schedule {id, label, steps}`,
        }), "lifecycle:documentShape.discounting.schedule"),
      timing: z._default(discountTimingSchema(), { position: "start", compounding: "annual" }),
    }),
  indexation: z.optional(indexSeriesSchema()),
  volumes: z.optional(z
    .strictObject(describedShape("lifecycle:documentShape.volumes", {
      usesPerYear: z.optional(volumeSchema()),
      patientsPerYear: z.optional(volumeSchema()),
    }))),
  comparatorId: z.optional(idSchema()),
  options: z.array(optionSchema()).check(z.minLength(1), z.maxLength(LIFECYCLE_LIMITS.maxOptions)),
}, "indexation")));

type Shape = z.output<ReturnType<typeof documentShape>>;

/** @internal A lifecycle document after its fields are parsed, before its cross-field rules. */
export type LifecycleDocumentFields = Shape;

/** @internal The schedule a document names: a bundled one by id, or its inline schedule as a DiscountSchedule. */
export function resolveSchedule(schedule: Shape["discounting"]["schedule"] | LifecycleDocument["discounting"]["schedule"]): DiscountSchedule {
  return resolveDiscountSchedule(schedule as ScheduleFields);
}

/** @internal A parsed source as a Source (optional keys dropped rather than undefined): the shared resolver. */
export function toSource(s: z.output<ReturnType<typeof sourceSchema>> | Source): Source {
  return resolveSource(s);
}
type Ctx = z.core.$RefinementCtx<Shape>;
type Path = (string | number)[];

function issue(ctx: Ctx, path: Path, message: string, vbpCode: string): void {
  // `input: undefined`: the message names the value itself (otherwise the whole document would be described).
  ctx.addIssue({ code: "custom", path, message, input: undefined, params: { vbpCode } });
}

/**
 * Bounds a decimal's size before any arithmetic (a "1e999999" price would otherwise cost memory, not money).
 * The issue's path is `path` followed by `key` when given: made only for an issue (a catalogue has millions
 * of amounts, each checked here).
 */
function checkMagnitude(ctx: Ctx, v: string | undefined, at: Path, key?: string | number): void {
  if (v === undefined || plainAmount(v)) return;
  const path = (): Path => (key === undefined ? at : [...at, key]);
  const shape = decimalShape(v);
  if (shape === undefined) return;
  if (shape.integerDigits > LIFECYCLE_LIMITS.maxIntegerDigits) {
    issue(ctx, path(), `must be less than 10^${LIFECYCLE_LIMITS.maxIntegerDigits}, got ${v}`, "too_big");
  } else if (shape.places > LIFECYCLE_LIMITS.maxDecimalPlaces) {
    issue(ctx, path(), `must have at most ${LIFECYCLE_LIMITS.maxDecimalPlaces} decimal places, got ${v.length > 40 ? `${v.slice(0, 40)}…` : v}`, "too_big");
  }
}

/**
 * Digits and a point alone, no longer than the integer-digit limit, are within both limits (the place limit
 * is the larger): nearly every amount of a catalogue is read no further.
 */
function plainAmount(v: string | undefined): boolean {
  return v === undefined || (v.length <= LIFECYCLE_LIMITS.maxIntegerDigits && PLAIN.test(v));
}
const PLAIN = /^-?[\d.]*$/;

/** The path of an option's cost item's key. */
function itemPath(i: number, j: number, key: string): Path {
  return ["options", i, "items", j, key];
}

const AMOUNT_KEYS = ["unitCost", "quantity", "escalationRate"] as const;
const ONCE_KEYS = ["frequency", "year", "date", "startYear", "endYear", "startDate", "endDate", "everyYears"] as const;
const YEAR_KEYS = ["year", "startYear", "endYear"] as const;
const DATE_KEYS = ["date", "startDate", "endDate"] as const;

function checkVolume(ctx: Ctx, v: string | readonly string[] | undefined, horizon: number, path: Path): void {
  if (Array.isArray(v) && v.length !== horizon) {
    issue(ctx, path, `must have exactly ${horizon} values (one per year of the horizon), got ${v.length}`, "invalid_value");
  }
  if (typeof v === "string") checkMagnitude(ctx, v, path);
  else if (v !== undefined) v.forEach((x, i) => checkMagnitude(ctx, x, path, i));
}

/** @internal The lifecycle document's cross-field rules, on parsed values (the whole-job validation runs them too). */
export function checkLifecycleDocument(doc: Shape, ctx: z.core.$RefinementCtx): void {
  crossChecks(doc, ctx as Ctx);
}

function crossChecks(doc: Shape, ctx: Ctx): void {
  const H = doc.horizonYears;
  const parsedBase = parseIsoDate(doc.priceBaseDate);
  // zod runs refinements after constraint failures: the horizon and base date must be sound to go on
  // (their own issues are already reported).
  if (!Number.isInteger(H) || H < 1 || H > LIFECYCLE_LIMITS.maxHorizonYears || parsedBase === undefined) return;
  const base = parsedBase;
  const endExclusive = addPeriod(doc.priceBaseDate, { years: H });
  const lastDay = addPeriod(endExclusive, { days: -1 });
  const months = (iso: string): number => differenceInMonths(parseIsoDate(iso)!, base);
  // Period-independent position of a date: whole months from the price base.
  const dateInHorizon = (iso: string, path: Path): boolean => {
    if (iso < doc.priceBaseDate || iso >= endExclusive) {
      issue(ctx, path, `must be within the horizon (${doc.priceBaseDate} to ${lastDay}), got ${iso}`, "invalid_value");
      return false;
    }
    return true;
  };

  const schedule = doc.discounting.schedule;
  if (typeof schedule !== "string") {
    try {
      compileSchedule(resolveSchedule(schedule), doc.discounting.timing.compounding);
    } catch (e) {
      if (!(e instanceof VbpInputError)) throw e;
      // The schema has already checked each step's rate and that there is a step; only the order of the steps
      // (first at year 0, then increasing) is the schedule's own, so only those are added: each problem once.
      for (const i of e.issues) {
        if (i.path[i.path.length - 1] === "fromYear" && i.code !== "invalid_value") issue(ctx, ["discounting", "schedule", ...i.path], i.message, i.code);
        else if (i.path[i.path.length - 1] === "fromYear" && i.path[1] === 0 && i.message.startsWith("the first step")) issue(ctx, ["discounting", "schedule", ...i.path], i.message, i.code);
      }
    }
  }

  const baseYear = doc.priceBaseYear ?? doc.priceBaseDate.slice(0, 4);
  const series = doc.indexation;
  if (series !== undefined) for (const [year, value] of Object.entries(series.values)) checkMagnitude(ctx, value, ["indexation", "values", year]);
  if (series !== undefined && Object.keys(series.values).length > LIFECYCLE_LIMITS.maxIndexYears) {
    issue(ctx, ["indexation", "values"], `must have at most ${LIFECYCLE_LIMITS.maxIndexYears} price years, got ${Object.keys(series.values).length}`, "limit_exceeded");
  }
  let baseYearChecked = false;

  checkVolume(ctx, doc.volumes?.usesPerYear, H, ["volumes", "usesPerYear"]);
  checkVolume(ctx, doc.volumes?.patientsPerYear, H, ["volumes", "patientsPerYear"]);

  const optionIds = new Map<string, number>();
  // An option's first item of each id (one map, emptied for each option).
  const itemIds = new Map<string, number>();
  let totalItems = 0;
  // Plain loops, and paths made only for an issue: a catalogue runs this for every option and item.
  for (let i = 0; i < doc.options.length; i++) {
    const option = doc.options[i]!;
    const prior = optionIds.get(option.id);
    if (prior !== undefined) issue(ctx, ["options", i, "id"], `duplicate option id "${option.id}" (also options[${prior}].id)`, "duplicate_id");
    else optionIds.set(option.id, i);
    checkVolume(ctx, option.usesPerYear, H, ["options", i, "usesPerYear"]);
    checkVolume(ctx, option.patientsPerYear, H, ["options", i, "patientsPerYear"]);
    const hasUses = option.usesPerYear !== undefined || doc.volumes?.usesPerYear !== undefined;
    const hasPatients = option.patientsPerYear !== undefined || doc.volumes?.patientsPerYear !== undefined;
    totalItems += option.items.length;

    const items = option.items;
    itemIds.clear();
    for (let j = 0; j < items.length; j++) {
      const item = items[j]!;
      const seen = itemIds.get(item.id);
      if (seen !== undefined) issue(ctx, itemPath(i, j, "id"), `duplicate item id "${item.id}" in option "${option.id}" (also items[${seen}].id)`, "duplicate_id");
      else itemIds.set(item.id, j);

      // Indexed loops over the keys: no iterator per item.
      for (let k = 0; k < AMOUNT_KEYS.length; k++) {
        const key = AMOUNT_KEYS[k]!;
        if (!plainAmount(item[key])) checkMagnitude(ctx, item[key], ["options", i, "items", j], key);
      }
      const residual = item.kind === "residual-value";
      if (item.unitCost === undefined) {
        if (!residual) issue(ctx, itemPath(i, j, "unitCost"), "is required (a decimal number)", "invalid_type");
        else if (option.serviceLifeYears === undefined) {
          issue(ctx, itemPath(i, j, "unitCost"), "a residual value needs a stated unitCost, or the option's serviceLifeYears for straight-line depreciation", "invalid_type");
        }
      }
      if (residual) {
        for (const key of ONCE_KEYS) {
          if (item[key] !== undefined) issue(ctx, itemPath(i, j, key), "is not allowed on a residual-value item (it is always booked at the end of the horizon)", "invalid_value");
        }
        if (item.basis !== "fixed") issue(ctx, itemPath(i, j, "basis"), `must be "fixed" for a residual-value item, got "${item.basis}"`, "invalid_value");
      }
      if (item.basis === "per-use" && !hasUses) issue(ctx, itemPath(i, j, "basis"), "a per-use item needs usesPerYear on its option or in volumes", "unknown_reference");
      if (item.basis === "per-patient" && !hasPatients) issue(ctx, itemPath(i, j, "basis"), "a per-patient item needs patientsPerYear on its option or in volumes", "unknown_reference");
      if (item.basis !== "fixed" && item.frequency !== undefined) {
        issue(ctx, itemPath(i, j, "frequency"), `must be omitted for a ${item.basis} item (it accrues with volume in every period), got "${item.frequency}"`, "invalid_value");
      }
      const frequency = item.frequency ?? (item.basis === "fixed" && isOnceByDefault(item.kind) ? "once" : "yearly");
      if (frequency === "every-n-years" && item.everyYears === undefined) issue(ctx, itemPath(i, j, "everyYears"), "is required when frequency is every-n-years", "invalid_type");
      if (frequency !== "every-n-years" && item.everyYears !== undefined) issue(ctx, itemPath(i, j, "everyYears"), `is only allowed with frequency every-n-years, got frequency "${frequency}"`, "invalid_value");
      if (frequency !== "once") {
        if (item.year !== undefined) issue(ctx, itemPath(i, j, "year"), `is only allowed for a once item, got frequency "${frequency}"`, "invalid_value");
        if (item.date !== undefined) issue(ctx, itemPath(i, j, "date"), `is only allowed for a once item, got frequency "${frequency}"`, "invalid_value");
      }
      if (item.year !== undefined && item.date !== undefined) issue(ctx, itemPath(i, j, "date"), "give year or date, not both", "invalid_value");
      if (item.startYear !== undefined && item.startDate !== undefined) issue(ctx, itemPath(i, j, "startDate"), "give startYear or startDate, not both", "invalid_value");
      if (item.endYear !== undefined && item.endDate !== undefined) issue(ctx, itemPath(i, j, "endDate"), "give endYear or endDate, not both", "invalid_value");

      // Everything in whole months from the price base, so years and dates compare on one scale.
      let startM = 0;
      let endM = H * 12 - 1;
      let ok = true;
      for (let k = 0; k < YEAR_KEYS.length; k++) {
        const key = YEAR_KEYS[k]!;
        const y = item[key];
        if (y !== undefined && y > H) {
          issue(ctx, itemPath(i, j, key), `must be ≤ horizonYears (${H}), got ${y}`, "too_big");
          ok = false;
        }
      }
      for (let k = 0; k < DATE_KEYS.length; k++) {
        const key = DATE_KEYS[k]!;
        const d = item[key];
        if (d !== undefined && (parseIsoDate(d) === undefined || !dateInHorizon(d, itemPath(i, j, key)))) ok = false;
      }
      if (!ok) continue;
      if (item.startYear !== undefined) startM = (item.startYear - 1) * 12;
      if (item.startDate !== undefined) startM = months(item.startDate);
      if (item.endYear !== undefined) endM = item.endYear * 12 - 1;
      if (item.endDate !== undefined) endM = months(item.endDate);
      if (item.endYear !== undefined || item.endDate !== undefined) {
        const key = item.endYear !== undefined ? "endYear" : "endDate";
        const startText = item.startYear !== undefined ? `startYear ${item.startYear}` : item.startDate !== undefined ? `startDate ${item.startDate}` : "the start of the horizon";
        const outOfOrder = item.startDate !== undefined && item.endDate !== undefined ? item.endDate < item.startDate : endM < startM;
        if (outOfOrder) issue(ctx, itemPath(i, j, key), `must not be before ${startText}, got ${String(item[key])}`, "out_of_order");
      }
      const atM = item.year !== undefined ? (item.year - 1) * 12 : item.date !== undefined ? months(item.date) : undefined;
      if (atM !== undefined) {
        const key = item.year !== undefined ? "year" : "date";
        const toP = (m: number): number => (doc.period === "year" ? Math.floor(m / 12) : m);
        if (toP(atM) < toP(startM) || toP(atM) > toP(endM)) {
          issue(ctx, itemPath(i, j, key), `must fall within the item's startYear/startDate to endYear/endDate window, got ${String(item[key])}`, "out_of_order");
        }
      }

      if (item.priceYear !== undefined && item.priceYear !== baseYear) {
        if (series === undefined) {
          issue(ctx, itemPath(i, j, "priceYear"), `needs an indexation series to restate prices from "${item.priceYear}" to the price base year "${baseYear}"`, "unknown_reference");
        } else {
          if (!Object.prototype.hasOwnProperty.call(series.values, item.priceYear)) {
            issue(ctx, itemPath(i, j, "priceYear"), `price year "${item.priceYear}" is not in index "${series.id}" (it has ${Object.keys(series.values).join(", ") || "no years"})`, "unknown_reference");
          }
          if (!baseYearChecked) {
            baseYearChecked = true;
            if (!Object.prototype.hasOwnProperty.call(series.values, baseYear)) {
              issue(ctx, [doc.priceBaseYear !== undefined ? "priceBaseYear" : "priceBaseDate"], `price base year "${baseYear}" is not in index "${series.id}"`, "unknown_reference");
            }
          }
        }
      }
    }
  }
  if (totalItems > LIFECYCLE_LIMITS.maxTotalItems) {
    issue(ctx, ["options"], `must have at most ${LIFECYCLE_LIMITS.maxTotalItems} cost items in all, got ${totalItems}`, "limit_exceeded");
  }
  if (doc.comparatorId !== undefined && !optionIds.has(doc.comparatorId)) {
    issue(ctx, ["comparatorId"], `must be the id of one of the options, got "${doc.comparatorId}"`, "unknown_reference");
  }
}

const documentSchema = /* @__PURE__ */ onFirstUse(() => withMeta(documentShape().check(z.superRefine(crossChecks)), "lifecycle:document"));

/** The document's own fields (all but the options), with the same rules. */
const documentHeadSchema = /* @__PURE__ */ onFirstUse(() => z.omit(documentShape(), { options: true }));

/**
 * A valid document parsed option by option, without a second full pass of the schema over the options: the
 * head (everything but the options) through its schema, each option through {@link plainOption} (or the
 * option schema when it is not plainly valid), then the cross-field rules on the result. The value is the
 * one the document schema returns. Undefined whenever anything is amiss (then the document schema parses
 * the whole document, so every problem is reported exactly as it always was, all at once).
 */
function parsePlainDocument(input: unknown): LifecycleDocument | undefined {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return undefined;
  const record = input as Record<string, unknown>;
  const options = record.options;
  if (!Array.isArray(options) || options.length < 1 || options.length > LIFECYCLE_LIMITS.maxOptions) return undefined;
  if (protoKeyIssues(input).length > 0) return undefined;
  const headInput: Record<string, unknown> = {};
  for (const key in record) if (key !== "options") headInput[key] = record[key];
  const head = documentHeadSchema().safeParse(headInput);
  if (!head.success) return undefined;
  const parsed: LifecycleOption[] = new Array<LifecycleOption>(options.length);
  for (let i = 0; i < options.length; i++) {
    const option = plainOption(options[i], LIFECYCLE_LIMITS) ?? optionSchema().safeParse(options[i]).data;
    if (option === undefined) return undefined;
    parsed[i] = option as LifecycleOption;
  }
  const doc = { ...head.data, options: parsed } as Shape;
  if (refinementIssues(crossChecks as (doc: Shape, ctx: z.core.$RefinementCtx) => void, doc).length > 0) return undefined;
  return doc as unknown as LifecycleDocument;
}

// The hand-written document types (document.ts) must stay in step with the schema: checked at compile time
// that both name the same keys, for the document and for a cost item.
type Parsed = z.output<ReturnType<typeof documentSchema>>;
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
const _inStep: SameKeys<Parsed, LifecycleDocument> & SameKeys<Parsed["options"][number]["items"][number], LifecycleDocument["options"][number]["items"][number]> & SameKeys<Parsed["options"][number], LifecycleDocument["options"][number]> = true;
void _inStep;

/**
 * The zod schema of a lifecycle cost document: currency, price base, horizon, discounting, optional
 * indexation and volumes, and the options with their cost items. Strict (unknown keys are errors), with
 * size limits from {@link LIFECYCLE_LIMITS} and cross-field rules (unique ids, known comparator, dates in
 * order and within the horizon, volumes present for per-use items) reported at their exact paths.
 *
 * @example
 * ```ts
 * const r = lifecycleDocumentSchema.safeParse(json);
 * ```
 */
export const lifecycleDocumentSchema: zc.ZodType<LifecycleDocument, LifecycleDocumentInput> = /* @__PURE__ */ publicSchema<LifecycleDocument, LifecycleDocumentInput>(() => getLifecycleDocumentSchema(), LIFECYCLE_DESCRIPTION_TABLES);

/** @internal The library's own schema behind `lifecycleDocumentSchema`, built on first use. */
export const getLifecycleDocumentSchema = /* @__PURE__ */ onFirstUse((): z.ZodMiniType<LifecycleDocument, LifecycleDocumentInput> => documentSchema() as unknown as z.ZodMiniType<LifecycleDocument, LifecycleDocumentInput>);

/**
 * Validates a lifecycle document and fills in defaults.
 *
 * @param input - the document, e.g. from `JSON.parse`
 * @returns the validated document (a new object; the input is not changed)
 * @throws VbpInputError listing every problem, each with its path, e.g.
 *   `options[2].items[0].unitCost: must be ≥ 0, got -12.5`
 * @example
 * ```ts
 * const doc = parseLifecycleDocument({
 *   currency: "GBP", priceBaseDate: "2026-04-01", horizonYears: 5, discounting: { schedule: "nice-3.5" },
 *   options: [{ id: "a", name: "Scanner A", items: [{ id: "buy", kind: "acquisition", label: "Purchase", unitCost: "250000" }] }],
 * });
 * doc.discounting.timing; //=> { position: "start", compounding: "annual" }
 * ```
 */
export function parseLifecycleDocument(input: unknown): LifecycleDocument {
  const plain = parsePlainDocument(input);
  return plain ?? (parseWith(documentSchema(), input) as LifecycleDocument);
}

/**
 * Like {@link parseLifecycleDocument}, but returns the issues instead of throwing.
 *
 * @example
 * ```ts
 * const r = safeParseLifecycleDocument({ horizonYears: 0 });
 * if (!r.success) r.error.issues.map(formatIssue); // [..., "horizonYears: must be ≥ 1, got 0", ...]
 * ```
 */
export function safeParseLifecycleDocument(input: unknown): SafeResult<LifecycleDocument> {
  const plain = parsePlainDocument(input);
  return plain !== undefined ? { success: true, data: plain } : (safeParseWith(documentSchema(), input) as SafeResult<LifecycleDocument>);
}

/**
 * The JSON Schema (draft 2020-12) of a lifecycle document as a caller writes it, so other systems (upload
 * forms, editors, e-tendering portals) can validate documents before sending them. Every key carries its
 * description. Cross-field rules (unique ids, dates within the horizon) are checked only by
 * {@link parseLifecycleDocument}.
 *
 * @example
 * ```ts
 * const schema = lifecycleDocumentJsonSchema();
 * schema.properties.horizonYears.maximum; //=> 200
 * ```
 */
export function lifecycleDocumentJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(described(documentSchema(), LIFECYCLE_DESCRIPTION_TABLES), { io: "input" }) as Record<string, unknown>;
}
