/**
 * Stage 1c, carbon: the product footprint of every option (carbon module, typed input), and, when the
 * document asks, carbon monetised with the DESNZ values for appraisal.
 *
 * Monetised carbon is restated in the evaluation's price year (the year of `priceBaseDate`) before it is added
 * to costs in that year's prices: the carbon values' own price year (DESNZ: 2022) is re-based with the
 * document's deflator (default: HM Treasury GDP deflators), never mixed in silently; the result records the
 * factor and the index. (The deflator's coverage of both years is checked while validating.)
 *
 * Monetisation: the carbon value of each year (£/tCO2e, with any re-basing and the module's assumptions)
 * is looked up once for the run through `monetiseCarbon`; each option's present value is then
 * `Σ_y round₂₀(round₂₀(kg_y ÷ 1000 × value_y) × DF_y)`, the module's own line formula, with kg_y = pathway
 * kg per patient × patients a year + the product's kg in year y, and DF_y the cost schedule's factor.
 *
 * @internal
 * @module
 */
import { decString, Dec, LEDGER_SCALE } from "../../_lib/decimal.js";
import { carbonFootprintParsed, type CarbonFootprintResult, type CarbonOptionFigures } from "../../sustainability/carbonFootprint.js";
import { monetiseParsedCarbon } from "../../sustainability/monetiseCarbon.js";
import type { CarbonMonetisationInput } from "../../sustainability/inputTypes.js";
import type { OptionResult } from "../../pathway/types.js";
import type { EvaluationDocument } from "../document.js";
import type { EvaluationReferenceData } from "../result.js";
import { HMT_GDP_DEFLATORS, rebaseFactor } from "../../reference/deflators.js";
import { DESNZ_CARBON_VALUES } from "../../sustainability/carbonValues.js";
import type { PriceIndexSeries } from "../../time/indexation.js";
import { buildCarbonInput } from "./assemble.js";
import { addLedger, fixedOf, ledgerQuotient, plusLedger, timesToLedger, type Fixed } from "../../_lib/fixed.js";
import type { EvaluationContext } from "./context.js";

/** Per document option (in ledger units), and what the run recorded. */
export interface CarbonStage {
  readonly footprint: CarbonFootprintResult;
  readonly productKgPerPatient: readonly bigint[];
  readonly productKgTotal: readonly bigint[];
  /** Monetised carbon per patient (none without carbon valuation: every entry absent). */
  readonly costPerPatient: readonly (bigint | undefined)[];
  /** Present value of the monetised carbon of the whole population (none without carbon valuation: every entry absent). */
  readonly presentValue: readonly (bigint | undefined)[];
  readonly carbonValues?: EvaluationReferenceData["carbonValues"];
  readonly assumptions: readonly string[];
}

/**
 * `ledgerLines: false` (a run that shows no carbon ledger): each option's footprint without its ledger lines;
 * `footprints: false` (a run that shows no stage results): the footprint without its per-option results.
 */
export function carbonStage(doc: EvaluationDocument, ctx: EvaluationContext, pathway: readonly OptionResult[], ledgerLines = true, footprints = true): CarbonStage {
  const productKgPerPatient: bigint[] = [];
  const productKgTotal: bigint[] = [];
  // Each option's figures are read as the footprint gives them (none is kept past its option).
  const product = (i: number, f: CarbonOptionFigures): void => {
    productKgPerPatient[i] = f.perPatient ?? 0n;
    productKgTotal[i] = f.total;
  };
  const valuation = doc.carbonValuation;
  if (valuation === undefined) {
    const footprint = carbonFootprintParsed(buildCarbonInput(doc), ledgerLines, product, footprints);
    return { footprint, productKgPerPatient, productKgTotal, costPerPatient: [], presentValue: [], assumptions: footprint.assumptions };
  }

  // The carbon value of each year of the horizon, looked up once.
  const H = ctx.horizonYears;
  const scenario = valuation.scenario ?? "central";
  const years = Array.from({ length: H }, (_, y) => ctx.startYear + y);
  const priceYear = String(ctx.startYear);
  const priceIndex: PriceIndexSeries = (valuation.priceIndex as PriceIndexSeries | undefined) ?? HMT_GDP_DEFLATORS;
  const factor = rebaseFactor(priceIndex, DESNZ_CARBON_VALUES.priceYear, priceYear, ["carbonValuation", "priceIndex"]);
  // Built from the validated document (its price index was checked there): no second validation. The values
  // per tonne alone are read, so nothing is discounted there (each option's amounts are discounted below).
  const m = monetiseParsedCarbon({
    emissions: years.map((year) => ({ year, kgCO2e: "1000" })),
    scenarios: [scenario],
    treatment: valuation.treatment,
    priceYear,
    priceIndex,
  } as CarbonMonetisationInput);
  const lines = m.scenarios[0]?.lines ?? [];
  // The value of a kg (a tonne's ÷ 1000: the same exact digits, the point shifted), so that kg × value per kg
  // is the one rounding of kg ÷ 1000 × value per tonne.
  const valuePerKg = years.map((_, y) => fixedOf(new Dec(lines[y]?.valuePerTonne.amount ?? "0").div(1000)));
  const factors = ctx.yearFactors.map(fixedOf);
  const firstSource = lines[0]?.source;
  const carbonValues = {
    seriesId: m.seriesId,
    priceYear: m.priceYear,
    scenario,
    treatment: valuation.treatment,
    ...(firstSource !== undefined ? { source: firstSource } : {}),
    rebasing: {
      fromPriceYear: DESNZ_CARBON_VALUES.priceYear,
      toPriceYear: priceYear,
      factor,
      fromIndex: decString(new Dec(priceIndex.values[DESNZ_CARBON_VALUES.priceYear] as string | number)),
      toIndex: decString(new Dec(priceIndex.values[priceYear] as string | number)),
      indexId: priceIndex.id,
      indexLabel: priceIndex.label,
      ...(priceIndex.source !== undefined ? { indexSource: priceIndex.source } : {}),
    },
  };

  const discountedPatients = fixedOf(ctx.discountedPatients);
  const presentValue: bigint[] = [];
  const costPerPatient: bigint[] = [];
  // Options with the same effects share one pathway result: its kg a year is read once. The arithmetic is the
  // Decimal formula above step for step, in integers (each sum and product rounded as the library's Decimal
  // rounds it, see timesToLedger and addLedger), so no Decimal is made per option and year.
  const pathwayKg = new Map<OptionResult["perPatient"], Fixed>();
  const footprint = carbonFootprintParsed(buildCarbonInput(doc), ledgerLines, (i, co) => {
    product(i, co);
    const pp = (pathway[i] as OptionResult).perPatient;
    let pathwayKgYear = pathwayKg.get(pp);
    if (pathwayKgYear === undefined) pathwayKg.set(pp, (pathwayKgYear = fixedOf(new Dec(pp.carbonKg).times(ctx.patientsPerYear))));
    let pv = 0n;
    for (let y = 0; y < H; y++) {
      const product = co.byYear[y];
      const kg = product === undefined ? pathwayKgYear : plusLedger(pathwayKgYear, product);
      const amount = timesToLedger(kg, valuePerKg[y] as Fixed);
      pv = addLedger(pv, timesToLedger({ m: amount, s: LEDGER_SCALE }, factors[y] as Fixed));
    }
    presentValue[i] = pv;
    // Patients a year are positive and discount factors too, so the divisor is never 0.
    costPerPatient[i] = ledgerQuotient(pv, discountedPatients);
  }, footprints);
  const assumptions = [...footprint.assumptions];
  for (const a of m.assumptions) if (!assumptions.includes(a)) assumptions.push(a);
  return { footprint, productKgPerPatient, productKgTotal, costPerPatient, presentValue, carbonValues, assumptions };
}
