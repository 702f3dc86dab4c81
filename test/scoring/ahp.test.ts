import { describe, expect, it } from "vitest";
import { ahpWeights, formatIssue, SAATY_RANDOM_INDEX, VbpInputError } from "../../src/index.js";

function issues(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    if (e instanceof VbpInputError) return e.issues.map(formatIssue);
    throw e;
  }
  return [];
}

describe("AHP weighting (Saaty 1980, 1987)", () => {
  it("a consistent matrix gives exact ratio weights and CR 0", () => {
    // a = 2b = 4c: weights 4/7, 2/7, 1/7
    const r = ahpWeights({ items: ["a", "b", "c"], comparisons: [["1", "2", "4"], ["1/2", "1", "2"], ["1/4", "1/2", "1"]] });
    expect(r.weights.map((w) => w.weight)).toEqual(["57.14", "28.57", "14.29"]);
    expect(Number(r.lambdaMax)).toBeCloseTo(3, 12);
    expect(Number(r.consistencyRatio)).toBeCloseTo(0, 12);
  });

  it("Saaty's classic 3 × 3 example: weights 0.637, 0.258, 0.105, CR ≈ 0.033 (below 0.10)", () => {
    // Matrix [[1,3,5],[1/3,1,3],[1/5,1/3,1]]: λmax ≈ 3.0385, CI ≈ 0.0193, RI(3) = 0.58, CR ≈ 0.0332.
    const r = ahpWeights({ items: ["quality", "price", "social-value"], comparisons: [["1", "3", "5"], ["1/3", "1", "3"], ["1/5", "1/3", "1"]] });
    expect(r.weights.map((w) => w.weight)).toEqual(["63.70", "25.83", "10.47"]);
    expect(r.weights.reduce((s, w) => s + Number(w.weight), 0)).toBeCloseTo(100, 10);
    expect(Number(r.lambdaMax)).toBeCloseTo(3.0385, 4);
    expect(Number(r.consistencyRatio)).toBeCloseTo(0.0332, 3);
    expect(r.randomIndex).toBe("0.58");
    expect(r.source.title).toContain("Saaty");
  });

  it("ships Saaty's random index for n = 1…10", () => {
    expect([3, 4, 5, 6, 7, 8, 9, 10].map((n) => SAATY_RANDOM_INDEX[n])).toEqual(["0.58", "0.9", "1.12", "1.24", "1.32", "1.41", "1.45", "1.49"]);
  });

  it("an inconsistent matrix is an error above the limit, naming the CR and the judgement to revise", () => {
    // a > b (9), b > c (9), but c > a (9): wildly intransitive.
    const m = { items: ["a", "b", "c"], comparisons: [["1", "9", "1/9"], ["1/9", "1", "9"], ["9", "1/9", "1"]] };
    const [msg] = issues(() => ahpWeights(m));
    expect(msg).toMatch(/^comparisons\[\d\]\[\d\]: inconsistent judgements: consistency ratio \d+\.\d+ exceeds the limit 0\.1 \(CI \d+\.\d+ \/ RI 0\.58 for 3 items, Saaty 1987\); the most inconsistent judgement is/);
  });

  it("a matrix that is not reciprocal, not square or off the scale is an error with its path", () => {
    expect(issues(() => ahpWeights({ items: ["a", "b"], comparisons: [["1", "3"], ["3", "1"]] }))).toEqual([
      "comparisons[1][0]: must be the reciprocal of comparisons[0][1] (3): 1/3 = 0.3333, got 3 (b vs a)",
    ]);
    expect(issues(() => ahpWeights({ items: ["a", "b"], comparisons: [["1", "3", "1"], ["1/3", "1"]] }))).toEqual(["comparisons[0]: must have 2 entries (a square matrix), got 3"]);
    expect(issues(() => ahpWeights({ items: ["a", "b"], comparisons: [["2", "12"], ["1/12", "1"]] }))).toEqual([
      "comparisons[0][1]: must be on Saaty's scale, between 1/9 and 9, got 12",
      "comparisons[1][0]: must be on Saaty's scale, between 1/9 and 9, got 1/12",
      "comparisons[0][0]: must be 1 (an item compared with itself), got 2",
    ]);
    // 0.33 for 1/3 is accepted (within 1%); the weights follow the matrix as given.
    expect(ahpWeights({ items: ["a", "b"], comparisons: [["1", "3"], ["0.33", "1"]] }).weights.map((w) => w.weight)).toEqual(["75.09", "24.91"]);
  });
});
