import * as z from "zod";
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
  return z
    .any()
    .transform((v: unknown, ctx): T => {
      let failed = false;
      const r = parse(v, (path, message, code) => {
        failed = true;
        ctx.addIssue({ code: "custom", path, message, params: { vbpCode: code ?? "invalid_type" } });
      });
      if (failed || r === undefined) return z.NEVER;
      return r;
    })
    .meta({ description, anyOf });
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
const valueSchema = valueSchemaOf<ValueInput>((v, add) => plainValue(v, add, []), "A number: a decimal (JSON number or decimal string), { \"param\": id } or { \"expr\": \"text\" }.", [...DECIMAL_JSON, PARAM_JSON, EXPR_JSON]);
const timeValueSchema = valueSchemaOf<TimeValueInput>(
  (v, add) => timeValue(v, add, [], false),
  "A number inside a Markov model: a decimal, { \"param\": id }, { \"expr\": text } (may use cycle, time, age) or { \"byCycle\": [{ fromCycle, value }] }.",
  [...DECIMAL_JSON, PARAM_JSON, EXPR_JSON, BY_CYCLE_JSON],
);
const transitionValueSchema = valueSchemaOf<TimeValueInput | "rest">(
  (v, add) => (v === "rest" ? "rest" : timeValue(v, add, [], true)),
  "A per-cycle probability: a decimal, { \"param\" }, { \"expr\" }, { \"byCycle\" }, { \"lifeTable\": id }, or \"rest\" (the complement of the row).",
  [...DECIMAL_JSON, PARAM_JSON, EXPR_JSON, BY_CYCLE_JSON, LIFE_TABLE_JSON, { const: "rest" }],
);
const transitionRateSchema = valueSchemaOf<TimeValueInput>(
  (v, add) => timeValue(v, add, [], true),
  "An annual rate (≥ 0), turned into a cycle probability 1 − e^(−rate × cycle length).",
  [...DECIMAL_JSON, PARAM_JSON, EXPR_JSON, BY_CYCLE_JSON],
);
const branchProbabilitySchema = valueSchemaOf<ValueInput | "rest">(
  (v, add) => (v === "rest" ? "rest" : plainValue(v, add, [])),
  "A branch probability in [0, 1] (decimal, { \"param\" } or { \"expr\" }), or \"rest\" for 1 minus the node's other branches.",
  [...DECIMAL_JSON, PARAM_JSON, EXPR_JSON, { const: "rest" }],
);

const label = z.string().max(500);
const categorySchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9 ._:/-]{0,63}$/, { message: "must be 1–64 letters, digits, spaces or . _ : / -" });

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

const distributionSchema = z
  .discriminatedUnion("type", [
    z.strictObject({
      type: z.literal("beta").meta({ description: "Beta(α, β), for probabilities and utilities." }),
      alpha: decimalText("Shape α > 0."),
      beta: decimalText("Shape β > 0."),
    }),
    z.strictObject({
      type: z.literal("gamma").meta({ description: "Gamma(shape, scale), for costs; mean = shape × scale." }),
      shape: decimalText("Shape k > 0."),
      scale: decimalText("Scale θ > 0."),
    }),
    z.strictObject({
      type: z.literal("lognormal").meta({ description: "Lognormal, for relative risks, hazard ratios and costs." }),
      meanlog: decimalText("Mean of log X."),
      sdlog: decimalText("Standard deviation of log X, > 0."),
    }),
    z.strictObject({
      type: z.literal("normal").meta({ description: "Normal(mean, sd²)." }),
      mean: decimalText("Mean."),
      sd: decimalText("Standard deviation > 0."),
    }),
    z.strictObject({
      type: z.literal("dirichlet").meta({ description: "Dirichlet, for a row of transition probabilities; the parameter is one component." }),
      alpha: z.array(decimalText("Concentration α_i > 0.")).min(2).max(100).meta({ description: "Concentrations (e.g. observed transition counts), each > 0." }),
      index: z.int().min(0).max(99).meta({ description: "Which component (0-based) this parameter is." }),
    }),
    z.strictObject({ type: z.literal("fixed").meta({ description: "No uncertainty: held fixed." }) }),
  ])
  .meta({ description: "Uncertainty distribution for later probabilistic sensitivity analysis (validated, not sampled here)." });

const parameterSchema = z
  .strictObject({
    id: idSchema.meta({ description: "Identifier used in { \"param\": id } and in expressions (expressions need letters, digits, _ and . only)." }),
    value: valueSchema.meta({ description: "Base-case value: decimal, another parameter, or an expression over parameters." }),
    unit: z.string().max(50).optional().meta({ description: "Unit, e.g. GBP, days, per year." }),
    label: label.optional().meta({ description: "Human name." }),
    source: sourceSchema.optional().meta({ description: "Where the value comes from." }),
    distribution: distributionSchema.optional(),
  })
  .meta({ description: "A named model parameter." });

const lifeTableSchema = z
  .strictObject({
    id: idSchema.meta({ description: "Identifier used by { \"lifeTable\": id } and lifeTable(\"id\", age)." }),
    label: label.optional().meta({ description: "Human name." }),
    kind: z.enum(["qx", "mx"]).optional().meta({ description: "qx (default): annual probabilities of death; mx: annual (central) death rates. q = 1 − e^(−m) (constant hazard within each year of age)." }),
    rows: z
      .array(
        z.strictObject({
          age: z.int().min(0).max(150).meta({ description: "Age in whole years." }),
          q: decimalText("Annual probability of death at that age, in [0, 1] (a qx table).").optional(),
          m: decimalText("Annual death rate at that age, ≥ 0 (an mx table).").optional(),
        }),
      )
      .min(1)
      .max(151)
      .optional()
      .meta({ description: "Rows by ascending whole age; ages past the last row use the last row." }),
    fromAge: z.int().min(0).max(150).optional().meta({ description: "First age of values (default 0)." }),
    values: z.array(decimalText("q or m at that age, as kind says.")).min(1).max(151).optional().meta({ description: "Values for consecutive ages from fromAge." }),
    source: sourceSchema.optional().meta({ description: "Where the table comes from." }),
  })
  .meta({ description: "A life table: annual mortality by age, as probabilities (qx) or rates (mx)." });

const lookupTableSchema = z
  .strictObject({
    id: idSchema.meta({ description: "Identifier used by lookup(\"id\", key)." }),
    label: label.optional().meta({ description: "Human name." }),
    rows: z
      .array(
        z.strictObject({
          key: z.int().min(-100000).max(100000).meta({ description: "Whole key (age or cycle) from which the value applies." }),
          value: decimalText("The value."),
        }),
      )
      .min(1)
      .max(100000)
      .optional()
      .meta({ description: "Rows by ascending key." }),
    from: z.int().min(-100000).max(100000).optional().meta({ description: "First key of values (default 0)." }),
    values: z.array(decimalText("The value at that key.")).min(1).max(100000).optional().meta({ description: "Values for consecutive keys from from." }),
    source: sourceSchema.optional().meta({ description: "Where the values come from." }),
  })
  .meta({ description: "A look-up table by age or cycle, read with lookup(\"id\", key)." });

function itemSchemaOf<V extends z.ZodType>(value: V, where: string) {
  return z
    .strictObject({
      id: idSchema.meta({ description: `Identifier, unique within its ${where}.` }),
      label: label.optional().meta({ description: "Human name." }),
      category: categorySchema.meta({ description: "Cost category, e.g. bed-days, theatre, staff, consumables, drugs." }),
      quantity: value.meta({ description: `Quantity per patient reaching the ${where} (≥ 0).` }),
      unitCost: value.meta({ description: "Cost per unit, in the model currency." }),
      carbonKgPerUnit: value.optional().meta({ description: "kgCO2e per unit." }),
      source: sourceSchema.optional().meta({ description: "Where the figures come from." }),
    })
    .meta({ description: "A resource used: quantity × unit cost, with a category." });
}

const itemSchema = itemSchemaOf(valueSchema, "node");
const stateItemSchema = itemSchemaOf(timeValueSchema, "state (per cycle)");

const stateEventSchema = z
  .strictObject({
    name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, { message: "must be 1–64 letters, digits or . _ : -" }).meta({ description: "Event name; results sum counts by name." }),
    count: timeValueSchema.meta({ description: "Events per patient entering the state (may depend on cycle and age)." }),
  })
  .meta({ description: "A clinical event counted on entry." });

const eventSchema = z
  .strictObject({
    name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, { message: "must be 1–64 letters, digits or . _ : -" }).meta({ description: "Event name; results sum counts by name." }),
    count: valueSchema.meta({ description: "Events per patient reaching the node (or entering the state)." }),
  })
  .meta({ description: "A clinical event counted." });

const branchSchema = z
  .strictObject({
    to: idSchema.meta({ description: "Id of the node the branch leads to (unique among the node's branches)." }),
    probability: branchProbabilitySchema,
    label: label.optional().meta({ description: "Human name." }),
  })
  .meta({ description: "A chance branch." });

const nodeSchema = z
  .strictObject({
    id: idSchema.meta({ description: "Identifier, unique in the tree." }),
    label: label.optional().meta({ description: "Human name." }),
    timeYears: valueSchema.optional().meta({ description: "When the node's costs and outcomes happen, in years from the start (default 0)." }),
    items: z.array(itemSchema).max(200).optional().meta({ description: "Resources used per patient reaching the node." }),
    qalys: valueSchema.optional().meta({ description: "QALYs gained (+) or lost (−) per patient reaching the node." }),
    lifeYears: valueSchema.optional().meta({ description: "Life years per patient reaching the node." }),
    carbonKg: valueSchema.optional().meta({ description: "kgCO2e per patient reaching the node, besides the items' carbon." }),
    events: z.array(eventSchema).max(50).optional().meta({ description: "Clinical events counted per patient reaching the node." }),
    branches: z.array(branchSchema).max(50).optional().meta({ description: "Chance branches (mutually exclusive, summing to 1); none for a leaf." }),
    risks: z
      .array(
        z.strictObject({
          to: idSchema.meta({ description: "Id of the leaf reached when the risk happens." }),
          probability: valueSchema.meta({ description: "Its probability in [0, 1]." }),
          label: label.optional().meta({ description: "Human name." }),
        }),
      )
      .max(50)
      .optional()
      .meta({ description: "Independent risks: adverse events that can each happen, independently of each other and of the branches; each leads to a leaf whose costs and outcomes are added." }),
    enter: z
      .strictObject({
        markov: idSchema.meta({ description: "Id of the Markov model entered." }),
        state: idSchema.optional().meta({ description: "Starting state (default: the Markov model's initial distribution)." }),
      })
      .optional()
      .meta({ description: "A leaf may enter a Markov model with the share of patients reaching it." }),
  })
  .meta({ description: "A decision-tree node: what happens to a patient who reaches it." });

const treeSchema = z
  .strictObject({
    root: idSchema.meta({ description: "Id of the first node." }),
    nodes: z.array(nodeSchema).min(1).max(5000).meta({ description: "The nodes, in any order." }),
    tolerance: decimalText("Tolerance for branch probabilities summing to 1 (default 1e-9).").optional(),
  })
  .meta({ description: "A decision tree (episode of care)." });

const stateSchema = z
  .strictObject({
    id: idSchema.meta({ description: "Identifier, unique in the Markov model." }),
    label: label.optional().meta({ description: "Human name." }),
    dead: z.boolean().optional().meta({ description: "True for death: no life years, no QALYs." }),
    utility: timeValueSchema.optional().meta({ description: "Utility (QALY weight per year) while in the state; required unless dead." }),
    items: z.array(stateItemSchema).max(200).optional().meta({ description: "Resources used per cycle in the state." }),
    carbonKgPerCycle: timeValueSchema.optional().meta({ description: "kgCO2e per cycle in the state." }),
    onEntry: z
      .strictObject({
        items: z.array(stateItemSchema).max(200).optional().meta({ description: "Resources used once on entry (values may depend on cycle and age)." }),
        qalys: timeValueSchema.optional().meta({ description: "QALYs gained (+) or lost (−) once on entry." }),
        carbonKg: timeValueSchema.optional().meta({ description: "kgCO2e once on entry." }),
        events: z.array(stateEventSchema).max(50).optional().meta({ description: "Events counted on entry." }),
      })
      .optional()
      .meta({ description: "One-off values on entering the state from another state." }),
  })
  .meta({ description: "A Markov state." });

const transitionSchema = z
  .strictObject({
    from: idSchema.meta({ description: "State left." }),
    to: idSchema.meta({ description: "State entered (may equal from)." }),
    probability: transitionValueSchema.optional(),
    rate: transitionRateSchema.optional(),
  })
  .meta({ description: "A transition: give exactly one of probability (or \"rest\") and rate." });

const markovSchema = z
  .strictObject({
    id: idSchema.meta({ description: "Identifier." }),
    label: label.optional().meta({ description: "Human name." }),
    cycleLengthYears: decimalText("Cycle length in years (> 0)."),
    horizonYears: decimalText("Horizon in years: a whole number of cycles."),
    startAge: decimalText("Age at the start (for life tables and the age variable).").optional(),
    withinCycle: z
      .union([
        z.enum(["none", "start", "half-cycle", "trapezoid", "simpson", "simpson-3/8", "simpson-darthtools"]),
        z.strictObject({
          weights: z.array(decimalText("Weight ≥ 0 of the occupancy at that boundary.")).min(2).max(10001).optional().meta({ description: "One weight per cycle boundary 0…N." }),
          weightsExpr: z.string().max(2000).optional().meta({ description: "An expression of cycle (the boundary 0…N) and cycles (N)." }),
        }),
      ])
      .optional()
      .meta({ description: "Within-cycle correction: none (end-of-cycle occupancy, default), start, half-cycle, trapezoid, simpson (even number of cycles), simpson-3/8, simpson-darthtools; or caller weights { weights } / { weightsExpr }." }),
    states: z.array(stateSchema).min(1).max(200).meta({ description: "The states." }),
    transitions: z.array(transitionSchema).max(40000).meta({ description: "Transitions; a state with none is absorbing." }),
    initial: z
      .array(
        z.strictObject({
          state: idSchema.meta({ description: "State id." }),
          share: valueSchema.meta({ description: "Share of the cohort starting there." }),
        }),
      )
      .min(1)
      .max(200)
      .optional()
      .meta({ description: "Starting distribution (shares sum to 1); default: everyone in the first state." }),
    tolerance: decimalText("Tolerance for rows and the initial distribution summing to 1 (default 1e-9).").optional(),
  })
  .meta({ description: "A cohort state-transition (Markov) model." });

const targetSchema = z
  .strictObject({
    parameter: idSchema.optional().meta({ description: "Parameter id." }),
    node: idSchema.optional().meta({ description: "Tree node id." }),
    branch: idSchema.optional().meta({ description: "Branch: the id of the node it leads to." }),
    item: idSchema.optional().meta({ description: "Resource item id." }),
    field: z.string().max(50).optional().meta({ description: "Field: quantity, unitCost, carbonKgPerUnit, qalys, lifeYears, carbonKg, timeYears, utility, carbonKgPerCycle." }),
    event: z.string().max(64).optional().meta({ description: "Event name." }),
    markov: idSchema.optional().meta({ description: "Markov model id." }),
    state: idSchema.optional().meta({ description: "Markov state id." }),
    from: idSchema.optional().meta({ description: "Transition: state left." }),
    to: idSchema.optional().meta({ description: "Transition: state entered." }),
    onEntry: z.boolean().optional().meta({ description: "True to address a state's one-off entry values." }),
  })
  .meta({ description: "Where an effect applies (see the documentation for the allowed combinations)." });

const effectSchema = z
  .discriminatedUnion("op", [
    z.strictObject({
      op: z.enum(["set", "multiply", "add", "hazardRatio"]).meta({ description: "set, multiply, add, or hazardRatio (transitions)." }),
      target: targetSchema,
      value: valueSchema.meta({ description: "The operand." }),
      cycles: z
        .strictObject({
          from: z.int().min(1).meta({ description: "First cycle (1-based, inclusive)." }),
          to: z.int().min(1).optional().meta({ description: "Last cycle (inclusive; default: the horizon)." }),
        })
        .optional()
        .meta({ description: "Markov targets only: the cycles the effect applies in." }),
      note: z.string().max(2000).optional().meta({ description: "Why (e.g. the trial it comes from)." }),
    }),
    z.strictObject({
      op: z.literal("replaceItem").meta({ description: "Replace a resource item with another." }),
      target: targetSchema,
      item: itemSchema,
      note: z.string().max(2000).optional().meta({ description: "Why." }),
    }),
  ])
  .meta({ description: "How an option changes the pathway." });

const extraCostSchema = z
  .strictObject({
    id: idSchema.meta({ description: "Identifier, unique within the option." }),
    label: label.optional().meta({ description: "Human name." }),
    category: categorySchema.optional().meta({ description: "Cost category (default device)." }),
    amount: valueSchema.meta({ description: "Amount per patient (e.g. device price, or a lifecycle cost per patient)." }),
    carbonKg: valueSchema.optional().meta({ description: "kgCO2e per patient." }),
    timeYears: valueSchema.optional().meta({ description: "When it is incurred, years from the start (default 0)." }),
    source: sourceSchema.optional().meta({ description: "Where the figure comes from." }),
  })
  .meta({ description: "A per-patient cost outside the pathway." });

const optionSchema = z
  .strictObject({
    id: idSchema.meta({ description: "Identifier." }),
    label: label.optional().meta({ description: "Human name." }),
    isComparator: z.boolean().optional().meta({ description: "True for the comparator (current practice); exactly one option." }),
    effects: z.array(effectSchema).max(1000).optional().meta({ description: "Changes to the pathway, applied in order." }),
    extraCosts: z.array(extraCostSchema).max(100).optional().meta({ description: "Per-patient costs outside the pathway." }),
    note: z.string().max(2000).optional().meta({ description: "Free-text note." }),
  })
  .meta({ description: "An option: a supplier's product or the comparator." });

const scheduleSchema = z.union([
  z.enum(Object.keys(DISCOUNT_SCHEDULES) as [string, ...string[]]).meta({ description: "A bundled schedule id: nice-3.5, nice-1.5, green-book, green-book-health, none." }),
  z
    .strictObject({
      id: z.string().min(1).max(128).meta({ description: "Identifier recorded with results." }),
      label: z.string().max(500).meta({ description: "Human name." }),
      steps: z
        .array(
          z.strictObject({
            fromYear: z.number().min(0).meta({ description: "Years from the price base at which the rate starts." }),
            rate: decimalText("Annual rate as a fraction (0.035 is 3.5%)."),
          }),
        )
        .min(1)
        .max(50)
        .meta({ description: "Steps in increasing fromYear, the first at 0." }),
      source: sourceSchema.optional().meta({ description: "Where the rates come from." }),
    })
    .meta({ description: "A discount schedule." }),
]);

const structureSchema = z.strictObject({
  id: idSchema.meta({ description: "Identifier recorded with the results." }),
  label: label.optional().meta({ description: "Human name." }),
  currency: currencySchema.optional().meta({ description: "ISO 4217 currency of all costs (default GBP)." }),
  parameters: z.array(parameterSchema).max(10000).optional().meta({ description: "Named parameters." }),
  lifeTables: z.array(lifeTableSchema).max(50).optional().meta({ description: "Life tables (qx or mx by age) for age-dependent mortality." }),
  lookupTables: z.array(lookupTableSchema).max(200).optional().meta({ description: "Look-up tables by age or cycle, read with lookup(\"id\", key)." }),
  allowUtilityAboveOne: z.boolean().optional().meta({ description: "Allow utilities above 1 (better than full health); an error otherwise." }),
  tree: treeSchema.optional(),
  markov: z.array(markovSchema).max(50).optional().meta({ description: "Markov models, entered from tree leaves (or the single model the cohort starts in)." }),
  options: z.array(optionSchema).min(1).max(100000).meta({ description: "The options compared; exactly one is the comparator." }),
  discounting: z
    .strictObject({
      costs: scheduleSchema.optional().meta({ description: "Schedule for costs (default nice-3.5)." }),
      health: scheduleSchema.optional().meta({ description: "Schedule for QALYs and life years (default nice-3.5)." }),
      timing: z
        .strictObject({
          position: z.enum(["start", "middle", "end"]).meta({ description: "Where within a period its flows happen." }),
          compounding: z.enum(["annual", "continuous"]).meta({ description: "Annual or continuous compounding." }),
        })
        .optional()
        .meta({ description: "Timing convention (default start of period, annual)." }),
    })
    .optional()
    .meta({ description: "Discount schedules and timing." }),
  volumes: z
    .strictObject({
      patientsPerYear: z
        .union([decimalText("Patients a year."), z.array(decimalText("Patients in that year.")).min(1).max(200)])
        .meta({ description: "A constant number a year (with years) or one number per year." }),
      years: z.int().min(1).max(200).optional().meta({ description: "Years, when patientsPerYear is a constant (default 1)." }),
    })
    .optional()
    .meta({ description: "Expected patient volumes, for population totals." }),
  source: sourceSchema.optional().meta({ description: "Where the model comes from." }),
  note: z.string().max(5000).optional().meta({ description: "Free-text note." }),
});

/** @internal The structural schema only (no cross-field checks); runModel runs the checks while compiling. */
export const pathwayModelStructureSchema = structureSchema;

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
export const pathwayModelSchema: z.ZodType<PathwayModel, unknown> = structureSchema
  .superRefine((model, ctx) => {
    for (const issue of checkModel(model as PathwayModel)) {
      ctx.addIssue({ code: "custom", path: [...issue.path], message: issue.message, input: undefined, params: { vbpCode: issue.code } });
    }
  })
  // zod types optional keys as `T | undefined`; absent keys stay absent, so the output is a PathwayModel.
  .meta({ description: "A whole-pathway model (vbp-score): parameters, a decision tree and/or Markov models, and the options compared." }) as unknown as z.ZodType<PathwayModel, unknown>;

/**
 * Parses and checks a model document; throws VbpInputError listing every problem with its path.
 *
 * @example
 * ```ts
 * const model = parsePathwayModel(JSON.parse(text));
 * ```
 */
export function parsePathwayModel(input: unknown): PathwayModel {
  return parseWith(pathwayModelSchema, input);
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
  return safeParseWith(pathwayModelSchema, input);
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
  return z.toJSONSchema(pathwayModelSchema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
}
