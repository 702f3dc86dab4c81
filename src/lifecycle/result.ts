import type { Money } from "../money/money.js";
import type { Source } from "../reference/source.js";
import type { DiscountTiming } from "../time/discount.js";
import type { DiscountSchedule } from "../time/schedules.js";
import type { CostItemKind } from "./document.js";

/**
 * One cash flow of the ledger: which option and item, when, how much, and how it was discounted. Amounts
 * are decimal strings held at `LEDGER_SCALE` (20) decimal places, so totals (sums of rows) are exact.
 *
 * `undiscounted = round₂₀(quantity × unitCost)` and `discounted = round₂₀(undiscounted × discountFactor)`,
 * where round₂₀ is half-even rounding to 20 decimal places.
 *
 * @example
 * ```ts
 * // result = evaluateLifecycle(examples/lifecycle/imaging-systems.json): the first row is scanner A's purchase
 * const row: LifecycleLedgerRow = result.ledger![0];
 * row.undiscounted; //=> "600000"
 * ```
 */
export interface LifecycleLedgerRow {
  /** Option the flow belongs to. */
  readonly optionId: string;
  /** Cost item that produced the flow. */
  readonly itemId: string;
  /** Kind of the cost item. */
  readonly kind: CostItemKind;
  /** Period number, 1-based (a year or a month, per the document's `period`). */
  readonly period: number;
  /** First day of the period (`YYYY-MM-DD`). */
  readonly periodStart: string;
  /** Time in years from the price base date at which the flow is discounted. */
  readonly t: string;
  /** Quantity costed (units, kWh, hours; for residual value, the unexpired fraction of life). */
  readonly quantity: string;
  /** Unit of `quantity`: `unit`, `kWh` or `hour` (minutes are costed as hours). */
  readonly unit: string;
  /** Cost per unit in this period, at the price base, after indexation and escalation; negative for a credit. */
  readonly unitCost: string;
  /** Undiscounted amount: quantity × unitCost at the ledger scale. */
  readonly undiscounted: string;
  /** Discount factor applied at `t`. */
  readonly discountFactor: string;
  /** Present value: undiscounted × discountFactor at the ledger scale. */
  readonly discounted: string;
  /** How the row was derived, where it is not plain quantity × price (replacement cycle, straight-line residual). */
  readonly note?: string;
  /** The item's source, as given. */
  readonly source?: string | Source;
}

/**
 * Undiscounted and discounted totals of a group of ledger rows (exact sums, decimal strings).
 *
 * @example
 * ```ts
 * const k: LifecycleTotals = { undiscounted: "1000", discounted: "966.18357487922705314010" };
 * ```
 */
export interface LifecycleTotals {
  /** Sum of undiscounted amounts. */
  readonly undiscounted: string;
  /** Sum of discounted amounts (present value). */
  readonly discounted: string;
}

/**
 * Totals of one kind of cost for an option.
 *
 * @example
 * ```ts
 * const energy: LifecycleKindTotals = { kind: "energy", undiscounted: "12000", discounted: "10500.1" };
 * ```
 */
export interface LifecycleKindTotals extends LifecycleTotals {
  /** The kind of cost. */
  readonly kind: CostItemKind;
}

/**
 * Totals of one cost item for an option.
 *
 * @example
 * ```ts
 * const service: LifecycleItemTotals = { itemId: "service", kind: "maintenance", label: "Service contract", occurrences: 9, undiscounted: "90000", discounted: "80000" };
 * ```
 */
export interface LifecycleItemTotals extends LifecycleTotals {
  /** The item's id. */
  readonly itemId: string;
  /** The item's kind. */
  readonly kind: CostItemKind;
  /** The item's label. */
  readonly label: string;
  /** Number of ledger rows the item produced. */
  readonly occurrences: number;
}

/**
 * Totals of one period for an option, with running (cumulative) totals.
 *
 * @example
 * ```ts
 * const year1: LifecyclePeriodTotals = { period: 1, periodStart: "2026-04-01", t: "0", discountFactor: "1", undiscounted: "100", discounted: "100", cumulativeUndiscounted: "100", cumulativeDiscounted: "100" };
 * ```
 */
export interface LifecyclePeriodTotals extends LifecycleTotals {
  /** Period number, 1-based. */
  readonly period: number;
  /** First day of the period. */
  readonly periodStart: string;
  /** Discounting time of the period's flows (years from the price base). */
  readonly t: string;
  /** Discount factor at `t` (the residual value is discounted at the horizon end instead; see the ledger). */
  readonly discountFactor: string;
  /** Undiscounted total of periods 1..period. */
  readonly cumulativeUndiscounted: string;
  /** Discounted total of periods 1..period. */
  readonly cumulativeDiscounted: string;
}

/**
 * A cost per unit of activity (per use, per patient), or why there is none.
 *
 * - `discounted` = present cost ÷ discounted volume (Σ volume_t × DF_t): the levelised cost per unit.
 * - `undiscounted` = whole-life cost ÷ total volume.
 *
 * Both are rounded half-even to `LEDGER_SCALE` (20) decimal places.
 *
 * @example
 * ```ts
 * const perUse: LifecycleUnitCost = { status: "ok", volume: "30000", discountedVolume: "25789.1", undiscounted: money("41.2", "GBP"), discounted: money("40.9", "GBP") };
 * ```
 */
export type LifecycleUnitCost =
  | {
      /** A cost per unit was computed. */
      readonly status: "ok";
      /** Total volume over the horizon. */
      readonly volume: string;
      /** Σ volume in each period × that period's discount factor. */
      readonly discountedVolume: string;
      /** Whole-life (undiscounted) cost ÷ volume. */
      readonly undiscounted: Money;
      /** Present cost ÷ discounted volume. */
      readonly discounted: Money;
    }
  | {
      /** No volume stated for the option, or it is zero over the horizon: no cost per unit. */
      readonly status: "no-volume";
    };

/**
 * When an option's cumulative saving against the comparator first reaches zero or more.
 *
 * @example
 * ```ts
 * const p: LifecyclePayback = { status: "paid-back", period: 4, periodStart: "2029-04-01" };
 * ```
 */
export type LifecyclePayback =
  | {
      /** The saving reached ≥ 0 in `period`. */
      readonly status: "paid-back";
      /** First period (1-based) whose cumulative saving is ≥ 0. */
      readonly period: number;
      /** First day of that period. */
      readonly periodStart: string;
    }
  | {
      /** The cumulative saving stays below zero over the whole horizon. */
      readonly status: "never";
    }
  | {
      /** This option is the comparator. */
      readonly status: "comparator";
    };

/**
 * The lifecycle figures of one option.
 *
 * @example
 * ```ts
 * // doc = examples/lifecycle/imaging-systems.json
 * const a: LifecycleOptionResult = evaluateLifecycle(doc).options[0];
 * a.presentCost.amount; //=> "2781778.2992236…"
 * ```
 */
export interface LifecycleOptionResult {
  /** The option's id. */
  readonly optionId: string;
  /** The option's name. */
  readonly name: string;
  /** The supplier, if stated. */
  readonly supplier?: string;
  /** Whether this option is the document's comparator. */
  readonly isComparator: boolean;
  /** Whole-life cost: the sum of undiscounted ledger amounts. */
  readonly undiscounted: Money;
  /** Net present cost: the sum of discounted ledger amounts. */
  readonly presentCost: Money;
  /** Equivalent annual cost: presentCost ÷ the annuity factor (see {@link LifecycleResult}), at the ledger scale. */
  readonly equivalentAnnualCost: Money;
  /** Cost per use. */
  readonly perUse: LifecycleUnitCost;
  /** Cost per patient. */
  readonly perPatient: LifecycleUnitCost;
  /** Totals by kind of cost, in {@link COST_ITEM_KINDS} order, kinds present only. */
  readonly byKind: readonly LifecycleKindTotals[];
  /** Totals by cost item, in document order. */
  readonly byItem: readonly LifecycleItemTotals[];
  /** Totals by period, every period of the horizon. */
  readonly byPeriod: readonly LifecyclePeriodTotals[];
  /** Number of service-life cycles started within the horizon (1 when no service life is stated). */
  readonly cycles: number;
  /** Number of cash flows (ledger rows) of the option. */
  readonly cashFlows: number;
  /** Payback against the comparator, undiscounted and discounted; absent when the document has no comparator. */
  readonly payback?: {
    /** On cumulative undiscounted saving. */
    readonly undiscounted: LifecyclePayback;
    /** On cumulative discounted saving. */
    readonly discounted: LifecyclePayback;
  };
}

/**
 * The result of a lifecycle evaluation: per-option figures, the reference data used, and (unless turned
 * off) the ledger of every cash flow. Plain JSON-serialisable data.
 *
 * @example
 * ```ts
 * const r: LifecycleResult = evaluateLifecycle(doc);
 * r.discounting.schedule.id; //=> "nice-3.5"
 * ```
 */
export interface LifecycleResult {
  /** Currency of every amount. */
  readonly currency: string;
  /** Price base and discounting date. */
  readonly priceBaseDate: string;
  /** Price-year label of the price base. */
  readonly priceBaseYear: string;
  /** Horizon in years. */
  readonly horizonYears: number;
  /** Ledger granularity. */
  readonly period: "year" | "month";
  /** Number of periods (horizonYears, or 12 × horizonYears for months). */
  readonly periods: number;
  /** Discounting used: the schedule (with its source), the timing, and the annuity factor Σ DF over the horizon's years. */
  readonly discounting: {
    /** The schedule applied, with its source. */
    readonly schedule: DiscountSchedule;
    /** The timing convention applied. */
    readonly timing: DiscountTiming;
    /** Σ_{y=1..H} DF(t_y) at yearly times under the timing: the divisor of the equivalent annual cost. */
    readonly annuityFactor: string;
  };
  /** The index series used to restate prices (id, label, base year, source), when the document has one. */
  readonly indexation?: {
    /** Series id. */
    readonly id: string;
    /** Series label. */
    readonly label: string;
    /** Price-year label prices are restated to. */
    readonly baseYear: string;
    /** Where the index comes from. */
    readonly source?: Source;
  };
  /** The comparator's id, when the document names one. */
  readonly comparatorId?: string;
  /** Decimal places every ledger amount is held at. */
  readonly ledgerScale: number;
  /** One entry per option, in document order. */
  readonly options: readonly LifecycleOptionResult[];
  /**
   * Every cash flow, option by option, item by item, period by period; absent with `{ ledger: false }`. Held
   * compactly: each row is made when read (a read-only array; a row read twice is equal, not the same object).
   */
  readonly ledger?: readonly LifecycleLedgerRow[];
}

/**
 * Options for {@link evaluateLifecycle}.
 *
 * @example
 * ```ts
 * evaluateLifecycle(doc, { ledger: false }); // totals only, same exact figures
 * ```
 */
export interface EvaluateLifecycleOptions {
  /** Include the ledger rows in the result (default true). The totals are the same either way. */
  readonly ledger?: boolean;
}
