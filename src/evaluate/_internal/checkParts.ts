/**
 * Each part of an evaluation document checked by its own module's rules, on the values the document's one
 * validation pass already parsed: the pathway model is compiled (references, duplicate ids, cycles, effect
 * targets; no evaluation), and the lifecycle, carbon, social value and tender rules run on typed values. No
 * schema parses any part a second time, and no engine runs. Issue paths point into the evaluation document.
 *
 * @internal
 * @module
 */
import type { VbpIssue, VbpPath } from "../../errors/issue.js";
import { refinementIssues } from "../../schema/issues.js";
import { compileParsedModel, type PathwayCompilation } from "../../pathway/runModel.js";
import { checkLifecycleDocument, type LifecycleDocumentFields } from "../../lifecycle/schema.js";
import { checkCarbonInput, checkCommitments, type checkSocialValueInput, socialValueMetrics } from "../../sustainability/schemas.js";
import { flattenCriteria } from "../../scoring/criteria.js";
import { validateTender } from "../../scoring/validate.js";
import type { EvaluationDocument } from "../document.js";
import { pathwayGroups, spreadIssues, type PathwayGroups } from "./pathwayGroups.js";
import { buildCarbonInput, buildLifecycleDocument, buildSocialValueInput, buildTender, mapCarbonPath, mapLifecyclePath, mapPathwayPath, mapTenderPath, tenderOptionIndexes } from "./assemble.js";

/** The parts' issues, and the pathway model compiled once (reused by the pathway stage). */
export interface CheckedParts {
  readonly issues: readonly VbpIssue[];
  readonly pathway: PathwayCompilation;
  readonly groups: PathwayGroups;
}

/**
 * Runs every part's own rules. Needs unique option ids and exactly one comparator (checked before, with
 * the document's cross-references), so that paths can be mapped back.
 */
export function checkParts(doc: EvaluationDocument): CheckedParts {
  const issues: VbpIssue[] = [];
  const seen = new Set<string>();
  const add = (list: readonly VbpIssue[], map: (p: VbpPath) => VbpPath): void => {
    for (const i of list) {
      const path = map(i.path);
      const key = `${path.join("\u0000")}|${i.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      issues.push({ ...i, path });
    }
  };
  const groups = pathwayGroups(doc);
  const pathway = compileParsedModel(groups.model);
  add(spreadIssues(pathway.issues, groups), mapPathwayPath);
  // Kept for the lifecycle stage, which evaluates the same document.
  const lifecycle = buildLifecycleDocument(doc, true);
  if (lifecycle.doc !== undefined) add(refinementIssues(checkLifecycleDocument, lifecycle.doc as unknown as LifecycleDocumentFields), (p) => mapLifecyclePath(p, lifecycle.indexes));
  add(refinementIssues(checkCarbonInput, buildCarbonInput(doc) as Parameters<typeof checkCarbonInput>[0]), mapCarbonPath);
  if (doc.socialValue !== undefined) {
    // The buyer's framework is checked once; each option's commitments against its metrics.
    let metrics = new Map<string, Map<string, string>>();
    const framework = refinementIssues((d, ctx) => {
      metrics = socialValueMetrics(d, ctx);
      checkCommitments(metrics, d.commitments, ctx);
    }, buildSocialValueInput(doc, undefined) as Parameters<typeof checkSocialValueInput>[0]);
    add(framework, (p) => ["socialValue", ...p]);
    if (framework.length === 0) {
      // One pass over the options, each option's issues put at its path.
      let at = 0;
      const r = refinementIssues((options, ctx) => {
        const inOption = { addIssue: (i: { path: VbpPath }) => ctx.addIssue({ ...i, path: ["options", at, "socialValue", ...i.path] } as never) } as unknown as typeof ctx;
        for (; at < options.length; at++) {
          const commitments = options[at]!.socialValue?.commitments;
          if (commitments !== undefined && commitments.length > 0) checkCommitments(metrics, commitments as Parameters<typeof checkSocialValueInput>[0]["commitments"], inOption);
        }
      }, doc.options);
      add(r, (p) => p);
    }
  }
  const gated = gatedCriteria(doc);
  const gatePlaceholders = [...gated].flatMap((criterionId) => tenderOptionIndexes(doc).map((i) => ({ criterionId, optionId: doc.options[i]!.id, passed: true, reason: "decided by sustainability gates" })));
  const idx = tenderOptionIndexes(doc);
  add(validateTender(buildTender(doc, placeholderValues(doc), gatePlaceholders)), (p) => mapTenderPath(p, idx));
  return { issues, pathway, groups };
}

/** Pass/fail criteria decided by sustainability gates (criterionGates naming a pass/fail criterion). */
function gatedCriteria(doc: EvaluationDocument): Set<string> {
  const flat = flattenCriteria(doc.tender.criteria);
  const kinds = new Map(flat.map((f) => [f.node.id, f.node.kind] as const));
  return new Set(Object.keys(doc.criterionGates ?? {}).filter((id) => kinds.get(id) === "pass-fail"));
}

/** Every mapped criterion gets the placeholder "1" while validating the tender's structure. */
function placeholderValues(doc: EvaluationDocument): ReadonlyMap<string, Readonly<Record<string, string>>> {
  const keys = Object.keys(doc.criterionMetrics ?? {});
  const values = Object.fromEntries(keys.map((k) => [k, "1"]));
  const out = new Map<string, Readonly<Record<string, string>>>();
  for (const o of doc.options) out.set(o.id, values);
  return out;
}
