import { evaluate } from "../../evaluate/evaluate.js";
import { parseEvaluationDocument } from "../../evaluate/schema.js";
import { buildTender } from "../../evaluate/_internal/assemble.js";
import type { EvaluationResult } from "../../evaluate/result.js";
import type { PassFailRecord, ScoreNode, Tender } from "../../scoring/tender.js";

function passFailNodes(tree: readonly ScoreNode[], out: Map<string, { passed: boolean; reason: string }>): void {
  for (const n of tree) {
    if (n.passFail !== undefined) out.set(n.criterionId, n.passFail);
    if (n.children !== undefined) passFailNodes(n.children, out);
  }
}

/**
 * The tender an evaluation document scores, with every raw value filled in from the exact base-case
 * evaluation (metrics such as whole-pathway cost, sustainability gates as pass/fail records): the input for the
 * award-uncertainty analyses of a whole evaluation.
 *
 * @category Award uncertainty
 * @param document - an evaluation document (validated here)
 * @param evaluated - its `evaluate` result, if already computed
 * @returns the scored tender, ready for `scoreTender` or {@link awardUncertainty}
 * @throws VbpInputError for a bad document
 * @example
 * ```ts
 * const tender = tenderOfEvaluation(json);
 * scoreTender(tender).lots[0].winner; //=> the same winner as evaluate(json)
 * ```
 */
export function tenderOfEvaluation(document: unknown, evaluated?: EvaluationResult): Tender {
  const result = evaluated ?? evaluate(document, { summaries: false });
  const doc = parseEvaluationDocument(document);
  const values = new Map(result.options.map((o) => [o.optionId, o.metrics] as const));
  const own = new Set((doc.tender.passFail ?? []).map((p) => `${p.criterionId}\u0000${p.optionId}`));
  const gateIds = new Set(Object.keys(doc.criterionGates ?? {}));
  const records: PassFailRecord[] = [];
  for (const lot of result.tender.lots) {
    for (const o of lot.options) {
      const pf = new Map<string, { passed: boolean; reason: string }>();
      passFailNodes(o.scoreTree, pf);
      for (const [criterionId, r] of pf) {
        if (gateIds.has(criterionId) && !own.has(`${criterionId}\u0000${o.optionId}`)) records.push({ criterionId, optionId: o.optionId, passed: r.passed, reason: r.reason });
      }
    }
  }
  return buildTender(doc, values, records);
}
