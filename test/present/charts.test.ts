import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  VEGA_LITE_SCHEMA,
  VbpInputError,
  acceptabilityCurveChart,
  carbonBySourceChart,
  carbonBySourceData,
  costEffectivenessPlaneChart,
  evaluationCharts,
  rankAcceptabilityChart,
  scoreBreakdownChart,
  scoreBreakdownData,
  tornadoChart,
  wholeLifeCostChart,
  wholeLifeCostData,
  type OptionDraws,
  type VegaLiteSpec,
} from "../../src/index.js";
import { issuesOf } from "../evaluate/helpers.js";
import { tenderResult, vegaLiteProblems } from "./helpers.js";

const result = tenderResult();

/** Layer i's inline data values. */
function layerValues(spec: VegaLiteSpec, i: number): Record<string, unknown>[] {
  return ((spec.layer as { data: { values: Record<string, unknown>[] } }[])[i]!).data.values;
}

const draws = (id: string, costs: number[], qalys: number[], label?: string): OptionDraws => ({ optionId: id, costs, qalys, ...(label !== undefined ? { label } : {}) });
const psa = { comparatorId: "soc", options: [draws("soc", [100, 110, 90, 100], [1, 1.1, 0.9, 1]), draws("new", [150, 170, 120, 160], [1.01, 1.2, 0.95, 1.04], "New device")] };
const ceac = {
  thresholds: [0, 10000, 20000, 30000],
  options: [
    { optionId: "soc", probability: [1, 0.7, 0.4, 0.1] },
    { optionId: "new", probability: new Float64Array([0, 0.3, 0.6, 0.9]) },
  ],
};
const ceaf = { points: [0, 10000, 20000, 30000].map((t, i) => (i < 2 ? { threshold: t, optionId: "soc", probability: 1 - i * 0.3 } : { threshold: t, optionId: "new", probability: i * 0.3 })) };
const bar = (parameter: string, outputAtLow: number, outputAtHigh: number, low: number | string = 1, high: number | string = 2) => ({ parameter, low, high, outputAtLow, outputAtHigh });
const tornado = { output: "Incremental cost (£)", base: 100, bars: [bar("small", 95, 104), bar("big", 20, 260, 0.1, "0.9"), bar("middle", 150, 60)] };
const ranks = [{ optionId: "a", label: "A", probabilities: [0.6, 0.3, 0.1] }, { optionId: "b", probabilities: new Float64Array([0.3, 0.5, 0.2]) }, { optionId: "c", probabilities: [0.1, 0.2, 0.7] }];

const every: [string, () => VegaLiteSpec][] = [
  ["score breakdown", () => scoreBreakdownChart(scoreBreakdownData(result))],
  ["whole-life cost", () => wholeLifeCostChart(wholeLifeCostData(result.stages!.lifecycle!), { currency: "GBP" })],
  ["carbon by source", () => carbonBySourceChart(carbonBySourceData(result))],
  ["CE plane", () => costEffectivenessPlaneChart(psa, { threshold: 20000, currency: "GBP" })],
  ["CEAC and CEAF", () => acceptabilityCurveChart(ceac, { frontier: ceaf, labels: { new: "New device" } })],
  ["tornado", () => tornadoChart(tornado)],
  ["rank acceptability", () => rankAcceptabilityChart(ranks)],
];

describe("chart specifications", () => {
  it.each(every)("%s: plain JSON Vega-Lite v5 that compiles with no warning", (_, make) => {
    const spec = make();
    expect(spec.$schema).toBe(VEGA_LITE_SCHEMA);
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    expect(vegaLiteProblems(spec)).toEqual([]);
  });

  it("evaluationCharts gives the three evaluation charts when the ledger is kept, two without it", () => {
    expect(evaluationCharts(result).map((c) => c.id)).toEqual(["score-breakdown", "whole-life-cost", "carbon-by-source"]);
    const noLedger = { ...result, stages: { ...result.stages, lifecycle: { ...result.stages!.lifecycle!, ledger: undefined } } };
    expect(evaluationCharts(noLedger as never).map((c) => c.id)).toEqual(["score-breakdown", "carbon-by-source"]);
  });
});

describe("data from an evaluation", () => {
  it("score segments add up to each bid's total; the comparator has no bar; rank order kept", () => {
    const rows = scoreBreakdownData(result);
    const ranked = result.ranking.filter((r) => r.status !== "comparator");
    // Several lots (the worked tender has two): each name starts with its lot.
    const lots = new Set(result.ranking.map((r) => r.lot));
    expect([...new Set(rows.map((r) => r.option))]).toEqual(ranked.map((r) => `${lots.size > 1 ? `${r.lot}: ` : ""}${r.rank !== undefined ? `${r.rank}. ` : "(excluded) "}${r.supplier} — ${r.label}`));
    // A bid excluded before price has no total (only its points before price): nothing to add up to.
    for (const r of ranked.filter((x) => x.total !== "")) {
      const sum = rows.filter((x) => x.option.includes(r.label)).reduce((a, x) => a + Number(x.points), 0);
      expect(sum).toBeCloseTo(Number(r.total), 9);
    }
  });

  it("whole-life cost rows add up to each option's present cost, and undiscounted to its undiscounted cost", () => {
    const lc = result.stages!.lifecycle!;
    for (const discounted of [true, false]) {
      const rows = wholeLifeCostData(lc, { discounted });
      for (const o of lc.options) {
        const sum = rows.filter((r) => r.option.endsWith(o.name)).reduce((a, r) => a + Number(r.amount), 0);
        expect(sum).toBeCloseTo(Number((discounted ? o.presentCost : o.undiscounted).amount), 6);
      }
      expect(new Set(rows.map((r) => r.year))).toEqual(new Set(Array.from({ length: result.horizonYears }, (_, i) => i + 1)));
    }
  });

  it("whole-life cost needs the ledger: a clear error otherwise", () => {
    const { ledger: _ledger, ...noLedger } = result.stages!.lifecycle!;
    const issues = issuesOf(() => wholeLifeCostData(noLedger));
    expect(issues[0]!.path).toEqual(["ledger"]);
    expect(issues[0]!.message).toMatch(/ledger: true/);
  });

  it("carbon segments add up to each option's kgCO2e per patient, pathway first", () => {
    const rows = carbonBySourceData(result);
    for (const o of result.options) {
      const mine = rows.filter((r) => r.option.startsWith(`${o.supplier} — ${o.label}`));
      expect(mine[0]!.source).toBe("patient pathway");
      expect(mine.reduce((a, r) => a + Number(r.kgCO2e), 0)).toBeCloseTo(Number(o.carbon.kgPerPatient), 9);
    }
  });
});

describe("cost-effectiveness plane", () => {
  it("plots increments over the comparator, draw by draw, with the mean and the threshold line", () => {
    const spec = costEffectivenessPlaneChart(psa, { threshold: 20000 });
    const points = layerValues(spec, 0);
    expect(points.map((p) => [p.option, p.incrementalQalys, p.incrementalCost])).toEqual([
      ["New device", 0.010000000000000009, 50],
      ["New device", 0.09999999999999987, 60],
      ["New device", 0.04999999999999993, 30],
      ["New device", 0.040000000000000036, 60],
    ]);
    const [mean] = layerValues(spec, 1);
    expect(mean!.incrementalCost).toBe(50);
    expect(mean!.incrementalQalys).toBeCloseTo(0.05, 12);
    const line = layerValues(spec, 4);
    for (const p of line) expect(p.incrementalCost).toBeCloseTo(20000 * (p.incrementalQalys as number), 9);
  });

  it("leaves out draws marked invalid (their values may be NaN)", () => {
    const spec = costEffectivenessPlaneChart({ ...psa, valid: new Uint8Array([1, 0, 1, 1]), options: [psa.options[0]!, draws("new", [150, Number.NaN, 120, 160], [1.01, Number.NaN, 0.95, 1.04])] });
    expect(layerValues(spec, 0).map((p) => p.draw)).toEqual([1, 3, 4]);
    expect(layerValues(spec, 1)[0]!.incrementalCost).toBeCloseTo(140 / 3, 12);
    expect(issuesOf(() => costEffectivenessPlaneChart({ ...psa, valid: [0, 0, 0, 0] }))[0]!.message).toBe("leaves no draw to plot");
    expect(issuesOf(() => costEffectivenessPlaneChart({ ...psa, valid: [1] }))[0]!.path).toEqual(["valid"]);
  });

  it("thins long runs to at most maxPointsPerOption points, while the mean uses every draw", () => {
    const n = 2500;
    const soc = draws("soc", Array.from({ length: n }, () => 0), Array.from({ length: n }, () => 0));
    const neu = draws("new", Array.from({ length: n }, (_, k) => k), Array.from({ length: n }, (_, k) => k / n));
    const spec = costEffectivenessPlaneChart({ comparatorId: "soc", options: [soc, neu] }, { maxPointsPerOption: 1000 });
    expect(layerValues(spec, 0)).toHaveLength(834); // every 3rd draw
    expect(layerValues(spec, 1)[0]!.incrementalCost).toBe((n - 1) / 2);
  });

  it("reports every bad input at once, with its path", () => {
    const bad = { comparatorId: "nobody", options: [draws("a", [1, 2], [1, 1]), draws("a", [1, Number.NaN, 3], [1, 1])] };
    const issues = issuesOf(() => costEffectivenessPlaneChart(bad, { maxPointsPerOption: 0 }));
    expect(issues.map((i) => [i.code, i.path.join(".")])).toEqual([
      ["invalid_value", "maxPointsPerOption"],
      ["duplicate_id", "options.1.optionId"],
      ["invalid_value", "options.1.costs"],
      ["invalid_value", "options.1.costs.1"],
      ["unknown_reference", "comparatorId"],
    ]);
    expect(() => costEffectivenessPlaneChart({ comparatorId: "a", options: [] })).toThrow(VbpInputError);
  });

  it("property: the mean marker is the mean of the per-draw increments (fixed seed)", () => {
    const arr = (n: number) => fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: n, maxLength: n });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }).chain((n) => fc.tuple(arr(n), arr(n), arr(n), arr(n))),
        ([c0, q0, c1, q1]) => {
          const spec = costEffectivenessPlaneChart({ comparatorId: "c", options: [draws("c", c0, q0), draws("x", c1, q1)] });
          const mean = layerValues(spec, 1)[0]!;
          const expected = c1.reduce((a, v, k) => a + (v - c0[k]!), 0) / c1.length;
          return Math.abs((mean.incrementalCost as number) - expected) <= 1e-6 * Math.max(1, Math.abs(expected));
        },
      ),
      { seed: 13, numRuns: 100 },
    );
  });
});

describe("acceptability curves, tornado and rank acceptability", () => {
  it("CEAC draws one line per option and the frontier over them", () => {
    const spec = acceptabilityCurveChart(ceac, { frontier: ceaf, labels: { new: "New device" } });
    expect(layerValues(spec, 0).filter((p) => p.option === "New device").map((p) => [p.threshold, p.probability])).toEqual([
      [0, 0],
      [10000, 0.3],
      [20000, 0.6],
      [30000, 0.9],
    ]);
    expect(layerValues(spec, 1).map((p) => p.option)).toEqual(["soc", "soc", "New device", "New device"]);
    expect((spec.layer as unknown[]).length).toBe(2);
    expect((acceptabilityCurveChart(ceac).layer as unknown[]).length).toBe(1);
    const issues = issuesOf(() => acceptabilityCurveChart({ thresholds: [-1, 5], options: [{ optionId: "", probability: [1.2] }] }, { frontier: { points: [{ threshold: 0, optionId: "a", probability: Number.NaN }] } }));
    expect(issues.map((i) => i.path.join("."))).toEqual(["thresholds.0", "options.0.optionId", "options.0.probability", "options.0.probability.0", "frontier.points.0.probability"]);
  });

  it("tornado sorts parameters by swing, widest first, and starts bars at the base case", () => {
    const spec = tornadoChart(tornado, { labels: { big: "Big one" } });
    const bars = layerValues(spec, 0);
    expect([...new Set(bars.map((b) => b.parameter))]).toEqual(["Big one", "middle", "small"]);
    expect(bars.every((b) => b.from === 100)).toBe(true);
    expect(bars.find((b) => b.parameter === "Big one" && b.end === "high value")).toMatchObject({ input: "0.9", value: 260, swing: 240 });
    expect([...new Set(layerValues(tornadoChart(tornado, { maxBars: 1 }), 0).map((b) => b.parameter))]).toEqual(["big"]);
    const issues = issuesOf(() => tornadoChart({ output: "x", base: Number.POSITIVE_INFINITY, bars: [bar("p", 1, 2), bar("p", 1, Number.NaN)] }));
    expect(issues.map((i) => [i.code, i.path.join(".")])).toEqual([
      ["invalid_type", "base"],
      ["duplicate_id", "bars.1.parameter"],
      ["invalid_type", "bars.1.outputAtHigh"],
    ]);
  });

  it("tornado: an output described as data gets a readable title; without a base case each bar spans low to high", () => {
    const spec = tornadoChart({ output: { measure: "incrementalNmb", optionId: "npwt", threshold: 25000 }, bars: [bar("p", 10, 30)] });
    expect(spec.title).toBe("Tornado: Incremental net monetary benefit: npwt at 25,000 per QALY");
    expect(layerValues(spec, 0).map((b) => b.from)).toEqual([20, 20]);
    expect((spec.layer as unknown[]).length).toBe(1);
  });

  it("rank acceptability stacks each option's rank probabilities; rows must sum to 1 and agree in length", () => {
    const spec = rankAcceptabilityChart(ranks);
    const values = (spec.data as { values: Record<string, unknown>[] }).values;
    expect(values.filter((v) => v.option === "A").map((v) => [v.rank, v.probability])).toEqual([
      ["rank 1", 0.6],
      ["rank 2", 0.3],
      ["rank 3", 0.1],
    ]);
    const issues = issuesOf(() => rankAcceptabilityChart([{ optionId: "a", probabilities: [0.5, 0.4] }, { optionId: "b", probabilities: [1] }]));
    expect(issues.map((i) => [i.code, i.path.join(".")])).toEqual([
      ["sum_mismatch", "0.probabilities"],
      ["invalid_value", "1.probabilities"],
    ]);
  });

  it("never mutates its input", () => {
    const frozen = JSON.parse(JSON.stringify(tornado));
    const deepFreeze = (o: object): void => {
      Object.freeze(o);
      for (const v of Object.values(o)) if (typeof v === "object" && v !== null) deepFreeze(v);
    };
    deepFreeze(frozen);
    expect(() => tornadoChart(frozen)).not.toThrow();
    const rows = scoreBreakdownData(result);
    deepFreeze(rows);
    expect(() => scoreBreakdownChart(rows, { width: 600 })).not.toThrow();
  });

  it("rejects a size that is not a sensible number of pixels", () => {
    expect(issuesOf(() => scoreBreakdownChart(scoreBreakdownData(result), { width: Number.NaN }))[0]!.path).toEqual(["width"]);
  });
});
