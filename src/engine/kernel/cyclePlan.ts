/**
 * The data of each Markov cycle as registers: within-cycle weights, discount factors at the parts' times,
 * their products, and the cycle variables (cycle, time, age).
 *
 * @module
 */
import type { Calculator } from "../backends/calculator.js";
import type { CMarkov, Program } from "../program.js";

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

/** Discount factors at one part time (a whole number of half cycles). */
interface Factors<V> {
  readonly dfc: V;
  readonly dfh: V;
  /** coeff × factor by weight index (the products used at this time). */
  readonly products: (readonly [V, V] | undefined)[];
}

/**
 * The data of each cycle (within-cycle weights × discount factors, cycle variables) in narrow registers
 * (one value for every draw), computed once per cycle and kept for every option and every run on the same
 * calculator, so the cycle loop does no discounting or weighting work of its own.
 *
 * Registers are read-only once made and shared wherever the values are the same: a weight is the
 * calculator's constant register; the discount factors at a part time are computed once for all the parts
 * (and cycles) at that time; the health factor is the cost factor's register when both schedules are the
 * same; and a weight of 1 times a factor is that factor.
 */
export class CyclePlan<V> {
  private readonly cycles: (CycleData<V> | undefined)[];
  private readonly factors: (Factors<V> | undefined)[] = [];
  private readonly halfL: V;
  private readonly L: V;
  private readonly startAge: V | undefined;
  private readonly t: V;
  private readonly sameSchedule: boolean;
  private readonly weights: readonly V[];
  constructor(
    private readonly calc: Calculator<V>,
    private readonly program: Program,
    private readonly m: CMarkov,
  ) {
    this.cycles = new Array<CycleData<V> | undefined>(m.cycles + 1).fill(undefined);
    this.halfL = calc.constant(m.halfCycleLength);
    this.L = calc.constant(m.cycleLength);
    this.startAge = m.startAge === undefined ? undefined : calc.constant(m.startAge);
    this.t = calc.narrow();
    const c = program.costSchedule;
    const h = program.healthSchedule;
    this.sameSchedule = c === h || JSON.stringify(c) === JSON.stringify(h);
    this.weights = m.weights.map((w) => calc.constant(w));
  }
  /** The discount factors at `half` half cycles (computed on first use). */
  private factorsAt(half: number): Factors<V> {
    const hit = this.factors[half];
    if (hit !== undefined) return hit;
    const calc = this.calc;
    calc.setText(this.t, String(half));
    calc.mul(this.t, this.t, this.halfL);
    const dfc = calc.narrow();
    calc.discount(dfc, this.program.costSchedule, this.t);
    let dfh = dfc;
    if (!this.sameSchedule) {
      dfh = calc.narrow();
      calc.discount(dfh, this.program.healthSchedule, this.t);
    }
    const f: Factors<V> = { dfc, dfh, products: [] };
    this.factors[half] = f;
    return f;
  }
  private part(k: number, coeffIndex: number, half: number): PlanPart<V> {
    const calc = this.calc;
    const f = this.factorsAt(half);
    const coeff = this.weights[coeffIndex]!;
    let pr = f.products[coeffIndex];
    if (pr === undefined) {
      let coeffC: V;
      let coeffH: V;
      if (this.m.weights[coeffIndex] === "1") {
        coeffC = f.dfc;
        coeffH = f.dfh;
      } else {
        coeffC = calc.narrow();
        calc.mul(coeffC, coeff, f.dfc);
        if (this.sameSchedule) coeffH = coeffC;
        else {
          coeffH = calc.narrow();
          calc.mul(coeffH, coeff, f.dfh);
        }
      }
      f.products[coeffIndex] = pr = [coeffC, coeffH];
    }
    return { k, coeff, coeffC: pr[0], coeffH: pr[1], dfc: f.dfc, dfh: f.dfh };
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
    const list = this.m.parts[n - 1]!;
    const parts: PlanPart<V>[] = [];
    for (const x of list) parts.push(this.part(x.k, x.coeff, x.half));
    const e = this.m.entries[n - 1]!;
    const ep = this.part(0, e.coeff, e.half);
    const entry = { k: 0, coeff: ep.coeff, coeffC: ep.coeffC, coeffH: ep.coeffH, dfc: ep.dfc, dfh: ep.dfh, unit: this.m.weights[e.coeff] === "1" };
    const data = { parts, entry, env };
    this.cycles[n] = data;
    return data;
  }
}
