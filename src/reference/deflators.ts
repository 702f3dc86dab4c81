import { Dec, decString } from "../_lib/decimal.js";
import type { VbpIssue, VbpPath } from "../errors/issue.js";
import { VbpInputError } from "../errors/VbpInputError.js";
import type { PriceIndexSeries } from "../time/indexation.js";
import type { Source } from "./source.js";

/**
 * A dated GDP deflator series: calendar-year index values, which years are outturn and which are forecast,
 * and its source. It is a {@link PriceIndexSeries}, so it can be passed wherever a price index is taken
 * (re-basing carbon values, indexing costs); callers override it with their own release.
 *
 * @example
 * ```ts
 * const mine: DeflatorSeries = { id: "hmt-2026-06", label: "HM Treasury GDP deflators, June 2026", values: { "2022": "100", "2026": "118.6" },
 *   forecastFrom: "2026", source: { publisher: "HM Treasury", title: "GDP deflators at market prices, and money GDP June 2026", publishedOn: "2026-06-30" } };
 * ```
 * @category Reference data
 */
export interface DeflatorSeries extends PriceIndexSeries {
  /** First calendar year whose value is a forecast (OBR), not outturn (ONS). */
  readonly forecastFrom?: string;
  /** Where the values come from (required for shipped data). */
  readonly source: Source;
}

/**
 * HM Treasury GDP deflators at market prices (calendar years), as shipped with the library: the index used to
 * re-base carbon values from the DESNZ series' 2022 prices to an evaluation's price year (HM Treasury Green
 * Book: use the GDP deflator to convert between price bases).
 *
 * Outturn years only (2015–2024, 2024 = 100), from the December 2025 Quarterly National Accounts release. The
 * release gives later years (2025 onwards, OBR forecasts) only as percentage changes, and those are not
 * shipped: an evaluation priced in 2025 or later must pass a series that covers its price year as
 * `carbonValuation.priceIndex` (from the current release), or re-basing stops with an error naming the
 * missing years. Nothing is extrapolated silently.
 *
 * @example
 * ```ts
 * HMT_GDP_DEFLATORS.values["2022"]; //=> "90.5005"
 * ```
 * @category Reference data
 */
export const HMT_GDP_DEFLATORS: DeflatorSeries = Object.freeze({
  id: "hmt-gdp-deflators-2025-12",
  label: "HM Treasury GDP deflators at market prices, calendar years (December 2025 release), 2024 = 100",
  values: Object.freeze({
    "2015": "75.1536",
    "2016": "76.4554",
    "2017": "77.6367",
    "2018": "79.1606",
    "2019": "81.1085",
    "2020": "85.2137",
    "2021": "85.6358",
    "2022": "90.5005",
    "2023": "96.2507",
    "2024": "100",
  }),
  source: Object.freeze({
    publisher: "HM Treasury",
    title: "GDP deflators at market prices, and money GDP: December 2025 (Quarterly National Accounts)",
    publishedOn: "2026-01-06",
    url: "https://www.gov.uk/government/collections/gdp-deflators-at-market-prices-and-money-gdp",
    note:
      "Calendar-year GDP deflator at market prices, outturn 2015–2024 (ONS series MNF2, Quarterly National Accounts), 2024 = 100, four decimal places, from the release's spreadsheet CGDP_Deflators_Qtrly_National_Accounts_December_2025_update.xlsx (calendar-year block). Forecast years (2025 onwards, OBR) are given in the release as percentage changes only and are not included: pass a series covering your price year from the current release.",
  }),
});

/**
 * The factor that re-bases a figure in `fromYear` prices to `toYear` prices: `index[toYear] / index[fromYear]`,
 * exact. A series lacking either year is an error naming every missing year and the years it has.
 *
 * @param series - the deflator (or any price index) series
 * @param fromYear - price year of the figure (e.g. `"2022"` for DESNZ carbon values)
 * @param toYear - price year wanted (e.g. the evaluation's, `"2026"`)
 * @param path - where the series sits in the caller's document, for error paths
 * @returns the ratio as a decimal string
 * @throws VbpInputError (code `unknown_reference`) naming the missing years
 * @example
 * ```ts
 * rebaseFactor(HMT_GDP_DEFLATORS, "2022", "2024"); //=> "1.1049662709045806376760349390334860028397633162248"
 * ```
 * @category Reference data
 */
export function rebaseFactor(series: PriceIndexSeries, fromYear: string, toYear: string, path: VbpPath = []): string {
  const missing = [fromYear, toYear].filter((y, i, all) => all.indexOf(y) === i && !Object.prototype.hasOwnProperty.call(series.values, y));
  if (missing.length > 0) {
    const has = Object.keys(series.values).sort();
    const issue: VbpIssue = {
      code: "unknown_reference",
      path: [...path, "values"],
      message: `deflator series "${series.id}" has no value for ${missing.join(" and ")}, needed to re-base from ${fromYear} to ${toYear} prices (it has ${has.length > 0 ? `${has[0]}–${has[has.length - 1]}` : "no years"}: ${has.join(", ")})${series.id === HMT_GDP_DEFLATORS.id ? "; the shipped HM Treasury series holds outturn years only: pass a series that covers these years (the current release's forecast years) here" : ""}`,
    };
    throw new VbpInputError([issue]);
  }
  const read = (y: string): Dec => {
    const raw = series.values[y];
    let v: Dec;
    try {
      v = new Dec(raw as string | number);
    } catch {
      throw new VbpInputError([{ code: "invalid_value", path: [...path, "values", y], message: `must be a decimal number, got ${JSON.stringify(raw)}` }]);
    }
    if (!v.isFinite() || !v.gt(0)) throw new VbpInputError([{ code: "too_small", path: [...path, "values", y], message: `must be > 0, got ${String(raw)}` }]);
    return v;
  };
  return decString(read(toYear).div(read(fromYear)));
}
