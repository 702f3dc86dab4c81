import type { Source } from "../reference/source.js";
import type { DiscountTiming } from "../time/discount.js";
import type { PriceIndexSeries } from "../time/indexation.js";
import type { DiscountSchedule, DiscountScheduleId } from "../time/schedules.js";

/**
 * The kinds of cost a buyer meets over a product's life (EU Directive 2014/24 Art. 68: acquisition, use,
 * maintenance, end of life). `residual-value` is the one credit: value left in the asset at the horizon.
 *
 * @example
 * ```ts
 * COST_ITEM_KINDS.includes("energy"); //=> true
 * ```
 */
export const COST_ITEM_KINDS = Object.freeze([
  "acquisition",
  "installation",
  "training",
  "licence",
  "consumable",
  "maintenance",
  "energy",
  "staff-time",
  "storage",
  "spares",
  "downtime",
  "disposal",
  "residual-value",
  "other",
] as const);

/**
 * One kind of lifecycle cost (see {@link COST_ITEM_KINDS}).
 *
 * @example
 * ```ts
 * const kind: CostItemKind = "maintenance";
 * ```
 */
export type CostItemKind = (typeof COST_ITEM_KINDS)[number];

/**
 * Unit of an item's quantity. `minute` means the unit cost is per hour and the costed quantity is
 * quantity/60 hours; the others are labels.
 *
 * @example
 * ```ts
 * const unit: QuantityUnit = "kWh";
 * ```
 */
export type QuantityUnit = "unit" | "kWh" | "hour" | "minute";

/**
 * What an item's quantity is multiplied by: `fixed` (per occurrence), `per-use` (× uses in the period) or
 * `per-patient` (× patients in the period).
 *
 * @example
 * ```ts
 * const basis: QuantityBasis = "per-use";
 * ```
 */
export type QuantityBasis = "fixed" | "per-use" | "per-patient";

/**
 * How often a fixed item occurs.
 *
 * @example
 * ```ts
 * const f: CostFrequency = "every-n-years";
 * ```
 */
export type CostFrequency = "once" | "yearly" | "every-n-years" | "monthly";

/**
 * One validated lifecycle cost item (see {@link LifecycleCostItemInput} for the meaning of each field);
 * decimals are canonical strings and defaults are filled in.
 *
 * @example
 * ```ts
 * const item: LifecycleCostItem = parseLifecycleDocument(json).options[0].items[0];
 * item.quantity; //=> "1"
 * ```
 */
export interface LifecycleCostItem {
  /** Identifier, unique within the option. */
  readonly id: string;
  /** Kind of cost. */
  readonly kind: CostItemKind;
  /** Human description. */
  readonly label: string;
  /** Cost of one unit at the item's price year; absent only for a straight-line residual value. */
  readonly unitCost?: string;
  /** Units per occurrence, use or patient (default "1"). */
  readonly quantity: string;
  /** Unit of quantity (default "unit"). */
  readonly quantityUnit: QuantityUnit;
  /** What quantity is multiplied by (default "fixed"). */
  readonly basis: QuantityBasis;
  /** How often a fixed item occurs; absent means the kind's default. */
  readonly frequency?: CostFrequency;
  /** Interval in years for `every-n-years`. */
  readonly everyYears?: number;
  /** Year of a `once` item (1-based). */
  readonly year?: number;
  /** Date of a `once` item. */
  readonly date?: string;
  /** First year the item applies. */
  readonly startYear?: number;
  /** Last year the item applies. */
  readonly endYear?: number;
  /** First date the item applies. */
  readonly startDate?: string;
  /** Last date the item applies. */
  readonly endDate?: string;
  /** Real price change per year as a fraction (default "0"). */
  readonly escalationRate: string;
  /** Price year of unitCost, if not the price base year. */
  readonly priceYear?: string;
  /** Where the figure comes from. */
  readonly source?: string | Source;
}

/**
 * One cost item as the caller writes it.
 *
 * @example
 * ```ts
 * const staff: LifecycleCostItemInput = { id: "staff", kind: "staff-time", label: "Radiographer", unitCost: "38", quantity: 12, quantityUnit: "minute", basis: "per-use" };
 * ```
 */
export interface LifecycleCostItemInput {
  /** Identifier, unique within the option: 1–128 letters, digits or `. _ : -`. */
  readonly id: string;
  /** Kind of cost. */
  readonly kind: CostItemKind;
  /** Human description. */
  readonly label: string;
  /**
   * Cost of one unit at the item's price year (≥ 0). Energy: tariff per kWh; staff time: wage rate per hour.
   * Required except for `residual-value`, where it is the value recovered at the horizon (omit it for
   * straight-line depreciation over the service life).
   */
  readonly unitCost?: string | number;
  /** Units per occurrence, per use or per patient (see `basis`); default 1. */
  readonly quantity?: string | number;
  /** Unit of quantity; default `unit`. */
  readonly quantityUnit?: QuantityUnit;
  /** What quantity is multiplied by; default `fixed`. */
  readonly basis?: QuantityBasis;
  /**
   * How often a fixed item occurs. Default: `once` for acquisition, installation, training, disposal and
   * residual value; `yearly` otherwise. Omit for per-use and per-patient items.
   */
  readonly frequency?: CostFrequency;
  /** Interval in years for `every-n-years`. */
  readonly everyYears?: number;
  /** For a `once` item: the year it happens (1 = the first year of the horizon). */
  readonly year?: number;
  /** For a `once` item: the date it happens (within the horizon). */
  readonly date?: string;
  /** First year (1-based, inclusive) the item applies; default 1. */
  readonly startYear?: number;
  /** Last year (inclusive) the item applies; default the last year of the horizon. */
  readonly endYear?: number;
  /** First date the item applies (instead of startYear). */
  readonly startDate?: string;
  /** Last date the item applies (instead of endYear). */
  readonly endDate?: string;
  /** Real price change per year as a fraction (0.02 is +2% a year); default 0. */
  readonly escalationRate?: string | number;
  /** Price year of unitCost when not the price base year; restated with the document's index series. */
  readonly priceYear?: string;
  /** Where the figure comes from: free text or a structured source. */
  readonly source?: string | Source;
}

/**
 * A yearly volume: one value for every year, or one value per year of the horizon (year 1 first).
 *
 * @example
 * ```ts
 * const scans: VolumeInput = [11000, 12000, 12500];
 * ```
 */
export type VolumeInput = string | number | readonly (string | number)[];

/**
 * One validated option.
 *
 * @example
 * ```ts
 * const first: LifecycleOption = parseLifecycleDocument(json).options[0];
 * ```
 */
export interface LifecycleOption {
  /** Identifier, unique in the document. */
  readonly id: string;
  /** Name of the option. */
  readonly name: string;
  /** Supplier offering it. */
  readonly supplier?: string;
  /** Service life in whole years. */
  readonly serviceLifeYears?: number;
  /** Uses per year for this option (decimal strings). */
  readonly usesPerYear?: string | readonly string[];
  /** Patients per year for this option (decimal strings). */
  readonly patientsPerYear?: string | readonly string[];
  /** Cost items. */
  readonly items: readonly LifecycleCostItem[];
}

/**
 * One option as the caller writes it: a product offered by a supplier, or current practice.
 *
 * @example
 * ```ts
 * const a: LifecycleOptionInput = { id: "ct-a", name: "CT scanner A", serviceLifeYears: 8, items: [] };
 * ```
 */
export interface LifecycleOptionInput {
  /** Identifier, unique in the document. */
  readonly id: string;
  /** Name of the option (product, system, current practice). */
  readonly name: string;
  /** Supplier offering the option. */
  readonly supplier?: string;
  /**
   * Service life in whole years. When shorter than the horizon, acquisition, installation, training and
   * disposal items recur each cycle; a residual value covers the unexpired life.
   */
  readonly serviceLifeYears?: number;
  /** Uses per year for this option; overrides `volumes.usesPerYear`. */
  readonly usesPerYear?: VolumeInput;
  /** Patients per year for this option; overrides `volumes.patientsPerYear`. */
  readonly patientsPerYear?: VolumeInput;
  /** The option's cost items (at most 1,000). */
  readonly items: readonly LifecycleCostItemInput[];
}

/**
 * A validated lifecycle document: decimals as canonical strings, defaults filled in.
 *
 * @example
 * ```ts
 * const doc: LifecycleDocument = parseLifecycleDocument(json);
 * doc.period; //=> "year"
 * ```
 */
export interface LifecycleDocument {
  /** Address of the JSON Schema, if the document names one. */
  readonly $schema?: string;
  /** ISO 4217 currency of every amount. */
  readonly currency: string;
  /** Price base and discounting date (start of year 1). */
  readonly priceBaseDate: string;
  /** Price-year label of the price base in the index series. */
  readonly priceBaseYear?: string;
  /** Horizon in whole years. */
  readonly horizonYears: number;
  /** Ledger granularity. */
  readonly period: "year" | "month";
  /** Discounting: schedule and timing. */
  readonly discounting: {
    /** A bundled schedule id or an inline schedule. */
    readonly schedule: DiscountScheduleId | DiscountSchedule;
    /** The timing convention. */
    readonly timing: DiscountTiming;
  };
  /** Index series used to restate prices to the price base. */
  readonly indexation?: PriceIndexSeries;
  /** Volumes shared by all options. */
  readonly volumes?: {
    /** Uses per year. */
    readonly usesPerYear?: string | readonly string[];
    /** Patients per year. */
    readonly patientsPerYear?: string | readonly string[];
  };
  /** Id of the comparator option. */
  readonly comparatorId?: string;
  /** The options compared. */
  readonly options: readonly LifecycleOption[];
}

/**
 * A lifecycle document as the caller writes it (JSON): decimals as strings or numbers, defaults omitted.
 *
 * @example
 * ```ts
 * const doc: LifecycleDocumentInput = {
 *   currency: "GBP", priceBaseDate: "2026-04-01", horizonYears: 10, discounting: { schedule: "nice-3.5" },
 *   options: [{ id: "a", name: "A", items: [{ id: "svc", kind: "maintenance", label: "Service", unitCost: "1000" }] }],
 * };
 * ```
 */
export interface LifecycleDocumentInput {
  /** Optional address of the JSON Schema, for editors. */
  readonly $schema?: string;
  /** ISO 4217 currency of every amount in the document, e.g. "GBP". */
  readonly currency: string;
  /** Price base and discounting date (start of year 1), YYYY-MM-DD. */
  readonly priceBaseDate: string;
  /** Price-year label of the price base in the index series; default the calendar year of priceBaseDate. */
  readonly priceBaseYear?: string;
  /** Length of the appraisal in whole years (1–200). */
  readonly horizonYears: number;
  /** Granularity of the ledger: `year` (default) or `month`. */
  readonly period?: "year" | "month";
  /** How cash flows are discounted to the price base date. */
  readonly discounting: {
    /** A bundled schedule id (see DISCOUNT_SCHEDULES) or an inline schedule. */
    readonly schedule: DiscountScheduleId | DiscountSchedule;
    /** Timing convention; default start of period, annual compounding (NICE: first year undiscounted). */
    readonly timing?: Partial<DiscountTiming>;
  };
  /** A price index series used to restate item prices given in another price year. */
  readonly indexation?: PriceIndexSeries;
  /** Activity volumes that drive per-use and per-patient items. */
  readonly volumes?: {
    /** Uses per year shared by all options unless an option states its own. */
    readonly usesPerYear?: VolumeInput;
    /** Patients per year shared by all options unless an option states its own. */
    readonly patientsPerYear?: VolumeInput;
  };
  /** Id of the option that is current practice; payback is measured against it. */
  readonly comparatorId?: string;
  /** The options compared (1 to 100,000). */
  readonly options: readonly LifecycleOptionInput[];
}
