import type { Decimal } from "decimal.js";
import { Dec, decString, toLedgerScale } from "../../_lib/decimal.js";
import { fail, VbpInputError } from "../../errors/VbpInputError.js";
import type { VbpIssue, VbpPath } from "../../errors/issue.js";
import { fixedFromString, fixedOf, ledgerQuotient, ledgerUnitsOf, minusFixed, withinPrecision } from "../../_lib/fixed.js";
import { checkDecimalInput } from "../../schema/decimalInput.js";
import { bound, collect, describe, equals, fromResult, readDecimal, trace, under, type ScoreTrace } from "./trace.js";

/**
 * Which way a measured value is better: `"higher-is-better"` (the default: efficacy, uptime, warranty years)
 * or `"lower-is-better"` (carbon, delivery days, failure rate).
 *
 * @example
 * ```ts
 * const d: ValueDirection = "lower-is-better";
 * ```
 */
export type ValueDirection = "higher-is-better" | "lower-is-better";

/**
 * Which value function turns a measured value into points, which way is better, and its parameters.
 *
 * @example
 * ```ts
 * const spec: ValueFunctionSpec = { fn: "linear", direction: "lower-is-better", params: { lower: "2", upper: "10" } };
 * ```
 */
export type ValueFunctionSpec = {
  /** Identifier of a value function: a key of {@link VALUE_FUNCTIONS} or of the caller's own registry. */
  readonly fn: string;
  /** Which way the value is better; default `"higher-is-better"`. */
  readonly direction?: ValueDirection | undefined;
  /** The function's parameters (limits, points, steps), as documented on the function. */
  readonly params?: Readonly<Record<string, unknown>> | undefined;
};

/**
 * One documented parameter of a value function.
 *
 * @example
 * ```ts
 * VALUE_FUNCTIONS.linear.params.map((p) => p.name); //=> ["lower", "upper"]
 * ```
 */
export interface ValueFunctionParam {
  /** Parameter name as written in `spec.params`. */
  readonly name: string;
  /** What it means and the form it takes. */
  readonly description: string;
  /** Whether the function cannot run without it. */
  readonly required: boolean;
}

/**
 * What a value function sees when it scores one value.
 *
 * @example
 * ```ts
 * const score: ValueFunction["score"] = (v, ctx) => ({ points: ctx.maxPoints.times(v.gt(0) ? 1 : 0), substituted: "…" });
 * ```
 */
export interface ValueFunctionContext<P = Readonly<Record<string, unknown>>> {
  /** The most points the criterion can give. */
  readonly maxPoints: Decimal;
  /** Which way the value is better. */
  readonly direction: ValueDirection;
  /** The parameters, as returned by {@link ValueFunction.parseParams} (or as given when it has none). */
  readonly params: P;
}

/**
 * What a value function returns for one value, before the library's guards (a result below 0 is floored at 0
 * and one above the maximum capped, each with a note).
 *
 * @example
 * ```ts
 * const r: ValueFunctionResult = { points: "7.5", substituted: "10 × (25 − 10) / (30 − 10) = 7.5" };
 * ```
 */
export interface ValueFunctionResult {
  /** Points before the guards. */
  readonly points: Decimal | string;
  /** The formula with the numbers put in, ending with the result. */
  readonly substituted: string;
  /** Named inputs the function used (limits, the interpolation segment…), as decimal strings. */
  readonly inputs?: Readonly<Record<string, string>>;
  /** Notes, e.g. that the value was clamped to a limit. */
  readonly notes?: readonly string[];
}

/**
 * A named value function: turns a measured value (days, %, kgCO2e, years) into points. Built-ins are in
 * {@link VALUE_FUNCTIONS}; callers can register their own.
 *
 * @example
 * ```ts
 * const pass: ValueFunction = {
 *   id: "positive", label: "Full marks when positive", formula: "max if value > 0, else 0", params: [],
 *   score: (v, ctx) => ({ points: v.gt(0) ? ctx.maxPoints : "0", substituted: `value ${v.toString()}` }),
 * };
 * valueScore("3", "10", { fn: "positive" }, { ...VALUE_FUNCTIONS, positive: pass }).points; //=> "10"
 * ```
 */
export interface ValueFunction<P = Readonly<Record<string, unknown>>> {
  /** Identifier used in {@link ValueFunctionSpec.fn}. */
  readonly id: string;
  /** Human name. */
  readonly label: string;
  /** The formula in words and symbols. */
  readonly formula: string;
  /** The documented parameters. */
  readonly params: readonly ValueFunctionParam[];
  /**
   * Checks and converts the raw parameters; throws a VbpInputError whose issue paths are relative to
   * `params` (e.g. `["points", 2, "x"]`). Without it, `score` receives the raw parameters.
   *
   * @param raw - the parameters as written in the spec
   * @param direction - which way the value is better (some rules depend on it)
   */
  parseParams?(raw: Readonly<Record<string, unknown>>, direction: ValueDirection): P;
  /**
   * Scores one value.
   *
   * @param value - the measured value
   * @param ctx - the maximum, the direction and the parsed parameters
   */
  score(value: Decimal, ctx: ValueFunctionContext<P>): ValueFunctionResult;
}

const s = decString as (d: Decimal) => string;

/** Collects issues while parsing parameters, so every problem is reported at once. */
class ParamReader {
  readonly issues: VbpIssue[] = [];
  constructor(
    private readonly raw: Readonly<Record<string, unknown>>,
    private readonly fn: string,
    allowed: readonly string[],
  ) {
    for (const k of Object.keys(raw)) {
      if (!allowed.includes(k)) {
        this.issues.push({ code: "unrecognized_keys", path: [k], message: `unknown parameter "${k}" for value function "${fn}"; allowed: ${allowed.join(", ")}` });
      }
    }
  }
  get(name: string): unknown {
    return Object.hasOwn(this.raw, name) ? this.raw[name] : undefined;
  }
  decimal(value: unknown, path: VbpPath, required: boolean, rule: "any" | "positive" = "any"): Dec | undefined {
    if (value === undefined) {
      if (required) this.issues.push({ code: "invalid_type", path, message: `is required by value function "${this.fn}" (a decimal number)` });
      return undefined;
    }
    try {
      return readDecimal(value, path, rule);
    } catch (e) {
      if (e instanceof VbpInputError) this.issues.push(...e.issues);
      else throw e;
      return undefined;
    }
  }
  share(value: unknown, path: VbpPath, required: boolean): Dec | undefined {
    const d = this.decimal(value, path, required);
    if (d !== undefined && (d.lt(0) || d.gt(1))) {
      this.issues.push({ code: d.lt(0) ? "too_small" : "too_big", path, message: `must be a share of the maximum points between 0 and 1, got ${decString(d)}` });
      return undefined;
    }
    return d;
  }
  /** An ordered list of { x, y } points: x strictly ascending, y a share in [0, 1], monotone in the direction. */
  points(name: string, direction: ValueDirection, min: number): { x: Dec; y: Dec }[] | undefined {
    const raw = this.get(name);
    if (!Array.isArray(raw)) {
      this.issues.push({ code: "invalid_type", path: [name], message: `is required by value function "${this.fn}": a list of { x, y } points, got ${describe(raw)}` });
      return undefined;
    }
    if (raw.length < min || raw.length > 1000) {
      this.issues.push({ code: raw.length < min ? "too_small" : "too_big", path: [name], message: `must have ${raw.length < min ? `at least ${min}` : "at most 1000"} points, got ${raw.length}` });
      return undefined;
    }
    const out: { x: Dec; y: Dec }[] = [];
    let ok = true;
    raw.forEach((p: unknown, i) => {
      if (p === null || typeof p !== "object" || Array.isArray(p)) {
        this.issues.push({ code: "invalid_type", path: [name, i], message: `must be an object { x, y }, got ${describe(p)}` });
        ok = false;
        return;
      }
      const o = p as Record<string, unknown>;
      for (const k of Object.keys(o)) {
        if (k !== "x" && k !== "y") {
          this.issues.push({ code: "unrecognized_keys", path: [name, i, k], message: `unknown key "${k}" (a point has x and y)` });
          ok = false;
        }
      }
      const x = this.decimal(Object.hasOwn(o, "x") ? o.x : undefined, [name, i, "x"], true);
      const y = this.share(Object.hasOwn(o, "y") ? o.y : undefined, [name, i, "y"], true);
      if (x === undefined || y === undefined) ok = false;
      else out.push({ x, y });
    });
    if (!ok) return undefined;
    for (let i = 1; i < out.length; i++) {
      const a = out[i - 1] as { x: Dec; y: Dec };
      const b = out[i] as { x: Dec; y: Dec };
      if (!b.x.gt(a.x)) {
        this.issues.push({
          code: "out_of_order",
          path: [name, i, "x"],
          message: `x values must be strictly ascending: ${name}[${i}].x = ${decString(b.x)} is not greater than ${name}[${i - 1}].x = ${decString(a.x)}`,
        });
        return undefined;
      }
      const wrong = direction === "higher-is-better" ? b.y.lt(a.y) : b.y.gt(a.y);
      if (wrong) {
        this.issues.push({
          code: "out_of_order",
          path: [name, i, "y"],
          message: `y must ${direction === "higher-is-better" ? "not decrease" : "not increase"} as x rises when ${direction}: ${name}[${i}].y = ${decString(b.y)} after ${decString(a.y)}`,
        });
        return undefined;
      }
    }
    return out;
  }
  done(): void {
    if (this.issues.length > 0) throw new VbpInputError(this.issues);
  }
}

interface Limits {
  readonly lower: Dec;
  readonly upper: Dec;
}

function parseLimits(raw: Readonly<Record<string, unknown>>, fn: string, positive: boolean): Limits {
  const r = new ParamReader(raw, fn, ["lower", "upper"]);
  const lower = r.decimal(r.get("lower"), ["lower"], true, positive ? "positive" : "any");
  const upper = r.decimal(r.get("upper"), ["upper"], true, positive ? "positive" : "any");
  if (lower !== undefined && upper !== undefined && !upper.gt(lower)) {
    r.issues.push({
      code: "out_of_order",
      path: ["upper"],
      message: `must be greater than params.lower (${decString(lower)}), got ${decString(upper)}${upper.eq(lower) ? " (the limits are equal)" : ""}`,
    });
  }
  r.done();
  return { lower: lower as Dec, upper: upper as Dec };
}

/** Clamps a value into [lower, upper], noting it. */
function clampValue(v: Dec, lower: Dec, upper: Dec, notes: string[]): Dec {
  if (v.lt(lower)) {
    notes.push(`value ${decString(v)} is below the lower limit ${decString(lower)}: scored as ${decString(lower)} (clamped)`);
    return lower;
  }
  if (v.gt(upper)) {
    notes.push(`value ${decString(v)} is above the upper limit ${decString(upper)}: scored as ${decString(upper)} (clamped)`);
    return upper;
  }
  return v;
}

const LINEAR: ValueFunctionRule<Limits> = {
  id: "linear",
  label: "Linear between limits",
  formula: "higher-is-better: max × (v − lower) / (upper − lower); lower-is-better: max × (upper − v) / (upper − lower); v clamped to [lower, upper]",
  params: [
    { name: "lower", required: true },
    { name: "upper", required: true },
  ],
  parseParams: (raw) => parseLimits(raw, "linear", false),
  score(value, ctx) {
    const { lower, upper } = ctx.params;
    const notes: string[] = [];
    const v = clampValue(value as Dec, lower, upper, notes);
    const m = ctx.maxPoints;
    const higher = ctx.direction === "higher-is-better";
    const pts = m.times(higher ? v.minus(lower) : upper.minus(v)).div(upper.minus(lower));
    // The worked text is written when read (a trace), not for every value scored for points alone.
    return {
      points: pts,
      notes,
      get inputs() {
        return { lower: s(lower), upper: s(upper) };
      },
      get substituted() {
        const top = higher ? `${s(v)} − ${s(lower)}` : `${s(upper)} − ${s(v)}`;
        return `${s(m)} × (${top}) / (${s(upper)} − ${s(lower)}) ${equals(pts as Dec)}`;
      },
    };
  },
};

interface PiecewiseParams {
  readonly points: readonly { x: Dec; y: Dec }[];
}

const PIECEWISE: ValueFunctionRule<PiecewiseParams> = {
  id: "piecewise-linear",
  label: "Piecewise linear through stated points",
  formula: "max × y(v), y interpolated linearly between the stated points (x ascending); v clamped to [first x, last x]",
  params: [{ name: "points", required: true }],
  parseParams(raw, direction) {
    const r = new ParamReader(raw, "piecewise-linear", ["points"]);
    const points = r.points("points", direction, 2);
    r.done();
    return { points: points as { x: Dec; y: Dec }[] };
  },
  score(value, ctx) {
    const pts = ctx.params.points;
    const first = pts[0] as { x: Dec; y: Dec };
    const last = pts[pts.length - 1] as { x: Dec; y: Dec };
    const notes: string[] = [];
    const v = clampValue(value as Dec, first.x, last.x, notes);
    const m = ctx.maxPoints;
    let i = 0;
    while (i < pts.length - 2 && v.gt((pts[i + 1] as { x: Dec }).x)) i++;
    const a = pts[i] as { x: Dec; y: Dec };
    const b = pts[i + 1] as { x: Dec; y: Dec };
    const y = a.y.plus(b.y.minus(a.y).times(v.minus(a.x)).div(b.x.minus(a.x)));
    const points = m.times(y);
    return {
      points,
      notes,
      inputs: { x0: s(a.x), y0: s(a.y), x1: s(b.x), y1: s(b.y) },
      substituted: `${s(m)} × (${s(a.y)} + (${s(b.y)} − ${s(a.y)}) × (${s(v)} − ${s(a.x)}) / (${s(b.x)} − ${s(a.x)})) ${equals(points)}`,
    };
  },
};

interface StepParams {
  readonly steps: readonly { x: Dec; y: Dec }[];
  readonly otherwise: Dec;
}

const STEP: ValueFunctionRule<StepParams> = {
  id: "step",
  label: "Steps at thresholds",
  formula:
    "higher-is-better: max × y of the highest threshold x ≤ v; lower-is-better: max × y of the lowest threshold x ≥ v; max × otherwise when no threshold is met",
  params: [
    { name: "steps", required: true },
    { name: "otherwise", required: false },
  ],
  parseParams(raw, direction) {
    const r = new ParamReader(raw, "step", ["steps", "otherwise"]);
    const steps = r.points("steps", direction, 1);
    const otherwise = r.share(r.get("otherwise"), ["otherwise"], false) ?? new Dec(0);
    if (steps !== undefined) {
      const worst = steps.reduce((w, p) => (p.y.lt(w) ? p.y : w), new Dec(1));
      if (otherwise.gt(worst)) {
        r.issues.push({ code: "too_big", path: ["otherwise"], message: `must be at most the lowest step share ${decString(worst)} (missing every threshold cannot score more than meeting one), got ${decString(otherwise)}` });
      }
    }
    r.done();
    return { steps: steps as { x: Dec; y: Dec }[], otherwise };
  },
  score(value, ctx) {
    const v = value as Dec;
    const { steps, otherwise } = ctx.params;
    const m = ctx.maxPoints;
    let hit: { x: Dec; y: Dec } | undefined;
    if (ctx.direction === "higher-is-better") {
      for (const p of steps) if (v.gte(p.x)) hit = p;
    } else {
      for (let i = steps.length - 1; i >= 0; i--) {
        const p = steps[i] as { x: Dec; y: Dec };
        if (v.lte(p.x)) hit = p;
      }
    }
    if (hit === undefined) {
      const edge = ctx.direction === "higher-is-better" ? (steps[0] as { x: Dec }).x : (steps[steps.length - 1] as { x: Dec }).x;
      const pts = m.times(otherwise);
      const rel = ctx.direction === "higher-is-better" ? "below the lowest threshold" : "above the highest threshold";
      return {
        points: pts,
        notes: [`value ${s(v)} is ${rel} ${s(edge)}: the 'otherwise' share ${s(otherwise)} applies`],
        inputs: { threshold: s(edge), share: s(otherwise) },
        substituted: `v = ${s(v)} meets no threshold: ${s(m)} × ${s(otherwise)} ${equals(pts)}`,
      };
    }
    const pts = m.times(hit.y);
    const op = ctx.direction === "higher-is-better" ? "≥" : "≤";
    return { points: pts, inputs: { threshold: s(hit.x), share: s(hit.y) }, substituted: `v = ${s(v)} ${op} ${s(hit.x)}: ${s(m)} × ${s(hit.y)} ${equals(pts)}` };
  },
};

const LOGARITHMIC: ValueFunctionRule<Limits> = {
  id: "logarithmic",
  label: "Logarithmic between limits",
  formula:
    "higher-is-better: max × ln(v / lower) / ln(upper / lower); lower-is-better: max × ln(upper / v) / ln(upper / lower); 0 < lower < upper, v clamped to [lower, upper]",
  params: [
    { name: "lower", required: true },
    { name: "upper", required: true },
  ],
  parseParams: (raw) => parseLimits(raw, "logarithmic", true),
  score(value, ctx) {
    const { lower, upper } = ctx.params;
    const notes: string[] = [];
    const v = clampValue(value as Dec, lower, upper, notes);
    const m = ctx.maxPoints;
    const higher = ctx.direction === "higher-is-better";
    const pts = m.times((higher ? v.div(lower) : upper.div(v)).ln()).div(upper.div(lower).ln());
    const top = higher ? `ln(${s(v)} / ${s(lower)})` : `ln(${s(upper)} / ${s(v)})`;
    return { points: pts, notes, inputs: { lower: s(lower), upper: s(upper) }, substituted: `${s(m)} × ${top} / ln(${s(upper)} / ${s(lower)}) ${equals(pts)}` };
  },
};

interface BestParams {
  readonly best: Dec;
}

const PROPORTIONAL_TO_BEST: ValueFunctionRule<BestParams> = {
  id: "proportional-to-best",
  label: "Proportional to the best value",
  formula: "higher-is-better: max × v / best; lower-is-better: max × best / v; capped at max when v is better than best, 0 when higher is better and v ≤ 0",
  params: [{ name: "best", required: true }],
  parseParams(raw) {
    const r = new ParamReader(raw, "proportional-to-best", ["best"]);
    const best = r.decimal(r.get("best"), ["best"], true, "positive");
    r.done();
    return { best: best as Dec };
  },
  score(value, ctx) {
    const v = value as Dec;
    const { best } = ctx.params;
    const m = ctx.maxPoints;
    const inputs = { best: s(best) };
    if (ctx.direction === "higher-is-better") {
      if (v.gt(best)) return { points: m, inputs, notes: [`value ${s(v)} is better than best ${s(best)}: full marks (capped)`], substituted: `v = ${s(v)} ≥ best = ${s(best)}: ${s(m)}` };
      if (v.lte(0)) return { points: new Dec(0), inputs, notes: v.lt(0) ? [`value ${s(v)} is below 0: scored 0 (clamped)`] : [], substituted: `v = ${s(v)} ≤ 0: 0` };
      const pts = m.times(v).div(best);
      return { points: pts, inputs, substituted: `${s(m)} × ${s(v)} / ${s(best)} ${equals(pts)}` };
    }
    if (v.lt(best)) return { points: m, inputs, notes: [`value ${s(v)} is better than best ${s(best)}: full marks (capped)`], substituted: `v = ${s(v)} ≤ best = ${s(best)}: ${s(m)}` };
    const pts = m.times(best).div(v);
    return { points: pts, inputs, substituted: `${s(m)} × ${s(best)} / ${s(v)} ${equals(pts)}` };
  },
};

/**
 * @internal A built-in value function as scoring reads it: a {@link ValueFunction} without its parameters'
 * descriptions, which scoring never reads ({@link VALUE_FUNCTIONS} adds them, in valueFunctions.ts).
 */
export type ValueFunctionRule<P = unknown> = Omit<ValueFunction<P>, "params"> & { readonly params: readonly Omit<ValueFunctionParam, "description">[] };

function frozenFn<P>(f: ValueFunctionRule<P>): ValueFunctionRule<unknown> {
  return Object.freeze({ ...f, params: Object.freeze(f.params.map((p) => Object.freeze({ ...p }))) }) as ValueFunctionRule<unknown>;
}

/**
 * Identifiers of the built-in value functions.
 *
 * @example
 * ```ts
 * const id: ValueFunctionId = "piecewise-linear";
 * ```
 */
export type ValueFunctionId = "linear" | "piecewise-linear" | "step" | "logarithmic" | "proportional-to-best";

/** @internal The built-in value functions' arithmetic (no parameter descriptions): what scoring uses; {@link VALUE_FUNCTIONS} adds the texts. */
export const VALUE_FUNCTION_RULES: Readonly<Record<ValueFunctionId, ValueFunctionRule>> & Readonly<Record<string, ValueFunctionRule | undefined>> = Object.freeze({
  linear: frozenFn(LINEAR),
  "piecewise-linear": frozenFn(PIECEWISE),
  step: frozenFn(STEP),
  logarithmic: frozenFn(LOGARITHMIC),
  "proportional-to-best": frozenFn(PROPORTIONAL_TO_BEST),
});

/** @internal Resolves the function, direction and parsed parameters of a spec; issue paths under `spec`. */
export function resolveValueFunction(
  spec: ValueFunctionSpec,
  functions: Readonly<Record<string, ValueFunctionRule | undefined>>,
): { fn: ValueFunctionRule; direction: ValueDirection; params: unknown } {
  if (spec === null || typeof spec !== "object") fail({ code: "invalid_type", path: ["spec"], message: "must be an object { fn, direction?, params? }" });
  const id = spec.fn;
  if (typeof id !== "string" || !Object.hasOwn(functions, id)) {
    fail({ code: "unknown_reference", path: ["spec", "fn"], message: `unknown value function ${JSON.stringify(id)}; known functions: ${Object.keys(functions).join(", ")}` });
  }
  const fn = functions[id] as ValueFunctionRule;
  const direction = spec.direction ?? "higher-is-better";
  if (direction !== "higher-is-better" && direction !== "lower-is-better") {
    fail({ code: "invalid_value", path: ["spec", "direction"], message: `must be one of "higher-is-better", "lower-is-better", got ${describe(direction)}` });
  }
  const raw = spec.params ?? {};
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) fail({ code: "invalid_type", path: ["spec", "params"], message: `must be an object, got ${describe(raw)}` });
  const params = fn.parseParams === undefined ? raw : under(["spec", "params"], () => (fn.parseParams as NonNullable<typeof fn.parseParams>)(raw, direction));
  return { fn, direction, params };
}

/**
 * Turns a measured value into points with a named value function, returning the points and how they were
 * produced. Values outside the function's limits are clamped with a note; a result outside [0, max] is
 * floored or capped with a note.
 *
 * @param value - the measured value (decimal string)
 * @param maxPoints - the most points the criterion gives (≥ 0)
 * @param spec - the function, direction and parameters
 * @param functions - the registry to look the function up in (default {@link VALUE_FUNCTIONS})
 * @returns the trace: points in [0, maxPoints], formula, substituted numbers, inputs and notes
 * @throws VbpInputError when the value is not a number, the function is unknown or a parameter is invalid (limits equal, points unsorted)
 * @example
 * ```ts
 * valueScore("25", "10", { fn: "linear", params: { lower: "10", upper: "30" } }).substituted;
 * //=> "10 × (25 − 10) / (30 − 10) = 7.5"
 * ```
 */
export function valueScore(
  value: string,
  maxPoints: string,
  spec: ValueFunctionSpec,
  // The built-ins as scoring reads them: VALUE_FUNCTIONS without the parameters' descriptions, never read here.
  functions: Readonly<Record<string, ValueFunction<unknown> | undefined>> = VALUE_FUNCTION_RULES as Readonly<Record<string, ValueFunction<unknown> | undefined>>,
): ScoreTrace {
  const issues: VbpIssue[] = [];
  const v = collect(issues, () => readDecimal(value, ["value"], "any"));
  const compiled = collect(issues, () => compileValueScoring(maxPoints, spec, functions));
  if (issues.length > 0 || v === undefined || compiled === undefined) throw new VbpInputError(issues);
  return compiled.trace(v);
}

/**
 * The built-in linear function's points in ledger units, as its decimals give them (`points`), in integers. A
 * value outside the limits scores the limit's points, worked out once (the clamped values of a catalogue are
 * many). Inside them, max × (v − lower) / (upper − lower) lies in [0, max]: the exact difference from the
 * limit times the maximum is divided once ({@link ledgerQuotient}: half-even to 50 significant digits, then to
 * 20 places, as Decimal's `div` and the bound's `toDecimalPlaces`). A difference or product beyond 50 digits,
 * which Decimal would round first, is left to the decimals.
 */
function linearUnits(max: Dec, { lower, upper }: Limits, higher: boolean, points: (v: Dec) => Dec): (value: string) => bigint | undefined {
  const [maxF, lowerF, upperF, range] = [fixedOf(max), fixedOf(lower), fixedOf(upper), fixedOf(upper.minus(lower))];
  const [lowUnits, highUnits] = [ledgerUnitsOf(points(lower)), ledgerUnitsOf(points(upper))];
  return (value) => {
    const checked = checkDecimalInput(value);
    const v = checked.ok ? fixedFromString(checked.text) : undefined;
    if (v === undefined) return undefined;
    const fromLower = minusFixed(v, lowerF);
    if (fromLower.m < 0n) return lowUnits;
    const fromUpper = minusFixed(upperF, v);
    if (fromUpper.m < 0n) return highUnits;
    const diff = higher ? fromLower : fromUpper;
    // A product within 50 digits is exact in Decimal too, and so is the difference, its factor (unless the
    // maximum is 0: then the product, and the points, are 0 whatever the difference).
    const product = maxF.m * diff.m;
    return withinPrecision(product) ? ledgerQuotient(product, range, maxF.s + diff.s) : undefined;
  };
}

/** @internal A value function resolved once for a criterion: each value then costs one call of the function. */
export interface CompiledValueScoring {
  /** The points and how they were produced (as {@link valueScore}). */
  trace(value: Dec): ScoreTrace;
  /** The same points, without the trace. */
  points(value: Dec): Dec;
  /**
   * The same points for a value written as a decimal string, in ledger units (10^−20 points), worked out in
   * integers; `undefined` when only {@link points} can give them (a function other than the built-in linear
   * one, a value the decimal rule refuses, or digits beyond the library's precision).
   */
  units(value: string): bigint | undefined;
}

/**
 * @internal Resolves a value function and its parameters once for a criterion worth `maxPoints`: scoring
 * many options' values then costs one call of the function each (catalogue scale).
 */
export function compileValueScoring(maxPoints: string, spec: ValueFunctionSpec, functions: Readonly<Record<string, ValueFunctionRule | undefined>> = VALUE_FUNCTION_RULES): CompiledValueScoring {
  const issues: VbpIssue[] = [];
  const max = collect(issues, () => readDecimal(maxPoints, ["maxPoints"], "nonNegative"));
  const resolved = collect(issues, () => resolveValueFunction(spec, functions));
  if (issues.length > 0 || max === undefined || resolved === undefined) throw new VbpInputError(issues);
  const { fn, direction, params } = resolved;
  const formula = `${fn.formula} (${direction})`;
  const run = (v: Dec) => {
    const r = under(["spec"], () => fn.score(v, { maxPoints: max, direction, params }));
    return { r, raw: fromResult(r.points, ["spec", "fn"], `value function "${fn.id}"`) };
  };
  const points = (v: Dec): Dec => bound(run(v).raw, max, []);
  // The built-in linear function (from VALUE_FUNCTIONS or the rules scoring reads: the same score) is worked out in integers.
  const units = fn.score === VALUE_FUNCTION_RULES.linear.score ? linearUnits(max, params as Limits, direction === "higher-is-better", points) : () => undefined;
  return {
    points,
    units,
    trace: (v) => {
      const { r, raw } = run(v);
      const notes = [...(r.notes ?? [])];
      const points = bound(raw, max, notes);
      const inputs: Record<string, string> = { value: decString(v), max: decString(max), ...(r.inputs ?? {}) };
      const substituted = points.eq(toLedgerScale(raw)) ? r.substituted : `${r.substituted} → ${decString(points)}`;
      return trace({ points, maxPoints: max, formula, substituted, inputs, notes });
    },
  };
}
