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
  k: number;
  readonly coeff: V;
  /** coeff × cost discount factor, coeff × health discount factor. */
  readonly coeffC: V;
  readonly coeffH: V;
  readonly dfc: V;
  readonly dfh: V;
}

/**
 * The data of each cycle (within-cycle weights × discount factors, cycle variables) written into a few
 * reused registers as the cycles go: no allocation per cycle, so a 10,000-cycle horizon stays cheap.
 */
export class CyclePlan<V> {
  private readonly parts: PlanPart<V>[];
  private readonly first: PlanPart<V>[];
  readonly entry: PlanPart<V> & { unit: boolean };
  readonly env: { readonly cycle: V; readonly time: V; readonly age: V };
  private readonly t: V;
  private readonly halfL: V;
  private readonly L: V;
  private readonly startAge: V | undefined;
  constructor(
    private readonly calc: Calculator<V>,
    private readonly program: Program,
    private readonly m: CMarkov,
  ) {
    const r = (): V => calc.register();
    const part = (): PlanPart<V> => ({ k: 0, coeff: r(), coeffC: r(), coeffH: r(), dfc: r(), dfh: r() });
    this.parts = [part(), part()];
    this.first = [this.parts[0]!];
    this.entry = { ...part(), unit: true };
    this.env = { cycle: r(), time: r(), age: r() };
    this.t = r();
    this.halfL = calc.constant(m.halfCycleLength);
    this.L = calc.constant(m.cycleLength);
    this.startAge = m.startAge === undefined ? undefined : calc.constant(m.startAge);
  }
  private fill(p: PlanPart<V>, coeffIndex: number, half: number): void {
    const calc = this.calc;
    calc.copy(p.coeff, calc.constant(this.m.weights[coeffIndex]!));
    calc.setText(this.t, String(half));
    calc.mul(this.t, this.t, this.halfL);
    calc.discount(p.dfc, this.program.costSchedule, this.t);
    calc.discount(p.dfh, this.program.healthSchedule, this.t);
    calc.mul(p.coeffC, p.coeff, p.dfc);
    calc.mul(p.coeffH, p.coeff, p.dfh);
  }
  /** Sets the registers for cycle n; returns its parts. */
  cycle(n: number): readonly PlanPart<V>[] {
    const calc = this.calc;
    calc.setText(this.env.cycle, String(n));
    calc.setText(this.t, String(n - 1));
    calc.mul(this.env.time, this.t, this.L);
    if (this.startAge !== undefined) calc.add(this.env.age, this.startAge, this.env.time);
    const list = this.m.parts[n - 1]!;
    list.forEach((x, i) => {
      const p = this.parts[i]!;
      p.k = x.k;
      this.fill(p, x.coeff, x.half);
    });
    const e = this.m.entries[n - 1]!;
    this.fill(this.entry, e.coeff, e.half);
    this.entry.unit = this.m.weights[e.coeff] === "1";
    return list.length === 2 ? this.parts : this.first;
  }
}
