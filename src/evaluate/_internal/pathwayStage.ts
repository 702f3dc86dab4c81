/**
 * Stage 1a, the patient pathway: the model compiled while validating is evaluated once per distinct set of
 * effects ({@link pathwayGroups}). Rules that depend on values (a probability pushed above 1 by an option's
 * effect, branch sums) are only known here: a tender fails with them; a catalogue excludes the options they
 * belong to and evaluates the rest.
 *
 * @internal
 * @module
 */
import type { VbpIssue } from "../../errors/issue.js";
import { VbpInputError } from "../../errors/VbpInputError.js";
import { compileParsedModel, runCompiledModel } from "../../pathway/runModel.js";
import type { PathwayResult } from "../../pathway/types.js";
import type { ExcludedOption } from "../result.js";
import { mapPathwayPath } from "./assemble.js";
import { pathwayGroups, spreadIssues, spreadResult } from "./pathwayGroups.js";
import { withOptions, type PreparedEvaluation } from "./validate.js";

/** The pathway result, with the document as it stands after any exclusion the pathway's rules forced. */
export interface PathwayStage {
  readonly prepared: PreparedEvaluation;
  readonly result: PathwayResult;
}

export function pathwayStage(prepared: PreparedEvaluation, ledger: boolean): PathwayStage {
  let p = prepared;
  for (;;) {
    const compiled = p.pathway.compiled;
    if (compiled === undefined) throw new VbpInputError(spreadIssues(p.pathway.issues, p.groups).map((i) => ({ ...i, path: mapPathwayPath(i.path) })));
    const run = runCompiledModel(compiled, { ledger });
    if (run.result !== undefined) return { prepared: p, result: spreadResult(run.result, p.groups, p.doc) };
    const issues = spreadIssues(run.issues, p.groups).map((i) => ({ ...i, path: mapPathwayPath(i.path) }));
    const toInput = (i: VbpIssue): VbpIssue => (i.path[0] === "options" && typeof i.path[1] === "number" ? { ...i, path: ["options", p.inputIndex[i.path[1]] ?? i.path[1], ...i.path.slice(2)] } : i);
    const byOption = new Map<number, VbpIssue[]>();
    const shared: VbpIssue[] = [];
    for (const i of issues) {
      const k = i.path[0] === "options" && typeof i.path[1] === "number" ? i.path[1] : undefined;
      if (k === undefined || p.doc.options[k]?.isComparator === true) shared.push(toInput(i));
      else byOption.set(k, [...(byOption.get(k) ?? []), toInput(i)]);
    }
    if (p.mode !== "exclude" || shared.length > 0 || byOption.size === 0) throw new VbpInputError(issues.map(toInput));
    const excluded: ExcludedOption[] = [...byOption.entries()].map(([k, list]) => ({ optionId: p.doc.options[k]!.id, index: p.inputIndex[k] as number, issues: list }));
    const keep = p.doc.options.filter((_, k) => !byOption.has(k));
    const keepIndex = p.inputIndex.filter((_, k) => !byOption.has(k));
    if (keep.length < 2) throw new VbpInputError(issues.map(toInput));
    const doc = withOptions(p.doc, keep, new Set(excluded.map((e) => e.optionId as string)));
    const groups = pathwayGroups(doc);
    p = { ...p, doc, inputIndex: keepIndex, excluded: [...p.excluded, ...excluded].sort((a, b) => a.index - b.index), groups, pathway: compileParsedModel(groups.model) };
  }
}
