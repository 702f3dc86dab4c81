/**
 * The evaluation document: one JSON document for the whole job (pathway, lifecycle, carbon, social value,
 * gates, tender). Written-out types so the API reference documents every key; the zod schema in
 * `schema.ts` is the source of truth for validation.
 *
 * @module
 */
import type { PriceIndexSeries } from "../time/indexation.js";
import type { Source } from "../reference/source.js";
import type { DecisionTree, DiscountingSettings, Effect, ExtraCost, LifeTable, MarkovModel, Parameter } from "../pathway/model.js";
import type { LifecycleCostItemInput } from "../lifecycle/document.js";
import type {
  CarbonActivityInput,
  CarbonEmbodiedInput,
  EmissionFactorOverrideInput,
  SocialValueCommitmentInput,
  SocialValueCustomTheme,
  SocialValueThemeInput,
  SupplierDocumentEvidence,
  SustainabilityGateDocument,
} from "../sustainability/inputTypes.js";
import type { FactorYearRule } from "../sustainability/emissionFactors.js";
import type { CarbonValueScenario } from "../sustainability/carbonValues.js";
import type { SocialValueThemeSetId } from "../sustainability/socialValueThemes.js";
import type { Tender } from "../scoring/tender.js";

/**
 * The cost-effectiveness threshold: an explicit value per QALY, or a lookup in the dated threshold data
 * (`thresholdFor`) with the bound to use. There is no default: a metric that needs a threshold without one
 * is an input error.
 *
 * @example
 * ```ts
 * const explicit: ThresholdInput = { perQaly: "25000" };
 * const lookup: ThresholdInput = { jurisdiction: "GB-ENG", programme: "healthtech", on: "2026-09-01", bound: "lower" };
 * ```
 */
export type ThresholdInput =
  | {
      /** Willingness to pay per QALY gained, in the document currency. */
      readonly perQaly: string;
      /** Where the figure comes from (recorded with the results). */
      readonly source?: Source;
    }
  | {
      /** ISO 3166 code of the jurisdiction, e.g. "GB-ENG". */
      readonly jurisdiction: string;
      /** Evaluation programme the tender falls under, e.g. "healthtech" (required: NICE thresholds differ by programme). */
      readonly programme: string;
      /** Decision date (YYYY-MM-DD): the threshold in force on that day is used. */
      readonly on: string;
      /** Which end of the published range to use. */
      readonly bound: "lower" | "upper";
    };

/**
 * One option: a supplier's product (or current practice, the comparator) with everything the evaluation
 * needs about it.
 *
 * @example
 * ```ts
 * const o: EvaluationOption = { id: "a", supplier: "Acme", label: "Dressing A", price: "95", unitsPerPatient: "1" };
 * ```
 */
export interface EvaluationOption {
  /** Option identifier, unique in the document; also the option id in the pathway, lifecycle and tender. */
  readonly id: string;
  /** Supplier name. */
  readonly supplier: string;
  /** Product or offer name. */
  readonly label: string;
  /** True for current practice: the reference for incremental analysis; not scored in the tender. */
  readonly isComparator?: boolean;
  /** Lot the option is offered for (when the tender declares lots). */
  readonly lot?: string;
  /** Bid price per unit (decimal string); scored by the tender's price criterion. */
  readonly price?: string;
  /** Units of the product used per patient: adds the lifecycle item `price × unitsPerPatient` per patient. */
  readonly unitsPerPatient?: string;
  /** Further lifecycle cost items (staff time to apply, disposal, training...), as in the lifecycle module. */
  readonly lifecycle?: {
    /** Service life in whole years (equipment). */
    readonly serviceLifeYears?: number;
    /** The cost items. */
    readonly items: readonly LifecycleCostItemInput[];
  };
  /** Effects on the shared pathway (relative risks, shorter stays...), as in the pathway module. */
  readonly effects?: readonly Effect[];
  /** Per-patient extra pathway costs for this option, as in the pathway module. */
  readonly extraCosts?: readonly ExtraCost[];
  /** The product's carbon activities by stage (embodied, transport, energy, consumables, waste, pathway). */
  readonly carbon?: {
    /** Embodied / manufacture emissions. */
    readonly embodied?: readonly CarbonEmbodiedInput<string | number>[];
    /** Transport emissions. */
    readonly transport?: readonly CarbonActivityInput<string | number>[];
    /** Energy in use. */
    readonly energy?: readonly CarbonActivityInput<string | number>[];
    /** Consumables. */
    readonly consumables?: readonly CarbonActivityInput<string | number>[];
    /** Waste and disposal. */
    readonly waste?: readonly CarbonActivityInput<string | number>[];
    /** Pathway activities not already in the pathway model. */
    readonly pathway?: readonly CarbonActivityInput<string | number>[];
  };
  /** The supplier's sustainability evidence for the sustainability gates. */
  readonly evidence?: {
    /** Documents by id, e.g. carbon-reduction-plan, net-zero-commitment. */
    readonly documents?: Readonly<Record<string, SupplierDocumentEvidence>>;
    /** Assessment levels by id, e.g. `{ evergreen: 2 }`. */
    readonly assessments?: Readonly<Record<string, number>>;
  };
  /** The supplier's social value commitments, scored against the document's social value framework. */
  readonly socialValue?: {
    /** The commitments. */
    readonly commitments: readonly SocialValueCommitmentInput<string | number>[];
  };
  /** Raw values for quantitative criteria not fed by a computed metric, by criterion id. */
  readonly values?: Readonly<Record<string, string>>;
  /** Free-text note. */
  readonly note?: string;
}

/**
 * The shared patient pathway: the pathway module's model without its options, discounting, volumes and
 * currency (those come from the evaluation document).
 *
 * @example
 * ```ts
 * const p: EvaluationPathway = { id: "ssi", tree: { root: "surgery", nodes: [{ id: "surgery" }] } };
 * ```
 */
export interface EvaluationPathway {
  /** Model identifier. */
  readonly id: string;
  /** Human name. */
  readonly label?: string;
  /** Named parameters. */
  readonly parameters?: readonly Parameter[];
  /** Life tables. */
  readonly lifeTables?: readonly LifeTable[];
  /** The decision tree. */
  readonly tree?: DecisionTree;
  /** Markov models. */
  readonly markov?: readonly MarkovModel[];
  /** Where the model comes from. */
  readonly source?: Source;
  /** Free-text note. */
  readonly note?: string;
}

/**
 * The tender part: the scoring module's tender without its options (they come from the evaluation options).
 *
 * @example
 * ```ts
 * const t: EvaluationTender = { criteria: [{ id: "price", label: "Price", kind: "price", weight: "100", formula: { formula: "relative-to-lowest" } }] };
 * ```
 */
export type EvaluationTender = Omit<Tender, "options">;

/**
 * The kind of an evaluation run: a tender (any invalid bid fails the run) or a catalogue (invalid options
 * are excluded and reported, the rest evaluated).
 *
 * @example
 * ```ts
 * const kind: EvaluationKind = "catalogue";
 * ```
 */
export type EvaluationKind = "tender" | "catalogue";

/**
 * A validated evaluation document (output of {@link parseEvaluationDocument}): decimals as canonical strings.
 *
 * @example
 * ```ts
 * const doc: EvaluationDocument = parseEvaluationDocument(JSON.parse(text));
 * doc.options.length;
 * ```
 */
export interface EvaluationDocument {
  /** Optional address of the JSON Schema, for editors. */
  readonly $schema?: string;
  /**
   * What the run is: a `"tender"` (default; any invalid option fails the whole run, listing every problem)
   * or a `"catalogue"` (every valid option is evaluated; each invalid one is reported in `excluded`).
   */
  readonly kind?: EvaluationKind;
  /** Title of the evaluation, e.g. the lot name. */
  readonly title: string;
  /** ISO 4217 currency of every amount. */
  readonly currency: string;
  /** Price base date and start of year 1 (YYYY-MM-DD). */
  readonly priceBaseDate: string;
  /** Horizon in whole years: patient entry years, lifecycle horizon and carbon horizon. */
  readonly horizonYears: number;
  /** Discount schedules for costs and health, and the timing convention (pathway module's settings). */
  readonly discounting: DiscountingSettings;
  /** Patients treated a year (constant over the horizon). */
  readonly patientsPerYear: string;
  /** Cost-effectiveness threshold; required when a metric uses net monetary benefit. */
  readonly threshold?: ThresholdInput;
  /** The shared pathway. */
  readonly pathway: EvaluationPathway;
  /** The options: exactly one comparator and the suppliers' offers. */
  readonly options: readonly EvaluationOption[];
  /** The tender: criteria, evaluator scores, consensus, pass/fail, gates, settings. */
  readonly tender: EvaluationTender;
  /** Which computed metric feeds each quantitative criterion, by criterion id (see {@link EVALUATION_METRICS}). */
  readonly criterionMetrics?: Readonly<Record<string, string>>;
  /** Pass/fail criteria decided by sustainability gates: criterion id → gate id (or ids, all must pass). */
  readonly criterionGates?: Readonly<Record<string, string | readonly string[]>>;
  /** Sustainability gates used by `criterionGates` (default: the NHS gates, NHS_SUSTAINABILITY_GATES). */
  readonly sustainabilityGates?: readonly SustainabilityGateDocument[];
  /** The buyer's social value framework (theme set and weighted metrics). */
  readonly socialValue?: {
    /** Bundled theme set (default ppn-06-20). */
    readonly themeSet?: SocialValueThemeSetId;
    /** Caller themes instead of a bundled set. */
    readonly customThemes?: readonly SocialValueCustomTheme[];
    /** Weighted themes and their metrics. */
    readonly themes: readonly SocialValueThemeInput<string | number>[];
  };
  /** Emission factor rules and overrides for the product carbon footprint. */
  readonly carbon?: {
    /** Years without a factor set: exact (default), latest-available or nearest. */
    readonly factorYearRule?: FactorYearRule;
    /** Caller factors. */
    readonly factors?: readonly EmissionFactorOverrideInput<string | number>[];
  };
  /** Monetise carbon with the DESNZ appraisal values: as a whole-life cost externality or as its own criterion. */
  readonly carbonValuation?: {
    /** externality: added to whole-pathway cost (EU 2014/24 Art. 68); criterion: a metric of its own. */
    readonly treatment: "externality" | "criterion";
    /** Carbon value scenario (default central). */
    readonly scenario?: CarbonValueScenario;
    /**
     * Deflator that re-bases the carbon values (DESNZ: 2022 prices) to the evaluation's price year (the year of
     * `priceBaseDate`); default {@link HMT_GDP_DEFLATORS}. It must have both years.
     */
    readonly priceIndex?: PriceIndexSeries;
  };
}
