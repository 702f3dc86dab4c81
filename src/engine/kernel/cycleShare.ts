/**
 * Values of a Markov model that change with the cycle but not with the option, kept per cycle for the other
 * options of one run over draws. A mortality transition such as `min(1, m * exp(0.07 * (age − 20)))`, or a
 * whole row of transitions that no option changes, is then computed and checked once per cycle and run
 * instead of once per option and cycle.
 *
 * Sharing holds only for a run whose options report into one conditions record (a run over draws: each draw
 * is flagged invalid once, whichever option meets the problem first), as for the tree's shared values, and
 * only for an option that changes neither the value nor any parameter: the value is then a function of the
 * run's parameters and the cycle alone, so a kept value is bit-identical, in every valid draw, to computing
 * it again. (Draws flagged invalid since may keep their earlier, checked value instead of 0: their outputs
 * are set to 0 at the end either way.)
 *
 * The kept registers are reused from run to run (chunk to chunk); a memory budget bounds them, past which
 * values are computed per option as before.
 *
 * @module
 */
import type { Calculator } from "../backends/calculator.js";

/** Values kept for one cycle: the run that stored them, and the registers. */
interface Kept<V> {
  run: number;
  readonly values: V[];
}

/** Per-cycle values shared by the options of one run over draws. */
export class CycleShare<V> {
  private run = 0;
  private used = 0;
  private readonly kept = new Map<string, (Kept<V> | undefined)[]>();
  private readonly registers = new Map<string, V>();
  /** Wide registers handed out in blocks (one allocation for many), when the calculator can. */
  private block: V[] = [];
  /**
   * @param calc - the run's calculator
   * @param budget - the most lanes (doubles) the kept registers may hold in all
   * @param registers - makes `count` wide registers at once (default: one by one)
   */
  constructor(
    private readonly calc: Calculator<V>,
    private readonly budget: number,
    private readonly registersOf: (count: number) => V[] = (count) => Array.from({ length: count }, () => calc.register()),
  ) {}

  /** A new run (new parameters): every kept value is stale. */
  newRun(): void {
    this.run++;
  }

  /** The values kept under `key` for cycle n in this run, if any. */
  get(key: string, n: number): readonly V[] | undefined {
    const k = this.kept.get(key)?.[n];
    return k !== undefined && k.run === this.run ? k.values : undefined;
  }

  /**
   * The store's own register `slot` under `key` at cycle n (as narrow as asked), reused from run to run;
   * undefined when a new one would pass the budget.
   */
  register(key: string, n: number, slot: number, narrow: boolean): V | undefined {
    const name = `${key}\u0000${n}\u0000${slot}\u0000${narrow ? "n" : "w"}`;
    let r = this.registers.get(name);
    if (r === undefined) {
      const size = narrow ? 1 : this.calc.lanes;
      if (this.used + size > this.budget) return undefined;
      this.used += size;
      if (narrow) r = this.calc.narrow();
      else {
        if (this.block.length === 0) this.block = this.registersOf(Math.max(1, Math.min(64, Math.floor((this.budget - this.used + size) / size)))).reverse();
        r = this.block.pop()!;
      }
      this.registers.set(name, r);
    }
    return r;
  }

  /**
   * Makes `value` the store's register `slot` under `key` at cycle n (as `register` names it) and returns the
   * register it held before (a new one when none), for the caller to use in its place; undefined, with nothing
   * changed, when a new one would pass the budget. Saves copying a value the caller has just computed.
   */
  exchange(key: string, n: number, slot: number, narrow: boolean, value: V): V | undefined {
    const before = this.register(key, n, slot, narrow);
    if (before === undefined) return undefined;
    this.registers.set(`${key}\u0000${n}\u0000${slot}\u0000${narrow ? "n" : "w"}`, value);
    return before;
  }

  /** Keeps `values` (registers of this store, or ones that stay unchanged for the run) under `key` for cycle n. */
  set(key: string, n: number, values: readonly V[]): void {
    let list = this.kept.get(key);
    if (list === undefined) this.kept.set(key, (list = []));
    const k = list[n];
    if (k === undefined) list[n] = { run: this.run, values: [...values] };
    else {
      k.run = this.run;
      k.values.length = 0;
      k.values.push(...values);
    }
  }
}
