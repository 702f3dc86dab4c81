import { describe, expect, it } from "vitest";
import { COST_EFFECTIVENESS_THRESHOLDS, thresholdFor, type CostEffectivenessThreshold } from "../../src/analysis/index.js";
import { issueLines } from "../_helpers/thrown.js";

const src = { publisher: "Test board", title: "Local rules", publishedOn: "2026-01-01" };

describe("thresholdFor", () => {
  it("returns the NICE range in force on the date (£20k–£30k to 31 March 2026, £25k–£35k from 1 April 2026)", () => {
    // NICE ECD19 (implementation of the threshold change) and the government announcement of 1 December 2025.
    const before = thresholdFor({ jurisdiction: "GB-ENG", programme: "technology-appraisal", on: "2026-03-31" });
    expect([before.id, before.lower, before.upper, before.currency, before.unit]).toEqual(["nice-2004", "20000", "30000", "GBP", "per QALY"]);
    const after = thresholdFor({ jurisdiction: "GB-ENG", programme: "technology-appraisal", on: "2026-04-01" });
    expect([after.id, after.lower, after.upper]).toEqual(["nice-2026", "25000", "35000"]);
    expect(after.source.url).toMatch(/^https:\/\/indepth\.nice\.org\.uk\//);
    expect(after.validFrom).toBe("2026-04-01");
    expect(thresholdFor({ jurisdiction: "GB-ENG", programme: "technology-appraisal", on: "2040-01-01" }).id).toBe("nice-2026");
  });

  it("scopes the 2026 range to technology appraisals (medicines); HealthTech, digital and guidelines keep £20k–£30k", () => {
    // NICE, "Changes to NICE's cost-effectiveness thresholds" Q&A: "Are you changing the threshold for all NICE
    // evaluations (digital, healthtech, guidelines) or just medicines?" — at this stage, medicines only.
    // NICE PMG36 chapter 6: £20,000–£30,000 per QALY for the other programmes.
    for (const programme of ["healthtech", "digital", "guidelines"]) {
      const t = thresholdFor({ jurisdiction: "GB-ENG", programme, on: "2026-09-01" });
      expect([t.id, t.lower, t.upper]).toEqual(["nice-2004-other", "20000", "30000"]);
      expect(t.source.title).toContain("PMG36");
    }
    const ta = thresholdFor({ jurisdiction: "GB-ENG", programme: "technology-appraisal", on: "2026-09-01" });
    expect(ta.source.note).toContain("only to medicines (technology appraisals)");
    expect(ta.source.url).toBe("https://indepth.nice.org.uk/changes-to-nices-cost-effectiveness-thresholds/index.html");
    // Without a programme, the lookup is ambiguous (two programmes' entries in force): it must be named.
    expect(issueLines(() => thresholdFor({ jurisdiction: "GB-ENG", on: "2026-09-01" }))[0]).toContain("name the programme");
  });

  it("ships the data frozen, each entry with a source", () => {
    expect(Object.isFrozen(COST_EFFECTIVENESS_THRESHOLDS)).toBe(true);
    for (const t of COST_EFFECTIVENESS_THRESHOLDS) {
      expect(Object.isFrozen(t)).toBe(true);
      expect(t.source.publisher.length).toBeGreaterThan(0);
    }
  });

  it("reports unknown jurisdictions, programmes and dates, naming what is available", () => {
    expect(issueLines(() => thresholdFor({ jurisdiction: "FR", on: "2026-06-01" }))).toEqual(['unknown_reference query.jurisdiction: no threshold for jurisdiction "FR" (known: GB-ENG)']);
    expect(issueLines(() => thresholdFor({ jurisdiction: "GB-ENG", programme: "orphan", on: "2026-06-01" }))).toEqual([
      'unknown_reference query.programme: no threshold for programme "orphan" in GB-ENG (known: diagnostics, digital, guidelines, healthtech, interventional-procedures, technology-appraisal)',
    ]);
    expect(issueLines(() => thresholdFor({ jurisdiction: "GB-ENG", programme: "technology-appraisal", on: "1999-01-01" }))).toEqual([
      "not_computable query.on: no threshold in force on 1999-01-01 for GB-ENG (technology-appraisal); available: nice-2004 2004-04-01–2026-03-31; nice-2026 2026-04-01–open",
    ]);
    expect(issueLines(() => thresholdFor({ jurisdiction: "GB-ENG", on: "2026-02-30" }))).toEqual(['invalid_format query.on: must be a calendar date in YYYY-MM-DD form, got "2026-02-30"']);
  });

  it("uses the caller's data set, and refuses ambiguous lookups and invalid data", () => {
    const mine: CostEffectivenessThreshold[] = [
      { id: "std", jurisdiction: "XX", programmes: ["medicines"], currency: "EUR", lower: "30000", upper: "30000", unit: "per QALY", validFrom: "2020-01-01", source: src },
      { id: "rare", jurisdiction: "XX", programmes: ["rare-disease"], currency: "EUR", lower: "100000", upper: "100000", unit: "per QALY", validFrom: "2020-01-01", source: src },
    ];
    expect(thresholdFor({ jurisdiction: "XX", programme: "rare-disease", on: "2026-01-01" }, mine).lower).toBe("100000");
    expect(issueLines(() => thresholdFor({ jurisdiction: "XX", on: "2026-01-01" }, mine))).toEqual([
      "policy query.programme: ambiguous: 2 thresholds are in force on 2026-01-01 (std, rare); name the programme",
    ]);
    const overlapping = [mine[0] as CostEffectivenessThreshold, { ...(mine[0] as CostEffectivenessThreshold), id: "std-2", validFrom: "2025-01-01" }];
    expect(issueLines(() => thresholdFor({ jurisdiction: "XX", programme: "medicines", on: "2026-01-01" }, overlapping))).toEqual([
      "policy query.on: ambiguous: 2 thresholds are in force on 2026-01-01 (std, std-2); the data overlap; pass a data set with one entry in force",
    ]);
    const bad = [{ ...(mine[0] as CostEffectivenessThreshold), lower: "40000", validTo: "2019-12-31" }];
    expect(issueLines(() => thresholdFor({ jurisdiction: "XX", on: "2026-01-01" }, bad))).toEqual([
      "out_of_order data[0].upper: must be ≥ lower (40000), got 30000",
      "out_of_order data[0].validTo: must be on or after validFrom (2020-01-01), got 2019-12-31",
    ]);
  });
});
