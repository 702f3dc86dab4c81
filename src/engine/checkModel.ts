import type { VbpIssue } from "../errors/issue.js";
import type { PathwayModel } from "../pathway/model.js";
import { compileProgram } from "./compile/compileProgram.js";
import { evaluateProgram } from "./evaluateProgram.js";

/** @internal Every problem with a structurally valid model: compile it, then evaluate its base case (Float64, no ledger). */
export function checkModel(model: PathwayModel): readonly VbpIssue[] {
  const { program, issues } = compileProgram(model);
  if (program === undefined) return issues;
  return evaluateProgram(program, new Map(), { ledger: false, traces: false }).issues;
}
