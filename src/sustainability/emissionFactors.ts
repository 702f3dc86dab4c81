import { VbpInputError } from "../errors/VbpInputError.js";
import type { VbpPath } from "../errors/issue.js";
import type { Source } from "../reference/source.js";
import { DESNZ_GHG_FACTORS_2022, DESNZ_GHG_FACTORS_2023, DESNZ_GHG_FACTORS_2024, DESNZ_GHG_FACTORS_2025 } from "./sources.js";

/**
 * One emission factor within a factor set: kgCO2e per unit of activity.
 *
 * @example
 * ```ts
 * const f: EmissionFactorEntry = { label: "UK grid electricity (generation)", unit: "kWh", kgCO2ePerUnit: "0.20705" };
 * ```
 */
export interface EmissionFactorEntry {
  /** What the factor converts. */
  readonly label: string;
  /** Unit of activity the factor is per (kWh, m³, tonne-km, tonne, ...). */
  readonly unit: string;
  /** kgCO2e per unit of activity, as a decimal string. */
  readonly kgCO2ePerUnit: string;
  /** Anything a reader needs to apply the factor correctly (scope, basis). */
  readonly note?: string;
}

/**
 * A versioned set of emission factors: the factors published for one calendar year, with their source.
 * The UK conversion factors are labelled by year; the set for year Y is used for activity in year Y.
 *
 * @example
 * ```ts
 * const mine: EmissionFactorSet = { id: "my-2026", year: 2026, source: { publisher: "Trust", title: "Local factors", publishedOn: "2026-01-05" },
 *   factors: { "uk-electricity-generation": { label: "Grid electricity", unit: "kWh", kgCO2ePerUnit: "0.15" } } };
 * ```
 */
export interface EmissionFactorSet {
  /** Identifier recorded with results, e.g. `"desnz-2024"`. */
  readonly id: string;
  /** Calendar year of activity the set applies to. */
  readonly year: number;
  /** Where the set comes from. */
  readonly source: Source;
  /** Factors by factor id. */
  readonly factors: Readonly<Record<string, EmissionFactorEntry>>;
}

const ELEC_GEN = "UK grid electricity, generation (Scope 2, location-based)";
const ELEC_TD = "UK grid electricity, transmission and distribution losses (Scope 3)";
const GAS = "Natural gas, kWh gross calorific value (Scope 1)";
const WATER = "Water supply (Scope 3)";

/**
 * UK Government GHG conversion factors for company reporting (DESNZ, formerly BEIS/Defra), the figures this
 * library ships, by set year. Only figures that could be checked against a citable source are included;
 * everything else (freight per tonne-km, waste routes, supplier-specific factors) is supplied by the caller.
 *
 * Factor ids:
 * - `uk-electricity-generation` (kWh): 2022 0.19338, 2023 0.20707, 2024 0.20705, 2025 0.177
 * - `uk-electricity-td-losses` (kWh): 2022 0.01769, 2023 0.01792
 * - `natural-gas-kwh-gross` (kWh, gross CV): 2022 0.18254, 2023 0.18293
 * - `water-supply` (m³): 2024 0.15311, 2025 0.17088
 *
 * @example
 * ```ts
 * UK_GHG_CONVERSION_FACTORS.find((s) => s.year === 2024)?.factors["uk-electricity-generation"]?.kgCO2ePerUnit; //=> "0.20705"
 * ```
 */
export const UK_GHG_CONVERSION_FACTORS: readonly EmissionFactorSet[] = Object.freeze([
  Object.freeze({
    id: "desnz-2022",
    year: 2022,
    source: DESNZ_GHG_FACTORS_2022,
    factors: Object.freeze({
      "uk-electricity-generation": Object.freeze({ label: ELEC_GEN, unit: "kWh", kgCO2ePerUnit: "0.19338" }),
      "uk-electricity-td-losses": Object.freeze({ label: ELEC_TD, unit: "kWh", kgCO2ePerUnit: "0.01769" }),
      "natural-gas-kwh-gross": Object.freeze({ label: GAS, unit: "kWh", kgCO2ePerUnit: "0.18254" }),
    }),
  }),
  Object.freeze({
    id: "desnz-2023",
    year: 2023,
    source: DESNZ_GHG_FACTORS_2023,
    factors: Object.freeze({
      "uk-electricity-generation": Object.freeze({ label: ELEC_GEN, unit: "kWh", kgCO2ePerUnit: "0.20707" }),
      "uk-electricity-td-losses": Object.freeze({ label: ELEC_TD, unit: "kWh", kgCO2ePerUnit: "0.01792" }),
      "natural-gas-kwh-gross": Object.freeze({ label: GAS, unit: "kWh", kgCO2ePerUnit: "0.18293" }),
    }),
  }),
  Object.freeze({
    id: "desnz-2024",
    year: 2024,
    source: DESNZ_GHG_FACTORS_2024,
    factors: Object.freeze({
      "uk-electricity-generation": Object.freeze({ label: ELEC_GEN, unit: "kWh", kgCO2ePerUnit: "0.20705" }),
      "water-supply": Object.freeze({ label: WATER, unit: "m³", kgCO2ePerUnit: "0.15311" }),
    }),
  }),
  Object.freeze({
    id: "desnz-2025",
    year: 2025,
    source: DESNZ_GHG_FACTORS_2025,
    factors: Object.freeze({
      "uk-electricity-generation": Object.freeze({ label: ELEC_GEN, unit: "kWh", kgCO2ePerUnit: "0.177" }),
      "water-supply": Object.freeze({ label: WATER, unit: "m³", kgCO2ePerUnit: "0.17088" }),
    }),
  }),
] as const satisfies readonly EmissionFactorSet[]);

/**
 * What to do when no factor set covers the year an activity happens in.
 *
 * - `"exact"` (default): an error naming the factor, the year and the years available.
 * - `"latest-available"`: use the most recent set at or before the year (years before the first set are
 *   still an error). Recorded in the result as an assumption.
 * - `"nearest"`: use the set nearest in time (the earlier on a tie). Recorded as an assumption.
 *
 * @example
 * ```ts
 * const rule: FactorYearRule = "latest-available";
 * ```
 */
export type FactorYearRule = "exact" | "latest-available" | "nearest";

/**
 * A factor resolved for the year an activity happens in: the value, the set it came from, and any assumption
 * the lookup rule made.
 *
 * @example
 * ```ts
 * const r: ResolvedEmissionFactor = emissionFactor("uk-electricity-generation", 2024);
 * r.kgCO2ePerUnit; //=> "0.20705"
 * ```
 */
export interface ResolvedEmissionFactor {
  /** The factor id looked up. */
  readonly factorId: string;
  /** The year of activity asked for. */
  readonly year: number;
  /** The year of the set actually used. */
  readonly setYear: number;
  /** The id of the set used. */
  readonly setId: string;
  /** kgCO2e per unit, as a decimal string. */
  readonly kgCO2ePerUnit: string;
  /** Unit of activity. */
  readonly unit: string;
  /** What the factor converts. */
  readonly label: string;
  /** Where the factor comes from. */
  readonly source: Source;
  /** The rule that chose the set (`"exact"` when the set's year is the activity year). */
  readonly rule: FactorYearRule;
  /** Plain statement of the assumption made when the set's year is not the activity year. */
  readonly assumption?: string;
}

/**
 * Options for {@link emissionFactor}.
 *
 * @example
 * ```ts
 * const opts: EmissionFactorOptions = { rule: "latest-available" };
 * ```
 */
export interface EmissionFactorOptions {
  /** Factor sets to search (default {@link UK_GHG_CONVERSION_FACTORS}). */
  readonly sets?: readonly EmissionFactorSet[];
  /** What to do for a year no set covers (default `"exact"`). */
  readonly rule?: FactorYearRule;
  /** Where the request sits in the caller's document, for error paths. */
  readonly path?: VbpPath;
}

/**
 * The emission factor for the year an activity happens in: the UK conversion factors are published per
 * calendar year, and the set for year Y applies to activity in year Y (DESNZ guidance). A year outside the
 * data is an error unless a {@link FactorYearRule} says otherwise; the rule's choice is recorded.
 *
 * @param factorId - e.g. `"uk-electricity-generation"`
 * @param year - calendar year of the activity
 * @throws VbpInputError (`unknown_reference`) for an unknown factor id or a year no set covers under the rule
 * @example
 * ```ts
 * emissionFactor("uk-electricity-generation", 2025).kgCO2ePerUnit; //=> "0.177"
 * emissionFactor("uk-electricity-generation", 2027, { rule: "latest-available" }).setYear; //=> 2025
 * ```
 */
export function emissionFactor(factorId: string, year: number, options: EmissionFactorOptions = {}): ResolvedEmissionFactor {
  const sets: readonly EmissionFactorSet[] = options.sets ?? UK_GHG_CONVERSION_FACTORS;
  const rule = options.rule ?? "exact";
  const path = options.path ?? [];
  const having = sets.filter((s) => Object.prototype.hasOwnProperty.call(s.factors, factorId)).sort((a, b) => a.year - b.year);
  if (having.length === 0) {
    const known = [...new Set(sets.flatMap((s) => Object.keys(s.factors)))].sort();
    throw new VbpInputError([
      { code: "unknown_reference", path: [...path, "factorId"], message: `unknown emission factor "${factorId}" (known: ${known.join(", ") || "none"})` },
    ]);
  }
  const years = having.map((s) => s.year);
  let chosen = having.find((s) => s.year === year);
  let used: FactorYearRule = "exact";
  if (chosen === undefined && rule === "latest-available") {
    const before = having.filter((s) => s.year <= year);
    chosen = before[before.length - 1];
    used = "latest-available";
  } else if (chosen === undefined && rule === "nearest") {
    chosen = having.reduce((best, s) => (Math.abs(s.year - year) < Math.abs(best.year - year) ? s : best));
    used = "nearest";
  }
  if (chosen === undefined) {
    const hint = rule === "exact" ? '; set a year rule ("latest-available" or "nearest") or supply a factor for that year' : "";
    throw new VbpInputError([
      {
        code: "unknown_reference",
        path: [...path, "factorId"],
        message: `no "${factorId}" factor for ${year} under rule "${rule}" (sets available for ${years.join(", ")})${hint}`,
      },
    ]);
  }
  const entry = chosen.factors[factorId]!;
  const base = {
    factorId,
    year,
    setYear: chosen.year,
    setId: chosen.id,
    kgCO2ePerUnit: entry.kgCO2ePerUnit,
    unit: entry.unit,
    label: entry.label,
    source: chosen.source,
    rule: used,
  };
  if (chosen.year === year) return Object.freeze({ ...base, rule: "exact" as const });
  return Object.freeze({
    ...base,
    assumption: `"${factorId}" for activity in ${year}: used the ${chosen.year} set (${chosen.id}) under rule "${used}"; no set for ${year} (sets: ${years.join(", ")})`,
  });
}

/**
 * A caller's own factor: replaces a bundled factor for that set year, or adds a new factor id or year.
 *
 * @example
 * ```ts
 * const o: EmissionFactorOverride = { factorId: "hgv-average-laden", year: 2025, kgCO2ePerUnit: "0.1", unit: "tonne-km",
 *   source: { publisher: "Carrier", title: "Declared factor", publishedOn: "2025-03-01" } };
 * ```
 */
export interface EmissionFactorOverride {
  /** Factor id (an existing id replaces the bundled value for that year). */
  readonly factorId: string;
  /** Calendar year the factor applies to. */
  readonly year: number;
  /** kgCO2e per unit, as a decimal string. */
  readonly kgCO2ePerUnit: string;
  /** Unit of activity. */
  readonly unit: string;
  /** What the factor converts (defaults to the factor id). */
  readonly label?: string;
  /** Where the factor comes from. */
  readonly source: Source;
}

/** @internal Applies overrides to sets; returns new sets (inputs untouched) and which overrides replaced a bundled figure. */
export function applyFactorOverrides(
  sets: readonly EmissionFactorSet[],
  overrides: readonly EmissionFactorOverride[],
): { readonly sets: readonly EmissionFactorSet[]; readonly replaced: readonly boolean[] } {
  const replaced: boolean[] = [];
  let out: EmissionFactorSet[] = [...sets];
  for (const o of overrides) {
    const entry: EmissionFactorEntry = { label: o.label ?? o.factorId, unit: o.unit, kgCO2ePerUnit: o.kgCO2ePerUnit, note: "caller override" };
    // A caller's figure forms its own one-factor set so that the ledger cites the caller's source, not DESNZ's.
    const own: EmissionFactorSet = { id: `caller:${o.factorId}:${o.year}`, year: o.year, source: o.source, factors: { [o.factorId]: entry } };
    let didReplace = false;
    out = out.map((s) => {
      if (s.year !== o.year || !Object.prototype.hasOwnProperty.call(s.factors, o.factorId)) return s;
      didReplace = true;
      const rest: Record<string, EmissionFactorEntry> = {};
      for (const [k, v] of Object.entries(s.factors)) if (k !== o.factorId) rest[k] = v;
      return { ...s, factors: rest };
    });
    out.push(own);
    replaced.push(didReplace);
  }
  return { sets: out, replaced };
}
