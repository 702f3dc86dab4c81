import { Dec, decString, toDec, type DecimalInput } from "../_lib/decimal.js";
import { VbpInputError } from "../errors/VbpInputError.js";
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
  let d: Dec;
  try {
    d = toDec(amount);
  } catch {
    throw new VbpInputError([{ code: "invalid_type", path: [what], message: `must be a finite decimal number, got ${JSON.stringify(String(amount))}` }]);
  }
  return d;
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
  sameCurrency(a, b);
  return make(new Dec(a.amount).plus(b.amount), a.currency);
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
  sameCurrency(a, b);
  return make(new Dec(a.amount).minus(b.amount), a.currency);
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
  return make(new Dec(a.amount).times(decOf(factor, "factor")), a.currency);
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
  for (const m of amounts) {
    if (m.currency !== code) {
      throw new VbpInputError([{ code: "currency_mismatch", path: [], message: `cannot add a ${m.currency} amount to a ${code} total` }]);
    }
    total = total.plus(m.amount);
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
  sameCurrency(a, b);
  return new Dec(a.amount).comparedTo(b.amount) as -1 | 0 | 1;
}

/** How presentation rounds: half-even (banker's, the default), half-up (commercial), or towards zero. */
export type RoundingRule = "half-even" | "half-up" | "down";

const ROUNDING = { "half-even": Dec.ROUND_HALF_EVEN, "half-up": Dec.ROUND_HALF_UP, down: Dec.ROUND_DOWN } as const;

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
  const places = options.decimals ?? CURRENCIES[a.currency].exponent;
  return make(new Dec(a.amount).toDecimalPlaces(places, ROUNDING[options.rule ?? "half-even"]), a.currency);
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
  if (options.locale !== undefined && (options.rule ?? "half-even") === "half-even" && options.symbol !== false) {
    return formatAmount(a.amount, a.currency, { locale: options.locale, decimals: options.decimals ?? CURRENCIES[a.currency].exponent });
  }
  const info = CURRENCIES[a.currency];
  const places = options.decimals ?? info.exponent;
  const d = new Dec(a.amount).toDecimalPlaces(places, ROUNDING[options.rule ?? "half-even"]);
  const negative = d.isNegative() && !d.isZero();
  const [whole = "0", frac] = d.abs().toFixed(places).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const body = frac === undefined ? grouped : `${grouped}.${frac}`;
  const symbol = options.symbol === false ? "" : info.symbol;
  return `${negative ? "-" : ""}${symbol}${body}`;
}
