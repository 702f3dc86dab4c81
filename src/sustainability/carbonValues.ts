import { Dec, decString } from "../_lib/decimal.js";
import { VbpInputError } from "../errors/VbpInputError.js";
import type { VbpPath } from "../errors/issue.js";
import type { Source } from "../reference/source.js";
import { indexRatio, type PriceIndexSeries } from "../time/indexation.js";
import { DESNZ_CARBON_VALUES_2023 } from "./sources.js";

/**
 * A series of carbon values (£ per tonne CO2e) by year of emission, in one price year, with the multipliers
 * that turn the central series into the low and high sensitivities.
 *
 * @example
 * ```ts
 * const mine: CarbonValueSeries = { id: "flat-100", label: "Flat £100/t", currency: "GBP", priceYear: "2024",
 *   central: { "2025": "100", "2026": "100" }, lowMultiplier: "0.5", highMultiplier: "1.5",
 *   source: { publisher: "Trust", title: "Board policy", publishedOn: "2025-01-01" } };
 * ```
 */
export interface CarbonValueSeries {
  /** Identifier recorded with results. */
  readonly id: string;
  /** Human name. */
  readonly label: string;
  /** ISO 4217 currency of the values. */
  readonly currency: string;
  /** Price year the values are expressed in (a label matching the price index, e.g. `"2022"`). */
  readonly priceYear: string;
  /** Central value per tCO2e by calendar year of emission (decimal strings). */
  readonly central: Readonly<Record<string, string>>;
  /** Low = central × this (DESNZ: 0.5). */
  readonly lowMultiplier: string;
  /** High = central × this (DESNZ: 1.5). */
  readonly highMultiplier: string;
  /** Where the values come from. */
  readonly source: Source;
  /** Plain statement of anything derived rather than published (e.g. interpolated years). */
  readonly note?: string;
}

/**
 * Carbon value sensitivity: `central`, or the `low` (0.5×) and `high` (1.5×) series.
 *
 * @example
 * ```ts
 * const s: CarbonValueScenario = "high";
 * ```
 */
export type CarbonValueScenario = "central" | "low" | "high";

/**
 * DESNZ carbon values for policy appraisal (supplementary guidance to the HM Treasury Green Book),
 * £/tCO2e in 2022 prices, central series for every year 2020–2050 as published in the November 2023 data
 * tables (Table 3). Low = 0.5 × central, high = 1.5 × central. Selected years: 2024 268.97, 2025 273.06,
 * 2026 277.22, 2030 294.50, 2040 342.55, 2050 397.54.
 *
 * @example
 * ```ts
 * DESNZ_CARBON_VALUES.central["2026"]; //=> "277.22"
 * ```
 */
export const DESNZ_CARBON_VALUES: CarbonValueSeries = Object.freeze({
  id: "desnz-carbon-values-2023",
  label: "DESNZ carbon values for appraisal (November 2023), 2022 prices",
  currency: "GBP",
  priceYear: "2022",
  central: Object.freeze({
    "2020": "253.19",
    "2021": "257.05",
    "2022": "260.96",
    "2023": "264.93",
    "2024": "268.97",
    "2025": "273.06",
    "2026": "277.22",
    "2027": "281.44",
    "2028": "285.73",
    "2029": "290.08",
    "2030": "294.50",
    "2031": "298.98",
    "2032": "303.54",
    "2033": "308.16",
    "2034": "312.85",
    "2035": "317.62",
    "2036": "322.45",
    "2037": "327.36",
    "2038": "332.35",
    "2039": "337.41",
    "2040": "342.55",
    "2041": "347.69",
    "2042": "352.90",
    "2043": "358.20",
    "2044": "363.57",
    "2045": "369.02",
    "2046": "374.56",
    "2047": "380.18",
    "2048": "385.88",
    "2049": "391.67",
    "2050": "397.54",
  }),
  lowMultiplier: "0.5",
  highMultiplier: "1.5",
  source: DESNZ_CARBON_VALUES_2023,
} as const satisfies CarbonValueSeries);

/**
 * What to do when a series has no value for the year asked.
 *
 * - `outsideData`: `"error"` (default), or `"hold-nearest"` (use the first/last published year's value).
 * - `gaps`: for a year between two published years that has no value: `"error"` (default) or
 *   `"interpolate-linear"` (straight line between the neighbouring published years).
 * Either choice is recorded in the result as an assumption.
 *
 * @example
 * ```ts
 * const rule: CarbonValueRule = { outsideData: "hold-nearest", gaps: "interpolate-linear" };
 * ```
 */
export interface CarbonValueRule {
  /** Years before the first or after the last value. */
  readonly outsideData?: "error" | "hold-nearest";
  /** Years inside the range that have no value. */
  readonly gaps?: "error" | "interpolate-linear";
}

/**
 * A carbon value for one year and scenario, in the requested price year.
 *
 * @example
 * ```ts
 * const v: ResolvedCarbonValue = carbonValue(2026);
 * v.valuePerTonne; //=> "277.22"
 * ```
 */
export interface ResolvedCarbonValue {
  /** Calendar year of emission. */
  readonly year: number;
  /** Sensitivity used. */
  readonly scenario: CarbonValueScenario;
  /** Value per tCO2e in `priceYear` prices (decimal string, exact). */
  readonly valuePerTonne: string;
  /** Currency of the value. */
  readonly currency: string;
  /** Price year of `valuePerTonne`. */
  readonly priceYear: string;
  /** Value per tCO2e in the series' own price year, before re-basing. */
  readonly seriesValuePerTonne: string;
  /** The series' price year. */
  readonly seriesPriceYear: string;
  /** Index ratio applied (index[priceYear] / index[seriesPriceYear]); `"1"` when not re-based. */
  readonly rebaseRatio: string;
  /** Series id. */
  readonly seriesId: string;
  /** Where the value comes from. */
  readonly source: Source;
  /** Plain statement of any interpolation, hold or re-basing applied. */
  readonly assumptions: readonly string[];
}

/**
 * Options for {@link carbonValue}.
 *
 * @example
 * ```ts
 * const opts: CarbonValueOptions = { scenario: "low", priceYear: "2025", priceIndex: { id: "gdp", label: "GDP deflator", values: { "2022": "100", "2025": "108" } } };
 * ```
 */
export interface CarbonValueOptions {
  /** Sensitivity (default `"central"`). */
  readonly scenario?: CarbonValueScenario;
  /** Series to use (default {@link DESNZ_CARBON_VALUES}). */
  readonly series?: CarbonValueSeries;
  /** Price year wanted (default: the series' price year, no re-basing). */
  readonly priceYear?: string;
  /** Price index used to re-base from the series' price year (required when `priceYear` differs). */
  readonly priceIndex?: PriceIndexSeries;
  /** What to do for years without a value. */
  readonly rule?: CarbonValueRule;
  /** Where the request sits in the caller's document, for error paths. */
  readonly path?: VbpPath;
}

/** @internal Central value for a year from a series, applying the rule; exact. */
export function centralValue(series: CarbonValueSeries, year: number, rule: CarbonValueRule, path: VbpPath): { value: Dec; assumption?: string } {
  const key = String(year);
  if (Object.prototype.hasOwnProperty.call(series.central, key)) return { value: new Dec(series.central[key]!) };
  const years = Object.keys(series.central)
    .map(Number)
    .filter((y) => Number.isInteger(y))
    .sort((a, b) => a - b);
  const first = years[0];
  const last = years[years.length - 1];
  if (first === undefined || last === undefined) {
    throw new VbpInputError([{ code: "unknown_reference", path: [...path, "year"], message: `carbon value series "${series.id}" has no values` }]);
  }
  if (year < first || year > last) {
    if (rule.outsideData === "hold-nearest") {
      const held = year < first ? first : last;
      return {
        value: new Dec(series.central[String(held)]!),
        assumption: `carbon value for ${year}: held at the ${held} value of "${series.id}" (series covers ${first}–${last}; rule hold-nearest)`,
      };
    }
    throw new VbpInputError([
      {
        code: "unknown_reference",
        path: [...path, "year"],
        message: `no carbon value for ${year} in "${series.id}" (it covers ${first}–${last}); set rule.outsideData to "hold-nearest" or supply your own series`,
      },
    ]);
  }
  if (rule.gaps === "interpolate-linear") {
    const lo = years.filter((y) => y < year).pop()!;
    const hi = years.find((y) => y > year)!;
    const vLo = new Dec(series.central[String(lo)]!);
    const vHi = new Dec(series.central[String(hi)]!);
    // Straight line between the neighbouring published years: v = vLo + (vHi − vLo)·(year − lo)/(hi − lo).
    const value = vLo.plus(vHi.minus(vLo).times(year - lo).div(hi - lo));
    return { value, assumption: `carbon value for ${year}: linear interpolation between ${lo} (${vLo.toFixed()}) and ${hi} (${vHi.toFixed()}) in "${series.id}"; not a published figure` };
  }
  throw new VbpInputError([
    {
      code: "unknown_reference",
      path: [...path, "year"],
      message: `no carbon value for ${year} in "${series.id}" (a gap in the series); set rule.gaps to "interpolate-linear" or supply the value`,
    },
  ]);
}

/** @internal Scenario multiplier. */
export function scenarioMultiplier(series: CarbonValueSeries, scenario: CarbonValueScenario): Dec {
  if (scenario === "low") return new Dec(series.lowMultiplier);
  if (scenario === "high") return new Dec(series.highMultiplier);
  return new Dec(1);
}

/**
 * The carbon value (£/tCO2e) for a year of emission and a scenario, optionally re-based from the series'
 * price year to the evaluation's price year with a price index:
 * `value = central[year] × multiplier(scenario) × index[priceYear] / index[seriesPriceYear]`.
 * Source: DESNZ, Valuation of energy use and greenhouse gas emissions for appraisal (2023), Table 3.
 *
 * @throws VbpInputError for a year without a value (unless the rule allows), or a price year missing from the index
 * @example
 * ```ts
 * carbonValue(2026).valuePerTonne;                       //=> "277.22"
 * carbonValue(2026, { scenario: "low" }).valuePerTonne;  //=> "138.61"
 * carbonValue(2026, { scenario: "high" }).valuePerTonne; //=> "415.83"
 * ```
 */
export function carbonValue(year: number, options: CarbonValueOptions = {}): ResolvedCarbonValue {
  const series = options.series ?? DESNZ_CARBON_VALUES;
  const scenario = options.scenario ?? "central";
  const path = options.path ?? [];
  const priceYear = options.priceYear ?? series.priceYear;
  const { value, assumption } = centralValue(series, year, options.rule ?? {}, path);
  const seriesValue = value.times(scenarioMultiplier(series, scenario));
  let ratio = new Dec(1);
  const assumptions: string[] = assumption === undefined ? [] : [assumption];
  if (priceYear !== series.priceYear) {
    if (options.priceIndex === undefined) {
      throw new VbpInputError([
        {
          code: "invalid_value",
          path: [...path, "priceIndex"],
          message: `carbon values are in ${series.priceYear} prices; re-basing to ${priceYear} needs a price index (e.g. the GDP deflator) covering both years`,
        },
      ]);
    }
    ratio = indexRatio(options.priceIndex, series.priceYear, priceYear, [...path, "priceIndex"]);
    assumptions.push(`carbon values re-based from ${series.priceYear} to ${priceYear} prices with index "${options.priceIndex.id}" (ratio ${decString(ratio)})`);
  }
  return Object.freeze({
    year,
    scenario,
    valuePerTonne: decString(seriesValue.times(ratio)),
    currency: series.currency,
    priceYear,
    seriesValuePerTonne: decString(seriesValue),
    seriesPriceYear: series.priceYear,
    rebaseRatio: decString(ratio),
    seriesId: series.id,
    source: series.source,
    assumptions: Object.freeze(assumptions),
  });
}
