import { describedShape } from "../schema/withMeta.js";
import { onFirstUse } from "../schema/onFirstUse.js";
import * as z from "zod/mini";
import { Dec, decString } from "../_lib/decimal.js";
import { fail, VbpInputError } from "../errors/VbpInputError.js";
import { parseWith } from "../schema/issues.js";
import { decimalSchema, idSchema, nonNegativeDecimalSchema, positiveDecimalSchema } from "../schema/primitives.js";
import { parseOptions, type ParsedOption } from "./_internal/options.js";
import { bestByNmb, nmbOf } from "./nmb.js";
import type { CeaOption } from "./types.js";

/** Default absolute tolerance on x for {@link findRoot}. */
const DEFAULT_TOLERANCE = "1e-10";
/** Default iteration limit for {@link findRoot}. */
const DEFAULT_MAX_ITERATIONS = 200;
/** Machine epsilon of the 50-digit decimal arithmetic, used by Brent's convergence test. */
const EPSILON = new Dec("1e-49");

/**
 * Settings of the bracketed root finder.
 *
 * @example
 * ```ts
 * const s: RootFinderSettings = { bracket: [0, 10000], tolerance: "1e-8", maxIterations: 100 };
 * ```
 */
export interface RootFinderSettings {
  /** `[lower, upper]`: the function must change sign (or be zero) between these ends; lower < upper. */
  readonly bracket: readonly [string | number, string | number];
  /** Absolute tolerance on x (> 0): the root is known to within this. Default `"1e-10"`. */
  readonly tolerance?: string | number;
  /** Most iterations before giving up (1–10,000). Default 200. */
  readonly maxIterations?: number;
}

/**
 * A root found by {@link findRoot}.
 *
 * @example
 * ```ts
 * const r: RootResult = { root: "2", value: "0", iterations: 3, evaluations: 5 };
 * ```
 */
export interface RootResult {
  /** x where the function is zero, to within the tolerance. */
  readonly root: string;
  /** The function's value at `root` (0 when the root is exact). */
  readonly value: string;
  /** Iterations used (0 when an end of the bracket is itself a root). */
  readonly iterations: number;
  /** Calls of the function. */
  readonly evaluations: number;
}

const rootSettingsSchema = /* @__PURE__ */ onFirstUse(() => z.strictObject(describedShape("analysis/solvers:rootSettings", {
  bracket: z.tuple([decimalSchema(), decimalSchema()]),
  tolerance: z.optional(positiveDecimalSchema()),
  maxIterations: z.optional(z.int().check(z.gte(1), z.lte(10_000))),
})));

function valueOf(raw: unknown, path: readonly (string | number)[], x: Dec): Dec {
  if ((typeof raw === "number" && Number.isFinite(raw)) || typeof raw === "string") {
    try {
      const d = new Dec(raw);
      if (d.isFinite()) return d;
    } catch {
      // reported below
    }
  }
  return fail({ code: "not_computable", path, message: `at x = ${decString(x)} the model returned ${typeof raw === "string" ? JSON.stringify(raw) : String(raw)}, not a finite decimal number` });
}

/** @internal Brent's method on exact decimals; `f` takes and returns Dec. */
function brent(f: (x: Dec) => Dec, settings: RootFinderSettings, path: readonly (string | number)[]): { root: Dec; value: Dec; iterations: number; evaluations: number } {
  const picked = {
    bracket: settings.bracket,
    ...(settings.tolerance === undefined ? {} : { tolerance: settings.tolerance }),
    ...(settings.maxIterations === undefined ? {} : { maxIterations: settings.maxIterations }),
  };
  const s = path.length === 0 ? parseWith(rootSettingsSchema(), picked) : parseWith(z.strictObject({ settings: rootSettingsSchema() }), { settings: picked }).settings;
  let a = new Dec(s.bracket[0]);
  let b = new Dec(s.bracket[1]);
  if (!a.lessThan(b)) fail({ code: "out_of_order", path: [...path, "bracket"], message: `lower end must be less than upper end, got [${decString(a)}, ${decString(b)}]` });
  const tol = new Dec(s.tolerance ?? DEFAULT_TOLERANCE);
  const maxIterations = s.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  let evaluations = 0;
  const g = (x: Dec): Dec => {
    evaluations += 1;
    return f(x);
  };
  let fa = g(a);
  let fb = g(b);
  if (fa.isZero()) return { root: a, value: fa, iterations: 0, evaluations };
  if (fb.isZero()) return { root: b, value: fb, iterations: 0, evaluations };
  if (fa.isPositive() === fb.isPositive()) {
    fail({
      code: "not_computable",
      path: [...path, "bracket"],
      message: `no sign change between ${decString(a)} (value ${decString(fa)}) and ${decString(b)} (value ${decString(fb)}): the bracket does not contain a solution; widen it, or the decision does not change in this range`,
    });
  }
  // Brent (1973), Algorithms for Minimization without Derivatives, ch. 4 ("zero"); as in Press et al.,
  // Numerical Recipes, 3rd ed., §9.3: inverse quadratic interpolation / secant steps, falling back to bisection.
  let c = b;
  let fc = fb;
  let d = b.minus(a);
  let e = d;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    if (fb.isPositive() === fc.isPositive() && !fc.isZero()) {
      c = a;
      fc = fa;
      d = b.minus(a);
      e = d;
    }
    if (fc.abs().lessThan(fb.abs())) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol1 = EPSILON.times(2).times(b.abs()).plus(tol.dividedBy(2));
    const xm = c.minus(b).dividedBy(2);
    if (fb.isZero() || xm.abs().lessThanOrEqualTo(tol1)) return { root: b, value: fb, iterations: iteration - 1, evaluations };
    if (e.abs().greaterThanOrEqualTo(tol1) && fa.abs().greaterThan(fb.abs())) {
      const s1 = fb.dividedBy(fa);
      let p: Dec;
      let q: Dec;
      if (a.equals(c)) {
        p = xm.times(2).times(s1);
        q = new Dec(1).minus(s1);
      } else {
        const q0 = fa.dividedBy(fc);
        const r = fb.dividedBy(fc);
        p = s1.times(xm.times(2).times(q0).times(q0.minus(r)).minus(b.minus(a).times(r.minus(1))));
        q = q0.minus(1).times(r.minus(1)).times(s1.minus(1));
      }
      if (p.isPositive()) q = q.negated();
      p = p.abs();
      const min1 = xm.times(3).times(q).minus(tol1.times(q).abs());
      const min2 = e.times(q).abs();
      if (p.times(2).lessThan(Dec.min(min1, min2))) {
        e = d;
        d = p.dividedBy(q);
      } else {
        d = xm;
        e = d;
      }
    } else {
      d = xm;
      e = d;
    }
    a = b;
    fa = fb;
    b = d.abs().greaterThan(tol1) ? b.plus(d) : b.plus(xm.isNegative() ? tol1.negated() : tol1);
    fb = g(b);
  }
  return fail({ code: "limit_exceeded", path: [...path, "maxIterations"], message: `no convergence to within ${s.tolerance ?? DEFAULT_TOLERANCE} after ${maxIterations} iterations (last x = ${decString(b)}, value ${decString(fb)}); raise maxIterations or the tolerance` });
}

/**
 * Finds x in a bracket where `f(x) = 0`, by Brent's method (bisection combined with secant and inverse
 * quadratic interpolation; Brent 1973, *Algorithms for Minimization without Derivatives*, ch. 4) in exact
 * 50-digit decimal arithmetic. Guaranteed to converge when `f` changes sign over the bracket: the bracket
 * shrinks every step and never falls back below bisection's pace by more than a small factor.
 *
 * Stops when the bracket is narrower than `2 × tolerance` (absolute, on x; default 1e-10) or `f` is exactly 0;
 * gives up after `maxIterations` (default 200) with a VbpInputError (code `limit_exceeded`).
 *
 * @param f - the function; receives x as a decimal string, returns a decimal string or finite number
 * @param settings - `{ bracket: [lower, upper], tolerance?, maxIterations? }`
 * @returns the root, f at the root, and the work done
 * @throws VbpInputError when the bracket has no sign change (code `not_computable`), is out of order, `f` returns a non-finite value, or the limit is reached
 * @example
 * ```ts
 * findRoot((x) => Number(x) ** 2 - 2, { bracket: [0, 2], tolerance: "1e-12" }).root.slice(0, 12);
 * //=> "1.4142135623"
 * ```
 */
export function findRoot(f: (x: string) => string | number, settings: RootFinderSettings): RootResult {
  const r = brent((x) => valueOf(f(decString(x)), ["f"], x), settings, ["settings"]);
  return Object.freeze({ root: decString(r.root), value: decString(r.value), iterations: r.iterations, evaluations: r.evaluations });
}

/**
 * The cost and effect of an option given a price (or any other parameter value): a caller's model.
 * Receives the value as a decimal string; returns decimal strings or finite numbers.
 *
 * @example
 * ```ts
 * const model: PriceModel = (price) => ({ cost: 2000 + 3 * Number(price), effect: "1.25" });
 * ```
 */
export type PriceModel = (price: string) => {
  /** The option's total cost at this price (decimal string or finite number). */
  readonly cost: string | number;
  /** The option's total effect at this price (decimal string or finite number). */
  readonly effect: string | number;
};

/**
 * Input of {@link breakEvenPrice}.
 *
 * @example
 * ```ts
 * const input: BreakEvenPriceInput = {
 *   model: (p) => ({ cost: 500 + 3 * Number(p), effect: "1.25" }),
 *   alternatives: [{ id: "usual", cost: 1500, effect: "1.2" }],
 *   threshold: 30000,
 *   bracket: [0, 10000],
 * };
 * ```
 */
export interface BreakEvenPriceInput extends RootFinderSettings {
  /** The option's cost and effect as a function of its price. */
  readonly model: PriceModel;
  /** The other options (fixed cost and effect): the comparator and any alternatives. */
  readonly alternatives: readonly CeaOption[];
  /** Willingness to pay per unit of effect λ (≥ 0). */
  readonly threshold: string | number;
  /** Id of the alternative to break even with; default the alternative with the highest NMB at λ. */
  readonly against?: string;
}

/**
 * Result of {@link breakEvenPrice}, {@link breakEvenPriceLinear} or {@link breakEvenParameter}.
 *
 * @example
 * ```ts
 * const r: BreakEvenResult = { value: "5000", threshold: "30000", against: "usual", againstNmb: "34500", method: "closed-form", iterations: 0 };
 * ```
 */
export interface BreakEvenResult {
  /** The break-even price (or parameter value): the decision changes here. May be negative (no positive price breaks even). */
  readonly value: string;
  /** λ used. */
  readonly threshold: string;
  /** Id of the alternative the option breaks even with. */
  readonly against: string;
  /** NMB of that alternative at λ (for {@link breakEvenParameter}: at the break-even value). */
  readonly againstNmb: string;
  /** `"closed-form"` (exact) or `"brent"` (root finder, within its tolerance). */
  readonly method: "closed-form" | "brent";
  /** Root-finder iterations (0 for the closed form). */
  readonly iterations: number;
}

const alternativesSettingsSchema = /* @__PURE__ */ onFirstUse(() => z.strictObject(describedShape("analysis/solvers:alternativesSettings", {
  threshold: nonNegativeDecimalSchema(),
  against: z.optional(idSchema()),
})));

function resolveAgainst(alternatives: readonly CeaOption[], threshold: unknown, against: unknown): { lambda: Dec; target: ParsedOption; nmb: Dec } {
  const parsed = parseOptions(alternatives, "alternatives");
  const s = parseWith(alternativesSettingsSchema(), { threshold, ...(against === undefined ? {} : { against }) });
  const lambda = new Dec(s.threshold);
  if (s.against === undefined) {
    const best = bestByNmb(parsed, lambda);
    return { lambda, target: best.option, nmb: best.nmb };
  }
  const target = parsed.find((o) => o.id === s.against);
  if (target === undefined) return fail({ code: "unknown_reference", path: ["against"], message: `no alternative has id "${s.against}"` });
  return { lambda, target, nmb: nmbOf(target, lambda) };
}

function evaluateModel(model: PriceModel, x: Dec, lambda: Dec): Dec {
  const out = model(decString(x));
  if (typeof out !== "object" || out === null) fail({ code: "not_computable", path: ["model"], message: `at x = ${decString(x)} the model returned ${String(out)}, not { cost, effect }` });
  const cost = valueOf(out.cost, ["model", "cost"], x);
  const effect = valueOf(out.effect, ["model", "effect"], x);
  return effect.times(lambda).minus(cost);
}

/**
 * The threshold (maximum justifiable) price of an option at a willingness to pay λ: the price at which its net
 * monetary benefit equals that of the best alternative (or a named one), found with {@link findRoot} on the
 * caller's model. Above this price the option is not cost-effective against that alternative at λ.
 *
 * Solves `E(p)·λ − C(p) = E_alt·λ − C_alt` for p (NMB: Stinnett & Mullahy 1998). When cost is linear in price
 * and effect does not depend on it, {@link breakEvenPriceLinear} gives the exact closed form.
 *
 * @param input - the model, the alternatives, λ, the bracket and optional root-finder settings
 * @returns the break-even price and the alternative it is measured against
 * @throws VbpInputError when the bracket has no sign change (no break-even price in it), for invalid input, or a non-finite model value
 * @example
 * ```ts
 * const r = breakEvenPrice({
 *   model: (p) => ({ cost: 500 + 3 * Number(p), effect: "1.25" }),
 *   alternatives: [{ id: "usual", cost: 1500, effect: "1.2" }],
 *   threshold: 30000,
 *   bracket: [0, 10000],
 * });
 * Number(r.value).toFixed(2);
 * //=> "833.33"   (1.25 × 30000 − 500 − 3p = 1.2 × 30000 − 1500, so 3p = 2500)
 * ```
 */
export function breakEvenPrice(input: BreakEvenPriceInput): BreakEvenResult {
  const { lambda, target, nmb } = resolveAgainst(input.alternatives, input.threshold, input.against);
  const r = brent((p) => evaluateModel(input.model, p, lambda).minus(nmb), input, []);
  return Object.freeze({ value: decString(r.root), threshold: decString(lambda), against: target.id, againstNmb: decString(nmb), method: "brent", iterations: r.iterations });
}

/**
 * Input of {@link breakEvenPriceLinear}: cost = `baseCost + price × units`, effect independent of price.
 *
 * @example
 * ```ts
 * const input: BreakEvenPriceLinearInput = { baseCost: 500, units: 3, effect: "1.25", alternatives: [{ id: "usual", cost: 1500, effect: "1.2" }], threshold: 30000 };
 * ```
 */
export interface BreakEvenPriceLinearInput {
  /** Every cost of the option except the priced item (pathway, staff, other consumables). */
  readonly baseCost: string | number;
  /** Units of the priced item used (per patient, on the same basis as the costs); > 0. */
  readonly units: string | number;
  /** The option's effect (does not depend on price). */
  readonly effect: string | number;
  /** The other options (fixed cost and effect). */
  readonly alternatives: readonly CeaOption[];
  /** Willingness to pay per unit of effect λ (≥ 0). */
  readonly threshold: string | number;
  /** Id of the alternative to break even with; default the alternative with the highest NMB at λ. */
  readonly against?: string;
}

const linearSchema = /* @__PURE__ */ onFirstUse(() => z.strictObject(describedShape("analysis/solvers:linear", {
  baseCost: decimalSchema(),
  units: positiveDecimalSchema(),
  effect: decimalSchema(),
})));

/**
 * Closed-form threshold price when cost is linear in price: `p* = (E·λ − baseCost − NMB_alt) / units`, where
 * `NMB_alt = E_alt·λ − C_alt` is the NMB of the best alternative at λ (or the named one). Exact (one decimal
 * division, 50 significant digits).
 *
 * @param input - base cost, units per patient, effect, the alternatives and λ
 * @returns the break-even price (negative when no positive price makes the option cost-effective)
 * @throws VbpInputError for invalid input (units must be > 0)
 * @example
 * ```ts
 * breakEvenPriceLinear({ baseCost: 500, units: 2, effect: "1.25", alternatives: [{ id: "usual", cost: 1500, effect: "1.2" }], threshold: 30000 }).value;
 * //=> "1250"   ((1.25 × 30000 − 500 − (1.2 × 30000 − 1500)) / 2 = (37000 − 34500) / 2)
 * ```
 */
export function breakEvenPriceLinear(input: BreakEvenPriceLinearInput): BreakEvenResult {
  const { lambda, target, nmb } = resolveAgainst(input.alternatives, input.threshold, input.against);
  const s = parseWith(linearSchema(), { baseCost: input.baseCost, units: input.units, effect: input.effect });
  const price = new Dec(s.effect).times(lambda).minus(s.baseCost).minus(nmb).dividedBy(s.units);
  return Object.freeze({ value: decString(price), threshold: decString(lambda), against: target.id, againstNmb: decString(nmb), method: "closed-form", iterations: 0 });
}

/**
 * Input of {@link breakEvenParameter}.
 *
 * @example
 * ```ts
 * const input: BreakEvenParameterInput = {
 *   model: (p) => [{ id: "usual", cost: 1000, effect: 5 }, { id: "new", cost: 1500, effect: 5 + Number(p) }],
 *   option: "new", comparator: "usual", threshold: 25000, bracket: [0, 1],
 * };
 * ```
 */
export interface BreakEvenParameterInput extends RootFinderSettings {
  /** The options' costs and effects as a function of the parameter (a decimal string). */
  readonly model: (value: string) => readonly CeaOption[];
  /** Id of the option whose adoption is in question. */
  readonly option: string;
  /** Id of the comparator. */
  readonly comparator: string;
  /** Willingness to pay per unit of effect λ (≥ 0). */
  readonly threshold: string | number;
}

/**
 * The value of one model parameter at which the decision between an option and its comparator changes:
 * incremental NMB `ΔE(x)·λ − ΔC(x) = 0` (a threshold analysis; Briggs, Claxton & Sculpher 2006, ch. 4),
 * found with {@link findRoot} in the given bracket.
 *
 * @param input - the model (parameter → options), the two ids, λ and the bracket
 * @returns the break-even value of the parameter
 * @throws VbpInputError when the bracket has no sign change, an id is not in the model's output, or the model's options are invalid
 * @example
 * ```ts
 * const r = breakEvenParameter({
 *   model: (gain) => [{ id: "usual", cost: 1000, effect: 5 }, { id: "new", cost: 1500, effect: 5 + Number(gain) }],
 *   option: "new", comparator: "usual", threshold: 25000, bracket: [0, 1],
 * });
 * Number(r.value); //=> 0.02   (the QALY gain at which INMB = 0: 500 / 25000)
 * ```
 */
export function breakEvenParameter(input: BreakEvenParameterInput): BreakEvenResult {
  const s = parseWith(z.extend(alternativesSettingsSchema(), { option: idSchema(), comparator: idSchema() }), {
    threshold: input.threshold,
    option: input.option,
    comparator: input.comparator,
  });
  const lambda = new Dec(s.threshold);
  let againstNmb = new Dec(0);
  const inmb = (x: Dec): Dec => {
    let options: ParsedOption[];
    try {
      options = parseOptions(input.model(decString(x)), "model");
    } catch (e) {
      if (e instanceof VbpInputError) throw new VbpInputError(e.issues.map((i) => ({ ...i, message: `${i.message} (at x = ${decString(x)})` })));
      throw e;
    }
    const find = (id: string, key: string): ParsedOption =>
      options.find((o) => o.id === id) ?? fail({ code: "unknown_reference", path: [key], message: `the model's options have no id "${id}" (at x = ${decString(x)})` });
    const option = find(s.option, "option");
    const comparator = find(s.comparator, "comparator");
    againstNmb = nmbOf(comparator, lambda);
    return nmbOf(option, lambda).minus(againstNmb);
  };
  const r = brent(inmb, input, []);
  inmb(r.root);
  return Object.freeze({ value: decString(r.root), threshold: decString(lambda), against: s.comparator, againstNmb: decString(againstNmb), method: "brent", iterations: r.iterations });
}
