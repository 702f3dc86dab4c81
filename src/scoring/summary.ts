import { decString, Dec } from "../_lib/decimal.js";
import type { CurrencyCode } from "../money/currencies.js";
import { formatMoneyFixed } from "../money/money.js";
import type { GateOutcome, LotResult, TenderOptionResult, RecordedScore, ScoreNode, TenderResult } from "./tender.js";
import { DISPLAY_RULE, roundToTotal, showValue } from "./display.js";

/**
 * What an assessment summary discloses.
 *
 * @example
 * ```ts
 * assessmentSummaries(result, { individualMarks: true }); // evaluators' own levels and reasons too
 * ```
 */
export interface AssessmentSummaryOptions {
  /**
   * Include each evaluator's own level and reason (default false: a summary gives the moderated score and the
   * moderated reasons only, which is what the panel decided; individual marks are working papers).
   */
  readonly individualMarks?: boolean;
}

/**
 * One criterion line of an assessment summary: the supplier's score against the winner's, with the reasons.
 *
 * @example
 * ```ts
 * const line = assessmentSummaries(result)[1].lines[0];
 * line.comparison; //=> "You scored 28.80 of 36.00 points (good (4)): 7.20 fewer than the most advantageous tender, which scored 36.00 (excellent (5))."
 * ```
 */
export interface AssessmentLine {
  /** Criterion id. */
  readonly criterionId: string;
  /** Criterion label. */
  readonly label: string;
  /** Criterion kind. */
  readonly kind: ScoreNode["kind"];
  /** Ids from the root to the criterion. */
  readonly idPath: readonly string[];
  /** Most points available (global weight). */
  readonly maxPoints: string;
  /** The supplier's points. */
  readonly points: string;
  /** The supplier's points as shown (2 places; the shown points of all lines add up to the shown total). */
  readonly shownPoints: string;
  /** The winner's points (absent when there is no single winner or this is the winner). */
  readonly winnerPoints?: string;
  /** The winner's points as shown (same display rule). */
  readonly shownWinnerPoints?: string;
  /** What was scored for the supplier: level label, value or price. */
  readonly assessed?: string;
  /** What was scored for the winner. */
  readonly winnerAssessed?: string;
  /** The moderated reason recorded for the supplier (qualitative), or the pass/fail reason, or the formula applied. */
  readonly reason?: string;
  /** Each evaluator's score and reason for the supplier: empty unless asked for (`individualMarks: true`). */
  readonly evaluatorReasons: readonly RecordedScore[];
  /** The moderated reason recorded for the winner. */
  readonly winnerReason?: string;
  /** Plain-language comparison. */
  readonly comparison: string;
  /** True when the criterion was not scored for this tender (e.g. price not opened). */
  readonly notScored?: boolean;
}

/**
 * An assessment summary for one tender (Procurement Act 2023 s50).
 *
 * @example
 * ```ts
 * const s = assessmentSummaries(result)[1];
 * s.overview; //=> "Your tender (Infusion pump A) scored 84.30 of 100.00 points and ranked 2 of 3 in this tender. …"
 * ```
 */
export interface AssessmentSummary {
  /** Lot. */
  readonly lotId: string;
  /** Lot label. */
  readonly lotLabel: string;
  /** Option (tender) id. */
  readonly optionId: string;
  /** Supplier. */
  readonly supplier: string;
  /** What was offered. */
  readonly label: string;
  /** Whether this tender is the most advantageous. */
  readonly isWinner: boolean;
  /** `"ranked"` or `"excluded"`. */
  readonly status: TenderOptionResult["status"];
  /** Rank, if ranked. */
  readonly rank?: number;
  /** Number of ranked tenders in the lot. */
  readonly rankedCount: number;
  /** The supplier's total points (absent for a tender excluded before price was opened: it has no total). */
  readonly totalPoints?: string;
  /** The total as shown (2 places, half-even). */
  readonly shownTotal?: string;
  /** The winner, if there is one. */
  readonly winner?: {
    /** Winner's option id. */
    readonly optionId: string;
    /** Winner's supplier. */
    readonly supplier: string;
    /** Winner's total points. */
    readonly totalPoints: string;
    /** Winner's total as shown. */
    readonly shownTotal: string;
  };
  /** The display rule the shown figures follow. */
  readonly displayRule: string;
  /** Gates passed or failed, with reasons. */
  readonly gates: readonly GateOutcome[];
  /** Per criterion (leaves and pass/fail criteria, depth-first). */
  readonly lines: readonly AssessmentLine[];
  /** Plain-language overview in one paragraph. */
  readonly overview: string;
}

function leaves(nodes: readonly ScoreNode[], path: readonly string[] = []): { node: ScoreNode; idPath: string[] }[] {
  return nodes.flatMap((n) => (n.children !== undefined ? leaves(n.children, [...path, n.criterionId]) : [{ node: n, idPath: [...path, n.criterionId] }]));
}

function pts(s: string): string {
  return new Dec(s).toDecimalPlaces(2, Dec.ROUND_HALF_EVEN).toFixed(2);
}

function assessed(n: ScoreNode, currency: CurrencyCode): string | undefined {
  if (n.passFail !== undefined) return n.passFail.passed ? "pass" : "fail";
  if (n.notScored !== undefined) return undefined;
  if (n.level !== undefined) return `${n.level.label} (${n.level.value})`;
  if (n.kind === "price" && n.raw !== undefined) return formatMoneyFixed({ amount: n.raw, currency });
  if (n.raw !== undefined) return showValue(n.raw, n.display ?? "number", currency, n.display === "number" || n.display === undefined ? n.unit : undefined);
  return undefined;
}

function reasonOf(n: ScoreNode): string | undefined {
  if (n.passFail !== undefined) return n.passFail.reason;
  if (n.moderation !== undefined) return n.moderation.reason;
  if (n.notScored !== undefined) return n.notScored;
  return n.trace?.substituted;
}

function summaryFor(result: TenderResult, lot: LotResult, o: TenderOptionResult, options: AssessmentSummaryOptions): AssessmentSummary {
  const where = lot.lotId === "default" ? "this tender" : lot.label;
  const winner = lot.winner === undefined ? undefined : lot.options.find((x) => x.optionId === lot.winner);
  const isWinner = winner?.optionId === o.optionId;
  const mine = leaves(o.scoreTree);
  const theirs = new Map((winner === undefined ? [] : leaves(winner.scoreTree)).map((l) => [l.node.criterionId, l.node] as const));
  const scored = mine.filter((l) => l.node.kind !== "pass-fail");
  // One display rule: the shown points of the lines add up to the shown total (largest remainder).
  const shownMine = roundToTotal(scored.map((l) => l.node.points));
  const shownMineBy = new Map(scored.map((l, i) => [l.node.criterionId, shownMine.parts[i] as string] as const));
  const winnerScored = winner === undefined ? [] : leaves(winner.scoreTree).filter((l) => l.node.kind !== "pass-fail");
  const shownWinner = roundToTotal(winnerScored.map((l) => l.node.points));
  const shownWinnerBy = new Map(winnerScored.map((l, i) => [l.node.criterionId, shownWinner.parts[i] as string] as const));
  const max = roundToTotal(scored.map((l) => l.node.maxPoints));
  const lines: AssessmentLine[] = mine.map(({ node, idPath }) => {
    const w = isWinner ? undefined : theirs.get(node.criterionId);
    const a = assessed(node, result.currency);
    const wa = w === undefined ? undefined : assessed(w, result.currency);
    const r = reasonOf(node);
    const wr = w?.moderation?.reason;
    const shown = shownMineBy.get(node.criterionId) ?? pts(node.points);
    const shownW = w === undefined ? undefined : (shownWinnerBy.get(node.criterionId) ?? pts(w.points));
    let comparison: string;
    if (node.kind === "pass-fail") {
      comparison = `${node.passFail?.passed === true ? "Passed" : "Failed"}: ${node.passFail?.reason ?? ""}`;
    } else if (node.notScored !== undefined) {
      comparison = `Not scored: ${node.notScored}.`;
    } else {
      const you = `You scored ${shown} of ${pts(node.maxPoints)} points${a !== undefined ? ` (${a})` : ""}`;
      if (w === undefined || shownW === undefined) comparison = `${you}.`;
      else {
        // The difference is the exact difference, rounded (equal scores are "the same" even where the display
        // rule shows them a penny apart).
        const d = new Dec(node.points).minus(new Dec(w.points)).toDecimalPlaces(2, Dec.ROUND_HALF_EVEN);
        const rel = d.isZero() ? "the same as" : d.gt(0) ? `${d.toFixed(2)} more than` : `${d.neg().toFixed(2)} fewer than`;
        comparison = `${you}: ${rel} the most advantageous tender, which scored ${shownW}${wa !== undefined ? ` (${wa})` : ""}.`;
        // Equal exact points shown a penny apart (largest remainder): say so, so the text cannot be read as a contradiction.
        if (new Dec(node.points).eq(new Dec(w.points)) && shown !== shownW) {
          comparison = `${you}: the same as the most advantageous tender (both ${decString(new Dec(node.points))} points exactly; each table rounds its parts so that they add up to its total, so one shows ${shownW}).`;
        }
      }
    }
    return {
      criterionId: node.criterionId,
      label: node.label,
      kind: node.kind,
      idPath,
      maxPoints: node.maxPoints,
      points: node.points,
      shownPoints: node.kind === "pass-fail" ? "0.00" : shown,
      ...(w !== undefined ? { winnerPoints: w.points } : {}),
      ...(shownW !== undefined && node.kind !== "pass-fail" ? { shownWinnerPoints: shownW } : {}),
      ...(a !== undefined ? { assessed: a } : {}),
      ...(wa !== undefined ? { winnerAssessed: wa } : {}),
      ...(r !== undefined ? { reason: r } : {}),
      evaluatorReasons: options.individualMarks === true ? (node.moderation?.individual ?? []) : [],
      ...(wr !== undefined ? { winnerReason: wr } : {}),
      comparison,
      ...(node.notScored !== undefined ? { notScored: true } : {}),
    };
  });
  const ranked = lot.options.filter((x) => x.status === "ranked").length;
  const failed = o.gates.filter((g) => !g.passed);
  const maxTotal = max.total;
  let overview: string;
  if (o.status === "excluded") {
    overview = `Your tender (${o.label}) was not ranked: ${failed.map((g) => g.reason).join("; ")}.`;
  } else if (isWinner) {
    overview = `Your tender (${o.label}) is the most advantageous tender in ${where}, with ${shownMine.total} of ${maxTotal} points (rank 1 of ${ranked}).`;
  } else {
    const gap = winner === undefined ? undefined : new Dec(shownWinner.total).minus(new Dec(shownMine.total));
    overview =
      `Your tender (${o.label}) scored ${shownMine.total} of ${maxTotal} points and ranked ${o.rank ?? "-"} of ${ranked} in ${where}.` +
      (winner !== undefined && gap !== undefined ? ` The most advantageous tender (${winner.supplier}, ${winner.label}) scored ${shownWinner.total} points, ${gap.abs().toFixed(2)} ${gap.gte(0) ? "more" : "fewer"}.` : " No single most advantageous tender has been identified (tie).");
    if (result.aggregation !== "weighted-sum" && winner !== undefined) overview += ` Award was by ${result.aggregation}: yours ${o.total !== undefined ? pts(o.total) : (o.totalStatus ?? "not computable")}, the most advantageous ${winner.total !== undefined ? pts(winner.total) : "-"} (lower is better).`;
  }
  const hasTotal = o.totalPoints !== undefined;
  return {
    lotId: lot.lotId,
    lotLabel: lot.label,
    optionId: o.optionId,
    supplier: o.supplier,
    label: o.label,
    isWinner,
    status: o.status,
    ...(o.rank !== undefined ? { rank: o.rank } : {}),
    rankedCount: ranked,
    ...(hasTotal ? { totalPoints: o.totalPoints, shownTotal: shownMine.total } : {}),
    ...(winner !== undefined && winner.totalPoints !== undefined ? { winner: { optionId: winner.optionId, supplier: winner.supplier, totalPoints: winner.totalPoints, shownTotal: shownWinner.total } } : {}),
    displayRule: DISPLAY_RULE,
    gates: o.gates,
    lines,
    overview,
  };
}

/**
 * Assessment summaries (Procurement Act 2023 s50: before awarding, the contracting authority gives each
 * supplier that submitted an assessed tender a summary of the assessment of its tender and of the most
 * advantageous tender). One summary per tender, per lot: its score on each criterion against the winner's,
 * with the reasons the evaluators recorded, and the gates it passed or failed.
 *
 * By default a summary discloses the moderated score and the moderated reasons only; each evaluator's own
 * level and reason appear only with `{ individualMarks: true }`. Figures follow {@link DISPLAY_RULE}.
 *
 * @param result - a scored tender from `scoreTender`
 * @param options - `{ individualMarks }` (default false)
 * @returns one summary per option, lot by lot, in rank order
 * @example
 * ```ts
 * const summaries = assessmentSummaries(scoreTender(tender));
 * summaries[1].lines[0].comparison;
 * //=> "You scored 28.80 of 36.00 points (good (4)): 7.20 fewer than the most advantageous tender, which scored 36.00 (excellent (5))."
 * ```
 */
export function assessmentSummaries(result: TenderResult, options: AssessmentSummaryOptions = {}): AssessmentSummary[] {
  return result.lots.flatMap((lot) => lot.options.map((o) => summaryFor(result, lot, o, options)));
}

function cell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

/**
 * The overview, preceded by the lot when the tender has lots: "Lot 3: 7-day kits. Your tender …". A label that
 * already starts with the word "Lot" is not given a second one.
 *
 * @internal
 */
export function overviewWithLot(summary: Pick<AssessmentSummary, "lotId" | "lotLabel" | "overview">): string {
  if (summary.lotId === "default") return summary.overview;
  const lot = /^lot\b/i.test(summary.lotLabel.trim()) ? summary.lotLabel.trim() : `Lot: ${summary.lotLabel}`;
  return `${lot}. ${summary.overview}`;
}

/**
 * Renders an assessment summary as Markdown: an overview, a table of the supplier's points against the
 * winner's per criterion, the reasons recorded, and the gates.
 *
 * @param summary - one summary from `assessmentSummaries`
 * @returns Markdown text
 * @example
 * ```ts
 * const md = assessmentSummaryMarkdown(assessmentSummaries(result)[1]);
 * md.startsWith("## Assessment summary:"); //=> true
 * ```
 */
export function assessmentSummaryMarkdown(summary: AssessmentSummary): string {
  const out: string[] = [];
  out.push(`## Assessment summary: ${summary.supplier} — ${summary.label}`);
  out.push("");
  out.push(overviewWithLot(summary));
  out.push("");
  const scored = summary.lines.filter((l) => l.kind !== "pass-fail");
  if (scored.length > 0) {
    const vs = summary.winner !== undefined && !summary.isWinner;
    const maxShown = roundToTotal(scored.map((l) => l.maxPoints));
    out.push(vs ? "| Criterion | Max points | Your points | Your assessment | Winner's points | Winner's assessment |" : "| Criterion | Max points | Your points | Your assessment |");
    out.push(vs ? "|---|---:|---:|---|---:|---|" : "|---|---:|---:|---|");
    scored.forEach((l, i) => {
      const yours = l.notScored === true ? "—" : l.shownPoints;
      const base = `| ${cell(l.label)} | ${maxShown.parts[i] ?? pts(l.maxPoints)} | ${yours} | ${cell(l.notScored === true ? "not scored" : (l.assessed ?? ""))} |`;
      out.push(vs ? `${base} ${l.shownWinnerPoints ?? ""} | ${cell(l.winnerAssessed ?? "")} |` : base);
    });
    out.push(`| **Total** | ${maxShown.total} | **${summary.shownTotal ?? "—"}** | ${summary.shownTotal === undefined ? "no total: excluded before price was opened" : ""} |${vs ? ` **${summary.winner?.shownTotal ?? ""}** | |` : ""}`);
    out.push("");
    out.push(`_${summary.displayRule}_`);
    out.push("");
  }
  out.push("### Reasons");
  out.push("");
  for (const l of summary.lines) {
    out.push(`- **${l.label}**: ${l.comparison}`);
    if (l.kind === "qualitative" && l.reason !== undefined) out.push(`  - Moderated reason: ${l.reason}`);
    if ((l.kind === "price" || l.kind === "quantitative") && l.reason !== undefined && l.notScored !== true) out.push(`  - How scored: ${l.reason}`);
    for (const e of l.evaluatorReasons) out.push(`  - Evaluator ${e.evaluatorId} (level ${e.level}): ${e.reason}`);
    if (l.winnerReason !== undefined) out.push(`  - Most advantageous tender: ${l.winnerReason}`);
  }
  if (summary.gates.length > 0) {
    out.push("");
    out.push("### Gates");
    out.push("");
    for (const g of summary.gates) out.push(`- ${g.passed ? "Passed" : "Failed"}: ${g.reason}`);
  }
  out.push("");
  return out.join("\n");
}
