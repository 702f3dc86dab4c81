import * as z from "zod";
import { CURRENCY_CODES } from "../money/currencies.js";
import { isIsoDate } from "../time/dates.js";

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function describeValue(v: unknown): string {
  if (typeof v === "number") return String(v);
  if (v === undefined) return "nothing";
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  return typeof v === "object" ? "an object" : String(v);
}

/**
 * A decimal value: a decimal string (`"12.50"`, `"1e3"`) or a finite JSON number, normalised to a string so
 * money never passes through a binary float twice. NaN, Infinity and other strings are rejected.
 */
export const decimalSchema = z
  .any()
  .transform((v: unknown, ctx): string => {
    if (typeof v === "number" && Number.isFinite(v)) return String(v);
    if (typeof v === "string" && DECIMAL.test(v.trim())) return v.trim();
    ctx.addIssue({
      code: "custom",
      message: v === undefined ? "is required (a decimal number)" : `must be a finite decimal number, got ${describeValue(v)}`,
      params: { vbpCode: "invalid_type" },
    });
    return z.NEVER;
  })
  .meta({
    description: "A decimal number, as a JSON number or a decimal string such as \"1249.99\" (strings keep every digit).",
    anyOf: [{ type: "number" }, { type: "string", pattern: DECIMAL.source }],
  });

function boundedDecimal(min: number | undefined, minInclusive: boolean, max?: number, maxInclusive = true, description?: string) {
  return decimalSchema
    .superRefine((v, ctx) => {
      if (!DECIMAL.test(v)) return;
      const n = Number(v);
      if (min !== undefined && (minInclusive ? n < min : n <= min)) {
        ctx.addIssue({ code: "custom", message: `must be ${minInclusive ? "≥" : ">"} ${min}, got ${v}`, params: { vbpCode: "too_small" } });
      }
      if (max !== undefined && (maxInclusive ? n > max : n >= max)) {
        ctx.addIssue({ code: "custom", message: `must be ${maxInclusive ? "≤" : "<"} ${max}, got ${v}`, params: { vbpCode: "too_big" } });
      }
    })
    .meta({ description: description ?? "A decimal number." });
}

/** A decimal ≥ 0 (prices, quantities). */
export const nonNegativeDecimalSchema = boundedDecimal(0, true, undefined, true, "A decimal number ≥ 0, as a JSON number or a decimal string.");
/** A decimal > 0. */
export const positiveDecimalSchema = boundedDecimal(0, false, undefined, true, "A decimal number > 0, as a JSON number or a decimal string.");
/** A probability in [0, 1]. */
export const probabilitySchema = boundedDecimal(0, true, 1, true, "A probability between 0 and 1 inclusive.");
/** An annual rate (discount, escalation) as a fraction: 0.035 is 3.5%; > −1 and ≤ 1. */
export const rateSchema = boundedDecimal(-1, false, 1, true, "An annual rate as a fraction (0.035 is 3.5%), greater than −1 and at most 1.");

/** A calendar date `YYYY-MM-DD`. */
export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { message: "must be a calendar date in YYYY-MM-DD form", params: { vbpCode: "invalid_format" } })
  .meta({ description: "A calendar date in ISO form YYYY-MM-DD." });

/** An ISO 4217 currency code the library knows. */
export const currencySchema = z.enum(CURRENCY_CODES as [string, ...string[]]).meta({ description: "ISO 4217 currency code, e.g. GBP." });

/** An identifier: letters, digits and `._:-`, 1–128 characters, starting with a letter or digit. */
export const idSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, { message: "must be 1–128 letters, digits or . _ : - and start with a letter or digit" })
  .meta({ description: "An identifier: 1–128 letters, digits or . _ : -, starting with a letter or digit." });

/** Free text with a sane length limit. */
export const textSchema = (max = 2000) => z.string().max(max);

/** Where a figure comes from. */
export const sourceSchema = z
  .strictObject({
    publisher: z.string().min(1).max(300).meta({ description: "Organisation that published the figure." }),
    title: z.string().min(1).max(500).meta({ description: "Title of the document, with section or table." }),
    publishedOn: isoDateSchema.meta({ description: "Date the document was published (YYYY-MM-DD)." }),
    validFrom: isoDateSchema.optional().meta({ description: "Date from which the figure applies (YYYY-MM-DD)." }),
    url: z.string().max(2000).optional().meta({ description: "Public address of the document." }),
    note: z.string().max(2000).optional().meta({ description: "Anything needed to apply the figure correctly." }),
  })
  .meta({ description: "Where a figure comes from: publisher, title and dates." });
