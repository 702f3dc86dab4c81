import type { VbpIssueCode } from "../errors/issue.js";

/**
 * The one rule for decimal input, used by every part of the library that reads a decimal (money, prices,
 * lifecycle amounts and rates, pathway parameters, tender values, thresholds):
 *
 * - a finite JSON number, or a plain decimal string: optional sign, digits with an optional point, optional
 *   exponent (`"1249.99"`, `"-0.5"`, `".5"`, `"1.2e3"`);
 * - no hexadecimal, octal or binary (`"0x1F"`, `"0o17"`, `"0b101"`), no leading zeros before other digits
 *   (`"017"` could be meant as octal), no surrounding or inner spaces, no empty string, no `NaN`/`Infinity`;
 * - at most `maxLength` characters;
 * - a value below 10^`maxIntegerDigits` in size (at most 15 digits before the point, whatever the exponent:
 *   `"1e15"` and `"1e9999"` are refused everywhere alike);
 * - at most `maxDecimalPlaces` decimal places once the exponent is applied (`"1e-101"` is refused; a value the library computed to 50 significant digits always fits).
 *
 * @example
 * ```ts
 * DECIMAL_INPUT_LIMITS.maxIntegerDigits; //=> 15
 * DECIMAL_INPUT_LIMITS.maxDecimalPlaces; //=> 100
 * ```
 * @category Validation
 */
export const DECIMAL_INPUT_LIMITS = Object.freeze({
  /** Most digits before the decimal point: every value is below 10^15 in size. */
  maxIntegerDigits: 15,
  /** Most decimal places, once any exponent is applied. */
  maxDecimalPlaces: 100,
  /** Longest decimal string, in characters. */
  maxLength: 200,
});

/** The grammar of a decimal string (before the size limits). */
export const DECIMAL_PATTERN = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A plain decimal string that meets every rule: no exponent, at most 15 digits before the point (no leading zero), at most 100 after. */
const PLAIN = /^-?(?:0|[1-9]\d{0,14})(?:\.\d{1,100})?$/;
/** Integers below this size meet every rule (and print without an exponent). */
const PLAIN_INTEGER_LIMIT = 1e15;

const PARTS = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** @internal What the decimal rule says about one value: its canonical text, or why it is refused. */
export type DecimalCheck =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly code: VbpIssueCode; readonly message: string };

function shown(v: unknown): string {
  if (typeof v === "number") return String(v);
  if (v === undefined) return "nothing";
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  return typeof v === "object" ? "an object" : String(v);
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * @internal Checks a value against the decimal rule ({@link DECIMAL_INPUT_LIMITS}). Returns the text to keep
 * (a number as `String(n)`, a string unchanged) or the code and message of the rule broken, naming the value.
 */
export function checkDecimalInput(v: unknown): DecimalCheck {
  // Fast path for the plain forms nearly every document uses ("1249.99", "-0.5", "40", small integers): they
  // meet every rule below, so the text is kept as it is without taking it apart.
  if (typeof v === "string" ? PLAIN.test(v) : typeof v === "number" && Number.isSafeInteger(v) && v > -PLAIN_INTEGER_LIMIT && v < PLAIN_INTEGER_LIMIT) {
    return { ok: true, text: typeof v === "string" ? v : String(v) };
  }
  let text: string;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return { ok: false, code: "invalid_type", message: `must be a finite decimal number, got ${shown(v)}` };
    text = String(v);
  } else if (typeof v === "string") {
    if (v === "") return { ok: false, code: "invalid_type", message: 'must be a decimal number, got an empty string ""' };
    if (v.trim() !== v) return { ok: false, code: "invalid_format", message: `must be a decimal number without surrounding spaces, got ${shown(v)}` };
    if (v.length > DECIMAL_INPUT_LIMITS.maxLength) return { ok: false, code: "too_big", message: `must be at most ${DECIMAL_INPUT_LIMITS.maxLength} characters long, got ${shown(v)}` };
    if (/^[+-]?0[xXoObB]/.test(v)) return { ok: false, code: "invalid_format", message: `must be a decimal number (no hexadecimal, octal or binary), got ${shown(v)}` };
    if (!DECIMAL_PATTERN.test(v)) return { ok: false, code: "invalid_type", message: `must be a finite decimal number, got ${shown(v)}` };
    if (/^[+-]?0\d/.test(v)) return { ok: false, code: "invalid_format", message: `must not have leading zeros (is it octal?), got ${shown(v)}` };
    text = v;
  } else {
    return { ok: false, code: "invalid_type", message: v === undefined ? "is required (a decimal number)" : `must be a finite decimal number, got ${shown(v)}` };
  }
  const [, , whole = "", frac = "", exp = "0"] = PARTS.exec(text)!;
  const all = `${whole}${frac}`.replace(/^0+/, "");
  if (all !== "") {
    // value = (significant digits) × 10^scale
    const trailingZeros = all.length - all.replace(/0+$/, "").length;
    const significant = all.length - trailingZeros;
    const scale = Number(exp) - frac.length + trailingZeros;
    if (significant + scale > DECIMAL_INPUT_LIMITS.maxIntegerDigits) {
      return { ok: false, code: "too_big", message: `must be less than 10^${DECIMAL_INPUT_LIMITS.maxIntegerDigits}, got ${clip(text)}` };
    }
    if (-scale > DECIMAL_INPUT_LIMITS.maxDecimalPlaces) {
      return { ok: false, code: "too_big", message: `must have at most ${DECIMAL_INPUT_LIMITS.maxDecimalPlaces} decimal places, got ${clip(text)}` };
    }
  }
  return { ok: true, text };
}
