import { Dec, toDec, type DecimalInput } from "../_lib/decimal.js";
import { VbpInputError } from "../errors/VbpInputError.js";

/** The ISO 4217 codes this runtime's Intl knows (162 on Node 20), or undefined where it cannot list them. */
function knownCurrencies(): readonly string[] | undefined {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return typeof intl.supportedValuesOf === "function" ? intl.supportedValuesOf("currency") : undefined;
}

/**
 * Formats a decimal amount of any ISO 4217 currency for people in a locale, with `Intl.NumberFormat`. The
 * amount goes to Intl as a decimal string, which Intl (ECMA-402 NumberFormat v3, Node ≥ 20) formats exactly
 * and rounds half-even, so no digit passes through a binary float: `"12345678901234567890.125"` formats as
 * `£12,345,678,901,234,567,890.12`. Decimal places default to the currency's minor unit as Intl knows it
 * (CLDR: 2 for GBP, 0 for JPY, 3 for KWD).
 *
 * @param amount - a decimal string or a finite number
 * @param currency - an ISO 4217 code (any the runtime's Intl knows, e.g. GBP, EUR, JPY, KWD, INR, BRL)
 * @param options - `locale` (a BCP 47 tag; default the runtime's), `decimals` (0–20)
 * @throws VbpInputError for a non-finite amount, an unknown currency, a malformed locale or bad decimals
 * @category Money
 * @example
 * ```ts
 * formatAmount("-1234567.895", "GBP", { locale: "en-GB" }); //=> "-£1,234,567.90"
 * formatAmount("1234567", "INR", { locale: "en-IN" });      //=> "₹12,34,567.00"
 * formatAmount("2.5", "JPY", { locale: "ja-JP" });          //=> "￥2"
 * ```
 */
export function formatAmount(amount: DecimalInput, currency: string, options: { readonly locale?: string; readonly decimals?: number } = {}): string {
  let d: Dec;
  try {
    d = toDec(amount);
  } catch {
    throw new VbpInputError([{ code: "invalid_type", path: ["amount"], message: `must be a finite decimal number, got ${JSON.stringify(String(amount))}` }]);
  }
  const code = String(currency).toUpperCase();
  const known = knownCurrencies();
  if (!/^[A-Z]{3}$/.test(code) || (known !== undefined && !known.includes(code))) {
    throw new VbpInputError([{ code: "invalid_value", path: ["currency"], message: `unknown ISO 4217 currency ${JSON.stringify(String(currency))}` }]);
  }
  const decimals = options.decimals;
  if (decimals !== undefined && (!Number.isInteger(decimals) || decimals < 0 || decimals > 20)) {
    throw new VbpInputError([{ code: "invalid_value", path: ["decimals"], message: `must be a whole number from 0 to 20, got ${String(decimals)}` }]);
  }
  let format: Intl.NumberFormat;
  try {
    format = new Intl.NumberFormat(options.locale, {
      style: "currency",
      currency: code,
      roundingMode: "halfEven",
      ...(decimals !== undefined ? { minimumFractionDigits: decimals, maximumFractionDigits: decimals } : {}),
    } as Intl.NumberFormatOptions);
  } catch (e) {
    throw new VbpInputError([{ code: "invalid_value", path: ["locale"], message: `not a usable locale ${JSON.stringify(options.locale)}: ${(e as Error).message}` }]);
  }
  // Round half-even first, so an amount that rounds to zero shows as 0, not "-0.00"; then a decimal string in
  // plain notation (no exponent), which Intl reads exactly.
  const places = format.resolvedOptions().maximumFractionDigits ?? 2;
  const rounded = d.toDecimalPlaces(places, Dec.ROUND_HALF_EVEN);
  return format.format((rounded.isZero() ? "0" : rounded.toFixed()) as unknown as number);
}
