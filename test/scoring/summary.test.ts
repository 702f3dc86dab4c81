import { describe, expect, it } from "vitest";
import { Decimal } from "decimal.js";
import { assessmentSummaries, assessmentSummaryMarkdown, roundToTotal, scoreTender, showValue } from "../../src/index.js";
import { handTender } from "./fixtures.js";

describe("assessment summaries (Procurement Act 2023 s50)", () => {
  const result = scoreTender(handTender());
  const summaries = assessmentSummaries(result);

  it("gives one summary per tender, in rank order, the winner marked", () => {
    expect(summaries.map((s) => [s.optionId, s.rank, s.isWinner])).toEqual([
      ["C", 1, true],
      ["A", 2, false],
      ["B", 3, false],
    ]);
  });

  it("compares each criterion with the winner's, with the moderated reasons only by default", () => {
    const a = summaries[1];
    expect(a?.overview).toBe(
      "Your tender (Infusion pump A) scored 84.30 of 100.00 points and ranked 2 of 3 in this tender. The most advantageous tender (Cardio Ltd, Infusion pump C) scored 84.40 points, 0.10 more.",
    );
    const q1 = a?.lines[0];
    expect(q1).toMatchObject({ criterionId: "q1", points: "28.8", winnerPoints: "36", assessed: "good (4)", winnerAssessed: "excellent (5)", reason: "Panel agreed 4 on q1 for A", winnerReason: "Panel agreed 5 on q1 for C" });
    expect(q1?.comparison).toBe("You scored 28.80 of 36.00 points (good (4)): 7.20 fewer than the most advantageous tender, which scored 36.00 (excellent (5)).");
    expect(a?.lines[3]?.assessed).toBe("£10,000.00");
  });

  it("discloses individual evaluators' levels and reasons only on request (defect 5)", () => {
    const a = summaries[1]!;
    for (const l of a.lines) expect(l.evaluatorReasons).toEqual([]);
    const md = assessmentSummaryMarkdown(a);
    expect(md).not.toMatch(/Evaluator E\d/);
    const withMarks = assessmentSummaries(result, { individualMarks: true })[1]!;
    expect(withMarks.lines[0]?.evaluatorReasons.map((e) => e.evaluatorId)).toEqual(["E1", "E2"]);
    expect(assessmentSummaryMarkdown(withMarks)).toMatch(/Evaluator E1 \(level \d\)/);
  });

  it("renders Markdown with the table, reasons and gates", () => {
    const md = assessmentSummaryMarkdown(summaries[1] as (typeof summaries)[number]);
    expect(md).toContain("## Assessment summary: Acme Medical — Infusion pump A");
    expect(md).toContain("| 1.1 Clinical outcomes | 36.00 | 28.80 | good (4) | 36.00 | excellent (5) |");
    expect(md).toContain("| **Total** | 100.00 | **84.30** |  | **84.40** | |");
    expect(md).toContain("  - How scored: 30 × 8000 / 10000 = 24");
  });

  it("one display rule (defect 6): every summary's shown points add up to its shown total, with units", () => {
    for (const s of summaries) {
      const shown = s.lines.filter((l) => l.kind !== "pass-fail" && l.notScored !== true);
      const sum = shown.reduce((t, l) => t.plus(l.shownPoints), new Decimal(0));
      expect(sum.toFixed(2)).toBe(s.shownTotal);
      for (const l of shown) expect(l.shownPoints).toMatch(/^\d+\.\d\d$/);
    }
    // The case that printed 73.38 against a total of 73.39: three parts whose rounded values do not add up.
    expect(roundToTotal(["24.3333", "24.3333", "24.3334"])).toEqual({ parts: ["24.33", "24.33", "24.34"], total: "73.00" });
    expect(roundToTotal(["10.146789", "9.862125", "5.731", "6.8265", "5.625", "5.625", "10", "12.675", "3.75"]).total).toBe("70.24");
    const r = roundToTotal(["10.146789", "9.862125", "5.731", "6.8265", "5.625", "5.625", "10", "12.675", "3.75"]);
    expect(r.parts.reduce((t, p) => t.plus(p), new Decimal(0)).toFixed(2)).toBe(r.total);
    expect(showValue("3387.98", "money", "GBP")).toBe("£3,387.98");
    expect(showValue("0.8875", "share", "GBP")).toBe("88.75%");
    expect(showValue("88.7897", "number", "GBP", "kg")).toBe("88.79 kg");
  });

  it("explains an exclusion by a gate", () => {
    const gated = assessmentSummaries(scoreTender(handTender({ gates: [{ id: "q65", label: "Quality threshold", scope: ["quality"], minimumPercent: "65" }] })));
    const b = gated.find((s) => s.optionId === "B");
    expect(b?.status).toBe("excluded");
    expect(b?.overview).toMatch(/^Your tender \(Infusion pump B\) was not ranked: Quality threshold: score on quality 36 of 60 points = 60% is below the minimum of 65%/);
    expect(b?.lines[3]?.comparison).toMatch(/^Not scored: price not opened/);
    expect(assessmentSummaryMarkdown(b as (typeof gated)[number])).toContain("- Failed: Quality threshold");
  });
});
