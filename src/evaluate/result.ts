/**
 * The result of {@link evaluate}: plain JSON data, every exact figure a decimal string.
 *
 * @module
 */
import type { EvaluationProgress } from "./progress.js";
import type { EvaluationKind } from "./document.js";
import type { VbpIssue, VbpPath } from "../errors/issue.js";
import type { Source } from "../reference/source.js";
import type { DiscountTiming } from "../time/discount.js";
import type { DiscountSchedule } from "../time/schedules.js";
import type { PathwayResult } from "../pathway/types.js";
import type { LifecycleResult } from "../lifecycle/result.js";
import type { CarbonFactorUsed, CarbonFootprintResult } from "../sustainability/carbonFootprint.js";
import type { SocialValueResult } from "../sustainability/socialValue.js";
import type { SustainabilityGatesResult } from "../sustainability/gates.js";
import type { IncrementalAnalysis } from "../analysis/types.js";
import type { PairwiseComparison } from "../analysis/pairwise.js";
import type { NetMonetaryBenefitResult } from "../analysis/nmb.js";
import type { TenderResult } from "../scoring/tender.js";
import type { AssessmentSummary } from "../scoring/summary.js";
import type { WeightPolicy } from "../scoring/policies.js";

/**
 * Per-patient cost of one option, by part. `wholePathway = lifecycle + pathway + carbonExternality`, exactly.
 * The parts computed from the bid price (lifecycle, whole pathway and their population totals) are absent for
 * a bid excluded before its price was opened.
 *
 * @example
 * ```ts
 * const c: OptionCosts = { lifecycle: "60", pathway: "2500", carbonExternality: "0", wholePathway: "2560",
 *   lifecycleNetPresentCost: "1200000", wholePathwayPopulation: "51200000", byCategory: {} };
 * ```
 */
export interface OptionCosts {
  /** Lifecycle net present cost ÷ discounted patient volume (0 when the option has no lifecycle costs). */
  readonly lifecycle?: string;
  /** Discounted pathway cost per patient (the pathway module's per-patient cost). */
  readonly pathway: string;
  /** Monetised carbon per patient, when carbon is treated as an externality; otherwise "0". */
  readonly carbonExternality: string;
  /** lifecycle + pathway + carbonExternality. */
  readonly wholePathway?: string;
  /** Lifecycle net present cost over the horizon, all patients. */
  readonly lifecycleNetPresentCost?: string;
  /** Whole-pathway cost per patient × discounted patient volume. */
  readonly wholePathwayPopulation?: string;
  /** Discounted pathway cost per patient by category (e.g. bed-days), from the pathway ledger. */
  readonly byCategory: Readonly<Record<string, string>>;
}

/**
 * Carbon of one option. `kgPerPatient = pathwayKgPerPatient + productKgPerPatient`, exactly.
 *
 * @example
 * ```ts
 * const c: OptionCarbon = { pathwayKgPerPatient: "95", productKgPerPatient: "1.2", kgPerPatient: "96.2", kgTotal: "1924000" };
 * ```
 */
export interface OptionCarbon {
  /** Pathway carbon per patient (bed days, theatre...), from the pathway model. */
  readonly pathwayKgPerPatient: string;
  /** Product carbon per patient (embodied, transport, waste...), from the carbon footprint. */
  readonly productKgPerPatient: string;
  /** Pathway + product, per patient. */
  readonly kgPerPatient: string;
  /** Over the horizon, all patients. */
  readonly kgTotal: string;
  /** Monetised carbon per patient (present value), when carbonValuation is set. */
  readonly costPerPatient?: string;
}

/**
 * Everything computed for one option.
 *
 * @example
 * ```ts
 * const o: EvaluatedOption = result.options[1];
 * o.costs.wholePathway; o.qalysPerPatient; o.metrics["wholePathwayCostPerPatient"];
 * ```
 */
export interface EvaluatedOption {
  /** Option id. */
  readonly optionId: string;
  /** Supplier. */
  readonly supplier: string;
  /** Product or offer. */
  readonly label: string;
  /** True for current practice. */
  readonly isComparator: boolean;
  /** Lot ("default" when the tender declares none). */
  readonly lot: string;
  /** Bid price per unit, when given (absent when the bid was excluded before its price was opened). */
  readonly price?: string;
  /** True when the bid was excluded before its price was opened: no figure derived from its price is shown. */
  readonly priceNotOpened?: boolean;
  /** Costs per patient by part. */
  readonly costs: OptionCosts;
  /** Discounted QALYs per patient. */
  readonly qalysPerPatient: string;
  /** Discounted life years per patient. */
  readonly lifeYearsPerPatient: string;
  /** Expected clinical events per patient, by name. */
  readonly eventsPerPatient: Readonly<Record<string, string>>;
  /** Carbon. */
  readonly carbon: OptionCarbon;
  /** Net monetary benefit per patient at the threshold (when a threshold is set). */
  readonly netMonetaryBenefitPerPatient?: string;
  /** NMB minus the comparator's (when a threshold is set). */
  readonly incrementalNetMonetaryBenefitPerPatient?: string;
  /** Social value result (when a framework is set). */
  readonly socialValue?: SocialValueResult;
  /** Sustainability gate outcomes (when any criterion is decided by gates, or the option gave evidence). */
  readonly sustainabilityGates?: SustainabilityGatesResult;
  /** The values fed to the tender's quantitative criteria, by criterion id, rounded half-even to the metric's `decimalPlaces` (money to the penny). */
  readonly metrics: Readonly<Record<string, string>>;
}

/**
 * One row of the ranked value table.
 *
 * @example
 * ```ts
 * result.ranking.map((r) => `${r.rank ?? "-"} ${r.supplier} ${r.totalPoints}`);
 * ```
 */
export interface RankedRow {
  /** Lot id. */
  readonly lot: string;
  /** Rank within the lot (absent for excluded options and the comparator). */
  readonly rank?: number;
  /** "ranked", "excluded" (failed a gate) or "comparator" (current practice, not scored). */
  readonly status: "ranked" | "excluded" | "comparator";
  /** Option id. */
  readonly optionId: string;
  /** Supplier. */
  readonly supplier: string;
  /** Product. */
  readonly label: string;
  /** Total points (weighted sum), or the aggregation's total; "" for the comparator. */
  readonly total: string;
  /**
   * Points per top-level criterion, in the tree's order. A criterion none of whose parts was scored (all derived
   * from a bid price that was not opened) is left out: it has no points, not 0.
   */
  readonly points: readonly {
    /** Criterion id. */
    readonly criterionId: string;
    /** Criterion label. */
    readonly label: string;
    /** Points scored. */
    readonly points: string;
    /** Points available. */
    readonly maxPoints: string;
  }[];
  /** Whole-pathway cost per patient ("" when the bid's price was not opened). */
  readonly wholePathwayCostPerPatient: string;
  /** QALYs per patient. */
  readonly qalysPerPatient: string;
  /** NMB per patient (when a threshold is set). */
  readonly netMonetaryBenefitPerPatient?: string;
  /** kgCO2e per patient. */
  readonly carbonKgPerPatient: string;
  /** "passed", "comparator" or "failed: <gate>: <reason>". */
  readonly gates: string;
}

/**
 * The plain-language explanation of one option's result.
 *
 * @example
 * ```ts
 * result.explanations[0].lines.join("\n");
 * ```
 */
export interface OptionExplanation {
  /** Option id. */
  readonly optionId: string;
  /** One-line headline, e.g. "Ranked 1 of 3 with 81.2 points". */
  readonly headline: string;
  /** Sentences, in reading order. */
  readonly lines: readonly string[];
}

/**
 * The reference data the evaluation used, each figure with its source.
 *
 * @example
 * ```ts
 * // The worked tender (HealthTech programme, lower bound): NICE's £20,000–£30,000 range.
 * result.referenceData.threshold?.perQaly; //=> "20000"
 * ```
 */
export interface EvaluationReferenceData {
  /** Discounting used for costs, health, and its timing. */
  readonly discounting: {
    /** Schedule for costs. */
    readonly costs: DiscountSchedule;
    /** Schedule for QALYs and life years. */
    readonly health: DiscountSchedule;
    /** Timing convention. */
    readonly timing: DiscountTiming;
  };
  /** Cost-effectiveness threshold (absent when none was given). */
  readonly threshold?: {
    /** Value per QALY. */
    readonly perQaly: string;
    /** Threshold data id (lookups) or "explicit". */
    readonly id: string;
    /** Which bound of the published range (lookups). */
    readonly bound?: "lower" | "upper";
    /** The evaluation programme whose threshold was used (lookups), e.g. "healthtech". */
    readonly programme?: string;
    /** Where it comes from. */
    readonly source?: Source;
  };
  /** Emission factors used by the product carbon footprint. */
  readonly carbonFactors: readonly CarbonFactorUsed[];
  /** Carbon values used to monetise carbon (when carbonValuation is set). */
  readonly carbonValues?: {
    /** Series id. */
    readonly seriesId: string;
    /** Price year of the values as used: the evaluation's (the year of `priceBaseDate`). */
    readonly priceYear: string;
    /** How the values were re-based from the series' own price year to the evaluation's, and with what. */
    readonly rebasing?: {
      /** The carbon value series' price year (DESNZ: "2022"). */
      readonly fromPriceYear: string;
      /** The evaluation's price year. */
      readonly toPriceYear: string;
      /** index[toPriceYear] / index[fromPriceYear], exact. */
      readonly factor: string;
      /** The index value for `fromPriceYear`, as given. */
      readonly fromIndex: string;
      /** The index value for `toPriceYear`, as given. */
      readonly toIndex: string;
      /** Deflator series id. */
      readonly indexId: string;
      /** Deflator series name. */
      readonly indexLabel: string;
      /** Where the deflators come from. */
      readonly indexSource?: Source;
    };
    /** Scenario. */
    readonly scenario: string;
    /** How monetised carbon enters the evaluation. */
    readonly treatment: "externality" | "criterion";
    /** Where the values come from. */
    readonly source?: Source;
  };
  /** Weight policies checked. */
  readonly weightPolicies: readonly WeightPolicy[];
  /** Sustainability gates applied. */
  readonly sustainabilityGates: readonly {
    /** Gate id. */
    readonly id: string;
    /** Gate label. */
    readonly label: string;
    /** Where the requirement comes from. */
    readonly source?: Source;
  }[];
}

/**
 * Which underlying input of a bid an overtaking answer moves.
 *
 * @example
 * ```ts
 * const l: OvertakingLever = "relative-risk";
 * ```
 */
export type OvertakingLever = "price" | "quantity" | "relative-risk" | "carbon" | "quality-level";

/**
 * One way for a bid to overtake the bid ranked above it: one input of the evaluation document moved, the whole
 * job re-run, every criterion fed by that input re-scored.
 *
 * @example
 * ```ts
 * const c: OvertakingChange = { lever: "price", label: "bid price per unit", path: ["options", 2, "price"], current: "109",
 *   possible: true, required: "101.98", changePercent: "6.44", change: "bid price per unit ≤ 101.98 (now 109; 6.44% lower)",
 *   criteriaMoved: [{ criterionId: "bid-price", label: "1.1 Bid price", fromPoints: "10.1", toPoints: "10.8" }], verified: true, runs: 9 };
 * ```
 */
export interface OvertakingChange {
  /** What kind of input moves. */
  readonly lever: OvertakingLever;
  /** The input, in words. */
  readonly label: string;
  /** Where the input is in the evaluation document. */
  readonly path: VbpPath;
  /** Its value now. */
  readonly current: string;
  /** Whether changing this input alone can overtake (within its admissible range). */
  readonly possible: boolean;
  /**
   * The value that overtakes, stated in the input's unit (pennies for prices; finer when the change is small),
   * rounded away from the current value; applying it and re-running the evaluation overtakes (`verified`).
   */
  readonly required?: string;
  /** The change as a percentage of the current value (2 places). */
  readonly changePercent?: string;
  /** The answer in words. */
  readonly change: string;
  /** The bid's criteria whose points change when the input is applied, with the points before and after. */
  readonly criteriaMoved: readonly {
    /** Criterion id. */
    readonly criterionId: string;
    /** Criterion label. */
    readonly label: string;
    /** Points now. */
    readonly fromPoints: string;
    /** Points with the change applied. */
    readonly toPoints: string;
  }[];
  /** The target's criteria that change too (e.g. price scores relative to the lowest bid). */
  readonly targetCriteriaMoved?: OvertakingChange["criteriaMoved"];
  /** True when the stated figure was applied through the whole job and the bid then ranks above its target. */
  readonly verified: boolean;
  /** Whole-job runs used to find the answer. */
  readonly runs: number;
}

/**
 * What it would take for a ranked bid to overtake the bid ranked directly above it, solved through the whole
 * job (see {@link evaluate} with `{ overtaking: true }`).
 *
 * @example
 * ```ts
 * result.overtaking?.[0]?.changes.filter((c) => c.possible).map((c) => c.change);
 * ```
 */
export interface OvertakingAnswer {
  /** The bid. */
  readonly optionId: string;
  /** Its lot. */
  readonly lot: string;
  /** The bid ranked directly above it. */
  readonly targetOptionId: string;
  /** The gap in the aggregate measure (points under a weighted sum). */
  readonly gap: string;
  /** One answer per input that can be moved. */
  readonly changes: readonly OvertakingChange[];
}

/**
 * The result of the whole job: every stage's result, the ranking and the explanations.
 *
 * A result is read-only data (its types say so). To keep catalogue-scale results small, equal parts can be one
 * object shared by several options rather than copies: an empty `flags` or `gates` list, the flags of bids at
 * one flagged price, a score-tree node with the same outcome or points. Serialised (JSON, CSV, structured
 * cloning) nothing of this shows; copy a result (`structuredClone(result)`) before editing it in place.
 *
 * @example
 * ```ts
 * const r: EvaluationResult = evaluate(doc);
 * r.ranking[0]?.supplier;
 * ```
 */
export interface EvaluationResult {
  /** Document title. */
  readonly title: string;
  /** What the run was: a tender or a catalogue (the document's `kind`, default tender). */
  readonly kind: EvaluationKind;
  /** How much was built: "full" (explanations, score trees with traces, stage results) or "compact". */
  readonly detail: EvaluationDetail;
  /**
   * Options left out because they are invalid (a catalogue run), each with its id, its index in the
   * document's options and every rule it breaks; empty when every option was evaluated.
   */
  readonly excluded: readonly ExcludedOption[];
  /** Currency. */
  readonly currency: string;
  /** Price base date. */
  readonly priceBaseDate: string;
  /** Horizon, years. */
  readonly horizonYears: number;
  /** Patients a year. */
  readonly patientsPerYear: string;
  /** Patients over the horizon. */
  readonly totalPatients: string;
  /** Σ patients a year × discount factor of each entry year (divisor of lifecycle cost per patient). */
  readonly discountedPatients: string;
  /** The comparator's option id. */
  readonly comparatorId: string;
  /** Per-option results, in document order. */
  readonly options: readonly EvaluatedOption[];
  /** Cost-effectiveness on whole-pathway cost and QALYs per patient. */
  readonly costEffectiveness: {
    /** Fully incremental analysis (dominance, extended dominance, ICERs). */
    readonly incremental: IncrementalAnalysis;
    /** Each option against the comparator. */
    readonly pairwise: readonly PairwiseComparison[];
    /** NMB at the threshold (when set). */
    readonly netMonetaryBenefit?: NetMonetaryBenefitResult;
  };
  /** The scored tender (scoring module result). */
  readonly tender: TenderResult;
  /** The ranked value table: per lot, ranked options, then excluded ones, then the comparator. */
  readonly ranking: readonly RankedRow[];
  /** Plain-language explanation per option (document order); empty unless `detail` is "full". */
  readonly explanations: readonly OptionExplanation[];
  /** Procurement Act 2023 s50 assessment summaries, with their Markdown text. */
  readonly assessmentSummaries: readonly {
    /** The structured summary. */
    readonly summary: AssessmentSummary;
    /** The same as Markdown. */
    readonly markdown: string;
  }[];
  /** Each stage's own result (when `detail` is "full"). */
  readonly stages?: {
    /** Pathway results (ledger included when asked). */
    readonly pathway: PathwayResult;
    /** Lifecycle results (absent when no option has lifecycle costs). */
    readonly lifecycle?: LifecycleResult;
    /** Product carbon footprint. */
    readonly carbon: CarbonFootprintResult;
  };
  /** Reference data used. */
  readonly referenceData: EvaluationReferenceData;
  /** Warnings: weight policy breaches, price flags (never exclusions). */
  readonly warnings: readonly VbpIssue[];
  /** Assumptions made by the stages (factor years, carbon value extrapolation...). */
  readonly assumptions: readonly string[];
  /** What each ranked bid would need to overtake the one above it (only with `{ overtaking: true }`). */
  readonly overtaking?: readonly OvertakingAnswer[];
}

/**
 * Options for {@link evaluate}.
 *
 * @example
 * ```ts
 * evaluate(doc, { ledger: false, summaries: false });
 * ```
 */
export interface EvaluateOptions {
  /** Keep the pathway, lifecycle and carbon ledgers (default false: the totals are the same). */
  readonly ledger?: boolean;
  /** Build the assessment summaries (default: true when `detail` is "full"). */
  readonly summaries?: boolean;
  /** Include each evaluator's own level and reason in the assessment summaries (default false: moderated scores and reasons only). */
  readonly individualMarks?: boolean;
  /**
   * Solve what each ranked bid would need to overtake the bid above it, through the whole job (default false:
   * each answer re-runs the evaluation a few dozen times).
   */
  readonly overtaking?: boolean;
  /**
   * What to do with invalid options: "fail" the whole run listing every problem, or "exclude" them (each
   * reported in `excluded` by id and rule) and evaluate the rest. Default: "exclude" for a document of
   * `kind: "catalogue"`, "fail" for a tender.
   */
  readonly invalidOptions?: InvalidOptions;
  /**
   * "full": per-option explanations, score trees with the worked trace of every leaf, social value and gate
   * details and each stage's own result; "compact": the figures, metrics, scores (top-level points), ranking
   * and cost-effectiveness only. Default: "full" for a tender, "compact" for a catalogue.
   */
  readonly detail?: EvaluationDetail;
  /**
   * Called as the run progresses: the stage, and the options it has processed out of the run's options
   * (see {@link EvaluationProgress}). The library only calls it: drawing a bar, and how often, is the
   * caller's (the `vbp` CLI draws one on a terminal). Not called by the re-runs of the overtaking solver.
   */
  readonly onProgress?: (progress: EvaluationProgress) => void;
}

/**
 * What {@link evaluate} does with invalid options: fail the whole run, or exclude and report them.
 *
 * @example
 * ```ts
 * evaluate(doc, { invalidOptions: "exclude" });
 * ```
 */
export type InvalidOptions = "exclude" | "fail";

/**
 * How much {@link evaluate} builds per option: everything ("full") or the figures and scores ("compact").
 *
 * @example
 * ```ts
 * evaluate(doc, { detail: "compact" });
 * ```
 */
export type EvaluationDetail = "full" | "compact";

/**
 * An option a catalogue run left out: its id (when it has a valid one), its index in the document's
 * `options`, and every rule it breaks (paths into the document).
 *
 * @example
 * ```ts
 * const e: ExcludedOption = { optionId: "p17", index: 18, issues: [{ code: "too_small", path: ["options", 18, "price"], message: "must be > 0, got -3" }] };
 * ```
 */
export interface ExcludedOption {
  /** The option's id, when it has one. */
  readonly optionId?: string;
  /** Index in the document's `options` (a CSV reader maps it to its line). */
  readonly index: number;
  /** Every problem with the option. */
  readonly issues: readonly VbpIssue[];
}
