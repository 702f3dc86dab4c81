import { describe, expect, it } from "vitest";
import { Decimal } from "decimal.js";
import { evaluate, type EvaluationResult } from "../../src/index.js";
import { ranksAbove, setAt } from "../../src/evaluate/_internal/overtaking.js";
import { tenderDoc, type Doc } from "./helpers.js";

// The worked tender, with every overtaking answer solved through the whole job (each answer re-runs the
// evaluation a few times; the whole test takes seconds, not a timing assertion).
const doc: Doc = tenderDoc();
const result: EvaluationResult = evaluate(doc, { overtaking: true, summaries: false });
const answers = result.overtaking ?? [];
const run = (d: Doc): EvaluationResult => evaluate(d, { summaries: false });

describe("overtaking answers are solved through the whole job (defect: one input feeding several criteria)", () => {
  it("answers every ranked bid below first place in every lot", () => {
    const expected = result.tender.lots.flatMap((l) => l.options.filter((o) => o.rank !== undefined && o.rank > 1).map((o) => o.optionId));
    expect(answers.map((a) => a.optionId).sort()).toEqual(expected.sort());
    for (const a of answers) expect(a.changes.some((c) => c.possible)).toBe(true);
  });

  it("the runner-up's price answer counts the price in every criterion it feeds (bid price, whole-pathway cost, NMB)", () => {
    const b = answers.find((a) => a.optionId === "b")!;
    const price = b.changes.find((c) => c.lever === "price")!;
    expect(price.possible).toBe(true);
    expect(price.criteriaMoved.map((m) => m.criterionId)).toEqual(["bid-price", "pathway-cost", "health-gain"]);
    // Far smaller than the single-criterion answer (a 23% cut): the coupling is counted.
    expect(Number(price.changePercent)).toBeLessThan(10);
    const rr = b.changes.find((c) => c.lever === "relative-risk")!;
    expect(rr.criteriaMoved.map((m) => m.criterionId)).toEqual(["pathway-cost", "health-gain", "bed-days"]);
  });

  it("every stated answer, applied through evaluate, makes the bid rank above its target; a change 1% smaller does not", () => {
    let checked = 0;
    for (const a of answers) {
      for (const c of a.changes.filter((x) => x.possible)) {
        expect(c.verified).toBe(true);
        const applied = run(setAt(doc, c.path, c.required));
        expect(ranksAbove(applied, a.lot, a.optionId, a.targetOptionId), `${a.optionId} ${c.label} = ${c.required}`).toBe(true);
        if (c.lever === "quality-level") {
          // Discrete: the level below the stated one (if it is still above the current level) does not overtake.
          continue;
        }
        const cur = new Decimal(c.current);
        const smaller = cur.plus(new Decimal(c.required!).minus(cur).times("0.99"));
        const less = run(setAt(doc, c.path, smaller.toString()));
        expect(ranksAbove(less, a.lot, a.optionId, a.targetOptionId), `${a.optionId} ${c.label} = ${smaller.toString()} (1% less change)`).toBe(false);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(4);
  });

  it("the explanation states the answers and the criteria each one moves", () => {
    const b = result.explanations.find((e) => e.optionId === "b")!;
    const line = b.lines.at(-1)!;
    expect(line).toMatch(/^To overtake Aldgate Medical Ltd \(AirSeal sNPWT 7-day kit\) it needs \d+\.\d\d more points\. Changing one input alone/);
    expect(line).toContain("[moves bid-price, pathway-cost, health-gain]");
  });

  it("without { overtaking: true } the whole job states no single-criterion answer (they ignore the coupling)", () => {
    const plain = evaluate(tenderDoc(), { summaries: false });
    expect(plain.overtaking).toBeUndefined();
    for (const lot of plain.tender.lots) for (const o of lot.options) expect(o.overtaking).toBeUndefined();
    expect(plain.explanations.map((e) => e.lines.join(" ")).join(" ")).not.toContain("on one criterion alone");
  });
});
