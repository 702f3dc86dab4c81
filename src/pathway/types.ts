/**
 * Result types of a whole-pathway evaluation. Plain JSON data: every exact figure is a decimal string
 * (canonical, no exponent), never a Decimal instance, NaN or Infinity. Incremental analysis, scoring and
 * reports read these; the shape is kept stable.
 *
 * @module
 */
import type { DiscountTiming } from "../time/discount.js";

/**
 * A discounted and an undiscounted figure, both decimal strings.
 *
 * @example
 * ```ts
 * const lys: DiscountedPair = { discounted: "7.991", undiscounted: "7.991" };
 * ```
 */
export interface DiscountedPair {
  /** Discounted to the price base (time 0) with the model's schedule for this measure. */
  readonly discounted: string;
  /** Without discounting. */
  readonly undiscounted: string;
}

/**
 * Costs of one option, in the model's currency, as decimal strings.
 *
 * @example
 * ```ts
 * const c: CostTotals = {
 *   discounted: "120", undiscounted: "125",
 *   byCategory: { "bed-days": { discounted: "100", undiscounted: "105" }, consumables: { discounted: "20", undiscounted: "20" } },
 * };
 * ```
 */
export interface CostTotals extends DiscountedPair {
  /**
   * The same totals by resource category (e.g. `"bed-days"`, `"theatre"`, `"staff"`, `"consumables"`,
   * `"drugs"`, `"device"`). Categories sum exactly to the totals. Keys in order of first appearance.
   */
  readonly byCategory: Readonly<Record<string, DiscountedPair>>;
}

/**
 * Everything one option yields, per patient or for the population.
 *
 * @example
 * ```ts
 * const t: OutcomeTotals = {
 *   costs: { discounted: "1000", undiscounted: "1000", byCategory: {} },
 *   qalys: { discounted: "0.8", undiscounted: "0.8" },
 *   lifeYears: { discounted: "1", undiscounted: "1" },
 *   events: { ssi: "0.05" },
 *   carbonKg: "12.5",
 * };
 * ```
 */
export interface OutcomeTotals {
  /** Costs: discounted, undiscounted and by category. */
  readonly costs: CostTotals;
  /** Quality-adjusted life years (health discount schedule). */
  readonly qalys: DiscountedPair;
  /** Life years (health discount schedule). */
  readonly lifeYears: DiscountedPair;
  /** Expected counts of clinical events by name (undiscounted), e.g. `{ ssi: "0.042" }`. */
  readonly events: Readonly<Record<string, string>>;
  /** Greenhouse-gas emissions in kgCO2e (undiscounted). */
  readonly carbonKg: string;
}

/**
 * Population totals: the per-patient figures times the expected patient volumes, each entry year's cohort
 * discounted to the price base from the start of its year (see `docs/methods/pathways.md`).
 *
 * @example
 * ```ts
 * // population.patients === "3000" for 1,000 patients a year over 3 years
 * ```
 */
export interface PopulationTotals extends OutcomeTotals {
  /** Total patients treated over the volume years (decimal string). */
  readonly patients: string;
  /** Number of entry years the volumes cover. */
  readonly years: number;
}

/**
 * The cohort trace of one state-transition (Markov) model within an option: state occupancy at each cycle
 * boundary, as a share of all patients who start the pathway (so a hybrid model's trace sums to the share
 * of patients who entered the Markov part, not to 1).
 *
 * @example
 * ```ts
 * const tr: MarkovTrace = { markovId: "hiv", states: ["A", "B", "C", "D"], cycleLengthYears: "1",
 *   occupancy: [["1", "0", "0", "0"], ["0.721", "0.202", "0.067", "0.01"]] };
 * ```
 */
export interface MarkovTrace {
  /** The Markov model's id. */
  readonly markovId: string;
  /** State ids, in the column order of `occupancy`. */
  readonly states: readonly string[];
  /** Cycle length in years (decimal string). */
  readonly cycleLengthYears: string;
  /** `occupancy[k][j]`: share of the cohort in state `states[j]` at the end of cycle k (k = 0 is the start). */
  readonly occupancy: readonly (readonly string[])[];
}

/**
 * What a ledger line measures: money, health, carbon or a clinical event count.
 *
 * @example
 * ```ts
 * const costLines = result.options[0].ledger.filter((l) => l.measure === ("cost" satisfies LedgerMeasure));
 * ```
 */
export type LedgerMeasure = "cost" | "qalys" | "lifeYears" | "carbonKg" | "event";

/**
 * One line of the pathway ledger: where a figure came from. For each measure, the option's per-patient
 * totals are the exact sums of its ledger lines (`undiscounted` and `discounted` are held at LEDGER_SCALE,
 * 20 decimal places, so sums are exact).
 *
 * `undiscounted = quantity × unitValue × weight` and `discounted = undiscounted × discountFactor`, each
 * rounded half-even to 20 decimal places.
 *
 * @example
 * ```ts
 * const line: LedgerEntry = { optionId: "device-a", measure: "cost", part: "tree", nodeId: "ward", itemId: "bed-day",
 *   category: "bed-days", quantity: "4", unitValue: "345", weight: "0.95", undiscounted: "1311",
 *   discountFactor: "1", discounted: "1311" };
 * ```
 */
export interface LedgerEntry {
  /** The option this line belongs to. */
  readonly optionId: string;
  /** What the line measures. */
  readonly measure: LedgerMeasure;
  /** Which part of the pathway: a decision-tree node, a Markov state (occupancy or entry), or an option's per-patient extra. */
  readonly part: "tree" | "markov-state" | "markov-entry" | "option";
  /** Tree node id (for tree lines, and for Markov lines: the tree leaf through which the cohort entered). */
  readonly nodeId?: string;
  /** Markov model id (Markov lines). */
  readonly markovId?: string;
  /** Markov state id (Markov lines). */
  readonly stateId?: string;
  /** Cycle n (1…N) the line values (Markov lines). */
  readonly cycle?: number;
  /** Occupancy lines: the cycle boundary k (n − 1 or n; 0 is the start) whose occupancy is used. */
  readonly boundary?: number;
  /** Resource item id, `"qalys"`, `"lifeYears"`, `"carbonKg"`, an event name, or an extra cost id. */
  readonly itemId: string;
  /** Cost category (cost lines). */
  readonly category?: string;
  /** Quantity per patient reaching the node / per cycle in the state (decimal string). */
  readonly quantity: string;
  /** Unit cost, utility or amount per unit of quantity (decimal string). */
  readonly unitValue: string;
  /** Probability of reaching the node, occupancy × within-cycle weight, or entering share (decimal string). */
  readonly weight: string;
  /** Undiscounted amount at LEDGER_SCALE (decimal string). */
  readonly undiscounted: string;
  /** Discount factor applied (decimal string; `"1"` for events and carbon). */
  readonly discountFactor: string;
  /** Discounted amount at LEDGER_SCALE (decimal string). */
  readonly discounted: string;
}

/**
 * The evaluation of one option.
 *
 * @example
 * ```ts
 * const r = runModel(model);
 * const device = r.options.find((o) => o.optionId === "device-a");
 * device?.perPatient.costs.discounted; // a decimal string, e.g. "4321.5"
 * ```
 */
export interface OptionResult {
  /** The option's id. */
  readonly optionId: string;
  /** The option's label (the id when none was given). */
  readonly label: string;
  /** True for the comparator (current practice). Exactly one option is the comparator. */
  readonly isComparator: boolean;
  /** Expected figures for one patient starting the pathway. */
  readonly perPatient: OutcomeTotals;
  /** Per-patient figures times the expected patient volumes (absent when the model states no volumes). */
  readonly population?: PopulationTotals;
  /** Cohort traces of the Markov parts reached, one per Markov model. */
  readonly traces: readonly MarkovTrace[];
  /** Ledger lines (empty when the run was asked for no ledger). */
  readonly ledger: readonly LedgerEntry[];
}

/**
 * The evaluation of a pathway model: one result per option, in the model's option order.
 *
 * @example
 * ```ts
 * const r: PathwayResult = runModel(model);
 * r.options.map((o) => [o.optionId, o.perPatient.costs.discounted, o.perPatient.qalys.discounted]);
 * ```
 */
export interface PathwayResult {
  /** The model's id. */
  readonly modelId: string;
  /** ISO 4217 currency of all costs. */
  readonly currency: string;
  /** The comparator option's id. */
  readonly comparatorId: string;
  /** How the figures were discounted (schedule ids and timing), recorded for the audit trail. */
  readonly discounting: {
    /** Id of the schedule used for costs. */
    readonly costs: string;
    /** Id of the schedule used for QALYs and life years. */
    readonly health: string;
    /** Position within each period and compounding. */
    readonly timing: DiscountTiming;
  };
  /** One result per option, in the model's order. */
  readonly options: readonly OptionResult[];
}
