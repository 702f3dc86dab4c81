import { describe, expect, it } from "vitest";
import {
  betaFromMeanSe,
  createDirichlet,
  createDistribution,
  createDrawPlan,
  DEFAULT_DISTRIBUTIONS,
  gammaFromMeanSe,
  lognormalFromCi,
  lognormalFromMeanSe,
  safeCreateDistribution,
  sampleDraws,
  streamId,
  uniformSource,
  VbpInputError,
  withDistributions,
  type DistributionDefinition,
  type DistributionSpec,
} from "../../src/index.js";

const N = 40000;
const SEED = 20261201;

function moments(spec: DistributionSpec): { mean: number; variance: number; tm: number; tv: number; xs: Float64Array } {
  const d = createDistribution(spec);
  const s = streamId(`test:${JSON.stringify(spec)}`);
  const xs = new Float64Array(N);
  let sum = 0;
  for (let i = 0; i < N; i++) {
    xs[i] = d.sample(uniformSource(SEED, s, i));
    sum += xs[i]!;
  }
  const mean = sum / N;
  let ss = 0;
  for (const x of xs) ss += (x - mean) ** 2;
  return { mean, variance: ss / (N - 1), tm: d.mean, tv: d.variance, xs };
}

// Tolerances (seed 20261201, 40,000 draws): the sample mean within 4 Monte Carlo standard errors
// (4·σ/√N) of the theoretical mean, and the sample variance within 6% of the theoretical variance
// (about 4 standard errors of the variance for the heaviest-tailed case here, gamma with shape 2).
const cases: [string, DistributionSpec][] = [
  ["beta α/β", { type: "beta", alpha: 2, beta: 8 }],
  ["beta mean/SE", { type: "beta", mean: 0.3, se: 0.05 }],
  ["beta small shapes", { type: "beta", alpha: 0.5, beta: 0.7 }],
  ["gamma shape/scale", { type: "gamma", shape: 2, scale: 500 }],
  ["gamma shape/rate", { type: "gamma", shape: 30, rate: 200 }],
  ["gamma mean/SE", { type: "gamma", mean: 1200, se: 300 }],
  ["gamma shape < 1", { type: "gamma", shape: 0.6, scale: 1 }],
  ["lognormal meanlog/sdlog", { type: "lognormal", meanlog: -0.3, sdlog: 0.2 }],
  ["lognormal mean/SE", { type: "lognormal", mean: 0.8, se: 0.1 }],
  ["lognormal 95% CI", { type: "lognormal", ci95: [0.5, 0.8] }],
  ["normal", { type: "normal", mean: 10, sd: 3 }],
  ["truncated normal", { type: "truncatedNormal", mean: 0.1, sd: 0.2, lower: 0, upper: 1 }],
  ["truncated normal (upper tail)", { type: "truncatedNormal", mean: 0, sd: 1, lower: 2 }],
  ["uniform", { type: "uniform", min: 2, max: 5 }],
  ["triangular", { type: "triangular", min: 0, mode: 1, max: 4 }],
  ["PERT", { type: "pert", min: 100, mode: 150, max: 300 }],
];

describe("sampling: sample mean and variance match theory", () => {
  it.each(cases)("%s", (_name, spec) => {
    const m = moments(spec);
    expect(Math.abs(m.mean - m.tm)).toBeLessThanOrEqual(4 * Math.sqrt(m.tv / N));
    expect(Math.abs(m.variance / m.tv - 1)).toBeLessThan(0.06);
  });

  it.each(cases)("%s: the quantile function agrees with the sampler (share below q(p) ≈ p within 4 SE)", (_name, spec) => {
    const d = createDistribution(spec);
    const { xs } = moments(spec);
    for (const p of [0.025, 0.5, 0.975]) {
      const q = d.quantile(p);
      let below = 0;
      for (const x of xs) if (x <= q) below++;
      expect(Math.abs(below / N - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / N));
    }
  });

  it("Dirichlet rows sum to 1 and each component has mean α_i/α₀ and variance α_i(α₀ − α_i)/(α₀²(α₀ + 1))", () => {
    const alpha = [1251, 350, 116, 17];
    const a0 = alpha.reduce((a, b) => a + b, 0);
    const d = createDirichlet(alpha);
    const row = new Float64Array(4);
    const sums = [0, 0, 0, 0];
    const sq = [0, 0, 0, 0];
    for (let i = 0; i < N; i++) {
      d.sample(uniformSource(SEED, streamId("dir"), i), row);
      expect(Math.abs(row.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
      row.forEach((x, j) => {
        sums[j]! += x;
        sq[j]! += x * x;
      });
    }
    alpha.forEach((a, j) => {
      const mean = sums[j]! / N;
      const tv = (a * (a0 - a)) / (a0 * a0 * (a0 + 1));
      expect(Math.abs(mean - a / a0)).toBeLessThan(4 * Math.sqrt(tv / N));
      expect(Math.abs((sq[j]! / N - mean * mean) / tv - 1)).toBeLessThan(0.06);
    });
  });

  it("a Gaussian copula keeps the margins and gives the stated correlation (normal margins: the MVN by Cholesky)", () => {
    const plan = createDrawPlan({
      quantities: [
        { key: "a", distribution: { type: "normal", mean: 0, sd: 1 } },
        { key: "b", distribution: { type: "normal", mean: 5, sd: 2 } },
        { key: "c", distribution: { type: "gamma", mean: 100, se: 20 } },
      ],
      correlations: [{ keys: ["a", "b", "c"], matrix: [[1, 0.6, -0.3], [0.6, 1, 0.2], [-0.3, 0.2, 1]] }],
    });
    const m = sampleDraws(plan, SEED, 0, N);
    const col = (c: number) => m.values.subarray(c * N, (c + 1) * N);
    const corr = (x: Float64Array, y: Float64Array) => {
      const mx = x.reduce((s, v) => s + v, 0) / N;
      const my = y.reduce((s, v) => s + v, 0) / N;
      let sxy = 0;
      let sxx = 0;
      let syy = 0;
      for (let i = 0; i < N; i++) {
        sxy += (x[i]! - mx) * (y[i]! - my);
        sxx += (x[i]! - mx) ** 2;
        syy += (y[i]! - my) ** 2;
      }
      return sxy / Math.sqrt(sxx * syy);
    };
    expect(corr(col(0), col(1))).toBeCloseTo(0.6, 1);
    const mb = col(1).reduce((s, v) => s + v, 0) / N;
    expect(Math.abs(mb - 5)).toBeLessThan(4 * (2 / Math.sqrt(N)));
    const mc = col(2).reduce((s, v) => s + v, 0) / N;
    expect(Math.abs(mc - 100)).toBeLessThan(4 * (20 / Math.sqrt(N)));
    expect(corr(col(0), col(2))).toBeLessThan(-0.2);
  });
});

describe("method-of-moments helpers", () => {
  it("beta from mean and SE (Briggs et al. 2006 §4.3.1)", () => {
    const { alpha, beta } = betaFromMeanSe(0.2, 0.04);
    expect(alpha).toBeCloseTo(19.8, 10);
    expect(beta).toBeCloseTo(79.2, 10);
    const d = createDistribution({ type: "beta", alpha, beta });
    expect(Math.sqrt(d.variance)).toBeCloseTo(0.04, 12);
  });
  it("gamma from mean and SE", () => {
    expect(gammaFromMeanSe(1000, 200)).toEqual({ shape: 25, scale: 40 });
  });
  it("lognormal from mean and SE keeps the natural-scale moments", () => {
    const p = lognormalFromMeanSe(0.8, 0.1);
    const d = createDistribution({ type: "lognormal", ...p });
    expect(d.mean).toBeCloseTo(0.8, 12);
    expect(Math.sqrt(d.variance)).toBeCloseTo(0.1, 12);
  });
  it("lognormal from a 95% CI puts the limits at the 2.5th and 97.5th percentiles", () => {
    const d = createDistribution({ type: "lognormal", ...lognormalFromCi(0.5, 0.8) });
    expect(d.quantile(0.025)).toBeCloseTo(0.5, 9);
    expect(d.quantile(0.975)).toBeCloseTo(0.8, 9);
  });
  it("normal quantile matches AS241 to 1e-15", () => {
    expect(createDistribution({ type: "normal", mean: 0, sd: 1 }).quantile(0.975)).toBeCloseTo(1.959963984540054, 14);
  });
});

describe("bad input is refused with its path, before any draw", () => {
  const issueOf = (spec: DistributionSpec) => {
    const r = safeCreateDistribution(spec, { path: ["parameters", 3, "distribution"] });
    expect(r.success).toBe(false);
    return r.success ? undefined : r.error.issues[0];
  };
  it("beta mean outside (0, 1)", () => {
    expect(issueOf({ type: "beta", mean: 1.2, se: 0.1 })).toMatchObject({ path: ["parameters", 3, "distribution", "mean"] });
    expect(() => betaFromMeanSe(0, 0.1)).toThrow(VbpInputError);
  });
  it("beta SE too large for its mean", () => {
    expect(issueOf({ type: "beta", mean: 0.1, se: 0.4 })?.message).toMatch(/too large/);
  });
  it("negative gamma mean", () => {
    expect(issueOf({ type: "gamma", mean: -5, se: 1 })).toMatchObject({ path: ["parameters", 3, "distribution", "mean"] });
  });
  it("mixed or incomplete parameterisations, unknown keys and types", () => {
    expect(issueOf({ type: "gamma", mean: 5 })?.code).toBe("invalid_union");
    expect(issueOf({ type: "gamma", shape: 2, scale: 1, se: 3 })?.code).toBe("invalid_union");
    expect(issueOf({ type: "gamma", shape: 2, scale: 1, rate: 1 })?.code).toBe("invalid_union");
    expect(issueOf({ type: "gamma", shape: 2, rate: 0 })).toMatchObject({ path: ["parameters", 3, "distribution", "rate"] });
    expect(issueOf({ type: "beta", alpha: 2, beta: 3, mu: 1 })?.code).toBe("unrecognized_keys");
    expect(issueOf({ type: "weibull", shape: 2 })).toMatchObject({ path: ["parameters", 3, "distribution", "type"] });
    expect(issueOf({ type: "triangular", min: 0, mode: 5, max: 4 })).toMatchObject({ path: ["parameters", 3, "distribution", "mode"] });
  });
  it("Dirichlet with a zero count", () => {
    try {
      createDrawPlan({ quantities: [{ key: "p", path: ["parameters", 0], dirichlet: { group: "r", alpha: [10, 0, 5], index: 0 } }] });
      expect.unreachable();
    } catch (e) {
      expect((e as VbpInputError).issues[0]).toMatchObject({ code: "too_small", path: ["parameters", 0, "alpha", 1] });
    }
  });
  it("a correlation matrix that is not positive definite", () => {
    try {
      createDrawPlan({
        quantities: ["a", "b", "c"].map((key) => ({ key, distribution: { type: "normal", mean: 0, sd: 1 } })),
        correlations: [{ keys: ["a", "b", "c"], matrix: [[1, 0.9, 0.9], [0.9, 1, -0.9], [0.9, -0.9, 1]], path: ["uncertainty", "correlations", 0] }],
      });
      expect.unreachable();
    } catch (e) {
      expect((e as VbpInputError).issues[0]!.path).toEqual(["uncertainty", "correlations", 0, "matrix"]);
      expect((e as VbpInputError).issues[0]!.message).toMatch(/not positive definite/);
    }
  });
});

describe("registry", () => {
  const exponential: DistributionDefinition = {
    type: "exponential",
    summary: "Exponential: { rate }",
    create(spec, path, issues) {
      const rate = Number(spec.rate);
      if (!(rate > 0)) {
        issues.push({ code: "too_small", path: [...path, "rate"], message: `must be > 0, got ${String(spec.rate)}` });
        return undefined;
      }
      return { type: "exponential", mean: 1 / rate, variance: 1 / rate ** 2, support: [0, Infinity], sample: (u) => -Math.log(u.next()) / rate, quantile: (p) => -Math.log1p(-p) / rate };
    },
  };
  it("users add distributions without changing the defaults", () => {
    const r = withDistributions(DEFAULT_DISTRIBUTIONS, [exponential]);
    expect(createDistribution({ type: "exponential", rate: 4 }, { registry: r }).mean).toBe(0.25);
    expect(safeCreateDistribution({ type: "exponential", rate: 4 }).success).toBe(false);
    expect(() => withDistributions(r, [exponential])).toThrow(/already registered/);
  });
});
