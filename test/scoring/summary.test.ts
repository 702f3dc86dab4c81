import { describe, expect, it } from "vitest";
import { assessmentSummaries, assessmentSummaryMarkdown, scoreTender } from "../../src/scoring/index.js";
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

  it("compares each criterion with the winner's, with the evaluators' reasons", () => {
    const a = summaries[1];
    expect(a?.overview).toBe(
      "Your tender (Infusion pump A) scored 84.3 of 100 points and ranked 2 of 3 in this tender. The most advantageous tender (Cardio Ltd, Infusion pump C) scored 84.4 points, 0.1 more.",
    );
    const q1 = a?.lines[0];
    expect(q1).toMatchObject({ criterionId: "q1", points: "28.8", winnerPoints: "36", assessed: "good (4)", winnerAssessed: "excellent (5)", reason: "Panel agreed 4 on q1 for A", winnerReason: "Panel agreed 5 on q1 for C" });
    expect(q1?.comparison).toBe("You scored 28.8 of 36 points (good (4)): 7.2 fewer than the most advantageous tender, which scored 36 (excellent (5)).");
    expect(q1?.evaluatorReasons.map((e) => e.evaluatorId)).toEqual(["E1", "E2"]);
    expect(a?.lines[3]?.assessed).toBe("£10,000.00");
  });

  it("renders Markdown with the table, reasons and gates", () => {
    const md = assessmentSummaryMarkdown(summaries[1] as (typeof summaries)[number]);
    expect(md).toContain("## Assessment summary: Acme Medical — Infusion pump A");
    expect(md).toContain("| 1.1 Clinical outcomes | 36 | 28.8 | good (4) | 36 | excellent (5) |");
    expect(md).toContain("| **Total** | 100 | **84.3** | | **84.4** | |");
    expect(md).toContain("  - How scored: 30 × 8000 / 10000 = 24");
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
