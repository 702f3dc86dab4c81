import type { Source } from "../reference/source.js";

/**
 * One step of a discount schedule: `rate` applies to time from `fromYear` until the next step's `fromYear`.
 * Years count from the price base date (year 0); the first step starts at 0.
 */
export interface DiscountStep {
  /** Time (years from the price base) at which this rate starts to apply. */
  readonly fromYear: number;
  /** Annual rate as a decimal string or number: `"0.035"` is 3.5% a year. */
  readonly rate: string;
}

/**
 * A discount schedule as data: a constant rate is a single step; a declining schedule (HM Treasury Green
 * Book) is several. Each step compounds at its own rate, so the factor at time t is
 * `Π 1/(1 + r_k)^(years spent at rate r_k before t)`.
 *
 * @example
 * ```ts
 * const myRate: DiscountSchedule = { id: "custom-4pc", label: "4% a year", steps: [{ fromYear: 0, rate: "0.04" }] };
 * ```
 */
export interface DiscountSchedule {
  /** Identifier recorded with results. */
  readonly id: string;
  /** Human name. */
  readonly label: string;
  /** Steps in increasing `fromYear`, the first at 0. */
  readonly steps: readonly DiscountStep[];
  /** Where the rates come from. */
  readonly source?: Source;
}

const NICE_PMG36: Source = Object.freeze({
  publisher: "National Institute for Health and Care Excellence",
  title: "NICE health technology evaluations: the manual (PMG36), section 4.5 Discounting",
  publishedOn: "2022-01-31",
  url: "https://www.nice.org.uk/process/pmg36",
  note: "3.5% a year for costs and health effects; 1.5% may be considered for health effects in sensitivity analysis or when effects are substantial and sustained over 30+ years.",
});

const GREEN_BOOK: Source = Object.freeze({
  publisher: "HM Treasury",
  title: "The Green Book: appraisal and evaluation in central government, Annex A6 Discounting (Tables 7 and 8)",
  publishedOn: "2022-11-18",
  url: "https://www.gov.uk/government/publications/the-green-book-appraisal-and-evaluation-in-central-government",
  note: "Standard rate declines after 30 years; the health rate excludes the wealth effect (1.5% years 0–30).",
});

function frozen(s: DiscountSchedule): DiscountSchedule {
  return Object.freeze({ ...s, steps: Object.freeze(s.steps.map((x) => Object.freeze({ ...x }))) });
}

/**
 * Discount schedules the library ships, as data with their sources. Any can be replaced by a caller's own.
 *
 * - `nice-3.5`: NICE reference case, 3.5% a year (costs and health effects).
 * - `nice-1.5`: NICE 1.5% a year (health effects, sensitivity or long-term-benefit cases).
 * - `green-book`: HM Treasury standard declining schedule: 3.5% (years 0–30), 3.0% (31–75), 2.5% (76–125),
 *   2.0% (126–200), 1.5% (201–300), 1.0% (301+).
 * - `green-book-health`: HM Treasury health schedule: 1.5% (0–30), 1.29% (31–75), 1.07% (76+).
 * - `none`: 0%, for undiscounted figures.
 *
 * @example
 * ```ts
 * DISCOUNT_SCHEDULES["nice-3.5"].steps[0].rate; //=> "0.035"
 * ```
 */
export const DISCOUNT_SCHEDULES: Readonly<Record<DiscountScheduleId, DiscountSchedule>> = Object.freeze({
  "nice-3.5": frozen({ id: "nice-3.5", label: "NICE reference case 3.5%", steps: [{ fromYear: 0, rate: "0.035" }], source: NICE_PMG36 }),
  "nice-1.5": frozen({ id: "nice-1.5", label: "NICE health effects 1.5%", steps: [{ fromYear: 0, rate: "0.015" }], source: NICE_PMG36 }),
  "green-book": frozen({
    id: "green-book",
    label: "HM Treasury Green Book declining schedule",
    steps: [
      { fromYear: 0, rate: "0.035" },
      { fromYear: 30, rate: "0.03" },
      { fromYear: 75, rate: "0.025" },
      { fromYear: 125, rate: "0.02" },
      { fromYear: 200, rate: "0.015" },
      { fromYear: 300, rate: "0.01" },
    ],
    source: GREEN_BOOK,
  }),
  "green-book-health": frozen({
    id: "green-book-health",
    label: "HM Treasury Green Book health schedule",
    steps: [
      { fromYear: 0, rate: "0.015" },
      { fromYear: 30, rate: "0.0129" },
      { fromYear: 75, rate: "0.0107" },
    ],
    source: GREEN_BOOK,
  }),
  none: frozen({ id: "none", label: "Undiscounted", steps: [{ fromYear: 0, rate: "0" }] }),
});

/**
 * Names of the bundled discount schedules.
 *
 * @example
 * ```ts
 * const id: DiscountScheduleId = "green-book";
 * ```
 */
export type DiscountScheduleId = "nice-3.5" | "nice-1.5" | "green-book" | "green-book-health" | "none";

/**
 * A constant-rate schedule from a rate.
 *
 * @example
 * ```ts
 * constantSchedule("0.04").steps; //=> [{ fromYear: 0, rate: "0.04" }]
 * ```
 */
export function constantSchedule(rate: string | number, label?: string): DiscountSchedule {
  const r = String(rate);
  return frozen({ id: `constant-${r}`, label: label ?? `${r} a year`, steps: [{ fromYear: 0, rate: r }] });
}
