/**
 * Ranking rows and plain-language explanations, built from the computed figures and the scored tender.
 *
 * @internal
 * @module
 */
import { Dec, decString } from "../../_lib/decimal.js";
import { figureTextAt } from "../../_lib/figure.js";
import { formatMoneyFixed, type Money } from "../../money/money.js";
import type { PairwiseComparison } from "../../analysis/pairwise.js";
import type { LotResult, ScoreNode, TenderOptionResult } from "../../scoring/tender.js";
import type { EvaluatedOption, EvaluationResult, OptionExplanation, RankedRow } from "../result.js";
import { roundToTotal } from "../../scoring/display.js";

/** The part of the result the explanations read. */
export type ExplainInput = Pick<EvaluationResult, "currency" | "options" | "costEffectiveness" | "tender" | "comparatorId" | "referenceData">;

/** Rounds half-even to `dp` places and prints with thousands separators. */
export function num(v: string, dp: number): string {
  const d = new Dec(v).toDecimalPlaces(dp, Dec.ROUND_HALF_EVEN);
  const [int, frac] = d.abs().toFixed(dp).split(".");
  const withSep = (int ?? "0").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${d.isNegative() && !d.isZero() ? "-" : ""}${withSep}${frac !== undefined ? `.${frac}` : ""}`;
}

/** Money for people: symbol, separators, pennies. */
export function cash(v: string, currency: string): string {
  return formatMoneyFixed({ amount: v, currency } as Money);
}

/** Signed money difference, e.g. "+£12.00" / "-£3.50". */
function signedCash(v: Dec, currency: string): string {
  return `${v.gt(0) ? "+" : ""}${cash(decString(v), currency)}`;
}

function signed(v: Dec, dp: number): string {
  return `${v.gt(0) ? "+" : ""}${num(decString(v), dp)}`;
}

/** Long exact decimals inside quoted scoring text, rounded for reading (4 places below 10, else 2). */
export function tidy(text: string): string {
  return text.replace(/-?\d+\.\d{5,}/g, (m) => {
    const d = new Dec(m);
    return figureTextAt(d, d.abs().lt(10) ? 4 : 2);
  });
}

function topLevel(o: TenderOptionResult): readonly ScoreNode[] {
  return o.scoreTree.filter((n) => n.kind !== "pass-fail");
}

/** True when no leaf under the node was scored (every one is derived from a bid price that was not opened). */
function notOpened(n: ScoreNode): boolean {
  if (n.notScored !== undefined) return true;
  return n.children !== undefined && n.children.length > 0 && n.children.every(notOpened);
}

function maxTotal(o: TenderOptionResult): string {
  return decString(topLevel(o).reduce((s, n) => s.plus(new Dec(n.maxPoints)), new Dec(0)));
}

/** The ranked value table: per lot, ranked options, then excluded ones; the comparator last. */
export function rankingRows(r: ExplainInput): RankedRow[] {
  const byId = new Map(r.options.map((o) => [o.optionId, o] as const));
  const rows: RankedRow[] = [];
  // Written in the row's key order; a key without a value is left out.
  const row = (lot: string, rank: number | undefined, status: RankedRow["status"], o: Pick<RankedRow, "optionId" | "supplier" | "label">, e: EvaluatedOption, total: string, points: RankedRow["points"], gates: string): RankedRow => {
    const w: Record<string, unknown> = { lot };
    if (rank !== undefined) w["rank"] = rank;
    w["status"] = status;
    w["optionId"] = o.optionId;
    w["supplier"] = o.supplier;
    w["label"] = o.label;
    w["total"] = total;
    w["points"] = points;
    w["wholePathwayCostPerPatient"] = e.costs.wholePathway ?? "";
    w["qalysPerPatient"] = e.qalysPerPatient;
    if (e.netMonetaryBenefitPerPatient !== undefined) w["netMonetaryBenefitPerPatient"] = e.netMonetaryBenefitPerPatient;
    w["carbonKgPerPatient"] = e.carbon.kgPerPatient;
    w["gates"] = gates;
    return w as unknown as RankedRow;
  };
  for (const lot of r.tender.lots) {
    const ordered = [...lot.options].sort((a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER));
    for (const o of ordered) {
      // A criterion with nothing opened has no points: it is left out, not shown as 0.
      const points: RankedRow["points"][number][] = [];
      for (const n of o.scoreTree) {
        if (n.kind === "pass-fail" || notOpened(n)) continue;
        points.push({ criterionId: n.criterionId, label: n.label, points: n.points, maxPoints: n.maxPoints });
      }
      const failed = o.gates.filter((g) => !g.passed);
      rows.push(row(lot.lotId, o.rank, o.status, o, byId.get(o.optionId) as EvaluatedOption, o.total ?? o.totalPoints ?? "", points, failed.length === 0 ? "passed" : `failed: ${failed.map((g) => g.gateId).join(", ")}`));
    }
  }
  const c = byId.get(r.comparatorId) as EvaluatedOption;
  rows.push(row(c.lot, undefined, "comparator", c, c, "", [], "comparator"));
  return rows;
}

function pairwiseText(r: ExplainInput, p: PairwiseComparison | undefined): string | undefined {
  if (p === undefined || p.status === "comparator") return undefined;
  const money = (v: string) => cash(v, r.currency);
  switch (p.status) {
    case "dominant":
      return "Against current practice it is dominant: it costs less per patient and gives more QALYs.";
    case "dominated":
      return "Against current practice it is dominated: it costs more per patient and gives fewer QALYs.";
    case "more costly, more effective":
      return `Against current practice it costs more and gives more QALYs: ${p.icer !== undefined ? `${money(p.icer)} per QALY gained (ICER)` : "ICER not defined"}.`;
    case "cost-saving, less effective":
      return `Against current practice it saves money but gives fewer QALYs: ${p.icer !== undefined ? `${money(p.icer)} saved per QALY lost` : "ICER not defined"}.`;
    case "identical":
      return "Against current practice it has the same cost and QALYs.";
    default:
      return `Against current practice: ${p.status}.`;
  }
}

/** One explanation per option, in document order, readable by a procurement officer. */
export function explainOptions(r: ExplainInput): OptionExplanation[] {
  const comparator = r.options.find((o) => o.optionId === r.comparatorId) as EvaluatedOption;
  const money = (v: string) => cash(v, r.currency);
  const tenderById = new Map(r.tender.lots.flatMap((lot) => lot.options.map((o) => [o.optionId, { o, lot }] as const)));
  const supplierOf = new Map(r.options.map((o) => [o.optionId, `${o.supplier} (${o.label})`] as const));
  const lambda = r.referenceData.threshold?.perQaly;
  const pairwise = new Map(r.costEffectiveness.pairwise.map((p) => [p.id, p] as const));
  const lotFacts = new Map<string, { ranked: number; second?: TenderOptionResult }>();
  const factsOf = (lot: LotResult) => {
    let f = lotFacts.get(lot.lotId);
    if (f === undefined) {
      const second = lot.options.find((x) => x.rank === 2);
      f = { ranked: lot.options.filter((x) => x.status === "ranked").length, ...(second !== undefined ? { second } : {}) };
      lotFacts.set(lot.lotId, f);
    }
    return f;
  };
  return r.options.map((e) => {
    const lines: string[] = [];
    const c = e.costs;
    const compWhole = comparator.costs.wholePathway ?? "0";
    const dQ = new Dec(e.qalysPerPatient).minus(new Dec(comparator.qalysPerPatient));
    const dKg = new Dec(e.carbon.kgPerPatient).minus(new Dec(comparator.carbon.kgPerPatient));
    if (c.wholePathway === undefined || c.lifecycle === undefined) {
      // Price not opened: no figure derived from the bid price is shown.
      lines.push(`Care on the pathway ${money(c.pathway)} per patient; the bid price was not opened, so no whole-pathway cost, lifecycle cost or net monetary benefit is shown.`);
      lines.push(`QALYs per patient ${num(e.qalysPerPatient, 4)} (${signed(dQ, 4)} vs current practice).`);
      lines.push(`Carbon ${num(e.carbon.kgPerPatient, 2)} kgCO2e per patient (pathway ${num(e.carbon.pathwayKgPerPatient, 2)} + product ${num(e.carbon.productKgPerPatient, 2)}), ${signed(dKg, 2)} kg vs current practice.`);
      if (e.socialValue !== undefined) lines.push(`Social value: ${num(e.socialValue.total, 2)} of ${num(e.socialValue.maximum, 2)} framework points (${num(decString(new Dec(e.socialValue.normalised).times(100)), 2)}%).`);
      const t = tenderById.get(e.optionId);
      if (t !== undefined) t.o.gates.filter((g) => !g.passed).forEach((g) => lines.push(`Excluded at gate ${g.gateId}: ${g.reason}`));
      return { optionId: e.optionId, headline: `${e.supplier} — ${e.label}: excluded${t !== undefined && t.lot.lotId !== "default" ? ` in ${t.lot.label}` : ""} before price was opened (${t?.o.gates.filter((g) => !g.passed).map((g) => g.gateId).join(", ") ?? ""})`, lines };
    }
    const parts = [`product lifecycle ${money(c.lifecycle)}`, `care on the pathway ${money(c.pathway)}`];
    if (!new Dec(c.carbonExternality).isZero()) parts.push(`monetised carbon ${money(c.carbonExternality)}`);
    const dCost = new Dec(c.wholePathway).minus(new Dec(compWhole));
    lines.push(
      `Whole-pathway cost per patient ${money(c.wholePathway)} = ${parts.join(" + ")}` +
        (e.isComparator ? "." : `; ${dCost.isZero() ? "the same as" : dCost.lt(0) ? `${money(decString(dCost.neg()))} less than` : `${money(decString(dCost))} more than`} current practice (${money(compWhole)}).`),
    );
    const events = Object.entries(e.eventsPerPatient)
      .map(([k, v]) => `${k} ${num(decString(new Dec(v).times(100)), 2)}%`)
      .join(", ");
    lines.push(`QALYs per patient ${num(e.qalysPerPatient, 4)}${e.isComparator ? "" : ` (${signed(dQ, 4)} vs current practice)`}${events !== "" ? `; expected events per patient: ${events}` : ""}.`);
    if (e.netMonetaryBenefitPerPatient !== undefined && lambda !== undefined) {
      lines.push(
        `Net monetary benefit at ${money(lambda)} per QALY${r.referenceData.threshold?.programme !== undefined ? ` (the ${r.referenceData.threshold.programme} programme's threshold, ${r.referenceData.threshold.id})` : ""}: ${money(e.netMonetaryBenefitPerPatient)} per patient` +
          (e.incrementalNetMonetaryBenefitPerPatient !== undefined && !e.isComparator ? ` (${signedCash(new Dec(e.incrementalNetMonetaryBenefitPerPatient), r.currency)} vs current practice).` : "."),
      );
    }
    const pw = pairwiseText(r, pairwise.get(e.optionId));
    if (pw !== undefined) lines.push(pw);
    lines.push(
      `Carbon ${num(e.carbon.kgPerPatient, 2)} kgCO2e per patient (pathway ${num(e.carbon.pathwayKgPerPatient, 2)} + product ${num(e.carbon.productKgPerPatient, 2)})` +
        (e.isComparator ? "." : `, ${signed(dKg, 2)} kg vs current practice.`),
    );
    if (e.socialValue !== undefined) lines.push(`Social value: ${num(e.socialValue.total, 2)} of ${num(e.socialValue.maximum, 2)} framework points (${num(decString(new Dec(e.socialValue.normalised).times(100)), 2)}%).`);
    if (e.isComparator) {
      lines.push("Current practice is the reference for the comparison; it is not a bid and is not scored.");
      return { optionId: e.optionId, headline: `${e.supplier} — ${e.label}: current practice (comparator)`, lines };
    }
    const t = tenderById.get(e.optionId);
    if (t === undefined) return { optionId: e.optionId, headline: `${e.supplier} — ${e.label}`, lines };
    const { o, lot } = t;
    const { ranked, second } = factsOf(lot);
    const where = lot.lotId === "default" ? "" : ` in ${lot.label}`;
    // The shown points add up to the shown total (largest remainder; see DISPLAY_RULE).
    const top = topLevel(o);
    const shown = roundToTotal(top.map((n) => n.points));
    const pts = top.map((n, i) => `${n.label} ${shown.parts[i] ?? ""}/${num(n.maxPoints, 2)}`).join("; ");
    lines.push(o.totalPoints === undefined ? `Points on the criteria scored before price: ${pts} (no total: excluded before price was opened).` : `Points: ${pts}; total ${shown.total}.`);
    const failed = o.gates.filter((g) => !g.passed);
    failed.forEach((g) => lines.push(`Excluded at gate ${g.gateId}: ${g.reason}`));
    if (o.tieBreak !== undefined) lines.push(`Tie: ${o.tieBreak}`);
    o.flags.forEach((f) => lines.push(`Price flag: ${f.message}`));
    if (o.rank === 1) {
      const next = second;
      if (next !== undefined && next.totalPoints !== undefined && o.totalPoints !== undefined) {
        const ahead = new Dec(num(o.totalPoints, 2).replace(/,/g, "")).minus(new Dec(num(next.totalPoints, 2).replace(/,/g, "")));
        lines.push(`It is the most advantageous tender${where}, ${ahead.toFixed(2)} points ahead of ${supplierOf.get(next.optionId) ?? next.optionId}.`);
      }
      else lines.push(`It is the most advantageous tender${where}.`);
    }
    if (o.overtaking !== undefined) {
      const ov = o.overtaking;
      const possible = ov.steps.filter((s) => s.possible);
      lines.push(
        `To overtake ${supplierOf.get(ov.targetOptionId) ?? ov.targetOptionId} it needs ${num(ov.gap, 2)} more points` +
          (possible.length > 0 ? `; on one criterion alone: ${possible.map((s) => tidy(s.change)).join("; ")}.` : "; no single criterion can close the gap."),
      );
    }
    for (const rr of lot.rankReversals) {
      if (rr.higherAfter === e.optionId || rr.higherBefore === e.optionId) {
        lines.push(
          `Rank reversal: if ${supplierOf.get(rr.removedOptionId) ?? rr.removedOptionId} were withdrawn, ${supplierOf.get(rr.higherAfter) ?? rr.higherAfter} would rank above ${supplierOf.get(rr.higherBefore) ?? rr.higherBefore} (the price formula depends on the lowest bid).`,
        );
      }
    }
    const headline =
      o.status === "ranked"
        ? `${e.supplier} — ${e.label}: ranked ${o.rank ?? "?"} of ${ranked}${where} with ${num(o.totalPoints ?? "0", 2)} of ${num(maxTotal(o), 0)} points`
        : `${e.supplier} — ${e.label}: excluded${where} (${failed.map((g) => g.gateId).join(", ")})`;
    return { optionId: e.optionId, headline, lines };
  });
}
