/**
 * A published model under PSA: the Chancellor et al. (1997) HIV model as replicated in Briggs, Claxton &
 * Sculpher (2006), Decision Modelling for Health Economic Evaluation (OUP), chapters 2 and 4, with the
 * book's probabilistic specification: Dirichlet rows from the Chelsea and Westminster transition counts
 * (Table 2.1) and a lognormal relative risk of progression (RR 0.509, 95% CI 0.365–0.710: meanlog −0.675,
 * sdlog 0.171). The published cost-effectiveness figure is the ICER of £6,276 per life year gained
 * (Chancellor et al. 1997, PharmacoEconomics 12:54–66; Briggs et al. 2006 exercise 2.5).
 *
 * For two options the pairwise CEAC crosses 0.5 where the median incremental net benefit is 0, close to the
 * ICER when the net benefit is near-symmetric; and the probabilistic mean ICER (ratio of mean incremental
 * cost to mean incremental life years) is close to the deterministic one for this model, which is nearly
 * linear in its parameters. Tolerances: 5% for the mean ICER, 10% for the crossing (10,000 draws).
 */
import { describe, expect, it } from "vitest";
import { chancellorHivModel } from "../../examples/pathway/chancellor-hiv.js";
import { cePlane, pairwiseCeac, runPsa, thresholdRange } from "../../src/index.js";

describe("Chancellor HIV model under PSA (Briggs, Claxton & Sculpher 2006, ch. 4)", () => {
  const psa = runPsa(chancellorHivModel(), { iterations: 10000, seed: 1997 });

  it("the probabilistic ICER of the means is close to the published £6,276 per life year", () => {
    const plane = cePlane(psa)[0]!;
    expect(plane.optionId).toBe("comb");
    expect(Math.abs(plane.icerOfMeans! / 6276 - 1)).toBeLessThan(0.05);
    expect(psa.conditions).toEqual([]);
  });

  it("the CEAC of combination therapy crosses 0.5 near £6,276 per life year", () => {
    const lambdas = thresholdRange(0, 20000, 401);
    const p = pairwiseCeac(psa, lambdas).options[0]!.probability;
    const i = p.findIndex((x) => x >= 0.5);
    expect(i).toBeGreaterThan(0);
    // Linear interpolation between the grid points around the crossing.
    const crossing = lambdas[i - 1]! + ((0.5 - p[i - 1]!) / (p[i]! - p[i - 1]!)) * (lambdas[i]! - lambdas[i - 1]!);
    expect(Math.abs(crossing / 6276 - 1)).toBeLessThan(0.1);
  });
});
