/**
 * The overtaking answers of one evaluation, solved by re-running the typed stages on modified copies of the
 * validated document (no second validation: a modified document is built here, not read from a caller). Each
 * re-run recompiles the pathway model only when the moved input is one of its effects. A value the stages
 * reject (e.g. a relative risk that pushes a probability above 1) counts as "does not overtake".
 *
 * The answers' paths point into the caller's document (an option's index in the caller's `options`, a
 * consensus record's index in the caller's `tender.consensus`), so that applying an answer to that document
 * and calling `evaluate` reproduces it.
 *
 * @internal
 * @module
 */
import type { VbpPath } from "../../errors/issue.js";
import { compileParsedModel } from "../../pathway/runModel.js";
import type { EvaluationDocument } from "../document.js";
import type { EvaluationResult, OvertakingAnswer } from "../result.js";
import { overtakingAnswers, overtakingText } from "./overtaking.js";
import { pathwayGroups } from "./pathwayGroups.js";
import type { PreparedEvaluation } from "./validate.js";

/** The stages on a prepared document, without summaries, ledgers, explanations or overtaking. */
export type StageRun = (prepared: PreparedEvaluation) => EvaluationResult;

/** A prepared evaluation for a modified copy of `base.doc` (same options, in the same order). */
function preparedFor(base: PreparedEvaluation, doc: EvaluationDocument): PreparedEvaluation {
  const samePathway = doc.options.every((o, i) => {
    const b = base.doc.options[i];
    return b !== undefined && o.effects === b.effects && o.extraCosts === b.extraCosts;
  });
  if (samePathway) return { ...base, doc, mode: "fail", excluded: [] };
  const groups = pathwayGroups(doc);
  return { ...base, doc, mode: "fail", excluded: [], groups, pathway: compileParsedModel(groups.model) };
}

function consensusRecords(input: unknown): readonly { criterionId?: unknown; optionId?: unknown }[] {
  const tender = typeof input === "object" && input !== null ? (input as { tender?: unknown }).tender : undefined;
  const list = typeof tender === "object" && tender !== null ? (tender as { consensus?: unknown }).consensus : undefined;
  return Array.isArray(list) ? (list as { criterionId?: unknown; optionId?: unknown }[]) : [];
}

/** A path into the stages' document, moved into the caller's document. */
function toCallerPath(path: VbpPath, prepared: PreparedEvaluation, input: unknown): VbpPath {
  const [head, k, ...rest] = path;
  if (head === "options" && typeof k === "number") return ["options", prepared.inputIndex[k] ?? k, ...rest];
  if (head === "tender" && k === "consensus" && typeof rest[0] === "number") {
    const record = prepared.doc.tender.consensus?.[rest[0]];
    if (record === undefined) return path;
    const j = consensusRecords(input).findIndex((c) => c.criterionId === record.criterionId && c.optionId === record.optionId);
    return j < 0 ? path : ["tender", "consensus", j, ...rest.slice(1)];
  }
  return path;
}

/**
 * `result` with `overtaking` (one answer per ranked bid below first place) and, when the result has
 * explanations, a sentence per answer at the end of the bid's explanation.
 *
 * @param result - the evaluation (with full score trees)
 * @param prepared - the document as the stages used it
 * @param input - the caller's document, for the answers' paths
 * @param run - the stages on a prepared document
 */
export function overtakingFor(result: EvaluationResult, prepared: PreparedEvaluation, input: unknown, run: StageRun): EvaluationResult {
  const solved = overtakingAnswers(prepared.doc, result, (doc) => run(preparedFor(prepared, doc)));
  const answers: OvertakingAnswer[] = solved.map((a) => ({ ...a, changes: a.changes.map((c) => ({ ...c, path: toCallerPath(c.path, prepared, input) })) }));
  const names = new Map(result.options.map((o) => [o.optionId, `${o.supplier} (${o.label})`] as const));
  const byOption = new Map(answers.map((a) => [a.optionId, a] as const));
  const explanations = result.explanations.map((e) => {
    const a = byOption.get(e.optionId);
    return a === undefined ? e : { ...e, lines: [...e.lines, overtakingText(a, names.get(a.targetOptionId) ?? a.targetOptionId, result.currency)] };
  });
  return { ...result, explanations, overtaking: answers };
}
