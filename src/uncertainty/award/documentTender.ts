import { evaluateWithValues } from "../../evaluate/evaluate.js";
import { parseEvaluationDocument } from "../../evaluate/schema.js";
import { buildTender } from "../../evaluate/_internal/assemble.js";
import { classifyCriteria } from "../../evaluate/_internal/classify.js";
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
 * const json = { title: "Wound dressings", currency: "GBP", priceBaseDate: "2026-04-01", horizonYears: 1, discounting: {}, patientsPerYear: "100",
 *   pathway: { id: "ssi", parameters: [{ id: "p_ssi", value: "0.1" }], tree: { root: "surgery", nodes: [
 *     { id: "surgery", items: [{ id: "bed", category: "bed-days", quantity: 3, unitCost: 400, carbonKgPerUnit: 30 }],
 *       branches: [{ to: "ssi", probability: { param: "p_ssi" } }, { to: "healed", probability: "rest" }] },
 *     { id: "ssi", items: [{ id: "bed", category: "bed-days", quantity: 7, unitCost: 400, carbonKgPerUnit: 30 }], qalys: "-0.02" },
 *     { id: "healed" },
 *   ] } },
 *   options: [
 *     { id: "current", supplier: "Current practice", label: "Standard dressing", isComparator: true, price: "5" },
 *     { id: "a", supplier: "Acme", label: "Dressing A", price: "100", effects: [{ op: "multiply", target: { node: "surgery", branch: "ssi" }, value: "0.6" }] },
 *     { id: "b", supplier: "Bramley", label: "Dressing B", price: "60", effects: [{ op: "multiply", target: { node: "surgery", branch: "ssi" }, value: "0.8" }] },
 *   ],
 *   tender: { criteria: [
 *     { id: "price", label: "Price", kind: "price", weight: "40", formula: { formula: "relative-to-lowest" } },
 *     { id: "cost", label: "Whole-pathway cost", kind: "quantitative", weight: "60", valueFunction: { fn: "linear", direction: "lower-is-better", params: { lower: "1300", upper: "1500" } } },
 *   ] },
 *   criterionMetrics: { cost: "wholePathwayCostPerPatient" },
 * };
 * const tender = tenderOfEvaluation(json);
 * scoreTender(tender).lots[0].winner === evaluate(json).tender.lots[0].winner; //=> true
 * ```
 */
export function tenderOfEvaluation(document: unknown, evaluated?: EvaluationResult): Tender {
  // A bid excluded before price shows no price-derived metric; the tender still needs its values (in a draw
  // where its gate passes, its price is opened), so they are taken from the run itself.
  const sealed = evaluated === undefined || evaluated.options.some((o) => o.priceNotOpened === true);
  const run = sealed ? evaluateWithValues(document, { summaries: false }) : undefined;
  const result = evaluated ?? (run as NonNullable<typeof run>).result;
  const doc = parseEvaluationDocument(document);
  const values = run?.values ?? new Map(result.options.map((o) => [o.optionId, o.metrics] as const));
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
  // Classified as the evaluation classifies them (price-derived criteria are sealed with the price).
  const tender = buildTender(doc, values, records);
  return { ...tender, criteria: classifyCriteria(tender.criteria, doc.criterionMetrics) };
}
