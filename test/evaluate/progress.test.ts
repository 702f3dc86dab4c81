import { describe, expect, it } from "vitest";
import { EVALUATION_STAGES, evaluate, type EvaluationProgress } from "../../src/index.js";
import { catalogueDoc, tenderDoc } from "./helpers.js";

function reports(doc: unknown, options: Parameters<typeof evaluate>[1] = {}): { seen: EvaluationProgress[]; result: ReturnType<typeof evaluate> } {
  const seen: EvaluationProgress[] = [];
  const result = evaluate(doc, { ...options, onProgress: (p) => seen.push(p) });
  return { seen, result };
}

describe("evaluate onProgress", () => {
  it("reports every stage in order, each option of the lifecycle and result stages, and never goes back", () => {
    const doc = catalogueDoc(40);
    const { seen } = reports(doc);
    const n = doc.options.length;
    expect(seen.every((p) => p.total === n && p.stages === EVALUATION_STAGES.length && p.done >= 0 && p.done <= n)).toBe(true);
    // Stages in the order of EVALUATION_STAGES, each ending with every option done.
    expect([...new Set(seen.map((p) => p.stage))]).toEqual([...EVALUATION_STAGES]);
    for (const stage of EVALUATION_STAGES) expect(seen.filter((p) => p.stage === stage).at(-1)!.done).toBe(n);
    // The overall fraction never decreases.
    const fractions = seen.map((p) => (p.stageIndex + p.done / p.total) / p.stages);
    for (let i = 1; i < fractions.length; i++) expect(fractions[i]!).toBeGreaterThanOrEqual(fractions[i - 1]!);
    expect(fractions.at(-1)).toBe(1);
    // Option by option where a stage works option by option.
    expect(seen.filter((p) => p.stage === "lifecycle").map((p) => p.done).slice(0, 3)).toEqual([1, 2, 3]);
    expect(seen.filter((p) => p.stage === "result").map((p) => p.done)).toEqual([...Array.from({ length: n }, (_, i) => i + 1)]);
  });

  it("counts the options left after a catalogue's invalid ones are excluded", () => {
    const doc = catalogueDoc(20);
    doc.options[3].price = "-5";
    const { seen, result } = reports(doc);
    expect(result.excluded).toHaveLength(1);
    const left = doc.options.length - 1;
    expect(seen.at(-1)).toEqual({ stage: "summaries", stageIndex: 7, stages: 8, done: left, total: left });
  });

  it("changes nothing in the result, and the overtaking solver's re-runs are not reported", () => {
    const { result } = reports(tenderDoc());
    expect(result).toEqual(evaluate(tenderDoc()));
    const { seen } = reports(tenderDoc(), { overtaking: true });
    expect(seen.filter((p) => p.stage === "summaries")).toHaveLength(1);
  });
});
