import { Dec, decString } from "../_lib/decimal.js";
import { safely, type SafeResult } from "../errors/VbpInputError.js";
import type { Source } from "../reference/source.js";
import { parseWith, safeParseWith } from "../schema/issues.js";
import { applyFactorOverrides, emissionFactor, UK_GHG_CONVERSION_FACTORS, type FactorYearRule, type ResolvedEmissionFactor } from "./emissionFactors.js";
import type { CarbonInput, CarbonInputDocument } from "./inputTypes.js";
import { CARBON_STAGES, getCarbonInputSchema } from "./schemas.js";
import { addLedger, fixedOf, fixedString, ledgerQuotient, timesToLedger, type Fixed } from "../_lib/fixed.js";


/** A line's factor fields when it has none to add. */
const NO_EXTRA = Object.freeze({});

/**
 * Lifecycle stage of an emission: embodied (manufacture), transport, energy in use, consumables, waste and
 * disposal, or pathway activity (bed days, theatre hours, visits).
 *
 * @example
 * ```ts
 * const s: CarbonStage = "energy";
 * ```
 */
export type CarbonStage = (typeof CARBON_STAGES)[number];

/**
 * One line of the carbon ledger: one activity in one year, with its factor and where the factor came from.
 * `kgCO2e = quantity × kgCO2ePerUnit`, held at 20 decimal places; lines sum exactly to the totals.
 *
 * @example
 * ```ts
 * const line: CarbonLedgerLine = carbonFootprint(input).options[0]!.ledger[0]!;
 * ```
 */
export interface CarbonLedgerLine {
  /** Option the line belongs to. */
  readonly optionId: string;
  /** Lifecycle stage. */
  readonly stage: CarbonStage;
  /** Emission source (the line's `source`, or its id). */
  readonly source: string;
  /** Id of the input line. */
  readonly lineId: string;
  /** Calendar year of the activity. */
  readonly year: number;
  /** Quantity of activity that year (decimal string). */
  readonly quantity: string;
  /** Unit of the quantity. */
  readonly unit: string;
  /** Factor applied, kgCO2e per unit (decimal string). */
  readonly kgCO2ePerUnit: string;
  /** Library factor id, when a library or override factor was used. */
  readonly factorId?: string;
  /** Id of the factor set used (e.g. `desnz-2025`, or `caller:<id>:<year>` for an override). */
  readonly factorSetId?: string;
  /** Year of the factor set used. */
  readonly factorSetYear?: number;
  /** Where the factor comes from; absent for a caller-stated factor given without a source. */
  readonly factorSource?: Source;
  /** `"library"`, `"override"` (a caller figure replaced or extended the library) or `"stated"` (a factor given on the line). */
  readonly factorOrigin: "library" | "override" | "stated";
  /** kgCO2e for the line (decimal string, 20 decimal places at most). */
  readonly kgCO2e: string;
}

/**
 * kgCO2e of one emission source.
 *
 * @example
 * ```ts
 * const s: CarbonBySource = { source: "grid electricity", kgCO2e: "207.05" };
 * ```
 */
export interface CarbonBySource {
  /** Emission source. */
  readonly source: string;
  /** kgCO2e over the horizon. */
  readonly kgCO2e: string;
}

/**
 * kgCO2e in one calendar year.
 *
 * @example
 * ```ts
 * const y: CarbonByYear = { year: 2025, kgCO2e: "177" };
 * ```
 */
export interface CarbonByYear {
  /** Calendar year. */
  readonly year: number;
  /** kgCO2e that year. */
  readonly kgCO2e: string;
}

/**
 * One option's footprint over the horizon.
 *
 * @example
 * ```ts
 * carbonFootprint(input).options[0]!.totalKgCO2e;
 * ```
 */
export interface CarbonOptionResult {
  /** Option id. */
  readonly optionId: string;
  /** Option name, if given. */
  readonly label?: string;
  /** Total kgCO2e over the horizon (exact sum of the ledger). */
  readonly totalKgCO2e: string;
  /** kgCO2e by lifecycle stage (every stage present; "0" when none). */
  readonly byStage: Readonly<Record<CarbonStage, string>>;
  /** kgCO2e by emission source, in first-seen order. */
  readonly bySource: readonly CarbonBySource[];
  /** kgCO2e by year, every year of the horizon. */
  readonly byYear: readonly CarbonByYear[];
  /** Total / (patientsPerYear × horizonYears), rounded half-even to 20 decimal places; absent without a patient volume > 0. */
  readonly perPatientKgCO2e?: string;
  /** Total / (usesPerYear × horizonYears), rounded half-even to 20 decimal places; absent without a use volume > 0. */
  readonly perUseKgCO2e?: string;
  /** Every line, in stage, line and year order. */
  readonly ledger: readonly CarbonLedgerLine[];
}

/**
 * A library or override factor the evaluation used, once per factor and activity year.
 *
 * @example
 * ```ts
 * carbonFootprint(input).factorsUsed.map((f) => `${f.factorId}@${f.year}: ${f.kgCO2ePerUnit}`);
 * ```
 */
export interface CarbonFactorUsed {
  /** Factor id. */
  readonly factorId: string;
  /** Activity year. */
  readonly year: number;
  /** Year of the set used. */
  readonly setYear: number;
  /** Set id. */
  readonly setId: string;
  /** kgCO2e per unit. */
  readonly kgCO2ePerUnit: string;
  /** Unit. */
  readonly unit: string;
  /** Rule that chose the set. */
  readonly rule: FactorYearRule;
  /** Whether the figure is a caller override rather than bundled data. */
  readonly overridden: boolean;
  /** Where the figure comes from. */
  readonly source: Source;
}

/**
 * A caller factor supplied under `factors`, as recorded in the result.
 *
 * @example
 * ```ts
 * carbonFootprint(input).overrides[0]?.replacedBundled; // true when it replaced a DESNZ figure
 * ```
 */
export interface CarbonFactorOverrideRecord {
  /** Factor id. */
  readonly factorId: string;
  /** Activity year it applies to. */
  readonly year: number;
  /** kgCO2e per unit. */
  readonly kgCO2ePerUnit: string;
  /** Whether it replaced a bundled figure (otherwise it added a new factor or year). */
  readonly replacedBundled: boolean;
  /** Where the caller's figure comes from. */
  readonly source: Source;
}

/**
 * Carbon footprints of every option, with the factors used, caller overrides and assumptions.
 *
 * @example
 * ```ts
 * const r: CarbonFootprintResult = carbonFootprint(input);
 * ```
 */
export interface CarbonFootprintResult {
  /** First calendar year of the horizon. */
  readonly startYear: number;
  /** Years evaluated. */
  readonly horizonYears: number;
  /** Rule used for activity years without a factor set. */
  readonly factorYearRule: FactorYearRule;
  /** One result per option, in input order. */
  readonly options: readonly CarbonOptionResult[];
  /** Library and override factors used, by factor and activity year. */
  readonly factorsUsed: readonly CarbonFactorUsed[];
  /** Caller factors supplied. */
  readonly overrides: readonly CarbonFactorOverrideRecord[];
  /** Plain statements of every assumption (factor year fallbacks, overrides). */
  readonly assumptions: readonly string[];
}

/**
 * Validates a carbon footprint request; throws VbpInputError naming every problem with its path.
 *
 * @example
 * ```ts
 * parseCarbonInput({ startYear: 2025, horizonYears: 0, options: [] }); // throws: horizonYears: must be ≥ 1 ...
 * ```
 */
export function parseCarbonInput(input: unknown): CarbonInput {
  return parseWith(getCarbonInputSchema(), input);
}

/**
 * Validates a carbon footprint request without throwing.
 *
 * @example
 * ```ts
 * const r = safeParseCarbonInput(json);
 * if (!r.success) console.log(r.error.issues);
 * ```
 */
export function safeParseCarbonInput(input: unknown): SafeResult<CarbonInput> {
  return safeParseWith(getCarbonInputSchema(), input);
}

/**
 * Carbon footprint (kgCO2e) of each option over a horizon, by lifecycle stage, source and year, with a ledger
 * that sums exactly to the totals.
 *
 * Each line: `kgCO2e = quantity(year) × factor(year)`, where quantity is perYear, perUse × usesPerYear,
 * perPatient × patientsPerYear, or once (embodied units repeat every serviceLifeYears: replacements), and a
 * library factor is taken from the conversion-factor set for the year the activity happens (DESNZ guidance:
 * factors labelled 2025 are for activity in 2025). So energy over 2025–2034 uses the 2025, 2026, ... sets,
 * under the chosen {@link FactorYearRule} for years no set covers.
 *
 * @throws VbpInputError for invalid input: negative quantities, unknown factor ids, unit mismatches, a year
 *   no factor set covers without a rule
 * @example
 * ```ts
 * const r = carbonFootprint({ startYear: 2024, horizonYears: 2, options: [{ id: "scanner",
 *   energy: [{ id: "power", source: "grid electricity", quantity: { perYear: 1000 }, unit: "kWh", factor: { factorId: "uk-electricity-generation" } }] }] });
 * r.options[0]!.byYear; //=> [{ year: 2024, kgCO2e: "207.05" }, { year: 2025, kgCO2e: "177" }]
 * r.options[0]!.totalKgCO2e; //=> "384.05"
 * ```
 */
export function carbonFootprint(input: CarbonInputDocument): CarbonFootprintResult {
  return carbonFootprintParsed(parseCarbonInput(input));
}

/** @internal One option's exact totals (kgCO2e), as {@link carbonFootprintParsed} hands them to its caller. */
export interface CarbonOptionFigures {
  /** Total, in ledger units (10^−20 kg). */
  readonly total: bigint;
  /** Per patient, in ledger units, when the option has a patient volume above 0. */
  readonly perPatient: bigint | undefined;
  /** By year of the horizon (index 0: the start year), in ledger units. */
  readonly byYear: readonly bigint[];
}

/**
 * @internal {@link carbonFootprint} on an input already validated by `carbonInputSchema` (no schema pass).
 * `lines: false` leaves every option's ledger empty (the totals are the same: they are summed as the lines
 * are made, in their order), for callers that do not show the ledger. `onFigures` hears each option's exact
 * totals; with `options: false` the per-option results are not written at all (their list is empty), for
 * a caller that reads those figures alone.
 */
export function carbonFootprintParsed(doc: CarbonInput, lines = true, onFigures?: (optionIndex: number, figures: CarbonOptionFigures) => void, options = true): CarbonFootprintResult {
  const rule: FactorYearRule = doc.factorYearRule ?? "exact";
  const overrides = (doc.factors ?? []).map((f) => ({
    factorId: f.factorId,
    year: f.year,
    kgCO2ePerUnit: f.kgCO2ePerUnit,
    unit: f.unit,
    source: f.source as Source,
    ...(f.label !== undefined ? { label: f.label } : {}),
  }));
  const merged = applyFactorOverrides(UK_GHG_CONVERSION_FACTORS, overrides);
  const resolved = new Map<string, { factor: ResolvedEmissionFactor; dec: Dec; extra: Pick<CarbonLedgerLine, "factorId" | "factorSetId" | "factorSetYear" | "factorSource"> }>();
  const assumptions: string[] = [];
  const noteAssumption = (a: string) => {
    if (!assumptions.includes(a)) assumptions.push(a);
  };
  const overrideRecords: CarbonFactorOverrideRecord[] = overrides.map((o, i) => {
    const replacedBundled = merged.replaced[i] === true;
    noteAssumption(
      `caller factor "${o.factorId}" for ${o.year} (${o.kgCO2ePerUnit} kgCO2e per ${o.unit}, ${o.source.publisher}) ${replacedBundled ? "replaces the bundled figure" : "added"}`,
    );
    return Object.freeze({ factorId: o.factorId, year: o.year, kgCO2ePerUnit: o.kgCO2ePerUnit, replacedBundled, source: o.source });
  });

  const years: number[] = [];
  for (let k = 0; k < doc.horizonYears; k++) years.push(doc.startYear + k);
  const endYear = doc.startYear + doc.horizonYears - 1;

  // Options share most quantities, volumes and factors: each distinct one is read once, and each product of a
  // quantity and a factor is made once.
  const decs = new Map<string, Dec>();
  const decOf = (text: string): Dec => {
    let d = decs.get(text);
    if (d === undefined) decs.set(text, (d = new Dec(text)));
    return d;
  };
  // Products by their two factors, each made once: quantities (quantity × volume), and kg (a line's quantity ×
  // factor, held at the ledger scale: in ledger units, 10^−20 kg, so that totals are sums of integers, each
  // sum kept as the library's Decimal keeps it, see addLedger).
  const quantities = new Map<Dec, Map<Dec, Dec>>();
  const kgs = new Map<Dec, Map<Dec, bigint>>();
  const quantityOf = (a: Dec, b: Dec): Dec => {
    let byB = quantities.get(a);
    if (byB === undefined) quantities.set(a, (byB = new Map()));
    let r = byB.get(b);
    if (r === undefined) byB.set(b, (r = a.times(b)));
    return r;
  };
  const kgOf = (a: Dec, b: Dec): bigint => {
    let byB = kgs.get(a);
    if (byB === undefined) kgs.set(a, (byB = new Map()));
    let r = byB.get(b);
    if (r === undefined) byB.set(b, (r = timesToLedger(fixedOf(a), fixedOf(b))));
    return r;
  };
  // Volume × horizon years, the divisor of a per-patient or per-use figure, once per distinct volume; and the
  // quotient once per distinct total (options share most footprints).
  const horizonVolumes = new Map<Dec, { divisor: Fixed; quotients: Map<bigint, bigint> }>();
  const results: CarbonOptionResult[] = [];
  doc.options.forEach((opt, oi) => {
    const ledger: CarbonLedgerLine[] | undefined = options && lines ? [] : undefined;
    // Totals are exact sums of the ledger lines (each held at LEDGER_SCALE), added in the ledger's order.
    let total = 0n;
    // The totals by stage and source are made only when the option's result is written.
    const byStage = options ? (Object.fromEntries(CARBON_STAGES.map((s) => [s, 0n])) as Record<CarbonStage, bigint>) : undefined;
    const bySource = options ? new Map<string, bigint>() : undefined;
    // Grown by push: a packed array whichever way V8 runs this line (what the carbon stage's loop reads has one shape).
    const byYear: bigint[] = [];
    for (let y = 0; y < years.length; y++) byYear.push(0n);
    const uses = opt.usesPerYear !== undefined ? decOf(opt.usesPerYear) : undefined;
    const patients = opt.patientsPerYear !== undefined ? decOf(opt.patientsPerYear) : undefined;
    for (const stage of CARBON_STAGES) {
      (opt[stage] ?? []).forEach((item, li) => {
        const q = item.quantity;
        const source = item.source ?? item.id;
        // Parse each distinct quantity and factor once; a line's years usually share both.
        const statedFactor = "factorId" in item.factor ? undefined : { text: item.factor.kgCO2ePerUnit, dec: decOf(item.factor.kgCO2ePerUnit), extra: item.factor.source !== undefined && ledger !== undefined ? { factorSource: { ...(item.factor.source as Source) } } : NO_EXTRA };
        let lastQty: Dec | undefined;
        let lastQtyText = "";
        const line = (year: number, quantity: Dec): void => {
          let factor: string;
          let factorDec: Dec;
          let extra: Partial<Pick<CarbonLedgerLine, "factorId" | "factorSetId" | "factorSetYear" | "factorSource">>;
          let origin: CarbonLedgerLine["factorOrigin"];
          if (statedFactor === undefined && "factorId" in item.factor) {
            const key = `${item.factor.factorId}@${year}`;
            let r = resolved.get(key);
            if (r === undefined) {
              const f = emissionFactor(item.factor.factorId, year, { sets: merged.sets, rule, path: ["options", oi, stage, li, "factor"] });
              r = { factor: f, dec: new Dec(f.kgCO2ePerUnit), extra: { factorId: f.factorId, factorSetId: f.setId, factorSetYear: f.setYear, factorSource: f.source } };
              resolved.set(key, r);
              if (f.assumption !== undefined) noteAssumption(f.assumption);
            }
            factor = r.factor.kgCO2ePerUnit;
            factorDec = r.dec;
            origin = r.factor.setId.startsWith("caller:") ? "override" : "library";
            extra = r.extra;
          } else {
            factor = statedFactor!.text;
            factorDec = statedFactor!.dec;
            origin = "stated";
            // The item's source, as a copy of its own (the input's objects are never part of a result).
            extra = statedFactor!.extra;
          }
          const kg = kgOf(quantity, factorDec);
          total = addLedger(total, kg);
          byYear[year - doc.startYear] = addLedger(byYear[year - doc.startYear]!, kg);
          if (byStage === undefined || bySource === undefined) return;
          byStage[stage] = addLedger(byStage[stage], kg);
          bySource.set(source, addLedger(bySource.get(source) ?? 0n, kg));
          if (ledger === undefined) return;
          if (lastQty === undefined || !lastQty.eq(quantity)) {
            lastQty = quantity;
            lastQtyText = decString(quantity);
          }
          ledger.push(
            Object.freeze({
              optionId: opt.id,
              stage,
              source,
              lineId: item.id,
              year,
              quantity: lastQtyText,
              unit: item.unit,
              kgCO2ePerUnit: factor,
              ...extra,
              factorOrigin: origin,
              kgCO2e: fixedString(kg),
            }),
          );
        };
        // One quantity for every year of the line (the same value each year), or purchases in given years.
        let yearly: Dec | undefined;
        if ("perYear" in q) yearly = decOf(q.perYear);
        else if ("perUse" in q) yearly = quantityOf(decOf(q.perUse), uses!);
        else if ("perPatient" in q) yearly = quantityOf(decOf(q.perPatient), patients!);
        else {
          const first = q.year ?? doc.startYear;
          const life: number | undefined = "serviceLifeYears" in item ? (item.serviceLifeYears as number | undefined) : undefined;
          const once = decOf(q.once);
          // Replacements: the same purchase again every service life while still inside the horizon.
          for (let y = first; y <= endYear; y += life ?? Number.POSITIVE_INFINITY) line(y, once);
        }
        if (yearly !== undefined) for (const y of years) line(y, yearly);
      });
    }
    const perUnit = (volume: Dec | undefined): bigint | undefined => {
      if (volume === undefined || volume.lte(0)) return undefined;
      let v = horizonVolumes.get(volume);
      if (v === undefined) horizonVolumes.set(volume, (v = { divisor: fixedOf(volume.times(doc.horizonYears)), quotients: new Map() }));
      let q = v.quotients.get(total);
      if (q === undefined) v.quotients.set(total, (q = ledgerQuotient(total, v.divisor)));
      return q;
    };
    const perPatient = perUnit(patients);
    onFigures?.(oi, { total, perPatient, byYear });
    if (!options) return;
    const perUse = perUnit(uses);
    results.push(
      Object.freeze({
        optionId: opt.id,
        ...(opt.label !== undefined ? { label: opt.label } : {}),
        totalKgCO2e: fixedString(total),
        byStage: Object.freeze(Object.fromEntries(CARBON_STAGES.map((s) => [s, fixedString(byStage![s])])) as Record<CarbonStage, string>),
        bySource: Object.freeze([...bySource!].map(([source, kg]) => Object.freeze({ source, kgCO2e: fixedString(kg) }))),
        byYear: Object.freeze(byYear.map((kg, y) => Object.freeze({ year: doc.startYear + y, kgCO2e: fixedString(kg) }))),
        ...(perPatient !== undefined ? { perPatientKgCO2e: fixedString(perPatient) } : {}),
        ...(perUse !== undefined ? { perUseKgCO2e: fixedString(perUse) } : {}),
        ledger: Object.freeze(ledger ?? []),
      }),
    );
  });

  const factorsUsed = [...resolved.values()]
    .map((x) => x.factor)
    .sort((a, b) => (a.factorId === b.factorId ? a.year - b.year : a.factorId < b.factorId ? -1 : 1))
    .map((r) =>
      Object.freeze({
        factorId: r.factorId,
        year: r.year,
        setYear: r.setYear,
        setId: r.setId,
        kgCO2ePerUnit: r.kgCO2ePerUnit,
        unit: r.unit,
        rule: r.rule,
        overridden: r.setId.startsWith("caller:"),
        source: r.source,
      }),
    );

  return Object.freeze({
    startYear: doc.startYear,
    horizonYears: doc.horizonYears,
    factorYearRule: rule,
    options: Object.freeze(results),
    factorsUsed: Object.freeze(factorsUsed),
    overrides: Object.freeze(overrideRecords),
    assumptions: Object.freeze(assumptions),
  });
}

/**
 * {@link carbonFootprint} that returns the issues instead of throwing for bad input.
 *
 * @example
 * ```ts
 * const r = safeCarbonFootprint(json);
 * if (r.success) show(r.data.options); else show(r.error.issues);
 * ```
 */
export function safeCarbonFootprint(input: unknown): SafeResult<CarbonFootprintResult> {
  return safely(() => carbonFootprint(input as CarbonInputDocument));
}
