import { describe, expect, it } from "vitest";
import { evaluate, safeEvaluate } from "../../src/index.js";
import { catalogueDoc, issuesOf, type Doc } from "./helpers.js";

// The must-show case: a catalogue of 1,000 options (current practice + 999 products) with 3 invalid ones, each
// breaking a different kind of rule: a field rule (a negative price), a part's own rule found while validating
// (an effect aimed at a node the pathway does not have), and a value rule only the pathway engine finds (an
// effect that pushes a probability above 1).
function withThreeBad(): Doc {
  const doc = catalogueDoc(999);
  doc.options[11].price = "-5"; // p10
  doc.options[501].effects[0].target = { node: "nowhere", branch: "ssi" }; // p500
  doc.options[999].effects[0].value = "10"; // p998: 0.12 × 10 = 1.2
  return doc;
}

describe("catalogue runs: every option accounted for", () => {
  const doc = withThreeBad();
  const result = evaluate(doc);

  it("evaluates the 997 valid options and reports the 3 invalid ones by id, index and rule", () => {
    expect(result.kind).toBe("catalogue");
    expect(result.options).toHaveLength(997);
    expect(result.excluded.map((e) => [e.optionId, e.index])).toEqual([
      ["p10", 11],
      ["p500", 501],
      ["p998", 999],
    ]);
    const [price, target, value] = result.excluded.map((e) => e.issues);
    expect(price).toEqual([{ code: "too_small", path: ["options", 11, "price"], message: expect.stringContaining("-5") }]);
    expect(target?.[0]).toMatchObject({ path: ["options", 501, "effects", 0, "target"], message: expect.stringContaining('"nowhere"') });
    expect(value?.[0]?.path.slice(0, 2)).toEqual(["options", 999]);
    expect(value?.[0]?.message).toMatch(/1\.2/);
    const ids = new Set(result.options.map((o) => o.optionId));
    for (const e of result.excluded) expect(ids.has(e.optionId as string)).toBe(false);
    // Every valid bid is scored and ranked (the comparator is not a bid).
    expect(result.tender.lots[0]!.options).toHaveLength(996);
    expect(result.warnings[0]?.message).toBe("3 invalid options were excluded (see excluded): p10, p500, p998");
  });

  it("excluding them changes nothing else: the same figures as a catalogue without them", () => {
    const clean = structuredClone(doc);
    clean.options = clean.options.filter((_: Doc, i: number) => ![11, 501, 999].includes(i));
    clean.tender.passFail = clean.tender.passFail.filter((p: Doc) => !["p10", "p500", "p998"].includes(p.optionId));
    const expected = evaluate(clean);
    expect(expected.excluded).toEqual([]);
    expect(result.options).toEqual(expected.options);
    expect(result.ranking).toEqual(expected.ranking);
    expect(result.costEffectiveness).toEqual(expected.costEffectiveness);
  });

  it("a catalogue is compact by default; full detail on request", () => {
    expect(result.detail).toBe("compact");
    expect(result.explanations).toEqual([]);
    expect(result.stages).toBeUndefined();
    expect(result.assessmentSummaries).toEqual([]);
    expect(result.tender.lots[0]!.options[0]!.scoreTree.every((n) => n.children === undefined && n.trace === undefined)).toBe(true);
  });

  it("the caller chooses: invalidOptions \"fail\" fails the catalogue with every problem validation finds, engine not run", () => {
    const issues = issuesOf(() => evaluate(doc, { invalidOptions: "fail" }));
    expect(issues.map((i) => i.path.slice(0, 2))).toEqual([
      ["options", 11],
      ["options", 501],
    ]);
  });

  it("a tender keeps failing whole on any invalid bid, listing every problem", () => {
    const tender = structuredClone(doc);
    delete tender.kind;
    const r = safeEvaluate(tender);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.map((i) => i.path[1])).toEqual([11, 501]);
    // ... unless the caller asks to exclude.
    expect(evaluate(tender, { invalidOptions: "exclude", detail: "compact" }).excluded).toHaveLength(3);
  });

  it("a problem that is no one option's fails a catalogue too (the comparator, a criterion)", () => {
    const badComparator = structuredClone(doc);
    badComparator.options[0].effects = [{ op: "multiply", target: { node: "nowhere", branch: "ssi" }, value: "1" }];
    expect(issuesOf(() => evaluate(badComparator)).some((i) => i.path[0] === "options" && i.path[1] === 0)).toBe(true);
    const badCriterion = structuredClone(doc);
    badCriterion.criterionMetrics = { ...badCriterion.criterionMetrics, nope: "qalysPerPatient" };
    expect(issuesOf(() => evaluate(badCriterion)).map((i) => i.path)).toContainEqual(["criterionMetrics", "nope"]);
  });

  it("never changes the caller's document", () => {
    expect(doc).toEqual(withThreeBad());
  });
}, 600_000);
