import { describe, expect, it } from "vitest";
import { treeBenchModel } from "../../examples/pathway/bench-models.js";
import { runPsa, type PsaResult } from "../../src/index.js";

/**
 * A tree PSA computes the sites an option leaves unchanged once per run and shares them across options. An
 * option's draws must not depend on which other options share the run: evaluated alone (with the
 * comparator only) it gives the same bits on every draw that is valid in both runs.
 */
function model(stressed: boolean): Record<string, unknown> {
  const m = structuredClone(treeBenchModel(8)) as unknown as { parameters: { id: string; value: string }[]; options: { id: string; effects?: { target: { node?: string }; value: unknown }[] }[]; uncertainty?: unknown };
  // Wide betas; "stressed" options push a branch probability towards 1, so some draws exceed it (invalid).
  m.uncertainty = { distributions: Object.fromEntries(m.parameters.map((p) => [p.id, { type: "beta", mean: Number(p.value), se: stressed ? 0.2 * Math.sqrt(Number(p.value) * (1 - Number(p.value))) : 0.02 }])) };
  if (stressed) {
    for (const o of m.options.slice(1)) {
      const e = o.effects![0]!;
      const base = Number(m.parameters[Number(e.target.node!.slice(1))]!.value);
      e.value = Math.min(1.4, 0.99 / base).toFixed(3);
    }
  }
  return m;
}

function only(m: Record<string, unknown>, k: number): Record<string, unknown> {
  const options = m.options as unknown[];
  return { ...m, options: [options[0], options[k]] };
}

function sameOnValid(all: PsaResult, alone: PsaResult, k: number): number {
  let compared = 0;
  for (let d = 0; d < all.count; d++) {
    if (all.valid[d] !== 1 || alone.valid[d] !== 1) continue;
    compared++;
    for (const key of ["costs", "qalys", "lifeYears", "carbonKg"] as const) {
      expect(Object.is(all.options[k]![key][d], alone.options[1]![key][d]), `${key} of option ${k} in draw ${d}`).toBe(true);
      expect(Object.is(all.options[0]![key][d], alone.options[0]![key][d]), `${key} of the comparator in draw ${d}`).toBe(true);
    }
  }
  return compared;
}

describe("tree PSA: values shared across options", () => {
  for (const stressed of [false, true]) {
    it(`gives each option the draws it has alone${stressed ? " (with invalid draws)" : ""}`, () => {
      const m = model(stressed);
      const all = runPsa(m, { iterations: 400, seed: 11, chunkSize: 128 });
      if (stressed) expect(all.valid.reduce((a, b) => a + b, 0)).toBeLessThan(400);
      for (let k = 1; k < 8; k++) {
        const alone = runPsa(only(m, k), { iterations: 400, seed: 11, chunkSize: 128 });
        expect(sameOnValid(all, alone, k)).toBeGreaterThan(stressed ? 20 : 399);
      }
    });
  }
});
