/**
 * Compiles a structurally valid pathway model into its program: every structural rule is checked here, once;
 * nothing is evaluated except constants that can never be valid (an overflow), which are refused at once.
 *
 * @module
 */
import type { VbpIssue, VbpPath } from "../../errors/issue.js";
import type { PathwayModel } from "../../pathway/model.js";
import { DEFAULT_TIMING } from "../../time/discount.js";
import type { CMarkov, COption, CTree, Program } from "../program.js";
import { compileMarkov } from "./cohort.js";
import { Issues, type CompileContext } from "./context.js";
import { compileDiscounting } from "./discounting.js";
import { compileOption } from "./effects.js";
import { compileParameters, parameterOrder } from "./parameters.js";
import { compileTables } from "./tables.js";
import { compileTree } from "./tree.js";

/** The program, or every structural problem found. */
export function compileProgram(model: PathwayModel): { readonly program: Program | undefined; readonly issues: readonly VbpIssue[] } {
  const issues = new Issues();
  const { order, paths } = parameterOrder(model, issues);
  const paramIndex = new Map(order.map((id, i) => [id, i] as const));
  const tables = compileTables(model, issues);
  const ctx: CompileContext = { issues, paramIndex, tables, sites: [] };
  const parameters = compileParameters(ctx, model, order, paths);

  const timing = model.discounting?.timing ?? DEFAULT_TIMING;
  const cost = compileDiscounting(model.discounting?.costs, timing.compounding, ["discounting", "costs"], issues);
  const health = compileDiscounting(model.discounting?.health, timing.compounding, ["discounting", "health"], issues);

  const markovIndex = new Map<string, number>();
  const markov: CMarkov[] = [];
  (model.markov ?? []).forEach((m, mi) => {
    const mp: VbpPath = ["markov", mi];
    if (markovIndex.has(m.id)) issues.add([...mp, "id"], `duplicate Markov model id "${m.id}"`, "duplicate_id");
    markovIndex.set(m.id, mi);
    markov.push(compileMarkov(ctx, m, mi, mp, timing));
  });

  let tree: CTree | undefined;
  if (model.tree !== undefined) tree = compileTree(ctx, model, markovIndex, markov);
  let rootMarkov: number | undefined;
  if (model.tree === undefined) {
    if ((model.markov ?? []).length === 0) issues.add([], "needs a decision tree (tree) or a Markov model (markov)", "invalid_value");
    else if ((model.markov ?? []).length > 1) issues.add(["markov"], `without a tree, give exactly one Markov model (the cohort starts in it), got ${(model.markov ?? []).length}`, "invalid_value");
    else rootMarkov = 0;
  }

  const options: COption[] = [];
  const optionIds = new Set<string>();
  let comparators = 0;
  model.options.forEach((o, oi) => {
    const op: VbpPath = ["options", oi];
    if (optionIds.has(o.id)) issues.add([...op, "id"], `duplicate option id "${o.id}"`, "duplicate_id");
    optionIds.add(o.id);
    if (o.isComparator === true) comparators++;
    options.push(compileOption(ctx, o, oi, op, tree, markov, markovIndex));
  });
  if (comparators !== 1) issues.add(["options"], `exactly one option must be the comparator (isComparator: true), got ${comparators}`, "invalid_value");

  let volumes: string[] | undefined;
  if (model.volumes !== undefined) {
    const v = model.volumes.patientsPerYear;
    if (Array.isArray(v)) {
      if (model.volumes.years !== undefined && model.volumes.years !== v.length) issues.add(["volumes", "years"], `must equal the number of patientsPerYear entries (${v.length}), got ${model.volumes.years}`, "invalid_value");
      volumes = (v as readonly (string | number)[]).map(String);
    } else volumes = Array.from({ length: model.volumes.years ?? 1 }, () => String(v as string | number));
    volumes.forEach((x, i) => {
      if (Number(x) < 0) issues.add(Array.isArray(v) ? ["volumes", "patientsPerYear", i] : ["volumes", "patientsPerYear"], `must be ≥ 0, got ${x}`, "too_small");
    });
  }

  if (issues.list.length > 0) return { program: undefined, issues: issues.list };
  return {
    program: {
      id: model.id,
      currency: model.currency ?? "GBP",
      parameters,
      sites: ctx.sites,
      tree,
      markov,
      rootMarkov,
      options,
      costSchedule: cost.data,
      healthSchedule: health.data,
      costScheduleId: cost.id,
      healthScheduleId: health.id,
      timing: { position: timing.position, compounding: timing.compounding },
      volumes,
      tables: [...tables.values()],
      allowUtilityAboveOne: model.allowUtilityAboveOne === true,
    },
    issues: [],
  };
}
