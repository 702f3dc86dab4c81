import { Dec } from "../_lib/decimal.js";
import type { VbpIssue, VbpPath } from "../errors/issue.js";
import { checkCriteriaTree, flattenCriteria, pathText, type FlatNode, type QualitativeCriterion } from "./criteria.js";
import { VbpInputError } from "../errors/VbpInputError.js";
import type { QualitativeScale } from "./functions/index.js";
import { BUILT_IN_SCALES, checkScale, findLevel, type CheckedScale } from "./functions/scales.js";
import type { Tender } from "./tender.js";

/** @internal Resolves a qualitative criterion's scale, or undefined if the id is unknown. */
export function resolveScale(c: QualitativeCriterion): QualitativeScale | undefined {
  if (typeof c.scale !== "string") return c.scale;
  return Object.hasOwn(BUILT_IN_SCALES, c.scale) ? BUILT_IN_SCALES[c.scale] : undefined;
}

/** @internal Key of a (criterion, option) pair. */
export function pairKey(criterionId: string, optionId: string): string {
  return `${criterionId}\u0000${optionId}`;
}

/**
 * @internal Cross-field checks of a schema-valid tender. Returns every issue with its exact path; nothing is
 * dropped or corrected silently.
 */
export function validateTender(t: Tender): VbpIssue[] {
  const issues: VbpIssue[] = [];
  const settings = t.settings ?? {};
  issues.push(...checkCriteriaTree(t.criteria, ["criteria"], settings.maxWeightSpread));
  const flat = flattenCriteria(t.criteria);
  const byId = new Map<string, FlatNode>();
  for (const f of flat) if (!byId.has(f.node.id)) byId.set(f.node.id, f);
  const scales = new Map<string, CheckedScale>();
  for (const f of flat) {
    if (f.node.kind !== "qualitative") continue;
    const s = resolveScale(f.node);
    if (s === undefined) {
      issues.push({ code: "unknown_reference", path: [...f.path, "scale"], message: `unknown qualitative scale "${String(f.node.scale)}"; known: ${Object.keys(BUILT_IN_SCALES).join(", ")}` });
      continue;
    }
    try {
      scales.set(f.node.id, checkScale(s, [...f.path, "scale"]));
    } catch (e) {
      if (e instanceof VbpInputError) issues.push(...e.issues);
      else throw e;
    }
  }
  const aggregation = settings.aggregation ?? "weighted-sum";
  const hasPriceLeaf = flat.some((f) => f.node.kind === "price");
  if (aggregation !== "weighted-sum") {
    for (const f of flat) {
      if (f.node.kind === "price") issues.push({ code: "invalid_value", path: [...f.path, "kind"], message: `aggregation "${aggregation}" uses the bid price directly: remove the price criterion "${f.node.id}" and weight the quality criteria to 100%` });
    }
  }
  if (aggregation === "monetised-quality" && settings.valuePerQualityPoint === undefined) {
    issues.push({ code: "invalid_type", path: ["settings", "valuePerQualityPoint"], message: "is required for aggregation \"monetised-quality\" (money value of one quality point)" });
  }
  const needsPrice = hasPriceLeaf || aggregation !== "weighted-sum" || (settings.tieBreak ?? []).some((r) => r.rule === "lower-price");

  // Lots
  const lotIds = new Set<string>();
  (t.lots ?? []).forEach((l, i) => {
    if (lotIds.has(l.id)) issues.push({ code: "duplicate_id", path: ["lots", i, "id"], message: `lot id "${l.id}" is used twice` });
    lotIds.add(l.id);
  });

  // Options
  const optionIndex = new Map<string, number>();
  const quantitative = flat.filter((f) => f.node.kind === "quantitative");
  t.options.forEach((o, i) => {
    const prev = optionIndex.get(o.id);
    if (prev !== undefined) issues.push({ code: "duplicate_id", path: ["options", i, "id"], message: `option id "${o.id}" is already used by options[${prev}]` });
    else optionIndex.set(o.id, i);
    if (t.lots !== undefined && o.lot === undefined) issues.push({ code: "invalid_type", path: ["options", i, "lot"], message: "is required when lots are declared" });
    if (t.lots !== undefined && o.lot !== undefined && !lotIds.has(o.lot)) issues.push({ code: "unknown_reference", path: ["options", i, "lot"], message: `unknown lot "${o.lot}"` });
    if (needsPrice && o.price === undefined) issues.push({ code: "invalid_type", path: ["options", i, "price"], message: "is required (a bid price > 0): the tender scores or compares price" });
    for (const q of quantitative) {
      if (o.values === undefined || !Object.hasOwn(o.values, q.node.id)) {
        issues.push({ code: "invalid_type", path: ["options", i, "values", q.node.id], message: `is required: quantitative criterion ${pathText(q.path)} ("${q.node.label}") has no value for option "${o.id}"` });
      }
    }
    for (const key of Object.keys(o.values ?? {})) {
      const f = byId.get(key);
      if (f === undefined) issues.push({ code: "unknown_reference", path: ["options", i, "values", key], message: `unknown criterion "${key}"` });
      else if (f.node.kind !== "quantitative") issues.push({ code: "invalid_value", path: ["options", i, "values", key], message: `criterion "${key}" is ${f.node.kind}, not quantitative: it takes no raw value` });
    }
  });

  const checkRef = (criterionId: string, optionId: string, path: VbpPath, kind: "qualitative" | "pass-fail"): boolean => {
    let ok = true;
    const f = byId.get(criterionId);
    if (f === undefined) {
      issues.push({ code: "unknown_reference", path: [...path, "criterionId"], message: `unknown criterion "${criterionId}"` });
      ok = false;
    } else if (f.node.kind !== kind) {
      issues.push({ code: "invalid_value", path: [...path, "criterionId"], message: `criterion "${criterionId}" is ${f.node.kind}, not ${kind}` });
      ok = false;
    }
    if (!optionIndex.has(optionId)) {
      issues.push({ code: "unknown_reference", path: [...path, "optionId"], message: `unknown option "${optionId}"` });
      ok = false;
    }
    return ok;
  };
  const checkLevel = (criterionId: string, level: string, path: VbpPath): void => {
    const s = scales.get(criterionId);
    if (s !== undefined && findLevel(s, level) < 0) {
      issues.push({ code: "invalid_value", path: [...path, "level"], message: `level ${JSON.stringify(level)} is not on the scale "${s.scale.id}" (levels: ${s.scale.levels.map((l) => `${l.value} ${l.label}`).join(", ")})` });
    }
  };

  const scored = new Set<string>();
  const levelsBy = new Map<string, number[]>();
  const seenScore = new Set<string>();
  (t.evaluatorScores ?? []).forEach((s, i) => {
    const path: VbpPath = ["evaluatorScores", i];
    if (!checkRef(s.criterionId, s.optionId, path, "qualitative")) return;
    checkLevel(s.criterionId, s.level, path);
    const k = `${pairKey(s.criterionId, s.optionId)}\u0000${s.evaluatorId}`;
    if (seenScore.has(k)) issues.push({ code: "duplicate_id", path: [...path, "evaluatorId"], message: `evaluator "${s.evaluatorId}" already scored option "${s.optionId}" on "${s.criterionId}"` });
    seenScore.add(k);
    scored.add(pairKey(s.criterionId, s.optionId));
    const sc = scales.get(s.criterionId);
    if (sc !== undefined) {
      const list = levelsBy.get(pairKey(s.criterionId, s.optionId)) ?? [];
      list.push(findLevel(sc, s.level));
      levelsBy.set(pairKey(s.criterionId, s.optionId), list);
    }
  });
  const consensus = new Set<string>();
  (t.consensus ?? []).forEach((c, i) => {
    const path: VbpPath = ["consensus", i];
    if (!checkRef(c.criterionId, c.optionId, path, "qualitative")) return;
    checkLevel(c.criterionId, c.level, path);
    const node = byId.get(c.criterionId)?.node;
    if (node?.kind === "qualitative" && node.moderation !== undefined && node.moderation !== "consensus") {
      issues.push({ code: "invalid_value", path, message: `criterion "${c.criterionId}" is moderated by ${node.moderation}: a consensus record would be ignored; remove it or set moderation to "consensus"` });
    }
    const k = pairKey(c.criterionId, c.optionId);
    const sc = scales.get(c.criterionId);
    if (sc !== undefined && c.reason.trim() === "" && (levelsBy.get(k) ?? []).some((j) => j !== findLevel(sc, c.level))) {
      issues.push({ code: "policy", path: [...path, "reason"], message: `must explain the consensus level ${JSON.stringify(c.level)}, which differs from an evaluator's score` });
    }
    if (consensus.has(k)) issues.push({ code: "duplicate_id", path: [...path, "optionId"], message: `a consensus score for option "${c.optionId}" on "${c.criterionId}" is already recorded` });
    consensus.add(k);
  });
  const passFail = new Set<string>();
  (t.passFail ?? []).forEach((p, i) => {
    const path: VbpPath = ["passFail", i];
    if (!checkRef(p.criterionId, p.optionId, path, "pass-fail")) return;
    const k = pairKey(p.criterionId, p.optionId);
    if (passFail.has(k)) issues.push({ code: "duplicate_id", path: [...path, "optionId"], message: `an outcome for option "${p.optionId}" on "${p.criterionId}" is already recorded` });
    passFail.add(k);
  });

  // Completeness: every qualitative criterion scored and every pass/fail decided, for every option.
  for (const f of flat) {
    if (f.node.kind !== "qualitative" && f.node.kind !== "pass-fail") continue;
    for (const [optionId, i] of optionIndex) {
      const k = pairKey(f.node.id, optionId);
      if (f.node.kind === "pass-fail") {
        if (!passFail.has(k)) issues.push({ code: "invalid_type", path: ["options", i], message: `no pass/fail outcome for option "${optionId}" on pass/fail criterion ${pathText(f.path)} ("${f.node.label}")` });
        continue;
      }
      if (!scored.has(k)) {
        issues.push({ code: "invalid_type", path: ["options", i], message: `no evaluator score for option "${optionId}" on qualitative criterion ${pathText(f.path)} ("${f.node.label}")` });
      } else if (f.node.moderation === "consensus" && !consensus.has(k)) {
        issues.push({ code: "invalid_type", path: ["consensus"], message: `no consensus record for option "${optionId}" on ${pathText(f.path)} ("${f.node.label}"), which is moderated by consensus` });
      }
    }
  }

  // Gates
  const gateIds = new Set<string>();
  (t.gates ?? []).forEach((g, i) => {
    if (gateIds.has(g.id)) issues.push({ code: "duplicate_id", path: ["gates", i, "id"], message: `gate id "${g.id}" is used twice` });
    gateIds.add(g.id);
    const m = new Dec(g.minimumPercent);
    if (m.lt(0) || m.gt(100)) issues.push({ code: m.lt(0) ? "too_small" : "too_big", path: ["gates", i, "minimumPercent"], message: `must be between 0 and 100 (percent), got ${g.minimumPercent}` });
    if (typeof g.scope !== "string") {
      g.scope.forEach((id, j) => {
        const f = byId.get(id);
        if (f === undefined) issues.push({ code: "unknown_reference", path: ["gates", i, "scope", j], message: `unknown criterion "${id}"` });
        else if (f.node.kind === "pass-fail") issues.push({ code: "invalid_value", path: ["gates", i, "scope", j], message: `criterion "${id}" is pass/fail: it has no score to set a minimum on` });
      });
    }
  });
  (settings.tieBreak ?? []).forEach((r, i) => {
    if (r.rule === "higher-score" && !byId.has(r.criterionId)) issues.push({ code: "unknown_reference", path: ["settings", "tieBreak", i, "criterionId"], message: `unknown criterion "${r.criterionId}"` });
  });
  if (settings.abnormallyLowPrice !== undefined) {
    const x = new Dec(settings.abnormallyLowPrice.percentBelowMeanOfOthers);
    if (x.lte(0) || x.gte(100)) issues.push({ code: "invalid_value", path: ["settings", "abnormallyLowPrice", "percentBelowMeanOfOthers"], message: `must be > 0 and < 100 (percent), got ${settings.abnormallyLowPrice.percentBelowMeanOfOthers}` });
  }
  return issues;
}
