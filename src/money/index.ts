export { CURRENCIES, CURRENCY_CODES, isCurrencyCode, type CurrencyCode } from "./currencies.js";
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
