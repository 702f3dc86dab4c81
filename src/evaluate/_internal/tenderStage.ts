/**
 * Stage 5, the tender: the bids (every option but the comparator) with their metric values and gate
 * records scored and ranked by the scoring module's internal entry (the tender was validated with the
 * document). Warnings and price flags get paths in the evaluation document.
 *
 * Each metric-fed criterion is classified first ({@link classifyCriteria}: derived from the bid price or not,
 * cost class for weight policies, display). The scoring module's own overtaking answers are never asked for:
 * they treat each criterion's value as an independent input, while here one input (the price) feeds several
 * criteria; the whole job solves overtaking through the pipeline instead (see overtaking.ts).
 *
 * @internal
 * @module
 */
import type { VbpIssue, VbpPath } from "../../errors/issue.js";
import { VbpInputError } from "../../errors/VbpInputError.js";
import { scoreParsedTender } from "../../scoring/scoreTender.js";
import type { PassFailRecord, TenderResult } from "../../scoring/tender.js";
import type { EvaluationDocument } from "../document.js";
import { buildTender, mapTenderPath, tenderOptionIndexes } from "./assemble.js";
import { classifyCriteria } from "./classify.js";

export interface TenderStage {
  readonly tender: TenderResult;
  readonly warnings: readonly VbpIssue[];
}

export function tenderStage(doc: EvaluationDocument, values: ReadonlyMap<string, Readonly<Record<string, string>>>, gateRecords: readonly PassFailRecord[], scoreTrees: "full" | "top-level", solving = false): TenderStage {
  const idx = tenderOptionIndexes(doc);
  const own = doc.tender.passFail?.length ?? 0;
  const map = (p: VbpPath): VbpPath => mapTenderPath(p, idx, own);
  let tender: TenderResult;
  try {
    const built = buildTender(doc, values, gateRecords);
    // A re-run inside the overtaking solver reads the ranking alone: no rank-reversal analysis.
    const settings = { ...(built.settings ?? {}), overtaking: false, ...(solving ? { rankReversal: false } : {}) };
    tender = scoreParsedTender({ ...built, criteria: classifyCriteria(built.criteria, doc.criterionMetrics), settings }, {}, { scoreTrees });
  } catch (e) {
    if (e instanceof VbpInputError) throw new VbpInputError(e.issues.map((i) => ({ ...i, path: map(i.path) })));
    throw e;
  }
  const indexById = new Map(doc.options.map((o, i) => [o.id, i] as const));
  const warnings: VbpIssue[] = tender.warnings.map((w) => ({ ...w, path: map(w.path) }));
  for (const lot of tender.lots) {
    for (const o of lot.options) for (const f of o.flags) warnings.push({ code: "policy", severity: "warning", path: ["options", indexById.get(o.optionId) ?? 0, "price"], message: `${o.supplier} (${o.label}): ${f.message}` });
  }
  return { tender, warnings };
}
