/**
 * One option (strategy) for cost-effectiveness analysis, as plain data: a total cost and a total effect per
 * patient (or per cohort; the same basis for every option).
 *
 * `effect` is QALYs in a cost-utility analysis, or any outcome where more is better (life years, events
 * avoided).
 *
 * @example
 * ```ts
 * const usualCare: CeaOption = { id: "usual-care", label: "Usual care", cost: "1200", effect: "8.10" };
 * ```
 */
export interface CeaOption {
  /** Identifier, unique within the analysis (1–128 letters, digits or `._:-`). */
  readonly id: string;
  /** Human name for tables. */
  readonly label?: string;
  /** Total (discounted) cost, as a decimal string or finite number. */
  readonly cost: string | number;
  /** Total (discounted) effect (QALYs or another outcome where more is better), as a decimal string or finite number. */
  readonly effect: string | number;
}

/**
 * Where an option ends up in a fully incremental analysis.
 *
 * - `"reference"`: the first (least costly) option on the efficiency frontier; the ICERs start from it.
 * - `"frontier"`: on the frontier after the reference; carries an ICER versus the previous frontier option.
 * - `"dominant"`: the only frontier option, and it strictly dominates every other option (no more costly and
 *   no less effective, at least one strictly): the analysis has a single winner at every threshold.
 * - `"dominated"`: another option is no more costly and no less effective, at least one strictly
 *   (includes "equal cost, less effective" and "equal effect, more costly").
 * - `"extendedly-dominated"`: a mix of two frontier options gives at least its effect at lower cost (its ICER
 *   exceeds that of the next, more effective option).
 * - `"tie"`: identical cost and effect to one or more other options that are on the frontier; all of them are
 *   kept and share the frontier position and ICER. (Tied options that are dominated or extendedly dominated
 *   get that status instead, with `tiedWith` still listing the others.)
 *
 * @example
 * ```ts
 * const onFrontier = (s: IncrementalStatus) => s === "reference" || s === "frontier" || s === "dominant" || s === "tie";
 * ```
 */
export type IncrementalStatus = "reference" | "frontier" | "dominant" | "dominated" | "extendedly-dominated" | "tie";

/**
 * The result for one option of a fully incremental analysis. Figures are canonical decimal strings; the
 * ICER and increments are present only for frontier options after the first.
 *
 * @example
 * ```ts
 * const row: IncrementalOptionResult = {
 *   id: "B", cost: "2000", effect: "1.1", status: "frontier", onFrontier: true, frontierPosition: 1,
 *   comparedWith: "A", incrementalCost: "1000", incrementalEffect: "0.1", icer: "10000",
 * };
 * ```
 */
export interface IncrementalOptionResult {
  /** The option's id. */
  readonly id: string;
  /** The option's label, when given. */
  readonly label?: string;
  /** Total cost, canonical decimal string. */
  readonly cost: string;
  /** Total effect, canonical decimal string. */
  readonly effect: string;
  /** Where the option ends up (see {@link IncrementalStatus}). */
  readonly status: IncrementalStatus;
  /** Whether the option is on the efficiency frontier (reference, frontier, dominant, or a tie on the frontier). */
  readonly onFrontier: boolean;
  /** Position on the frontier, 0 for the reference, in increasing cost; only for frontier options. */
  readonly frontierPosition?: number;
  /** Ids of other options with identical cost and effect (sorted); only when there are any. */
  readonly tiedWith?: readonly string[];
  /**
   * For frontier options after the first: the id of the previous frontier option that the increments and ICER
   * are taken against (for a tied point, the smallest id of the tied group).
   */
  readonly comparedWith?: string;
  /** Cost minus the cost of `comparedWith`; only for frontier options after the first. */
  readonly incrementalCost?: string;
  /** Effect minus the effect of `comparedWith` (always > 0 on the frontier); only for frontier options after the first. */
  readonly incrementalEffect?: string;
  /** Incremental cost-effectiveness ratio `incrementalCost / incrementalEffect` (cost per unit of effect). */
  readonly icer?: string;
  /** For dominated options: the id of the least costly (then most effective) option that dominates it. */
  readonly dominatedBy?: string;
  /**
   * For extendedly dominated options: the ids of the two neighbouring frontier options (less and more costly)
   * whose mix dominates it.
   */
  readonly extendedlyDominatedBy?: readonly [string, string];
}

/**
 * The result of a fully incremental analysis.
 *
 * @example
 * ```ts
 * const r: IncrementalAnalysis = incrementalAnalysis([{ id: "A", cost: 1000, effect: 1 }]);
 * r.frontier; //=> ["A"]
 * ```
 */
export interface IncrementalAnalysis {
  /** One result per input option, in input order. */
  readonly options: readonly IncrementalOptionResult[];
  /**
   * Ids of the frontier options in increasing cost (one id per frontier point: for a tied point, the smallest
   * id of the group; the others are in that option's `tiedWith`).
   */
  readonly frontier: readonly string[];
  /** ICERs along the frontier, one fewer than `frontier` entries (strictly positive effect increments, non-decreasing). */
  readonly frontierIcers: readonly string[];
}
