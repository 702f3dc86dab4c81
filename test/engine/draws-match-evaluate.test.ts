/**
 * Every draw of a batch equals a single evaluation with that draw's parameter values: draw d of
 * `evaluateDraws` (and of `runPsa`, whatever its chunk size) is `evaluate(overrides of draw d)` to 1e-12
 * relative. Checked for draws after the first in a chunk, across chunks, and on calculators reused call after
 * call, so a value computed once for the whole batch (one that does not vary by draw) can never carry one
 * draw's figure into another.
 *
 * Models: every example with distributions (the time-dependent Sick-Sicker PSA of Alarid-Escudero et al. 2023,
 * with age-specific mortality from a life table combined with drawn hazard ratios; the surgical-site-infection
 * PSA; the Chancellor HIV model's Dirichlet rows), and every other example under seeded perturbations of its
 * literal parameters.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileModel, runPsa, type CompiledModel, type DrawOutcomes, type PathwayModel, type PathwayResult } from "../../src/index.js";
import { markovBenchModel, treeBenchModel } from "../../examples/pathway/bench-models.js";
import { chancellorHivModel } from "../../examples/pathway/chancellor-hiv.js";
import { sickSickerModel } from "../../examples/pathway/sick-sicker.js";
import { strokeHybridModel } from "../../examples/pathway/stroke-hybrid.js";
import { surgicalSiteInfectionModel } from "../../examples/pathway/surgical-site-infection.js";
import { mulberry32 } from "../_helpers/prng.mjs";

const json = (path: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8")) as Record<string, unknown>;
/** The model part of a document (its `uncertainty` section left out). */
const modelOf = (doc: Record<string, unknown>): PathwayModel => {
  const { uncertainty, ...model } = doc;
  void uncertainty;
  return model as unknown as PathwayModel;
};

const ITERATIONS = 16;
const CHUNKS = [1, 7, 1000];
/** Draws checked: the first, later draws inside a chunk of 7, the first of the second and third chunks, the last. */
const CHECKED = [0, 1, 2, 6, 7, 8, 13, 14, 15];

function near(x: number, y: number, what: string): void {
  expect(Number.isFinite(x) && Number.isFinite(y), what).toBe(true);
  expect(Math.abs(x - y) <= 1e-12 * Math.max(Math.abs(x), Math.abs(y), 1), `${what}: ${x} vs ${y}`).toBe(true);
}

/** The single evaluation of draw d (Float64, no ledger), or undefined when its values break a rule. */
function single(compiled: CompiledModel, ids: readonly string[], values: Float64Array, count: number, d: number): PathwayResult | undefined {
  const overrides: Record<string, number> = {};
  ids.forEach((id, p) => (overrides[id] = values[p * count + d]!));
  try {
    return compiled.evaluate(overrides, { ledger: false, traces: false });
  } catch {
    return undefined;
  }
}

/** Draw d of a batch against the single evaluation. */
type DrawFigures = Pick<DrawOutcomes["options"][number], "optionId" | "costs" | "qalys" | "lifeYears" | "carbonKg"> & { readonly events?: Readonly<Record<string, Float64Array>> };

function expectDraw(r: PathwayResult | undefined, options: readonly DrawFigures[], valid: Uint8Array, d: number, what: string): void {
  if (r === undefined) {
    expect(valid[d], `${what}: draw ${d} is invalid on its own`).toBe(0);
    return;
  }
  expect(valid[d], `${what}: draw ${d} is valid on its own`).toBe(1);
  options.forEach((o, i) => {
    const p = r.options[i]!.perPatient;
    expect(o.optionId).toBe(r.options[i]!.optionId);
    near(o.costs[d]!, Number(p.costs.discounted), `${what} draw ${d} ${o.optionId} cost`);
    near(o.qalys[d]!, Number(p.qalys.discounted), `${what} draw ${d} ${o.optionId} QALYs`);
    near(o.lifeYears[d]!, Number(p.lifeYears.discounted), `${what} draw ${d} ${o.optionId} life years`);
    near(o.carbonKg[d]!, Number(p.carbonKg), `${what} draw ${d} ${o.optionId} carbon`);
    if (o.events !== undefined) for (const [k, v] of Object.entries(o.events)) near(v[d]!, Number(p.events[k] ?? "0"), `${what} draw ${d} ${o.optionId} event ${k}`);
  });
}

describe("PSA draws equal single evaluations (every chunk size)", () => {
  const psaModels: [string, () => unknown, () => PathwayModel][] = [
    ["time-dependent Sick-Sicker (life table × drawn hazard ratios)", () => json("../../examples/pathway/sick-sicker-age-psa.json"), () => modelOf(json("../../examples/pathway/sick-sicker-age-psa.json"))],
    ["surgical site infection", () => json("../../examples/pathway/surgical-site-infection-uncertainty.json"), () => modelOf(json("../../examples/pathway/surgical-site-infection-uncertainty.json"))],
    ["Chancellor HIV (Dirichlet rows)", chancellorHivModel, chancellorHivModel],
  ];
  for (const [name, doc, model] of psaModels) {
    it(name, () => {
      const compiled = compileModel(model());
      const runs = CHUNKS.map((chunkSize) => runPsa(doc(), { iterations: ITERATIONS, seed: 2026, chunkSize }));
      const first = runs[0]!;
      expect(first.parameters.ids.length).toBeGreaterThan(0);
      // The draws differ from one another (a batch that repeated draw 0 would be caught below, but say so).
      expect(new Set(Array.from(first.options[0]!.costs)).size).toBeGreaterThan(1);
      for (const d of CHECKED) {
        const r = single(compiled, first.parameters.ids, first.parameters.values, first.count, d);
        runs.forEach((run, k) => {
          expect(run.parameters.values).toEqual(first.parameters.values);
          expectDraw(r, run.options, run.valid, d, `${name}, chunk ${CHUNKS[k]}`);
        });
      }
    });
  }
});

describe("evaluateDraws equals single evaluations on every example (perturbed literal parameters)", () => {
  const examples: [string, () => PathwayModel][] = [
    ["Chancellor HIV", chancellorHivModel],
    ["surgical site infection", surgicalSiteInfectionModel],
    ["stroke hybrid", strokeHybridModel],
    ["Sick-Sicker", sickSickerModel],
    ["Sick-Sicker, time-dependent (JSON)", () => json("../../examples/pathway/sick-sicker-age.json") as unknown as PathwayModel],
    ["benchmark Markov", markovBenchModel],
    ["benchmark tree (20 options)", () => treeBenchModel(20)],
  ];
  for (const [name, make] of examples) {
    it(name, () => {
      const compiled = compileModel(make());
      const literal = (compiled.model.parameters ?? []).filter((p) => typeof p.value === "string" || typeof p.value === "number");
      const ids = literal.map((p) => p.id);
      expect(ids.length).toBeGreaterThan(0);
      const rand = mulberry32(ids.length * 7919 + name.length);
      const n = ITERATIONS;
      const values = new Float64Array(ids.length * n);
      literal.forEach((p, j) => {
        const base = Number(p.value);
        // Draw 0 is the base case; later draws move each value by up to ±10%.
        for (let d = 0; d < n; d++) values[j * n + d] = d === 0 ? base : base * (0.9 + 0.2 * rand());
      });
      // Two batches on the same compiled model (reused calculators), then sub-batches of 1 and 7 draws.
      const whole = compiled.evaluateDraws({ parameterIds: ids, count: n, values });
      const again = compiled.evaluateDraws({ parameterIds: ids, count: n, values });
      const slice = (from: number, count: number): Float64Array => {
        const out = new Float64Array(ids.length * count);
        for (let j = 0; j < ids.length; j++) out.set(values.subarray(j * n + from, j * n + from + count), j * count);
        return out;
      };
      for (const d of CHECKED) {
        const r = single(compiled, ids, values, n, d);
        expectDraw(r, whole.options, whole.valid, d, `${name}, one batch`);
        expectDraw(r, again.options, again.valid, d, `${name}, second batch`);
        const from = Math.floor(d / 7) * 7;
        const count = Math.min(7, n - from);
        const part = compiled.evaluateDraws({ parameterIds: ids, count, values: slice(from, count) });
        expectDraw(r, part.options, part.valid, d - from, `${name}, chunk of 7 at ${from}`);
        const one = compiled.evaluateDraws({ parameterIds: ids, count: 1, values: slice(d, 1) });
        expectDraw(r, one.options, one.valid, 0, `${name}, chunk of 1 at ${d}`);
      }
    });
  }
});
