/**
 * Stage 3, social value and sustainability gates: each supplier's commitments scored against the buyer's
 * framework, and each supplier's evidence checked by the gates, on typed values (sustainability module's
 * internal entries). Gates named in `criterionGates` become the tender's pass/fail records.
 *
 * @internal
 * @module
 */
import { compileSocialValue, type SocialValueResult } from "../../sustainability/socialValue.js";
import { evaluateParsedSustainabilityGates, NHS_SUSTAINABILITY_GATES, type SustainabilityGate, type SustainabilityGatesResult } from "../../sustainability/gates.js";
import type { SupplierEvidence } from "../../sustainability/inputTypes.js";
import type { PassFailRecord } from "../../scoring/tender.js";
import type { EvaluationDocument } from "../document.js";
import type { SocialValueInput } from "../../sustainability/inputTypes.js";

export interface SustainabilityStage {
  readonly social: ReadonlyMap<string, SocialValueResult>;
  readonly gates: readonly SustainabilityGate[];
  readonly useGates: boolean;
  /** Each option's gate results, kept only with detail (shown); the records are made from them either way. */
  readonly gateResults: ReadonlyMap<string, SustainabilityGatesResult>;
  readonly gateRecords: readonly PassFailRecord[];
}

/**
 * `detail: false` (a run that shows no social value or gate detail): each option's social value total, maximum
 * and normalised score without the per-theme results, and no gate results kept. The buyer's framework is read
 * once for every option.
 */
export function sustainabilityStage(doc: EvaluationDocument, detail = true): SustainabilityStage {
  const social = new Map<string, SocialValueResult>();
  if (doc.socialValue !== undefined) {
    const score = compileSocialValue(doc.socialValue as unknown as SocialValueInput);
    for (const o of doc.options) {
      if (o.isComparator === true && o.socialValue === undefined) continue;
      social.set(o.id, score((o.socialValue?.commitments ?? []) as unknown as SocialValueInput["commitments"], detail));
    }
  }
  const gates: readonly SustainabilityGate[] = (doc.sustainabilityGates as readonly SustainabilityGate[] | undefined) ?? NHS_SUSTAINABILITY_GATES;
  const criteria = Object.entries(doc.criterionGates ?? {}).map(([id, g]) => [id, typeof g === "string" ? [g] : g] as const);
  const useGates = criteria.length > 0 || doc.options.some((o) => o.evidence !== undefined);
  const gateResults = new Map<string, SustainabilityGatesResult>();
  // The records, option by option as its results are made (scoring finds a record by its criterion and option,
  // so their order is free): a run without detail then keeps no option's results (at catalogue scale, 10,000
  // frozen results kept to the end of the run).
  const gateRecords: PassFailRecord[] = [];
  if (useGates) {
    for (const o of doc.options) {
      if (o.isComparator === true && o.evidence === undefined) continue;
      const r = evaluateParsedSustainabilityGates({ supplierId: o.id, ...(o.evidence ?? {}) } as SupplierEvidence, gates);
      if (detail) gateResults.set(o.id, r);
      const results = r.gates;
      if (o.isComparator !== true)
        for (const [criterionId, list] of criteria) {
          // Each listed gate's outcome (the last of that id), in the list's order; no temporary lists.
          let passed = true;
          let reason = "";
          for (const id of list) {
            let x: (typeof results)[number] | undefined;
            for (let k = results.length - 1; k >= 0 && x === undefined; k--) if (results[k]!.gateId === id) x = results[k];
            if (x === undefined) passed = false;
            else {
              passed &&= x.pass;
              reason += `${reason === "" ? "" : "; "}${x.label}: ${x.reason}`;
            }
          }
          gateRecords.push({ criterionId, optionId: o.id, passed, reason: reason === "" ? "no evidence provided" : reason });
        }
    }
  }
  return { social, gates, useGates, gateResults, gateRecords };
}
