import { fail } from "../errors/VbpInputError.js";
import type { Source } from "../reference/source.js";
import type { QualitativeScale } from "./functions/scales.js";
import { QUALITATIVE_SCALES } from "./functions/qualitativeScales.js";
import { NHS_VBP_VALUE_DOMAINS, WEIGHT_POLICIES, type WeightPolicy } from "./policies.js";

/**
 * A label or rule of the NHS VBP standard as data: the wording used here, and whether it was confirmed against
 * the published guidance (`provisional: true` when it was not: the wording is then the library's).
 *
 * @example
 * ```ts
 * const d: NhsVbpDomain = { tag: "purpose", label: "Purpose", provisional: true };
 * ```
 * @category Reference data
 */
export interface NhsVbpDomain {
  /** The criterion tag that marks the domain in a tender (used by the weight policy). */
  readonly tag: (typeof NHS_VBP_VALUE_DOMAINS)[number];
  /** The domain's name. */
  readonly label: string;
  /** True when the label was not confirmed against the published guidance. */
  readonly provisional: boolean;
}

/**
 * One row of the evidence-maturity rule: the evidence a buyer may expect, in proportion to how mature the
 * evidence base for the technology and the supplier base are.
 *
 * @example
 * ```ts
 * NHS_VBP_STANDARD.evidenceMaturity.rows[0]?.expectation;
 * ```
 * @category Reference data
 */
export interface EvidenceMaturityRow {
  /** How mature the evidence for the technology is. */
  readonly evidence: "emerging" | "developing" | "established";
  /** How mature the supplier base (market) is. */
  readonly market: "new" | "established";
  /** The evidence standard proportionate to that maturity. */
  readonly expectation: string;
}

/**
 * The NHS value based procurement national standard for medical technology (June 2026) as data: the five
 * value domains and their weight rules, the five-point scoring scale, and the evidence-maturity rule.
 *
 * @example
 * ```ts
 * NHS_VBP_STANDARD.domains.map((d) => d.tag);
 * //=> ["social-value", "efficiency", "patient-and-staff", "supply-chain", "purpose"]
 * ```
 * @category Reference data
 */
export interface NhsVbpStandard {
  /** Identifier recorded with results. */
  readonly id: "nhs-vbp-2026";
  /** The five value domains. */
  readonly domains: readonly NhsVbpDomain[];
  /** The weight rules (≥ 60% across the domains, social value ≥ 10%, whole-life cost ≤ 40%), as a weight policy. */
  readonly weightPolicy: WeightPolicy;
  /** The five-point scale, from "no response" to "outstanding". */
  readonly scale: QualitativeScale;
  /** Number of questions in the standard's question bank. */
  readonly questionBankSize: 21;
  /** The evidence-maturity rule. */
  readonly evidenceMaturity: {
    /** The rule in words. */
    readonly rule: string;
    /** The expectation per maturity pair. */
    readonly rows: readonly EvidenceMaturityRow[];
    /** True: the rows are the library's operationalisation, not quoted from the guidance. */
    readonly provisional: boolean;
  };
  /** Where it comes from, with what is provisional. */
  readonly source: Source;
}

const SOURCE: Source = Object.freeze({
  publisher: "Department of Health and Social Care, NHS England and NHS Supply Chain",
  title: "Value based procurement national standard guidance for medical technology",
  publishedOn: "2026-06-11",
  url: "https://www.gov.uk/government/publications/value-based-procurement-for-medical-technology/value-based-procurement-national-standard-guidance-for-medical-technology",
  note:
    "Confirmed from the guidance as recorded in the project's design notes: at least 60% of the weighting across five value domains, of which social value at least 10%; whole life cost at most 40%; a five-point scale from \"outstanding\" to \"no response\"; a bank of 21 questions; evidence standards in proportion to how mature the evidence and the supplier base are. PROVISIONAL (not checked against the guidance text): the exact domain names beyond the five recorded (social value; efficiency; patient and staff; supply chain; purpose), the scale's three middle labels and every descriptor, and the rows of the evidence-maturity table, which are the library's wording. Replace them with the guidance's own wording where it differs.",
});

const MATURITY_ROWS: readonly EvidenceMaturityRow[] = Object.freeze([
  Object.freeze({ evidence: "emerging", market: "new", expectation: "A credible value proposition with early clinical or real-world data and a plan to generate evidence (e.g. an evaluation or registry) during the contract." } as const),
  Object.freeze({ evidence: "emerging", market: "established", expectation: "Early clinical or real-world data, benchmarked against the established alternatives, with a post-market evidence plan." } as const),
  Object.freeze({ evidence: "developing", market: "new", expectation: "At least one comparative study in the intended population and a post-market surveillance plan." } as const),
  Object.freeze({ evidence: "developing", market: "established", expectation: "Comparative studies in the intended population and real-world outcome data from NHS settings." } as const),
  Object.freeze({ evidence: "established", market: "new", expectation: "Randomised or well-controlled comparative evidence, with outcome data reported during the contract." } as const),
  Object.freeze({ evidence: "established", market: "established", expectation: "Randomised trials or a systematic review in the intended population, and routine outcome reporting (e.g. a registry)." } as const),
]);

/**
 * The NHS VBP national standard (June 2026), as shipped. Labels and rows not confirmed against the guidance are
 * flagged `provisional`, and the source note says which.
 *
 * @example
 * ```ts
 * NHS_VBP_STANDARD.weightPolicy.rules.map((r) => `${r.kind} ${r.percent}`); //=> ["min 60", "min 10", "max 40"]
 * NHS_VBP_STANDARD.scale.levels.at(-1)?.label;                               //=> "outstanding"
 * ```
 * @category Reference data
 */
export const NHS_VBP_STANDARD: NhsVbpStandard = Object.freeze({
  id: "nhs-vbp-2026",
  domains: Object.freeze([
    Object.freeze({ tag: "social-value", label: "Social value", provisional: false } as const),
    Object.freeze({ tag: "efficiency", label: "Efficiency", provisional: true } as const),
    Object.freeze({ tag: "patient-and-staff", label: "Patient and staff", provisional: true } as const),
    Object.freeze({ tag: "supply-chain", label: "Supply chain", provisional: true } as const),
    Object.freeze({ tag: "purpose", label: "Purpose", provisional: true } as const),
  ]),
  weightPolicy: WEIGHT_POLICIES["nhs-vbp-2026"],
  scale: QUALITATIVE_SCALES["nhs-vbp-5"],
  questionBankSize: 21,
  evidenceMaturity: Object.freeze({
    rule: "Evidence standards in proportion to how mature the evidence for the technology and the supplier base are: a buyer asks less of an emerging technology in a new market than of an established one, and says so in the tender.",
    rows: MATURITY_ROWS,
    provisional: true,
  }),
  source: SOURCE,
});

/**
 * The evidence standard the evidence-maturity rule expects for a technology and market.
 *
 * @param evidence - `"emerging"`, `"developing"` or `"established"`
 * @param market - `"new"` or `"established"`
 * @returns the row (flagged provisional through {@link NHS_VBP_STANDARD})
 * @throws VbpInputError for an unknown maturity
 * @example
 * ```ts
 * evidenceExpectation("developing", "new").expectation;
 * //=> "At least one comparative study in the intended population and a post-market surveillance plan."
 * ```
 * @category Reference data
 */
export function evidenceExpectation(evidence: EvidenceMaturityRow["evidence"], market: EvidenceMaturityRow["market"]): EvidenceMaturityRow {
  const row = MATURITY_ROWS.find((r) => r.evidence === evidence && r.market === market);
  if (row === undefined) {
    return fail({ code: "invalid_value", path: [MATURITY_ROWS.some((r) => r.evidence === evidence) ? "market" : "evidence"], message: `unknown maturity ${JSON.stringify(evidence)} / ${JSON.stringify(market)}; evidence is one of emerging, developing, established; market one of new, established` });
  }
  return row;
}
