import { describe, expect, expectTypeOf, it } from "vitest";
import {
  awardDraws,
  awardTornado,
  awardUncertainty,
  createDrawPlan,
  evaluate,
  mergeAwardDraws,
  sampleDraws,
  VbpInputError,
  type AwardUncertaintyOptions,
  type UncertainDocumentValue,
} from "../../../src/index.js";
import { gatedTender, workedDocument } from "./helpers.js";

/** The worked document with values changed at raw paths (list elements by id). */
function withValues(changes: readonly { path: readonly (string | number)[]; value: number }[]): Record<string, unknown> {
  const doc = workedDocument();
  for (const c of changes) {
    let cur: unknown = doc;
    for (const k of c.path.slice(0, -1)) {
      cur = Array.isArray(cur) ? (typeof k === "number" ? cur[k] : cur.find((e: { id?: string }) => e.id === k)) : (cur as Record<string, unknown>)[k as string];
    }
    (cur as Record<string, unknown>)[c.path[c.path.length - 1] as string] = String(c.value);
  }
  return doc;
}

const documentValues: UncertainDocumentValue[] = [
  { path: "pathway.parameters.p_ssi.value", distribution: { type: "beta", mean: 0.12, se: 0.02 } },
  { path: "pathway.parameters.c_bed_day.value", distribution: { type: "gamma", mean: 420, se: 40 } },
  { path: ["options", "a", "lifecycle", "items", "apply", "quantity"], distribution: { type: "triangular", min: 8, mode: 10, max: 15 } },
  { path: "options.b.carbon.embodied.product.factor.kgCO2ePerUnit", distribution: { type: "uniform", min: 1.5, max: 4 } },
];

describe("uncertain values of an evaluation document", () => {
  it("each one-way end reproduces the exact evaluation of the document with that value changed (pathway through evaluateDraws, lifecycle and carbon through the measured lines)", () => {
    const r = awardTornado(workedDocument(), { seed: 0, documentValues });
    const bars = r.lots.flatMap((l, li) => l.bars.map((b) => ({ li, b })));
    const raw: Record<string, (string | number)[]> = {
      "parameter:p_ssi": ["pathway", "parameters", "p_ssi", "value"],
      "parameter:c_bed_day": ["pathway", "parameters", "c_bed_day", "value"],
      "document:options.a.lifecycle.items.apply.quantity": ["options", "a", "lifecycle", "items", "apply", "quantity"],
      "document:options.b.carbon.embodied.product.factor.kgCO2ePerUnit": ["options", "b", "carbon", "embodied", "product", "factor", "kgCO2ePerUnit"],
    };
    let checked = 0;
    for (const [inputId, path] of Object.entries(raw)) {
      const mine = bars.filter((x) => x.b.inputId === inputId);
      expect(mine.length).toBeGreaterThan(0);
      for (const { li, b } of mine) {
        for (const [end, value] of [["atLow", b.low], ["atHigh", b.high]] as const) {
          const exact = evaluate(withValues([{ path, value }]), { summaries: false }).tender.lots[li]!;
          for (const bid of b.bids) {
            const e = exact.options.find((o) => o.optionId === bid.optionId)!;
            expect(bid[end].rank).toBe(e.rank ?? 0);
            // The exact evaluation rounds raw values to their metric's places (pence): within 0.01 points.
            if (e.rank !== undefined) expect(Math.abs(bid[end].score - Number(e.total))).toBeLessThan(0.01);
            checked++;
          }
        }
      }
      // The value moves something: the bar has a width.
      expect(Math.max(...mine.map((x) => x.b.swing))).toBeGreaterThan(0.01);
    }
    expect(checked).toBeGreaterThan(40);
    // A lifecycle line of bid a moves lot 3 alone; a pathway parameter moves both lots.
    expect(bars.filter((x) => x.b.inputId === "document:options.a.lifecycle.items.apply.quantity").map((x) => x.li)).toEqual([0]);
    expect(bars.filter((x) => x.b.inputId === "parameter:p_ssi").map((x) => x.li)).toEqual([0, 1]);
  });

  it("quantity × unit cost of one line: the interaction is carried (both at their high points match the exact evaluation)", () => {
    const both: UncertainDocumentValue[] = [
      { path: "options.a.lifecycle.items.apply.quantity", distribution: { type: "uniform", min: 8, max: 16 } },
      { path: "options.a.lifecycle.items.apply.unitCost", distribution: { type: "uniform", min: 40, max: 80 } },
    ];
    // Draws where both are high: compare the drawn score with the exact evaluation at the drawn values.
    const parts = awardDraws(workedDocument(), { iterations: 40, seed: 3, documentValues: both });
    const N = parts.count;
    const q = parts.block.inputs.subarray(0, N);
    const c = parts.block.inputs.subarray(N, 2 * N);
    let d = 0;
    for (let i = 1; i < N; i++) if ((q[i]! - 8) * (c[i]! - 40) > (q[d]! - 8) * (c[d]! - 40)) d = i;
    const exact = evaluate(withValues([
      { path: ["options", "a", "lifecycle", "items", "apply", "quantity"], value: q[d]! },
      { path: ["options", "a", "lifecycle", "items", "apply", "unitCost"], value: c[d]! },
    ]), { summaries: false }).tender.lots[0]!;
    const a = exact.options.find((o) => o.optionId === "a")!;
    const n = parts.block.measure[0]!.length / N;
    expect(Math.abs(parts.block.measure[0]![d * n]! - Number(a.total))).toBeLessThan(0.01);
  });

  it("the probability of winning reflects them, and they are named among what moves a bid's score", () => {
    const r = awardUncertainty(workedDocument(), { iterations: 2000, seed: 2026, documentValues });
    const lot = r.lots[0]!;
    expect(lot.summary).toMatch(/4 uncertain inputs \(pathway\.parameters\.p_ssi\.value; pathway\.parameters\.c_bed_day\.value; options\.a\.lifecycle/);
    const a = lot.bids.find((b) => b.optionId === "a")!;
    expect(a.probabilityOfWinning).toBeGreaterThan(0);
    expect(a.probabilityOfWinning).toBeLessThan(1);
    expect(a.drivers.map((d) => d.inputId)).toContain("parameter:c_bed_day");
    expect(r.inputs.map((i) => i.inputId)).toEqual(["parameter:p_ssi", "parameter:c_bed_day", "document:options.a.lifecycle.items.apply.quantity", "document:options.b.carbon.embodied.product.factor.kgCO2ePerUnit"]);
    // Without them the award is certain (no other input varies): the test can fail.
    expect(awardUncertainty(workedDocument(), { iterations: 200, seed: 2026 }).lots[0]!.bids[0]!.probabilityOfWinning).toBe(1);
  });

  it("pathway parameters are drawn from the PSA's own streams: the same seed gives the PSA's draws", () => {
    const dist = { type: "beta", mean: 0.12, se: 0.02 } as const;
    const part = awardDraws(workedDocument(), { iterations: 50, firstDraw: 100, seed: 77, documentValues: [{ path: "pathway.parameters.p_ssi.value", distribution: dist }] });
    const psa = sampleDraws(createDrawPlan({ quantities: [{ key: "parameter:p_ssi", distribution: dist }] }), 77, 100, 50);
    expect(Array.from(part.block.inputs)).toEqual(Array.from(psa.values));
  });

  it("seeded: chunks and shards give the single run, bit for bit", () => {
    const o: AwardUncertaintyOptions = { iterations: 600, seed: 99, documentValues: documentValues.slice(0, 3), inputs: [{ optionId: "a", input: "price", distribution: { type: "pert", min: "110", mode: "128", max: "150" } }] };
    const whole = awardUncertainty(workedDocument(), { ...o, chunkSize: 600 });
    expect(awardUncertainty(workedDocument(), { ...o, chunkSize: 37 })).toEqual(whole);
    const cuts = [0, 1, 250, 600];
    const parts = cuts.slice(0, -1).map((c, i) => awardDraws(workedDocument(), { ...o, firstDraw: c, iterations: cuts[i + 1]! - c, chunkSize: 64 }));
    expect(mergeAwardDraws(workedDocument(), o, [...parts].reverse())).toEqual(whole);
    expect(awardUncertainty(workedDocument(), { ...o, seed: 100 }).lots[0]!.bids[0]!.probabilityOfWinning).not.toBe(whole.lots[0]!.bids[0]!.probabilityOfWinning);
  });

  it("bad input: every problem with its path, before any draw", () => {
    let caught: VbpInputError | undefined;
    try {
      awardUncertainty(workedDocument(), {
        iterations: 10,
        seed: 1,
        documentValues: [
          { path: "options.a.supplier", distribution: { type: "uniform", min: 1, max: 2 } },
          { path: "options.a.evidence.documents.carbon-reduction-plan.published", distribution: { type: "bernoulli", p: 0.5 } },
          { path: "options.a.effects.0.value", distribution: { type: "uniform", min: 0.4, max: 0.6 } },
          { path: "pathway.parameters.p_ssi.value", distribution: { type: "beta", mean: 0.12, se: 0.4 } },
          { path: "options.zz.lifecycle", distribution: { type: "uniform", min: 1, max: 2 } },
          { path: "options.a.lifecycle.items.apply.unitCost", distribution: { type: "triangular", min: 40, mode: 30, max: 60 } },
          { path: "options.a.price", distribution: { type: "uniform", min: 100, max: 150 } },
        ],
      });
    } catch (e) {
      if (e instanceof VbpInputError) caught = e;
      else throw e;
    }
    const got = (caught?.issues ?? []).map((i) => ({ path: i.path.join("."), message: i.message }));
    expect(got).toEqual([
      { path: "documentValues.0.path", message: expect.stringMatching(/options\.a\.supplier is an identifier or a name, not a quantity/) },
      { path: "documentValues.1.path", message: expect.stringMatching(/evidence for a pass\/fail gate, a published rule declared certain/) },
      { path: "documentValues.2.path", message: expect.stringMatching(/an option's effect, fixed in the document: declare it as a pathway parameter/) },
      { path: "documentValues.3.distribution.se", message: expect.stringMatching(/too large for a beta/) },
      { path: "documentValues.4.path", message: expect.stringMatching(/nothing at options\.zz/) },
      { path: "documentValues.5.distribution.mode", message: expect.stringMatching(/must lie in \[min, max\]/) },
      { path: "documentValues.6.path", message: expect.stringMatching(/a bid price: give it a distribution under inputs/) },
    ]);
    expect(() => awardUncertainty(gatedTender("relative-to-lowest"), { iterations: 10, seed: 1, documentValues: [documentValues[0]!] })).toThrow(/need an evaluation document/);
    // A value fed to an uncertain tender value and to a document value at once.
    expect(() =>
      awardUncertainty(workedDocument(), {
        iterations: 10,
        seed: 1,
        documentValues: [documentValues[2]!],
        inputs: [{ optionId: "a", input: "pathway-cost", distribution: { type: "normal", mean: 3390, sd: 10 } }],
      }),
    ).toThrow(/has a distribution under inputs and also follows uncertain document values/);
  });

  it("public types", () => {
    expectTypeOf<AwardUncertaintyOptions["documentValues"]>().toEqualTypeOf<readonly UncertainDocumentValue[] | undefined>();
  });
});
