import { describe, expect, it } from "vitest";
import { checkWeightPolicy, formatIssue, scoreTender, type Criterion } from "../../src/index.js";

describe("NHS VBP whole-life cost limit counts costs by kind (defect 3)", () => {
  const sv: Criterion = { id: "sv", label: "Social value", kind: "qualitative", weight: "15", scale: "nhs-vbp-5", tag: "social-value" };
  const domains: Criterion = { id: "eff", label: "Efficiency", kind: "qualitative", weight: "40", scale: "nhs-vbp-5", tag: "efficiency" };

  it("an untagged price criterion at 45% breaches the 40% limit", () => {
    const criteria: Criterion[] = [{ id: "price", label: "Price", kind: "price", weight: "45", formula: { formula: "relative-to-lowest" } }, sv, domains];
    const messages = checkWeightPolicy(criteria, "nhs-vbp-2026").map(formatIssue);
    expect(messages).toContain("criteria[0].weight: whole-life cost weight 45% exceeds the NHS VBP maximum of 40%");
  });

  it("a whole-life-cost metric counts with the price wherever it sits; other costs do not", () => {
    const criteria: Criterion[] = [
      { id: "price", label: "Price", kind: "price", weight: "30", formula: { formula: "relative-to-lowest" } },
      { id: "npc", label: "Lifecycle cost", kind: "quantitative", weight: "15", costClass: "whole-life-cost", valueFunction: { fn: "linear", direction: "lower-is-better", params: { lower: "0", upper: "10" } } },
      { id: "beds", label: "Bed days", kind: "quantitative", weight: "15", costClass: "other-cost", tag: "efficiency", valueFunction: { fn: "linear", direction: "lower-is-better", params: { lower: "0", upper: "10" } } },
      { ...sv, weight: "40" },
    ];
    const messages = checkWeightPolicy(criteria, "nhs-vbp-2026").map(formatIssue);
    expect(messages).toContain("criteria: whole-life cost weight 45% exceeds the NHS VBP maximum of 40%");
  });

  it("a quantitative criterion the rule cannot classify is a warning with its path", () => {
    const criteria: Criterion[] = [
      { id: "price", label: "Price", kind: "price", weight: "30", tag: "whole-life-cost", formula: { formula: "relative-to-lowest" } },
      { id: "x", label: "Running cost", kind: "quantitative", weight: "10", valueFunction: { fn: "linear", direction: "lower-is-better", params: { lower: "0", upper: "10" } } },
      { ...sv, weight: "60" },
    ];
    const w = checkWeightPolicy(criteria, "nhs-vbp-2026");
    expect(w).toContainEqual({
      code: "policy",
      severity: "warning",
      path: ["criteria", 1, "costClass"],
      message: 'criterion x (10%) is not classified: the NHS VBP whole-life cost weight rule cannot tell whether it is a whole-life cost; set costClass ("whole-life-cost", "other-cost" or "not-cost")',
    });
  });
});

describe("moderation audit trail, wide disagreement, median between levels (defect 7)", () => {
  const base = (extra: Record<string, unknown>, consensus?: Record<string, unknown>, levels = ["1", "4", "4", "4"]) => ({
    criteria: [
      { id: "q", label: "Quality", kind: "qualitative", weight: "60", scale: "nhs-vbp-5", tag: "patient-and-staff" },
      { id: "price", label: "Price", kind: "price", weight: "40", formula: { formula: "relative-to-lowest" } },
    ],
    options: [
      { id: "A", supplier: "Acme", label: "Pump A", price: "100" },
      { id: "B", supplier: "Beta", label: "Pump B", price: "110" },
    ],
    evaluatorScores: ["A", "B"].flatMap((o) => levels.map((level, i) => ({ criterionId: "q", optionId: o, evaluatorId: `E${i + 1}`, level, reason: `E${i + 1} reason` }))),
    ...(consensus !== undefined ? { consensus: ["A", "B"].map((o) => ({ criterionId: "q", optionId: o, level: "3", reason: "Agreed on the evidence", ...consensus })) } : {}),
    settings: { rankReversal: false, overtaking: false, ...extra },
  });

  it("records moderator, date and round for every changed score; warns when the trail is missing", () => {
    const r = scoreTender(base({}, { moderator: "Chair", date: "2026-10-14", round: 2 }));
    const m = r.lots[0]!.options[0]!.scoreTree[0]!.moderation!;
    expect(m.audit).toEqual([
      { evaluatorId: "E1", fromLevel: "1", toLevel: "3", moderator: "Chair", date: "2026-10-14", round: 2 },
      { evaluatorId: "E2", fromLevel: "4", toLevel: "3", moderator: "Chair", date: "2026-10-14", round: 2 },
      { evaluatorId: "E3", fromLevel: "4", toLevel: "3", moderator: "Chair", date: "2026-10-14", round: 2 },
      { evaluatorId: "E4", fromLevel: "4", toLevel: "3", moderator: "Chair", date: "2026-10-14", round: 2 },
    ]);
    expect(r.warnings.filter((w) => w.message.includes("audit trail"))).toEqual([]);
    const missing = scoreTender(base({}, {}));
    expect(missing.warnings.filter((w) => w.message.includes("audit trail")).map(formatIssue)[0]).toBe(
      "consensus[0]: q for option \"A\": the moderated level 3 changes E1's 1, E2's 4, E3's 4, E4's 4 but the audit trail lacks moderator, date, round: record who moderated, when and in which round",
    );
  });

  it("flags a 1-against-4 split as wide disagreement (default spread 2; configurable)", () => {
    const r = scoreTender(base({}, { moderator: "Chair", date: "2026-10-14", round: 1 }));
    const m = r.lots[0]!.options[0]!.scoreTree[0]!.moderation!;
    expect([m.spread, m.wideDisagreement]).toEqual(["3", true]);
    expect(r.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining('q for option "A": wide disagreement, evaluators\' levels range from 1 to 4 (spread 3 ≥ 2)'));
    const lax = scoreTender(base({ moderation: { wideDisagreementSpread: "4" } }, { moderator: "Chair", date: "2026-10-14", round: 1 }));
    expect(lax.lots[0]!.options[0]!.scoreTree[0]!.moderation!.wideDisagreement).toBe(false);
    expect(lax.warnings.filter((w) => w.message.includes("wide disagreement"))).toEqual([]);
  });

  it("states the rule for a median between two levels (even panel)", () => {
    const mk = (rule?: "interpolate" | "lower" | "upper") => scoreTender({ ...base(rule === undefined ? {} : { moderation: { medianBetweenLevels: rule } }, undefined, ["2", "2", "3", "3"]), criteria: [{ id: "q", label: "Quality", kind: "qualitative", weight: "60", scale: "nhs-vbp-5", moderation: "median" }, { id: "price", label: "Price", kind: "price", weight: "40", formula: { formula: "relative-to-lowest" } }] });
    const node = (r: ReturnType<typeof scoreTender>) => r.lots[0]!.options.find((o) => o.optionId === "A")!.scoreTree[0]!;
    expect(node(mk()).points).toBe("37.5"); // 60 × 2.5 / 4
    expect(node(mk()).moderation?.reason).toContain("stated rule: a median between levels is interpolated");
    expect(node(mk("lower")).points).toBe("30"); // 60 × 2 / 4
    expect(node(mk("upper")).points).toBe("45"); // 60 × 3 / 4
  });
});
