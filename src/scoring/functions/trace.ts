import type { Decimal } from "decimal.js";
import { Dec, decString, toLedgerScale } from "../../_lib/decimal.js";
import { figureTextAt } from "../../_lib/figure.js";
import { fail, VbpInputError } from "../../errors/VbpInputError.js";
import { checkDecimalInput } from "../../schema/decimalInput.js";
import type { VbpIssue, VbpPath } from "../../errors/issue.js";

const ZERO = /* @__PURE__ */ new Dec(0);

/**
 * How one criterion's points were produced: the formula in words, the same formula with the numbers put in,
 * the named inputs and any note about limits applied (a floor at 0, a cap at the maximum). Plain JSON data.
 *
 * @example
 * ```ts
 * const t: ScoreTrace = priceScore("10000", ["9500", "10000"], "40", { formula: "relative-to-lowest" });
 * t.points;      //=> "38"
 * t.substituted; //=> "40 × 9500 / 10000 = 38"
 * ```
 */
export interface ScoreTrace {
  /** Points awarded: a decimal string in [0, maxPoints], exact to 20 decimal places (half-even); never negative or NaN. */
  readonly points: string;
  /** The most points the criterion can give, as a decimal string. */
  readonly maxPoints: string;
  /** The formula in words and symbols, e.g. `"max × Pmin / P"`. */
  readonly formula: string;
  /** The formula with the numbers put in, e.g. `"40 × 9500 / 10000 = 38"` (`≈` when the shown result is rounded to 6 places). */
  readonly substituted: string;
  /** The named inputs used (price, lowest price, limits, parameters), as decimal strings. */
  readonly inputs: Readonly<Record<string, string>>;
  /** Notes on limits applied or special cases, e.g. `"score floored at 0 (price more than double the lowest)"`. */
  readonly notes?: readonly string[];
}


/** The rule a decimal input must satisfy. */
export type DecimalRule = "any" | "nonNegative" | "positive";

/** @internal Reads a decimal input (string or finite number) or throws a VbpInputError naming the path. */
export function readDecimal(raw: unknown, path: VbpPath, rule: DecimalRule = "any", what = "a decimal number"): Dec {
  let d: Dec | undefined;
  if (raw instanceof Dec) d = raw;
  else if (typeof raw === "number" || typeof raw === "string") {
    // The one decimal rule (schema/decimalInput.ts): no hex, spaces or empty strings; below 10^15.
    const r = checkDecimalInput(raw);
    if (r.ok) d = new Dec(r.text);
    else if (r.code !== "invalid_type") fail({ code: r.code, path, message: r.message });
  }
  if (d === undefined || !d.isFinite()) {
    fail({ code: "invalid_type", path, message: `must be ${what} (a finite decimal number), got ${describe(raw)}` });
  }
  if (rule === "positive" && !d.gt(0)) fail({ code: "too_small", path, message: `must be > 0, got ${decString(d)}` });
  if (rule === "nonNegative" && d.lt(0)) fail({ code: "too_small", path, message: `must be ≥ 0, got ${decString(d)}` });
  return d;
}

/** @internal Describes a value for a message. */
export function describe(v: unknown): string {
  if (v === undefined) return "nothing";
  if (typeof v === "number") return String(v);
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (v instanceof Dec) return decString(v);
  return typeof v === "object" ? "an object" : String(v);
}

/** @internal Converts a value a (possibly user-supplied) function returned to Dec, or reports it as not computable. */
export function fromResult(value: unknown, path: VbpPath, who: string): Dec {
  let d: Dec | undefined;
  try {
    if (value instanceof Dec) d = value; // the library's own Decimal: the same value, not re-read from text
    else if (typeof value === "string" || typeof value === "number") d = new Dec(value);
    else if (value !== null && typeof value === "object" && typeof (value as Decimal).toFixed === "function") d = new Dec((value as Decimal).toString());
  } catch {
    d = undefined;
  }
  if (d === undefined || !d.isFinite()) {
    fail({ code: "not_computable", path, message: `${who} returned ${describe(value)} instead of a finite number of points` });
  }
  return d;
}

/** @internal A number as shown in a substituted formula: up to 6 decimal places. */
export function show(d: Dec): string {
  return figureTextAt(d, 6);
}

/** @internal `= x` when x shows exactly with 6 places or fewer, else `≈ x` (rounded to 6 places). */
export function equals(d: Dec): string {
  const r = d.toDecimalPlaces(6, Dec.ROUND_HALF_EVEN);
  return `${r.eq(d) ? "=" : "≈"} ${decString(r)}`;
}

/**
 * @internal Applies the guards every score passes: a result below 0 is floored at 0 and above the maximum
 * capped at it, each WITH a note (never silently); then rounds to the ledger scale.
 */
export function bound(points: Dec, max: Dec, notes: string[], below?: string, above?: string): Dec {
  let p = points;
  if (p.lt(ZERO)) {
    notes.push(`score floored at 0 (${below === undefined ? "" : `${below}; `}the formula gave ${show(p)})`);
    p = new Dec(0);
  } else if (p.gt(max)) {
    notes.push(`score capped at the maximum ${decString(max)} (${above === undefined ? "" : `${above}; `}the formula gave ${show(p)})`);
    p = max;
  }
  return toLedgerScale(p);
}

/** @internal Builds a frozen trace. */
export function trace(t: { points: Dec; maxPoints: Dec; formula: string; substituted: string; inputs: Record<string, string>; notes: readonly string[] }): ScoreTrace {
  return Object.freeze({
    points: decString(t.points),
    maxPoints: decString(t.maxPoints),
    formula: t.formula,
    substituted: t.substituted,
    inputs: Object.freeze({ ...t.inputs }),
    ...(t.notes.length > 0 ? { notes: Object.freeze([...t.notes]) } : {}),
  });
}

/** @internal Runs `f`; a VbpInputError it throws gets `prefix` put in front of every issue path. */
export function under<T>(prefix: VbpPath, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof VbpInputError) throw new VbpInputError(e.issues.map((i: VbpIssue) => ({ ...i, path: [...prefix, ...i.path] })));
    throw e;
  }
}

/** @internal Runs `f`; a VbpInputError's issues are added to `issues` and undefined returned, so several problems are reported at once. */
export function collect<T>(issues: VbpIssue[], f: () => T): T | undefined {
  try {
    return f();
  } catch (e) {
    if (e instanceof VbpInputError) {
      issues.push(...e.issues);
      return undefined;
    }
    throw e;
  }
}
