/**
 * Options whose pathway inputs are the same (the same effects and extra costs) have the same pathway
 * result, exactly: the pathway model is compiled and evaluated once per distinct set, and each option takes
 * its set's result under its own id. A catalogue where many products carry the same evidence-based effect
 * (a class effect) evaluates its pathway once per class.
 *
 * @internal
 * @module
 */
import type { VbpIssue, VbpPath } from "../../errors/issue.js";
import type { PathwayModel } from "../../pathway/model.js";
import type { OptionResult, PathwayResult } from "../../pathway/types.js";
import type { EvaluationDocument, EvaluationOption } from "../document.js";
import { buildPathwayModel } from "./assemble.js";

/** The distinct pathway options of a document. */
export interface PathwayGroups {
  /** The pathway model with one option per distinct set of effects and extra costs (the comparator alone). */
  readonly model: PathwayModel;
  /** For each document option, the index of its model option. */
  readonly groupOf: readonly number[];
  /** For each model option, the document options it stands for. */
  readonly members: readonly (readonly number[])[];
}

function keyOf(o: EvaluationOption): string {
  if (o.isComparator === true) return "\u0000comparator";
  return JSON.stringify([o.effects ?? null, o.extraCosts ?? null]);
}

/** Groups a document's options by their pathway inputs. */
export function pathwayGroups(doc: EvaluationDocument): PathwayGroups {
  const byKey = new Map<string, number>();
  const groupOf: number[] = [];
  const members: number[][] = [];
  const reps: EvaluationOption[] = [];
  doc.options.forEach((o, i) => {
    const key = keyOf(o);
    let g = byKey.get(key);
    if (g === undefined) {
      g = reps.length;
      byKey.set(key, g);
      reps.push(o);
      members.push([]);
    }
    groupOf.push(g);
    (members[g] as number[]).push(i);
  });
  return { model: buildPathwayModel(doc, reps), groupOf, members };
}

/** Issues about the grouped model → issues about every document option of the group (others unchanged). */
export function spreadIssues(issues: readonly VbpIssue[], groups: PathwayGroups): VbpIssue[] {
  const out: VbpIssue[] = [];
  for (const i of issues) {
    const [head, m, ...rest] = i.path;
    if (head === "options" && typeof m === "number") {
      for (const k of groups.members[m] ?? []) out.push({ ...i, path: ["options", k, ...rest] as VbpPath });
    } else out.push(i);
  }
  return out;
}

/** The grouped model's result → one result per document option, under the option's own id and label. */
export function spreadResult(result: PathwayResult, groups: PathwayGroups, doc: EvaluationDocument): PathwayResult {
  const options = doc.options.map((o, i): OptionResult => {
    const r = result.options[groups.groupOf[i] as number] as OptionResult;
    if (r.optionId === o.id) return r;
    return { ...r, optionId: o.id, label: o.label, isComparator: o.isComparator === true, ledger: r.ledger.map((e) => ({ ...e, optionId: o.id })) };
  });
  return { ...result, options };
}
