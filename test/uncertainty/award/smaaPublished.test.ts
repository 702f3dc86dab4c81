import { describe, expect, it } from "vitest";
import { awardUncertainty, type Tender, type UncertainTenderInput } from "../../../src/index.js";

/**
 * Published SMAA-2 example: the "thrombolytics" benefit-risk problem (heparin vs enoxaparin on proximal DVT,
 * distal DVT and major bleeding, no weight information) printed in the examples of the R package `smaa`
 * (G. van Valkenhoef & T. Tervonen, CRAN, version 0.3; file tests/Examples/smaa-Ex.Rout.save, N = 10,000):
 *
 *   rank acceptabilities   Heparin 0.3504 0.6496   Enoxaparin 0.6496 0.3504
 *   central weights        Heparin (0.1865, 0.2772, 0.5363)   Enoxaparin (0.4073, 0.3641, 0.2285)
 *   confidence factors     Heparin 0.6682   Enoxaparin 0.8956
 *
 * Event-rate distributions and linear decreasing partial value functions as published with the example in
 * drugis/mcda-elicitation-web ("Thrombolytics Example"): heparin Beta(20, 116), Beta(40, 96), Beta(1, 135);
 * enoxaparin Beta(8, 121), Beta(32, 97), Beta(5, 124); value ranges [0, 0.25], [0.15, 0.4], [0, 0.1].
 * (The R example extrapolates the value functions beyond their ranges; scoring here clamps to the range, which
 * moves about 1% of draws on the distal-DVT and bleeding criteria: within the tolerance below.)
 */
const beta = (a: number, b: number) => ({ type: "beta" as const, mean: a / (a + b), sd: Math.sqrt((a * b) / ((a + b) ** 2 * (a + b + 1))) });
const crit = (id: string, lower: string, upper: string, weight: string): Tender["criteria"][number] => ({ id, label: id, kind: "quantitative", weight, valueFunction: { fn: "linear", direction: "lower-is-better", params: { lower, upper } } });

describe("SMAA-2: the thrombolytics example of the R package smaa", () => {
  it("rank acceptabilities, central weights and confidence factors within Monte Carlo error", () => {
    const tender: Tender = {
      criteria: [crit("prox", "0", "0.25", "33.34"), crit("dist", "0.15", "0.4", "33.33"), crit("bleed", "0", "0.1", "33.33")],
      options: [
        { id: "hep", supplier: "Heparin", label: "Heparin", values: { prox: "0.147", dist: "0.294", bleed: "0.0074" } },
        { id: "enox", supplier: "Enoxaparin", label: "Enoxaparin", values: { prox: "0.062", dist: "0.248", bleed: "0.0388" } },
      ],
    };
    const inputs: UncertainTenderInput[] = [
      { optionId: "hep", input: "prox", distribution: beta(20, 116) },
      { optionId: "hep", input: "dist", distribution: beta(40, 96) },
      { optionId: "hep", input: "bleed", distribution: beta(1, 135) },
      { optionId: "enox", input: "prox", distribution: beta(8, 121) },
      { optionId: "enox", input: "dist", distribution: beta(32, 97) },
      { optionId: "enox", input: "bleed", distribution: beta(5, 124) },
    ];
    const N = 20000;
    const r = awardUncertainty(tender, { iterations: N, seed: 20110101, weights: {}, inputs });
    const [hep, enox] = ["hep", "enox"].map((id) => r.lots[0]!.bids.find((b) => b.optionId === id)!);
    // Both estimates carry Monte Carlo error (R: N = 10,000; here N = 20,000): 4 combined standard errors.
    const tol = (p: number) => 4 * Math.sqrt(p * (1 - p) * (1 / 10000 + 1 / N));
    expect(Math.abs(hep!.rankAcceptability[0]! - 0.3504)).toBeLessThan(tol(0.35));
    expect(Math.abs(enox!.rankAcceptability[0]! - 0.6496)).toBeLessThan(tol(0.35));
    expect(Math.abs(hep!.confidenceFactor! - 0.6682)).toBeLessThan(tol(0.67) + 0.02);
    expect(Math.abs(enox!.confidenceFactor! - 0.8956)).toBeLessThan(tol(0.9) + 0.02);
    const cw = (b: typeof hep) => [b!.centralWeights!.prox!, b!.centralWeights!.dist!, b!.centralWeights!.bleed!].map((x) => x / 100);
    [0.1865, 0.2772, 0.5363].forEach((x, i) => expect(Math.abs(cw(hep)[i]! - x)).toBeLessThan(0.02));
    [0.4073, 0.3641, 0.2285].forEach((x, i) => expect(Math.abs(cw(enox)[i]! - x)).toBeLessThan(0.02));
  });
});
