/**
 * The small arithmetic interface the engine's kernel runs on (the way dinero.js isolates its calculator):
 * every operation works on a register of `lanes` values at once (one lane per parameter draw), writing into
 * an output register, so the kernel pays its interpretive overhead once per instruction, not once per draw.
 * Two implementations: Float64 (struct of arrays over draws) and Decimal (exact, for audit).
 *
 * @module
 */

/** A discount schedule as data: steps of (from year, annual rate as decimal text). */
export interface ScheduleData {
  readonly steps: readonly { readonly from: number; readonly rate: string }[];
  readonly compounding: "annual" | "continuous";
}

/**
 * A table by whole age (or cycle) as data: values as decimal text. `kind` says what the values are:
 * `qx` annual probabilities, `mx` annual rates (central death rates), `value` any value (a look-up table).
 */
export interface TableData {
  readonly id: string;
  readonly kind: "qx" | "mx" | "value";
  /** Ascending whole keys (ages or cycles). */
  readonly keys: readonly number[];
  readonly values: readonly string[];
}

/**
 * What a table look-up returns: the annual probability (`q`: `qx`, or `1 − e^(−mx)` for a rate table), the
 * annual rate (`rate`: `mx`, or `−ln(1 − qx)`), or the stored value.
 */
export type TableMode = "q" | "rate" | "value";

/** Rules a value may be tested against; a lane that breaks one is flagged (never NaN or Infinity onward). */
export const RULE = {
  /** |x| within the Float64 range (not NaN, not ±Infinity). */
  finite: 0,
  nonNegative: 1,
  positive: 2,
  nonZero: 3,
  /** 0 ≤ x ≤ 1. */
  probability: 4,
  /** 0 ≤ x < 1. */
  probabilityBelowOne: 5,
  /** x > 0 and x ≠ 1 (a logarithm's base). */
  logBase: 6,
  /** x ≥ bound. */
  atLeast: 7,
  /** x ≤ bound. */
  atMost: 8,
  /** |x| ≤ bound. */
  withinAbs: 9,
} as const;

/** A rule's code. */
export type Rule = (typeof RULE)[keyof typeof RULE];

/**
 * Arithmetic over registers of `lanes` values (or narrow registers, one value for every lane). Outputs may
 * alias inputs; an operation runs over its output's lanes.
 */
export interface Calculator<V> {
  /** Which backend. */
  readonly kind: "float64" | "exact";
  /** Values per register (draws evaluated at once). */
  readonly lanes: number;
  /** A new register, all zero. */
  register(): V;
  /**
   * A new narrow register: one value standing for every lane (a value that does not vary by draw, such as a
   * constant, a cycle's discount factor or an expression of them). Operations broadcast a narrow input over
   * the lanes of their output; an output is narrow only when every input is.
   */
  narrow(): V;
  /** True for a narrow register (with one lane, every register is narrow). */
  isNarrow(a: V): boolean;
  /** A shared read-only narrow register holding a constant (decimal text). */
  constant(text: string): V;
  /** Every lane := the decimal text. */
  setText(out: V, text: string): void;
  /** Lane i := values[offset + i] (draws from a Float64 matrix; the exact backend reads their shortest text). */
  setLanes(out: V, values: Float64Array, offset: number): void;
  copy(out: V, a: V): void;
  add(out: V, a: V, b: V): void;
  sub(out: V, a: V, b: V): void;
  mul(out: V, a: V, b: V): void;
  div(out: V, a: V, b: V): void;
  pow(out: V, a: V, b: V): void;
  min(out: V, a: V, b: V): void;
  max(out: V, a: V, b: V): void;
  neg(out: V, a: V): void;
  exp(out: V, a: V): void;
  ln(out: V, a: V): void;
  sqrt(out: V, a: V): void;
  abs(out: V, a: V): void;
  floor(out: V, a: V): void;
  /** out += a × b. */
  mulAdd(out: V, a: V, b: V): void;
  /**
   * out := a[0] × b[0] + a[1] × b[1] + … (the first `count` terms, added in that order: the same as one `mul`
   * and then `mulAdd`s, in one pass); then, with `acc` and `coeff`, acc += out × coeff (as `mulAdd`).
   * Optional: without it the kernel issues those operations. `out` and `acc` must not be inputs.
   */
  dot?(out: V, a: readonly V[], b: readonly V[], count: number, acc?: V, coeff?: V): void;
  /**
   * out := max(1 − (terms[0] + terms[1] + …), 0) in one pass over the first `count` (≥ 1) terms, added in
   * order (a row's "rest"); returns true when every lane had 1 − sum ≥ bound (a narrow bound), else false
   * (then `out` is to be computed again step by step). Optional.
   */
  restAtLeast?(out: V, terms: readonly V[], count: number, bound: V): boolean;
  /** Flags (bad[i] = 1, over `bad.length` lanes) the unflagged lanes where `a` breaks the rule; returns how many lanes were flagged now. */
  test(a: V, rule: Rule, bound: V | undefined, bad: Uint8Array): number;
  /** Lanes flagged in `bad` := the decimal text (keeps invalid draws NaN-free); a narrow register only when every lane is flagged. */
  fillWhere(out: V, bad: Uint8Array, text: string): void;
  /** True when every lane is exactly zero. */
  allZero(a: V): boolean;
  /** True when every lane is exactly one. */
  allOne(a: V): boolean;
  /** A lane as a number. */
  number(a: V, lane: number): number;
  /** A lane as a decimal string (canonical, no exponent): the exact value of the lane. */
  text(a: V, lane: number): string;
  /** out := discount factor at time `t` years under the schedule. */
  discount(out: V, schedule: ScheduleData, t: V): void;
  /** out := the table's entry at floor(key) (keys past the last use the last row), in the mode asked. */
  table(out: V, table: TableData, mode: TableMode, key: V): void;
}
