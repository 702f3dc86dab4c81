import { describe, expect, expectTypeOf, it } from "vitest";
import {
  awardDraws,
  awardTornado,
  awardUncertainty,
  evaluate,
  mergeAwardDraws,
  modelDrawPlan,
  sampleDraws,
  VbpInputError,
  type AwardUncertaintyOptions,
  type PathwayModel,
} from "../../../src/index.js";
import { workedDocument } from "./helpers.js";

type Param = { id: string; value: string; distribution?: unknown };

/** The worked document whose pathway declares distributions on three parameters (as a PSA of it would read them). */
function declaredDocument(): Record<string, unknown> {
  const doc = workedDocument();
  const params = (doc.pathway as { parameters: Param[] }).parameters;
  const set = (id: string, distribution: unknown): void => {
    params.find((p) => p.id === id)!.distribution = distribution;
  };
  // The pathway schema's forms: beta(α, β) with mean 0.12 and se 0.02; gamma(shape, scale) with mean 420, se 42 and mean 4, se 1.
  set("p_ssi", { type: "beta", alpha: "31.56", beta: "231.44" });
  set("c_bed_day", { type: "gamma", shape: "100", scale: "4.2" });
  set("los_ssi", { type: "gamma", shape: "16", scale: "0.25" });
  set("los", { type: "fixed" });
  return doc;
}

const correlations = [{ parameters: ["c_bed_day", "los_ssi"], matrix: [[1, 0.6], [0.6, 1]] }];

/** The document with one pathway parameter's value changed. */
function withParameter(id: string, value: number): Record<string, unknown> {
  const doc = declaredDocument();
  (doc.pathway as { parameters: Param[] }).parameters.find((p) => p.id === id)!.value = String(value);
  return doc;
}

/** The award's drawn column of each pathway parameter, by id. */
function columns(run: ReturnType<typeof awardDraws>, ids: readonly string[], order: readonly string[]): Map<string, number[]> {
  const n = run.count;
  return new Map(ids.map((id) => [id, Array.from(run.block.inputs.subarray(order.indexOf(id) * n, (order.indexOf(id) + 1) * n))]));
}

describe("the pathway's own parameter distributions in the award", () => {
  it("are drawn by default, with the PSA's values for the same seed (independent and correlated)", () => {
    const ids = ["p_ssi", "c_bed_day", "los_ssi"];
    for (const corr of [undefined, correlations]) {
      const doc = declaredDocument();
      const opts = { iterations: 64, firstDraw: 300, seed: 2026, ...(corr !== undefined ? { correlations: corr } : {}) };
      const run = awardDraws(doc, opts);
      const inputIds = awardUncertainty(doc, { ...opts, iterations: 2 }).inputs.map((i) => i.inputId);
      expect(inputIds).toEqual(ids.map((id) => `parameter:${id}`));
      const plan = modelDrawPlan(doc.pathway as PathwayModel, corr !== undefined ? { correlations: corr } : {});
      const psa = sampleDraws(plan, 2026, 300, 64);
      const mine = columns(run, ids, ids);
      for (const id of ids) {
        const c = plan.keys.indexOf(`parameter:${id}`);
        expect(mine.get(id)).toEqual(Array.from(psa.values.subarray(c * 64, (c + 1) * 64)));
      }
    }
    // The correlation is applied: the two gamma columns move together (rank correlation well above 0).
    const long = awardDraws(declaredDocument(), { iterations: 2000, seed: 5, correlations });
    const m = columns(long, ["c_bed_day", "los_ssi"], ["p_ssi", "c_bed_day", "los_ssi"]);
    const rank = (xs: number[]): number[] => {
      const o = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
      const r = new Array<number>(xs.length);
      o.forEach(([, i], k) => (r[i] = k));
      return r;
    };
    const a = rank(m.get("c_bed_day")!);
    const b = rank(m.get("los_ssi")!);
    const mean = (a.length - 1) / 2;
    const rho = a.reduce((s, x, i) => s + (x - mean) * (b[i]! - mean), 0) / a.reduce((s, x) => s + (x - mean) ** 2, 0);
    expect(rho).toBeGreaterThan(0.5);
    expect(rho).toBeLessThan(0.7);
  });

  it("a tornado end of a declared parameter is the exact evaluation of the document with that value", () => {
    const r = awardTornado(declaredDocument(), { seed: 0 });
    let checked = 0;
    for (const [li, lot] of r.lots.entries()) {
      for (const bar of lot.bars.filter((b) => b.inputId === "parameter:c_bed_day" || b.inputId === "parameter:los_ssi")) {
        const id = bar.inputId.slice("parameter:".length);
        for (const [end, value] of [["atLow", bar.low], ["atHigh", bar.high]] as const) {
          const exact = evaluate(withParameter(id, value), { summaries: false }).tender.lots[li]!;
          for (const bid of bar.bids) {
            const e = exact.options.find((o) => o.optionId === bid.optionId)!;
            expect(bid[end].rank).toBe(e.rank ?? 0);
            if (e.rank !== undefined) expect(Math.abs(bid[end].score - Number(e.total))).toBeLessThan(0.01);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("pathwayDistributions: false draws nothing from the pathway; the award without it is certain", () => {
    const r = awardUncertainty(declaredDocument(), { iterations: 100, seed: 1, pathwayDistributions: false });
    expect(r.inputs).toEqual([]);
    expect(r.lots[0]!.bids[0]!.probabilityOfWinning).toBe(1);
    // With it off, documentValues may restate a parameter the pathway declares.
    const restated = awardUncertainty(declaredDocument(), { iterations: 20, seed: 1, pathwayDistributions: false, documentValues: [{ path: "pathway.parameters.p_ssi.value", distribution: { type: "beta", mean: 0.1, se: 0.01 } }] });
    expect(restated.inputs.map((i) => i.inputId)).toEqual(["parameter:p_ssi"]);
  });

  it("bad input: a parameter declared twice, correlations of undrawn parameters, a bad matrix, each with its path", () => {
    const issues = (o: Partial<AwardUncertaintyOptions>, doc = declaredDocument()): { path: string; message: string }[] => {
      try {
        awardUncertainty(doc, { iterations: 10, seed: 1, ...o });
      } catch (e) {
        if (e instanceof VbpInputError) return e.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
        throw e;
      }
      return [];
    };
    expect(issues({ documentValues: [{ path: "pathway.parameters.c_bed_day.value", distribution: { type: "gamma", mean: 400, se: 30 } }] })).toEqual([
      { path: "documentValues.0.path", message: expect.stringMatching(/pathway\.parameters\.c_bed_day\.value already has a distribution declared by the pathway at pathway\.parameters\.2\.distribution.*pathwayDistributions: false/) },
    ]);
    expect(issues({ correlations: [{ parameters: ["c_bed_day", "p_readmit"], matrix: [[1, 0.5], [0.5, 1]] }] })).toEqual([
      { path: "correlations.0.parameters.1", message: expect.stringMatching(/pathway parameter "p_readmit" is not drawn/) },
    ]);
    expect(issues({ correlations: [{ parameters: ["c_bed_day", "los_ssi"], matrix: [[1, 1.5], [1.5, 1]] }] }).map((i) => i.path)).toEqual(["correlations.0.matrix.0.1", "correlations.0.matrix.1.0"]);
    const bad = declaredDocument();
    (bad.pathway as { parameters: Param[] }).parameters.find((p) => p.id === "p_readmit")!.distribution = { type: "beta", alpha: "0", beta: "3" };
    expect(issues({}, bad)).toEqual([{ path: "pathway.parameters.1.distribution.alpha", message: expect.stringMatching(/> 0|positive/) }]);
    // A declared distribution that makes a draw an invalid pathway (a probability above 1): named in the pathway.
    const wide = declaredDocument();
    (wide.pathway as { parameters: Param[] }).parameters.find((p) => p.id === "p_ssi")!.distribution = { type: "normal", mean: "0.12", sd: "0.6" };
    expect(issues({}, wide)).toEqual([{ path: expect.stringMatching(/^pathway\./), message: expect.stringMatching(/the drawn pathway parameters break a rule of the pathway.*pathway\.parameters\[…\]\.distribution/) }]);
    expect(issues({ pathwayDistributions: "no" as unknown as boolean })).toEqual([{ path: "pathwayDistributions", message: expect.stringMatching(/must be true or false/) }]);
  });

  it("seeded: chunks and shards give the single run, bit for bit, with correlations", () => {
    const o: AwardUncertaintyOptions = { iterations: 500, seed: 42, correlations, weights: { groups: ["root"] } };
    const doc = declaredDocument();
    const whole = awardUncertainty(doc, { ...o, chunkSize: 500 });
    expect(awardUncertainty(doc, { ...o, chunkSize: 33 })).toEqual(whole);
    const cuts = [0, 7, 260, 500];
    const parts = cuts.slice(0, -1).map((c, i) => awardDraws(doc, { ...o, firstDraw: c, iterations: cuts[i + 1]! - c, chunkSize: 50 }));
    expect(mergeAwardDraws(doc, o, [...parts].reverse())).toEqual(whole);
  });

  it("public types", () => {
    expectTypeOf<AwardUncertaintyOptions["pathwayDistributions"]>().toEqualTypeOf<boolean | undefined>();
  });
});
