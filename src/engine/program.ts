/**
 * The compiled program of a pathway model: numeric-free data that both backends run. Parameters are an
 * indexed vector in dependency order; values are op sequences over it; effects are op codes over parameter
 * and site indices; within-cycle weights and discount times are data; every constant is exact decimal text.
 *
 * @module
 */
import type { VbpPath } from "../errors/issue.js";
import type { ScheduleData, TableData } from "./backends/calculator.js";
import type { Code } from "./expression/code.js";

/** A compiled numeric value: one code, or by-cycle steps of codes. */
export type Value =
  | { readonly k: "code"; readonly code: Code; readonly text: string }
  | { readonly k: "byCycle"; readonly steps: readonly { readonly from: number; readonly value: Value }[] };

/** What kind of quantity a site holds (decides the checks and which effect ops apply). */
export type SiteKind = "probability" | "rate" | "nonNegative" | "any" | "time" | "utility";

/** A place in the model a value lives and an effect can change. */
export interface Site {
  readonly id: number;
  readonly value: Value;
  readonly path: VbpPath;
  readonly kind: SiteKind;
  readonly describe: string;
  /** True when the value depends on the cycle (byCycle, or code reading cycle/time/age). */
  readonly timeDependent: boolean;
  /** Markov model index for Markov sites. */
  readonly markov?: number;
  /** A `{ lifeTable }` transition value: an annual probability turned into a cycle probability `1 − (1 − q)^L`. */
  readonly annualProbability?: boolean;
}

/** A resource item. */
export interface CItem {
  readonly id: string;
  readonly category: string;
  readonly quantity: Site;
  readonly unitCost: Site;
  readonly carbon: Site | undefined;
  /** Site id used by replaceItem effects. */
  readonly replaceSite: number;
  readonly path: VbpPath;
}

/** An event count. */
export interface CEvent {
  readonly name: string;
  readonly count: Site;
}

/** A branch of a tree node. */
export interface CBranch {
  readonly to: number;
  readonly prob: Site | "rest";
  readonly path: VbpPath;
}

/**
 * Independent risks at one node: each event happens with its own probability, independently; the node's
 * children are every combination (2^k) reached with the product of the probabilities.
 */
export interface CRisk {
  readonly id: string;
  readonly prob: Site;
  readonly path: VbpPath;
  /** Node index reached when the risk happens (its values are added to the combination). */
  readonly node: number;
}

/** A tree node. */
export interface CNode {
  readonly id: string;
  readonly index: number;
  readonly path: VbpPath;
  readonly time: Site;
  readonly items: readonly CItem[];
  readonly qalys: Site;
  readonly lifeYears: Site;
  readonly carbon: Site;
  readonly events: readonly CEvent[];
  readonly branches: readonly CBranch[];
  readonly risks: readonly CRisk[];
  readonly enter: { readonly markov: number; readonly state: number | undefined } | undefined;
}

/** A decision tree. */
export interface CTree {
  readonly root: number;
  readonly nodes: readonly CNode[];
  /** Node indices in topological order from the root. */
  readonly order: readonly number[];
  readonly tolerance: string;
}

/** A Markov state. */
export interface CState {
  readonly id: string;
  readonly index: number;
  readonly dead: boolean;
  readonly utility: Site | undefined;
  readonly items: readonly CItem[];
  readonly carbon: Site | undefined;
  readonly entryItems: readonly CItem[];
  readonly entryQalys: Site | undefined;
  readonly entryCarbon: Site | undefined;
  readonly entryEvents: readonly CEvent[];
  /** True when the state has any one-off entry value. */
  readonly hasEntry: boolean;
}

/** A transition. */
export interface CTransition {
  readonly to: number;
  readonly kind: "probability" | "rate" | "rest";
  readonly site: Site | undefined;
  readonly path: VbpPath;
}

/**
 * One part of a cycle's value: occupancy at boundary k times weight `coeff` (index into the model's weight
 * texts), discounted at time `half × L / 2`.
 */
export interface CyclePart {
  readonly k: number;
  readonly coeff: number;
  readonly half: number;
}

/** A cohort state-transition model. */
export interface CMarkov {
  readonly id: string;
  readonly index: number;
  readonly path: VbpPath;
  readonly cycleLength: string;
  readonly halfCycleLength: string;
  readonly cycles: number;
  readonly startAge: string | undefined;
  readonly method: string;
  readonly states: readonly CState[];
  /** rows[r]: transitions out of state r (empty: absorbing). */
  readonly rows: readonly (readonly CTransition[])[];
  readonly initial: readonly { readonly state: number; readonly share: Site }[];
  readonly tolerance: string;
  /** parts[n-1]: how cycle n is valued. */
  readonly parts: readonly (readonly CyclePart[])[];
  /** Entry values of cycle n: weight (index into weight texts) and discount time in half cycles. */
  readonly entries: readonly { readonly coeff: number; readonly half: number }[];
  /** Weight texts referenced by `parts` and `entries`. */
  readonly weights: readonly string[];
  /** True when some transition value depends on the cycle. */
  readonly timeDependentRows: boolean;
}

/** An effect op. */
export interface CEffect {
  readonly op: "set" | "multiply" | "add" | "hazardRatio";
  readonly value: Value;
  readonly from: number;
  readonly to: number;
  readonly path: VbpPath;
}

/** An option: effects as ops over parameter and site indices. */
export interface COption {
  readonly index: number;
  readonly id: string;
  readonly label: string;
  readonly isComparator: boolean;
  /** Parameter index → effects on it. */
  readonly paramOps: ReadonlyMap<number, readonly CEffect[]>;
  readonly siteOps: ReadonlyMap<number, readonly CEffect[]>;
  readonly replacements: ReadonlyMap<number, { readonly item: CItem; readonly path: VbpPath }>;
  readonly extras: readonly { readonly id: string; readonly category: string; readonly amount: Site; readonly carbon: Site | undefined; readonly time: Site }[];
}

/** A parameter of the vector. */
export interface CParameter {
  readonly id: string;
  readonly index: number;
  readonly path: VbpPath;
  readonly value: Value;
}

/** The compiled program of a pathway model. */
export interface Program {
  readonly id: string;
  readonly currency: string;
  /** Parameters in dependency order (index = position). */
  readonly parameters: readonly CParameter[];
  readonly sites: readonly Site[];
  readonly tree: CTree | undefined;
  readonly markov: readonly CMarkov[];
  /** Without a tree: the Markov model the whole cohort starts in. */
  readonly rootMarkov: number | undefined;
  readonly options: readonly COption[];
  readonly costSchedule: ScheduleData;
  readonly healthSchedule: ScheduleData;
  readonly costScheduleId: string;
  readonly healthScheduleId: string;
  readonly timing: { readonly position: "start" | "middle" | "end"; readonly compounding: "annual" | "continuous" };
  readonly volumes: readonly string[] | undefined;
  readonly tables: readonly TableData[];
  /** Utilities above 1 allowed (the model says so). */
  readonly allowUtilityAboveOne: boolean;
}
