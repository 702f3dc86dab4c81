/**
 * "What would it take to overtake the tender above": solved through the whole job. Each answer moves one
 * underlying input of the bid in the evaluation document (bid price, units per patient, a relative risk, a
 * lifecycle quantity, a product carbon factor, or a moderated quality level), re-runs the whole evaluation
 * (pathway, lifecycle, carbon, cost-effectiveness, every criterion, ranking) and finds the smallest change
 * that makes the bid rank above its target. Because every criterion fed by the input is re-scored, an input
 * that flows into several criteria (price into bid price, whole-pathway cost and net monetary benefit) is
 * counted in each; the answer names the criteria that moved.
 *
 * @internal
 * @module
 */
import { Dec, decString } from "../../_lib/decimal.js";
import { fixedOf, percentText } from "../../_lib/fixed.js";
import type { VbpPath } from "../../errors/issue.js";
import { VbpInputError } from "../../errors/VbpInputError.js";
import type { ScoreNode, TenderOptionResult } from "../../scoring/tender.js";
import { BUILT_IN_SCALES, type QualitativeScale } from "../../scoring/functions/scales.js";
import type { EvaluationDocument } from "../document.js";
import type { EvaluationResult, OvertakingAnswer, OvertakingChange, OvertakingLever } from "../result.js";

/** Re-runs the whole job on a (modified) parsed document, without summaries, ledgers or overtaking. */
export type Rerun = (doc: EvaluationDocument) => EvaluationResult;

interface Lever {
  readonly lever: OvertakingLever;
  readonly label: string;
  readonly path: VbpPath;
  readonly current: Dec;
  /** The end of the admissible range in the improving direction (never reached when it is exclusive). */
  readonly bound: Dec;
  /** Whether the bound itself is excluded (prices and units must stay > 0). */
  readonly boundExclusive: boolean;
  /** The smallest step the input is stated in. */
  readonly unit: Dec;
  readonly unitName: string;
}

/** A copy of `doc` with the value at `path` replaced; only the objects along the path are copied. */
export function setAt<T>(doc: T, path: VbpPath, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path;
  const src = doc as unknown as Record<string | number, unknown>;
  const copy = (Array.isArray(doc) ? [...(doc as unknown[])] : { ...(doc as object) }) as Record<string | number, unknown>;
  copy[head as string | number] = setAt(src[head as string | number], rest, value);
  return copy as unknown as T;
}

function getAt(doc: unknown, path: VbpPath): unknown {
  let v: unknown = doc;
  for (const k of path) v = (v as Record<string | number, unknown> | undefined)?.[k as string | number];
  return v;
}

function leafPoints(nodes: readonly ScoreNode[], out = new Map<string, ScoreNode>()): Map<string, ScoreNode> {
  for (const n of nodes) {
    if (n.children !== undefined) leafPoints(n.children, out);
    else if (n.kind !== "pass-fail") out.set(n.criterionId, n);
  }
  return out;
}

function findOption(r: EvaluationResult, lotId: string, optionId: string): TenderOptionResult | undefined {
  return r.tender.lots.find((l) => l.lotId === lotId)?.options.find((o) => o.optionId === optionId);
}

/** Whether `me` ranks strictly above `target` in the lot. */
export function ranksAbove(r: EvaluationResult, lotId: string, me: string, target: string): boolean {
  const a = findOption(r, lotId, me);
  const b = findOption(r, lotId, target);
  if (a?.rank === undefined) return false;
  if (b?.rank === undefined) return true;
  return a.rank < b.rank;
}

/** The measure gap (positive: `me` is behind), in the aggregation's own direction. */
function gapOf(r: EvaluationResult, lotId: string, me: string, target: string): Dec | undefined {
  const a = findOption(r, lotId, me);
  const b = findOption(r, lotId, target);
  if (a?.total === undefined || b?.total === undefined) return undefined;
  const d = new Dec(b.total).minus(new Dec(a.total));
  return r.tender.aggregation === "weighted-sum" ? d : d.neg();
}

function decimalOf(v: unknown): Dec | undefined {
  if (typeof v === "number" && Number.isFinite(v)) return new Dec(v);
  if (typeof v === "string" && v.trim() !== "") {
    try {
      return new Dec(v);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function leversOf(doc: EvaluationDocument, i: number): Lever[] {
  const o = doc.options[i]!;
  const out: Lever[] = [];
  const price = decimalOf(o.price);
  if (price !== undefined) out.push({ lever: "price", label: "bid price per unit", path: ["options", i, "price"], current: price, bound: new Dec(0), boundExclusive: true, unit: new Dec("0.01"), unitName: "penny" });
  const units = decimalOf(o.unitsPerPatient);
  if (units !== undefined) out.push({ lever: "quantity", label: "units per patient", path: ["options", i, "unitsPerPatient"], current: units, bound: new Dec(0), boundExclusive: true, unit: new Dec("0.0001"), unitName: "0.0001 unit" });
  (o.effects ?? []).forEach((e, k) => {
    const v = decimalOf((e as { value?: unknown }).value);
    if ((e as { op?: string }).op === "multiply" && v !== undefined) {
      out.push({ lever: "relative-risk", label: `relative risk (effect ${k + 1}${(e as { note?: string }).note !== undefined ? `: ${(e as { note: string }).note.split(/[;(]/)[0]!.trim()}` : ""})`, path: ["options", i, "effects", k, "value"], current: v, bound: new Dec(0), boundExclusive: false, unit: new Dec("0.0001"), unitName: "0.0001" });
    }
  });
  const items = (o.lifecycle as { items?: readonly { id?: string; label?: string; quantity?: unknown }[] } | undefined)?.items ?? [];
  items.forEach((it, k) => {
    const q = decimalOf(it.quantity);
    if (q !== undefined && q.gt(0)) out.push({ lever: "quantity", label: `quantity of ${it.label ?? it.id ?? `item ${k + 1}`}`, path: ["options", i, "lifecycle", "items", k, "quantity"], current: q, bound: new Dec(0), boundExclusive: false, unit: new Dec("0.01"), unitName: "0.01" });
  });
  const embodied = (o.carbon as { embodied?: readonly { id?: string; unit?: string; factor?: { kgCO2ePerUnit?: unknown } }[] } | undefined)?.embodied ?? [];
  embodied.forEach((c, k) => {
    const f = decimalOf(c.factor?.kgCO2ePerUnit);
    if (f !== undefined && f.gt(0)) out.push({ lever: "carbon", label: `embodied carbon per ${c.unit ?? "unit"} (${c.id ?? k + 1})`, path: ["options", i, "carbon", "embodied", k, "factor", "kgCO2ePerUnit"], current: f, bound: new Dec(0), boundExclusive: false, unit: new Dec("0.001"), unitName: "0.001 kg" });
  });
  return out;
}

const MAX_RUNS_PER_LEVER = 40;

function movedCriteria(base: TenderOptionResult | undefined, after: TenderOptionResult | undefined): OvertakingChange["criteriaMoved"] {
  if (base === undefined || after === undefined) return [];
  const b = leafPoints(base.scoreTree);
  const a = leafPoints(after.scoreTree);
  const out: { criterionId: string; label: string; fromPoints: string; toPoints: string }[] = [];
  for (const [id, n] of b) {
    const m = a.get(id);
    if (m !== undefined && !new Dec(m.points).eq(new Dec(n.points))) out.push({ criterionId: id, label: n.label, fromPoints: n.points, toPoints: m.points });
  }
  return out;
}

/** Rounds `x` to a multiple of `unit`, away from `from` (so the stated change is never smaller than needed). */
function roundAway(x: Dec, from: Dec, unit: Dec): Dec {
  const q = x.div(unit);
  return (x.lt(from) ? q.floor() : q.ceil()).times(unit);
}

/** The unit in which a change of size `c` is stated: the input's own unit, finer when the change is small. */
function statingUnit(lever: Lever, c: Dec): Dec {
  // A change 1% smaller must not overtake: the stated figure is within one unit of the boundary, so the unit
  // is kept below 1/200 of the change.
  let u = lever.unit;
  while (u.times(200).gt(c) && u.gt("1e-12")) u = u.div(10);
  return u;
}

function solveContinuous(doc: EvaluationDocument, rerun: Rerun, base: EvaluationResult, lotId: string, me: string, target: string, lever: Lever): OvertakingChange {
  let runs = 0;
  const at = (x: Dec): { r: EvaluationResult | undefined; ok: boolean; gap: Dec | undefined } => {
    runs++;
    try {
      const r = rerun(setAt(doc, lever.path, decString(x)));
      return { r, ok: ranksAbove(r, lotId, me, target), gap: gapOf(r, lotId, me, target) };
    } catch (e) {
      if (e instanceof VbpInputError) {
        return { r: undefined, ok: false, gap: undefined };
      }
      throw e;
    }
  };
  const common = { lever: lever.lever, label: lever.label, path: lever.path, current: decString(lever.current) };
  const down = lever.bound.lt(lever.current);
  // The far end of the range: the bound itself, or one stated unit short of an exclusive bound.
  const far = lever.boundExclusive ? (down ? lever.bound.plus(lever.unit) : lever.bound.minus(lever.unit)) : lever.bound;
  if (far.eq(lever.current)) return { ...common, possible: false, change: `cannot overtake by changing the ${lever.label} alone (it is already at its limit)`, criteriaMoved: [], verified: true, runs };
  const end = at(far);
  if (!end.ok) {
    return { ...common, possible: false, change: `cannot overtake by changing the ${lever.label} alone (even ${decString(far)} does not overtake)`, criteriaMoved: [], verified: true, runs };
  }
  let lo = lever.current; // does not overtake (the base case)
  let hi = far; // overtakes
  let gLo = gapOf(base, lotId, me, target);
  let gHi = end.gap;
  let side = 0;
  // Regula falsi (Illinois) on the measure gap, keeping the bracket [does not overtake, overtakes]; bisection
  // when the gaps do not bracket zero (e.g. a tie decided by a tie-break rule).
  for (let k = 0; runs < MAX_RUNS_PER_LEVER; k++) {
    const unit = statingUnit(lever, lever.current.minus(hi).abs());
    if (hi.minus(lo).abs().lte(unit.div(4))) break;
    let x: Dec;
    if (gLo !== undefined && gHi !== undefined && gLo.gt(0) && gHi.lte(0) && !gLo.eq(gHi)) {
      x = lo.plus(hi.minus(lo).times(gLo).div(gLo.minus(gHi)));
      // Keep the trial strictly inside the bracket, away from the ends.
      const span = hi.minus(lo);
      const minStep = span.abs().div(64);
      if (x.minus(lo).abs().lt(minStep)) x = lo.plus(span.div(64));
      if (hi.minus(x).abs().lt(minStep)) x = hi.minus(span.div(64));
    } else x = lo.plus(hi).div(2);
    // Trial values are quantised well below the stated unit (documents take at most 30 decimal places).
    x = x.toDecimalPlaces(unit.decimalPlaces() + 4, Dec.ROUND_HALF_EVEN);
    if (x.eq(lo) || x.eq(hi)) break;
    const t = at(x);
    if (t.ok) {
      hi = x;
      gHi = t.gap;
      if (side === 1 && gLo !== undefined) gLo = gLo.div(2);
      side = 1;
    } else {
      lo = x;
      gLo = t.gap;
      if (side === -1 && gHi !== undefined) gHi = gHi.div(2);
      side = -1;
    }
  }
  // State the figure in its unit, rounded away from the current value, and check it through the pipeline.
  const unit = statingUnit(lever, lever.current.minus(hi).abs());
  let stated = roundAway(hi, lever.current, unit);
  if (down ? stated.lt(far) : stated.gt(far)) stated = far;
  let check = at(stated);
  for (let k = 0; !check.ok && k < 3; k++) {
    stated = down ? stated.minus(unit) : stated.plus(unit);
    check = at(stated);
  }
  const change = stated.minus(lever.current);
  const moved = movedCriteria(findOption(base, lotId, me), check.r === undefined ? undefined : findOption(check.r, lotId, me));
  const targetMoved = movedCriteria(findOption(base, lotId, target), check.r === undefined ? undefined : findOption(check.r, lotId, target));
  const p = percentText(fixedOf(change), fixedOf(lever.current), 2);
  return {
    ...common,
    possible: true,
    required: decString(stated),
    ...(p !== "" ? { changePercent: p } : {}),
    change: `${lever.label} ${down ? "≤" : "≥"} ${decString(stated)} (now ${decString(lever.current)}${p !== "" ? `; ${p}% ${change.isNegative() ? "lower" : "higher"}` : ""})`,
    criteriaMoved: moved,
    ...(targetMoved.length > 0 ? { targetCriteriaMoved: targetMoved } : {}),
    verified: check.ok,
    runs,
  };
}

function solveLevels(doc: EvaluationDocument, rerun: Rerun, base: EvaluationResult, lotId: string, me: string, target: string): OvertakingChange[] {
  const out: OvertakingChange[] = [];
  const consensus = doc.tender.consensus ?? [];
  const mine = findOption(base, lotId, me);
  if (mine === undefined) return out;
  const leaves = leafPoints(mine.scoreTree);
  consensus.forEach((c, k) => {
    if (c.optionId !== me) return;
    const node = leaves.get(c.criterionId);
    if (node?.level === undefined || node.kind !== "qualitative") return;
    const scaleLevels = levelsAbove(doc, c.criterionId, node.level.value);
    let runs = 0;
    const path: VbpPath = ["tender", "consensus", k, "level"];
    const common = { lever: "quality-level" as const, label: `moderated level on ${node.label}`, path, current: node.level.value };
    for (const lv of scaleLevels) {
      runs++;
      const r = rerun(setAt(doc, path, lv.value));
      if (ranksAbove(r, lotId, me, target)) {
        const moved = movedCriteria(mine, findOption(r, lotId, me));
        out.push({
          ...common,
          possible: true,
          required: lv.value,
          change: `${node.label}: ${node.level.label} (${node.level.value}) → ${lv.label} (${lv.value})`,
          criteriaMoved: moved,
          verified: true,
          runs,
        });
        return;
      }
    }
    const why = scaleLevels.length === 0 ? "it is already at the top level" : "even the top level does not";
    out.push({ ...common, possible: false, change: `cannot overtake on ${node.label} alone (${why})`, criteriaMoved: [], verified: true, runs });
  });
  return out;
}

function levelsAbove(doc: EvaluationDocument, criterionId: string, value: string): { value: string; label: string }[] {
  // The criterion's scale: inline data in the document, or a shipped scale by id.
  const scale = findScale(doc.tender.criteria as readonly unknown[], criterionId);
  const levels = scale?.levels ?? [];
  const v = new Dec(value);
  return levels.filter((l) => new Dec(l.value).gt(v)).sort((a, b) => new Dec(a.value).comparedTo(new Dec(b.value)));
}

function findScale(criteria: readonly unknown[], id: string): { levels: readonly { value: string; label: string }[] } | undefined {
  for (const c of criteria as readonly { id?: string; scale?: unknown; children?: readonly unknown[] }[]) {
    if (c.id === id) {
      if (typeof c.scale === "object" && c.scale !== null) return c.scale as { levels: readonly { value: string; label: string }[] };
      if (typeof c.scale === "string") return (BUILT_IN_SCALES as Readonly<Record<string, QualitativeScale | undefined>>)[c.scale];
      return undefined;
    }
    if (c.children !== undefined) {
      const s = findScale(c.children, id);
      if (s !== undefined) return s;
    }
  }
  return undefined;
}

/**
 * Every overtaking answer for every ranked bid below first place, per lot, solved through the whole job.
 *
 * @param doc - the parsed evaluation document
 * @param base - its result
 * @param rerun - the whole job on a modified document (no overtaking, summaries or ledgers)
 */
export function overtakingAnswers(doc: EvaluationDocument, base: EvaluationResult, rerun: Rerun): OvertakingAnswer[] {
  const out: OvertakingAnswer[] = [];
  const docIndex = new Map(doc.options.map((o, i) => [o.id, i] as const));
  for (const lot of base.tender.lots) {
    const ranked = lot.options.filter((o) => o.rank !== undefined).sort((a, b) => (a.rank as number) - (b.rank as number));
    ranked.forEach((o, k) => {
      if (k === 0) return;
      const target = ranked[k - 1] as TenderOptionResult;
      if (target.rank === o.rank) return; // tied: nothing to overtake by the measure
      const i = docIndex.get(o.optionId);
      if (i === undefined) return;
      const gap = gapOf(base, lot.lotId, o.optionId, target.optionId);
      const changes: OvertakingChange[] = [];
      for (const lever of leversOf(doc, i)) changes.push(solveContinuous(doc, rerun, base, lot.lotId, o.optionId, target.optionId, lever));
      changes.push(...solveLevels(doc, rerun, base, lot.lotId, o.optionId, target.optionId));
      out.push({ optionId: o.optionId, lot: lot.lotId, targetOptionId: target.optionId, gap: gap === undefined ? "0" : decString(gap), changes });
    });
  }
  return out;
}

/** One sentence per answer, for the option's explanation. */
export function overtakingText(a: OvertakingAnswer, targetName: string, currency: string): string {
  const possible = a.changes.filter((c) => c.possible);
  const money = (v: string): string => (currency === "GBP" ? `£${new Dec(v).toFixed(2)}` : `${currency} ${new Dec(v).toFixed(2)}`);
  const parts = possible.map((c) => {
    const figure = c.lever === "price" && c.required !== undefined ? `bid price ≤ ${money(c.required)} (now ${money(c.current)}${c.changePercent !== undefined ? `, ${c.changePercent}% lower` : ""})` : c.change;
    const moved = c.criteriaMoved.map((m) => m.criterionId).join(", ");
    return `${figure}${moved !== "" ? ` [moves ${moved}]` : ""}`;
  });
  const gap = new Dec(a.gap).toDecimalPlaces(2, Dec.ROUND_HALF_EVEN).toFixed(2);
  return (
    `To overtake ${targetName} it needs ${gap} more points. Changing one input alone, with every criterion it feeds re-scored through the whole evaluation: ` +
    (parts.length > 0 ? `${parts.join("; ")}.` : "no single input can close the gap.")
  );
}

/** @internal For tests: the value at a path of a document. */
export const valueAt = getAt;
