import { checkDecimalInput } from "../../schema/decimalInput.js";
import { ID_PATTERN } from "../../schema/primitives.js";
import { isIsoDate } from "../../time/dates.js";
import { COST_ITEM_KINDS, type LifecycleCostItem, type LifecycleOption } from "../document.js";

/**
 * @internal The plain options of a lifecycle document, read without zod.
 *
 * Nearly every option of a catalogue is plain: strings and small integers that plainly meet every rule of the
 * option schema. Parsing them through the schema costs about 8 KB of short-lived objects per cost item, which
 * at 50,000 options × 20 items fills the old generation with about 400 MB of garbage before the collector
 * looks at it (the peak memory of the whole run). Here such an option is read in one pass and copied into
 * exactly the value the schema would have produced (same keys, same order, same defaults); anything this
 * reader is not certain of (a number it would have to convert, an object source, a value out of range, an
 * unknown or undefined key) returns `undefined` and the caller parses that option with the schema itself.
 *
 * It never accepts a value the schema refuses: each rule below is the schema's rule or a narrower one.
 */

const KINDS: ReadonlySet<string> = new Set(COST_ITEM_KINDS);
const UNITS: ReadonlySet<string> = new Set(["unit", "kWh", "hour", "minute"]);
const BASES: ReadonlySet<string> = new Set(["fixed", "per-use", "per-patient"]);
const FREQUENCIES: ReadonlySet<string> = new Set(["once", "yearly", "every-n-years", "monthly"]);
const OPTION_KEYS: ReadonlySet<string> = new Set(["id", "name", "supplier", "serviceLifeYears", "usesPerYear", "patientsPerYear", "items"]);
const ITEM_KEYS: ReadonlySet<string> = new Set([
  "id",
  "kind",
  "label",
  "unitCost",
  "quantity",
  "quantityUnit",
  "basis",
  "frequency",
  "everyYears",
  "year",
  "date",
  "startYear",
  "endYear",
  "startDate",
  "endDate",
  "escalationRate",
  "priceYear",
  "source",
]);
/** A rate in [0, 1] written plainly ("0", "0.025", "1"): inside the rate rule (> −1 and ≤ 1). */
const PLAIN_RATE = /^(?:0(?:\.\d+)?|1)$/;

/** The limits the option schema applies (passed in, so they are read from one place). */
export interface PlainOptionLimits {
  readonly maxLabelLength: number;
  readonly maxHorizonYears: number;
  readonly maxItemsPerOption: number;
}

type Record_ = Record<string, unknown>;

function isObject(v: unknown): v is Record_ {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Whether every enumerable key of `o` (own or inherited, as the schema reads them) is known and defined. */
function knownKeys(o: Record_, keys: ReadonlySet<string>): boolean {
  for (const k in o) if (!keys.has(k) || o[k] === undefined) return false;
  return true;
}

function text(v: unknown, max: number): v is string {
  return typeof v === "string" && v.length >= 1 && v.length <= max;
}

/** A decimal ≥ 0 under the decimal rule, as the schema keeps it; undefined when not plainly one. */
function nonNegative(v: unknown): string | undefined {
  if (typeof v !== "string" && typeof v !== "number") return undefined;
  const r = checkDecimalInput(v);
  return r.ok && r.text.charCodeAt(0) !== 45 /* - */ ? r.text : undefined;
}

function year(v: unknown, limits: PlainOptionLimits): boolean {
  return typeof v === "number" && Number.isSafeInteger(v) && v >= 1 && v <= limits.maxHorizonYears;
}

function volume(v: unknown, limits: PlainOptionLimits): string | string[] | undefined {
  if (!Array.isArray(v)) return nonNegative(v);
  if (v.length > limits.maxHorizonYears) return undefined;
  const out: string[] = [];
  for (const x of v as unknown[]) {
    const t = nonNegative(x);
    if (t === undefined) return undefined;
    out.push(t);
  }
  return out;
}

function plainItem(o: unknown, limits: PlainOptionLimits): LifecycleCostItem | undefined {
  if (!isObject(o) || !knownKeys(o, ITEM_KEYS)) return undefined;
  if (typeof o.id !== "string" || !ID_PATTERN.test(o.id) || typeof o.kind !== "string" || !KINDS.has(o.kind) || !text(o.label, limits.maxLabelLength)) return undefined;
  const item: Record_ = { id: o.id, kind: o.kind, label: o.label };
  if (o.unitCost !== undefined) {
    const c = nonNegative(o.unitCost);
    if (c === undefined) return undefined;
    item.unitCost = c;
  }
  const q = o.quantity === undefined ? "1" : nonNegative(o.quantity);
  if (q === undefined) return undefined;
  item.quantity = q;
  const unit = o.quantityUnit ?? "unit";
  if (typeof unit !== "string" || !UNITS.has(unit)) return undefined;
  item.quantityUnit = unit;
  const basis = o.basis ?? "fixed";
  if (typeof basis !== "string" || !BASES.has(basis)) return undefined;
  item.basis = basis;
  if (o.frequency !== undefined) {
    if (typeof o.frequency !== "string" || !FREQUENCIES.has(o.frequency)) return undefined;
    item.frequency = o.frequency;
  }
  for (const key of ["everyYears", "year"] as const) {
    if (o[key] === undefined) continue;
    if (!year(o[key], limits)) return undefined;
    item[key] = o[key];
  }
  if (o.date !== undefined) {
    if (typeof o.date !== "string" || !isIsoDate(o.date)) return undefined;
    item.date = o.date;
  }
  for (const key of ["startYear", "endYear"] as const) {
    if (o[key] === undefined) continue;
    if (!year(o[key], limits)) return undefined;
    item[key] = o[key];
  }
  for (const key of ["startDate", "endDate"] as const) {
    if (o[key] === undefined) continue;
    if (typeof o[key] !== "string" || !isIsoDate(o[key])) return undefined;
    item[key] = o[key];
  }
  if (o.escalationRate === undefined) item.escalationRate = "0";
  else {
    const r = nonNegative(o.escalationRate);
    if (r === undefined || !PLAIN_RATE.test(r)) return undefined;
    item.escalationRate = r;
  }
  if (o.priceYear !== undefined) {
    if (!text(o.priceYear, 20)) return undefined;
    item.priceYear = o.priceYear;
  }
  if (o.source !== undefined) {
    if (!text(o.source, 2000)) return undefined;
    item.source = o.source;
  }
  return item as unknown as LifecycleCostItem;
}

/**
 * @internal The option exactly as the option schema would return it, or undefined when it is not plainly
 * valid (then the schema must read it: it may still be valid, or it has issues to report).
 */
export function plainOption(o: unknown, limits: PlainOptionLimits): LifecycleOption | undefined {
  if (!isObject(o) || !knownKeys(o, OPTION_KEYS)) return undefined;
  if (typeof o.id !== "string" || !ID_PATTERN.test(o.id) || !text(o.name, limits.maxLabelLength)) return undefined;
  const option: Record_ = { id: o.id, name: o.name };
  if (o.supplier !== undefined) {
    if (!text(o.supplier, limits.maxLabelLength)) return undefined;
    option.supplier = o.supplier;
  }
  if (o.serviceLifeYears !== undefined) {
    if (!year(o.serviceLifeYears, limits)) return undefined;
    option.serviceLifeYears = o.serviceLifeYears;
  }
  for (const key of ["usesPerYear", "patientsPerYear"] as const) {
    if (o[key] === undefined) continue;
    const v = volume(o[key], limits);
    if (v === undefined) return undefined;
    option[key] = v;
  }
  const items = o.items;
  if (!Array.isArray(items) || items.length > limits.maxItemsPerOption) return undefined;
  const out: LifecycleCostItem[] = new Array<LifecycleCostItem>(items.length);
  for (let j = 0; j < items.length; j++) {
    const item = plainItem(items[j], limits);
    if (item === undefined) return undefined;
    out[j] = item;
  }
  option.items = out;
  return option as unknown as LifecycleOption;
}
