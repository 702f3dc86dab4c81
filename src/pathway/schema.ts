import { withMeta } from "../schema/withMeta.js";
import type * as zc from "zod";
import { publicSchema } from "../schema/publicSchema.js";
import { onFirstUse } from "../schema/onFirstUse.js";
import * as z from "zod/mini";
import type { SafeResult } from "../errors/VbpInputError.js";
import { parseWith, safeParseWith } from "../schema/issues.js";
import { checkDecimalInput, DECIMAL_INPUT_LIMITS, DECIMAL_PATTERN } from "../schema/decimalInput.js";
import { currencySchema, idSchema, sourceSchema } from "../schema/primitives.js";
import { DISCOUNT_SCHEDULES } from "../time/schedules.js";
import { checkModel } from "../engine/checkModel.js";
import type { PathwayModel, TimeValueInput, ValueInput } from "./model.js";

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

function describe(v: unknown): string {
  if (typeof v === "number") return String(v);
  if (v === undefined) return "nothing";
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  return typeof v === "object" ? `an object with keys ${Object.keys(v as object).map((k) => JSON.stringify(k)).join(", ") || "(none)"}` : String(v);
}

type AddIssue = (path: (string | number)[], message: string, code?: string) => void;

function plainValue(v: unknown, add: AddIssue, path: (string | number)[]): ValueInput | undefined {
  if (typeof v === "number" || typeof v === "string") {
    // The one decimal rule (schema/decimalInput.ts), as for money and lifecycle amounts.
    const r = checkDecimalInput(v);
    if (r.ok) return r.text;
    if (typeof v === "string" && r.code === "invalid_type") add(path, `must be a decimal number (a JSON number or a decimal string), { "param": id } or { "expr": text }, got ${describe(v)}`, "invalid_type");
    else add(path, r.message, r.code);
    return undefined;
  }
  if (v !== null && typeof v === "object" && !Array.isArray(v)) {
    const keys = Object.keys(v);
    const o = v as Record<string, unknown>;
    if (keys.length === 1 && keys[0] === "param") {
      if (typeof o.param === "string" && ID.test(o.param)) return { param: o.param };
      add([...path, "param"], `must be a parameter id, got ${describe(o.param)}`, "invalid_type");
      return undefined;
    }
    if (keys.length === 1 && keys[0] === "expr") {
      if (typeof o.expr === "string" && o.expr.length <= 2000) return { expr: o.expr };
      add([...path, "expr"], `must be an expression text of at most 2000 characters, got ${describe(o.expr)}`, "invalid_type");
      return undefined;
    }
  }
  add(path, v === undefined ? "is required (a decimal number, { \"param\": id } or { \"expr\": text })" : `must be a decimal number, { "param": id } or { "expr": text }, got ${describe(v)}`, "invalid_type");
  return undefined;
}

function timeValue(v: unknown, add: AddIssue, path: (string | number)[], allowLifeTable: boolean): TimeValueInput | undefined {
  if (v !== null && typeof v === "object" && !Array.isArray(v)) {
    const keys = Object.keys(v);
    const o = v as Record<string, unknown>;
    if (keys.length === 1 && keys[0] === "lifeTable") {
      if (!allowLifeTable) {
        add(path, "a life-table lookup is only allowed for transition probabilities", "invalid_type");
        return undefined;
      }
      if (typeof o.lifeTable === "string" && ID.test(o.lifeTable)) return { lifeTable: o.lifeTable };
      add([...path, "lifeTable"], `must be a life table id, got ${describe(o.lifeTable)}`, "invalid_type");
      return undefined;
    }
    if (keys.length === 1 && keys[0] === "byCycle") {
      const steps = o.byCycle;
      if (!Array.isArray(steps) || steps.length === 0 || steps.length > 1000) {
        add([...path, "byCycle"], `must be a list of 1 to 1000 steps { fromCycle, value }, got ${describe(steps)}`, "invalid_type");
        return undefined;
      }
      const out: { fromCycle: number; value: ValueInput }[] = [];
      let ok = true;
      steps.forEach((s: unknown, i) => {
        const sp = [...path, "byCycle", i];
        if (s === null || typeof s !== "object" || Array.isArray(s)) {
          add(sp, `must be an object { fromCycle, value }, got ${describe(s)}`, "invalid_type");
          ok = false;
          return;
        }
        const so = s as Record<string, unknown>;
        for (const k of Object.keys(so)) {
          if (k !== "fromCycle" && k !== "value") {
            add([...sp, k], `unknown key "${k}" (check the spelling; unknown keys are not allowed)`, "unrecognized_keys");
            ok = false;
          }
        }
        const fc = so.fromCycle;
        const prev = out[out.length - 1];
        if (typeof fc !== "number" || !Number.isInteger(fc) || fc < 1) {
          add([...sp, "fromCycle"], `must be a whole number ≥ 1, got ${describe(fc)}`, "invalid_type");
          ok = false;
        } else if (i === 0 && fc !== 1) {
          add([...sp, "fromCycle"], `the first step must start at cycle 1, got ${fc}`, "invalid_value");
          ok = false;
        } else if (prev !== undefined && fc <= prev.fromCycle) {
          add([...sp, "fromCycle"], `must be greater than the previous step's fromCycle (${prev.fromCycle}), got ${fc}`, "out_of_order");
          ok = false;
        }
        const val = plainValue(so.value, add, [...sp, "value"]);
        if (val === undefined) ok = false;
        else if (typeof fc === "number") out.push({ fromCycle: fc, value: val });
      });
      return ok ? { byCycle: out } : undefined;
    }
  }
  return plainValue(v, add, path);
}

function valueSchemaOf<T>(parse: (v: unknown, add: AddIssue) => T | undefined, description: string, anyOf: object[]) {
  return withMeta(z.pipe(z
    .any(), z.transform((v: unknown, ctx): T => {
      let failed = false;
      const r = parse(v, (path, message, code) => {
        failed = true;
        ctx.issues.push({ code: "custom", path, message, input: v, params: { vbpCode: code ?? "invalid_type" } });
      });
      if (failed || r === undefined) return z.NEVER;
      return r;
    })), { description, anyOf });
}

const DECIMAL_JSON = [{ type: "number" }, { type: "string", pattern: DECIMAL_PATTERN.source, maxLength: DECIMAL_INPUT_LIMITS.maxLength }];
const PARAM_JSON = { type: "object", properties: { param: { type: "string", description: "A parameter id." } }, required: ["param"], additionalProperties: false };
const EXPR_JSON = { type: "object", properties: { expr: { type: "string", maxLength: 2000, description: "An arithmetic expression over parameters." } }, required: ["expr"], additionalProperties: false };
const BY_CYCLE_JSON = {
  type: "object",
  properties: {
    byCycle: {
      type: "array",
      description: "Steps { fromCycle, value }, the first from cycle 1.",
      items: {
        type: "object",
        properties: {
          fromCycle: { type: "integer", minimum: 1, description: "First cycle (1-based) the value applies to." },
          value: { anyOf: [...DECIMAL_JSON, PARAM_JSON, EXPR_JSON], description: "The value from that cycle on." },
        },
        required: ["fromCycle", "value"],
        additionalProperties: false,
      },
    },
  },
  required: ["byCycle"],
  additionalProperties: false,
};
const LIFE_TABLE_JSON = { type: "object", properties: { lifeTable: { type: "string", description: "A life table id." } }, required: ["lifeTable"], additionalProperties: false };

/** A value: decimal, `{ param }` or `{ expr }`. */
const valueSchema = /* @__PURE__ */ onFirstUse(() => valueSchemaOf<ValueInput>((v, add) => plainValue(v, add, []), "A number: a decimal (JSON number or decimal string), { \"param\": id } or { \"expr\": \"text\" }.", [...DECIMAL_JSON, PARAM_JSON, EXPR_JSON]));
const timeValueSchema = /* @__PURE__ */ onFirstUse(() => valueSchemaOf<TimeValueInput>(
  (v, add) => timeValue(v, add, [], false),
  "A number inside a Markov model: a decimal, { \"param\": id }, { \"expr\": text } (may use cycle, time, age) or { \"byCycle\": [{ fromCycle, value }] }.",
  [...DECIMAL_JSON, PARAM_JSON, EXPR_JSON, BY_CYCLE_JSON],
));
const transitionValueSchema = /* @__PURE__ */ onFirstUse(() => valueSchemaOf<TimeValueInput | "rest">(
  (v, add) => (v === "rest" ? "rest" : timeValue(v, add, [], true)),
  "A per-cycle probability: a decimal, { \"param\" }, { \"expr\" }, { \"byCycle\" }, { \"lifeTable\": id }, or \"rest\" (the complement of the row).",
  [...DECIMAL_JSON, PARAM_JSON, EXPR_JSON, BY_CYCLE_JSON, LIFE_TABLE_JSON, { const: "rest" }],
));
const transitionRateSchema = /* @__PURE__ */ onFirstUse(() => valueSchemaOf<TimeValueInput>(
  (v, add) => timeValue(v, add, [], true),
  "An annual rate (≥ 0), turned into a cycle probability 1 − e^(−rate × cycle length).",
  [...DECIMAL_JSON, PARAM_JSON, EXPR_JSON, BY_CYCLE_JSON],
));
const branchProbabilitySchema = /* @__PURE__ */ onFirstUse(() => valueSchemaOf<ValueInput | "rest">(
  (v, add) => (v === "rest" ? "rest" : plainValue(v, add, [])),
  "A branch probability in [0, 1] (decimal, { \"param\" } or { \"expr\" }), or \"rest\" for 1 minus the node's other branches.",
  [...DECIMAL_JSON, PARAM_JSON, EXPR_JSON, { const: "rest" }],
));

const label = /* @__PURE__ */ onFirstUse(() => z.string().check(z.maxLength(500)));
const categorySchema = /* @__PURE__ */ onFirstUse(() => z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9 ._:/-]{0,63}$/, { message: "must be 1–64 letters, digits, spaces or . _ : / -" })));

const decimalText = (description: string) =>
  valueSchemaOf<string>(
    (v, add) => {
      const r = plainValue(v, add, []);
      if (r !== undefined && typeof r !== "string") {
        add([], "must be a plain decimal number here (no parameter or expression)", "invalid_type");
        return undefined;
      }
      return r;
    },
    description,
    DECIMAL_JSON,
  );

const distributionSchema = /* @__PURE__ */ onFirstUse(() => withMeta(z
  .discriminatedUnion("type", [
    z.strictObject({
      type: withMeta(z.literal("beta"), { description: "Beta(α, β), for probabilities and utilities." }),
      alpha: decimalText("Shape α > 0."),
      beta: decimalText("Shape β > 0."),
    }),
    z.strictObject({
      type: withMeta(z.literal("gamma"), { description: "Gamma(shape, scale), for costs; mean = shape × scale." }),
      shape: decimalText("Shape k > 0."),
      scale: decimalText("Scale θ > 0."),
    }),
    z.strictObject({
      type: withMeta(z.literal("lognormal"), { description: "Lognormal, for relative risks, hazard ratios and costs." }),
      meanlog: decimalText("Mean of log X."),
      sdlog: decimalText("Standard deviation of log X, > 0."),
    }),
    z.strictObject({
      type: withMeta(z.literal("normal"), { description: "Normal(mean, sd²)." }),
      mean: decimalText("Mean."),
      sd: decimalText("Standard deviation > 0."),
    }),
    z.strictObject({
      type: withMeta(z.literal("dirichlet"), { description: "Dirichlet, for a row of transition probabilities; the parameter is one component." }),
      alpha: withMeta(z.array(decimalText("Concentration α_i > 0.")).check(z.minLength(2)).check(z.maxLength(100)), { description: "Concentrations (e.g. observed transition counts), each > 0." }),
      index: withMeta(z.int().check(z.gte(0)).check(z.lte(99)), { description: "Which component (0-based) this parameter is." }),
    }),
    z.strictObject({ type: withMeta(z.literal("fixed"), { description: "No uncertainty: held fixed." }) }),
  ]), { description: "Uncertainty distribution for later probabilistic sensitivity analysis (validated, not sampled here)." }));

const parameterSchema = /* @__PURE__ */ onFirstUse(() => withMeta(z
  .strictObject({
    id: withMeta(idSchema(), { description: "Identifier used in { \"param\": id } and in expressions (expressions need letters, digits, _ and . only)." }),
    value: withMeta(valueSchema(), { description: "Base-case value: decimal, another parameter, or an expression over parameters." }),
    unit: withMeta(z.optional(z.string().check(z.maxLength(50))), { description: "Unit, e.g. GBP, days, per year." }),
    label: withMeta(z.optional(label()), { description: "Human name." }),
    source: withMeta(z.optional(sourceSchema()), { description: "Where the value comes from." }),
    distribution: z.optional(distributionSchema()),
  }), { description: "A named model parameter." }));

const lifeTableSchema = /* @__PURE__ */ onFirstUse(() => withMeta(z
  .strictObject({
    id: withMeta(idSchema(), { description: "Identifier used by { \"lifeTable\": id } and lifeTable(\"id\", age)." }),
    label: withMeta(z.optional(label()), { description: "Human name." }),
    kind: withMeta(z.optional(z.enum(["qx", "mx"])), { description: "qx (default): annual probabilities of death; mx: annual (central) death rates. q = 1 − e^(−m) (constant hazard within each year of age)." }),
    rows: withMeta(z.optional(z
      .array(
        z.strictObject({
          age: withMeta(z.int().check(z.gte(0)).check(z.lte(150)), { description: "Age in whole years." }),
          q: z.optional(decimalText("Annual probability of death at that age, in [0, 1] (a qx table).")),
          m: z.optional(decimalText("Annual death rate at that age, ≥ 0 (an mx table).")),
        }),
      ).check(z.minLength(1)).check(z.maxLength(151))), { description: "Rows by ascending whole age; ages past the last row use the last row." }),
    fromAge: withMeta(z.optional(z.int().check(z.gte(0)).check(z.lte(150))), { description: "First age of values (default 0)." }),
    values: withMeta(z.optional(z.array(decimalText("q or m at that age, as kind says.")).check(z.minLength(1)).check(z.maxLength(151))), { description: "Values for consecutive ages from fromAge." }),
    source: withMeta(z.optional(sourceSchema()), { description: "Where the table comes from." }),
  }), { description: "A life table: annual mortality by age, as probabilities (qx) or rates (mx)." }));

const lookupTableSchema = /* @__PURE__ */ onFirstUse(() => withMeta(z
  .strictObject({
    id: withMeta(idSchema(), { description: "Identifier used by lookup(\"id\", key)." }),
    label: withMeta(z.optional(label()), { description: "Human name." }),
    rows: withMeta(z.optional(z
      .array(
        z.strictObject({
          key: withMeta(z.int().check(z.gte(-100000)).check(z.lte(100000)), { description: "Whole key (age or cycle) from which the value applies." }),
          value: decimalText("The value."),
        }),
      ).check(z.minLength(1)).check(z.maxLength(100000))), { description: "Rows by ascending key." }),
    from: withMeta(z.optional(z.int().check(z.gte(-100000)).check(z.lte(100000))), { description: "First key of values (default 0)." }),
    values: withMeta(z.optional(z.array(decimalText("The value at that key.")).check(z.minLength(1)).check(z.maxLength(100000))), { description: "Values for consecutive keys from from." }),
    source: withMeta(z.optional(sourceSchema()), { description: "Where the values come from." }),
  }), { description: "A look-up table by age or cycle, read with lookup(\"id\", key)." }));

function itemSchemaOf<V extends z.ZodMiniType>(value: V, where: string) {
  return withMeta(z
    .strictObject({
      id: withMeta(idSchema(), { description: `Identifier, unique within its ${where}.` }),
      label: withMeta(z.optional(label()), { description: "Human name." }),
      category: withMeta(categorySchema(), { description: "Cost category, e.g. bed-days, theatre, staff, consumables, drugs." }),
      quantity: withMeta(value, { description: `Quantity per patient reaching the ${where} (≥ 0).` }),
      unitCost: withMeta(value, { description: "Cost per unit, in the model currency." }),
      carbonKgPerUnit: withMeta(z.optional(value), { description: "kgCO2e per unit." }),
      source: withMeta(z.optional(sourceSchema()), { description: "Where the figures come from." }),
    }), { description: "A resource used: quantity × unit cost, with a category." });
}

const itemSchema = /* @__PURE__ */ onFirstUse(() => itemSchemaOf(valueSchema(), "node"));
const stateItemSchema = /* @__PURE__ */ onFirstUse(() => itemSchemaOf(timeValueSchema(), "state (per cycle)"));

const stateEventSchema = /* @__PURE__ */ onFirstUse(() => withMeta(z
  .strictObject({
    name: withMeta(z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, { message: "must be 1–64 letters, digits or . _ : -" })), { description: "Event name; results sum counts by name." }),
    count: withMeta(timeValueSchema(), { description: "Events per patient entering the state (may depend on cycle and age)." }),
  }), { description: "A clinical event counted on entry." }));

const eventSchema = /* @__PURE__ */ onFirstUse(() => withMeta(z
  .strictObject({
    name: withMeta(z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, { message: "must be 1–64 letters, digits or . _ : -" })), { description: "Event name; results sum counts by name." }),
    count: withMeta(valueSchema(), { description: "Events per patient reaching the node (or entering the state)." }),
  }), { description: "A clinical event counted." }));

const branchSchema = /* @__PURE__ */ onFirstUse(() => withMeta(z
  .strictObject({
    to: withMeta(idSchema(), { description: "Id of the node the branch leads to (unique among the node's branches)." }),
    probability: branchProbabilitySchema(),
    label: withMeta(z.optional(label()), { description: "Human name." }),
  }), { description: "A chance branch." }));

const nodeSchema = /* @__PURE__ */ onFirstUse(() => withMeta(z
  .strictObject({
    id: withMeta(idSchema(), { description: "Identifier, unique in the tree." }),
    label: withMeta(z.optional(label()), { description: "Human name." }),
    timeYears: withMeta(z.optional(valueSchema()), { description: "When the node's costs and outcomes happen, in years from the start (default 0)." }),
    items: withMeta(z.optional(z.array(itemSchema()).check(z.maxLength(200))), { description: "Resources used per patient reaching the node." }),
    qalys: withMeta(z.optional(valueSchema()), { description: "QALYs gained (+) or lost (−) per patient reaching the node." }),
    lifeYears: withMeta(z.optional(valueSchema()), { description: "Life years per patient reaching the node." }),
    carbonKg: withMeta(z.optional(valueSchema()), { description: "kgCO2e per patient reaching the node, besides the items' carbon." }),
    events: withMeta(z.optional(z.array(eventSchema()).check(z.maxLength(50))), { description: "Clinical events counted per patient reaching the node." }),
    branches: withMeta(z.optional(z.array(branchSchema()).check(z.maxLength(50))), { description: "Chance branches (mutually exclusive, summing to 1); none for a leaf." }),
    risks: withMeta(z.optional(z
      .array(
        z.strictObject({
          to: withMeta(idSchema(), { description: "Id of the leaf reached when the risk happens." }),
          probability: withMeta(valueSchema(), { description: "Its probability in [0, 1]." }),
          label: withMeta(z.optional(label()), { description: "Human name." }),
        }),
      ).check(z.maxLength(50))), { description: "Independent risks: adverse events that can each happen, independently of each other and of the branches; each leads to a leaf whose costs and outcomes are added." }),
    enter: withMeta(z.optional(z
      .strictObject({
        markov: withMeta(idSchema(), { description: "Id of the Markov model entered." }),
        state: withMeta(z.optional(idSchema()), { description: "Starting state (default: the Markov model's initial distribution)." }),
      })), { description: "A leaf may enter a Markov model with the share of patients reaching it." }),
  }), { description: "A decision-tree node: what happens to a patient who reaches it." }));

const treeSchema = /* @__PURE__ */ onFirstUse(() => withMeta(z
  .strictObject({
    root: withMeta(idSchema(), { description: "Id of the first node." }),
    nodes: withMeta(z.array(nodeSchema()).check(z.minLength(1)).check(z.maxLength(5000)), { description: "The nodes, in any order." }),
    tolerance: z.optional(decimalText("Tolerance for branch probabilities summing to 1 (default 1e-9).")),
  }), { description: "A decision tree (episode of care)." }));

const stateSchema = /* @__PURE__ */ onFirstUse(() => withMeta(z
  .strictObject({
    id: withMeta(idSchema(), { description: "Identifier, unique in the Markov model." }),
    label: withMeta(z.optional(label()), { description: "Human name." }),
    dead: withMeta(z.optional(z.boolean()), { description: "True for death: no life years, no QALYs." }),
    utility: withMeta(z.optional(timeValueSchema()), { description: "Utility (QALY weight per year) while in the state; required unless dead." }),
    items: withMeta(z.optional(z.array(stateItemSchema()).check(z.maxLength(200))), { description: "Resources used per cycle in the state." }),
    carbonKgPerCycle: withMeta(z.optional(timeValueSchema()), { description: "kgCO2e per cycle in the state." }),
    onEntry: withMeta(z.optional(z
      .strictObject({
        items: withMeta(z.optional(z.array(stateItemSchema()).check(z.maxLength(200))), { description: "Resources used once on entry (values may depend on cycle and age)." }),
        qalys: withMeta(z.optional(timeValueSchema()), { description: "QALYs gained (+) or lost (−) once on entry." }),
        carbonKg: withMeta(z.optional(timeValueSchema()), { description: "kgCO2e once on entry." }),
        events: withMeta(z.optional(z.array(stateEventSchema()).check(z.maxLength(50))), { description: "Events counted on entry." }),
      })), { description: "One-off values on entering the state from another state." }),
  }), { description: "A Markov state." }));

const transitionSchema = /* @__PURE__ */ onFirstUse(() => withMeta(z
  .strictObject({
    from: withMeta(idSchema(), { description: "State left." }),
    to: withMeta(idSchema(), { description: "State entered (may equal from)." }),
    probability: z.optional(transitionValueSchema()),
    rate: z.optional(transitionRateSchema()),
  }), { description: "A transition: give exactly one of probability (or \"rest\") and rate." }));

const markovSchema = /* @__PURE__ */ onFirstUse(() => withMeta(z
  .strictObject({
    id: withMeta(idSchema(), { description: "Identifier." }),
    label: withMeta(z.optional(label()), { description: "Human name." }),
    cycleLengthYears: decimalText("Cycle length in years (> 0)."),
    horizonYears: decimalText("Horizon in years: a whole number of cycles."),
    startAge: z.optional(decimalText("Age at the start (for life tables and the age variable).")),
    withinCycle: withMeta(z.optional(z
      .union([
        z.enum(["none", "start", "half-cycle", "trapezoid", "simpson", "simpson-3/8", "simpson-darthtools"]),
        z.strictObject({
          weights: withMeta(z.optional(z.array(decimalText("Weight ≥ 0 of the occupancy at that boundary.")).check(z.minLength(2)).check(z.maxLength(10001))), { description: "One weight per cycle boundary 0…N." }),
          weightsExpr: withMeta(z.optional(z.string().check(z.maxLength(2000))), { description: "An expression of cycle (the boundary 0…N) and cycles (N)." }),
        }),
      ])), { description: "Within-cycle correction: none (end-of-cycle occupancy, default), start, half-cycle, trapezoid, simpson (even number of cycles), simpson-3/8, simpson-darthtools; or caller weights { weights } / { weightsExpr }." }),
    states: withMeta(z.array(stateSchema()).check(z.minLength(1)).check(z.maxLength(200)), { description: "The states." }),
    transitions: withMeta(z.array(transitionSchema()).check(z.maxLength(40000)), { description: "Transitions; a state with none is absorbing." }),
    initial: withMeta(z.optional(z
      .array(
        z.strictObject({
          state: withMeta(idSchema(), { description: "State id." }),
          share: withMeta(valueSchema(), { description: "Share of the cohort starting there." }),
        }),
      ).check(z.minLength(1)).check(z.maxLength(200))), { description: "Starting distribution (shares sum to 1); default: everyone in the first state." }),
    tolerance: z.optional(decimalText("Tolerance for rows and the initial distribution summing to 1 (default 1e-9).")),
  }), { description: "A cohort state-transition (Markov) model." }));

const targetSchema = /* @__PURE__ */ onFirstUse(() => withMeta(z
  .strictObject({
    parameter: withMeta(z.optional(idSchema()), { description: "Parameter id." }),
    node: withMeta(z.optional(idSchema()), { description: "Tree node id." }),
    branch: withMeta(z.optional(idSchema()), { description: "Branch: the id of the node it leads to." }),
    item: withMeta(z.optional(idSchema()), { description: "Resource item id." }),
    field: withMeta(z.optional(z.string().check(z.maxLength(50))), { description: "Field: quantity, unitCost, carbonKgPerUnit, qalys, lifeYears, carbonKg, timeYears, utility, carbonKgPerCycle." }),
    event: withMeta(z.optional(z.string().check(z.maxLength(64))), { description: "Event name." }),
    markov: withMeta(z.optional(idSchema()), { description: "Markov model id." }),
    state: withMeta(z.optional(idSchema()), { description: "Markov state id." }),
    from: withMeta(z.optional(idSchema()), { description: "Transition: state left." }),
    to: withMeta(z.optional(idSchema()), { description: "Transition: state entered." }),
    onEntry: withMeta(z.optional(z.boolean()), { description: "True to address a state's one-off entry values." }),
  }), { description: "Where an effect applies (see the documentation for the allowed combinations)." }));

const effectSchema = /* @__PURE__ */ onFirstUse(() => withMeta(z
  .discriminatedUnion("op", [
    z.strictObject({
      op: withMeta(z.enum(["set", "multiply", "add", "hazardRatio"]), { description: "set, multiply, add, or hazardRatio (transitions)." }),
      target: targetSchema(),
      value: withMeta(valueSchema(), { description: "The operand." }),
      cycles: withMeta(z.optional(z
        .strictObject({
          from: withMeta(z.int().check(z.gte(1)), { description: "First cycle (1-based, inclusive)." }),
          to: withMeta(z.optional(z.int().check(z.gte(1))), { description: "Last cycle (inclusive; default: the horizon)." }),
        })), { description: "Markov targets only: the cycles the effect applies in." }),
      note: withMeta(z.optional(z.string().check(z.maxLength(2000))), { description: "Why (e.g. the trial it comes from)." }),
    }),
    z.strictObject({
      op: withMeta(z.literal("replaceItem"), { description: "Replace a resource item with another." }),
      target: targetSchema(),
      item: itemSchema(),
      note: withMeta(z.optional(z.string().check(z.maxLength(2000))), { description: "Why." }),
    }),
  ]), { description: "How an option changes the pathway." }));

const extraCostSchema = /* @__PURE__ */ onFirstUse(() => withMeta(z
  .strictObject({
    id: withMeta(idSchema(), { description: "Identifier, unique within the option." }),
    label: withMeta(z.optional(label()), { description: "Human name." }),
    category: withMeta(z.optional(categorySchema()), { description: "Cost category (default device)." }),
    amount: withMeta(valueSchema(), { description: "Amount per patient (e.g. device price, or a lifecycle cost per patient)." }),
    carbonKg: withMeta(z.optional(valueSchema()), { description: "kgCO2e per patient." }),
    timeYears: withMeta(z.optional(valueSchema()), { description: "When it is incurred, years from the start (default 0)." }),
    source: withMeta(z.optional(sourceSchema()), { description: "Where the figure comes from." }),
  }), { description: "A per-patient cost outside the pathway." }));

const optionSchema = /* @__PURE__ */ onFirstUse(() => withMeta(z
  .strictObject({
    id: withMeta(idSchema(), { description: "Identifier." }),
    label: withMeta(z.optional(label()), { description: "Human name." }),
    isComparator: withMeta(z.optional(z.boolean()), { description: "True for the comparator (current practice); exactly one option." }),
    effects: withMeta(z.optional(z.array(effectSchema()).check(z.maxLength(1000))), { description: "Changes to the pathway, applied in order." }),
    extraCosts: withMeta(z.optional(z.array(extraCostSchema()).check(z.maxLength(100))), { description: "Per-patient costs outside the pathway." }),
    note: withMeta(z.optional(z.string().check(z.maxLength(2000))), { description: "Free-text note." }),
  }), { description: "An option: a supplier's product or the comparator." }));

const scheduleSchema = /* @__PURE__ */ onFirstUse(() => z.union([
  withMeta(z.enum(Object.keys(DISCOUNT_SCHEDULES) as [string, ...string[]]), { description: "A bundled schedule id: nice-3.5, nice-1.5, green-book, green-book-health, none." }),
  withMeta(z
    .strictObject({
      id: withMeta(z.string().check(z.minLength(1)).check(z.maxLength(128)), { description: "Identifier recorded with results." }),
      label: withMeta(z.string().check(z.maxLength(500)), { description: "Human name." }),
      steps: withMeta(z
        .array(
          z.strictObject({
            fromYear: withMeta(z.number().check(z.gte(0)), { description: "Years from the price base at which the rate starts." }),
            rate: decimalText("Annual rate as a fraction (0.035 is 3.5%)."),
          }),
        ).check(z.minLength(1)).check(z.maxLength(50)), { description: "Steps in increasing fromYear, the first at 0." }),
      source: withMeta(z.optional(sourceSchema()), { description: "Where the rates come from." }),
    }), { description: "A discount schedule." }),
]));

const structureSchema = /* @__PURE__ */ onFirstUse(() => z.strictObject({
  id: withMeta(idSchema(), { description: "Identifier recorded with the results." }),
  label: withMeta(z.optional(label()), { description: "Human name." }),
  currency: withMeta(z.optional(currencySchema()), { description: "ISO 4217 currency of all costs (default GBP)." }),
  parameters: withMeta(z.optional(z.array(parameterSchema()).check(z.maxLength(10000))), { description: "Named parameters." }),
  lifeTables: withMeta(z.optional(z.array(lifeTableSchema()).check(z.maxLength(50))), { description: "Life tables (qx or mx by age) for age-dependent mortality." }),
  lookupTables: withMeta(z.optional(z.array(lookupTableSchema()).check(z.maxLength(200))), { description: "Look-up tables by age or cycle, read with lookup(\"id\", key)." }),
  allowUtilityAboveOne: withMeta(z.optional(z.boolean()), { description: "Allow utilities above 1 (better than full health); an error otherwise." }),
  tree: z.optional(treeSchema()),
  markov: withMeta(z.optional(z.array(markovSchema()).check(z.maxLength(50))), { description: "Markov models, entered from tree leaves (or the single model the cohort starts in)." }),
  options: withMeta(z.array(optionSchema()).check(z.minLength(1)).check(z.maxLength(100000)), { description: "The options compared; exactly one is the comparator." }),
  discounting: withMeta(z.optional(z
    .strictObject({
      costs: withMeta(z.optional(scheduleSchema()), { description: "Schedule for costs (default nice-3.5)." }),
      health: withMeta(z.optional(scheduleSchema()), { description: "Schedule for QALYs and life years (default nice-3.5)." }),
      timing: withMeta(z.optional(z
        .strictObject({
          position: withMeta(z.enum(["start", "middle", "end"]), { description: "Where within a period its flows happen." }),
          compounding: withMeta(z.enum(["annual", "continuous"]), { description: "Annual or continuous compounding." }),
        })), { description: "Timing convention (default start of period, annual)." }),
    })), { description: "Discount schedules and timing." }),
  volumes: withMeta(z.optional(z
    .strictObject({
      patientsPerYear: withMeta(z
        .union([decimalText("Patients a year."), z.array(decimalText("Patients in that year.")).check(z.minLength(1)).check(z.maxLength(200))]), { description: "A constant number a year (with years) or one number per year." }),
      years: withMeta(z.optional(z.int().check(z.gte(1)).check(z.lte(200))), { description: "Years, when patientsPerYear is a constant (default 1)." }),
    })), { description: "Expected patient volumes, for population totals." }),
  source: withMeta(z.optional(sourceSchema()), { description: "Where the model comes from." }),
  note: withMeta(z.optional(z.string().check(z.maxLength(5000))), { description: "Free-text note." }),
}));

/** @internal The structural schema only (no cross-field checks); runModel runs the checks while compiling. */
export const pathwayModelStructureSchema = /* @__PURE__ */ onFirstUse(() => structureSchema());

/**
 * The zod schema of a whole-pathway model document: structure (strict keys, limits, decimal values) and
 * every cross-field rule (unknown references, duplicate ids, branch and row sums, cycles in the tree,
 * effects aimed at missing targets, probabilities in [0, 1]) with the exact path of each problem.
 *
 * @example
 * ```ts
 * const r = pathwayModelSchema.safeParse(json);
 * ```
 */
export const pathwayModelSchema: zc.ZodType<PathwayModel, unknown> = /* @__PURE__ */ publicSchema<PathwayModel, unknown>(() => getPathwayModelSchema());

/** @internal The library's own schema behind `pathwayModelSchema`, built on first use. */
export const getPathwayModelSchema = /* @__PURE__ */ onFirstUse((): z.ZodMiniType<PathwayModel, unknown> => withMeta(structureSchema().check(z.superRefine((model, ctx) => {
    for (const issue of checkModel(model as PathwayModel)) {
      ctx.addIssue({ code: "custom", path: [...issue.path], message: issue.message, input: undefined, params: { vbpCode: issue.code } });
    }
  })), { description: "A whole-pathway model (vbp-score): parameters, a decision tree and/or Markov models, and the options compared." }) as unknown as z.ZodMiniType<PathwayModel, unknown>);

/**
 * Parses and checks a model document; throws VbpInputError listing every problem with its path.
 *
 * @example
 * ```ts
 * const model = parsePathwayModel(JSON.parse(text));
 * ```
 */
export function parsePathwayModel(input: unknown): PathwayModel {
  return parseWith(getPathwayModelSchema(), input);
}

/**
 * Parses and checks a model document; never throws for bad input.
 *
 * @example
 * ```ts
 * const r = safeParsePathwayModel(json);
 * if (!r.success) r.error.issues.map(formatIssue);
 * ```
 */
export function safeParsePathwayModel(input: unknown): SafeResult<PathwayModel> {
  return safeParseWith(getPathwayModelSchema(), input);
}

/**
 * The JSON Schema (draft 2020-12) of a model document, for forms and editors; every key carries its description.
 *
 * @example
 * ```ts
 * const schema = pathwayModelJsonSchema();
 * schema.properties.options.description; //=> "The options compared; exactly one is the comparator."
 * ```
 */
export function pathwayModelJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(getPathwayModelSchema(), { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
}
