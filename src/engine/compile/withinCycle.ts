/**
 * Within-cycle weights as data: how the occupancy at each cycle boundary counts towards each cycle's value.
 * A small registry of named methods, and caller-supplied boundary weights (an array, or an expression of the
 * boundary `cycle` = 0…N and the cycle count `cycles`).
 *
 * Two shapes:
 * - count methods (`none`, `start`, `half-cycle`): cycle n is valued by one boundary's occupancy, discounted
 *   at the period time of cycle n (timing position), and entries during cycle n at that time too;
 * - integration rules (`trapezoid`, `simpson`, `simpson-3/8`): cycle n is valued with its own values over
 *   its start and end occupancy (boundaries n−1 and n, discounted at (n−1)·L and n·L), with weights that add
 *   up to the rule's; entries during cycle n count once at n·L;
 * - boundary weights (`simpson-darthtools`, caller weights): boundary k (0…N) carries weight w_k, is valued
 *   with the values of cycle max(k, 1) and discounted at k·L; entries during cycle n carry the weight w_n of
 *   the boundary at which they complete, as in the tutorial code that applies its within-cycle vector to
 *   transition rewards too.
 *
 * Sources: Sonnenberg & Beck (1993) half-cycle; Elbasha & Chhatwal, Med Decis Making 2016;36(1):115–131
 * (trapezoid, Simpson's 1/3 and 3/8 rules); darthtools `gen_wcc(method = "Simpson1/3")` (Alarid-Escudero et al.,
 * Med Decis Making 2023;43(1):21–41), whose weights are 1/3 at both ends, 2/3 at odd and 4/3 at even interior
 * boundaries, for any number of cycles.
 *
 * @module
 */
import { Dec } from "../../_lib/decimal.js";
import type { VbpPath } from "../../errors/issue.js";
import type { MarkovModel } from "../../pathway/model.js";
import type { DiscountTiming } from "../../time/discount.js";
import { compileCode } from "../expression/code.js";
import { ExpressionError, parseExpression } from "../expression/parse.js";
import { evaluateScalar } from "../expression/scalar.js";
import { float64Text } from "../backends/float64.js";
import type { CyclePart } from "../program.js";
import type { Issues } from "./context.js";

/**
 * The named within-cycle methods and what each does.
 *
 * @example
 * ```ts
 * Object.keys(WITHIN_CYCLE_METHODS); //=> ["none", "start", "half-cycle", "trapezoid", "simpson", "simpson-3/8", "simpson-darthtools"]
 * ```
 * @category Pathway
 */
export const WITHIN_CYCLE_METHODS = /* @__PURE__ */ Object.freeze({
  /** The end-of-cycle count (no correction). */
  none: "the end-of-cycle count (no correction)",
  /** The start-of-cycle count. */
  start: "the start-of-cycle count",
  /** Sonnenberg & Beck (1993). */
  "half-cycle": "half-cycle correction (Sonnenberg & Beck 1993): end counts, plus half the start, less half the last",
  /** Trapezoidal rule. */
  trapezoid: "trapezoidal rule: weights 1/2, 1, …, 1, 1/2 at boundaries 0…N",
  /** Simpson's 1/3 rule (even number of cycles). */
  simpson: "Simpson's 1/3 rule, weights (1, 4, 2, 4, …, 4, 1)/3 at boundaries 0…N; needs an even number of cycles",
  /** Simpson's 1/3 rule with a 3/8 tail for an odd number of cycles. */
  "simpson-3/8": "Simpson's 1/3 rule over pairs of cycles and the 3/8 rule over the last three when the number of cycles is odd",
  /** darthtools' weight order. */
  "simpson-darthtools": "darthtools gen_wcc(\"Simpson1/3\"): 1/3 at both ends, 2/3 at odd and 4/3 at even interior boundaries, any number of cycles; entries weighted like their boundary",
} as const);

/** A named within-cycle method. */
export type WithinCycleName = keyof typeof WITHIN_CYCLE_METHODS;

/**
 * @internal The names of {@link WITHIN_CYCLE_METHODS}, in its order, as an error lists them: a model run reads
 * no method's text, so a bundle that only runs models leaves the texts out.
 */
export const WITHIN_CYCLE_NAMES = "none, start, half-cycle, trapezoid, simpson, simpson-3/8, simpson-darthtools";

/** Compiled within-cycle data for one Markov model. */
export interface WithinCycleData {
  readonly method: string;
  readonly parts: CyclePart[][];
  readonly entries: { coeff: number; half: number }[];
  readonly weights: string[];
}

/** Half-cycle count of the period time of cycle n under the timing position. */
function periodHalf(n: number, position: DiscountTiming["position"]): number {
  return position === "start" ? 2 * (n - 1) : position === "end" ? 2 * n : 2 * n - 1;
}

/** Builds the parts and entry weights of a Markov model's within-cycle method; records issues. */
export function compileWithinCycle(m: MarkovModel, N: number, position: DiscountTiming["position"], mp: VbpPath, issues: Issues): WithinCycleData {
  const weights: string[] = [];
  const index = new Map<string, number>();
  const w = (text: string): number => {
    let i = index.get(text);
    if (i === undefined) {
      i = weights.length;
      weights.push(text);
      index.set(text, i);
    }
    return i;
  };
  const third = new Dec(1).div(3).toString();
  const twoThirds = new Dec(2).div(3).toString();
  const fourThirds = new Dec(4).div(3).toString();
  const parts: CyclePart[][] = [];
  const entries: { coeff: number; half: number }[] = [];
  const spec = m.withinCycle ?? "none";
  const path = [...mp, "withinCycle"];

  const boundary = (wk: (k: number) => string, weightedEntries: boolean): void => {
    for (let n = 1; n <= N; n++) {
      const list: CyclePart[] = [];
      if (n === 1) list.push({ k: 0, coeff: w(wk(0)), half: 0 });
      list.push({ k: n, coeff: w(wk(n)), half: 2 * n });
      parts.push(list);
      entries.push({ coeff: w(weightedEntries ? wk(n) : "1"), half: 2 * n });
    }
  };

  if (typeof spec === "object") {
    let texts: string[] | undefined;
    if (spec.weights !== undefined && spec.weightsExpr !== undefined) issues.add(path, "give either weights or weightsExpr, not both", "invalid_value");
    else if (spec.weights !== undefined) {
      if (spec.weights.length !== N + 1) issues.add([...path, "weights"], `must give one weight per cycle boundary 0…${N} (${N + 1} weights), got ${spec.weights.length}`, "invalid_value");
      else {
        texts = spec.weights.map(String);
        texts.forEach((t, k) => {
          if (!(Number(t) >= 0 && Number.isFinite(Number(t)))) issues.add([...path, "weights", k], `must be a finite weight ≥ 0, got ${t}`, "invalid_value");
        });
      }
    } else if (spec.weightsExpr !== undefined) {
      try {
        const code = compileCode(parseExpression(spec.weightsExpr), {
          param: (name) => (name === "cycles" ? 0 : undefined),
          time: true,
          table: () => undefined,
        });
        texts = [];
        for (let k = 0; k <= N && texts !== undefined; k++) {
          const r = evaluateScalar(code, { params: [N], cycle: k, time: NaN, age: NaN });
          if ("problem" in r || !(r.value >= 0)) {
            issues.add([...path, "weightsExpr"], `gives no valid weight ≥ 0 at boundary cycle = ${k}${"problem" in r ? `: ${r.problem}` : `, got ${r.value}`} (the expression may use cycle = 0…${N} and cycles = ${N})`, "not_computable");
            texts = undefined;
          } else texts.push(float64Text(r.value));
        }
      } catch (e) {
        if (!(e instanceof ExpressionError)) throw e;
        issues.add([...path, "weightsExpr"], `expression ${e.message} (it may use cycle = the boundary 0…N and cycles = N)`, "invalid_format");
      }
    } else issues.add(path, "give weights (one per boundary 0…N) or weightsExpr", "invalid_value");
    if (texts !== undefined) {
      const t = texts;
      boundary((k) => t[k]!, true);
    }
    return { method: "weights", parts, entries, weights };
  }

  switch (spec) {
    case "none":
    case "start":
      for (let n = 1; n <= N; n++) {
        parts.push([{ k: spec === "none" ? n : n - 1, coeff: w("1"), half: periodHalf(n, position) }]);
        entries.push({ coeff: w("1"), half: periodHalf(n, position) });
      }
      break;
    case "half-cycle":
      // Sonnenberg & Beck (1993): the end-of-cycle count, plus half the starting cohort, less half the final cycle.
      for (let n = 1; n <= N; n++) {
        const list: CyclePart[] = [];
        if (n === 1) list.push({ k: 0, coeff: w("0.5"), half: 0 });
        list.push({ k: n, coeff: w(n === N ? "0.5" : "1"), half: periodHalf(n, position) });
        parts.push(list);
        entries.push({ coeff: w("1"), half: periodHalf(n, position) });
      }
      break;
    case "trapezoid":
      // Cycle n valued by the mean of its start and end occupancy, with cycle n's values.
      for (let n = 1; n <= N; n++) {
        parts.push([
          { k: n - 1, coeff: w("0.5"), half: 2 * (n - 1) },
          { k: n, coeff: w("0.5"), half: 2 * n },
        ]);
        entries.push({ coeff: w("1"), half: 2 * n });
      }
      break;
    case "simpson":
    case "simpson-3/8": {
      if (N < 2) {
        issues.add(path, `Simpson's rule needs at least 2 cycles, got ${N}`, "invalid_value");
        break;
      }
      if (spec === "simpson" && N % 2 === 1) {
        issues.add(path, `Simpson's 1/3 rule needs an even number of cycles, got ${N}: choose "simpson-3/8" (the 3/8 rule over the last three cycles), "simpson-darthtools", or give the weights`, "invalid_value");
        break;
      }
      // Composite 1/3 over pairs, weights (1, 4, 1)/3 split so each cycle carries weight 1: (1/3, 2/3) and
      // (2/3, 1/3); with an odd count (simpson-3/8 only), the 3/8 weights (1, 3, 3, 1)·3/8 over the last three
      // cycles as (3/8, 5/8), (4/8, 4/8), (5/8, 3/8). Each cycle is valued with its own values.
      const tail = N % 2 === 1 ? 3 : 0;
      const oneThird = new Dec(1).div(3);
      for (let n = 1; n <= N; n++) {
        let a: Dec;
        if (n > N - tail) {
          const j = n - (N - tail);
          a = new Dec(j === 1 ? "0.375" : j === 2 ? "0.5" : "0.625");
        } else a = n % 2 === 1 ? oneThird : new Dec(1).minus(oneThird);
        parts.push([
          { k: n - 1, coeff: w(a.toString()), half: 2 * (n - 1) },
          { k: n, coeff: w(new Dec(1).minus(a).toString()), half: 2 * n },
        ]);
        entries.push({ coeff: w("1"), half: 2 * n });
      }
      break;
    }
    case "simpson-darthtools":
      boundary((k) => (k === 0 || k === N ? third : k % 2 === 1 ? twoThirds : fourThirds), true);
      break;
    default:
      issues.add(path, `unknown within-cycle method "${String(spec)}" (known: ${WITHIN_CYCLE_NAMES}; or { weights } / { weightsExpr })`, "invalid_value");
  }
  return { method: String(spec), parts, entries, weights };
}
