export { formatAmount } from "./formatAmount.js";
export { CURRENCIES, CURRENCY_CODES, isCurrencyCode, type CurrencyCode, type CurrencyInfo } from "./currencies.js";
export {
  addMoney,
  compareMoney,
  formatMoney,
  money,
  multiplyMoney,
  roundMoney,
  subtractMoney,
  sumMoney,
  zeroMoney,
  type Money,
  type RoundingRule,
} from "./money.js";
export type { DecimalInput } from "../_lib/decimal.js";
