import { describe, expect, it } from "vitest";
import { evidenceExpectation, NHS_VBP_STANDARD, VbpInputError } from "../../src/index.js";

describe("NHS value based procurement national standard (June 2026) as data", () => {
  it("five value domains with their weight rules: ≥ 60% across them, social value ≥ 10%, whole-life cost ≤ 40% (counted by kind)", () => {
    expect(NHS_VBP_STANDARD.domains.map((d) => d.tag)).toEqual(["social-value", "efficiency", "patient-and-staff", "supply-chain", "purpose"]);
    expect(NHS_VBP_STANDARD.weightPolicy.rules.map((r) => [r.kind, r.tags.length, r.percent, r.countsByKind ?? ""])).toEqual([
      ["min", 5, "60", ""],
      ["min", 1, "10", ""],
      ["max", 1, "40", "whole-life-cost"],
    ]);
    expect(NHS_VBP_STANDARD.questionBankSize).toBe(21);
  });

  it("the five-point scale runs from no response to outstanding", () => {
    expect(NHS_VBP_STANDARD.scale.levels.map((l) => l.label)).toEqual(["no response", "poor", "satisfactory", "good", "outstanding"]);
  });

  it("labels not confirmed against the guidance are flagged provisional, and the source record says so", () => {
    expect(NHS_VBP_STANDARD.domains.filter((d) => d.provisional).map((d) => d.tag)).toEqual(["efficiency", "patient-and-staff", "supply-chain", "purpose"]);
    expect(NHS_VBP_STANDARD.evidenceMaturity.provisional).toBe(true);
    expect(NHS_VBP_STANDARD.source.note).toContain("PROVISIONAL");
    expect(NHS_VBP_STANDARD.scale.note).toMatch(/^Provisional/);
    expect(Object.isFrozen(NHS_VBP_STANDARD)).toBe(true);
  });

  it("the evidence-maturity rule: proportionate expectations; an unknown maturity is an error", () => {
    expect(NHS_VBP_STANDARD.evidenceMaturity.rows).toHaveLength(6);
    expect(evidenceExpectation("emerging", "new").expectation).toMatch(/plan to generate evidence/);
    expect(evidenceExpectation("established", "established").expectation).toMatch(/Randomised trials or a systematic review/);
    expect(() => evidenceExpectation("mature" as never, "new")).toThrow(VbpInputError);
  });
});
