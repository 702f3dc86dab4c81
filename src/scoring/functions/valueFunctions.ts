import { VALUE_FUNCTION_RULES, type ValueFunction, type ValueFunctionId } from "./value.js";

// What each built-in value function's parameters mean. Scoring never reads these texts, so they live apart from
// the functions' arithmetic and stay out of a bundle that only scores.

/** Each built-in function's parameter descriptions, by parameter name (built when the registry is first loaded). */
function descriptions(): Readonly<Record<ValueFunctionId, Readonly<Record<string, string>>>> {
  return {
    linear: {
      lower: "Lower limit of the value range (worst when higher is better, best when lower is better).",
      upper: "Upper limit of the value range; must be greater than lower.",
    },
    "piecewise-linear": {
      points: "At least 2 points { x, y }, x strictly ascending, y the share of the maximum points (0–1); y must not decrease as x rises when higher is better, and must not increase when lower is better.",
    },
    step: {
      steps: "At least 1 threshold { x, y }, x strictly ascending, y the share of the maximum points (0–1) given from that threshold (higher is better: v ≥ x; lower is better: v ≤ x); y monotone in the direction.",
      otherwise: "Share of the maximum (0–1) when no threshold is met; default 0; at most every step's y.",
    },
    logarithmic: {
      lower: "Lower limit of the value range, > 0.",
      upper: "Upper limit of the value range, greater than lower.",
    },
    "proportional-to-best": {
      best: "The best value (> 0): the best offered among the tenders, or a stated target.",
    },
  };
}

/**
 * The built-in value functions (v = measured value, max = maximum points), each usable either way round
 * (`direction`), each clamping values outside its limits with a note:
 *
 * - `linear`: `max × (v − lower)/(upper − lower)` (or `(upper − v)/…` when lower is better).
 * - `piecewise-linear`: through stated points `{ x, y }` (y a share of max), interpolated.
 * - `step`: thresholds `{ x, y }`: the share of the best threshold met, else `otherwise`.
 * - `logarithmic`: `max × ln(v/lower)/ln(upper/lower)`: diminishing returns.
 * - `proportional-to-best`: `max × v/best` (or `max × best/v`).
 *
 * Value functions as in multi-criteria decision analysis: Belton, V. & Stewart, T.J. (2002) Multiple Criteria
 * Decision Analysis: An Integrated Approach, ch. 5; UK Department for Communities and Local Government (2009)
 * Multi-criteria analysis: a manual, ch. 5–6.
 *
 * @example
 * ```ts
 * VALUE_FUNCTIONS.linear.formula.startsWith("higher-is-better"); //=> true
 * ```
 */
export const VALUE_FUNCTIONS: Readonly<Record<ValueFunctionId, ValueFunction<unknown>>> & Readonly<Record<string, ValueFunction<unknown> | undefined>> = /* @__PURE__ */ withTexts();

/* @__NO_SIDE_EFFECTS__ */
function withTexts(): Readonly<Record<ValueFunctionId, ValueFunction<unknown>>> {
  const byId = descriptions();
  const all = {} as Record<ValueFunctionId, ValueFunction<unknown>>;
  for (const id of Object.keys(VALUE_FUNCTION_RULES) as ValueFunctionId[]) {
    const rule = VALUE_FUNCTION_RULES[id];
    const params = rule.params.map((p) => Object.freeze({ name: p.name, required: p.required, description: byId[id][p.name] as string }));
    all[id] = Object.freeze({ ...rule, params: Object.freeze(params) });
  }
  return Object.freeze(all);
}
