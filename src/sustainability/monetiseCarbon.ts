import { Dec, decString, toLedgerScale } from "../_lib/decimal.js";
import { safely, VbpInputError, type SafeResult } from "../errors/VbpInputError.js";
import { computedMoney, money, type Money } from "../money/money.js";
import type { Source } from "../reference/source.js";
import { parseWith } from "../schema/issues.js";
import { resolveDiscountTiming } from "../schema/resolve.js";
import { compileSchedule, factorAt, periodTime, type CompiledSchedule } from "../time/discount.js";
import type { PriceIndexSeries } from "../time/indexation.js";
import type { DiscountSchedule } from "../time/schedules.js";
import { carbonValue, DESNZ_CARBON_VALUES, type CarbonValueRule, type CarbonValueScenario, type CarbonValueSeries } from "./carbonValues.js";
import type { CarbonMonetisationInput, CarbonMonetisationInputDocument } from "./inputTypes.js";
import { getCarbonMonetisationInputSchema } from "./schemas.js";

/**
 * One year's monetised emissions: a cash-flow line that whole-life costing can add as a priced externality
 * (EU 2014/24 Art. 68(1)(b)), or that scoring can use as its own criterion.
 *
 * @example
 * ```ts
 * const line: CarbonCashFlowLine = carbonExternalityCashFlows({ emissions: [{ year: 2026, kgCO2e: 1000 }] })[0]!;
 * line.amount; //=> { amount: "277.22", currency: "GBP" }
 * ```
 */
export interface CarbonCashFlowLine {
  /** Calendar year of emission (and of the cash flow). */
  readonly year: number;
  /** kgCO2e that year. */
  readonly kgCO2e: string;
  /** Carbon value scenario. */
  readonly scenario: CarbonValueScenario;
  /** Carbon value per tCO2e, in the evaluation's price year. */
  readonly valuePerTonne: Money;
  /** kgCO2e / 1000 × valuePerTonne, undiscounted, in the evaluation's price year (20 decimal places at most). */
  readonly amount: Money;
  /** Discount factor applied, when discounting was asked for. */
  readonly discountFactor?: string;
  /** amount × discountFactor, when discounting was asked for. */
  readonly presentValue?: Money;
  /** Price year of the amounts. */
  readonly priceYear: string;
  /** Where the carbon value comes from. */
  readonly source: Source;
  /** Plain description, e.g. "Carbon externality 2026 (central)". */
  readonly label: string;
}

/**
 * Monetised emissions under one carbon value scenario.
 *
 * @example
 * ```ts
 * monetiseCarbon({ emissions: [{ year: 2026, kgCO2e: 1000 }] }).scenarios[0]!.total.amount; //=> "277.22"
 * ```
 */
export interface MonetisedCarbonScenario {
  /** Scenario. */
  readonly scenario: CarbonValueScenario;
  /** One line per emission year, in input order. */
  readonly lines: readonly CarbonCashFlowLine[];
  /** Sum of line amounts (exact). */
  readonly total: Money;
  /** Sum of line present values (exact), when discounting was asked for. */
  readonly totalPresentValue?: Money;
}

/**
 * Monetised carbon for every requested scenario, with the data used and assumptions.
 *
 * @example
 * ```ts
 * const m: MonetisedCarbon = monetiseCarbon({ emissions: [{ year: 2030, kgCO2e: 2000 }] });
 * ```
 */
export interface MonetisedCarbon {
  /** Carbon value series id. */
  readonly seriesId: string;
  /** Price year of every amount. */
  readonly priceYear: string;
  /** Currency of every amount. */
  readonly currency: string;
  /** How the buyer uses the value (recorded from the input; default "externality"). */
  readonly treatment: "externality" | "criterion";
  /** Discount schedule id, when discounting was asked for. */
  readonly discountScheduleId?: string;
  /** Total kgCO2e monetised. */
  readonly totalKgCO2e: string;
  /** One entry per scenario, in the order asked (default central, low, high). */
  readonly scenarios: readonly MonetisedCarbonScenario[];
  /** Plain statements of re-basing, interpolation or holds applied. */
  readonly assumptions: readonly string[];
}

/**
 * Monetises kgCO2e by year with carbon values: for each year,
 * `amount = kgCO2e / 1000 × carbonValue(year, scenario) × index[priceYear] / index[2022]`,
 * optionally discounted with a schedule (`presentValue = amount × DF(t)`, t from `discount.baseYear` under
 * the timing convention). Carbon values: DESNZ (2023) for appraisal, low 0.5× and high 1.5× central.
 *
 * @throws VbpInputError for bad input, a year without a carbon value (unless `rule` allows), or a price year
 *   missing from the index
 * @example
 * ```ts
 * // 1 tCO2e emitted in 2026 at the central value, 2022 prices: £277.22 (low £138.61, high £415.83)
 * const m = monetiseCarbon({ emissions: [{ year: 2026, kgCO2e: 1000 }] });
 * m.scenarios.map((s) => s.total.amount); //=> ["277.22", "138.61", "415.83"]
 * ```
 */
export function monetiseCarbon(input: CarbonMonetisationInputDocument): MonetisedCarbon {
  return monetiseParsedCarbon(parseWith(getCarbonMonetisationInputSchema(), input));
}

/** @internal {@link monetiseCarbon} on an input already validated by `carbonMonetisationInputSchema`. */
export function monetiseParsedCarbon(doc: CarbonMonetisationInput): MonetisedCarbon {
  const series: CarbonValueSeries = doc.carbonValues !== undefined ? (doc.carbonValues as CarbonValueSeries) : DESNZ_CARBON_VALUES;
  const priceYear = doc.priceYear ?? series.priceYear;
  const scenarios = doc.scenarios ?? ["central", "low", "high"];
  const assumptions: string[] = [];
  const note = (a: string) => {
    if (!assumptions.includes(a)) assumptions.push(a);
  };
  let compiled: CompiledSchedule | undefined;
  const timing = resolveDiscountTiming(doc.discount?.timing);
  if (doc.discount !== undefined) {
    try {
      compiled = compileSchedule(doc.discount.schedule as DiscountSchedule, timing.compounding);
    } catch (e) {
      if (e instanceof VbpInputError) throw new VbpInputError(e.issues.map((i) => ({ ...i, path: ["discount", "schedule", ...i.path] })));
      throw e;
    }
  }
  const currency = series.currency;
  const results = scenarios.map((scenario): MonetisedCarbonScenario => {
    let total = new Dec(0);
    let totalPv = new Dec(0);
    const lines = doc.emissions.map((e, i): CarbonCashFlowLine => {
      const v = carbonValue(e.year, {
        scenario,
        series,
        priceYear,
        ...(doc.priceIndex !== undefined ? { priceIndex: doc.priceIndex as PriceIndexSeries } : {}),
        rule: (doc.rule ?? {}) as CarbonValueRule,
        path: ["emissions", i],
      });
      v.assumptions.forEach(note);
      const amount = toLedgerScale(new Dec(e.kgCO2e).div(1000).times(v.valuePerTonne));
      total = total.plus(amount);
      let discount: Pick<CarbonCashFlowLine, "discountFactor" | "presentValue"> | Record<string, never> = {};
      if (compiled !== undefined && doc.discount !== undefined) {
        const df = factorAt(compiled, periodTime(e.year - doc.discount.baseYear + 1, new Dec(1), timing.position));
        const pv = toLedgerScale(amount.times(df));
        totalPv = totalPv.plus(pv);
        discount = { discountFactor: decString(df), presentValue: computedMoney(decString(pv), currency) };
      }
      return Object.freeze({
        year: e.year,
        kgCO2e: decString(new Dec(e.kgCO2e)),
        scenario,
        valuePerTonne: money(v.valuePerTonne, currency),
        amount: computedMoney(decString(amount), currency),
        ...discount,
        priceYear,
        source: v.source,
        label: `Carbon externality ${e.year} (${scenario})`,
      });
    });
    return Object.freeze({
      scenario,
      lines: Object.freeze(lines),
      total: computedMoney(decString(total), currency),
      ...(compiled !== undefined ? { totalPresentValue: computedMoney(decString(totalPv), currency) } : {}),
    });
  });
  return Object.freeze({
    seriesId: series.id,
    priceYear,
    currency,
    treatment: doc.treatment ?? "externality",
    ...(doc.discount !== undefined ? { discountScheduleId: doc.discount.schedule.id } : {}),
    totalKgCO2e: decString(doc.emissions.reduce((s, e) => s.plus(e.kgCO2e), new Dec(0))),
    scenarios: Object.freeze(results),
    assumptions: Object.freeze(assumptions),
  });
}

/**
 * {@link monetiseCarbon} that returns the issues instead of throwing for bad input.
 *
 * @example
 * ```ts
 * const r = safeMonetiseCarbon({ emissions: [{ year: 2101, kgCO2e: 1 }] });
 * r.success; //=> false
 * ```
 */
export function safeMonetiseCarbon(input: unknown): SafeResult<MonetisedCarbon> {
  return safely(() => monetiseCarbon(input as CarbonMonetisationInputDocument));
}

/**
 * The monetised carbon externality as undiscounted cash-flow lines {year, amount, kgCO2e, valuePerTonne,
 * source} for one scenario, ready for whole-life costing to add (and discount with its own schedule) when the
 * buyer prices GHG emissions into life-cycle cost (EU 2014/24 Art. 68). Any `discount` in the input is ignored.
 *
 * @param scenario - carbon value scenario (default `"central"`)
 * @example
 * ```ts
 * carbonExternalityCashFlows({ emissions: [{ year: 2026, kgCO2e: 1000 }] }, "high")[0]!.amount.amount; //=> "415.83"
 * ```
 */
export function carbonExternalityCashFlows(input: CarbonMonetisationInputDocument, scenario: CarbonValueScenario = "central"): readonly CarbonCashFlowLine[] {
  const { discount: _ignored, ...rest } = parseWith(getCarbonMonetisationInputSchema(), input);
  const m = monetiseCarbon({ ...rest, scenarios: [scenario] } as CarbonMonetisationInputDocument);
  return m.scenarios[0]!.lines;
}
