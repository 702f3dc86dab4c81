import { Dec } from "../../_lib/decimal.js";
import type { VbpIssue, VbpIssueCode, VbpPath } from "../../errors/issue.js";
import { VbpInputError } from "../../errors/VbpInputError.js";
import { compileSchedule, DEFAULT_TIMING, periodTime, type CompiledSchedule, type DiscountTiming } from "../../time/discount.js";
import { DISCOUNT_SCHEDULES, type DiscountSchedule } from "../../time/schedules.js";
import type {
  EffectTarget,
  MarkovModel,
  PathwayModel,
  ResourceItem,
  TimeValueInput,
  ValueInput,
  WithinCycleMethod,
} from "../model.js";
import { evaluateExpression, ExpressionError, expressionNames, parseExpression, type Expr } from "./expression.js";

/** Variables available inside Markov expressions. */
export const TIME_VARIABLES: ReadonlySet<string> = Object.freeze(new Set(["cycle", "time", "age"]));

/** Values of the time variables for one cycle. */
export interface TimeEnv {
  readonly cycle: number;
  readonly time: Dec;
  readonly age: Dec | undefined;
}

/** A compiled numeric value. */
export type Slot =
  | { readonly k: "const"; readonly v: Dec }
  | { readonly k: "param"; readonly id: string }
  | { readonly k: "expr"; readonly ast: Expr; readonly time: boolean; readonly text: string }
  | { readonly k: "byCycle"; readonly steps: readonly { readonly from: number; readonly slot: Slot }[] }
  | { readonly k: "lifeTable"; readonly table: CompiledLifeTable };

export interface CompiledLifeTable {
  readonly id: string;
  readonly ages: readonly number[];
  readonly qs: readonly Dec[];
}

/** What kind of quantity a site holds (decides which checks and which effect ops apply). */
export type SiteKind = "probability" | "rate" | "nonNegative" | "any" | "time";

/** A place in the model an effect can change. */
export interface Site {
  readonly id: number;
  readonly slot: Slot;
  readonly path: VbpPath;
  readonly kind: SiteKind;
  readonly describe: string;
  /** True when the value depends on the cycle (byCycle, lifeTable, or an expression using cycle/time/age). */
  readonly timeDependent: boolean;
  /** Markov model index for Markov sites. */
  readonly markov?: number;
}

export interface CItem {
  readonly id: string;
  readonly category: string;
  readonly quantity: Site;
  readonly unitCost: Site;
  readonly carbon: Site | undefined;
  /** Site id used by replaceItem effects. */
  readonly replaceSite: number;
  readonly path: VbpPath;
}

export interface CEvent {
  readonly name: string;
  readonly count: Site;
}

export interface CBranch {
  readonly to: number;
  readonly prob: Site | "rest";
  readonly path: VbpPath;
}

export interface CNode {
  readonly id: string;
  readonly index: number;
  readonly path: VbpPath;
  readonly time: Site;
  readonly items: readonly CItem[];
  readonly qalys: Site;
  readonly lifeYears: Site;
  readonly carbon: Site;
  readonly events: readonly CEvent[];
  readonly branches: readonly CBranch[];
  readonly enter: { readonly markov: number; readonly state: number | undefined } | undefined;
}

export interface CTree {
  readonly root: number;
  readonly nodes: readonly CNode[];
  /** Node indices in topological order from the root. */
  readonly order: readonly number[];
  readonly tolerance: Dec;
  readonly toleranceText: string;
}

export interface CState {
  readonly id: string;
  readonly index: number;
  readonly dead: boolean;
  readonly utility: Site | undefined;
  readonly items: readonly CItem[];
  readonly carbon: Site | undefined;
  readonly entryItems: readonly CItem[];
  readonly entryQalys: Site | undefined;
  readonly entryCarbon: Site | undefined;
  readonly entryEvents: readonly CEvent[];
}

export interface CTransition {
  readonly to: number;
  readonly kind: "probability" | "rate" | "rest";
  readonly site: Site | undefined;
  readonly path: VbpPath;
}

/** One part of a cycle's value: occupancy at boundary k times coefficient, discounted at time t. */
export interface CyclePart {
  readonly k: number;
  readonly coeff: Dec;
  readonly t: Dec;
}

export interface CMarkov {
  readonly id: string;
  readonly index: number;
  readonly path: VbpPath;
  readonly cycleLength: Dec;
  readonly cycles: number;
  readonly startAge: Dec | undefined;
  readonly method: WithinCycleMethod;
  readonly states: readonly CState[];
  /** rows[r]: transitions out of state r (empty: absorbing). */
  readonly rows: readonly (readonly CTransition[])[];
  readonly initial: readonly { readonly state: number; readonly share: Site }[];
  readonly tolerance: Dec;
  readonly toleranceText: string;
  /** parts[n-1]: how cycle n is valued. */
  readonly parts: readonly (readonly CyclePart[])[];
  /** True when some transition value depends on the cycle. */
  readonly timeDependentRows: boolean;
  /** Time envs for cycles 1..N (index n-1). */
  readonly envs: readonly TimeEnv[];
  /** Discounting time of the one-off entry values of cycle n (index n-1). */
  readonly entryTimes: readonly Dec[];
}

export interface CEffect {
  readonly op: "set" | "multiply" | "add" | "hazardRatio";
  readonly value: Slot;
  readonly from: number;
  readonly to: number;
  readonly path: VbpPath;
}

export interface COption {
  readonly index: number;
  readonly id: string;
  readonly label: string;
  readonly isComparator: boolean;
  readonly paramOps: ReadonlyMap<string, readonly CEffect[]>;
  readonly siteOps: ReadonlyMap<number, readonly CEffect[]>;
  readonly replacements: ReadonlyMap<number, { readonly item: CItem; readonly path: VbpPath }>;
  readonly extras: readonly { readonly id: string; readonly category: string; readonly amount: Site; readonly carbon: Site | undefined; readonly time: Site }[];
  /** True when the option changes a parameter (then every value is recomputed for it). */
  readonly touchesParams: boolean;
}

export interface CompiledModel {
  readonly id: string;
  readonly currency: string;
  readonly paramOrder: readonly string[];
  readonly paramSlots: ReadonlyMap<string, Slot>;
  readonly paramPaths: ReadonlyMap<string, VbpPath>;
  readonly baseParams: ReadonlyMap<string, Dec>;
  readonly sites: readonly Site[];
  /** Base values of time-independent sites (undefined for time-dependent ones). */
  readonly siteBase: readonly (Dec | undefined)[];
  readonly tree: CTree | undefined;
  readonly markov: readonly CMarkov[];
  /** Without a tree: the Markov model the whole cohort starts in. */
  readonly rootMarkov: number | undefined;
  readonly options: readonly COption[];
  readonly costSchedule: CompiledSchedule;
  readonly healthSchedule: CompiledSchedule;
  readonly costScheduleId: string;
  readonly healthScheduleId: string;
  readonly timing: DiscountTiming;
  readonly volumes: readonly Dec[] | undefined;
}

const ZERO = new Dec(0);
const ONE = new Dec(1);
const DEFAULT_TOLERANCE = new Dec("1e-9");
const MAX_CYCLES = 10000;

class Issues {
  readonly list: VbpIssue[] = [];
  add(path: VbpPath, message: string, code: VbpIssueCode = "invalid_value"): void {
    this.list.push({ code, path: [...path], message });
  }
}

function dec(v: string | number): Dec {
  return new Dec(v);
}

/** Evaluates a slot. Throws ExpressionError when an expression cannot be evaluated. */
export function evalSlot(slot: Slot, params: ReadonlyMap<string, Dec>, env: TimeEnv | undefined): Dec {
  switch (slot.k) {
    case "const":
      return slot.v;
    case "param":
      return params.get(slot.id)!;
    case "expr":
      return evaluateExpression(slot.ast, (name) => {
        const p = params.get(name);
        if (p !== undefined) return p;
        if (env === undefined) return undefined;
        if (name === "cycle") return new Dec(env.cycle);
        if (name === "time") return env.time;
        if (name === "age") return env.age;
        return undefined;
      });
    case "byCycle": {
      const cycle = env?.cycle ?? 1;
      let chosen = slot.steps[0]!.slot;
      for (const s of slot.steps) if (s.from <= cycle) chosen = s.slot;
      return evalSlot(chosen, params, env);
    }
    case "lifeTable": {
      const age = env?.age;
      if (age === undefined) throw new ExpressionError("a life-table lookup needs the Markov model's startAge", 0);
      const whole = age.floor().toNumber();
      const ages = slot.table.ages;
      if (whole < ages[0]!) throw new ExpressionError(`age ${age.toString()} is below the first age (${ages[0]}) of life table "${slot.table.id}"`, 0);
      let i = 0;
      while (i + 1 < ages.length && ages[i + 1]! <= whole) i++;
      return slot.table.qs[i]!;
    }
  }
}

function slotIsTimeDependent(slot: Slot): boolean {
  switch (slot.k) {
    case "const":
    case "param":
      return false;
    case "expr":
      return slot.time;
    case "byCycle":
    case "lifeTable":
      return true;
  }
}

interface CompileState {
  readonly issues: Issues;
  readonly paramIds: ReadonlySet<string>;
  readonly lifeTables: ReadonlyMap<string, CompiledLifeTable>;
  readonly sites: Site[];
}

function compileValue(
  st: CompileState,
  v: TimeValueInput | undefined,
  path: VbpPath,
  opts: { readonly time: boolean; readonly startAge?: boolean; readonly lifeTable?: boolean },
): Slot | undefined {
  if (v === undefined) return undefined;
  if (typeof v === "string" || typeof v === "number") return { k: "const", v: dec(v) };
  if ("param" in v) {
    if (!st.paramIds.has(v.param)) {
      st.issues.add([...path, "param"], `unknown parameter "${v.param}"`, "unknown_reference");
      return undefined;
    }
    return { k: "param", id: v.param };
  }
  if ("expr" in v) {
    let ast: Expr;
    try {
      ast = parseExpression(v.expr);
    } catch (e) {
      if (e instanceof ExpressionError) {
        st.issues.add([...path, "expr"], `expression ${e.message}: ${JSON.stringify(v.expr.length > 60 ? `${v.expr.slice(0, 60)}…` : v.expr)}`, "invalid_format");
        return undefined;
      }
      throw e;
    }
    let time = false;
    let ok = true;
    for (const name of expressionNames(ast)) {
      if (st.paramIds.has(name)) continue;
      if (TIME_VARIABLES.has(name)) {
        if (!opts.time) {
          st.issues.add([...path, "expr"], `"${name}" is only available inside a Markov model's states and transitions`, "unknown_reference");
          ok = false;
        } else if (name === "age" && opts.startAge !== true) {
          st.issues.add([...path, "expr"], `uses "age" but the Markov model has no startAge`, "unknown_reference");
          ok = false;
        }
        time = true;
        continue;
      }
      st.issues.add([...path, "expr"], `unknown name "${name}" in expression (not a parameter${opts.time ? ", nor cycle, time or age" : ""})`, "unknown_reference");
      ok = false;
    }
    return ok ? { k: "expr", ast, time, text: v.expr } : undefined;
  }
  if ("lifeTable" in v) {
    if (opts.lifeTable !== true) {
      st.issues.add(path, "a life-table lookup is only allowed for transition probabilities", "invalid_value");
      return undefined;
    }
    const table = st.lifeTables.get(v.lifeTable);
    if (table === undefined) {
      st.issues.add([...path, "lifeTable"], `unknown life table "${v.lifeTable}"`, "unknown_reference");
      return undefined;
    }
    if (opts.startAge !== true) st.issues.add(path, "a life-table lookup needs the Markov model's startAge", "invalid_value");
    return { k: "lifeTable", table };
  }
  if ("byCycle" in v) {
    if (!opts.time) {
      st.issues.add(path, "by-cycle values are only allowed inside a Markov model", "invalid_value");
      return undefined;
    }
    const steps: { from: number; slot: Slot }[] = [];
    v.byCycle.forEach((s, i) => {
      const slot = compileValue(st, s.value, [...path, "byCycle", i, "value"], { ...opts, lifeTable: false });
      if (slot !== undefined) steps.push({ from: s.fromCycle, slot });
    });
    return steps.length === v.byCycle.length ? { k: "byCycle", steps } : undefined;
  }
  return undefined;
}

function site(
  st: CompileState,
  v: TimeValueInput | undefined,
  path: VbpPath,
  kind: SiteKind,
  describe: string,
  opts: { readonly time: boolean; readonly startAge?: boolean; readonly lifeTable?: boolean; readonly markov?: number },
  fallback?: Dec,
): Site | undefined {
  let slot = compileValue(st, v, path, opts);
  if (slot === undefined) {
    if (v !== undefined || fallback === undefined) return undefined;
    slot = { k: "const", v: fallback };
  }
  const s: Site = {
    id: st.sites.length,
    slot,
    path,
    kind,
    describe,
    timeDependent: slotIsTimeDependent(slot),
    ...(opts.markov !== undefined ? { markov: opts.markov } : {}),
  };
  st.sites.push(s);
  return s;
}

function placeholder(st: CompileState, path: VbpPath): Site {
  const s: Site = { id: st.sites.length, slot: { k: "const", v: ZERO }, path, kind: "any", describe: "", timeDependent: false };
  st.sites.push(s);
  return s;
}

function compileItems(
  st: CompileState,
  items: readonly ResourceItem<TimeValueInput>[] | undefined,
  path: VbpPath,
  where: string,
  opts: { readonly time: boolean; readonly startAge?: boolean; readonly markov?: number },
): CItem[] {
  const out: CItem[] = [];
  const seen = new Set<string>();
  (items ?? []).forEach((item, i) => {
    const p = [...path, i];
    if (seen.has(item.id)) st.issues.add([...p, "id"], `duplicate item id "${item.id}" in ${where}`, "duplicate_id");
    seen.add(item.id);
    out.push(compileItem(st, item, p, where, opts));
  });
  return out;
}

function compileItem(
  st: CompileState,
  item: ResourceItem<TimeValueInput>,
  p: VbpPath,
  where: string,
  opts: { readonly time: boolean; readonly startAge?: boolean; readonly markov?: number },
): CItem {
  {
    const quantity = site(st, item.quantity, [...p, "quantity"], "nonNegative", `quantity of item "${item.id}" in ${where}`, opts) ?? placeholder(st, p);
    const unitCost = site(st, item.unitCost, [...p, "unitCost"], "any", `unit cost of item "${item.id}" in ${where}`, opts) ?? placeholder(st, p);
    const carbon = item.carbonKgPerUnit === undefined ? undefined : site(st, item.carbonKgPerUnit, [...p, "carbonKgPerUnit"], "any", `carbon per unit of item "${item.id}" in ${where}`, opts);
    return { id: item.id, category: item.category, quantity, unitCost, carbon, replaceSite: placeholder(st, p).id, path: p };
  }
}

function compileEvents(st: CompileState, events: readonly { name: string; count: ValueInput }[] | undefined, path: VbpPath, where: string, markov?: number): CEvent[] {
  const out: CEvent[] = [];
  const seen = new Set<string>();
  (events ?? []).forEach((e, i) => {
    if (seen.has(e.name)) st.issues.add([...path, i, "name"], `duplicate event "${e.name}" in ${where}`, "duplicate_id");
    seen.add(e.name);
    const count = site(st, e.count, [...path, i, "count"], "nonNegative", `count of event "${e.name}" in ${where}`, { time: false, ...(markov !== undefined ? { markov } : {}) });
    if (count !== undefined) out.push({ name: e.name, count });
  });
  return out;
}

function resolveSchedule(s: string | DiscountSchedule | undefined, path: VbpPath, issues: Issues): DiscountSchedule {
  if (s === undefined) return DISCOUNT_SCHEDULES["nice-3.5"];
  if (typeof s === "string") {
    const found = (DISCOUNT_SCHEDULES as Record<string, DiscountSchedule>)[s];
    if (found === undefined) {
      issues.add(path, `unknown discount schedule "${s}" (known: ${Object.keys(DISCOUNT_SCHEDULES).join(", ")})`, "unknown_reference");
      return DISCOUNT_SCHEDULES["nice-3.5"];
    }
    return found;
  }
  return s;
}

function compileScheduleAt(schedule: DiscountSchedule, compounding: DiscountTiming["compounding"], path: VbpPath, issues: Issues): CompiledSchedule {
  try {
    return compileSchedule(schedule, compounding);
  } catch (e) {
    if (e instanceof VbpInputError) {
      for (const i of e.issues) issues.add([...path, ...i.path], i.message, i.code);
      return compileSchedule(DISCOUNT_SCHEDULES.none, compounding);
    }
    throw e;
  }
}

function cycleParts(method: WithinCycleMethod, n: number, N: number, L: Dec, position: DiscountTiming["position"]): CyclePart[] {
  const half = new Dec("0.5");
  const at = (k: number): Dec => L.times(k);
  switch (method) {
    case "none":
      return [{ k: n, coeff: ONE, t: periodTime(n, L, position) }];
    case "start":
      return [{ k: n - 1, coeff: ONE, t: periodTime(n, L, position) }];
    case "half-cycle": {
      // Sonnenberg & Beck (1993): the end-of-cycle count, plus half the starting cohort, less half the final cycle.
      const parts: CyclePart[] = [{ k: n, coeff: n === N ? half : ONE, t: periodTime(n, L, position) }];
      if (n === 1) parts.unshift({ k: 0, coeff: half, t: ZERO });
      return parts;
    }
    case "trapezoid":
      return [
        { k: n - 1, coeff: half, t: at(n - 1) },
        { k: n, coeff: half, t: at(n) },
      ];
    case "simpson": {
      // Composite Simpson's 1/3 rule over pairs of cycles; with an odd number of cycles, Simpson's 3/8 rule
      // over the last three (Elbasha & Chhatwal 2016). Each pair's weights (1, 4, 1)/3 are split so each cycle
      // carries weight 1: (1/3, 2/3) and (2/3, 1/3); the 3/8 weights (1, 3, 3, 1)·3/8 as (3/8, 5/8), (4/8, 4/8), (5/8, 3/8).
      const third = ONE.div(3);
      const twoThirds = new Dec(2).div(3);
      const tail = N % 2 === 1 ? 3 : 0;
      if (n > N - tail) {
        const j = n - (N - tail); // 1, 2, 3
        const a = j === 1 ? new Dec("0.375") : j === 2 ? half : new Dec("0.625");
        return [
          { k: n - 1, coeff: a, t: at(n - 1) },
          { k: n, coeff: ONE.minus(a), t: at(n) },
        ];
      }
      const first = n % 2 === 1;
      return [
        { k: n - 1, coeff: first ? third : twoThirds, t: at(n - 1) },
        { k: n, coeff: first ? twoThirds : third, t: at(n) },
      ];
    }
  }
}

function targetText(t: EffectTarget): string {
  return Object.entries(t)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join(", ");
}

/** Compiles a structurally valid model; returns the compiled model and every problem found. */
export function compileModel(model: PathwayModel): { readonly compiled: CompiledModel | undefined; readonly issues: readonly VbpIssue[] } {
  const issues = new Issues();

  // Parameters
  const paramIds = new Set<string>();
  const paramPaths = new Map<string, VbpPath>();
  (model.parameters ?? []).forEach((p, i) => {
    if (paramIds.has(p.id)) issues.add(["parameters", i, "id"], `duplicate parameter id "${p.id}"`, "duplicate_id");
    if (TIME_VARIABLES.has(p.id)) issues.add(["parameters", i, "id"], `"${p.id}" is reserved for the cycle variables (cycle, time, age); choose another id`, "invalid_value");
    paramIds.add(p.id);
    paramPaths.set(p.id, ["parameters", i]);
  });
  const lifeTables = new Map<string, CompiledLifeTable>();
  (model.lifeTables ?? []).forEach((lt, i) => {
    if (lifeTables.has(lt.id)) issues.add(["lifeTables", i, "id"], `duplicate life table id "${lt.id}"`, "duplicate_id");
    const ages: number[] = [];
    const qs: Dec[] = [];
    lt.rows.forEach((r, j) => {
      const prev = ages[ages.length - 1];
      if (prev !== undefined && r.age <= prev) issues.add(["lifeTables", i, "rows", j, "age"], `ages must increase, got ${r.age} after ${prev}`, "out_of_order");
      const q = dec(r.q);
      if (q.lt(0) || q.gt(1)) issues.add(["lifeTables", i, "rows", j, "q"], `must be a probability in [0, 1], got ${String(r.q)}`, "invalid_value");
      ages.push(r.age);
      qs.push(q);
    });
    lifeTables.set(lt.id, { id: lt.id, ages, qs });
  });
  const sites: Site[] = [];
  const st: CompileState = { issues, paramIds, lifeTables, sites };

  const paramSlots = new Map<string, Slot>();
  (model.parameters ?? []).forEach((p, i) => {
    const slot = compileValue(st, p.value, ["parameters", i, "value"], { time: false });
    if (slot !== undefined) paramSlots.set(p.id, slot);
    const d = p.distribution;
    if (d !== undefined) {
      const dp = ["parameters", i, "distribution"];
      const positive = (key: string, v: string | number): void => {
        if (!dec(v).gt(0)) issues.add([...dp, key], `must be > 0, got ${String(v)}`, "too_small");
      };
      if (d.type === "beta") {
        positive("alpha", d.alpha);
        positive("beta", d.beta);
      } else if (d.type === "gamma") {
        positive("shape", d.shape);
        positive("scale", d.scale);
      } else if (d.type === "lognormal") positive("sdlog", d.sdlog);
      else if (d.type === "normal") positive("sd", d.sd);
      else if (d.type === "dirichlet") {
        d.alpha.forEach((a, j) => {
          if (!dec(a).gt(0)) issues.add([...dp, "alpha", j], `must be > 0, got ${String(a)}`, "too_small");
        });
        if (d.index >= d.alpha.length) issues.add([...dp, "index"], `must be less than the number of components (${d.alpha.length}), got ${d.index}`, "too_big");
      }
    }
  });
  // Topological order of parameters (a parameter may be defined from others), cycles are errors.
  const paramOrder: string[] = [];
  {
    const state = new Map<string, 1 | 2>();
    const deps = (slot: Slot): string[] => (slot.k === "param" ? [slot.id] : slot.k === "expr" ? [...expressionNames(slot.ast)].filter((n) => paramIds.has(n)) : []);
    const visit = (id: string, stack: string[]): void => {
      const s = state.get(id);
      if (s === 2) return;
      if (s === 1) {
        const cyc = [...stack.slice(stack.indexOf(id)), id];
        issues.add([...(paramPaths.get(id) ?? []), "value"], `parameters refer to each other in a cycle: ${cyc.join(" → ")}`, "cycle");
        return;
      }
      state.set(id, 1);
      const slot = paramSlots.get(id);
      if (slot !== undefined) for (const d of deps(slot)) visit(d, [...stack, id]);
      state.set(id, 2);
      paramOrder.push(id);
    };
    for (const id of paramIds) visit(id, []);
  }
  const baseParams = new Map<string, Dec>();
  if (issues.list.length === 0) {
    for (const id of paramOrder) {
      const slot = paramSlots.get(id);
      if (slot === undefined) continue;
      try {
        baseParams.set(id, evalSlot(slot, baseParams, undefined));
      } catch (e) {
        if (!(e instanceof ExpressionError)) throw e;
        issues.add([...(paramPaths.get(id) ?? []), "value"], `cannot be evaluated: ${e.message}`, "not_computable");
      }
    }
  }

  // Discounting
  const timing = model.discounting?.timing ?? DEFAULT_TIMING;
  const costSched = resolveSchedule(model.discounting?.costs, ["discounting", "costs"], issues);
  const healthSched = resolveSchedule(model.discounting?.health, ["discounting", "health"], issues);
  const costSchedule = compileScheduleAt(costSched, timing.compounding, ["discounting", "costs"], issues);
  const healthSchedule = compileScheduleAt(healthSched, timing.compounding, ["discounting", "health"], issues);

  // Markov models
  const markovIndex = new Map<string, number>();
  const markov: CMarkov[] = [];
  (model.markov ?? []).forEach((m, mi) => {
    const mp: VbpPath = ["markov", mi];
    if (markovIndex.has(m.id)) issues.add([...mp, "id"], `duplicate Markov model id "${m.id}"`, "duplicate_id");
    markovIndex.set(m.id, mi);
    markov.push(compileMarkov(st, m, mi, mp, timing));
  });

  // Tree
  let tree: CTree | undefined;
  if (model.tree !== undefined) tree = compileTree(st, model, markovIndex, markov);
  let rootMarkov: number | undefined;
  if (model.tree === undefined) {
    if ((model.markov ?? []).length === 0) issues.add([], "needs a decision tree (tree) or a Markov model (markov)", "invalid_value");
    else if ((model.markov ?? []).length > 1) issues.add(["markov"], `without a tree, give exactly one Markov model (the cohort starts in it), got ${(model.markov ?? []).length}`, "invalid_value");
    else rootMarkov = 0;
  }

  // Options
  const options: COption[] = [];
  const optionIds = new Set<string>();
  let comparators = 0;
  model.options.forEach((o, oi) => {
    const op: VbpPath = ["options", oi];
    if (optionIds.has(o.id)) issues.add([...op, "id"], `duplicate option id "${o.id}"`, "duplicate_id");
    optionIds.add(o.id);
    if (o.isComparator === true) comparators++;
    options.push(compileOption(st, o, oi, op, tree, markov, markovIndex));
  });
  if (comparators !== 1) issues.add(["options"], `exactly one option must be the comparator (isComparator: true), got ${comparators}`, "invalid_value");

  // Volumes
  let volumes: Dec[] | undefined;
  if (model.volumes !== undefined) {
    const v = model.volumes.patientsPerYear;
    if (Array.isArray(v)) {
      if (model.volumes.years !== undefined && model.volumes.years !== v.length) issues.add(["volumes", "years"], `must equal the number of patientsPerYear entries (${v.length}), got ${model.volumes.years}`, "invalid_value");
      volumes = (v as readonly (string | number)[]).map(dec);
    } else volumes = Array.from({ length: model.volumes.years ?? 1 }, () => dec(v as string | number));
    volumes.forEach((x, i) => {
      if (x.isNegative()) issues.add(Array.isArray(v) ? ["volumes", "patientsPerYear", i] : ["volumes", "patientsPerYear"], `must be ≥ 0, got ${x.toString()}`, "too_small");
    });
  }

  if (issues.list.length > 0) return { compiled: undefined, issues: issues.list };

  // Base values of time-independent sites
  const siteBase: (Dec | undefined)[] = [];
  for (const s of sites) {
    if (s.timeDependent) {
      siteBase.push(undefined);
      continue;
    }
    try {
      siteBase.push(evalSlot(s.slot, baseParams, undefined));
    } catch (e) {
      if (!(e instanceof ExpressionError)) throw e;
      issues.add(s.path, `cannot be evaluated: ${e.message}`, "not_computable");
      siteBase.push(undefined);
    }
  }
  if (issues.list.length > 0) return { compiled: undefined, issues: issues.list };

  return {
    compiled: {
      id: model.id,
      currency: model.currency ?? "GBP",
      paramOrder,
      paramSlots,
      paramPaths,
      baseParams,
      sites,
      siteBase,
      tree,
      markov,
      rootMarkov,
      options,
      costSchedule,
      healthSchedule,
      costScheduleId: costSched.id,
      healthScheduleId: healthSched.id,
      timing,
      volumes,
    },
    issues: [],
  };
}

function compileMarkov(st: CompileState, m: MarkovModel, mi: number, mp: VbpPath, timing: DiscountTiming): CMarkov {
  const issues = st.issues;
  const L = dec(m.cycleLengthYears);
  const H = dec(m.horizonYears);
  let cycles = 1;
  if (!L.gt(0)) issues.add([...mp, "cycleLengthYears"], `must be > 0, got ${String(m.cycleLengthYears)}`, "too_small");
  else if (!H.gt(0)) issues.add([...mp, "horizonYears"], `must be > 0, got ${String(m.horizonYears)}`, "too_small");
  else {
    const n = H.div(L);
    if (!n.isInteger()) issues.add([...mp, "horizonYears"], `must be a whole number of cycles of ${L.toString()} years, got ${H.toString()} years (${n.toSignificantDigits(8).toString()} cycles)`, "not_multiple_of");
    else if (n.gt(MAX_CYCLES)) issues.add([...mp, "horizonYears"], `must be at most ${MAX_CYCLES} cycles, got ${n.toString()}`, "limit_exceeded");
    else cycles = n.toNumber();
  }
  const method = m.withinCycle ?? "none";
  if (method === "simpson" && cycles < 2) issues.add([...mp, "withinCycle"], `Simpson's rule needs at least 2 cycles, got ${cycles}`, "invalid_value");
  const startAge = m.startAge === undefined ? undefined : dec(m.startAge);
  const hasAge = startAge !== undefined;
  const opts = { time: true, startAge: hasAge, markov: mi } as const;

  const stateIndex = new Map<string, number>();
  m.states.forEach((s, i) => {
    if (stateIndex.has(s.id)) issues.add([...mp, "states", i, "id"], `duplicate state id "${s.id}"`, "duplicate_id");
    stateIndex.set(s.id, i);
  });
  const states: CState[] = m.states.map((s, i) => {
    const sp = [...mp, "states", i];
    const where = `state "${s.id}" of Markov model "${m.id}"`;
    const dead = s.dead === true;
    if (!dead && s.utility === undefined) issues.add([...sp, "utility"], `is required for a state that is not dead (give 1 to count life years as QALYs, or set dead: true)`, "invalid_type");
    const utility = s.utility === undefined ? undefined : site(st, s.utility, [...sp, "utility"], "any", `utility of ${where}`, opts);
    const items = compileItems(st, s.items, [...sp, "items"], where, opts);
    const carbon = s.carbonKgPerCycle === undefined ? undefined : site(st, s.carbonKgPerCycle, [...sp, "carbonKgPerCycle"], "any", `carbon per cycle of ${where}`, opts);
    const e = s.onEntry;
    const ep = [...sp, "onEntry"];
    const entryOpts = { time: false, markov: mi } as const;
    return {
      id: s.id,
      index: i,
      dead,
      utility,
      items,
      carbon,
      entryItems: compileItems(st, e?.items, [...ep, "items"], `entry to ${where}`, entryOpts),
      entryQalys: e?.qalys === undefined ? undefined : site(st, e.qalys, [...ep, "qalys"], "any", `entry QALYs of ${where}`, entryOpts),
      entryCarbon: e?.carbonKg === undefined ? undefined : site(st, e.carbonKg, [...ep, "carbonKg"], "any", `entry carbon of ${where}`, entryOpts),
      entryEvents: compileEvents(st, e?.events, [...ep, "events"], `entry to ${where}`, mi),
    };
  });

  const rows: CTransition[][] = m.states.map(() => []);
  const seenPair = new Set<string>();
  let timeDependentRows = false;
  m.transitions.forEach((t, i) => {
    const tp = [...mp, "transitions", i];
    const from = stateIndex.get(t.from);
    const to = stateIndex.get(t.to);
    if (from === undefined) issues.add([...tp, "from"], `unknown state "${t.from}" in Markov model "${m.id}"`, "unknown_reference");
    if (to === undefined) issues.add([...tp, "to"], `unknown state "${t.to}" in Markov model "${m.id}"`, "unknown_reference");
    if ((t.probability === undefined) === (t.rate === undefined)) {
      issues.add(tp, "give exactly one of probability and rate", "invalid_value");
      return;
    }
    if (from === undefined || to === undefined) return;
    const pair = `${from}>${to}`;
    if (seenPair.has(pair)) issues.add(tp, `duplicate transition ${t.from} → ${t.to}`, "duplicate_id");
    seenPair.add(pair);
    const describe = `transition ${t.from} → ${t.to} of Markov model "${m.id}"`;
    if (t.probability === "rest") {
      if (rows[from]!.some((x) => x.kind === "rest")) issues.add([...tp, "probability"], `at most one "rest" transition per state; state "${t.from}" has another`, "invalid_value");
      rows[from]!.push({ to, kind: "rest", site: undefined, path: [...tp, "probability"] });
      return;
    }
    const isRate = t.rate !== undefined;
    const value = isRate ? t.rate : t.probability;
    const s = site(st, value as TimeValueInput, [...tp, isRate ? "rate" : "probability"], isRate ? "rate" : "probability", describe, { ...opts, lifeTable: true });
    if (s === undefined) return;
    if (s.timeDependent) timeDependentRows = true;
    rows[from]!.push({ to, kind: isRate ? "rate" : "probability", site: s, path: [...tp, isRate ? "rate" : "probability"] });
  });

  const initial: { state: number; share: Site }[] = [];
  if (m.initial === undefined) initial.push({ state: 0, share: site(st, 1, [...mp, "initial"], "probability", "initial share", { time: false })! });
  else {
    const seen = new Set<string>();
    m.initial.forEach((x, i) => {
      const ip = [...mp, "initial", i];
      const s = stateIndex.get(x.state);
      if (s === undefined) issues.add([...ip, "state"], `unknown state "${x.state}" in Markov model "${m.id}"`, "unknown_reference");
      if (seen.has(x.state)) issues.add([...ip, "state"], `duplicate initial state "${x.state}"`, "duplicate_id");
      seen.add(x.state);
      const share = site(st, x.share, [...ip, "share"], "probability", `initial share of state "${x.state}"`, { time: false });
      if (s !== undefined && share !== undefined) initial.push({ state: s, share });
    });
  }

  const parts: CyclePart[][] = [];
  const envs: TimeEnv[] = [];
  const entryTimes: Dec[] = [];
  for (let n = 1; n <= cycles; n++) {
    if (L.gt(0)) parts.push(cycleParts(method, n, cycles, L, timing.position));
    // Entries during cycle n are valued like cycle n: at its discounting time for the count-based methods,
    // at the transition (the cycle's end, n·L) for the integration rules.
    entryTimes.push(method === "trapezoid" || method === "simpson" ? L.times(n) : periodTime(n, L, timing.position));
    const time = L.times(n - 1);
    envs.push({ cycle: n, time, age: startAge === undefined ? undefined : startAge.plus(time) });
  }
  return {
    id: m.id,
    index: mi,
    path: mp,
    cycleLength: L,
    cycles,
    startAge,
    method,
    states,
    rows,
    initial,
    tolerance: m.tolerance === undefined ? DEFAULT_TOLERANCE : dec(m.tolerance),
    toleranceText: m.tolerance === undefined ? "1e-9" : String(m.tolerance),
    parts,
    timeDependentRows,
    envs,
    entryTimes,
  };
}

function compileTree(st: CompileState, model: PathwayModel, markovIndex: ReadonlyMap<string, number>, markov: readonly CMarkov[]): CTree {
  const issues = st.issues;
  const t = model.tree!;
  const nodeIndex = new Map<string, number>();
  t.nodes.forEach((n, i) => {
    if (nodeIndex.has(n.id)) issues.add(["tree", "nodes", i, "id"], `duplicate node id "${n.id}"`, "duplicate_id");
    nodeIndex.set(n.id, i);
  });
  const root = nodeIndex.get(t.root);
  if (root === undefined) issues.add(["tree", "root"], `unknown node "${t.root}"`, "unknown_reference");
  const opts = { time: false } as const;
  const nodes: CNode[] = t.nodes.map((n, i) => {
    const np: VbpPath = ["tree", "nodes", i];
    const where = `node "${n.id}"`;
    const branches: CBranch[] = [];
    const seenTo = new Set<string>();
    let rests = 0;
    (n.branches ?? []).forEach((b, j) => {
      const bp = [...np, "branches", j];
      const to = nodeIndex.get(b.to);
      if (to === undefined) issues.add([...bp, "to"], `unknown node "${b.to}"`, "unknown_reference");
      if (seenTo.has(b.to)) issues.add([...bp, "to"], `node "${n.id}" has two branches to "${b.to}"`, "duplicate_id");
      seenTo.add(b.to);
      if (b.probability === "rest") {
        rests++;
        if (rests > 1) issues.add([...bp, "probability"], `at most one "rest" branch per node; node "${n.id}" has another`, "invalid_value");
        if (to !== undefined) branches.push({ to, prob: "rest", path: [...bp, "probability"] });
        return;
      }
      const s = site(st, b.probability, [...bp, "probability"], "probability", `probability of the branch of node "${n.id}" to "${b.to}"`, opts);
      if (s !== undefined && to !== undefined) branches.push({ to, prob: s, path: [...bp, "probability"] });
    });
    let enter: CNode["enter"];
    if (n.enter !== undefined) {
      const ep = [...np, "enter"];
      if ((n.branches ?? []).length > 0) issues.add(ep, `only a leaf (a node without branches) may enter a Markov model; node "${n.id}" has branches`, "invalid_value");
      const mi = markovIndex.get(n.enter.markov);
      if (mi === undefined) issues.add([...ep, "markov"], `unknown Markov model "${n.enter.markov}"`, "unknown_reference");
      else {
        let si: number | undefined;
        if (n.enter.state !== undefined) {
          si = markov[mi]!.states.findIndex((s) => s.id === n.enter!.state);
          if (si < 0) {
            issues.add([...ep, "state"], `unknown state "${n.enter.state}" in Markov model "${n.enter.markov}"`, "unknown_reference");
            si = undefined;
          }
        }
        enter = { markov: mi, state: si };
      }
    }
    const zero = ZERO;
    return {
      id: n.id,
      index: i,
      path: np,
      time: site(st, n.timeYears, [...np, "timeYears"], "time", `time of ${where}`, opts, zero) ?? placeholder(st, np),
      items: compileItems(st, n.items, [...np, "items"], where, opts),
      qalys: site(st, n.qalys, [...np, "qalys"], "any", `QALYs of ${where}`, opts, zero) ?? placeholder(st, np),
      lifeYears: site(st, n.lifeYears, [...np, "lifeYears"], "any", `life years of ${where}`, opts, zero) ?? placeholder(st, np),
      carbon: site(st, n.carbonKg, [...np, "carbonKg"], "any", `carbon of ${where}`, opts, zero) ?? placeholder(st, np),
      events: compileEvents(st, n.events, [...np, "events"], where),
      branches,
      enter,
    };
  });
  // Topological order from the root (Kahn), detecting cycles and unreachable nodes.
  const order: number[] = [];
  if (root !== undefined && issues.list.length === 0) {
    const reachable = new Set<number>();
    const stack = [root];
    while (stack.length > 0) {
      const x = stack.pop()!;
      if (reachable.has(x)) continue;
      reachable.add(x);
      for (const b of nodes[x]!.branches) stack.push(b.to);
    }
    const indeg = new Map<number, number>();
    for (const x of reachable) for (const b of nodes[x]!.branches) indeg.set(b.to, (indeg.get(b.to) ?? 0) + 1);
    // The root is the only node without parents; if it has one, the tree loops back to it.
    const queue = [...reachable].filter((x) => (indeg.get(x) ?? 0) === 0);
    const seen = new Set<number>();
    while (queue.length > 0) {
      const x = queue.shift()!;
      if (seen.has(x)) continue;
      seen.add(x);
      order.push(x);
      for (const b of nodes[x]!.branches) {
        const d = (indeg.get(b.to) ?? 0) - 1;
        indeg.set(b.to, d);
        if (d === 0) queue.push(b.to);
      }
    }
    if (order.length < reachable.size) {
      for (const x of reachable) {
        if (seen.has(x)) continue;
        const n = nodes[x]!;
        const j = n.branches.findIndex((b) => !seen.has(b.to));
        issues.add([...n.path, "branches", Math.max(j, 0), "to"], `the tree has a cycle through node "${n.id}" (a decision tree cannot loop; use a Markov model for repeated states)`, "cycle");
        break;
      }
    }
    t.nodes.forEach((n, i) => {
      if (!reachable.has(i)) issues.add(["tree", "nodes", i, "id"], `node "${n.id}" cannot be reached from the root "${t.root}"`, "invalid_value");
    });
  }
  return { root: root ?? 0, nodes, order, tolerance: t.tolerance === undefined ? DEFAULT_TOLERANCE : dec(t.tolerance), toleranceText: t.tolerance === undefined ? "1e-9" : String(t.tolerance) };
}

function compileOption(
  st: CompileState,
  o: PathwayModel["options"][number],
  oi: number,
  op: VbpPath,
  tree: CTree | undefined,
  markov: readonly CMarkov[],
  markovIndex: ReadonlyMap<string, number>,
): COption {
  const issues = st.issues;
  const paramOps = new Map<string, CEffect[]>();
  const siteOps = new Map<number, CEffect[]>();
  const replacements = new Map<number, { item: CItem; path: VbpPath }>();
  const nodeById = new Map<string, CNode>();
  for (const n of tree?.nodes ?? []) nodeById.set(n.id, n);

  (o.effects ?? []).forEach((e, ei) => {
    const ep: VbpPath = [...op, "effects", ei];
    const t = e.target;
    const tp = [...ep, "target"];
    const keys = Object.keys(t).filter((k) => (t as Record<string, unknown>)[k] !== undefined);
    const has = (...ks: string[]): boolean => ks.every((k) => keys.includes(k)) && keys.length === ks.length;
    const missing = (message: string): void => issues.add(tp, message, "unknown_reference");

    // Resolve the markov model and state if named.
    let m: CMarkov | undefined;
    let state: CState | undefined;
    if (t.markov !== undefined) {
      const mi = markovIndex.get(t.markov);
      if (mi === undefined) return missing(`no Markov model "${t.markov}"`);
      m = markov[mi];
      if (t.state !== undefined) {
        state = m!.states.find((s) => s.id === t.state);
        if (state === undefined) return missing(`no state "${t.state}" in Markov model "${t.markov}"`);
      }
    }
    let node: CNode | undefined;
    if (t.node !== undefined) {
      node = nodeById.get(t.node);
      if (node === undefined) return missing(tree === undefined ? `no node "${t.node}" (the model has no decision tree)` : `no node "${t.node}" in the tree`);
    }
    const findItem = (items: readonly CItem[], where: string): CItem | undefined => {
      const it = items.find((x) => x.id === t.item);
      if (it === undefined) missing(`no item "${t.item}" in ${where}`);
      return it;
    };

    if (e.op === "replaceItem") {
      let item: CItem | undefined;
      if (node !== undefined && has("node", "item")) item = findItem(node.items, `node "${node.id}"`);
      else if (state !== undefined && has("markov", "state", "item")) item = findItem(state.items, `state "${state.id}"`);
      else if (state !== undefined && has("markov", "state", "item", "onEntry") && t.onEntry === true) item = findItem(state.entryItems, `the entry items of state "${state.id}"`);
      else return issues.add(tp, `replaceItem needs { node, item } or { markov, state, item } (optionally onEntry: true), got { ${targetText(t)} }`, "invalid_value");
      if (item === undefined) return;
      const isStateItem = state !== undefined && t.onEntry !== true;
      const replacement = compileItem(st, e.item as ResourceItem<TimeValueInput>, [...ep, "item"], `the replacement in option "${o.id}"`, {
        time: isStateItem,
        ...(m !== undefined ? { markov: m.index, startAge: m.startAge !== undefined } : {}),
      });
      replacements.set(item.replaceSite, { item: replacement, path: ep });
      return;
    }

    const value = compileValue(st, e.value, [...ep, "value"], { time: false });
    if (value === undefined) return;
    let from = 1;
    let to = Number.MAX_SAFE_INTEGER;
    if (e.cycles !== undefined) {
      if (m === undefined) return issues.add([...ep, "cycles"], "cycles apply only to Markov targets", "invalid_value");
      from = e.cycles.from;
      to = e.cycles.to ?? Number.MAX_SAFE_INTEGER;
      if (to < from) return issues.add([...ep, "cycles", "to"], `must be ≥ cycles.from (${from}), got ${to}`, "out_of_order");
    }
    const ce: CEffect = { op: e.op, value, from, to, path: ep };

    let target: Site | undefined;
    if (has("parameter")) {
      if (!st.paramIds.has(t.parameter!)) return missing(`no parameter "${t.parameter}"`);
      if (e.op === "hazardRatio") return issues.add([...ep, "op"], "hazardRatio applies to Markov transitions ({ markov, from, to }), not to a parameter; use multiply", "invalid_value");
      const list = paramOps.get(t.parameter!) ?? [];
      list.push(ce);
      paramOps.set(t.parameter!, list);
      return;
    } else if (node !== undefined && has("node", "branch")) {
      const b = node.branches.find((x) => tree!.nodes[x.to]!.id === t.branch);
      if (b === undefined) return missing(`node "${node.id}" has no branch to "${t.branch}"`);
      if (b.prob === "rest") return issues.add(tp, `the branch of node "${node.id}" to "${t.branch}" is "rest" (the complement); change the other branches instead`, "invalid_value");
      target = b.prob;
    } else if (node !== undefined && has("node", "item", "field")) {
      const it = findItem(node.items, `node "${node.id}"`);
      if (it === undefined) return;
      target = itemField(it, t.field!, tp, issues);
      if (target === undefined) return;
    } else if (node !== undefined && has("node", "field")) {
      const f = t.field!;
      target = f === "qalys" ? node.qalys : f === "lifeYears" ? node.lifeYears : f === "carbonKg" ? node.carbon : f === "timeYears" ? node.time : undefined;
      if (target === undefined) return issues.add([...tp, "field"], `a node's field must be one of qalys, lifeYears, carbonKg, timeYears, got "${f}"`, "invalid_value");
    } else if (node !== undefined && has("node", "event")) {
      const ev = node.events.find((x) => x.name === t.event);
      if (ev === undefined) return missing(`node "${node.id}" counts no event "${t.event}"`);
      target = ev.count;
    } else if (m !== undefined && has("markov", "from", "to")) {
      const fi = m.states.findIndex((s) => s.id === t.from);
      const ti = m.states.findIndex((s) => s.id === t.to);
      if (fi < 0) return missing(`no state "${t.from}" in Markov model "${m.id}"`);
      if (ti < 0) return missing(`no state "${t.to}" in Markov model "${m.id}"`);
      const tr = m.rows[fi]!.find((x) => x.to === ti);
      if (tr === undefined) return missing(`Markov model "${m.id}" has no transition ${t.from} → ${t.to}`);
      if (tr.kind === "rest") return issues.add(tp, `the transition ${t.from} → ${t.to} is "rest" (the complement); change the other transitions of the row instead`, "invalid_value");
      target = tr.site;
    } else if (state !== undefined && has("markov", "state", "field")) {
      const f = t.field!;
      target = f === "utility" ? state.utility : f === "carbonKgPerCycle" ? state.carbon : undefined;
      if (target === undefined) return issues.add([...tp, "field"], f === "utility" || f === "carbonKgPerCycle" ? `state "${state.id}" has no ${f} to change` : `a state's field must be utility or carbonKgPerCycle, got "${f}"`, f === "utility" || f === "carbonKgPerCycle" ? "unknown_reference" : "invalid_value");
    } else if (state !== undefined && has("markov", "state", "item", "field")) {
      const it = findItem(state.items, `state "${state.id}"`);
      if (it === undefined) return;
      target = itemField(it, t.field!, tp, issues);
      if (target === undefined) return;
    } else if (state !== undefined && has("markov", "state", "item", "field", "onEntry") && t.onEntry === true) {
      const it = findItem(state.entryItems, `the entry items of state "${state.id}"`);
      if (it === undefined) return;
      target = itemField(it, t.field!, tp, issues);
      if (target === undefined) return;
    } else if (state !== undefined && has("markov", "state", "field", "onEntry") && t.onEntry === true) {
      const f = t.field!;
      target = f === "qalys" ? state.entryQalys : f === "carbonKg" ? state.entryCarbon : undefined;
      if (target === undefined) return issues.add([...tp, "field"], f === "qalys" || f === "carbonKg" ? `state "${state.id}" has no entry ${f} to change` : `an entry field must be qalys or carbonKg, got "${f}"`, f === "qalys" || f === "carbonKg" ? "unknown_reference" : "invalid_value");
    } else if (state !== undefined && has("markov", "state", "event", "onEntry") && t.onEntry === true) {
      const ev = state.entryEvents.find((x) => x.name === t.event);
      if (ev === undefined) return missing(`state "${state.id}" counts no entry event "${t.event}"`);
      target = ev.count;
    } else {
      return issues.add(tp, `is not a target this library knows: { ${targetText(t)} } (see EffectTarget for the combinations)`, "invalid_value");
    }
    if (target === undefined) return;
    if (e.op === "hazardRatio" && target.kind !== "probability" && target.kind !== "rate") return issues.add([...ep, "op"], "hazardRatio applies to probabilities and rates only", "invalid_value");
    if (e.op === "hazardRatio" && target.markov === undefined) return issues.add([...ep, "op"], "hazardRatio applies to Markov transitions; for a tree branch use multiply (a relative risk)", "invalid_value");
    if (e.cycles !== undefined && target.markov === undefined) return issues.add([...ep, "cycles"], "cycles apply only to Markov targets", "invalid_value");
    const list = siteOps.get(target.id) ?? [];
    list.push(ce);
    siteOps.set(target.id, list);
  });

  const extras: COption["extras"][number][] = [];
  const seen = new Set<string>();
  (o.extraCosts ?? []).forEach((x, xi) => {
    const xp = [...op, "extraCosts", xi];
    if (seen.has(x.id)) issues.add([...xp, "id"], `duplicate extra cost id "${x.id}" in option "${o.id}"`, "duplicate_id");
    seen.add(x.id);
    const amount = site(st, x.amount, [...xp, "amount"], "any", `extra cost "${x.id}" of option "${o.id}"`, { time: false });
    const carbon = x.carbonKg === undefined ? undefined : site(st, x.carbonKg, [...xp, "carbonKg"], "any", `carbon of extra cost "${x.id}"`, { time: false });
    const time = site(st, x.timeYears, [...xp, "timeYears"], "time", `time of extra cost "${x.id}"`, { time: false }, ZERO);
    if (amount !== undefined && time !== undefined) extras.push({ id: x.id, category: x.category ?? "device", amount, carbon, time });
  });
  return {
    index: oi,
    id: o.id,
    label: o.label ?? o.id,
    isComparator: o.isComparator === true,
    paramOps,
    siteOps,
    replacements,
    extras,
    touchesParams: paramOps.size > 0,
  };
}

function itemField(it: CItem, field: string, tp: VbpPath, issues: Issues): Site | undefined {
  if (field === "quantity") return it.quantity;
  if (field === "unitCost") return it.unitCost;
  if (field === "carbonKgPerUnit") {
    if (it.carbon === undefined) issues.add([...tp, "field"], `item "${it.id}" has no carbonKgPerUnit to change`, "unknown_reference");
    return it.carbon;
  }
  issues.add([...tp, "field"], `an item's field must be quantity, unitCost or carbonKgPerUnit, got "${field}"`, "invalid_value");
  return undefined;
}
