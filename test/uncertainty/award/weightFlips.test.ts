import { describe, expect, it } from "vitest";
import { scoreTender, weightFlips, type Criterion, type Tender } from "../../../src/index.js";
import { gatedTender, workedTender } from "./helpers.js";

/** Independent re-scoring: set one weight, rescale its siblings in proportion (2 decimals, remainder to the last). */
function winnerWith(t: Tender, id: string, w: number): string | undefined {
  const fix = (nodes: readonly Criterion[]): Criterion[] => {
    const i = nodes.findIndex((n) => n.id === id);
    if (i < 0) return nodes.map((n) => (n.kind === "group" ? { ...n, children: fix(n.children) } : n));
    const others = nodes.map((n, k) => ({ n, k })).filter((x) => x.k !== i && x.n.kind !== "pass-fail");
    const rest = 100 - Number((nodes[i] as { weight: string }).weight);
    const scaled = others.map((x) => Math.round(((Number((x.n as { weight: string }).weight) * (100 - w)) / rest) * 100) / 100);
    scaled[scaled.length - 1] = Math.round((100 - w - scaled.slice(0, -1).reduce((s, x) => s + x, 0)) * 100) / 100;
    return nodes.map((n, k) => {
      if (n.kind === "pass-fail") return n;
      const { weightRange: _r, ...rest2 } = n as Criterion & { weightRange?: unknown };
      void _r;
      const j = others.findIndex((x) => x.k === k);
      return { ...rest2, weight: (k === i ? w : (scaled[j] as number)).toFixed(2) } as Criterion;
    });
  };
  return scoreTender({ ...t, criteria: fix(t.criteria), settings: { ...(t.settings ?? {}), policyMode: "warn", rankReversal: false, overtaking: false } }).lots[0]?.winner;
}

describe("smallest weight change that flips the winner", () => {
  for (const [name, make] of [
    ["gated tender", () => gatedTender("relative-to-lowest")],
    ["worked tender", workedTender],
  ] as const) {
    it(`${name}: each stated change flips the winner when applied, and 0.05 points less does not`, () => {
      const t = make();
      const base = scoreTender(t).lots[0]!.winner;
      const r = weightFlips(t);
      const lot = r.lots[0]!;
      expect(lot.baseWinner).toBe(base);
      expect(lot.criteria.some((c) => c.possible)).toBe(true);
      for (const c of lot.criteria) {
        if (!c.possible) continue;
        expect(c.verified, c.explanation).toBe(true);
        const w = Number(c.newWeight);
        expect(winnerWith(t, c.criterionId, w), c.explanation).not.toBe(base);
        const toward = w > Number(c.weight) ? w - 0.05 : w + 0.05;
        if ((w - Number(c.weight)) * (toward - Number(c.weight)) > 0) expect(winnerWith(t, c.criterionId, Number(toward.toFixed(2))), `${c.criterionId} at ${toward}`).toBe(base);
        expect(c.explanation).toMatch(/^(Raising|Lowering) the weight of .+ from [\d.]+% to [\d.]+% \(the others in its group scaled (down|up) in proportion\) makes .+ instead of /);
      }
    });
  }
});
