import { withMeta, describedObject } from "./withMeta.js";
import { onFirstUse } from "./onFirstUse.js";
import * as z from "zod/mini";
import { Dec } from "../_lib/decimal.js";
import { CURRENCY_CODES } from "../money/currencies.js";
import { isIsoDate } from "../time/dates.js";
import { checkDecimalInput, DECIMAL_PATTERN } from "./decimalInput.js";

/**
 * A decimal value: a decimal string (`"12.50"`, `"1e3"`) or a finite JSON number, normalised to a string so
 * money never passes through a binary float twice. Follows the one decimal rule ({@link DECIMAL_INPUT_LIMITS}):
 * no hex/octal/binary, no surrounding spaces, no empty string, below 10^15, at most 100 decimal places.
 */
export const decimalSchema = /* @__PURE__ */ onFirstUse(() => withMeta(z.pipe(z
  .any(), z.transform((v: unknown, ctx): string => {
    const r = checkDecimalInput(v);
    if (r.ok) return r.text;
    ctx.issues.push({ code: "custom", message: r.message, input: v, path: [], params: { vbpCode: r.code } });
    return z.NEVER;
  })), "schema/primitives:decimal"));

/** Whether a decimal string that passed the decimal rule is certainly ≥ 0 (`> 0` when `strict`), read from its text alone. */
function surelyNotNegative(v: string, strict: boolean): boolean {
  if (v.charCodeAt(0) === 45 /* - */) return false;
  if (!strict) return true;
  // Non-zero: a digit 1–9 in the mantissa (before any exponent).
  const e = v.search(/[eE]/);
  return /[1-9]/.test(e < 0 ? v : v.slice(0, e));
}

function boundedDecimal(min: number | undefined, minInclusive: boolean, max: number | undefined, maxInclusive: boolean, key: string) {
  // A lower limit of 0 with no upper limit (prices, quantities) is read from the sign and digits alone.
  const signOnly = min === 0 && max === undefined;
  const minDec = min === undefined ? undefined : new Dec(min);
  const maxDec = max === undefined ? undefined : new Dec(max);
  return withMeta(decimalSchema().check(z.superRefine((v, ctx) => {
      if (signOnly && typeof v === "string" && surelyNotNegative(v, !minInclusive)) return;
      if (!DECIMAL_PATTERN.test(v)) return;
      // Compared exactly: 1.000…001 (30 places) is above 1, though as a binary float it equals 1.
      const n = new Dec(v);
      if (minDec !== undefined && (minInclusive ? n.lt(minDec) : n.lte(minDec))) {
        ctx.addIssue({ code: "custom", message: `must be ${minInclusive ? "≥" : ">"} ${min}, got ${v}`, params: { vbpCode: "too_small" } });
      }
      if (maxDec !== undefined && (maxInclusive ? n.gt(maxDec) : n.gte(maxDec))) {
        ctx.addIssue({ code: "custom", message: `must be ${maxInclusive ? "≤" : "<"} ${max}, got ${v}`, params: { vbpCode: "too_big" } });
      }
    })), key);
}

/** A decimal ≥ 0 (prices, quantities). */
export const nonNegativeDecimalSchema = /* @__PURE__ */ onFirstUse(() => boundedDecimal(0, true, undefined, true, "schema/primitives:nonNegativeDecimal"));
/** A decimal > 0. */
export const positiveDecimalSchema = /* @__PURE__ */ onFirstUse(() => boundedDecimal(0, false, undefined, true, "schema/primitives:positiveDecimal"));
/** A probability in [0, 1]. */
export const probabilitySchema = /* @__PURE__ */ onFirstUse(() => boundedDecimal(0, true, 1, true, "schema/primitives:probability"));
/** An annual rate (discount, escalation) as a fraction: 0.035 is 3.5%; > −1 and ≤ 1. */
export const rateSchema = /* @__PURE__ */ onFirstUse(() => boundedDecimal(-1, false, 1, true, "schema/primitives:rate"));

/** A calendar date `YYYY-MM-DD`. */
export const isoDateSchema = /* @__PURE__ */ onFirstUse(() => withMeta(z
  .string().check(z.refine(isIsoDate, { message: "must be a calendar date in YYYY-MM-DD form", params: { vbpCode: "invalid_format" } })), "schema/primitives:isoDate"));

/** An ISO 4217 currency code the library knows. */
export const currencySchema = /* @__PURE__ */ onFirstUse(() => withMeta(z.enum(CURRENCY_CODES as [string, ...string[]]), "schema/primitives:currency"));

/** @internal The identifier rule: letters, digits and `._:-`, 1–128 characters, starting with a letter or digit. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** An identifier: letters, digits and `._:-`, 1–128 characters, starting with a letter or digit. */
export const idSchema = /* @__PURE__ */ onFirstUse(() => withMeta(z
  .string().check(z.regex(ID_PATTERN, { message: "must be 1–128 letters, digits or . _ : - and start with a letter or digit" })), "schema/primitives:id"));

/** Free text with a sane length limit. */
export const textSchema = (max = 2000) => z.string().check(z.maxLength(max));

/** Where a figure comes from. */
export const sourceSchema = /* @__PURE__ */ onFirstUse(() => describedObject("schema/primitives:source", {
    publisher: z.string().check(z.minLength(1), z.maxLength(300)),
    title: z.string().check(z.minLength(1), z.maxLength(500)),
    publishedOn: isoDateSchema(),
    validFrom: z.optional(isoDateSchema()),
    url: z.optional(z.string().check(z.maxLength(2000))),
    note: z.optional(z.string().check(z.maxLength(2000))),
  }));
