import type { Source } from "../../reference/source.js";
import { BUILT_IN_SCALES, type QualitativeScale, type QualitativeScaleId } from "./scales.js";

// The built-in scales' notes and source. Scoring never reads these texts (it reads BUILT_IN_SCALES), so they live
// apart from the levels and stay out of a bundle that only scores.

const OWN_WORDING = "Descriptors are vbp-score's generic wording in the style of UK public-sector tender scoring guides; replace them with the descriptors published in the tender documents.";

const NHS_VBP_GUIDANCE: Source = Object.freeze({
  publisher: "Department of Health and Social Care, NHS England and NHS Supply Chain",
  title: "Value based procurement national standard guidance for medical technology (scoring scale)",
  publishedOn: "2026-06-11",
  url: "https://www.gov.uk/government/publications/value-based-procurement-for-medical-technology/value-based-procurement-national-standard-guidance-for-medical-technology",
  note: "Five-point scale from \"outstanding\" to \"no response\". The end labels are the guidance's; the three middle labels, the values and all descriptors are vbp-score's provisional wording until checked against the guidance's scoring table.",
});

const NHS_VBP_NOTE =
  "Provisional: the middle labels (good, satisfactory, poor), the values 0–4 and the descriptors are vbp-score's wording, not quoted from the guidance; use the tender's published descriptors where they differ.";

/* @__NO_SIDE_EFFECTS__ */
/** A built-in scale with its texts, keys in the published order (id, label, source, note, levels). */
function withTexts(id: QualitativeScaleId, note: string, source?: Source): QualitativeScale {
  const { label, levels } = BUILT_IN_SCALES[id];
  return Object.freeze(source === undefined ? { id, label, note, levels } : { id, label, source, note, levels });
}

/**
 * Built-in qualitative scales, frozen data with descriptors:
 *
 * - `0-5`: six levels, unacceptable (0) to excellent (5).
 * - `0-10`: eleven levels, no response (0) to outstanding (10).
 * - `0-25-50-75-100`: five percentage levels, unacceptable to excellent.
 * - `nhs-vbp-5`: the NHS value based procurement five-point scale, "no response" (0) to "outstanding" (4)
 *   (DHSC/NHS England/NHS Supply Chain, June 2026). Provisional: see its `note`.
 *
 * Descriptors of the generic scales are the library's own wording; replace them with the tender's.
 *
 * @example
 * ```ts
 * QUALITATIVE_SCALES["nhs-vbp-5"].levels.map((l) => l.label);
 * //=> ["no response", "poor", "satisfactory", "good", "outstanding"]
 * ```
 */
export const QUALITATIVE_SCALES: Readonly<Record<QualitativeScaleId, QualitativeScale>> & Readonly<Record<string, QualitativeScale | undefined>> = /* @__PURE__ */ Object.freeze({
  "0-5": withTexts("0-5", OWN_WORDING),
  "0-10": withTexts("0-10", OWN_WORDING),
  "0-25-50-75-100": withTexts("0-25-50-75-100", OWN_WORDING),
  "nhs-vbp-5": withTexts("nhs-vbp-5", NHS_VBP_NOTE, NHS_VBP_GUIDANCE),
});
