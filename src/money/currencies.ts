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
export const CURRENCIES = Object.freeze({
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
} as const);

/** An ISO 4217 code the library knows (see {@link CURRENCIES}). */
export type CurrencyCode = keyof typeof CURRENCIES;

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
