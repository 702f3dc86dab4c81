import type { VbpIssue } from "../errors/issue.js";
import type { CurrencyCode } from "../money/currencies.js";
import type { Criterion, GlobalWeight } from "./criteria.js";
import type { ScoreTrace } from "./functions/index.js";
import type { WeightPolicy, WeightPolicyId } from "./policies.js";

/**
 * An offer in a tender: one supplier's product or service for one lot.
 *
 * @example
 * ```ts
 * const o: TenderOption = { id: "A", supplier: "Acme Medical", label: "Infusion pump A", price: "10000", values: { co2: "120" }, lot: "pumps" };
 * ```
 */
export interface TenderOption {
  /** Identifier, unique in the tender. */
  readonly id: string;
  /** Supplier name, as it appears in assessment summaries. */
  readonly supplier: string;
  /** What is offered (e.g. product name). */
  readonly label: string;
  /** Bid price (decimal string, > 0) in the tender currency; required when a price criterion or a price-based aggregation is used. */
  readonly price?: string;
  /** Raw values for quantitative criteria, by criterion id (decimal strings): whole-life cost, QALYs, kgCO2e... */
  readonly values?: Readonly<Record<string, string>>;
  /** Lot the option is offered for; every option is scored only against the other options in its lot. */
  readonly lot?: string;
}

/**
 * One evaluator's score of one option on one qualitative criterion.
 *
 * @example
 * ```ts
 * const s: EvaluatorScoreRecord = { criterionId: "q1", optionId: "A", evaluatorId: "E1", level: "3", reason: "Outcome data from two sites" };
 * ```
 */
export interface EvaluatorScoreRecord {
  /** The qualitative criterion scored. */
  readonly criterionId: string;
  /** The option scored. */
  readonly optionId: string;
  /** Who scored (an id, not a name, if the panel is anonymised). */
  readonly evaluatorId: string;
  /** The level given, as the scale's level value (e.g. `"4"`). */
  readonly level: string;
  /** The evaluator's reason, quoted in the assessment summary. */
  readonly reason: string;
}

/**
 * The moderated (consensus) score the panel agreed for one option on one qualitative criterion.
 *
 * @example
 * ```ts
 * const c: ConsensusRecord = { criterionId: "q1", optionId: "A", level: "3", reason: "Data cover two sites; E2 agreed on review" };
 * ```
 */
export interface ConsensusRecord {
  /** The qualitative criterion. */
  readonly criterionId: string;
  /** The option. */
  readonly optionId: string;
  /** The agreed level (scale level value). */
  readonly level: string;
  /** The panel's agreed reason, quoted in the assessment summary. */
  readonly reason: string;
  /** Who chaired the moderation that agreed this level (audit trail; expected whenever the level changes an evaluator's score). */
  readonly moderator?: string;
  /** Date the level was agreed (YYYY-MM-DD). */
  readonly date?: string;
  /** Moderation round (1 = first meeting) in which the level was agreed. */
  readonly round?: number;
}

/**
 * The outcome of a pass/fail criterion for one option.
 *
 * @example
 * ```ts
 * const r: PassFailRecord = { criterionId: "ukca", optionId: "A", passed: true, reason: "UKCA certificate seen" };
 * ```
 */
export interface PassFailRecord {
  /** The pass/fail criterion. */
  readonly criterionId: string;
  /** The option. */
  readonly optionId: string;
  /** Whether the option meets the requirement. */
  readonly passed: boolean;
  /** Why (evidence seen or missing). */
  readonly reason: string;
}

/**
 * A minimum-score gate. `scope` is `"quality"` (every scored criterion except price), `"total"` (the whole
 * score), or a list of criterion ids (their points added). The option must score at least `minimumPercent` of
 * the scope's maximum points. A gate whose scope holds no price criterion is applied before price is opened:
 * options that fail it get no price score and do not count for Pmin.
 *
 * @example
 * ```ts
 * const g: MinimumScoreGate = { id: "quality-60", label: "Quality threshold", scope: "quality", minimumPercent: "60" };
 * ```
 */
export interface MinimumScoreGate {
  /** Identifier. */
  readonly id: string;
  /** Name shown in reports (e.g. "Quality threshold"). */
  readonly label?: string;
  /** What the minimum applies to. */
  readonly scope: "quality" | "total" | readonly string[];
  /** The minimum, percent of the scope's maximum points. */
  readonly minimumPercent: string;
}

/**
 * One published tie-break rule.
 *
 * @example
 * ```ts
 * const rules: TieBreakRule[] = [{ rule: "higher-quality" }, { rule: "lower-price" }, { rule: "higher-tag-score", tag: "social-value" }];
 * ```
 */
export type TieBreakRule =
  | {
      /** Higher quality points (every scored criterion except price) wins. */
      readonly rule: "higher-quality";
    }
  | {
      /** Lower bid price wins. */
      readonly rule: "lower-price";
    }
  | {
      /** Higher points on one criterion (leaf or group) wins. */
      readonly rule: "higher-score";
      /** The criterion. */
      readonly criterionId: string;
    }
  | {
      /** Higher points on the criteria tagged `tag` (e.g. `"social-value"`) wins. */
      readonly rule: "higher-tag-score";
      /** The tag. */
      readonly tag: string;
    };

/**
 * How the scores become one figure per option.
 *
 * @example
 * ```ts
 * const m: AggregationMethod = "price-per-quality-point";
 * ```
 */
export type AggregationMethod = "weighted-sum" | "price-per-quality-point" | "monetised-quality";

/**
 * Settings of a scoring run.
 *
 * @example
 * ```ts
 * const s: TenderSettings = { policies: ["nhs-vbp-2026"], policyMode: "warn", abnormallyLowPrice: { percentBelowMeanOfOthers: "20" } };
 * ```
 */
export interface TenderSettings {
  /** Currency of prices (ISO 4217), for messages and money figures. Default `"GBP"`. */
  readonly currency?: CurrencyCode;
  /** Aggregation: `"weighted-sum"` (default; highest total wins), `"price-per-quality-point"` (price ÷ quality points, lowest wins) or `"monetised-quality"` (price − quality points × `valuePerQualityPoint`, lowest wins). */
  readonly aggregation?: AggregationMethod;
  /** Money value of one quality point, for `"monetised-quality"` (decimal string, > 0). */
  readonly valuePerQualityPoint?: string;
  /** Published tie-break rules, applied in order. Default: higher quality, then lower price. Options still tied share a rank. */
  readonly tieBreak?: readonly TieBreakRule[];
  /** Weight policies to check (shipped ids or policies as data). */
  readonly policies?: readonly (WeightPolicyId | WeightPolicy)[];
  /** `"warn"` (default): policy breaches are returned as warnings; `"error"`: they stop the run as a VbpInputError. */
  readonly policyMode?: "warn" | "error";
  /** Flag a price more than `percentBelowMeanOfOthers` % below the mean of the other price-scored bids in the lot (a flag to investigate, never an exclusion). */
  readonly abnormallyLowPrice?: {
    /** The threshold, percent below the mean of the others (e.g. `"20"`). */
    readonly percentBelowMeanOfOthers: string;
  };
  /** Largest spread (max − min, percentage points) a published weight range may have. */
  readonly maxWeightSpread?: string;
  /** Compute rank reversals (re-score without each option). Default true. */
  readonly rankReversal?: boolean;
  /** Moderation rules: the spread that flags wide disagreement, and the rule for a median between two levels. */
  readonly moderation?: {
    /** Flag a response when the evaluators' levels differ by at least this much (highest − lowest level value). Default `"2"`. */
    readonly wideDisagreementSpread?: string;
    /** A median (even panel) between two levels: `"interpolate"` the points (default), or take the `"lower"` or `"upper"` level. */
    readonly medianBetweenLevels?: "interpolate" | "lower" | "upper";
  };
  /** Compute what each option would need to overtake the next-ranked one. Default true. */
  readonly overtaking?: boolean;
}

/**
 * A lot of a tender.
 *
 * @example
 * ```ts
 * const lot: TenderLot = { id: "pumps", label: "Lot 1: volumetric infusion pumps" };
 * ```
 */
export interface TenderLot {
  /** Identifier referenced by options' `lot`. */
  readonly id: string;
  /** Name shown in reports. */
  readonly label: string;
}

/**
 * Everything needed to score a tender.
 *
 * @example
 * ```ts
 * const t: Tender = {
 *   criteria: [{ id: "q", label: "Quality", kind: "qualitative", weight: "100", scale: "0-5" }],
 *   options: [{ id: "A", supplier: "Acme", label: "Pump A" }],
 *   evaluatorScores: [{ criterionId: "q", optionId: "A", evaluatorId: "E1", level: "4", reason: "Clear plan" }],
 * };
 * ```
 */
export interface Tender {
  /** The criteria tree (root level: weights sum to 100). */
  readonly criteria: readonly Criterion[];
  /** The options (bids). */
  readonly options: readonly TenderOption[];
  /** The lots; when absent every option is in one lot `"default"`. */
  readonly lots?: readonly TenderLot[];
  /** Individual evaluator scores on qualitative criteria. */
  readonly evaluatorScores?: readonly EvaluatorScoreRecord[];
  /** Moderated consensus scores on qualitative criteria. */
  readonly consensus?: readonly ConsensusRecord[];
  /** Outcomes of pass/fail criteria. */
  readonly passFail?: readonly PassFailRecord[];
  /** Minimum-score gates. */
  readonly gates?: readonly MinimumScoreGate[];
  /** Settings. */
  readonly settings?: TenderSettings;
}

/**
 * An evaluator's score as shown in a score tree.
 *
 * @example
 * ```ts
 * const r: RecordedScore = { evaluatorId: "E1", level: "3", reason: "Outcome data from two sites" };
 * ```
 */
export interface RecordedScore {
  /** Evaluator id. */
  readonly evaluatorId: string;
  /** Level given. */
  readonly level: string;
  /** Reason recorded. */
  readonly reason: string;
}

/**
 * One change made at moderation: an evaluator's level replaced by the moderated level, with who moderated,
 * when, and in which round.
 *
 * @example
 * ```ts
 * const c: ModerationChange = { evaluatorId: "E3", fromLevel: "4", toLevel: "3", moderator: "Head of procurement", date: "2026-10-14", round: 1 };
 * ```
 */
export interface ModerationChange {
  /** Evaluator whose score was changed. */
  readonly evaluatorId: string;
  /** The evaluator's own level. */
  readonly fromLevel: string;
  /** The moderated level. */
  readonly toLevel: string;
  /** Who moderated (absent when not recorded: the result then carries a warning). */
  readonly moderator?: string;
  /** When (YYYY-MM-DD). */
  readonly date?: string;
  /** Moderation round. */
  readonly round?: number;
}

/**
 * One node of an option's score tree. The points of a group are the exact sum of its children's points.
 *
 * @example
 * ```ts
 * const top = scoreTender(tender).lots[0].options[0].scoreTree[0]; // the top-ranked tender's quality group
 * top.points; //=> "55.2"  (q1 36 × 5 / 5 + q2 24 × 4 / 5)
 * ```
 */
export interface ScoreNode {
  /** Criterion id. */
  readonly criterionId: string;
  /** Criterion label. */
  readonly label: string;
  /** Criterion kind. */
  readonly kind: Criterion["kind"];
  /** Weight among its siblings, percent. */
  readonly localWeight: string;
  /** Weight in the whole tender, percent: the most points the node can give. */
  readonly maxPoints: string;
  /** Weighted points earned: global weight × score fraction (leaves, rounded to 20 decimal places) or the sum of the children (groups). */
  readonly points: string;
  /** Points ÷ maximum points (0–1), 20 decimal places. */
  readonly fraction: string;
  /** The raw input scored: bid price, value, or moderated level. */
  readonly raw?: string;
  /** For qualitative leaves: the moderated level's label and descriptor. */
  readonly level?: {
    /** Level value. */
    readonly value: string;
    /** Level label (e.g. "good"). */
    readonly label: string;
    /** What the level means. */
    readonly descriptor: string;
  };
  /** How the leaf was scored (formula, substituted values). */
  readonly trace?: ScoreTrace;
  /** For qualitative leaves: moderation method, the moderated reason and each evaluator's score and reason. */
  readonly moderation?: {
    /** Method used. */
    readonly method: string;
    /** The moderated (consensus) reason. */
    readonly reason: string;
    /** Each evaluator's score. */
    readonly individual: readonly RecordedScore[];
    /** Highest minus lowest individual level value. */
    readonly spread?: string;
    /** True when the spread reaches the tender's wide-disagreement spread (default 2 levels). */
    readonly wideDisagreement?: boolean;
    /** Every individual score the moderated level changed: who, from and to, by whom, when and in which round. */
    readonly audit?: readonly ModerationChange[];
  };
  /** Unit of the raw value (quantitative leaves). */
  readonly unit?: string;
  /** How the raw value is shown (quantitative leaves): money, a 0–1 share as a percentage, or a number. */
  readonly display?: "money" | "share" | "number";
  /** For pass/fail criteria: the outcome and reason. */
  readonly passFail?: {
    /** Whether the option passed. */
    readonly passed: boolean;
    /** The reason recorded. */
    readonly reason: string;
  };
  /** Why the leaf was not scored (e.g. price not opened after a failed quality gate). */
  readonly notScored?: string;
  /** Sub-criteria (groups only). */
  readonly children?: readonly ScoreNode[];
}

/**
 * Whether an option passed one gate, and why.
 *
 * @example
 * ```ts
 * const g: GateOutcome = { gateId: "ukca", kind: "pass-fail", stage: "before-price", passed: true, reason: "UKCA or CE marking: pass (certificate seen)" };
 * ```
 */
export interface GateOutcome {
  /** Gate id (a minimum-score gate id, or the pass/fail criterion id). */
  readonly gateId: string;
  /** `"pass-fail"` criterion, or `"minimum-score"` gate. */
  readonly kind: "pass-fail" | "minimum-score";
  /** When it applies: before price is opened, or on the final scores. */
  readonly stage: "before-price" | "after-price";
  /** Whether the option passed. */
  readonly passed: boolean;
  /** Plain-language explanation with the figures compared. */
  readonly reason: string;
  /** For a failed minimum-score gate: the points still needed to reach the minimum. */
  readonly shortfall?: string;
}

/**
 * A flag for the buyer to investigate (never an exclusion on its own).
 *
 * @example
 * ```ts
 * const f: PriceFlag = { kind: "abnormally-low-price", message: "price £6,000.00 is 40% below the mean of the other 2 price-scored bids (£10,000.00)…" };
 * ```
 */
export interface PriceFlag {
  /** The kind of flag. */
  readonly kind: "abnormally-low-price";
  /** Explanation with the figures compared. */
  readonly message: string;
}

/**
 * What one option would need to change on one criterion, alone, to overtake the option ranked just above it.
 *
 * @example
 * ```ts
 * const s: OvertakingStep = { criterionId: "price", label: "Price", possible: true, required: "9958.5", change: "a price 0.4% lower (≤ £9,958.50)" };
 * ```
 */
export interface OvertakingStep {
  /** The criterion (or `"price"` for the bid price in price-based aggregations). */
  readonly criterionId: string;
  /** Criterion label. */
  readonly label: string;
  /** Whether a change on this criterion alone is enough. */
  readonly possible: boolean;
  /** Plain language: "a price 4.2% lower (≤ £9,120.00)", "+1 level on 3.2 Training (good → outstanding)", "cannot overtake on this criterion alone". */
  readonly change: string;
  /** The value needed (price, raw value or level value), when possible. */
  readonly required?: string;
}

/**
 * What an option would need to overtake the next-ranked option.
 *
 * @example
 * ```ts
 * const o = scoreTender(tender).lots[0].options[1].overtaking;
 * o?.steps.map((s) => s.change); // e.g. ["+1 level on 1.1 Clinical outcomes (good → excellent)", …]
 * ```
 */
export interface Overtaking {
  /** The option just above. */
  readonly targetOptionId: string;
  /** Gap in the aggregate measure (points, price per point, or monetised price). */
  readonly gap: string;
  /** One step per scored criterion (and the price, for price-based aggregations). */
  readonly steps: readonly OvertakingStep[];
}

/**
 * The result for one option.
 *
 * @example
 * ```ts
 * const [first] = scoreTender(tender).lots[0].options;
 * first.rank; //=> 1
 * ```
 */
export interface TenderOptionResult {
  /** Option id. */
  readonly optionId: string;
  /** Supplier. */
  readonly supplier: string;
  /** Label. */
  readonly label: string;
  /** Lot. */
  readonly lot: string;
  /** `"ranked"`, or `"excluded"` by a gate. */
  readonly status: "ranked" | "excluded";
  /** Rank (1 = most advantageous); options still tied after every tie-break rule share a rank. Absent when excluded. */
  readonly rank?: number;
  /** The aggregate measure: total points (weighted sum), price per quality point, or monetised price. Absent when it cannot be computed (see `totalStatus`) or the option was excluded before price under a price-based aggregation. */
  readonly total?: string;
  /** Why `total` is absent, e.g. "quality score 0: price per quality point is undefined". */
  readonly totalStatus?: string;
  /** Sum of the points of every scored criterion (0–100). Absent for a tender excluded before price was opened: it has no total. */
  readonly totalPoints?: string;
  /** Points of every scored criterion except price (for a tender excluded before price: the criteria scored before price only). */
  readonly qualityPoints: string;
  /** Points of the price criteria (absent for a tender excluded before price was opened). */
  readonly pricePoints?: string;
  /** Bid price, if any (absent for a tender excluded before price was opened: its price is not disclosed). */
  readonly price?: string;
  /** The score tree, whose leaves' points sum exactly to `totalPoints`. */
  readonly scoreTree: readonly ScoreNode[];
  /** Every gate, passed or failed, with the reason. */
  readonly gates: readonly GateOutcome[];
  /** Flags to investigate. */
  readonly flags: readonly PriceFlag[];
  /** How a tie with another option was resolved, if there was one. */
  readonly tieBreak?: string;
  /** What the option would need to overtake the one ranked just above (ranked options other than the first). */
  readonly overtaking?: Overtaking;
}

/**
 * A pair whose order flips when another option is removed.
 *
 * @example
 * ```ts
 * const r: RankReversal = { removedOptionId: "B", higherBefore: "C", higherAfter: "A" };
 * ```
 */
export interface RankReversal {
  /** The option removed. */
  readonly removedOptionId: string;
  /** The option ranked higher with every option present. */
  readonly higherBefore: string;
  /** The option that moves above it once `removedOptionId` is removed. */
  readonly higherAfter: string;
}

/**
 * The result for one lot.
 *
 * @example
 * ```ts
 * const lot = scoreTender(tender).lots[0];
 * lot.winner; //=> "C"
 * ```
 */
export interface LotResult {
  /** Lot id. */
  readonly lotId: string;
  /** Lot label. */
  readonly label: string;
  /** Options in rank order, then excluded options by id. */
  readonly options: readonly TenderOptionResult[];
  /** The most advantageous option, if any option is ranked and the first rank is not shared. */
  readonly winner?: string;
  /** Groups of options still tied after every published rule (the buyer's stated fallback applies). */
  readonly unresolvedTies: readonly (readonly string[])[];
  /** Lowest price among the options whose price was scored (Pmin). */
  readonly lowestPrice?: string;
  /** Pairs whose order flips when one option is removed and the lot re-scored. */
  readonly rankReversals: readonly RankReversal[];
}

/**
 * The result of scoring a tender.
 *
 * A result is read-only data (its types say so). Equal parts can be one object shared by several options
 * rather than copies: an empty `flags` or `gates` list, the flags of bids at one flagged price, a score-tree
 * node with the same outcome or points. Serialised nothing of this shows; copy a result
 * (`structuredClone(result)`) before editing it in place.
 *
 * @example
 * ```ts
 * const r: TenderResult = scoreTender(tender);
 * r.lots.length; //=> 1
 * ```
 */
export interface TenderResult {
  /** Aggregation method used. */
  readonly aggregation: AggregationMethod;
  /** Currency. */
  readonly currency: CurrencyCode;
  /** Global weights of every criterion. */
  readonly weights: readonly GlobalWeight[];
  /** Per lot. */
  readonly lots: readonly LotResult[];
  /** Policy warnings (policyMode "warn"). */
  readonly warnings: readonly VbpIssue[];
}
