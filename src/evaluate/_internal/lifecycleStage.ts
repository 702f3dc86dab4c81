/**
 * Stage 1b, lifecycle costs: the options' cost items (and the bid line price × units per patient) through
 * the lifecycle engine, on the typed document built from the validated evaluation document.
 *
 * @internal
 * @module
 */
import { Dec } from "../../_lib/decimal.js";
import { evaluateValidatedLifecycle } from "../../lifecycle/evaluate.js";
import type { LifecycleResult } from "../../lifecycle/result.js";
import type { EvaluationDocument } from "../document.js";
import { buildLifecycleDocument } from "./assemble.js";

/** Per document option: lifecycle cost per patient and net present cost (zero without lifecycle costs). */
export interface LifecycleStage {
  readonly result: LifecycleResult | undefined;
  readonly perPatient: readonly Dec[];
  readonly netPresentCost: readonly Dec[];
}

const ZERO = new Dec(0);

/**
 * `breakdown: false` (compact results, which do not show the lifecycle stage): the totals alone, and no
 * lifecycle result. `onOption` hears how many of the document's options are done.
 */
export function lifecycleStage(doc: EvaluationDocument, ledger: boolean, breakdown = true, onOption?: (done: number) => void): LifecycleStage {
  const built = buildLifecycleDocument(doc);
  const perPatient: Dec[] = doc.options.map(() => ZERO);
  const netPresentCost: Dec[] = doc.options.map(() => ZERO);
  if (built.doc === undefined) return { result: undefined, perPatient, netPresentCost };
  const at = (j: number): number => (built.indexes[j] as { optionIndex: number }).optionIndex;
  if (!breakdown) {
    evaluateValidatedLifecycle(built.doc, {
      ledger: false,
      breakdown,
      ...(onOption !== undefined ? { onOption } : {}),
      totals: (j, presentCost, pp) => {
        perPatient[at(j)] = pp ?? ZERO;
        netPresentCost[at(j)] = presentCost;
      },
    });
    return { result: undefined, perPatient, netPresentCost };
  }
  const result = evaluateValidatedLifecycle(built.doc, { ledger, breakdown, ...(onOption !== undefined ? { onOption } : {}) });
  result.options.forEach((o, j) => {
    const i = (built.indexes[j] as { optionIndex: number }).optionIndex;
    perPatient[i] = o.perPatient.status === "ok" ? new Dec(o.perPatient.discounted.amount) : ZERO;
    netPresentCost[i] = new Dec(o.presentCost.amount);
  });
  return { result, perPatient, netPresentCost };
}
