import { describe, expect, it } from "vitest";
import { VbpInputError } from "../../src/errors/index.js";
import { checkWeightPolicy, scoreTender, WEIGHT_POLICIES, type Criterion } from "../../src/scoring/index.js";
import { handTender } from "./fixtures.js";

const tree = (wlc: string, sv: string, eff: string): Criterion[] => [
  { id: "wlc", label: "Whole-life cost", kind: "price", weight: wlc, tag: "whole-life-cost", formula: { formula: "relative-to-lowest" } },
  { id: "sv", label: "Social value", kind: "qualitative", weight: sv, tag: "social-value", scale: "nhs-vbp-5" },
  { id: "eff", label: "Efficiency", kind: "qualitative", weight: eff, tag: "efficiency", scale: "nhs-vbp-5" },
];

describe("checkWeightPolicy", () => {
  it("NHS VBP: whole-life cost above 40% and value domains below 60% are warnings with the path", () => {
    const issues = checkWeightPolicy(tree("55", "5", "40"), "nhs-vbp-2026");
    expect(issues).toEqual([
      {
        code: "policy",
        severity: "warning",
        path: ["criteria"],
        message: "weight across the five value domains (social value; efficiency; patient and staff; supply chain; purpose) 45% is below the NHS VBP minimum of 60% (sv 5% + eff 40%)",
      },
      { code: "policy", severity: "warning", path: ["criteria"], message: "social value weight 5% is below the NHS VBP minimum of 10% (sv 5%)" },
      { code: "policy", severity: "warning", path: ["criteria", 0, "weight"], message: "whole-life cost weight 55% exceeds the NHS VBP maximum of 40%" },
    ]);
  });
  it("NHS VBP: a compliant tree has no warnings", () => {
    expect(checkWeightPolicy(tree("40", "10", "50"), "nhs-vbp-2026")).toEqual([]);
  });
  it("Net Zero roadmap counts net zero and social value together; PPN 002 counts social value", () => {
    const t: Criterion[] = [
      { id: "p", label: "Price", kind: "price", weight: "90", formula: { formula: "relative-to-lowest" } },
      { id: "nz", label: "Net zero", kind: "qualitative", weight: "6", tag: "net-zero", scale: "0-5" },
      { id: "sv", label: "Social value", kind: "qualitative", weight: "4", tag: "social-value", scale: "0-5" },
    ];
    expect(checkWeightPolicy(t, "nhs-net-zero-2022")).toEqual([]);
    expect(checkWeightPolicy(t, "ppn-002").map((i) => i.message)).toEqual(["social value weight 4% is below the PPN 002 minimum of 10% (sv 4%)"]);
  });
  it("counts a tagged group once, not again for its tagged children", () => {
    const t: Criterion[] = [
      { id: "p", label: "Price", kind: "price", weight: "80", formula: { formula: "relative-to-lowest" } },
      { id: "svg", label: "Social value", kind: "group", weight: "20", tag: "social-value", children: [{ id: "s1", label: "s1", kind: "qualitative", weight: "100", tag: "social-value", scale: "0-5" }] },
    ];
    expect(checkWeightPolicy(t, "ppn-002")).toEqual([]);
  });
  it("policies carry their sources", () => {
    expect(WEIGHT_POLICIES["ppn-002"].source.publishedOn).toBe("2025-02-13");
    expect(WEIGHT_POLICIES["nhs-vbp-2026"].source.publishedOn).toBe("2026-06-11");
  });
});

describe("policies in scoreTender", () => {
  // Hand tender: whole-life cost (price) 30%, social value 10%, value domains 60+10 = 70%: complies with NHS VBP.
  it("complies: no warnings", () => {
    expect(scoreTender(handTender({ settings: { policies: ["nhs-vbp-2026", "ppn-002"] } })).warnings).toEqual([]);
  });
  it("warn mode returns the warnings and scores; error mode throws them", () => {
    const strict = { id: "strict", label: "Strict", rules: [{ kind: "min", tags: ["social-value"], percent: "20", description: "social value weight" }], source: { publisher: "Buyer", title: "Local policy", publishedOn: "2026-01-01" } };
    const warned = scoreTender(handTender({ settings: { policies: [strict] } }));
    expect(warned.warnings.map((w) => w.message)).toEqual(["social value weight 10% is below the Strict minimum of 20% (sv 10%)"]);
    expect(warned.lots[0]?.winner).toBe("C");
    try {
      scoreTender(handTender({ settings: { policies: [strict], policyMode: "error" } }));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(VbpInputError);
      expect((e as VbpInputError).issues[0]?.code).toBe("policy");
    }
  });
});
