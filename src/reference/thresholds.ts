import { describedShape } from "../schema/withMeta.js";
import { onFirstUse } from "../schema/onFirstUse.js";
import * as z from "zod/mini";
import { Dec } from "../_lib/decimal.js";
import { fail } from "../errors/VbpInputError.js";
import { checkDecimalInput } from "../schema/decimalInput.js";
import { parseWith } from "../schema/issues.js";
import { currencySchema, isoDateSchema, nonNegativeDecimalSchema, sourceSchema } from "../schema/primitives.js";
import type { CurrencyCode } from "../money/currencies.js";
import type { Source } from "./source.js";

/**
 * A cost-effectiveness threshold (willingness to pay per unit of health) as dated, jurisdiction- and
 * programme-scoped data with its source. Thresholds are never constants in code: look one up with
 * {@link thresholdFor} for the date and programme of the decision, or pass your own data set.
 *
 * @example
 * ```ts
 * const mine: CostEffectivenessThreshold = {
 *   id: "my-board-2026", jurisdiction: "GB-SCT", programmes: ["local-formulary"], currency: "GBP",
 *   lower: "25000", upper: "35000", unit: "per QALY", validFrom: "2026-04-01",
 *   source: { publisher: "My board", title: "Local decision rules", publishedOn: "2026-03-01" },
 * };
 * ```
 */
export interface CostEffectivenessThreshold {
  /** Identifier recorded with results, e.g. `"nice-2026"`. */
  readonly id: string;
  /** Where it applies: ISO 3166 country or subdivision code, e.g. `"GB-ENG"` (England). */
  readonly jurisdiction: string;
  /** Evaluation programmes it applies to, e.g. `"technology-appraisal"`, `"healthtech"`. */
  readonly programmes: readonly string[];
  /** Currency of the amounts. */
  readonly currency: CurrencyCode;
  /** Lower end of the range (the amount below which an option is normally considered cost-effective), decimal string. */
  readonly lower: string;
  /** Upper end of the range, decimal string (equal to `lower` for a single value). */
  readonly upper: string;
  /** What the amount is per. */
  readonly unit: "per QALY";
  /** First day it applies (ISO `YYYY-MM-DD`). */
  readonly validFrom: string;
  /** Last day it applies (inclusive); open-ended when omitted. */
  readonly validTo?: string;
  /** Where the figures come from. */
  readonly source: Source;
}

/**
 * A lookup for {@link thresholdFor}.
 *
 * @example
 * ```ts
 * const q: ThresholdQuery = { jurisdiction: "GB-ENG", programme: "healthtech", on: "2026-06-30" };
 * ```
 */
export interface ThresholdQuery {
  /** ISO 3166 code of the jurisdiction, e.g. `"GB-ENG"`. */
  readonly jurisdiction: string;
  /** Evaluation programme; needed only when thresholds differ between programmes on that date. */
  readonly programme?: string;
  /** Date of the decision (ISO `YYYY-MM-DD`): the threshold in force that day is returned. */
  readonly on: string;
}

const NICE_2026: Source = Object.freeze({
  publisher: "National Institute for Health and Care Excellence",
  title: "Changes to NICE's cost-effectiveness thresholds: questions and answers (\"Are you changing the threshold for all NICE evaluations (digital, healthtech, guidelines) or just medicines?\")",
  publishedOn: "2025-12-01",
  validFrom: "2026-04-01",
  url: "https://indepth.nice.org.uk/changes-to-nices-cost-effectiveness-thresholds/index.html",
  note:
    "Government announcement of 1 December 2025: NICE's standard threshold rises from £20,000–£30,000 to £25,000–£35,000 per QALY, applied from the DHSC direction expected April 2026 (1 April 2026 is used here; override if your evaluation follows a different date). Scope: NICE's Q&A answers that, at this stage, the change applies only to medicines (technology appraisals), not to digital, HealthTech or guidelines; this entry is therefore scoped to the technology-appraisal programme. NICE's implementation statement (ECD19, https://www.nice.org.uk/corporate/ecd19/chapter/implementation-across-nice-work-programmes) is worded more widely; if NICE extends the range to other programmes, pass your own data or a newer release of this list.",
});

const NICE_PMG36: Source = Object.freeze({
  publisher: "National Institute for Health and Care Excellence",
  title: "NICE health technology evaluations: the manual (PMG36), chapter 6 (committee recommendations: cost-effectiveness thresholds)",
  publishedOn: "2022-01-31",
  url: "https://www.nice.org.uk/process/pmg36",
  note: "£20,000–£30,000 per QALY gained: the range NICE has used since its April 2004 Guide to the methods of technology appraisal (validFrom 2004-04-01 marks that guide's month). For technology appraisals it applies until the April 2026 change; for HealthTech, digital and guideline programmes it stays in force (NICE's Q&A on the 2026 change: the new range applies at this stage only to medicines).",
});

/** Programmes other than technology appraisals, which keep £20,000–£30,000 after April 2026. */
const OTHER_PROGRAMMES = Object.freeze(["healthtech", "digital", "guidelines", "diagnostics", "interventional-procedures"]);

/**
 * Cost-effectiveness thresholds the library ships, as data with sources. Any lookup can use a caller's own
 * list instead.
 *
 * - `nice-2004`: NICE (England) technology appraisals, £20,000–£30,000 per QALY, to 31 March 2026.
 * - `nice-2026`: NICE (England) technology appraisals (medicines), £25,000–£35,000 per QALY, from 1 April 2026
 *   (DHSC direction; NICE's Q&A scopes the change to medicines at this stage).
 * - `nice-2004-other`: NICE (England) HealthTech, digital, guideline, diagnostics and interventional-procedure
 *   programmes, £20,000–£30,000 per QALY, still in force (the 2026 change does not apply to them yet).
 *
 * @example
 * ```ts
 * COST_EFFECTIVENESS_THRESHOLDS.map((t) => `${t.id}: ${t.lower}–${t.upper}`);
 * //=> ["nice-2004: 20000–30000", "nice-2026: 25000–35000", "nice-2004-other: 20000–30000"]
 * ```
 */
export const COST_EFFECTIVENESS_THRESHOLDS: readonly CostEffectivenessThreshold[] = Object.freeze([
  Object.freeze({
    id: "nice-2004",
    jurisdiction: "GB-ENG",
    programmes: Object.freeze(["technology-appraisal"]),
    currency: "GBP",
    lower: "20000",
    upper: "30000",
    unit: "per QALY",
    validFrom: "2004-04-01",
    validTo: "2026-03-31",
    source: NICE_PMG36,
  } as const),
  Object.freeze({
    id: "nice-2026",
    jurisdiction: "GB-ENG",
    programmes: Object.freeze(["technology-appraisal"]),
    currency: "GBP",
    lower: "25000",
    upper: "35000",
    unit: "per QALY",
    validFrom: "2026-04-01",
    source: NICE_2026,
  } as const),
  Object.freeze({
    id: "nice-2004-other",
    jurisdiction: "GB-ENG",
    programmes: OTHER_PROGRAMMES,
    currency: "GBP",
    lower: "20000",
    upper: "30000",
    unit: "per QALY",
    validFrom: "2004-04-01",
    source: NICE_PMG36,
  } as const),
]);

function isDecimal(v: unknown): v is string {
  return typeof v === "string" && checkDecimalInput(v).ok;
}

const thresholdSchema = /* @__PURE__ */ onFirstUse(() => z
  .strictObject(describedShape("reference/thresholds:threshold", {
    id: z.string().check(z.minLength(1), z.maxLength(128)),
    jurisdiction: z.string().check(z.minLength(2), z.maxLength(20)),
    programmes: z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.minLength(1), z.maxLength(50)),
    currency: currencySchema(),
    lower: nonNegativeDecimalSchema(),
    upper: nonNegativeDecimalSchema(),
    unit: z.literal("per QALY"),
    validFrom: isoDateSchema(),
    validTo: z.optional(isoDateSchema()),
    source: sourceSchema(),
  })).check(z.superRefine((t, ctx) => {
    if (isDecimal(t.lower) && isDecimal(t.upper) && new Dec(t.upper).lessThan(t.lower)) ctx.addIssue({ code: "custom", path: ["upper"], message: `must be ≥ lower (${t.lower}), got ${t.upper}`, params: { vbpCode: "out_of_order" } });
    if (typeof t.validTo === "string" && typeof t.validFrom === "string" && t.validTo < t.validFrom) ctx.addIssue({ code: "custom", path: ["validTo"], message: `must be on or after validFrom (${t.validFrom}), got ${t.validTo}`, params: { vbpCode: "out_of_order" } });
  })));

const querySchema = /* @__PURE__ */ onFirstUse(() => z.strictObject(describedShape("reference/thresholds:query", {
  jurisdiction: z.string().check(z.minLength(1), z.maxLength(20)),
  programme: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  on: isoDateSchema(),
})));

/**
 * The cost-effectiveness threshold in force in a jurisdiction (and programme) on a date.
 *
 * Matches entries whose jurisdiction equals `jurisdiction`, whose `programmes` include `programme` (when
 * given), and whose validity `[validFrom, validTo]` contains `on`. Exactly one match is returned; none, or
 * several with different figures (e.g. overlapping data, or programmes that differ when no programme is
 * given), is a VbpInputError naming what was found.
 *
 * @param query - `{ jurisdiction, programme?, on }`
 * @param data - the thresholds to search; default {@link COST_EFFECTIVENESS_THRESHOLDS}
 * @returns the matching threshold, with its source
 * @throws VbpInputError for an unknown jurisdiction or programme, a date with no threshold in force, an ambiguous match, or invalid data
 * @example
 * ```ts
 * thresholdFor({ jurisdiction: "GB-ENG", programme: "technology-appraisal", on: "2026-06-30" }).lower; //=> "25000"
 * thresholdFor({ jurisdiction: "GB-ENG", programme: "healthtech", on: "2026-06-30" }).lower;           //=> "20000"
 * ```
 */
export function thresholdFor(query: ThresholdQuery, data: readonly CostEffectivenessThreshold[] = COST_EFFECTIVENESS_THRESHOLDS): CostEffectivenessThreshold {
  const q = parseQuery(query);
  if (data !== COST_EFFECTIVENESS_THRESHOLDS) parseWith(z.strictObject({ data: z.array(thresholdSchema()).check(z.minLength(1), z.maxLength(10_000)) }), { data });
  return inForceOn(q, data);
}

/**
 * @internal {@link thresholdFor} on the bundled {@link COST_EFFECTIVENESS_THRESHOLDS} (the whole job's lookup):
 * the same answers and errors, without the schema that checks a caller's own data, which it never passes.
 */
export function bundledThresholdFor(query: ThresholdQuery): CostEffectivenessThreshold {
  return inForceOn(parseQuery(query), COST_EFFECTIVENESS_THRESHOLDS);
}

/** A query as its schema returns it. */
type CheckedQuery = { readonly jurisdiction: string; readonly programme?: string | undefined; readonly on: string };

function parseQuery(query: ThresholdQuery): CheckedQuery {
  return parseWith(z.strictObject({ query: querySchema() }), { query }).query;
}

/** The one entry of `data` in force for the (checked) query, or a VbpInputError naming what was found. */
function inForceOn(q: CheckedQuery, data: readonly CostEffectivenessThreshold[]): CostEffectivenessThreshold {
  const inJurisdiction = data.filter((t) => t.jurisdiction === q.jurisdiction);
  if (inJurisdiction.length === 0) {
    const known = [...new Set(data.map((t) => t.jurisdiction))].sort().join(", ");
    return fail({ code: "unknown_reference", path: ["query", "jurisdiction"], message: `no threshold for jurisdiction "${q.jurisdiction}" (known: ${known})` });
  }
  const inProgramme = q.programme === undefined ? inJurisdiction : inJurisdiction.filter((t) => t.programmes.includes(q.programme as string));
  if (inProgramme.length === 0) {
    const known = [...new Set(inJurisdiction.flatMap((t) => t.programmes))].sort().join(", ");
    return fail({ code: "unknown_reference", path: ["query", "programme"], message: `no threshold for programme "${q.programme}" in ${q.jurisdiction} (known: ${known})` });
  }
  const inForce = inProgramme.filter((t) => t.validFrom <= q.on && (t.validTo === undefined || q.on <= t.validTo));
  if (inForce.length === 0) {
    const spans = inProgramme.map((t) => `${t.id} ${t.validFrom}–${t.validTo ?? "open"}`).join("; ");
    return fail({ code: "not_computable", path: ["query", "on"], message: `no threshold in force on ${q.on} for ${q.jurisdiction}${q.programme === undefined ? "" : ` (${q.programme})`}; available: ${spans}` });
  }
  if (inForce.length > 1) {
    const ids = inForce.map((t) => t.id).join(", ");
    return fail({
      code: "policy",
      path: q.programme === undefined ? ["query", "programme"] : ["query", "on"],
      message: `ambiguous: ${inForce.length} thresholds are in force on ${q.on} (${ids}); ${q.programme === undefined ? "name the programme" : "the data overlap; pass a data set with one entry in force"}`,
    });
  }
  return inForce[0] as CostEffectivenessThreshold;
}
