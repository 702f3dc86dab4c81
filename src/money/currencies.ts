/**
 * The currencies the library knows, with their ISO 4217 minor-unit exponent (decimal places when presented).
 * Source: ISO 4217 currency code list (SIX Financial Information, amendment 176, 2024).
 *
 * @example
 * ```ts
 * CURRENCIES.GBP.exponent;
 * //=> 2
 * ```
 */
export const CURRENCIES: Readonly<Record<CurrencyCode, CurrencyInfo>> = Object.freeze({
  GBP: Object.freeze({ code: "GBP", exponent: 2, symbol: "£" }),
  EUR: Object.freeze({ code: "EUR", exponent: 2, symbol: "€" }),
  USD: Object.freeze({ code: "USD", exponent: 2, symbol: "$" }),
  CHF: Object.freeze({ code: "CHF", exponent: 2, symbol: "CHF " }),
  SEK: Object.freeze({ code: "SEK", exponent: 2, symbol: "kr " }),
  NOK: Object.freeze({ code: "NOK", exponent: 2, symbol: "kr " }),
  DKK: Object.freeze({ code: "DKK", exponent: 2, symbol: "kr. " }),
  CAD: Object.freeze({ code: "CAD", exponent: 2, symbol: "CA$" }),
  AUD: Object.freeze({ code: "AUD", exponent: 2, symbol: "A$" }),
  NZD: Object.freeze({ code: "NZD", exponent: 2, symbol: "NZ$" }),
  JPY: Object.freeze({ code: "JPY", exponent: 0, symbol: "¥" }),
  PLN: Object.freeze({ code: "PLN", exponent: 2, symbol: "zł " }),
});

/**
 * An ISO 4217 code the library knows (see {@link CURRENCIES}).
 *
 * @example
 * ```ts
 * const code: CurrencyCode = "GBP";
 * ```
 */
export type CurrencyCode = "GBP" | "EUR" | "USD" | "CHF" | "SEK" | "NOK" | "DKK" | "CAD" | "AUD" | "NZD" | "JPY" | "PLN";

/**
 * What the library knows about a currency.
 *
 * @example
 * ```ts
 * const gbp: CurrencyInfo = CURRENCIES.GBP; // { code: "GBP", exponent: 2, symbol: "£" }
 * ```
 */
export interface CurrencyInfo {
  /** ISO 4217 code. */
  readonly code: CurrencyCode;
  /** Minor-unit exponent: the decimal places amounts are presented with (2 for pence, 0 for yen). */
  readonly exponent: number;
  /** Symbol or prefix used when formatting. */
  readonly symbol: string;
}

/** The list of known currency codes, for schemas and forms. */
export const CURRENCY_CODES = Object.freeze(Object.keys(CURRENCIES) as CurrencyCode[]);

/**
 * Whether a string is a currency code the library knows.
 *
 * @example
 * ```ts
 * isCurrencyCode("GBP"); //=> true
 * isCurrencyCode("XXX"); //=> false
 * ```
 */
export function isCurrencyCode(code: string): code is CurrencyCode {
  return Object.prototype.hasOwnProperty.call(CURRENCIES, code);
}
