import { describe, expect, it } from "vitest";
import { moderate, QUALITATIVE_SCALES, scaleScore, type QualitativeScale, type QualitativeScaleId } from "../../../src/scoring/functions/index.js";
import { thrown } from "../../_helpers/thrown.js";
import { BUILT_IN_SCALES } from "../../../src/scoring/functions/scales.js";

const NHS = QUALITATIVE_SCALES["nhs-vbp-5"];

describe("qualitative scales", () => {
  it("ship as frozen data with descriptors, worst level first, values distinct", () => {
    for (const id of Object.keys(QUALITATIVE_SCALES) as QualitativeScaleId[]) {
      const s = QUALITATIVE_SCALES[id];
      expect(s.id).toBe(id);
      expect(Object.isFrozen(s)).toBe(true);
      expect(Object.isFrozen(s.levels)).toBe(true);
      const values = s.levels.map((l) => Number(l.value));
      expect([...values].sort((a, b) => a - b)).toEqual(values);
      expect(new Set(values).size).toBe(values.length);
      for (const l of s.levels) expect(l.descriptor.length).toBeGreaterThan(10);
    }
    expect(QUALITATIVE_SCALES["0-5"].levels.map((l) => l.value)).toEqual(["0", "1", "2", "3", "4", "5"]);
    expect(QUALITATIVE_SCALES["0-10"].levels).toHaveLength(11);
    expect(QUALITATIVE_SCALES["0-25-50-75-100"].levels.map((l) => l.value)).toEqual(["0", "25", "50", "75", "100"]);
    expect(NHS.levels.map((l) => l.label)).toEqual(["no response", "poor", "satisfactory", "good", "outstanding"]);
    expect(NHS.source?.publishedOn).toBe("2026-06-11");
    expect(NHS.note).toMatch(/Provisional/);
  });

  it("are the scales scoring reads (BUILT_IN_SCALES) with their notes and source added, keys in the published order", () => {
    expect(Object.keys(BUILT_IN_SCALES)).toEqual(Object.keys(QUALITATIVE_SCALES));
    for (const id of Object.keys(QUALITATIVE_SCALES) as QualitativeScaleId[]) {
      const pub = QUALITATIVE_SCALES[id];
      const built = BUILT_IN_SCALES[id];
      expect(built.levels).toBe(pub.levels);
      expect(Object.isFrozen(built)).toBe(true);
      expect({ id: built.id, label: built.label, levels: built.levels }).toEqual({ id: pub.id, label: pub.label, levels: pub.levels });
      expect(Object.keys(pub)).toEqual(id === "nhs-vbp-5" ? ["id", "label", "source", "note", "levels"] : ["id", "label", "note", "levels"]);
      expect(Object.keys(built)).toEqual(["id", "label", "levels"]);
    }
    expect(QUALITATIVE_SCALES["0-5"].note).toBe("Descriptors are vbp-score's generic wording in the style of UK public-sector tender scoring guides; replace them with the descriptors published in the tender documents.");
    expect(Object.isFrozen(NHS.source)).toBe(true);
  });

  it("points = max × level value / top value, by value or label", () => {
    // NHS scale: good = 3 of 4: 20 × 3/4 = 15
    const t = scaleScore("good", "20", NHS);
    expect(t).toMatchObject({ points: "15", level: "3", label: "good", substituted: "20 × 3 / 4 = 15", formula: "max × level value / top level value" });
    expect(t.descriptor).toBe(NHS.levels[3]?.descriptor);
    expect(scaleScore(3, "20", NHS).points).toBe("15");
    expect(scaleScore("3.0", "20", NHS).points).toBe("15");
    expect(scaleScore("  Outstanding ", "20", NHS).points).toBe("20");
    expect(scaleScore("no response", "20", NHS).points).toBe("0");
    // 0–10 scale: 7 of 10 → 15 × 7/10 = 10.5
    expect(scaleScore("7", "15", QUALITATIVE_SCALES["0-10"]).points).toBe("10.5");
    // percentage scale: 75 → 30 × 75/100 = 22.5
    expect(scaleScore(75, "30", QUALITATIVE_SCALES["0-25-50-75-100"]).points).toBe("22.5");
    // 0–5 scale: 4 of 5 → 10 × 4/5 = 8; 1 of 5 on 7 points: 7/5 = 1.4
    expect(scaleScore("4", "10", QUALITATIVE_SCALES["0-5"]).points).toBe("8");
    expect(scaleScore("poor", "7", QUALITATIVE_SCALES["0-5"]).points).toBe("1.4");
  });

  it("a level not on the scale is an error naming it and listing the allowed levels", () => {
    expect(thrown(() => scaleScore("excellent", "20", NHS))).toEqual([
      {
        code: "invalid_value",
        path: ["level"],
        message: '"excellent" is not a level of scale "nhs-vbp-5"; allowed levels: 0 (no response), 1 (poor), 2 (satisfactory), 3 (good), 4 (outstanding)',
      },
    ]);
    expect(thrown(() => scaleScore(2.5, "20", NHS))[0]?.message).toMatch(/^2\.5 is not a level of scale "nhs-vbp-5"/);
    expect(thrown(() => scaleScore("6", "20", QUALITATIVE_SCALES["0-5"]))[0]?.path).toEqual(["level"]);
  });

  it("between levels only when asked, with a note", () => {
    // 20 × 2.5/4 = 12.5
    const t = scaleScore("2.5", "20", NHS, { betweenLevels: true });
    expect(t.points).toBe("12.5");
    expect(t.label).toBe("between satisfactory and good");
    expect(t.notes).toEqual(["value 2.5 lies between the levels 2 (satisfactory) and 3 (good), e.g. a mean of evaluators' scores"]);
    // still outside the scale's range → error
    expect(thrown(() => scaleScore("4.5", "20", NHS, { betweenLevels: true }))[0]?.code).toBe("invalid_value");
  });

  it("checks a caller's scale", () => {
    const bad: QualitativeScale = {
      id: "bad",
      label: "Bad",
      levels: [
        { value: "1", label: "yes", descriptor: "" },
        { value: "1", label: "Yes", descriptor: "" },
        { value: "-1", label: "no", descriptor: "" },
      ],
    };
    expect(thrown(() => scaleScore("yes", "10", bad))).toEqual([
      { code: "duplicate_id", path: ["scale", "levels", 1, "value"], message: "duplicates the value of levels[0] (1)" },
      { code: "duplicate_id", path: ["scale", "levels", 1, "label"], message: 'duplicates the label of levels[0] ("Yes")' },
      { code: "too_small", path: ["scale", "levels", 2, "value"], message: "must be ≥ 0, got -1" },
    ]);
    const zero: QualitativeScale = { id: "z", label: "Z", levels: [{ value: "0", label: "a", descriptor: "" }, { value: "0.0", label: "b", descriptor: "" }] };
    expect(thrown(() => scaleScore("a", "10", zero))[0]?.code).toBe("duplicate_id");
    const flat: QualitativeScale = { id: "f", label: "F", levels: [{ value: "0", label: "a", descriptor: "" }] };
    expect(thrown(() => scaleScore("a", "10", flat))[0]).toMatchObject({ code: "too_small", path: ["scale", "levels"] });
  });
});

describe("moderation", () => {
  const e1 = { evaluatorId: "E1", level: "good", reason: "Clear implementation plan; outcome data from two trusts." };
  const e2 = { evaluatorId: "E2", level: "4", reason: "Robust outcome data; training plan exceeds the requirement." };
  const e3 = { evaluatorId: "E3", level: "satisfactory", reason: "Evidence from one trust only." };

  it("keeps the consensus with the individual scores and the reason for the change", () => {
    const r = moderate({ individual: [e1, e2], consensus: { level: "good", reason: "Outcome data cover one pathway only; E2 agreed on review." } }, NHS);
    expect(r).toEqual({
      method: "consensus",
      level: "3",
      label: "good",
      descriptor: NHS.levels[3]?.descriptor,
      individual: [
        { evaluatorId: "E1", level: "3", reason: e1.reason },
        { evaluatorId: "E2", level: "4", reason: e2.reason },
      ],
      changedFrom: [{ evaluatorId: "E2", level: "4", reason: e2.reason }],
      reason: "Outcome data cover one pathway only; E2 agreed on review.",
      spread: "1",
    });
    expect(Object.isFrozen(r)).toBe(true);
  });

  it("a consensus that differs from an individual score without a reason is an error", () => {
    expect(thrown(() => moderate({ individual: [e1, e2], consensus: { level: "3", reason: "  " } }, NHS))).toEqual([
      { code: "policy", path: ["consensus", "reason"], message: "must explain the consensus 3 (good), which differs from E2: 4" },
    ]);
  });

  it("a unanimous consensus needs no reason", () => {
    const r = moderate({ individual: [e1, { ...e2, level: "3" }], consensus: { level: "good", reason: "" } }, NHS);
    expect(r.changedFrom).toEqual([]);
    expect(r.reason).toBe("consensus 3 (good) matches every individual score");
    expect(r.spread).toBe("0");
  });

  it("mean and median", () => {
    // mean of 3, 4, 2 = 9/3 = 3 → on the scale (good)
    const mean = moderate({ individual: [e1, e2, e3], method: "mean" }, NHS);
    expect(mean).toMatchObject({ method: "mean", level: "3", label: "good", spread: "2", reason: "mean of 3 evaluators' scores: (3 + 4 + 2) / 3 = 3" });
    expect(mean.changedFrom).toBeUndefined();
    // median of 3, 4 (default without a consensus): (3 + 4)/2 = 3.5, between levels
    const median = moderate({ individual: [e1, e2] }, NHS);
    expect(median).toMatchObject({
      method: "median",
      level: "3.5",
      reason: "median of 2 evaluators' scores (3, 4) = 3.5, between levels 3 and 4: scored midway between their points (stated rule: a median between levels is interpolated)",
    });
    // The stated alternatives: the lower or the upper level.
    expect(moderate({ individual: [e1, e2], medianBetweenLevels: "lower" }, NHS)).toMatchObject({ level: "3", label: "good" });
    expect(moderate({ individual: [e1, e2], medianBetweenLevels: "upper" }, NHS)).toMatchObject({ level: "4", label: "outstanding" });
    expect(median.label).toBeUndefined();
    expect(scaleScore(median.level, "20", NHS, { betweenLevels: true }).points).toBe("17.5"); // 20 × 3.5/4
    // mean of 3, 4, 4 = 11/3 = 3.666…: 20 dp
    expect(moderate({ individual: [e1, e2, { ...e3, level: "4" }], method: "mean" }, NHS).level).toBe("3.66666666666666666667");
  });

  it("errors: empty panel, duplicates, missing reasons, unknown levels, consensus and method mismatch", () => {
    expect(thrown(() => moderate({ individual: [] }, NHS))).toEqual([{ code: "too_small", path: ["individual"], message: "must have at least 1 evaluator's score" }]);
    expect(
      thrown(() =>
        moderate(
          {
            individual: [e1, { evaluatorId: "E1", level: "great", reason: "" }],
            consensus: { level: "3", reason: "x" },
            method: "median",
          },
          NHS,
        ),
      ),
    ).toEqual([
      { code: "duplicate_id", path: ["individual", 1, "evaluatorId"], message: '"E1" already scored at individual[0]' },
      { code: "invalid_type", path: ["individual", 1, "reason"], message: 'must give the reason for the score (the evidence relied on), got ""' },
      {
        code: "invalid_value",
        path: ["individual", 1, "level"],
        message: '"great" is not a level of scale "nhs-vbp-5"; allowed levels: 0 (no response), 1 (poor), 2 (satisfactory), 3 (good), 4 (outstanding)',
      },
      { code: "policy", path: ["consensus"], message: 'is given but method is "median"; use method "consensus" or drop the consensus' },
    ]);
    expect(thrown(() => moderate({ individual: [e1], method: "consensus" }, NHS))[0]?.path).toEqual(["consensus"]);
    expect(thrown(() => moderate({ individual: [e1], consensus: { level: "9", reason: "x" } }, NHS))[0]?.path).toEqual(["consensus", "level"]);
  });

  it("malformed entries are input errors, not crashes", () => {
    const bad = { individual: [null, e1], consensus: "3" } as unknown as Parameters<typeof moderate>[0];
    expect(thrown(() => moderate(bad, NHS))).toEqual([
      { code: "invalid_type", path: ["individual", 0], message: "must be an object { evaluatorId, level, reason }, got null" },
      { code: "invalid_type", path: ["consensus"], message: 'must be an object { level, reason }, got "3"' },
    ]);
    const bad2 = { individual: [null, e1] } as unknown as Parameters<typeof moderate>[0];
    expect(thrown(() => moderate(bad2, NHS))).toEqual([{ code: "invalid_type", path: ["individual", 0], message: "must be an object { evaluatorId, level, reason }, got null" }]);
  });

  it("does not mutate the caller's input", () => {
    const input = { individual: [e1, e2], consensus: { level: "good", reason: "Agreed." } };
    const copy = JSON.stringify(input);
    moderate(input, NHS);
    expect(JSON.stringify(input)).toBe(copy);
  });
});
