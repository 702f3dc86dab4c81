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
  curves: [0, 10000, 20000, 30000].flatMap((t, i) => [
    { threshold: t, optionId: "soc", probability: 1 - i * 0.3 },
    { threshold: t, optionId: "new", probability: i * 0.3 },
  ]),
  frontier: [0, 10000, 20000, 30000].map((t, i) => (i < 2 ? { threshold: t, optionId: "soc", probability: 1 - i * 0.3 } : { threshold: t, optionId: "new", probability: i * 0.3 })),
};
const tornado = { output: "Incremental cost (£)", base: 100, rows: [{ parameter: "small", low: 95, high: 104 }, { parameter: "big", low: 20, high: 260, lowInput: 0.1, highInput: "0.9" }, { parameter: "middle", low: 150, high: 60 }] };
const ranks = [{ optionId: "a", label: "A", probabilities: [0.6, 0.3, 0.1] }, { optionId: "b", probabilities: new Float64Array([0.3, 0.5, 0.2]) }, { optionId: "c", probabilities: [0.1, 0.2, 0.7] }];

const every: [string, () => VegaLiteSpec][] = [
  ["score breakdown", () => scoreBreakdownChart(scoreBreakdownData(result))],
  ["whole-life cost", () => wholeLifeCostChart(wholeLifeCostData(result.stages.lifecycle!), { currency: "GBP" })],
  ["carbon by source", () => carbonBySourceChart(carbonBySourceData(result))],
  ["CE plane", () => costEffectivenessPlaneChart(psa, { threshold: 20000, currency: "GBP" })],
  ["CEAC and CEAF", () => acceptabilityCurveChart(ceac)],
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
    const noLedger = { ...result, stages: { ...result.stages, lifecycle: { ...result.stages.lifecycle!, ledger: undefined } } };
    expect(evaluationCharts(noLedger as never).map((c) => c.id)).toEqual(["score-breakdown", "carbon-by-source"]);
  });
});

describe("data from an evaluation", () => {
  it("score segments add up to each bid's total; the comparator has no bar; rank order kept", () => {
    const rows = scoreBreakdownData(result);
    const ranked = result.ranking.filter((r) => r.status !== "comparator");
    expect([...new Set(rows.map((r) => r.option))]).toEqual(ranked.map((r) => `${r.rank !== undefined ? `${r.rank}. ` : "(excluded) "}${r.supplier} — ${r.label}`));
    for (const r of ranked) {
      const sum = rows.filter((x) => x.option.includes(r.label)).reduce((a, x) => a + Number(x.points), 0);
      expect(sum).toBeCloseTo(Number(r.total), 9);
    }
  });

  it("whole-life cost rows add up to each option's present cost, and undiscounted to its undiscounted cost", () => {
    const lc = result.stages.lifecycle!;
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
    const { ledger: _ledger, ...noLedger } = result.stages.lifecycle!;
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
    const spec = acceptabilityCurveChart(ceac);
    expect(new Set(layerValues(spec, 0).map((p) => p.option))).toEqual(new Set(["soc", "new"]));
    expect(layerValues(spec, 1).map((p) => p.option)).toEqual(["soc", "soc", "new", "new"]);
    const issues = issuesOf(() => acceptabilityCurveChart({ curves: [{ threshold: -1, optionId: "", probability: 1.2 }] }));
    expect(issues.map((i) => i.path.join("."))).toEqual(["curves.0.threshold", "curves.0.optionId", "curves.0.probability"]);
  });

  it("tornado sorts parameters by swing, widest first, and starts bars at the base case", () => {
    const spec = tornadoChart(tornado);
    const bars = layerValues(spec, 0);
    expect([...new Set(bars.map((b) => b.parameter))]).toEqual(["big", "middle", "small"]);
    expect(bars.every((b) => b.base === 100)).toBe(true);
    expect(bars.find((b) => b.parameter === "big" && b.end === "high value")!.input).toBe("0.9");
    expect([...new Set(layerValues(tornadoChart(tornado, { maxRows: 1 }), 0).map((b) => b.parameter))]).toEqual(["big"]);
    const issues = issuesOf(() => tornadoChart({ output: "x", base: Number.POSITIVE_INFINITY, rows: [{ parameter: "p", low: 1, high: 2 }, { parameter: "p", low: 1, high: 2 }] }));
    expect(issues.map((i) => [i.code, i.path.join(".")])).toEqual([
      ["invalid_type", "base"],
      ["duplicate_id", "rows.1.parameter"],
    ]);
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
