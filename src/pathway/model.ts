import type { Source } from "../reference/source.js";
import type { DiscountSchedule, DiscountScheduleId } from "../time/schedules.js";
import type { DiscountTiming } from "../time/discount.js";

/**
 * A decimal number as written in a model: a decimal string (`"0.035"`, keeps every digit) or a finite number.
 *
 * @example
 * ```ts
 * const cost: Decimalish = "2086.50";
 * ```
 */
export type Decimalish = string | number;

/**
 * A reference to a named parameter: the value is the parameter's value (after any option effects on it).
 *
 * @example
 * ```ts
 * const p: ParamRef = { param: "p_ssi" };
 * ```
 */
export interface ParamRef {
  /** The parameter's id. */
  readonly param: string;
}

/**
 * An arithmetic expression over parameters: numbers, `+ - * /`, `^` (power), parentheses, parameter names,
 * and `exp log ln sqrt abs min max pow rateToProb probToRate`. Inside a Markov model the variables `cycle`
 * (1-based cycle number), `time` (years at the start of the cycle) and `age` (start age + time) are also
 * available. Parsed by a small safe parser (never `eval`).
 *
 * @example
 * ```ts
 * const e: ExprRef = { expr: "p_ssi * rr_device" };
 * ```
 */
export interface ExprRef {
  /** The expression text (at most 2,000 characters). */
  readonly expr: string;
}

/**
 * Any numeric value in a model: a literal, a parameter reference or an expression.
 *
 * @example
 * ```ts
 * const a: ValueInput = 0.05;
 * const b: ValueInput = { param: "p_ssi" };
 * const c: ValueInput = { expr: "1 - exp(-rate * 0.5)" };
 * ```
 */
export type ValueInput = Decimalish | ParamRef | ExprRef;

/**
 * A value that changes with the cycle: `byCycle` steps, each applying from `fromCycle` (1-based) until the
 * next step.
 *
 * @example
 * ```ts
 * // lamivudine cost in the first two yearly cycles only
 * const v: ByCycleValue = { byCycle: [{ fromCycle: 1, value: 2086.5 }, { fromCycle: 3, value: 0 }] };
 * ```
 */
export interface ByCycleValue {
  /** Steps in increasing `fromCycle`, the first from cycle 1. */
  readonly byCycle: readonly {
    /** First cycle (1-based) the value applies to. */
    readonly fromCycle: number;
    /** The value from that cycle on. */
    readonly value: ValueInput;
  }[];
}

/**
 * A per-cycle probability read from a life table by age: the table's annual probability `q` at
 * `floor(age)` is turned into a cycle probability `1 − (1 − q)^L` for cycle length L years.
 *
 * @example
 * ```ts
 * const death: LifeTableValue = { lifeTable: "uk-2020-22-male" };
 * ```
 */
export interface LifeTableValue {
  /** Id of a life table in the model's `lifeTables`. */
  readonly lifeTable: string;
}

/**
 * A value inside a Markov model: a plain value, a by-cycle schedule or (transitions only) a life-table lookup.
 *
 * @example
 * ```ts
 * const u: TimeValueInput = { expr: "0.9 - 0.01 * cycle" };
 * ```
 */
export type TimeValueInput = ValueInput | ByCycleValue | LifeTableValue;

/**
 * A distribution recorded with a parameter for later probabilistic sensitivity analysis (validated, not
 * sampled here). Conventions: probabilities and utilities beta; costs gamma or lognormal; relative risks and
 * hazard ratios lognormal; multinomial rows Dirichlet.
 *
 * @example
 * ```ts
 * const d: ParameterDistribution = { type: "beta", alpha: 45, beta: 955 };
 * ```
 */
export type ParameterDistribution =
  | {
      /** Beta(α, β). */
      readonly type: "beta";
      /** Shape α > 0. */
      readonly alpha: Decimalish;
      /** Shape β > 0. */
      readonly beta: Decimalish;
    }
  | {
      /** Gamma(shape k, scale θ); mean kθ. */
      readonly type: "gamma";
      /** Shape k > 0. */
      readonly shape: Decimalish;
      /** Scale θ > 0. */
      readonly scale: Decimalish;
    }
  | {
      /** Lognormal: log X ~ Normal(meanlog, sdlog²). */
      readonly type: "lognormal";
      /** Mean of log X. */
      readonly meanlog: Decimalish;
      /** Standard deviation of log X, > 0. */
      readonly sdlog: Decimalish;
    }
  | {
      /** Normal(mean, sd²). */
      readonly type: "normal";
      /** Mean. */
      readonly mean: Decimalish;
      /** Standard deviation > 0. */
      readonly sd: Decimalish;
    }
  | {
      /** Dirichlet(α₁…α_k), for a row of transition probabilities; the parameter is component `index`. */
      readonly type: "dirichlet";
      /** Concentrations, each > 0 (e.g. observed transition counts). */
      readonly alpha: readonly Decimalish[];
      /** Which component (0-based) this parameter is. */
      readonly index: number;
    }
  | {
      /** No uncertainty: the value is held fixed. */
      readonly type: "fixed";
    };

/**
 * A named model parameter.
 *
 * @example
 * ```ts
 * const p: Parameter = { id: "p_ssi", value: "0.05", label: "Surgical site infection risk", distribution: { type: "beta", alpha: 50, beta: 950 } };
 * ```
 */
export interface Parameter {
  /** Identifier used in `{ "param": id }` references and expressions. */
  readonly id: string;
  /** The base-case value: a literal, another parameter, or an expression over other parameters. */
  readonly value: ValueInput;
  /** Unit, e.g. `"GBP"`, `"days"`, `"per year"`. */
  readonly unit?: string;
  /** Human name. */
  readonly label?: string;
  /** Where the value comes from. */
  readonly source?: Source;
  /** Uncertainty distribution for later probabilistic analysis. */
  readonly distribution?: ParameterDistribution;
}

/**
 * A life table: annual mortality by whole year of age, declared as probabilities (`kind: "qx"`, the default)
 * or as rates (`kind: "mx"`, central death rates). Conversion assumes a constant hazard within each year of
 * age: `q = 1 − e^(−m)` and `m = −ln(1 − q)`. Give `rows` (`{ age, q }` or `{ age, m }`), or `fromAge` with
 * `values` for consecutive ages. Ages past the last row use the last row; an age below the first is an error.
 *
 * Use it in an expression with `lifeTable("id", age)` (the annual probability) or `lifeTableRate("id", age)`
 * (the annual rate), e.g. `(1 - lifeTable("us-2015", age)) * p_HS1`, or as a transition value
 * `{ "lifeTable": "id" }` (the annual probability turned into a cycle probability `1 − (1 − q)^L`).
 *
 * @example
 * ```ts
 * const lt: LifeTable = { id: "lt", rows: [{ age: 60, q: "0.0089" }, { age: 61, q: "0.0097" }] };
 * const rates: LifeTable = { id: "us-2015", kind: "mx", fromAge: 25, values: ["0.000991", "0.001007"] };
 * ```
 */
export interface LifeTable {
  /** Identifier used by `{ "lifeTable": id }` and `lifeTable("id", age)`. */
  readonly id: string;
  /** Human name. */
  readonly label?: string;
  /** `"qx"` (default): annual probabilities of death; `"mx"`: annual (central) death rates. */
  readonly kind?: "qx" | "mx";
  /** Rows by ascending whole age. */
  readonly rows?: readonly {
    /** Age in whole years. */
    readonly age: number;
    /** Annual probability of death at that age, in [0, 1] (a `qx` table). */
    readonly q?: Decimalish;
    /** Annual death rate at that age, ≥ 0 (an `mx` table). */
    readonly m?: Decimalish;
  }[];
  /** First age of `values` (default 0). */
  readonly fromAge?: number;
  /** Values for consecutive ages from `fromAge` (q or m, as `kind` says). */
  readonly values?: readonly Decimalish[];
  /** Where the table comes from (e.g. ONS National life tables). */
  readonly source?: Source;
}

/**
 * A look-up table: any value by whole key (an age or a cycle), read in expressions with `lookup("id", key)`,
 * e.g. `lookup("drug-cost", cycle)` or `lookup("utility-by-age", age)`. The row of `floor(key)` applies; keys
 * past the last row use the last row; a key below the first is an error.
 *
 * @example
 * ```ts
 * const t: LookupTable = { id: "u-age", rows: [{ key: 50, value: "0.85" }, { key: 60, value: "0.80" }] };
 * const byCycle: LookupTable = { id: "dose", from: 1, values: [2, 2, 1] };
 * ```
 */
export interface LookupTable {
  /** Identifier used by `lookup("id", key)`. */
  readonly id: string;
  /** Human name. */
  readonly label?: string;
  /** Rows by ascending whole key (the value applies from that key until the next row). */
  readonly rows?: readonly {
    /** Key (whole age or cycle). */
    readonly key: number;
    /** The value. */
    readonly value: Decimalish;
  }[];
  /** First key of `values` (default 0). */
  readonly from?: number;
  /** Values for consecutive keys from `from`. */
  readonly values?: readonly Decimalish[];
  /** Where the values come from. */
  readonly source?: Source;
}

/**
 * A resource used: `quantity × unitCost`, with a cost category, optionally with carbon per unit.
 *
 * @example
 * ```ts
 * const bed: ResourceItem = { id: "bed-day", category: "bed-days", quantity: 4, unitCost: 345 };
 * ```
 */
export interface ResourceItem<V = ValueInput> {
  /** Identifier, unique within its node or state. */
  readonly id: string;
  /** Human name. */
  readonly label?: string;
  /** Cost category, e.g. `"bed-days"`, `"theatre"`, `"staff"`, `"consumables"`, `"drugs"`. */
  readonly category: string;
  /** Quantity per patient reaching the node (or per cycle in a state). ≥ 0. */
  readonly quantity: V;
  /** Cost per unit in the model currency. */
  readonly unitCost: V;
  /** kgCO2e per unit (optional). */
  readonly carbonKgPerUnit?: V;
  /** Where the figures come from. */
  readonly source?: Source;
}

/**
 * A clinical event counted when a node is reached (or a state is entered).
 *
 * @example
 * ```ts
 * const e: EventCount = { name: "ssi", count: 1 };
 * ```
 */
export interface EventCount {
  /** Event name (results sum counts by name). */
  readonly name: string;
  /** Events per patient reaching the node (default use: 1). */
  readonly count: ValueInput;
}

/**
 * A branch of a chance node: the probability of moving to node `to`, or `"rest"` (1 minus the other branches).
 *
 * @example
 * ```ts
 * const b: Branch = { to: "ssi", probability: { param: "p_ssi" } };
 * const r: Branch = { to: "no-ssi", probability: "rest" };
 * ```
 */
export interface Branch {
  /** Id of the node the branch leads to (unique among the node's branches). */
  readonly to: string;
  /** Probability in [0, 1], or `"rest"` for the complement (at most one per node). */
  readonly probability: ValueInput | "rest";
  /** Human name. */
  readonly label?: string;
}

/**
 * A node of a decision tree (episode of care): what happens to a patient who reaches it.
 *
 * @example
 * ```ts
 * const n: TreeNode = { id: "surgery", items: [{ id: "theatre", category: "theatre", quantity: 1.5, unitCost: 1200 }],
 *   branches: [{ to: "ssi", probability: 0.05 }, { to: "no-ssi", probability: "rest" }] };
 * ```
 */
export interface TreeNode {
  /** Identifier, unique in the tree. */
  readonly id: string;
  /** Human name. */
  readonly label?: string;
  /** When the node's costs and outcomes happen, in years from the start (default 0); used for discounting. */
  readonly timeYears?: ValueInput;
  /** Resources used. */
  readonly items?: readonly ResourceItem[];
  /** QALYs gained (positive) or lost (negative) per patient reaching the node. */
  readonly qalys?: ValueInput;
  /** Life years per patient reaching the node. */
  readonly lifeYears?: ValueInput;
  /** kgCO2e per patient reaching the node, besides the items' carbon. */
  readonly carbonKg?: ValueInput;
  /** Clinical events counted per patient reaching the node. */
  readonly events?: readonly EventCount[];
  /** Chance branches (mutually exclusive, summing to 1); none for a leaf. */
  readonly branches?: readonly Branch[];
  /**
   * Independent risks at this node: each leads to a leaf (an adverse event whose costs and outcomes are
   * added) reached with its own probability, independently of the other risks and of the branches, so
   * several can happen to one patient without chains of pass-through nodes.
   */
  readonly risks?: readonly {
    /** Id of the leaf reached when the risk happens. */
    readonly to: string;
    /** Its probability in [0, 1]. */
    readonly probability: ValueInput;
    /** Human name. */
    readonly label?: string;
  }[];
  /** A leaf may enter a Markov model: the share reaching the leaf starts in `state` (or the model's `initial`). */
  readonly enter?: {
    /** Id of the Markov model. */
    readonly markov: string;
    /** Starting state (default: the Markov model's initial distribution). */
    readonly state?: string;
  };
}

/**
 * A decision tree (episode of care): chance nodes from a root; no cycles.
 *
 * @example
 * ```ts
 * const t: DecisionTree = {
 *   root: "surgery",
 *   nodes: [
 *     { id: "surgery", branches: [{ to: "ssi", probability: "0.08" }, { to: "healed", probability: "rest" }] },
 *     { id: "ssi", items: [{ id: "bed", category: "bed-days", quantity: 4, unitCost: 400 }] },
 *     { id: "healed" },
 *   ],
 * };
 * ```
 */
export interface DecisionTree {
  /** Id of the first node. */
  readonly root: string;
  /** The nodes, in any order. */
  readonly nodes: readonly TreeNode[];
  /** Tolerance for branch probabilities summing to 1 (default 1e-9). */
  readonly tolerance?: Decimalish;
}

/**
 * A state of a cohort state-transition (Markov) model.
 *
 * @example
 * ```ts
 * const a: MarkovState = { id: "A", utility: 1, items: [{ id: "dmc", category: "direct-medical", quantity: 1, unitCost: 1701 }] };
 * ```
 */
export interface MarkovState {
  /** Identifier, unique in the model. */
  readonly id: string;
  /** Human name. */
  readonly label?: string;
  /** True for death: no life years, no QALYs. */
  readonly dead?: boolean;
  /** Utility (QALY weight per year) while in the state. Required unless `dead`. */
  readonly utility?: TimeValueInput;
  /** Resources used per cycle in the state. */
  readonly items?: readonly ResourceItem<TimeValueInput>[];
  /** kgCO2e per cycle in the state. */
  readonly carbonKgPerCycle?: TimeValueInput;
  /**
   * One-off costs, QALY changes and events on entering the state from another state (no tunnel states
   * needed). Values may depend on the cycle and age of the entry (`cycle`, `time`, `age`, `byCycle`).
   */
  readonly onEntry?: {
    /** Resources used once on entry. */
    readonly items?: readonly ResourceItem<TimeValueInput>[];
    /** QALYs gained (positive) or lost (negative) once on entry. */
    readonly qalys?: TimeValueInput;
    /** kgCO2e once on entry. */
    readonly carbonKg?: TimeValueInput;
    /** Events counted on entry. */
    readonly events?: readonly {
      /** Event name. */
      readonly name: string;
      /** Events per patient entering. */
      readonly count: TimeValueInput;
    }[];
  };
}

/**
 * A transition from one state to another: a per-cycle probability (or `"rest"`, the complement of the row),
 * or an annual rate turned into a cycle probability `p = 1 − e^(−r·L)`.
 *
 * @example
 * ```ts
 * const t1: MarkovTransition = { from: "A", to: "B", probability: "0.202" };
 * const t2: MarkovTransition = { from: "A", to: "A", probability: "rest" };
 * const t3: MarkovTransition = { from: "A", to: "D", rate: { param: "mortality_rate" } };
 * ```
 */
export interface MarkovTransition {
  /** Id of the state left. */
  readonly from: string;
  /** Id of the state entered (may equal `from`). */
  readonly to: string;
  /** Per-cycle probability, or `"rest"`. Give exactly one of `probability` and `rate`. */
  readonly probability?: TimeValueInput | "rest";
  /** Annual rate (≥ 0); the cycle probability is `1 − e^(−rate·L)`. */
  readonly rate?: TimeValueInput;
}

/**
 * Within-cycle correction methods (Elbasha & Chhatwal 2016; see `docs/methods/pathways.md`): `none` (the
 * end-of-cycle count), `start` (the start-of-cycle count), `half-cycle` (Sonnenberg & Beck 1993),
 * `trapezoid`, `simpson` (1/3 rule; needs an even number of cycles), `simpson-3/8` (1/3 rule with the 3/8
 * rule over the last three cycles when the count is odd), `simpson-darthtools` (the weights of darthtools
 * `gen_wcc("Simpson1/3")`, as in the DARTH cohort tutorials).
 *
 * @example
 * ```ts
 * const method: WithinCycleMethod = "trapezoid";
 * ```
 */
export type WithinCycleMethod = "none" | "start" | "half-cycle" | "trapezoid" | "simpson" | "simpson-3/8" | "simpson-darthtools";

/**
 * Caller-supplied within-cycle weights: one weight per cycle boundary k = 0…N (the occupancy at boundary k
 * counts w_k times, with the values of cycle max(k, 1), discounted at k·L; entries during cycle n count
 * w_n times), as an array or as an expression of `cycle` (the boundary k) and `cycles` (N).
 *
 * @example
 * ```ts
 * const w: WithinCycleWeights = { weights: [0.5, 1, 1, 0.5] };
 * const x: WithinCycleWeights = { weightsExpr: "min(1, 0.5 + 0.5 * cycle)" };
 * ```
 */
export interface WithinCycleWeights {
  /** One weight ≥ 0 per boundary 0…N. */
  readonly weights?: readonly Decimalish[];
  /** Or an expression of `cycle` (the boundary, 0…N) and `cycles` (N). */
  readonly weightsExpr?: string;
}

/**
 * A cohort state-transition (Markov) model.
 *
 * @example
 * ```ts
 * const m: MarkovModel = {
 *   id: "hiv", cycleLengthYears: 1, horizonYears: 20,
 *   states: [{ id: "A", utility: "0.8" }, { id: "D", dead: true }],
 *   transitions: [{ from: "A", to: "D", probability: "0.1" }, { from: "A", to: "A", probability: "rest" }, { from: "D", to: "D", probability: "1" }],
 *   initial: [{ state: "A", share: 1 }],
 * };
 * ```
 */
export interface MarkovModel {
  /** Identifier. */
  readonly id: string;
  /** Human name. */
  readonly label?: string;
  /** Cycle length in years (> 0). */
  readonly cycleLengthYears: Decimalish;
  /** Horizon in years: a whole number of cycles. */
  readonly horizonYears: Decimalish;
  /** Age at the start (for life tables and the `age` variable). */
  readonly startAge?: Decimalish;
  /** Within-cycle correction (default `"none"`: occupancy at the end of each cycle), or caller-supplied weights. */
  readonly withinCycle?: WithinCycleMethod | WithinCycleWeights;
  /** The states. */
  readonly states: readonly MarkovState[];
  /** The transitions; a state with none stays where it is (absorbing). */
  readonly transitions: readonly MarkovTransition[];
  /** Starting distribution (shares sum to 1); default: everyone in the first state. */
  readonly initial?: readonly {
    /** State id. */
    readonly state: string;
    /** Share of the cohort starting there. */
    readonly share: ValueInput;
  }[];
  /** Tolerance for rows and the initial distribution summing to 1 (default 1e-9). */
  readonly tolerance?: Decimalish;
}

/**
 * Where an effect applies. Combinations:
 * - `{ parameter }`: a parameter's value;
 * - `{ node, branch }`: the probability of the branch of `node` leading to `branch`;
 * - `{ node, item, field }`: an item's `quantity`, `unitCost` or `carbonKgPerUnit`;
 * - `{ node, field }`: the node's `qalys`, `lifeYears`, `carbonKg` or `timeYears`;
 * - `{ node, event }`: the count of an event at the node;
 * - `{ markov, from, to }`: a transition's probability or rate (use `op: "hazardRatio"` for a hazard ratio);
 * - `{ markov, state, field }`: a state's `utility` or `carbonKgPerCycle`;
 * - `{ markov, state, item, field }`: a state item's `quantity`, `unitCost` or `carbonKgPerUnit`
 *   (add `onEntry: true` for the state's entry items);
 * - `{ markov, state, onEntry: true, field }`: the entry `qalys` or `carbonKg`; `{ markov, state, onEntry: true, event }`.
 *
 * @example
 * ```ts
 * const t: EffectTarget = { node: "surgery", branch: "ssi" };
 * ```
 */
export interface EffectTarget {
  /** Parameter id. */
  readonly parameter?: string;
  /** Tree node id. */
  readonly node?: string;
  /** Branch (the id of the node it leads to). */
  readonly branch?: string;
  /** Resource item id. */
  readonly item?: string;
  /** Field name (see the combinations above). */
  readonly field?: string;
  /** Event name. */
  readonly event?: string;
  /** Markov model id. */
  readonly markov?: string;
  /** Markov state id. */
  readonly state?: string;
  /** Transition: state left. */
  readonly from?: string;
  /** Transition: state entered. */
  readonly to?: string;
  /** True to address a state's one-off entry values. */
  readonly onEntry?: boolean;
}

/**
 * How an option changes the pathway. `set`, `multiply`, `add` change a value; `hazardRatio` applies a hazard
 * ratio to a transition (rate × HR, or probability `1 − (1 − p)^HR`); `replaceItem` swaps a resource item
 * (e.g. a consumable) for another. Effects on Markov targets may be limited to cycles `from`…`to`.
 *
 * @example
 * ```ts
 * const e1: Effect = { op: "multiply", target: { node: "surgery", branch: "ssi" }, value: 0.6 };
 * const e2: Effect = { op: "replaceItem", target: { node: "surgery", item: "dressing" },
 *   item: { id: "silver-dressing", category: "consumables", quantity: 1, unitCost: 18 } };
 * ```
 */
export type Effect =
  | {
      /** The operation. */
      readonly op: "set" | "multiply" | "add" | "hazardRatio";
      /** What it changes. */
      readonly target: EffectTarget;
      /** The operand; parameters in it take their base-case values (before any option effect). */
      readonly value: ValueInput;
      /** Markov targets only: the cycles (1-based, inclusive) the effect applies in. */
      readonly cycles?: {
        /** First cycle. */
        readonly from: number;
        /** Last cycle (default: the horizon). */
        readonly to?: number;
      };
      /** Why (e.g. the trial it comes from). */
      readonly note?: string;
    }
  | {
      /** Replace a resource item. */
      readonly op: "replaceItem";
      /** The item replaced (`node`+`item` or `markov`+`state`+`item`, optionally `onEntry`). */
      readonly target: EffectTarget;
      /** The item used instead. */
      readonly item: ResourceItem;
      /** Why. */
      readonly note?: string;
    };

/**
 * A per-patient cost an option adds outside the pathway: the device price, or a lifecycle cost per patient
 * computed elsewhere and supplied as a decimal.
 *
 * @example
 * ```ts
 * const c: ExtraCost = { id: "device", category: "device", amount: "185.00" };
 * ```
 */
export interface ExtraCost {
  /** Identifier, unique within the option. */
  readonly id: string;
  /** Human name. */
  readonly label?: string;
  /** Cost category (default `"device"`). */
  readonly category?: string;
  /** Amount per patient. */
  readonly amount: ValueInput;
  /** kgCO2e per patient (optional). */
  readonly carbonKg?: ValueInput;
  /** When it is incurred, years from the start (default 0). */
  readonly timeYears?: ValueInput;
  /** Where the figure comes from. */
  readonly source?: Source;
}

/**
 * An option: a supplier's product or the comparator, as effects on the shared pathway plus extra costs.
 *
 * @example
 * ```ts
 * const o: PathwayOption = {
 *   id: "device-a", label: "Device A",
 *   effects: [{ op: "multiply", target: { node: "surgery", branch: "ssi" }, value: "0.6" }],
 *   extraCosts: [{ id: "price", amount: 185 }],
 * };
 * ```
 */
export interface PathwayOption {
  /** Identifier. */
  readonly id: string;
  /** Human name. */
  readonly label?: string;
  /** True for the comparator (current practice); exactly one option. */
  readonly isComparator?: boolean;
  /** Changes to the pathway, applied in order. */
  readonly effects?: readonly Effect[];
  /** Per-patient costs outside the pathway. */
  readonly extraCosts?: readonly ExtraCost[];
  /** Free-text note. */
  readonly note?: string;
}

/**
 * Discounting settings; defaults: NICE 3.5% for costs and health, start-of-period timing, annual compounding.
 *
 * @example
 * ```ts
 * const d: DiscountingSettings = { costs: { id: "6pc", label: "6%", steps: [{ fromYear: 0, rate: "0.06" }] }, health: "none",
 *   timing: { position: "end", compounding: "annual" } };
 * ```
 */
export interface DiscountingSettings {
  /** Schedule for costs: a bundled id or a schedule. */
  readonly costs?: DiscountScheduleId | DiscountSchedule;
  /** Schedule for QALYs and life years. */
  readonly health?: DiscountScheduleId | DiscountSchedule;
  /** Timing convention. */
  readonly timing?: DiscountTiming;
}

/**
 * Expected patient volumes: patients starting the pathway each year.
 *
 * @example
 * ```ts
 * const v: Volumes = { patientsPerYear: [1200, 1250, 1300] };
 * const w: Volumes = { patientsPerYear: 1200, years: 5 };
 * ```
 */
export interface Volumes {
  /** A constant number a year (with `years`) or one number per year. */
  readonly patientsPerYear: Decimalish | readonly Decimalish[];
  /** Years (when `patientsPerYear` is a constant; default 1). */
  readonly years?: number;
}

/**
 * A whole-pathway model as a JSON document: parameters, a decision tree and/or Markov models, options.
 * Validated by `pathwayModelSchema`; built in code with `defineModel` and friends.
 *
 * @example
 * ```ts
 * const model: PathwayModel = {
 *   id: "ssi",
 *   tree: { root: "surgery", nodes: [{ id: "surgery", items: [{ id: "theatre", category: "theatre", quantity: 1, unitCost: 1200 }] }] },
 *   options: [{ id: "current", isComparator: true }, { id: "device" }],
 * };
 * runModel(model).options.map((o) => o.perPatient.costs.discounted); //=> ["1200", "1200"]
 * ```
 */
export interface PathwayModel {
  /** Identifier recorded with the results. */
  readonly id: string;
  /** Human name. */
  readonly label?: string;
  /** ISO 4217 currency of all costs (default GBP). */
  readonly currency?: string;
  /** Named parameters. */
  readonly parameters?: readonly Parameter[];
  /** Life tables (qx or mx by age) for age-dependent mortality. */
  readonly lifeTables?: readonly LifeTable[];
  /** Look-up tables by age or cycle, read with `lookup("id", key)`. */
  readonly lookupTables?: readonly LookupTable[];
  /** Allow utilities above 1 (better than full health); an error otherwise. */
  readonly allowUtilityAboveOne?: boolean;
  /** The episode of care (optional when the model is a single Markov model). */
  readonly tree?: DecisionTree;
  /** Markov models, entered from tree leaves (or, without a tree, the single model the cohort starts in). */
  readonly markov?: readonly MarkovModel[];
  /** The options compared; exactly one is the comparator. */
  readonly options: readonly PathwayOption[];
  /** Discount schedules and timing. */
  readonly discounting?: DiscountingSettings;
  /** Expected patient volumes, for population totals. */
  readonly volumes?: Volumes;
  /** Where the model comes from (e.g. the paper it reproduces). */
  readonly source?: Source;
  /** Free-text note. */
  readonly note?: string;
}
