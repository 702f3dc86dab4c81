import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Dec } from "../../src/_lib/decimal.js";
import { evaluateLifecycle, parseLifecycleDocument } from "../../src/index.js";

const json: unknown = JSON.parse(readFileSync(new URL("../../examples/lifecycle/imaging-systems.json", import.meta.url), "utf8"));

// Hand check. NICE 3.5%, start of year: DF_n = 1.035^−(n−1); S(a, b) = Σ_{n=a..b} DF_n.
const DF = (n: number) => new Dec("1.035").pow(-(n - 1));
const S = (a: number, b: number) => {
  let s = new Dec(0);
  for (let n = a; n <= b; n++) s = s.plus(DF(n));
  return s;
};

describe("worked example: two CT scanners over 10 years (examples/lifecycle/imaging-systems.json)", () => {
  const doc = parseLifecycleDocument(json);
  const r = evaluateLifecycle(doc);
  const [a, b] = r.options;

  it("whole-life (undiscounted) cost matches the hand sum", () => {
    // A (8-year life, replaced in year 9): capital 2 × 600,000 + installation 2 × 80,000 + training 2 × 10,000
    //   + service 9 × 60,000 + per scan 12,000 × (4.50 + 3.2 × 0.25 + 12/60 × 38 = 12.90) × 10 years = 1,548,000
    //   + standby 40,000 kWh × 0.25 × 10 = 100,000 + disposal 15,000 (year 8)
    //   − residual 600,000 × 6/8 = 450,000 (replacement bought in year 9, used 2 of 8 years)  = 3,133,000
    expect(a!.undiscounted.amount).toBe("3133000");
    // B (10-year life): 780,000 + 95,000 + 14,000 + service 9 × 48,000 + tubes 2 × 120,000 (years 5, 9)
    //   + per scan 12,000 × (3.90 + 2.4 × 0.25 + 10/60 × 38) × 10 = 1,300,000 + standby 25,000 × 0.25 × 10 = 62,500
    //   + disposal 18,000 (year 10) − residual 0 (no unexpired life)                          = 2,941,500
    expect(b!.undiscounted.amount).toBe("2941500");
  });

  it("net present cost matches the hand formula", () => {
    const npcA = new Dec(690000)
      .times(DF(1).plus(DF(9)))
      .plus(new Dec(60000).times(S(2, 10)))
      .plus(new Dec(154800 + 10000).times(S(1, 10)))
      .plus(new Dec(15000).times(DF(8)))
      .minus(new Dec(450000).times(new Dec("1.035").pow(-10)));
    const npcB = new Dec(889000)
      .plus(new Dec(48000).times(S(2, 10)))
      .plus(new Dec(120000).times(DF(5).plus(DF(9))))
      .plus(new Dec(130000 + 6250).times(S(1, 10)))
      .plus(new Dec(18000).times(DF(10)));
    expect(new Dec(a!.presentCost.amount).minus(npcA).abs().lte("1e-15")).toBe(true);
    expect(new Dec(b!.presentCost.amount).minus(npcB).abs().lte("1e-15")).toBe(true);
    // Rounded to the penny (the figures quoted in the README).
    expect(new Dec(a!.presentCost.amount).toFixed(2)).toBe(npcA.toFixed(2));
    expect(new Dec(b!.presentCost.amount).toFixed(2)).toBe(npcB.toFixed(2));
  });

  it("EAC and cost per scan follow from NPC", () => {
    const A = S(1, 10); // annuity-due factor for start-of-year timing
    expect(new Dec(b!.equivalentAnnualCost.amount).minus(new Dec(b!.presentCost.amount).div(A)).abs().lte("1e-19")).toBe(true);
    const perScan = b!.perUse;
    expect(perScan.status).toBe("ok");
    if (perScan.status === "ok") {
      expect(perScan.volume).toBe("120000");
      expect(new Dec(perScan.discounted.amount).minus(new Dec(b!.presentCost.amount).div(A.times(12000))).abs().lte("1e-19")).toBe(true);
    }
  });

  it("B pays back against A, and every figure is in the ledger", () => {
    expect(a!.payback?.undiscounted.status).toBe("comparator");
    expect(b!.payback?.undiscounted.status).toBe("paid-back");
    expect(r.ledger!.filter((x) => x.optionId === "ct-a" && x.itemId === "capital").map((x) => x.period)).toEqual([1, 9]);
    expect(r.ledger!.every((x) => x.source !== undefined)).toBe(true);
  });
});
