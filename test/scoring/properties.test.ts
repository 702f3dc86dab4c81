import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec } from "../../src/_lib/decimal.js";
import { scoreTender, swingWeights, type TenderOptionResult, type ScoreNode } from "../../src/scoring/index.js";

interface Shape {
  readonly groups: readonly { readonly w: number; readonly leaves: readonly { readonly w: number; readonly kind: "qualitative" | "quantitative" }[] }[];
  readonly priceW: number;
  readonly formula: "relative-to-lowest" | "proportional-deviation" | "logarithmic";
}

const shapeArb: fc.Arbitrary<Shape> = fc.record({
  groups: fc.array(
    fc.record({
      w: fc.integer({ min: 1, max: 50 }),
      leaves: fc.array(fc.record({ w: fc.integer({ min: 1, max: 50 }), kind: fc.constantFrom("qualitative" as const, "quantitative" as const) }), { minLength: 1, maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  priceW: fc.integer({ min: 1, max: 50 }),
  formula: fc.constantFrom("relative-to-lowest" as const, "proportional-deviation" as const, "logarithmic" as const),
});

interface Opt {
  readonly pennies: number;
  readonly levels: readonly number[];
  readonly values: readonly number[];
}

const optionsArb = (leafCount: number): fc.Arbitrary<Opt[]> =>
  fc.array(
    fc.record({
      pennies: fc.integer({ min: 100, max: 10_000_000 }),
      levels: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: leafCount, maxLength: leafCount }),
      values: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: leafCount, maxLength: leafCount }),
    }),
    { minLength: 2, maxLength: 6 },
  );

const caseArb = shapeArb.chain((shape) => {
  const leafCount = shape.groups.reduce((n, g) => n + g.leaves.length, 0);
  return optionsArb(leafCount).chain((opts) =>
    fc.record({
      shape: fc.constant(shape),
      opts: fc.constant(opts),
      perm: fc.shuffledSubarray(
        opts.map((_, i) => i),
        { minLength: opts.length, maxLength: opts.length },
      ),
      gate: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
      which: fc.nat({ max: opts.length - 1 }),
      cut: fc.integer({ min: 1, max: 99 }),
    }),
  );
});

function buildTender(shape: Shape, opts: readonly Opt[], settings: Record<string, unknown>, gate?: number, order?: readonly number[]): Record<string, unknown> {
  const rootW = swingWeights([...shape.groups.map((g, i) => ({ id: `g${i}`, importance: String(g.w) })), { id: "price", importance: String(shape.priceW) }]);
  const leafIds: { id: string; kind: string }[] = [];
  const criteria = [
    ...shape.groups.map((g, gi) => {
      const lw = swingWeights(g.leaves.map((l, li) => ({ id: `g${gi}l${li}`, importance: String(l.w) })));
      return {
        id: `g${gi}`,
        label: `Group ${gi}`,
        kind: "group",
        weight: rootW[gi]?.weight,
        children: g.leaves.map((l, li) => {
          const id = `g${gi}l${li}`;
          leafIds.push({ id, kind: l.kind });
          return l.kind === "qualitative"
            ? { id, label: id, kind: "qualitative", weight: lw[li]?.weight, scale: "0-5" }
            : { id, label: id, kind: "quantitative", weight: lw[li]?.weight, valueFunction: { fn: "linear", params: { lower: "0", upper: "1000" } } };
        }),
      };
    }),
    { id: "price", label: "Price", kind: "price", weight: rootW[rootW.length - 1]?.weight, formula: { formula: shape.formula, ...(shape.formula === "logarithmic" ? { params: { A: "3" } } : {}) } },
  ];
  const idx = order ?? opts.map((_, i) => i);
  const options = idx.map((i) => {
    const o = opts[i] as Opt;
    const values: Record<string, string> = {};
    leafIds.forEach((l, li) => {
      if (l.kind === "quantitative") values[l.id] = String(o.values[li]);
    });
    return { id: `O${i}`, supplier: `S${i}`, label: `Option ${i}`, price: new Dec(o.pennies).div(100).toFixed(), values };
  });
  const evaluatorScores = idx.flatMap((i) =>
    leafIds.flatMap((l, li) => (l.kind === "qualitative" ? [{ criterionId: l.id, optionId: `O${i}`, evaluatorId: "E1", level: String((opts[i] as Opt).levels[li]), reason: "r" }] : [])),
  );
  return { criteria, options, evaluatorScores, settings, ...(gate !== undefined ? { gates: [{ id: "gate", scope: "quality", minimumPercent: String(gate) }] } : {}) };
}

function leafSum(nodes: readonly ScoreNode[]): Dec {
  let s = new Dec(0);
  for (const n of nodes) s = s.plus(n.children !== undefined ? leafSum(n.children) : new Dec(n.points));
  return s;
}

function groupsAreSums(nodes: readonly ScoreNode[]): boolean {
  return nodes.every((n) => n.children === undefined || (new Dec(n.points).eq(n.children.reduce((s, c) => s.plus(new Dec(c.points)), new Dec(0))) && groupsAreSums(n.children)));
}

const fast = { rankReversal: false, overtaking: false };

describe("scoring properties (fast-check)", () => {
  it("the score tree sums exactly to the total, and every group to its children", () => {
    fc.assert(
      fc.property(caseArb, ({ shape, opts, gate }) => {
        const r = scoreTender(buildTender(shape, opts, fast, gate));
        for (const o of r.lots[0]?.options ?? []) {
          if (o.totalPoints === undefined) {
            // Excluded before price: no total; the tree holds the points scored before price.
            expect(o.pricePoints).toBeUndefined();
            expect(leafSum(o.scoreTree).eq(new Dec(o.qualityPoints))).toBe(true);
          } else {
            expect(leafSum(o.scoreTree).eq(new Dec(o.totalPoints))).toBe(true);
            expect(new Dec(o.qualityPoints).plus(new Dec(o.pricePoints ?? "0")).eq(new Dec(o.totalPoints))).toBe(true);
          }
          expect(groupsAreSums(o.scoreTree)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("permuting the order of the options changes no score, rank or rank reversal", () => {
    const key = (o: TenderOptionResult) => [o.optionId, o.status, o.rank, o.total, o.totalPoints, JSON.stringify(o.overtaking ?? null)];
    fc.assert(
      fc.property(caseArb, ({ shape, opts, gate, perm }) => {
        const a = scoreTender(buildTender(shape, opts, {}, gate)).lots[0];
        const b = scoreTender(buildTender(shape, opts, {}, gate, perm)).lots[0];
        const sort = (xs: TenderOptionResult[]) => xs.map(key).sort((x, y) => String(x[0]).localeCompare(String(y[0])));
        expect(sort([...(b?.options ?? [])])).toEqual(sort([...(a?.options ?? [])]));
        expect(b?.options.map((o) => o.optionId)).toEqual(a?.options.map((o) => o.optionId));
        const rr = (xs: readonly { removedOptionId: string; higherBefore: string; higherAfter: string }[]) => xs.map((x) => JSON.stringify(x)).sort();
        expect(rr(b?.rankReversals ?? [])).toEqual(rr(a?.rankReversals ?? []));
      }),
      { numRuns: 30 },
    );
  });

  it("a lower price never lowers an option's total (weighted sum, all else equal)", () => {
    fc.assert(
      fc.property(caseArb, ({ shape, opts, which, cut }) => {
        const before = scoreTender(buildTender(shape, opts, fast)).lots[0]?.options.find((o) => o.optionId === `O${which}`);
        const cheaper = opts.map((o, i) => (i === which ? { ...o, pennies: Math.max(1, Math.floor((o.pennies * cut) / 100)) } : o));
        const after = scoreTender(buildTender(shape, cheaper, fast)).lots[0]?.options.find((o) => o.optionId === `O${which}`);
        expect(new Dec(after?.totalPoints ?? "0").gte(new Dec(before?.totalPoints ?? "0"))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
