import { VbpInputError } from "../../errors/VbpInputError.js";
import type { PathwayModel } from "../../pathway/model.js";
import { evaluateFigures, marginOf, prepareDsa, type DsaModel, type OptionFigures } from "./figures.js";

/**
 * One axis of a two-way analysis: explicit `values`, or a `range` (default: the distribution's 2.5th–97.5th
 * percentiles) split into `steps` evenly spaced values (default 11).
 *
 * @example
 * ```ts
 * const x: TwoWayAxis = { parameter: "p_ssi", range: [0.02, 0.1], steps: 9 };
 * ```
 * @category Uncertainty
 */
export interface TwoWayAxis {
  /** Parameter id. */
  readonly parameter: string;
  /** Values to evaluate. */
  readonly values?: readonly number[];
  /** Low and high. */
  readonly range?: readonly [number, number];
  /** Number of values over the range. */
  readonly steps?: number;
}

/**
 * A two-way grid: every option's figures at each pair of values.
 *
 * @example
 * ```ts
 * const doc = { id: "ssi", currency: "GBP",
 *   parameters: [{ id: "p_ssi", value: "0.05" }, { id: "c_bed_day", value: 345 }, { id: "los", value: 3 }, { id: "los_ssi", value: 7 }],
 *   tree: { root: "surgery", nodes: [
 *     { id: "surgery", items: [{ id: "bed", category: "bed-days", quantity: { param: "los" }, unitCost: { param: "c_bed_day" } }],
 *       branches: [{ to: "ssi", probability: { param: "p_ssi" } }, { to: "healed", probability: "rest" }] },
 *     { id: "ssi", items: [{ id: "bed", category: "bed-days", quantity: { param: "los_ssi" }, unitCost: { param: "c_bed_day" } }], qalys: "-0.02" },
 *     { id: "healed" },
 *   ] },
 *   options: [{ id: "standard", isComparator: true },
 *     { id: "npwt", effects: [{ op: "multiply", target: { node: "surgery", branch: "ssi" }, value: "0.6" }], extraCosts: [{ id: "npwt", category: "consumables", amount: "15" }] }],
 *   uncertainty: { distributions: { p_ssi: { type: "beta", mean: 0.05, se: 0.01 }, c_bed_day: { type: "gamma", mean: 345, se: 50 }, los_ssi: { type: "gamma", mean: 7, se: 2 } } },
 * };
 * const g: TwoWayResult = twoWaySensitivity(doc, { x: { parameter: "p_ssi" }, y: { parameter: "c_bed_day" } });
 * g.cells[0][0].figures?.[1].costs;
 * ```
 * @category Uncertainty
 */
export interface TwoWayResult {
  /** The comparator. */
  readonly comparatorId: string;
  /** The x parameter and its values. */
  readonly x: {
    /** Parameter id. */
    readonly parameter: string;
    /** Its values. */
    readonly values: readonly number[];
  };
  /** The y parameter and its values. */
  readonly y: {
    /** Parameter id. */
    readonly parameter: string;
    /** Its values. */
    readonly values: readonly number[];
  };
  /** `cells[i][j]`: x = x.values[i], y = y.values[j]; `figures` absent where the pair breaks a model rule. */
  readonly cells: readonly (readonly {
    /** Every option's figures. */
    readonly figures?: readonly OptionFigures[];
    /** The rule broken, when the pair is invalid. */
    readonly problem?: string;
  }[])[];
}

function axisValues(m: DsaModel, axis: TwoWayAxis, path: string): number[] {
  const known = (m.compiled.model.parameters ?? []).some((p) => p.id === axis.parameter);
  if (!known) throw new VbpInputError([{ code: "unknown_reference", path: [path, "parameter"], message: `no parameter "${axis.parameter}" in the model` }]);
  if (axis.values !== undefined) {
    if (axis.values.length < 2 || axis.values.length > 201 || !axis.values.every(Number.isFinite)) throw new VbpInputError([{ code: "invalid_value", path: [path, "values"], message: "must be 2 to 201 finite numbers" }]);
    return [...axis.values];
  }
  const steps = axis.steps ?? 11;
  if (!Number.isInteger(steps) || steps < 2 || steps > 201) throw new VbpInputError([{ code: "invalid_value", path: [path, "steps"], message: `must be a whole number from 2 to 201, got ${steps}` }]);
  let range = axis.range;
  if (range === undefined) {
    const margin = marginOf(m, axis.parameter);
    if (margin === undefined) throw new VbpInputError([{ code: "invalid_value", path: [path, "range"], message: `"${axis.parameter}" has no distribution: give a range or values` }]);
    range = [margin.quantile(0.025), margin.quantile(0.975)];
  }
  const [lo, hi] = range;
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && hi > lo)) throw new VbpInputError([{ code: "invalid_value", path: [path, "range"], message: `must be [low, high] with low < high, got [${lo}, ${hi}]` }]);
  return Array.from({ length: steps }, (_, i) => (i === steps - 1 ? hi : lo + ((hi - lo) * i) / (steps - 1)));
}

/** @internal Two-way on a prepared model. */
export function twoWayOn(m: DsaModel, settings: { readonly x: TwoWayAxis; readonly y: TwoWayAxis }): TwoWayResult {
  if (settings.x.parameter === settings.y.parameter) throw new VbpInputError([{ code: "invalid_value", path: ["y", "parameter"], message: "the two axes must vary different parameters" }]);
  const xs = axisValues(m, settings.x, "x");
  const ys = axisValues(m, settings.y, "y");
  const cells = xs.map((xv) =>
    ys.map((yv) => {
      try {
        return { figures: evaluateFigures(m, { [settings.x.parameter]: xv, [settings.y.parameter]: yv }) };
      } catch (e) {
        if (e instanceof VbpInputError) return { problem: e.issues[0]!.message };
        throw e;
      }
    }),
  );
  return { comparatorId: m.comparatorId, x: { parameter: settings.x.parameter, values: xs }, y: { parameter: settings.y.parameter, values: ys }, cells };
}

/**
 * Two-way sensitivity analysis: the compiled model evaluated on a grid of two parameters' values (every
 * other parameter at its base case).
 *
 * @param model - a model document or parsed model
 * @param settings - the two axes
 * @returns the grid of figures
 * @throws VbpInputError for an unknown parameter or a bad axis
 * @example
 * ```ts
 * const doc = { id: "ssi", currency: "GBP",
 *   parameters: [{ id: "p_ssi", value: "0.05" }, { id: "c_bed_day", value: 345 }, { id: "los", value: 3 }, { id: "los_ssi", value: 7 }],
 *   tree: { root: "surgery", nodes: [
 *     { id: "surgery", items: [{ id: "bed", category: "bed-days", quantity: { param: "los" }, unitCost: { param: "c_bed_day" } }],
 *       branches: [{ to: "ssi", probability: { param: "p_ssi" } }, { to: "healed", probability: "rest" }] },
 *     { id: "ssi", items: [{ id: "bed", category: "bed-days", quantity: { param: "los_ssi" }, unitCost: { param: "c_bed_day" } }], qalys: "-0.02" },
 *     { id: "healed" },
 *   ] },
 *   options: [{ id: "standard", isComparator: true },
 *     { id: "npwt", effects: [{ op: "multiply", target: { node: "surgery", branch: "ssi" }, value: "0.6" }], extraCosts: [{ id: "npwt", category: "consumables", amount: "15" }] }],
 *   uncertainty: { distributions: { p_ssi: { type: "beta", mean: 0.05, se: 0.01 }, c_bed_day: { type: "gamma", mean: 345, se: 50 }, los_ssi: { type: "gamma", mean: 7, se: 2 } } },
 * };
 * twoWaySensitivity(doc, { x: { parameter: "p_ssi", range: [0.02, 0.1], steps: 5 }, y: { parameter: "c_bed_day", values: [250, 350, 450] } });
 * ```
 * @category Uncertainty
 */
export function twoWaySensitivity(model: PathwayModel | unknown, settings: { readonly x: TwoWayAxis; readonly y: TwoWayAxis }): TwoWayResult {
  return twoWayOn(prepareDsa(model), settings);
}
