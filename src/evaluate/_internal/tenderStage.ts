/**
 * Stage 5, the tender: the bids (every option but the comparator) with their metric values and gate
 * records scored and ranked by the scoring module's internal entry (the tender was validated with the
 * document). Warnings and price flags get paths in the evaluation document.
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

export interface TenderStage {
  readonly tender: TenderResult;
  readonly warnings: readonly VbpIssue[];
}

export function tenderStage(doc: EvaluationDocument, values: ReadonlyMap<string, Readonly<Record<string, string>>>, gateRecords: readonly PassFailRecord[], scoreTrees: "full" | "top-level"): TenderStage {
  const idx = tenderOptionIndexes(doc);
  const own = doc.tender.passFail?.length ?? 0;
  const map = (p: VbpPath): VbpPath => mapTenderPath(p, idx, own);
  let tender: TenderResult;
  try {
    tender = scoreParsedTender(buildTender(doc, values, gateRecords), {}, { scoreTrees });
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
