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
 * The values are re-referenced to 2022 = 100 (only ratios are used). They were NOT confirmed against the
 * release's spreadsheet: they are built from rounded annual growth rates (2023 +7.0%, 2024 +4.0%, 2025 +3.5%,
 * 2026 +2.5% forecast) and are flagged as unconfirmed in the source note. Pass your own series (from the
 * current release) as `carbonValuation.priceIndex` for a real award.
 *
 * @example
 * ```ts
 * HMT_GDP_DEFLATORS.values["2026"]; //=> "118.05"
 * ```
 * @category Reference data
 */
export const HMT_GDP_DEFLATORS: DeflatorSeries = Object.freeze({
  id: "hmt-gdp-deflators-2026-03",
  label: "HM Treasury GDP deflators at market prices, calendar years (March 2026 release), 2022 = 100",
  values: Object.freeze({
    "2022": "100",
    "2023": "107",
    "2024": "111.28",
    "2025": "115.17",
    "2026": "118.05",
  }),
  forecastFrom: "2026",
  source: Object.freeze({
    publisher: "HM Treasury",
    title: "GDP deflators at market prices, and money GDP: March 2026 (Quarterly National Accounts)",
    publishedOn: "2026-03-31",
    url: "https://www.gov.uk/government/collections/gdp-deflators-at-market-prices-and-money-gdp",
    note:
      "Calendar-year GDP deflators (ONS series MNF2 outturn to 2025; OBR Spring Statement 3 March 2026 forecast from 2026). UNCONFIRMED: these values could not be checked against the release spreadsheet; they are compounded from rounded annual growth rates (2023 +7.0%, 2024 +4.0%, 2025 +3.5%, 2026 +2.5%) and re-referenced to 2022 = 100. Replace them with the published series (override carbonValuation.priceIndex) before relying on a re-based figure.",
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
 * rebaseFactor(HMT_GDP_DEFLATORS, "2022", "2026"); //=> "1.1805"
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
      message: `deflator series "${series.id}" has no value for ${missing.join(" and ")}, needed to re-base from ${fromYear} to ${toYear} prices (it has ${has.length > 0 ? `${has[0]}–${has[has.length - 1]}` : "no years"}: ${has.join(", ")})`,
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
