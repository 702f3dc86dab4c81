/**
 * Stage 1b, lifecycle costs: the options' cost items (and the bid line price × units per patient) through
 * the lifecycle engine, on the typed document built from the validated evaluation document.
 *
 * @internal
 * @module
 */
import { evaluateValidatedLifecycle } from "../../lifecycle/evaluate.js";
import type { LifecycleResult } from "../../lifecycle/result.js";
import type { EvaluationDocument } from "../document.js";
import { buildLifecycleDocument } from "./assemble.js";

/** Per document option: lifecycle cost per patient and net present cost, in ledger units (zero without lifecycle costs). */
export interface LifecycleStage {
  readonly result: LifecycleResult | undefined;
  readonly perPatient: readonly bigint[];
  readonly netPresentCost: readonly bigint[];
}

/**
 * `breakdown: false` (compact results, which do not show the lifecycle stage): the totals alone, and no
 * lifecycle result. `onOption` hears how many of the document's options are done.
 */
export function lifecycleStage(doc: EvaluationDocument, ledger: boolean, breakdown = true, onOption?: (done: number) => void): LifecycleStage {
  const built = buildLifecycleDocument(doc);
  const perPatient: bigint[] = doc.options.map(() => 0n);
  const netPresentCost: bigint[] = doc.options.map(() => 0n);
  if (built.doc === undefined) return { result: undefined, perPatient, netPresentCost };
  // The engine hands over each option's totals in ledger units (nothing is written out and read back).
  const result = evaluateValidatedLifecycle(built.doc, {
    ledger,
    breakdown,
    onOption,
    totals: (j, presentCost, pp) => {
      const i = (built.indexes[j] as { optionIndex: number }).optionIndex;
      perPatient[i] = pp ?? 0n;
      netPresentCost[i] = presentCost;
    },
  });
  return { result: breakdown ? result : undefined, perPatient, netPresentCost };
}
