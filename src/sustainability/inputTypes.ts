import type { Source } from "../reference/source.js";
import type { DiscountTiming } from "../time/discount.js";
import type { CarbonValueScenario } from "./carbonValues.js";
import type { FactorYearRule } from "./emissionFactors.js";
import type { SocialValueThemeSetId } from "./socialValueThemes.js";

/*
 * The input types of the sustainability module, written out so that every key is documented in the API
 * reference. Each is generic in `D`, the type of a decimal: `string | number` as the caller writes it
 * (`…Document` types), `string` once validated (canonical decimal strings). The zod schemas in schemas.ts are
 * checked against these types at compile time.
 */

/**
 * A {@link Source} as it arrives in input: optional keys may also be present as `undefined`.
 *
 * @example
 * ```ts
 * const s: SourceInput = { publisher: "Acme Medical", title: "Product carbon footprint, PAS 2050", publishedOn: "2025-03-01" };
 * ```
 */
export type SourceInput = { readonly [K in keyof Source]: Source[K] | undefined };

/**
 * The same quantity in every year of the horizon.
 *
 * @example
 * ```ts
 * const q: PerYearQuantity = { perYear: "1000" };
 * ```
 */
export interface PerYearQuantity<D = string> {
  /** Quantity in every year of the horizon. */
  readonly perYear: D;
}

/**
 * A quantity per use, multiplied by the option's `usesPerYear`.
 *
 * @example
 * ```ts
 * const q: PerUseQuantity = { perUse: "0.35" };
 * ```
 */
export interface PerUseQuantity<D = string> {
  /** Quantity per use. */
  readonly perUse: D;
}

/**
 * A quantity per patient, multiplied by the option's `patientsPerYear`.
 *
 * @example
 * ```ts
 * const q: PerPatientQuantity = { perPatient: "0.5" };
 * ```
 */
export interface PerPatientQuantity<D = string> {
  /** Quantity per patient. */
  readonly perPatient: D;
}

/**
 * A quantity in one year only (with `serviceLifeYears` on an embodied line: repeated as replacements).
 *
 * @example
 * ```ts
 * const q: OnceQuantity = { once: "2", year: 2026 };
 * ```
 */
export interface OnceQuantity<D = string> {
  /** Quantity in that year. */
  readonly once: D;
  /** Calendar year (default: the first year of the horizon). */
  readonly year?: number | undefined;
}

/**
 * How much activity, and when.
 *
 * @example
 * ```ts
 * const q: CarbonQuantity = { perYear: "1000" };
 * ```
 */
export type CarbonQuantity<D = string> = PerYearQuantity<D> | PerUseQuantity<D> | PerPatientQuantity<D> | OnceQuantity<D>;

/**
 * A library emission factor, looked up for the year the activity happens.
 *
 * @example
 * ```ts
 * const f: LibraryFactorRef = { factorId: "uk-electricity-generation" };
 * ```
 */
export interface LibraryFactorRef {
  /** Factor id in the bundled UK conversion factors or in the caller's `factors`. */
  readonly factorId: string;
}

/**
 * A factor stated by the caller, the same in every year.
 *
 * @example
 * ```ts
 * const f: StatedFactor = { kgCO2ePerUnit: "50", note: "supplier PCF, cradle to gate" };
 * ```
 */
export interface StatedFactor<D = string> {
  /** kgCO2e per unit of activity. */
  readonly kgCO2ePerUnit: D;
  /** Where the figure comes from (recommended). */
  readonly source?: SourceInput | undefined;
  /** Basis of the figure. */
  readonly note?: string | undefined;
}

/**
 * The emission factor of an activity line.
 *
 * @example
 * ```ts
 * const f: CarbonFactorRef = { factorId: "uk-electricity-generation" };
 * ```
 */
export type CarbonFactorRef<D = string> = LibraryFactorRef | StatedFactor<D>;

/**
 * One activity line: quantity × emission factor.
 *
 * @example
 * ```ts
 * const line: CarbonActivityInput = { id: "power", source: "grid electricity", quantity: { perYear: "1000" }, unit: "kWh", factor: { factorId: "uk-electricity-generation" } };
 * ```
 */
export interface CarbonActivityInput<D = string> {
  /** Line id, unique within the option. */
  readonly id: string;
  /** Emission source for the by-source breakdown (default: the id). */
  readonly source?: string | undefined;
  /** How much, and when. */
  readonly quantity: CarbonQuantity<D>;
  /** Unit of the quantity; must match a library factor's unit. */
  readonly unit: string;
  /** The factor. */
  readonly factor: CarbonFactorRef<D>;
}

/**
 * An embodied (manufacture) line: units bought × kgCO2e per unit, with replacements.
 *
 * @example
 * ```ts
 * const d: CarbonEmbodiedInput = { id: "device", quantity: { once: "2" }, serviceLifeYears: 5, unit: "unit", factor: { kgCO2ePerUnit: "120" } };
 * ```
 */
export interface CarbonEmbodiedInput<D = string> extends CarbonActivityInput<D> {
  /** With a `once` quantity: bought again every this many years within the horizon. */
  readonly serviceLifeYears?: number | undefined;
}

/**
 * One option's activities by lifecycle stage, and its volumes.
 *
 * @example
 * ```ts
 * const o: CarbonOptionInput = { id: "a", usesPerYear: "200", consumables: [{ id: "set", quantity: { perUse: "1" }, unit: "unit", factor: { kgCO2ePerUnit: "0.4" } }] };
 * ```
 */
export interface CarbonOptionInput<D = string> {
  /** Option id. */
  readonly id: string;
  /** Option name. */
  readonly label?: string | undefined;
  /** Patients a year (per-patient quantities and figures). */
  readonly patientsPerYear?: D | undefined;
  /** Uses a year (per-use quantities and figures). */
  readonly usesPerYear?: D | undefined;
  /** Embodied / manufacture lines. */
  readonly embodied?: readonly CarbonEmbodiedInput<D>[] | undefined;
  /** Transport lines. */
  readonly transport?: readonly CarbonActivityInput<D>[] | undefined;
  /** Energy-in-use lines. */
  readonly energy?: readonly CarbonActivityInput<D>[] | undefined;
  /** Consumables lines. */
  readonly consumables?: readonly CarbonActivityInput<D>[] | undefined;
  /** Waste and disposal lines. */
  readonly waste?: readonly CarbonActivityInput<D>[] | undefined;
  /** Pathway activity lines (bed days, theatre hours, visits). */
  readonly pathway?: readonly CarbonActivityInput<D>[] | undefined;
}

/**
 * A caller's emission factor in a carbon request.
 *
 * @example
 * ```ts
 * const o: EmissionFactorOverrideInput = { factorId: "hgv-average-laden", year: 2025, kgCO2ePerUnit: "0.11", unit: "tonne-km", source: { publisher: "Carrier", title: "Declared factor", publishedOn: "2025-02-01" } };
 * ```
 */
export interface EmissionFactorOverrideInput<D = string> {
  /** Factor id (an existing id replaces the bundled value for that year). */
  readonly factorId: string;
  /** Calendar year of activity. */
  readonly year: number;
  /** kgCO2e per unit. */
  readonly kgCO2ePerUnit: D;
  /** Unit of activity. */
  readonly unit: string;
  /** What the factor converts. */
  readonly label?: string | undefined;
  /** Where the factor comes from. */
  readonly source: SourceInput;
}

/**
 * A carbon footprint request.
 *
 * @example
 * ```ts
 * const r: CarbonInputOf<string> = { startYear: 2025, horizonYears: 10, factorYearRule: "latest-available", options: [{ id: "a" }] };
 * ```
 */
export interface CarbonInputOf<D = string> {
  /** First calendar year of the horizon. */
  readonly startYear: number;
  /** Years evaluated (1–100). */
  readonly horizonYears: number;
  /** Years without a factor set (default `"exact"`: an error). */
  readonly factorYearRule?: FactorYearRule | undefined;
  /** Caller factors overriding or extending the bundled data. */
  readonly factors?: readonly EmissionFactorOverrideInput<D>[] | undefined;
  /** Options compared. */
  readonly options: readonly CarbonOptionInput<D>[];
}

/**
 * A carbon footprint request as the caller writes it (decimals as strings or numbers).
 *
 * @example
 * ```ts
 * const input: CarbonInputDocument = { startYear: 2025, horizonYears: 2, options: [{ id: "a", energy: [{ id: "power", quantity: { perYear: 1000 }, unit: "kWh", factor: { factorId: "uk-electricity-generation" } }] }] };
 * ```
 */
export type CarbonInputDocument = CarbonInputOf<string | number>;

/**
 * A validated carbon footprint request (decimals as canonical strings).
 *
 * @example
 * ```ts
 * const parsed: CarbonInput = parseCarbonInput({ startYear: 2025, horizonYears: 1, options: [{ id: "a" }] });
 * ```
 */
export type CarbonInput = CarbonInputOf<string>;

// ---------------------------------------------------------------- monetisation

/**
 * kgCO2e emitted in one year.
 *
 * @example
 * ```ts
 * const e: CarbonEmissionsInYear = { year: 2026, kgCO2e: "1000" };
 * ```
 */
export interface CarbonEmissionsInYear<D = string> {
  /** Calendar year of emission. */
  readonly year: number;
  /** kgCO2e (negative for avoided emissions). */
  readonly kgCO2e: D;
}

/**
 * A price index in input.
 *
 * @example
 * ```ts
 * const ix: PriceIndexInput = { id: "gdp", label: "GDP deflator", values: { "2022": "100", "2025": "108.5" } };
 * ```
 */
export interface PriceIndexInput<D = string> {
  /** Index id. */
  readonly id: string;
  /** Index name. */
  readonly label: string;
  /** Index value (> 0) by price year label. */
  readonly values: Readonly<Record<string, D>>;
  /** Where the index comes from. */
  readonly source?: SourceInput | undefined;
}

/**
 * One step of a discount schedule in input.
 *
 * @example
 * ```ts
 * const s: DiscountStepInput = { fromYear: 0, rate: "0.035" };
 * ```
 */
export interface DiscountStepInput<D = string> {
  /** Years from the price base at which the rate starts. */
  readonly fromYear: number;
  /** Annual rate as a fraction. */
  readonly rate: D;
}

/**
 * A discount schedule in input.
 *
 * @example
 * ```ts
 * const s: DiscountScheduleInput = { id: "r35", label: "3.5%", steps: [{ fromYear: 0, rate: "0.035" }] };
 * ```
 */
export interface DiscountScheduleInput<D = string> {
  /** Schedule id. */
  readonly id: string;
  /** Schedule name. */
  readonly label: string;
  /** Steps, the first at year 0. */
  readonly steps: readonly DiscountStepInput<D>[];
  /** Where the rates come from. */
  readonly source?: SourceInput | undefined;
}

/**
 * A carbon value series in input.
 *
 * @example
 * ```ts
 * const s: CarbonValueSeriesInput = { id: "flat", label: "Flat", currency: "GBP", priceYear: "2025", central: { "2026": "100" }, lowMultiplier: "0.5", highMultiplier: "1.5",
 *   source: { publisher: "Trust", title: "Policy", publishedOn: "2025-01-01" } };
 * ```
 */
export interface CarbonValueSeriesInput<D = string> {
  /** Series id. */
  readonly id: string;
  /** Series name. */
  readonly label: string;
  /** ISO 4217 currency. */
  readonly currency: string;
  /** Price year of the values. */
  readonly priceYear: string;
  /** Central value per tCO2e by calendar year. */
  readonly central: Readonly<Record<string, D>>;
  /** Low = central × this. */
  readonly lowMultiplier: D;
  /** High = central × this. */
  readonly highMultiplier: D;
  /** Where the values come from. */
  readonly source: SourceInput;
  /** Anything derived rather than published. */
  readonly note?: string | undefined;
}

/**
 * What to do for years a carbon value series does not cover.
 *
 * @example
 * ```ts
 * const r: CarbonValueRuleInput = { outsideData: "hold-nearest" };
 * ```
 */
export interface CarbonValueRuleInput {
  /** Years outside the series. */
  readonly outsideData?: "error" | "hold-nearest" | undefined;
  /** Missing years inside the series. */
  readonly gaps?: "error" | "interpolate-linear" | undefined;
}

/**
 * Discounting of monetised carbon.
 *
 * @example
 * ```ts
 * const d: CarbonDiscountInput = { schedule: { id: "r35", label: "3.5%", steps: [{ fromYear: 0, rate: "0.035" }] }, baseYear: 2025 };
 * ```
 */
export interface CarbonDiscountInput<D = string> {
  /** Discount schedule. */
  readonly schedule: DiscountScheduleInput<D>;
  /** Calendar year that is year 0. */
  readonly baseYear: number;
  /** Timing convention (default start of year, annual); either part may be left out and takes its default. */
  readonly timing?:
    | {
        /** Where within each year its flows happen (default start: first year undiscounted). */
        readonly position?: DiscountTiming["position"] | undefined;
        /** Annual (default) or continuous compounding. */
        readonly compounding?: DiscountTiming["compounding"] | undefined;
      }
    | undefined;
}

/**
 * A carbon monetisation request.
 *
 * @example
 * ```ts
 * const r: CarbonMonetisationInputOf<string> = { emissions: [{ year: 2026, kgCO2e: "1000" }], scenarios: ["central"] };
 * ```
 */
export interface CarbonMonetisationInputOf<D = string> {
  /** kgCO2e by year. */
  readonly emissions: readonly CarbonEmissionsInYear<D>[];
  /** Scenarios (default all three). */
  readonly scenarios?: readonly CarbonValueScenario[] | undefined;
  /** Price year of the evaluation. */
  readonly priceYear?: string | undefined;
  /** Index to re-base carbon values to `priceYear`. */
  readonly priceIndex?: PriceIndexInput<D> | undefined;
  /** Carbon value series (default DESNZ). */
  readonly carbonValues?: CarbonValueSeriesInput<D> | undefined;
  /** Years without a carbon value. */
  readonly rule?: CarbonValueRuleInput | undefined;
  /** Optional discounting. */
  readonly discount?: CarbonDiscountInput<D> | undefined;
  /** Externality in whole-life cost, or its own criterion (recorded only). */
  readonly treatment?: "externality" | "criterion" | undefined;
}

/**
 * A carbon monetisation request as the caller writes it.
 *
 * @example
 * ```ts
 * const req: CarbonMonetisationInputDocument = { emissions: [{ year: 2026, kgCO2e: 1000 }] };
 * ```
 */
export type CarbonMonetisationInputDocument = CarbonMonetisationInputOf<string | number>;

/**
 * A validated carbon monetisation request.
 *
 * @example
 * ```ts
 * const parsed: CarbonMonetisationInput = carbonMonetisationInputSchema.parse({ emissions: [{ year: 2026, kgCO2e: 1000 }] });
 * ```
 */
export type CarbonMonetisationInput = CarbonMonetisationInputOf<string>;

// ---------------------------------------------------------------- social value

/**
 * A caller's own social value theme.
 *
 * @example
 * ```ts
 * const t: SocialValueCustomTheme = { id: "local", label: "Local supply chain" };
 * ```
 */
export interface SocialValueCustomTheme {
  /** Theme id. */
  readonly id: string;
  /** Theme name. */
  readonly label: string;
  /** What it covers. */
  readonly description?: string | undefined;
}

/**
 * A measurable metric the buyer scores within a theme.
 *
 * @example
 * ```ts
 * const m: SocialValueMetricInput = { id: "apprentice-weeks", label: "Apprenticeship weeks", unit: "weeks", benchmark: "52" };
 * ```
 */
export interface SocialValueMetricInput<D = string> {
  /** Metric id, unique within the theme. */
  readonly id: string;
  /** What is measured. */
  readonly label: string;
  /** Unit commitments must use. */
  readonly unit: string;
  /** Full marks (higher-is-better) or where marks start to fall (lower-is-better). */
  readonly benchmark: D;
  /** Direction of merit (default higher-is-better). */
  readonly direction?: "higher-is-better" | "lower-is-better" | undefined;
  /** Weight within the theme (default 1). */
  readonly weight?: D | undefined;
  /** Whether a commitment without evidence scores 0 (default true). */
  readonly evidenceRequired?: boolean | undefined;
}

/**
 * A theme the buyer evaluates.
 *
 * @example
 * ```ts
 * const t: SocialValueThemeInput = { themeId: "wellbeing", weight: "5", metrics: [{ id: "m", label: "Hours", unit: "h", benchmark: "10" }] };
 * ```
 */
export interface SocialValueThemeInput<D = string> {
  /** Theme id in the theme set. */
  readonly themeId: string;
  /** Weight (points or fraction). */
  readonly weight: D;
  /** Metrics scored. */
  readonly metrics: readonly SocialValueMetricInput<D>[];
}

/**
 * Evidence offered for a commitment.
 *
 * @example
 * ```ts
 * const e: SocialValueEvidence = { kind: "policy", reference: "https://supplier.example/policy.pdf" };
 * ```
 */
export interface SocialValueEvidence {
  /** Kind of evidence. */
  readonly kind: string;
  /** Where it is. */
  readonly reference: string;
}

/**
 * A supplier's measurable commitment.
 *
 * @example
 * ```ts
 * const c: SocialValueCommitmentInput = { id: "c1", themeId: "wellbeing", metricId: "m", description: "10 hours", target: "10", unit: "h" };
 * ```
 */
export interface SocialValueCommitmentInput<D = string> {
  /** Commitment id. */
  readonly id: string;
  /** Theme addressed. */
  readonly themeId: string;
  /** Metric within the theme. */
  readonly metricId: string;
  /** The commitment in the supplier's words. */
  readonly description: string;
  /** Target in the metric's unit. */
  readonly target: D;
  /** Unit of the target. */
  readonly unit: string;
  /** Date by which the target is met. */
  readonly deadline?: string | undefined;
  /** Evidence offered. */
  readonly evidence?: readonly SocialValueEvidence[] | undefined;
}

/**
 * A social value scoring request.
 *
 * @example
 * ```ts
 * const r: SocialValueInputOf<string> = { themes: [{ themeId: "wellbeing", weight: "5", metrics: [{ id: "m", label: "Hours", unit: "h", benchmark: "10" }] }], commitments: [] };
 * ```
 */
export interface SocialValueInputOf<D = string> {
  /** Bundled theme set (default ppn-06-20). */
  readonly themeSet?: SocialValueThemeSetId | undefined;
  /** Caller themes used instead of a bundled set. */
  readonly customThemes?: readonly SocialValueCustomTheme[] | undefined;
  /** Themes evaluated. */
  readonly themes: readonly SocialValueThemeInput<D>[];
  /** The supplier's commitments. */
  readonly commitments: readonly SocialValueCommitmentInput<D>[];
}

/**
 * A social value scoring request as the caller writes it.
 *
 * @example
 * ```ts
 * const req: SocialValueInputDocument = { themes: [{ themeId: "wellbeing", weight: 5, metrics: [{ id: "m", label: "Staff wellbeing hours", unit: "hours", benchmark: 100 }] }], commitments: [] };
 * ```
 */
export type SocialValueInputDocument = SocialValueInputOf<string | number>;

/**
 * A validated social value scoring request.
 *
 * @example
 * ```ts
 * const parsed: SocialValueInput = socialValueInputSchema.parse(req);
 * ```
 */
export type SocialValueInput = SocialValueInputOf<string>;

// ---------------------------------------------------------------- gates

/**
 * A document a supplier has provided.
 *
 * @example
 * ```ts
 * const d: SupplierDocumentEvidence = { published: true, url: "https://acme.example/crp", publishedOn: "2025-03-31" };
 * ```
 */
export interface SupplierDocumentEvidence {
  /** Whether it is published. */
  readonly published: boolean;
  /** Where. */
  readonly url?: string | undefined;
  /** Date published or last updated. */
  readonly publishedOn?: string | undefined;
  /** For a net zero commitment: the target year. */
  readonly targetYear?: number | undefined;
}

/**
 * A supplier's sustainability evidence.
 *
 * @example
 * ```ts
 * const ev: SupplierEvidence = { supplierId: "acme", documents: { "carbon-reduction-plan": { published: true, url: "https://acme.example/crp" } }, assessments: { evergreen: 2 } };
 * ```
 */
export interface SupplierEvidence {
  /** Supplier id. */
  readonly supplierId: string;
  /** Documents by id, e.g. `carbon-reduction-plan`, `net-zero-commitment`. */
  readonly documents?: Readonly<Record<string, SupplierDocumentEvidence>> | undefined;
  /** Assessment levels by id, e.g. `{ evergreen: 2 }`. */
  readonly assessments?: Readonly<Record<string, number>> | undefined;
}

/**
 * A gate rule as data: a published document (optionally with a URL and a target year no later than a limit),
 * or a minimum assessment level.
 *
 * @example
 * ```ts
 * const r: SustainabilityGateRule = { kind: "minimum-level", assessment: "evergreen", minimum: 1 };
 * ```
 */
export type SustainabilityGateRule = DocumentPublishedRule | MinimumLevelRule;

/**
 * Passes when the named document is published.
 *
 * @example
 * ```ts
 * const r: DocumentPublishedRule = { kind: "document-published", document: "net-zero-commitment", latestTargetYear: 2045 };
 * ```
 */
export interface DocumentPublishedRule {
  /** Rule kind. */
  readonly kind: "document-published";
  /** Document id in the supplier's evidence. */
  readonly document: string;
  /** Also require a URL (default false). */
  readonly requireUrl?: boolean | undefined;
  /** Also require a targetYear no later than this. */
  readonly latestTargetYear?: number | undefined;
}

/**
 * Passes when an assessment level is at least the minimum.
 *
 * @example
 * ```ts
 * const r: MinimumLevelRule = { kind: "minimum-level", assessment: "evergreen", minimum: 1 };
 * ```
 */
export interface MinimumLevelRule {
  /** Rule kind. */
  readonly kind: "minimum-level";
  /** Assessment id in the supplier's evidence, e.g. `evergreen`. */
  readonly assessment: string;
  /** Minimum level. */
  readonly minimum: number;
}

/**
 * A data-defined sustainability gate (no functions: it can be stored as JSON).
 *
 * @example
 * ```ts
 * const g: SustainabilityGateDocument = { id: "crp", label: "CRP published", rule: { kind: "document-published", document: "carbon-reduction-plan" } };
 * ```
 */
export interface SustainabilityGateDocument {
  /** Gate id. */
  readonly id: string;
  /** What the gate requires, in words. */
  readonly label: string;
  /** The rule. */
  readonly rule: SustainabilityGateRule;
  /** The policy the gate implements. */
  readonly source?: SourceInput | undefined;
}
