import { describe, expect, it } from "vitest";
import { oneWaySensitivity, runDeclaredAnalyses, runModel, scenarioAnalysis, thresholdAnalysis, tornado, twoWaySensitivity, VbpInputError } from "../../src/index.js";
import { ssiDocument } from "./fixtures.js";

const doc = ssiDocument();
const { uncertainty: _u, ...model } = doc;

describe("one-way sensitivity and tornado", () => {
  const ow = oneWaySensitivity(doc, { ranges: { los: [2, 5] } });

  it("takes low/high from the 2.5th/97.5th percentiles of each distribution, or the range given", () => {
    const los = ow.parameters.find((p) => p.id === "los")!;
    expect([los.low, los.high, los.from]).toEqual([2, 5, "range"]);
    const pssi = ow.parameters.find((p) => p.id === "p_ssi")!;
    expect(pssi.from).toBe("distribution");
    expect(pssi.low).toBeLessThan(0.05);
    expect(pssi.high).toBeGreaterThan(0.05);
  });

  it("each figure equals a full run of the model with that one value (the explanation holds when applied)", () => {
    const pssi = ow.parameters.find((p) => p.id === "p_ssi")!;
    const params = (model.parameters as { id: string; value: unknown }[]).map((p) => (p.id === "p_ssi" ? { ...p, value: pssi.high } : p));
    const r = runModel({ ...model, parameters: params }, { ledger: false });
    r.options.forEach((o, i) => expect(pssi.atHigh![i]!.costs).toBeCloseTo(Number(o.perPatient.costs.discounted), 6));
  });

  it("tornado data on any output, widest bar first; an ICER without a QALY difference is omitted, not NaN", () => {
    const t = tornado(ow, { measure: "incrementalNmb", optionId: "npwt", threshold: 25000 });
    for (let i = 1; i < t.bars.length; i++) expect(t.bars[i - 1]!.swing).toBeGreaterThanOrEqual(t.bars[i]!.swing);
    expect(t.bars.find((b) => b.parameter === "kg_bed_day")!.swing).toBe(0);
    const icer = tornado(ow, { measure: "icer", optionId: "npwt" });
    for (const b of icer.bars) expect(Number.isFinite(b.outputAtLow) && Number.isFinite(b.outputAtHigh)).toBe(true);
    expect(() => tornado(ow, { measure: "nmb", optionId: "npwt" })).toThrow(VbpInputError);
    expect(() => tornado(ow, { measure: "costs", optionId: "nope" })).toThrow(/no option/);
  });

  it("the ICER and incremental bars equal the differences of the one-way figures they come from", () => {
    const pssi = ow.parameters.find((p) => p.id === "p_ssi")!;
    const fig = (at: readonly { optionId: string; costs: number; qalys: number }[], id: string) => at.find((f) => f.optionId === id)!;
    const icer = tornado(ow, { measure: "icer", optionId: "npwt" }).bars.find((b) => b.parameter === "p_ssi")!;
    const low = pssi.atLow!;
    const expected = (fig(low, "npwt").costs - fig(low, "standard").costs) / (fig(low, "npwt").qalys - fig(low, "standard").qalys);
    expect(icer.outputAtLow).toBeCloseTo(expected, 9);
    const dc = tornado(ow, { measure: "incrementalCosts", optionId: "npwt" }).bars.find((b) => b.parameter === "p_ssi")!;
    expect(dc.outputAtHigh).toBeCloseTo(fig(pssi.atHigh!, "npwt").costs - fig(pssi.atHigh!, "standard").costs, 9);
    const q = tornado(ow, { measure: "qalys", optionId: "npwt" }).bars.find((b) => b.parameter === "p_ssi")!;
    expect(q.outputAtLow).toBe(fig(low, "npwt").qalys);
  });

  it("a parameter without distribution or range is an error with its path", () => {
    expect(() => oneWaySensitivity(doc, { parameters: ["los"] })).toThrow(/neither a distribution nor a range/);
  });
});

describe("two-way grid and scenarios", () => {
  it("evaluates every pair", () => {
    const g = twoWaySensitivity(doc, { x: { parameter: "p_ssi", range: [0.02, 0.1], steps: 5 }, y: { parameter: "c_bed_day", values: [250, 450] } });
    expect(g.cells.length).toBe(5);
    expect(g.cells[0]!.length).toBe(2);
    expect(g.cells[4]![1]!.figures![0]!.costs).toBeGreaterThan(g.cells[0]![0]!.figures![0]!.costs);
    // A cell equals a full run of the model with both values set (the grid holds when applied).
    const params = (model.parameters as { id: string; value: unknown }[]).map((p) => (p.id === "p_ssi" ? { ...p, value: g.x.values[3] } : p.id === "c_bed_day" ? { ...p, value: 450 } : p));
    const r = runModel({ ...model, parameters: params }, { ledger: false });
    r.options.forEach((o, i) => {
      expect(g.cells[3]![1]!.figures![i]!.costs).toBeCloseTo(Number(o.perPatient.costs.discounted), 6);
      expect(g.cells[3]![1]!.figures![i]!.qalys).toBeCloseTo(Number(o.perPatient.qalys.discounted), 9);
    });
  });
  it("scenarios as named override sets; unknown parameters named by path", () => {
    const s = scenarioAnalysis(doc, [{ id: "long-stay", overrides: { los: 5 } }]);
    expect(s.scenarios[0]!.figures[0]!.costs).toBeGreaterThan(s.base[0]!.costs);
    const params = (model.parameters as { id: string; value: unknown }[]).map((p) => (p.id === "los" ? { ...p, value: 5 } : p));
    const r = runModel({ ...model, parameters: params }, { ledger: false });
    r.options.forEach((o, i) => expect(s.scenarios[0]!.figures[i]!.costs).toBeCloseTo(Number(o.perPatient.costs.discounted), 6));
    try {
      scenarioAnalysis(doc, [{ id: "x", overrides: { nope: 1 } }]);
      expect.unreachable();
    } catch (e) {
      expect((e as VbpInputError).issues[0]!.path).toEqual(["scenarios", 0, "overrides", "nope"]);
    }
  });
});

describe("threshold (break-even) analysis", () => {
  it("finds the value at which an option breaks even, and applying it gives a zero difference", () => {
    const r = thresholdAnalysis(doc, { id: "bed", parameter: "c_bed_day", range: [0, 5000], option: "npwt", target: { measure: "cost" } });
    expect(r.values.length).toBe(1);
    const v = r.values[0]!.value;
    const params = (model.parameters as { id: string; value: unknown }[]).map((p) => (p.id === "c_bed_day" ? { ...p, value: v } : p));
    const run = runModel({ ...model, parameters: params }, { ledger: false });
    const cost = (id: string) => Number(run.options.find((o) => o.optionId === id)!.perPatient.costs.discounted);
    expect(Math.abs(cost("npwt") - cost("standard"))).toBeLessThan(1e-6);
    expect(r.summary).toMatch(/costs the same as standard when c_bed_day = /);
  });

  it("runs what the document declares (one-way, tornado, two-way, scenarios, thresholds)", () => {
    const withAnalyses = {
      ...doc,
      uncertainty: {
        ...(doc.uncertainty as object),
        psa: { thresholds: [25000] },
        oneWay: { ranges: { los: [2, 5] } },
        twoWay: [{ id: "grid", x: { parameter: "p_ssi", steps: 3 }, y: { parameter: "los", values: [2, 4] } }],
        scenarios: [{ id: "s", overrides: { los: 4 } }],
        thresholds: [{ id: "t", parameter: "p_ssi", range: [0, 1], option: "silver", target: { measure: "nmb", threshold: 25000 } }],
      },
    };
    const r = runDeclaredAnalyses(withAnalyses);
    expect(r.tornadoes.map((t) => t.output.optionId)).toEqual(["npwt", "silver"]);
    expect(r.twoWay[0]!.cells.length).toBe(3);
    expect(r.scenarios!.scenarios.length).toBe(1);
    expect(r.thresholds[0]!.values.length).toBe(1);
    expect(r.thresholds[0]!.values[0]!.residual).toBeLessThan(1e-6);
  });

  it("bad declarations name their path in the document", () => {
    const bad = { ...doc, uncertainty: { thresholds: [{ id: "t", parameter: "nope", range: [1, 0], option: "silver", target: { measure: "nmb" } }] } };
    try {
      runDeclaredAnalyses(bad);
      expect.unreachable();
    } catch (e) {
      const paths = (e as VbpInputError).issues.map((i) => i.path.join("."));
      expect(paths).toEqual(expect.arrayContaining(["uncertainty.thresholds.0.parameter", "uncertainty.thresholds.0.range", "uncertainty.thresholds.0.target.threshold"]));
    }
  });
});
