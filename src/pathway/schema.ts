import { PATHWAY_DESCRIPTION_TABLES } from "./schemaDescriptions.js";
import { described } from "../schema/describe.js";
import { describedShape, withMeta, describedObject } from "../schema/withMeta.js";
import type * as zc from "zod";
import { publicSchema } from "../schema/publicSchema.js";
import { onFirstUse } from "../schema/onFirstUse.js";
import * as z from "zod/mini";
import type { SafeResult } from "../errors/VbpInputError.js";
import { parseWith, safeParseWith } from "../schema/issues.js";
import { checkDecimalInput } from "../schema/decimalInput.js";
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

function valueSchemaOf<T>(parse: (v: unknown, add: AddIssue) => T | undefined, key: string) {
  return withMeta(z.pipe(z
    .any(), z.transform((v: unknown, ctx): T => {
      let failed = false;
      const r = parse(v, (path, message, code) => {
        failed = true;
        ctx.issues.push({ code: "custom", path, message, input: v, params: { vbpCode: code ?? "invalid_type" } });
      });
      if (failed || r === undefined) return z.NEVER;
      return r;
    })), key);
}

/** A value: decimal, `{ param }` or `{ expr }`. */
const valueSchema = /* @__PURE__ */ onFirstUse(() => valueSchemaOf<ValueInput>((v, add) => plainValue(v, add, []), "pathway:value"));
const timeValueSchema = /* @__PURE__ */ onFirstUse(() => valueSchemaOf<TimeValueInput>((v, add) => timeValue(v, add, [], false), "pathway:timeValue"));
const transitionValueSchema = /* @__PURE__ */ onFirstUse(() => valueSchemaOf<TimeValueInput | "rest">((v, add) => (v === "rest" ? "rest" : timeValue(v, add, [], true)), "pathway:transitionValue"));
const transitionRateSchema = /* @__PURE__ */ onFirstUse(() => valueSchemaOf<TimeValueInput>((v, add) => timeValue(v, add, [], true), "pathway:transitionRate"));
const branchProbabilitySchema = /* @__PURE__ */ onFirstUse(() => valueSchemaOf<ValueInput | "rest">((v, add) => (v === "rest" ? "rest" : plainValue(v, add, [])), "pathway:branchProbability"));

const label = /* @__PURE__ */ onFirstUse(() => z.string().check(z.maxLength(500)));
const categorySchema = /* @__PURE__ */ onFirstUse(() => z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9 ._:/-]{0,63}$/, { message: "must be 1–64 letters, digits, spaces or . _ : / -" })));

const decimalText = (key: string) =>
  valueSchemaOf<string>(
    (v, add) => {
      const r = plainValue(v, add, []);
      if (r !== undefined && typeof r !== "string") {
        add([], "must be a plain decimal number here (no parameter or expression)", "invalid_type");
        return undefined;
      }
      return r;
    },
    key,
  );

const distributionSchema = /* @__PURE__ */ onFirstUse(() => withMeta(z
  .discriminatedUnion("type", [
    z.strictObject({
      type: withMeta(z.literal("beta"), "pathway:distribution.type"),
      alpha: decimalText("pathway:decimal.alpha"),
      beta: decimalText("pathway:decimal.beta"),
    }),
    z.strictObject({
      type: withMeta(z.literal("gamma"), "pathway:distribution.type#2"),
      shape: decimalText("pathway:decimal.shape"),
      scale: decimalText("pathway:decimal.scale"),
    }),
    z.strictObject({
      type: withMeta(z.literal("lognormal"), "pathway:distribution.type#3"),
      meanlog: decimalText("pathway:decimal.meanlog"),
      sdlog: decimalText("pathway:decimal.sdlog"),
    }),
    z.strictObject({
      type: withMeta(z.literal("normal"), "pathway:distribution.type#4"),
      mean: decimalText("pathway:decimal.mean"),
      sd: decimalText("pathway:decimal.sd"),
    }),
    z.strictObject(describedShape("pathway:distribution", {
      type: withMeta(z.literal("dirichlet"), "pathway:distribution.type#5"),
      alpha: z.array(decimalText("pathway:decimal.alpha#2")).check(z.minLength(2), z.maxLength(100)),
      index: z.int().check(z.gte(0), z.lte(99)),
    }, "type")),
    z.strictObject({ type: withMeta(z.literal("fixed"), "pathway:distribution.type#6") }),
  ]), "pathway:distribution"));

const parameterSchema = /* @__PURE__ */ onFirstUse(() => describedObject("pathway:parameter", {
    id: idSchema(),
    value: valueSchema(),
    unit: z.optional(z.string().check(z.maxLength(50))),
    label: z.optional(label()),
    source: z.optional(sourceSchema()),
    distribution: z.optional(distributionSchema()),
  }, "distribution"));

const lifeTableSchema = /* @__PURE__ */ onFirstUse(() => describedObject("pathway:lifeTable", {
    id: idSchema(),
    label: z.optional(label()),
    kind: z.optional(z.enum(["qx", "mx"])),
    rows: z.optional(z
      .array(
        z.strictObject({
          age: withMeta(z.int().check(z.gte(0), z.lte(150)), "pathway:lifeTable.rows.age"),
          q: z.optional(decimalText("pathway:decimal.q")),
          m: z.optional(decimalText("pathway:decimal.m")),
        }),
      ).check(z.minLength(1), z.maxLength(151))),
    fromAge: z.optional(z.int().check(z.gte(0), z.lte(150))),
    values: z.optional(z.array(decimalText("pathway:decimal.values")).check(z.minLength(1), z.maxLength(151))),
    source: z.optional(sourceSchema()),
  }));

const lookupTableSchema = /* @__PURE__ */ onFirstUse(() => describedObject("pathway:lookupTable", {
    id: idSchema(),
    label: z.optional(label()),
    rows: z.optional(z
      .array(
        z.strictObject({
          key: withMeta(z.int().check(z.gte(-100000), z.lte(100000)), "pathway:lookupTable.rows.key"),
          value: decimalText("pathway:decimal.value"),
        }),
      ).check(z.minLength(1), z.maxLength(100000))),
    from: z.optional(z.int().check(z.gte(-100000), z.lte(100000))),
    values: z.optional(z.array(decimalText("pathway:decimal.values#2")).check(z.minLength(1), z.maxLength(100000))),
    source: z.optional(sourceSchema()),
  }));

function itemSchemaOf<V extends z.ZodMiniType>(value: V, kind: "item" | "stateItem") {
  return describedObject("pathway:itemSchemaOf", {
      id: withMeta(idSchema(), `pathway:${kind}.id`),
      label: z.optional(label()),
      category: categorySchema(),
      quantity: withMeta(value, `pathway:${kind}.quantity`),
      unitCost: value,
      carbonKgPerUnit: z.optional(value),
      source: z.optional(sourceSchema()),
    }, "id", "quantity");
}

const itemSchema = /* @__PURE__ */ onFirstUse(() => itemSchemaOf(valueSchema(), "item"));
const stateItemSchema = /* @__PURE__ */ onFirstUse(() => itemSchemaOf(timeValueSchema(), "stateItem"));

const stateEventSchema = /* @__PURE__ */ onFirstUse(() => describedObject("pathway:stateEvent", {
    name: z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, { message: "must be 1–64 letters, digits or . _ : -" })),
    count: timeValueSchema(),
  }));

const eventSchema = /* @__PURE__ */ onFirstUse(() => describedObject("pathway:event", {
    name: z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, { message: "must be 1–64 letters, digits or . _ : -" })),
    count: valueSchema(),
  }));

const branchSchema = /* @__PURE__ */ onFirstUse(() => describedObject("pathway:branch", {
    to: idSchema(),
    probability: branchProbabilitySchema(),
    label: z.optional(label()),
  }, "probability"));

const nodeSchema = /* @__PURE__ */ onFirstUse(() => describedObject("pathway:node", {
    id: idSchema(),
    label: z.optional(label()),
    timeYears: z.optional(valueSchema()),
    items: z.optional(z.array(itemSchema()).check(z.maxLength(200))),
    qalys: z.optional(valueSchema()),
    lifeYears: z.optional(valueSchema()),
    carbonKg: z.optional(valueSchema()),
    events: z.optional(z.array(eventSchema()).check(z.maxLength(50))),
    branches: z.optional(z.array(branchSchema()).check(z.maxLength(50))),
    risks: z.optional(z
      .array(
        z.strictObject(describedShape("pathway:node.risks", {
          to: idSchema(),
          probability: valueSchema(),
          label: z.optional(label()),
        })),
      ).check(z.maxLength(50))),
    enter: z.optional(z
      .strictObject(describedShape("pathway:node.enter", {
        markov: idSchema(),
        state: z.optional(idSchema()),
      }))),
  }));

const treeSchema = /* @__PURE__ */ onFirstUse(() => describedObject("pathway:tree", {
    root: idSchema(),
    nodes: z.array(nodeSchema()).check(z.minLength(1), z.maxLength(5000)),
    tolerance: z.optional(decimalText("pathway:decimal.tolerance")),
  }, "tolerance"));

const stateSchema = /* @__PURE__ */ onFirstUse(() => describedObject("pathway:state", {
    id: idSchema(),
    label: z.optional(label()),
    dead: z.optional(z.boolean()),
    utility: z.optional(timeValueSchema()),
    items: z.optional(z.array(stateItemSchema()).check(z.maxLength(200))),
    carbonKgPerCycle: z.optional(timeValueSchema()),
    onEntry: z.optional(z
      .strictObject(describedShape("pathway:state.onEntry", {
        items: z.optional(z.array(stateItemSchema()).check(z.maxLength(200))),
        qalys: z.optional(timeValueSchema()),
        carbonKg: z.optional(timeValueSchema()),
        events: z.optional(z.array(stateEventSchema()).check(z.maxLength(50))),
      }))),
  }));

const transitionSchema = /* @__PURE__ */ onFirstUse(() => describedObject("pathway:transition", {
    from: idSchema(),
    to: idSchema(),
    probability: z.optional(transitionValueSchema()),
    rate: z.optional(transitionRateSchema()),
  }, "probability", "rate"));

const markovSchema = /* @__PURE__ */ onFirstUse(() => describedObject("pathway:markov", {
    id: idSchema(),
    label: z.optional(label()),
    cycleLengthYears: decimalText("pathway:decimal.cycleLengthYears"),
    horizonYears: decimalText("pathway:decimal.horizonYears"),
    startAge: z.optional(decimalText("pathway:decimal.startAge")),
    withinCycle: z.optional(z
      .union([
        z.enum(["none", "start", "half-cycle", "trapezoid", "simpson", "simpson-3/8", "simpson-darthtools"]),
        z.strictObject(describedShape("pathway:markov.withinCycle", {
          weights: z.optional(z.array(decimalText("pathway:decimal.weights")).check(z.minLength(2), z.maxLength(10001))),
          weightsExpr: z.optional(z.string().check(z.maxLength(2000))),
        })),
      ])),
    states: z.array(stateSchema()).check(z.minLength(1), z.maxLength(200)),
    transitions: z.array(transitionSchema()).check(z.maxLength(40000)),
    initial: z.optional(z
      .array(
        z.strictObject(describedShape("pathway:markov.initial", {
          state: idSchema(),
          share: valueSchema(),
        })),
      ).check(z.minLength(1), z.maxLength(200))),
    tolerance: z.optional(decimalText("pathway:decimal.tolerance#2")),
  }, "cycleLengthYears", "horizonYears", "startAge", "tolerance"));

const targetSchema = /* @__PURE__ */ onFirstUse(() => describedObject("pathway:target", {
    parameter: z.optional(idSchema()),
    node: z.optional(idSchema()),
    branch: z.optional(idSchema()),
    item: z.optional(idSchema()),
    field: z.optional(z.string().check(z.maxLength(50))),
    event: z.optional(z.string().check(z.maxLength(64))),
    markov: z.optional(idSchema()),
    state: z.optional(idSchema()),
    from: z.optional(idSchema()),
    to: z.optional(idSchema()),
    onEntry: z.optional(z.boolean()),
  }));

const effectSchema = /* @__PURE__ */ onFirstUse(() => withMeta(z
  .discriminatedUnion("op", [
    z.strictObject(describedShape("pathway:effect", {
      op: z.enum(["set", "multiply", "add", "hazardRatio"]),
      target: targetSchema(),
      value: valueSchema(),
      cycles: z.optional(z
        .strictObject(describedShape("pathway:effect.cycles", {
          from: z.int().check(z.gte(1)),
          to: z.optional(z.int().check(z.gte(1))),
        }))),
      note: z.optional(z.string().check(z.maxLength(2000))),
    }, "target")),
    z.strictObject({
      op: withMeta(z.literal("replaceItem"), "pathway:effect.op#2"),
      target: targetSchema(),
      item: itemSchema(),
      note: withMeta(z.optional(z.string().check(z.maxLength(2000))), "pathway:effect.note#2"),
    }),
  ]), "pathway:effect"));

const extraCostSchema = /* @__PURE__ */ onFirstUse(() => describedObject("pathway:extraCost", {
    id: idSchema(),
    label: z.optional(label()),
    category: z.optional(categorySchema()),
    amount: valueSchema(),
    carbonKg: z.optional(valueSchema()),
    timeYears: z.optional(valueSchema()),
    source: z.optional(sourceSchema()),
  }));

const optionSchema = /* @__PURE__ */ onFirstUse(() => describedObject("pathway:option", {
    id: idSchema(),
    label: z.optional(label()),
    isComparator: z.optional(z.boolean()),
    effects: z.optional(z.array(effectSchema()).check(z.maxLength(1000))),
    extraCosts: z.optional(z.array(extraCostSchema()).check(z.maxLength(100))),
    note: z.optional(z.string().check(z.maxLength(2000))),
  }));

const scheduleSchema = /* @__PURE__ */ onFirstUse(() => z.union([
  withMeta(z.enum(Object.keys(DISCOUNT_SCHEDULES) as [string, ...string[]]), "pathway:schedule"),
  withMeta(z
    .strictObject(describedShape("pathway:schedule", {
      id: z.string().check(z.minLength(1), z.maxLength(128)),
      label: z.string().check(z.maxLength(500)),
      steps: z
        .array(
          z.strictObject({
            fromYear: withMeta(z.number().check(z.gte(0)), "pathway:schedule.steps.fromYear"),
            rate: decimalText("pathway:decimal.rate"),
          }),
        ).check(z.minLength(1), z.maxLength(50)),
      source: z.optional(sourceSchema()),
    })), "pathway:schedule#2"),
]));

const structureSchema = /* @__PURE__ */ onFirstUse(() => z.strictObject(describedShape("pathway:structure", {
  id: idSchema(),
  label: z.optional(label()),
  currency: z.optional(currencySchema()),
  parameters: z.optional(z.array(parameterSchema()).check(z.maxLength(10000))),
  lifeTables: z.optional(z.array(lifeTableSchema()).check(z.maxLength(50))),
  lookupTables: z.optional(z.array(lookupTableSchema()).check(z.maxLength(200))),
  allowUtilityAboveOne: z.optional(z.boolean()),
  tree: z.optional(treeSchema()),
  markov: z.optional(z.array(markovSchema()).check(z.maxLength(50))),
  options: z.array(optionSchema()).check(z.minLength(1), z.maxLength(100000)),
  discounting: z.optional(z
    .strictObject(describedShape("pathway:structure.discounting", {
      costs: z.optional(scheduleSchema()),
      health: z.optional(scheduleSchema()),
      timing: z.optional(z
        .strictObject(describedShape("pathway:structure.discounting.timing", {
          position: z.enum(["start", "middle", "end"]),
          compounding: z.enum(["annual", "continuous"]),
        }))),
    }))),
  volumes: z.optional(z
    .strictObject(describedShape("pathway:structure.volumes", {
      patientsPerYear: z
        .union([decimalText("pathway:decimal.value#2"), z.array(decimalText("pathway:decimal.value#3")).check(z.minLength(1), z.maxLength(200))]),
      years: z.optional(z.int().check(z.gte(1), z.lte(200))),
    }))),
  source: z.optional(sourceSchema()),
  note: z.optional(z.string().check(z.maxLength(5000))),
}, "tree")));

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
export const pathwayModelSchema: zc.ZodType<PathwayModel, unknown> = /* @__PURE__ */ publicSchema<PathwayModel, unknown>(() => getPathwayModelSchema(), PATHWAY_DESCRIPTION_TABLES);

/** @internal The library's own schema behind `pathwayModelSchema`, built on first use. */
export const getPathwayModelSchema = /* @__PURE__ */ onFirstUse((): z.ZodMiniType<PathwayModel, unknown> => withMeta(structureSchema().check(z.superRefine((model, ctx) => {
    for (const issue of checkModel(model as PathwayModel)) {
      ctx.addIssue({ code: "custom", path: [...issue.path], message: issue.message, input: undefined, params: { vbpCode: issue.code } });
    }
  })), "pathway:pathwayModel") as unknown as z.ZodMiniType<PathwayModel, unknown>);

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
  return z.toJSONSchema(described(getPathwayModelSchema(), PATHWAY_DESCRIPTION_TABLES), { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
}
