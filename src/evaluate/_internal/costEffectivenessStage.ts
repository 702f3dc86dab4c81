/**
 * Stage 2, cost-effectiveness on whole-pathway cost and QALYs per patient: fully incremental analysis,
 * each option against the comparator, and net monetary benefit at the threshold (analysis module, on exact
 * decimals: nothing is written out and parsed back).
 *
 * @internal
 * @module
 */
import { Dec } from "../../_lib/decimal.js";
import type { Figure } from "../../_lib/figure.js";
import { parsedIncrementalAnalysis } from "../../analysis/incremental.js";
import { parsedPairwiseComparison } from "../../analysis/pairwise.js";
import { parsedNetMonetaryBenefit, type NetMonetaryBenefitResult, type NetMonetaryBenefitRow } from "../../analysis/nmb.js";
import type { IncrementalAnalysis } from "../../analysis/types.js";
import type { PairwiseComparison } from "../../analysis/pairwise.js";
import type { EvaluationDocument } from "../document.js";

export interface CostEffectivenessStage {
  readonly incremental: IncrementalAnalysis;
  readonly pairwise: readonly PairwiseComparison[];
  readonly nmb?: NetMonetaryBenefitResult;
  /** NMB row per option id (at the threshold). */
  readonly nmbRows: ReadonlyMap<string, NetMonetaryBenefitRow>;
}

/**
 * @param include - the options analysed (default all); a bid excluded before its price was opened is left out
 *   of the analysis shown (its whole-pathway cost derives from the price)
 * @param before - the stage on every option (its NMB rows are reused where they are the same)
 */
export function costEffectivenessStage(
  doc: EvaluationDocument,
  wholeCost: readonly Figure[],
  qalys: readonly Dec[],
  comparatorId: string,
  threshold: string | undefined,
  include: (optionId: string) => boolean = () => true,
  before?: CostEffectivenessStage,
): CostEffectivenessStage {
  const parsed: { index: number; id: string; label: string; cost: Figure; effect: Dec }[] = [];
  doc.options.forEach((o, i) => {
    if (include(o.id)) parsed.push({ index: parsed.length, id: o.id, label: o.label, cost: wholeCost[i] as Figure, effect: qalys[i] as Dec });
  });
  const nmb = threshold === undefined ? undefined : parsedNetMonetaryBenefit(parsed, [new Dec(threshold)], comparatorId, before?.nmbRows);
  const nmbRows = new Map((nmb?.byThreshold[0]?.options ?? []).map((r) => [r.id, r] as const));
  // The incremental analysis and the pairwise comparisons are made when first read: a run that withholds
  // some bids' figures reads only those of a second analysis without them (the NMB rows of this one feed
  // the metrics).
  let incremental: IncrementalAnalysis | undefined;
  let pairwise: readonly PairwiseComparison[] | undefined;
  return {
    get incremental() {
      return (incremental ??= parsedIncrementalAnalysis(parsed));
    },
    get pairwise() {
      return (pairwise ??= parsedPairwiseComparison(parsed, { comparator: comparatorId }));
    },
    ...(nmb !== undefined ? { nmb } : {}),
    nmbRows,
  };
}
