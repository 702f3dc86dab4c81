/**
 * The data of each Markov cycle as registers: within-cycle weights, discount factors at the parts' times,
 * their products, and the cycle variables (cycle, time, age).
 *
 * @module
 */
import type { Calculator } from "../backends/calculator.js";
import type { CMarkov, Program } from "../program.js";
import { mapList } from "./mapList.js";

/** One part of a cycle's value: boundary k and registers holding its weight and discount data. */
export interface PlanPart<V> {
  readonly k: number;
  readonly coeff: V;
  /** coeff × cost discount factor, coeff × health discount factor. */
  readonly coeffC: V;
  readonly coeffH: V;
  readonly dfc: V;
  readonly dfh: V;
}

/** The data of one cycle: its parts, its entry part and its cycle variables (all narrow registers). */
export interface CycleData<V> {
  readonly parts: readonly PlanPart<V>[];
  readonly entry: PlanPart<V> & { readonly unit: boolean };
  readonly env: { readonly cycle: V; readonly time: V; readonly age: V };
}

/**
 * The data of each cycle (within-cycle weights × discount factors, cycle variables) in narrow registers
 * (one value for every draw), computed once per cycle and kept for every option and every run on the same
 * calculator, so the cycle loop does no discounting or weighting work of its own. Registers are read-only
 * once made and shared where the values are the same: a weight is the calculator's constant register, and
 * the discount factors at a part time (and their products with each weight) are computed once for every part
 * and cycle at that time.
 */
export class CyclePlan<V> {
  private readonly cycles: (CycleData<V> | undefined)[] = [];
  /** By part time (in half cycles): [dfc, dfh, then coeffC and coeffH by weight index]. */
  private readonly atHalf: (V[] | undefined)[] = [];
  private readonly halfL: V;
  private readonly L: V;
  private readonly startAge: V | undefined;
  private readonly t: V;
  constructor(
    private readonly calc: Calculator<V>,
    private readonly program: Program,
    private readonly m: CMarkov,
  ) {
    this.halfL = calc.constant(m.halfCycleLength);
    this.L = calc.constant(m.cycleLength);
    this.startAge = m.startAge === undefined ? undefined : calc.constant(m.startAge);
    this.t = calc.narrow();
  }
  private part(k: number, coeffIndex: number, half: number): PlanPart<V> & { unit: boolean } {
    const calc = this.calc;
    let f = this.atHalf[half];
    if (f === undefined) {
      calc.setText(this.t, String(half));
      calc.mul(this.t, this.t, this.halfL);
      f = [calc.narrow(), calc.narrow()];
      calc.discount(f[0]!, this.program.costSchedule, this.t);
      calc.discount(f[1]!, this.program.healthSchedule, this.t);
      this.atHalf[half] = f;
    }
    const coeff = calc.constant(this.m.weights[coeffIndex]!);
    const j = 2 + 2 * coeffIndex;
    if (f[j] === undefined) {
      f[j] = calc.narrow();
      f[j + 1] = calc.narrow();
      calc.mul(f[j]!, coeff, f[0]!);
      calc.mul(f[j + 1]!, coeff, f[1]!);
    }
    return { k, coeff, coeffC: f[j]!, coeffH: f[j + 1]!, dfc: f[0]!, dfh: f[1]!, unit: false };
  }
  /** The data of cycle n (1-based). */
  cycle(n: number): CycleData<V> {
    const hit = this.cycles[n];
    if (hit !== undefined) return hit;
    const calc = this.calc;
    const env = { cycle: calc.narrow(), time: calc.narrow(), age: calc.narrow() };
    calc.setText(env.cycle, String(n));
    calc.setText(this.t, String(n - 1));
    calc.mul(env.time, this.t, this.L);
    if (this.startAge !== undefined) calc.add(env.age, this.startAge, env.time);
    const parts = mapList(this.m.parts[n - 1]!, (x) => this.part(x.k, x.coeff, x.half));
    const e = this.m.entries[n - 1]!;
    const entry = this.part(0, e.coeff, e.half);
    entry.unit = this.m.weights[e.coeff] === "1";
    const data = { parts, entry, env };
    this.cycles[n] = data;
    return data;
  }
}
