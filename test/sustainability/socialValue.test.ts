import { describe, expect, it } from "vitest";
import { formatIssue } from "../../src/errors/index.js";
import { BUILT_IN_THEMES } from "../../src/sustainability/builtInThemes.js";
import { safeScoreSocialValue, scoreSocialValue, SOCIAL_VALUE_THEME_SETS, type SocialValueInputDocument } from "../../src/sustainability/index.js";

const EVIDENCE = [{ kind: "plan", reference: "https://supplier.example/crp.pdf" }];

const request: SocialValueInputDocument = {
  themes: [
    {
      themeId: "fighting-climate-change",
      weight: 10,
      metrics: [
        { id: "scope-1-2-cut", label: "Scope 1–2 reduction by 2030", unit: "%", benchmark: 50 },
        { id: "fleet-ev", label: "Delivery fleet electric", unit: "%", benchmark: 100, weight: 1 },
      ],
    },
    {
      themeId: "tackling-economic-inequality",
      weight: 5,
      metrics: [{ id: "apprentice-weeks", label: "Apprenticeship weeks on the contract", unit: "weeks", benchmark: 52 }],
    },
    {
      themeId: "wellbeing",
      weight: 5,
      metrics: [{ id: "lost-time", label: "Lost-time injury rate", unit: "per 100k hours", benchmark: 2, direction: "lower-is-better" }],
    },
  ],
  commitments: [
    { id: "c1", themeId: "fighting-climate-change", metricId: "scope-1-2-cut", description: "Cut 40%", target: 40, unit: "%", evidence: EVIDENCE },
    { id: "c2", themeId: "fighting-climate-change", metricId: "scope-1-2-cut", description: "Cut 20%", target: 20, unit: "%", evidence: EVIDENCE },
    { id: "c3", themeId: "fighting-climate-change", metricId: "fleet-ev", description: "All electric", target: 100, unit: "%" },
    { id: "c4", themeId: "tackling-economic-inequality", metricId: "apprentice-weeks", description: "104 weeks", target: 104, unit: "weeks", evidence: EVIDENCE },
    { id: "c5", themeId: "wellbeing", metricId: "lost-time", description: "Rate 4", target: 4, unit: "per 100k hours", evidence: EVIDENCE },
  ],
};

describe("scoreSocialValue", () => {
  it("ships the PPN 06/20 themes and PPN 002 missions with sources", () => {
    expect(SOCIAL_VALUE_THEME_SETS["ppn-06-20"].themes.map((t) => t.label)).toEqual([
      "COVID-19 recovery",
      "Tackling economic inequality",
      "Fighting climate change",
      "Equal opportunity",
      "Wellbeing",
    ]);
    expect(SOCIAL_VALUE_THEME_SETS["ppn-002"].themes).toHaveLength(5);
    expect(SOCIAL_VALUE_THEME_SETS["ppn-002"].source.publishedOn).toBe("2025-02-13");
  });

  it("scores measurable, evidenced commitments per theme (hand-computed)", () => {
    const r = scoreSocialValue(request);
    const [climate, inequality, wellbeing] = r.themes;
    // scope-1-2-cut: best of 40/50 = 0.8 and 20/50 = 0.4 → 0.8; fleet-ev: no evidence → 0; theme = (0.8 + 0)/2 = 0.4
    expect(climate!.metrics.map((m) => [m.metricId, m.attainment, m.bestCommitmentId ?? null])).toEqual([
      ["scope-1-2-cut", "0.8", "c1"],
      ["fleet-ev", "0", null],
    ]);
    expect(climate!.metrics[1]!.reason).toBe("1 commitment(s) without evidence; evidence is required");
    expect(climate!).toMatchObject({ label: "Fighting climate change", score: "0.4", weightedScore: "4" });
    // 104/52 capped at 1 → 5 points
    expect(inequality!).toMatchObject({ score: "1", weightedScore: "5" });
    // lower is better: 2/4 = 0.5 → 2.5 points
    expect(wellbeing!).toMatchObject({ score: "0.5", weightedScore: "2.5" });
    expect(r).toMatchObject({ themeSetId: "ppn-06-20", total: "11.5", maximum: "20", normalised: "0.575" });
  });

  it("a metric can waive evidence; a metric without commitments scores 0 with a reason", () => {
    const r = scoreSocialValue({
      themes: [{ themeId: "equal-opportunity", weight: 1, metrics: [{ id: "m", label: "Disability confident level", unit: "level", benchmark: 3, evidenceRequired: false }, { id: "n", label: "Other", unit: "x", benchmark: 1 }] }],
      commitments: [{ id: "c", themeId: "equal-opportunity", metricId: "m", description: "Level 3", target: 3, unit: "level" }],
    });
    expect(r.themes[0]!.metrics.map((m) => m.attainment)).toEqual(["1", "0"]);
    expect(r.themes[0]!.metrics[1]!.reason).toBe("no commitment made against this metric");
  });

  it("uses PPN 002 missions or caller themes when asked", () => {
    const r = scoreSocialValue({ themeSet: "ppn-002", themes: [{ themeId: "build-an-nhs-fit-for-the-future", weight: 1, metrics: [{ id: "m", label: "x", unit: "h", benchmark: 10 }] }], commitments: [] });
    expect(r.themes[0]!.label).toBe("Build an NHS fit for the future");
    const own = scoreSocialValue({ customThemes: [{ id: "local", label: "Local supply" }], themes: [{ themeId: "local", weight: 2, metrics: [{ id: "m", label: "x", unit: "%", benchmark: 10 }] }], commitments: [{ id: "c", themeId: "local", metricId: "m", description: "5%", target: 5, unit: "%", evidence: EVIDENCE }] });
    expect(own).toMatchObject({ themeSetId: "custom", total: "1" });
  });

  it("unknown themes and metrics, unit mismatches and negative targets are input errors with paths", () => {
    const r = safeScoreSocialValue({
      themes: [{ themeId: "climate", weight: 1, metrics: [{ id: "m", label: "x", unit: "%", benchmark: 10 }] }, { themeId: "wellbeing", weight: 1, metrics: [{ id: "m", label: "x", unit: "%", benchmark: 10 }] }],
      commitments: [
        { id: "c1", themeId: "wellbeing", metricId: "q", description: "x", target: 1, unit: "%" },
        { id: "c2", themeId: "wellbeing", metricId: "m", description: "x", target: -1, unit: "h" },
        { id: "c3", themeId: "equal-opportunity", metricId: "m", description: "x", target: 1, unit: "%" },
      ],
    });
    expect(r.success ? [] : r.error.issues.map(formatIssue)).toEqual([
      "commitments[1].target: must be ≥ 0, got -1",
      'themes[0].themeId: unknown theme (known: covid-19-recovery, tackling-economic-inequality, fighting-climate-change, equal-opportunity, wellbeing), got "climate"',
      'commitments[0].metricId: must be a metric of theme "wellbeing" (m), got "q"',
      'commitments[1].unit: metric "m" is measured in "%", got "h"',
      'commitments[2].themeId: must be a theme the buyer evaluates (climate, wellbeing), got "equal-opportunity"',
    ]);
  });
});

describe("bundled theme sets and the themes scoring reads", () => {
  it("SOCIAL_VALUE_THEME_SETS is BUILT_IN_THEMES with each theme's description and the set's source, frozen, keys in the published order", () => {
    expect(Object.keys(SOCIAL_VALUE_THEME_SETS)).toEqual(Object.keys(BUILT_IN_THEMES));
    for (const id of ["ppn-06-20", "ppn-002"] as const) {
      const set = SOCIAL_VALUE_THEME_SETS[id];
      expect(Object.keys(set)).toEqual(["id", "label", "source", "themes"]);
      expect(set.id).toBe(id);
      expect(set.themes.map((t) => ({ id: t.id, label: t.label }))).toEqual(BUILT_IN_THEMES[id]);
      for (const t of set.themes) {
        expect(Object.keys(t)).toEqual(["id", "label", "description"]);
        expect(t.description.length).toBeGreaterThan(10);
        expect(Object.isFrozen(t)).toBe(true);
      }
      expect(Object.isFrozen(set) && Object.isFrozen(set.themes) && Object.isFrozen(set.source) && Object.isFrozen(BUILT_IN_THEMES[id])).toBe(true);
    }
    expect(SOCIAL_VALUE_THEME_SETS["ppn-06-20"].themes[2]!.description).toBe("Effective stewardship of the environment (required in every NHS tender).");
    expect(SOCIAL_VALUE_THEME_SETS["ppn-002"].source.title).toMatch(/^PPN 002/);
  });
});
