import type {
  ByCycleValue,
  DecisionTree,
  Decimalish,
  Effect,
  EffectTarget,
  ExprRef,
  LifeTableValue,
  MarkovModel,
  MarkovState,
  MarkovTransition,
  Parameter,
  ParamRef,
  PathwayModel,
  PathwayOption,
  ResourceItem,
  TimeValueInput,
  TreeNode,
  ValueInput,
} from "./model.js";
import { parsePathwayModel } from "./schema.js";

/**
 * A parameter's specification in {@link defineParameters}: everything but the id.
 *
 * @example
 * ```ts
 * const spec: ParameterSpec = { value: 0.05, label: "SSI risk", distribution: { type: "beta", alpha: 50, beta: 950 } };
 * ```
 */
export type ParameterSpec = Omit<Parameter, "id">;

/**
 * Defines named parameters, in the spirit of heemod's `define_parameters`: each key is a parameter id, each
 * value a number, a `param()`/`expr()` value, or a full specification.
 *
 * @example
 * ```ts
 * const parameters = defineParameters({
 *   p_ssi: { value: "0.05", label: "Surgical site infection risk" },
 *   rr_device: 0.6,
 *   p_ssi_device: expr("p_ssi * rr_device"),
 * });
 * ```
 */
export function defineParameters(spec: Readonly<Record<string, ValueInput | ParameterSpec>>): Parameter[] {
  return Object.entries(spec).map(([id, v]) => {
    if (typeof v === "string" || typeof v === "number" || "param" in v || "expr" in v) return { id, value: v as ValueInput };
    return { id, ...v };
  });
}

/**
 * A reference to a parameter.
 *
 * @example
 * ```ts
 * param("p_ssi"); //=> { param: "p_ssi" }
 * ```
 */
export function param(id: string): ParamRef {
  return { param: id };
}

/**
 * An expression over parameters (and, inside Markov models, `cycle`, `time`, `age`).
 *
 * @example
 * ```ts
 * expr("1 - exp(-rate * 0.5)"); //=> { expr: "1 - exp(-rate * 0.5)" }
 * ```
 */
export function expr(text: string): ExprRef {
  return { expr: text };
}

/**
 * A value that changes by cycle: keys are the first cycle (1-based) each value applies from.
 *
 * @example
 * ```ts
 * byCycle({ 1: 2086.5, 3: 0 }); //=> { byCycle: [{ fromCycle: 1, value: 2086.5 }, { fromCycle: 3, value: 0 }] }
 * ```
 */
export function byCycle(steps: Readonly<Record<number, ValueInput>>): ByCycleValue {
  return {
    byCycle: Object.entries(steps)
      .map(([k, value]) => ({ fromCycle: Number(k), value }))
      .sort((a, b) => a.fromCycle - b.fromCycle),
  };
}

/**
 * A transition probability read from a life table by age.
 *
 * @example
 * ```ts
 * lifeTable("ons-2020"); //=> { lifeTable: "ons-2020" }
 * ```
 */
export function lifeTable(id: string): LifeTableValue {
  return { lifeTable: id };
}

/**
 * A resource item: `quantity × unitCost` in a category.
 *
 * @example
 * ```ts
 * item("bed-day", "bed-days", 4, 345); //=> { id: "bed-day", category: "bed-days", quantity: 4, unitCost: 345 }
 * ```
 */
export function item(id: string, category: string, quantity: ValueInput, unitCost: ValueInput, more?: ItemExtras<ValueInput>): ResourceItem;
export function item(id: string, category: string, quantity: TimeValueInput, unitCost: TimeValueInput, more?: ItemExtras<TimeValueInput>): ResourceItem<TimeValueInput>;
export function item(id: string, category: string, quantity: TimeValueInput, unitCost: TimeValueInput, more: ItemExtras<TimeValueInput> = {}): ResourceItem<TimeValueInput> {
  return { id, category, quantity, unitCost, ...more };
}

/**
 * The optional parts of a resource item, for {@link item}.
 *
 * @example
 * ```ts
 * const extras: ItemExtras = { label: "Bed day", carbonKgPerUnit: 35 };
 * ```
 */
export type ItemExtras<V = ValueInput> = Omit<Partial<ResourceItem<V>>, "id" | "category" | "quantity" | "unitCost">;

/**
 * Defines a Markov state (heemod's `define_state`). `costs` is a shorthand for per-cycle items with
 * quantity 1: each key is both the item id and its category.
 *
 * @example
 * ```ts
 * defineState("A", { utility: 1, costs: { "direct-medical": 1701, community: 1055, drugs: 2278 } });
 * ```
 */
export function defineState(
  id: string,
  spec: Omit<MarkovState, "id"> & {
    /** Per-cycle costs by category (quantity 1). */
    readonly costs?: Readonly<Record<string, TimeValueInput>>;
  },
): MarkovState {
  const { costs, items, ...rest } = spec;
  const fromCosts = Object.entries(costs ?? {}).map(([k, v]) => item(k, k, 1, v));
  const all = [...(items ?? []), ...fromCosts];
  return { id, ...rest, ...(all.length > 0 ? { items: all } : {}) };
}

/**
 * Transitions from a matrix (heemod's `define_transition`): `rows[i][j]` is the probability of moving from
 * `states[i]` to `states[j]`; `"rest"` is the complement of the row (heemod's `C`); literal zeros are omitted.
 *
 * @example
 * ```ts
 * transitionMatrix(["A", "B"], [
 *   ["rest", 0.2],
 *   [0, 1],
 * ]);
 * //=> [{ from: "A", to: "A", probability: "rest" }, { from: "A", to: "B", probability: 0.2 }, { from: "B", to: "B", probability: 1 }]
 * ```
 */
export function transitionMatrix(states: readonly string[], rows: readonly (readonly (TimeValueInput | "rest")[])[]): MarkovTransition[] {
  const out: MarkovTransition[] = [];
  rows.forEach((row, i) => {
    row.forEach((v, j) => {
      if (v === 0 || v === "0") return;
      out.push({ from: states[i] ?? `#${i}`, to: states[j] ?? `#${j}`, probability: v });
    });
  });
  return out;
}

/**
 * Defines a cohort state-transition (Markov) model.
 *
 * @example
 * ```ts
 * defineMarkov("hiv", { cycleLengthYears: 1, horizonYears: 20, states: [a, b, c, d], transitions });
 * ```
 */
export function defineMarkov(id: string, spec: Omit<MarkovModel, "id">): MarkovModel {
  return { id, ...spec };
}

/**
 * Defines a decision-tree node.
 *
 * @example
 * ```ts
 * defineNode("surgery", { items: [item("theatre", "theatre", 1.5, 1200)], branches: [{ to: "ssi", probability: param("p_ssi") }, { to: "healed", probability: "rest" }] });
 * ```
 */
export function defineNode(id: string, spec: Omit<TreeNode, "id"> = {}): TreeNode {
  return { id, ...spec };
}

/**
 * Defines a decision tree from its root and nodes.
 *
 * @example
 * ```ts
 * defineTree("surgery", [surgery, ssi, healed]);
 * ```
 */
export function defineTree(root: string, nodes: readonly TreeNode[], options: { readonly tolerance?: Decimalish } = {}): DecisionTree {
  return { root, nodes, ...(options.tolerance !== undefined ? { tolerance: options.tolerance } : {}) };
}

/**
 * Defines an option (heemod's `define_strategy`): a product or the comparator, as effects on the pathway.
 *
 * @example
 * ```ts
 * defineOption("comb", { label: "Combination therapy", effects: [applyHazardRatio({ markov: "hiv", from: "A", to: "B" }, 0.5)] });
 * ```
 */
export function defineOption(id: string, spec: Omit<PathwayOption, "id"> = {}): PathwayOption {
  return { id, ...spec };
}

/**
 * Optional parts of a numeric effect built with {@link setTo}, {@link multiplyBy}, {@link addTo} or
 * {@link applyHazardRatio}.
 *
 * @example
 * ```ts
 * const firstTwoYears: EffectExtras = { cycles: { from: 1, to: 2 }, note: "treatment for 2 years" };
 * ```
 */
export interface EffectExtras {
  /** Markov targets only: the cycles (1-based, inclusive) the effect applies in. */
  readonly cycles?: {
    /** First cycle. */
    readonly from: number;
    /** Last cycle (default: the horizon). */
    readonly to?: number;
  };
  /** Why (e.g. the trial it comes from). */
  readonly note?: string;
}

function numericEffect(op: "set" | "multiply" | "add" | "hazardRatio", target: EffectTarget, value: ValueInput, extras: EffectExtras): Effect {
  return { op, target, value, ...(extras.cycles !== undefined ? { cycles: extras.cycles } : {}), ...(extras.note !== undefined ? { note: extras.note } : {}) };
}

/**
 * An effect that sets a value.
 *
 * @example
 * ```ts
 * setTo({ node: "ward", item: "bed-day", field: "quantity" }, 3);
 * ```
 */
export function setTo(target: EffectTarget, value: ValueInput, extras: EffectExtras = {}): Effect {
  return numericEffect("set", target, value, extras);
}

/**
 * An effect that multiplies a value (a relative risk on a probability, a factor on a quantity).
 *
 * @example
 * ```ts
 * multiplyBy({ node: "surgery", branch: "ssi" }, 0.6);
 * ```
 */
export function multiplyBy(target: EffectTarget, value: ValueInput, extras: EffectExtras = {}): Effect {
  return numericEffect("multiply", target, value, extras);
}

/**
 * An effect that adds to a value.
 *
 * @example
 * ```ts
 * addTo({ node: "ward", item: "bed-day", field: "quantity" }, -1);
 * ```
 */
export function addTo(target: EffectTarget, value: ValueInput, extras: EffectExtras = {}): Effect {
  return numericEffect("add", target, value, extras);
}

/**
 * A hazard ratio on a Markov transition: rate × HR, or probability `1 − (1 − p)^HR`.
 *
 * @example
 * ```ts
 * applyHazardRatio({ markov: "hiv", from: "A", to: "C" }, 0.7, { cycles: { from: 1, to: 2 } });
 * ```
 */
export function applyHazardRatio(target: EffectTarget, value: ValueInput, extras: EffectExtras = {}): Effect {
  return numericEffect("hazardRatio", target, value, extras);
}

/**
 * An effect that replaces a resource item (e.g. a consumable) with another.
 *
 * @example
 * ```ts
 * replaceItem({ node: "surgery", item: "dressing" }, item("silver-dressing", "consumables", 1, 18));
 * ```
 */
export function replaceItem(target: EffectTarget, replacement: ResourceItem, note?: string): Effect {
  return { op: "replaceItem", target, item: replacement, ...(note !== undefined ? { note } : {}) };
}

/**
 * Assembles and checks a whole model (heemod's `run_model` inputs): returns the plain JSON document the
 * schema accepts (the same document `parsePathwayModel` would read from a file). Throws VbpInputError with
 * every problem and its path.
 *
 * @example
 * ```ts
 * const model = defineModel({ id: "ssi", parameters, tree, options: [comparator, deviceA] });
 * const result = runModel(model);
 * ```
 */
export function defineModel(spec: PathwayModel): PathwayModel {
  const doc = JSON.parse(JSON.stringify(spec)) as PathwayModel;
  parsePathwayModel(doc);
  return doc;
}
