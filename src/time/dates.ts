import { addDays, addMonths, addYears, differenceInCalendarDays } from "date-fns";
import { Dec } from "../_lib/decimal.js";

/** A calendar date as an ISO string `YYYY-MM-DD` (no time, no zone). */
export type IsoDate = string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date's local calendar day as `YYYY-MM-DD`: what date-fns `lightFormat(d, "yyyy-MM-dd")` writes (the year
 * at least 4 digits, a year ≤ 0 written as its era year 1 − y), without loading its formatter.
 */
function formatIsoDate(d: Date): IsoDate {
  const y = d.getFullYear();
  const two = (n: number): string => String(n).padStart(2, "0");
  return `${String(y > 0 ? y : 1 - y).padStart(4, "0")}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/** Parses a strict `YYYY-MM-DD` date; returns undefined when it is not a real calendar date. */
export function parseIsoDate(value: string): Date | undefined {
  if (!ISO_DATE.test(value)) return undefined;
  // Local midnight of that calendar day (as date-fns parseISO gives for a date-only string); the round trip
  // through the formatter refuses days that do not exist (2025-02-29 would roll over to 1 March).
  const d = new Date(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10)));
  d.setFullYear(Number(value.slice(0, 4)));
  if (Number.isNaN(d.getTime()) || formatIsoDate(d) !== value) return undefined;
  return d;
}

function mustParse(value: IsoDate, name: string): Date {
  const d = parseIsoDate(value);
  if (d === undefined) throw new RangeError(`${name}: not a calendar date in YYYY-MM-DD form: ${JSON.stringify(value)}`);
  return d;
}

/**
 * Whether a string is a real calendar date in `YYYY-MM-DD` form (so `2026-02-30` is not).
 *
 * @example
 * ```ts
 * isIsoDate("2026-04-01"); //=> true
 * isIsoDate("2026-02-30"); //=> false
 * ```
 */
export function isIsoDate(value: string): boolean {
  return parseIsoDate(value) !== undefined;
}

/** A length of time in whole calendar units. */
export interface Period {
  /** Whole years. */
  readonly years?: number;
  /** Whole months. */
  readonly months?: number;
  /** Whole days. */
  readonly days?: number;
}

/**
 * Adds a period to a date, calendar-aware (adding a month to 31 January gives the last day of February).
 *
 * @example
 * ```ts
 * addPeriod("2026-01-31", { months: 1 }); //=> "2026-02-28"
 * addPeriod("2026-04-01", { years: 10 }); //=> "2036-04-01"
 * ```
 */
export function addPeriod(date: IsoDate, period: Period): IsoDate {
  let d = mustParse(date, "date");
  if (period.years) d = addYears(d, period.years);
  if (period.months) d = addMonths(d, period.months);
  if (period.days) d = addDays(d, period.days);
  return formatIsoDate(d);
}

/**
 * Exact year fraction between two dates, anniversary-based (actual/actual): whole years counted from `from`,
 * then the remaining days divided by the length of the year that follows the last anniversary. An
 * anniversary is always a whole number; `to` before `from` gives a negative fraction.
 *
 * Returned as a decimal string so it can feed exact discounting.
 *
 * @example
 * ```ts
 * yearFraction("2026-04-01", "2031-04-01"); //=> "5"
 * yearFraction("2026-04-01", "2026-10-01"); //=> "0.5013698630136986301369863013698630136986301369863"
 * ```
 */
export function yearFraction(from: IsoDate, to: IsoDate): string {
  return yearFractionDec(mustParse(from, "from"), mustParse(to, "to")).toFixed();
}

/** @internal exact year fraction between parsed dates. */
export function yearFractionDec(from: Date, to: Date): Dec {
  if (to < from) return yearFractionDec(to, from).negated();
  let whole = to.getFullYear() - from.getFullYear();
  if (addYears(from, whole) > to) whole -= 1;
  const anniversary = addYears(from, whole);
  const next = addYears(from, whole + 1);
  const rest = differenceInCalendarDays(to, anniversary);
  if (rest === 0) return new Dec(whole);
  return new Dec(rest).div(differenceInCalendarDays(next, anniversary)).plus(whole);
}
