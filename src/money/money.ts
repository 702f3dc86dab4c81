import type { Decimal } from "decimal.js";
import { Dec, decString, type DecimalInput } from "../_lib/decimal.js";
import { VbpInputError } from "../errors/VbpInputError.js";
import type { VbpPath } from "../errors/issue.js";
import { checkDecimalInput, DECIMAL_PATTERN } from "../schema/decimalInput.js";
import { CURRENCIES, isCurrencyCode, type CurrencyCode } from "./currencies.js";
import { formatAmount } from "./formatAmount.js";

/**
 * An exact amount of one currency, as plain data: the amount is a decimal string (never a binary float),
 * so a Money serialises to JSON unchanged and round-trips exactly. Values are frozen; operations return new ones.
 *
 * @example
 * ```ts
 * const price: Money = money("1249.99", "GBP");
 * JSON.stringify(price);
 * //=> '{"amount":"1249.99","currency":"GBP"}'
 * ```
 */
export interface Money {
  /** Exact decimal amount, e.g. `"1249.99"`; may carry more places than the currency's minor unit. */
  readonly amount: string;
  /** ISO 4217 code. */
  readonly currency: CurrencyCode;
}

function make(amount: Dec, currency: CurrencyCode): Money {
  return Object.freeze({ amount: decString(amount), currency });
}

function checkCurrency(currency: string): CurrencyCode {
  if (!isCurrencyCode(currency)) {
    throw new VbpInputError([
      { code: "invalid_value", path: ["currency"], message: `unknown currency "${currency}"; expected one of ${Object.keys(CURRENCIES).join(", ")}` },
    ]);
  }
  return currency;
}

function decOf(amount: DecimalInput, what: string): Dec {
  // The one decimal rule (schema/decimalInput.ts): no hex/octal, spaces or empty strings; below 10^15.
  const r = checkDecimalInput(amount);
  if (!r.ok) throw new VbpInputError([{ code: r.code, path: [what], message: r.message }]);
  return new Dec(r.text);
}

/** Longest amount a Money may carry (a computed amount has at most 50 significant digits). */
const MAX_AMOUNT_LENGTH = 200;

/**
 * Checks a Money received from a caller before any arithmetic: a hand-made `{ amount: "NaN" }` or
 * `{ amount: "0x10" }` is refused, not computed with. Computed amounts may be larger or finer than input
 * (a product has up to 50 significant digits), so only the grammar and a length bound apply here.
 */
function checked(m: unknown, path: VbpPath): Dec {
  if (m === null || typeof m !== "object") {
    throw new VbpInputError([{ code: "invalid_type", path, message: `must be a Money { amount, currency }, got ${m === null ? "null" : typeof m}` }]);
  }
  const { amount, currency } = m as { amount?: unknown; currency?: unknown };
  const issues: { code: "invalid_type" | "invalid_value"; path: VbpPath; message: string }[] = [];
  if (typeof amount !== "string" || amount.length > MAX_AMOUNT_LENGTH || !DECIMAL_PATTERN.test(amount)) {
    const shown = typeof amount === "string" ? JSON.stringify(amount.length > 40 ? `${amount.slice(0, 40)}…` : amount) : amount === undefined ? "nothing" : typeof amount;
    issues.push({ code: "invalid_type", path: [...path, "amount"], message: `must be a decimal string such as "1249.99", got ${shown}` });
  }
  if (typeof currency !== "string" || !isCurrencyCode(currency)) {
    issues.push({ code: "invalid_value", path: [...path, "currency"], message: `must be a known ISO 4217 currency code, got ${typeof currency === "string" ? JSON.stringify(currency) : typeof currency}` });
  }
  if (issues.length > 0) throw new VbpInputError(issues);
  return new Dec(amount as string);
}

/**
 * @internal A Money from an amount the library computed itself (canonical decimal text), in a currency its
 * document's schema already checked. Computed amounts may exceed the input limits (a national total, a
 * 50-digit quotient), which is why they do not go through {@link money}.
 */
export function computedMoney(amount: string, currency: string): Money {
  return Object.freeze({ amount, currency: currency as CurrencyCode });
}

/**
 * Creates a Money from a decimal string or a finite number, in a known currency.
 *
 * @param amount - a decimal string (`"12.50"`) or a finite number; NaN and Infinity are rejected
 * @param currency - an ISO 4217 code from {@link CURRENCIES}
 * @throws VbpInputError for an unknown currency or a non-finite amount
 * @example
 * ```ts
 * money("12.50", "GBP");
 * //=> { amount: "12.5", currency: "GBP" }
 * ```
 */
export function money(amount: DecimalInput, currency: string): Money {
  return make(decOf(amount, "amount"), checkCurrency(currency));
}

/**
 * Zero in a currency.
 *
 * @example
 * ```ts
 * zeroMoney("EUR"); //=> { amount: "0", currency: "EUR" }
 * ```
 */
export function zeroMoney(currency: string): Money {
  return make(new Dec(0), checkCurrency(currency));
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new VbpInputError([
      { code: "currency_mismatch", path: [], message: `cannot combine ${a.currency} and ${b.currency} amounts; convert one first` },
    ]);
  }
}

/**
 * Adds two amounts of the same currency, exactly.
 *
 * @throws VbpInputError (`currency_mismatch`) when the currencies differ
 * @example
 * ```ts
 * addMoney(money("0.1", "GBP"), money("0.2", "GBP")).amount;
 * //=> "0.3"
 * ```
 */
export function addMoney(a: Money, b: Money): Money {
  const x = checked(a, ["a"]);
  const y = checked(b, ["b"]);
  sameCurrency(a, b);
  return make(x.plus(y), a.currency);
}

/**
 * Subtracts `b` from `a`, exactly (same currency).
 *
 * @example
 * ```ts
 * subtractMoney(money("10", "GBP"), money("2.5", "GBP")).amount;
 * //=> "7.5"
 * ```
 */
export function subtractMoney(a: Money, b: Money): Money {
  const x = checked(a, ["a"]);
  const y = checked(b, ["b"]);
  sameCurrency(a, b);
  return make(x.minus(y), a.currency);
}

/**
 * Multiplies an amount by a factor (a quantity, a discount factor), exactly to 50 significant digits.
 *
 * @example
 * ```ts
 * multiplyMoney(money("12.50", "GBP"), "3").amount;
 * //=> "37.5"
 * ```
 */
export function multiplyMoney(a: Money, factor: DecimalInput): Money {
  return make(checked(a, ["a"]).times(decOf(factor, "factor")), a.currency);
}

/**
 * Sums amounts of one currency exactly. The currency must be given so an empty list has one.
 *
 * @example
 * ```ts
 * sumMoney([money("1.10", "GBP"), money("2.20", "GBP")], "GBP").amount;
 * //=> "3.3"
 * ```
 */
export function sumMoney(amounts: Iterable<Money>, currency: string): Money {
  const code = checkCurrency(currency);
  let total = new Dec(0);
  let i = 0;
  for (const m of amounts) {
    const d = checked(m, ["amounts", i]);
    if (m.currency !== code) {
      throw new VbpInputError([{ code: "currency_mismatch", path: ["amounts", i, "currency"], message: `cannot add a ${m.currency} amount to a ${code} total` }]);
    }
    total = total.plus(d);
    i++;
  }
  return make(total, code);
}

/**
 * Compares two amounts of the same currency: -1, 0 or 1.
 *
 * @example
 * ```ts
 * compareMoney(money("2", "GBP"), money("10", "GBP")); //=> -1
 * ```
 */
export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  const x = checked(a, ["a"]);
  const y = checked(b, ["b"]);
  sameCurrency(a, b);
  return x.comparedTo(y) as -1 | 0 | 1;
}

/** How presentation rounds: half-even (banker's, the default), half-up (commercial), or towards zero. */
export type RoundingRule = "half-even" | "half-up" | "down";

const ROUNDING = { "half-even": Dec.ROUND_HALF_EVEN, "half-up": Dec.ROUND_HALF_UP, down: Dec.ROUND_DOWN } as const;

/** Most decimal places presentation rounds to (the private Decimal keeps 50 significant digits). */
const MAX_PRESENTED_DECIMALS = 50;

/** Checks presentation options: `decimals` a whole number 0–50, `rule` one of the named rules. */
function presentation(currency: CurrencyCode, options: unknown): { places: number; rounding: Decimal.Rounding } {
  if (options === null || typeof options !== "object") {
    throw new VbpInputError([{ code: "invalid_type", path: ["options"], message: `must be an object such as { decimals: 2, rule: "half-up" }, got ${options === null ? "null" : typeof options}` }]);
  }
  const { decimals, rule } = options as { decimals?: unknown; rule?: unknown };
  const issues: { code: "invalid_type" | "invalid_value"; path: VbpPath; message: string }[] = [];
  if (decimals !== undefined && !(typeof decimals === "number" && Number.isInteger(decimals) && decimals >= 0 && decimals <= MAX_PRESENTED_DECIMALS)) {
    issues.push({ code: "invalid_value", path: ["options", "decimals"], message: `must be a whole number from 0 to ${MAX_PRESENTED_DECIMALS}, got ${typeof decimals === "number" ? String(decimals) : JSON.stringify(decimals) ?? typeof decimals}` });
  }
  if (rule !== undefined && !(typeof rule === "string" && Object.hasOwn(ROUNDING, rule))) {
    issues.push({ code: "invalid_value", path: ["options", "rule"], message: `must be one of "half-even", "half-up", "down", got ${JSON.stringify(rule) ?? typeof rule}` });
  }
  if (issues.length > 0) throw new VbpInputError(issues);
  return { places: (decimals as number | undefined) ?? CURRENCIES[currency].exponent, rounding: ROUNDING[(rule as RoundingRule | undefined) ?? "half-even"] };
}

/**
 * Rounds an amount for presentation: to the currency's minor unit (or `decimals`) by a stated rule.
 * Computation never rounds; only presenting does.
 *
 * @param options - `decimals` (default: the currency's minor unit) and `rule`: `"half-even"` (default: ties to the
 *   even digit, unbiased over many sums), `"half-up"` or `"down"`
 * @example
 * ```ts
 * roundMoney(money("2.345", "GBP")).amount;              //=> "2.34"
 * roundMoney(money("2.345", "GBP"), { rule: "half-up" }).amount; //=> "2.35"
 * ```
 */
export function roundMoney(a: Money, options: { readonly decimals?: number; readonly rule?: RoundingRule } = {}): Money {
  const d = checked(a, ["a"]);
  const { places, rounding } = presentation(a.currency, options);
  return make(d.toDecimalPlaces(places, rounding), a.currency);
}

/**
 * Formats an amount for people: currency symbol, thousands separators, rounded half-even to the minor unit.
 * With `locale`, the locale's own conventions from `Intl.NumberFormat` (exact, half-even; see
 * {@link formatAmount}); without, the library's fixed English form.
 *
 * @example
 * ```ts
 * formatMoney(money("-1234567.895", "GBP"));
 * //=> "-£1,234,567.90"
 * formatMoney(money("1234.5", "EUR"), { locale: "en-US" });
 * //=> "€1,234.50"
 * ```
 */
export function formatMoney(a: Money, options: { readonly decimals?: number; readonly rule?: RoundingRule; readonly symbol?: boolean; readonly locale?: string } = {}): string {
  const amount = checked(a, ["a"]);
  if (options.locale !== undefined && (options.rule ?? "half-even") === "half-even" && options.symbol !== false) {
    const { places } = presentation(a.currency, options);
    return formatAmount(decString(amount), a.currency, { locale: options.locale, decimals: places });
  }
  return fixedForm(amount, a.currency, options);
}

/**
 * @internal {@link formatMoney} without a locale: the library's fixed English form, exactly as `formatMoney(a,
 * options)`. The library's own texts use it, so a bundle that never formats for a locale leaves out
 * `Intl.NumberFormat` handling ({@link formatAmount}).
 */
export function formatMoneyFixed(a: Money, options: { readonly decimals?: number; readonly rule?: RoundingRule; readonly symbol?: boolean } = {}): string {
  return fixedForm(checked(a, ["a"]), a.currency, options);
}

function fixedForm(amount: Dec, currency: Money["currency"], options: { readonly decimals?: number; readonly rule?: RoundingRule; readonly symbol?: boolean }): string {
  const info = CURRENCIES[currency];
  const { places, rounding } = presentation(currency, options);
  if (options.symbol !== undefined && typeof options.symbol !== "boolean") {
    throw new VbpInputError([{ code: "invalid_type", path: ["options", "symbol"], message: `must be true or false, got ${JSON.stringify(options.symbol)}` }]);
  }
  const d = amount.toDecimalPlaces(places, rounding);
  const negative = d.isNegative() && !d.isZero();
  const [whole = "0", frac] = d.abs().toFixed(places).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const body = frac === undefined ? grouped : `${grouped}.${frac}`;
  const symbol = options.symbol === false ? "" : info.symbol;
  return `${negative ? "-" : ""}${symbol}${body}`;
}
