import { describe, expect, it } from "vitest";
import { checkCriteriaTree, globalWeights, swingWeights, type Criterion } from "../../src/scoring/index.js";

const leaf = (id: string, weight: string, extra: Partial<Record<string, unknown>> = {}): Criterion =>
  ({ id, label: id, kind: "qualitative", weight, scale: "0-5", ...extra }) as Criterion;

describe("checkCriteriaTree", () => {
  it("accepts sibling weights that sum to exactly 100", () => {
    expect(checkCriteriaTree([leaf("a", "33.33"), leaf("b", "33.33"), leaf("c", "33.34")])).toEqual([]);
  });
  it("rejects weights that do not sum to exactly 100, naming the path and the parts", () => {
    expect(checkCriteriaTree([leaf("a", "60"), leaf("b", "30")])).toEqual([
      { code: "sum_mismatch", path: ["criteria"], message: "weights of these criteria must sum to exactly 100%, got 90% (a 60 + b 30)" },
    ]);
    // No tolerance: 33.333 × 3 = 99.999 is an error.
    const nested: Criterion[] = [{ id: "g", label: "g", kind: "group", weight: "100", children: [leaf("a", "33.333"), leaf("b", "33.333"), leaf("c", "33.333")] }];
    expect(checkCriteriaTree(nested)[0]?.path).toEqual(["criteria", 0, "children"]);
  });
  it("ignores pass/fail criteria in the sum and rejects duplicate ids", () => {
    const issues = checkCriteriaTree([leaf("a", "100"), { id: "a", label: "gate", kind: "pass-fail" }]);
    expect(issues).toEqual([{ code: "duplicate_id", path: ["criteria", 1, "id"], message: 'criterion id "a" is already used at criteria[0]' }]);
  });
  it("checks a weight against its published range (EU 2014/24 Art. 67(5)) and the maximum spread", () => {
    const issues = checkCriteriaTree([leaf("a", "70", { weightRange: { min: "40", max: "60" } }), leaf("b", "30")], ["criteria"], "10");
    expect(issues).toEqual([
      { code: "invalid_value", path: ["criteria", 0, "weight"], message: "must lie within the published weight range 40–60%, got 70" },
      { code: "too_big", path: ["criteria", 0, "weightRange"], message: "spread 20 percentage points exceeds the maximum spread of 10" },
    ]);
  });
});

describe("globalWeights", () => {
  it("multiplies weights down the tree (three levels)", () => {
    // domain 40 → question 50 → sub-criterion 25: 40 × 0.5 × 0.25 = 5.
    const tree: Criterion[] = [
      {
        id: "d",
        label: "d",
        kind: "group",
        weight: "40",
        children: [
          { id: "q", label: "q", kind: "group", weight: "50", children: [leaf("s1", "25"), leaf("s2", "75")] },
          leaf("q2", "50"),
        ],
      },
      { id: "p", label: "p", kind: "price", weight: "60", formula: { formula: "relative-to-lowest" } },
    ];
    expect(globalWeights(tree).map((w) => [w.id, w.globalWeight])).toEqual([
      ["d", "40"],
      ["q", "20"],
      ["s1", "5"],
      ["s2", "15"],
      ["q2", "20"],
      ["p", "60"],
    ]);
  });
});

describe("swingWeights", () => {
  it("weights proportional to swing × importance, summing to exactly 100", () => {
    // swings: |10−0|×1 = 10, |5−0|×2 = 10, rating 20 → 25, 25, 50.
    expect(
      swingWeights([
        { id: "a", worst: "0", best: "10", importance: "1" },
        { id: "b", worst: "5", best: "0", importance: "2" },
        { id: "c", importance: "20" },
      ]).map((w) => [w.id, w.swing, w.weight]),
    ).toEqual([
      ["a", "10", "25"],
      ["b", "10", "25"],
      ["c", "20", "50"],
    ]);
  });
  it("rounds thirds by largest remainder so the weights still sum to 100", () => {
    expect(swingWeights([{ id: "a", importance: "1" }, { id: "b", importance: "1" }, { id: "c", importance: "1" }]).map((w) => w.weight)).toEqual(["33.34", "33.33", "33.33"]);
  });
  it("refuses when every swing is zero", () => {
    expect(() => swingWeights([{ id: "a", importance: "0" }])).toThrow(RangeError);
  });
});
