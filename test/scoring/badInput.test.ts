import { describe, expect, it } from "vitest";
import { formatIssue } from "../../src/errors/index.js";
import { parseTender, safeParseTender, safeScoreTender, VALUE_FUNCTIONS, type ValueFunction } from "../../src/scoring/index.js";
import { handTender } from "./fixtures.js";

type T = Record<string, unknown> & { options: Record<string, unknown>[]; evaluatorScores: Record<string, unknown>[]; consensus: Record<string, unknown>[]; criteria: Record<string, unknown>[] };

function issuesOf(mutate: (t: T) => void): string[] {
  const t = handTender() as T;
  mutate(t);
  const r = safeScoreTender(t);
  if (r.success) throw new Error("expected failure");
  return r.error.issues.map(formatIssue);
}

describe("bad input: every issue names its exact path", () => {
  it("weights not summing to 100", () => {
    expect(issuesOf((t) => ((t.criteria[1] as Record<string, unknown>).weight = "15"))).toEqual([
      "criteria: weights of these criteria must sum to exactly 100%, got 105% (quality 60 + sv 15 + price 30)",
    ]);
  });
  it("a score outside its scale", () => {
    expect(issuesOf((t) => ((t.evaluatorScores[0] as Record<string, unknown>).level = "7"))).toEqual([
      'evaluatorScores[0].level: level "7" is not on the scale "0-5" (levels: 0 unacceptable, 1 poor, 2 weak, 3 satisfactory, 4 good, 5 excellent)',
    ]);
  });
  it("a qualitative criterion with no evaluator score for an option", () => {
    const msgs = issuesOf((t) => {
      t.evaluatorScores = t.evaluatorScores.filter((s) => !(s.optionId === "B" && s.criterionId === "q2"));
      t.consensus = t.consensus.filter((s) => !(s.optionId === "B" && s.criterionId === "q2"));
    });
    expect(msgs).toEqual(['options[1]: no evaluator score for option "B" on qualitative criterion criteria[0].children[1] ("1.2 Training and support")']);
  });
  it("a price of zero or negative", () => {
    expect(issuesOf((t) => ((t.options[2] as Record<string, unknown>).price = "0"))).toEqual(["options[2].price: must be > 0, got 0"]);
    expect(issuesOf((t) => ((t.options[0] as Record<string, unknown>).price = -5))).toEqual(["options[0].price: must be > 0, got -5"]);
  });
  it("duplicate option ids", () => {
    expect(issuesOf((t) => ((t.options[2] as Record<string, unknown>).id = "A"))).toContain('options[2].id: option id "A" is already used by options[0]');
  });
  it("an evaluator score for an unknown option or criterion", () => {
    const msgs = issuesOf((t) => {
      t.evaluatorScores.push({ criterionId: "q9", optionId: "A", evaluatorId: "E3", level: "3", reason: "x" });
      t.evaluatorScores.push({ criterionId: "q1", optionId: "Z", evaluatorId: "E3", level: "3", reason: "x" });
    });
    expect(msgs).toEqual(['evaluatorScores[18].criterionId: unknown criterion "q9"', 'evaluatorScores[19].optionId: unknown option "Z"']);
  });
  it("an evaluator score on a criterion that is not qualitative", () => {
    expect(issuesOf((t) => t.evaluatorScores.push({ criterionId: "price", optionId: "A", evaluatorId: "E3", level: "3", reason: "x" }))).toEqual([
      'evaluatorScores[18].criterionId: criterion "price" is price, not qualitative',
    ]);
  });
  it("a missing reason, an unknown key, a missing price", () => {
    const msgs = issuesOf((t) => {
      (t.evaluatorScores[0] as Record<string, unknown>).reason = "";
      (t.options[0] as Record<string, unknown>).colour = "red";
      delete (t.options[1] as Record<string, unknown>).price;
    });
    expect(msgs).toEqual([
      'options[0].colour: unknown key "colour" (check the spelling; unknown keys are not allowed)',
      "evaluatorScores[0].reason: must be at least 1 characters long",
      "options[1].price: is required (a bid price > 0): the tender scores or compares price",
    ]);
    expect(issuesOf((t) => delete (t.options[1] as Record<string, unknown>).price)).toEqual(["options[1].price: is required (a bid price > 0): the tender scores or compares price"]);
  });
  it("an unknown scale, formula or value function is reported at the criterion", () => {
    expect(issuesOf((t) => ((t.criteria[1] as Record<string, unknown>).scale = "0-7"))[0]).toMatch(/^criteria\[1\]\.scale: unknown qualitative scale "0-7"/);
    expect(issuesOf((t) => ((t.criteria[2] as Record<string, unknown>).formula = { formula: "cheapest-wins" }))[0]).toMatch(/^criteria\[2\]\.formula\.formula: unknown price formula/);
  });
  it("a consensus that differs from the evaluators without a reason", () => {
    expect(
      issuesOf((t) => {
        const c = t.consensus.find((x) => x.optionId === "A" && x.criterionId === "q1") as Record<string, unknown>;
        c.level = "3";
        c.reason = "";
      }),
    ).toEqual(['consensus[0].reason: must explain the consensus level "3", which differs from an evaluator\'s score']);
  });
  it("gates and tie-breaks referring to unknown criteria", () => {
    expect(issuesOf((t) => (t.gates = [{ id: "g", scope: ["nope"], minimumPercent: "60" }]))).toEqual(['gates[0].scope[0]: unknown criterion "nope"']);
    expect(issuesOf((t) => (t.settings = { tieBreak: [{ rule: "higher-score", criterionId: "nope" }] }))).toEqual(['settings.tieBreak[0].criterionId: unknown criterion "nope"']);
  });
  it("lists every issue at once, never a partial result", () => {
    const msgs = issuesOf((t) => {
      (t.options[2] as Record<string, unknown>).id = "A";
      (t.criteria[1] as Record<string, unknown>).weight = "11";
      (t.evaluatorScores[1] as Record<string, unknown>).level = "9";
    });
    expect(msgs.length).toBeGreaterThanOrEqual(3);
  });
  it("parseTender throws and safeParseTender returns the same issues", () => {
    const bad = { criteria: [], options: [] };
    expect(() => parseTender(bad)).toThrow(/criteria: must have at least 1 item/);
    const r = safeParseTender(bad);
    expect(r.success).toBe(false);
  });
});

describe("errors inside a registered scoring function are reported in the tender's terms", () => {
  it("a value function returning NaN names the criterion's valueFunction", () => {
    const broken: ValueFunction = { id: "broken", label: "Broken", formula: "NaN", params: [], score: () => ({ points: "NaN", substituted: "NaN" }) };
    const t = {
      criteria: [{ id: "co2", label: "Carbon", kind: "quantitative", weight: "100", valueFunction: { fn: "broken" } }],
      options: [{ id: "A", supplier: "A", label: "A", values: { co2: "5" } }],
    };
    const r = safeScoreTender(t, { valueFunctions: { ...VALUE_FUNCTIONS, broken } });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.map(formatIssue)).toEqual(['criteria[0].valueFunction.fn: value function "broken" returned "NaN" instead of a finite number of points']);
  });
});
