import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { frontierOptionAt, incrementalAnalysis, netMonetaryBenefit, pairwiseComparison, safeIncrementalAnalysis, type CeaOption } from "../../src/analysis/index.js";
import { formatIssue } from "../../src/errors/index.js";
import { issueLines } from "../_helpers/thrown.js";
import { Dec, decString } from "../../src/_lib/decimal.js";
import { fixedOf, fixedString } from "../../src/_lib/fixed.js";
import { parsedNetMonetaryBenefit } from "../../src/analysis/nmb.js";
import { parsedPairwiseComparison } from "../../src/analysis/pairwise.js";

describe("netMonetaryBenefit", () => {
  it("computes NMB = E·λ − C and INMB against the comparator, exactly, at each threshold", () => {
    // usual (1000, 5): NMB at 20000 = 100000 − 1000 = 99000; at 30000 = 149000.
    // new (1500, 5.02): NMB at 20000 = 100400 − 1500 = 98900 (INMB −100); at 30000 = 150600 − 1500 = 149100 (INMB +100).
    const r = netMonetaryBenefit(
      [{ id: "usual", cost: 1000, effect: 5 }, { id: "new", label: "New", cost: 1500, effect: "5.02" }],
      { thresholds: [20000, "30000"], comparator: "usual" },
    );
    expect(r).toEqual({
      comparator: "usual",
      byThreshold: [
        { threshold: "20000", best: ["usual"], options: [{ id: "usual", nmb: "99000", incrementalNmb: "0", best: true }, { id: "new", label: "New", nmb: "98900", incrementalNmb: "-100", best: false }] },
        { threshold: "30000", best: ["new"], options: [{ id: "usual", nmb: "149000", incrementalNmb: "0", best: false }, { id: "new", label: "New", nmb: "149100", incrementalNmb: "100", best: true }] },
      ],
    });
  });

  it("accepts one threshold, reports ties in NMB, and omits INMB without a comparator", () => {
    // At λ = 25000 (the ICER of new vs usual: 500/0.02) both have NMB 124000.
    const r = netMonetaryBenefit([{ id: "usual", cost: 1000, effect: 5 }, { id: "new", cost: 1500, effect: "5.02" }], { thresholds: 25000 });
    expect(r.comparator).toBeUndefined();
    expect(r.byThreshold[0]?.best).toEqual(["new", "usual"]);
    expect(r.byThreshold[0]?.options.map((o) => o.nmb)).toEqual(["124000", "124000"]);
    expect(r.byThreshold[0]?.options[0]?.incrementalNmb).toBeUndefined();
  });

  it("rejects negative thresholds and unknown comparators", () => {
    const opts = [{ id: "a", cost: 1, effect: 1 }];
    expect(issueLines(() => netMonetaryBenefit(opts, { thresholds: [100, -1] }))).toEqual(["too_small settings.thresholds[1]: must be ≥ 0, got -1"]);
    expect(issueLines(() => netMonetaryBenefit(opts, { thresholds: 1, comparator: "zz" }))).toEqual(['unknown_reference settings.comparator: no option has id "zz"']);
  });

  it("picks, at each λ, the frontier option whose ICER interval contains λ", () => {
    const value = fc.integer({ min: -30, max: 30 }).map(String);
    const options = fc.uniqueArray(fc.record({ id: fc.stringMatching(/^[a-z]{1,4}$/), cost: value, effect: value }), { minLength: 1, maxLength: 20, selector: (o) => o.id });
    fc.assert(
      fc.property(options, fc.integer({ min: 0, max: 80 }), (xs: CeaOption[], lambda) => {
        const cea = incrementalAnalysis(xs);
        const icers = cea.frontierIcers.map(Number);
        const k = icers.filter((r) => r < lambda).length; // λ in (ICER_k, ICER_{k+1}]
        const point = cea.frontier[k] as string;
        const group = [point, ...(cea.options.find((o) => o.id === point)?.tiedWith ?? [])].sort();
        const best = netMonetaryBenefit(xs, { thresholds: lambda }).byThreshold[0]?.best ?? [];
        expect(best).toEqual(expect.arrayContaining(group));
        // frontierOptionAt picks the same point, or its more effective neighbour when λ equals an ICER (a tie in NMB).
        const chosen = frontierOptionAt(cea, lambda).id;
        expect(icers.includes(lambda) ? cea.frontier.indexOf(chosen) >= k : chosen === point).toBe(true);
        expect(best).toContain(chosen);
        // Strictly inside an interval (and λ > 0) the best option is that frontier point alone.
        if (lambda > 0 && !icers.includes(lambda)) expect(best).toEqual(group);
      }),
      { numRuns: 400 },
    );
  });
});

describe("frontierOptionAt and safeIncrementalAnalysis", () => {
  it("reads the decision at λ off the frontier, with its ICER interval", () => {
    // Frontier A (0, 0), B (100, 1): ICER 100, C (1100, 2): ICER 1000.
    const cea = incrementalAnalysis([{ id: "A", cost: 0, effect: 0 }, { id: "B", cost: 100, effect: 1 }, { id: "C", cost: 1100, effect: 2 }]);
    expect(frontierOptionAt(cea, 500)).toEqual({ id: "B", from: "100", to: "1000" });
    expect(frontierOptionAt(cea, 50)).toEqual({ id: "A", to: "100" });
    expect(frontierOptionAt(cea, "1000")).toEqual({ id: "C", from: "1000" }); // ICER = λ counts as cost-effective
    expect(issueLines(() => frontierOptionAt(cea, -1))).toEqual(["too_small threshold: must be ≥ 0, got -1"]);
  });

  it("returns issues instead of throwing", () => {
    const r = safeIncrementalAnalysis([{ id: "a", cost: "x", effect: 1 }]);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.map(formatIssue)).toEqual(['options[0].cost: must be a finite decimal number, got "x"']);
    expect(safeIncrementalAnalysis([{ id: "a", cost: 1, effect: 1 }]).success).toBe(true);
  });
});

describe("pairwiseComparison", () => {
  it("places each option in its quadrant and gives an ICER only where it has a meaning", () => {
    // Comparator usual (1000, 5).
    const rows = pairwiseComparison(
      [
        { id: "usual", cost: 1000, effect: 5 },
        { id: "ne", cost: 1500, effect: "5.02" }, // ΔC 500, ΔE 0.02: ICER 25000
        { id: "sw", cost: 900, effect: "4.99" }, // ΔC −100, ΔE −0.01: 10000 saved per QALY lost
        { id: "se", cost: 900, effect: "5.1" }, // cheaper and better
        { id: "nw", cost: 1100, effect: "4.9" }, // dearer and worse
        { id: "flat", cost: 1200, effect: 5 }, // no QALY difference
        { id: "same", cost: "1000.0", effect: "5.00" },
        { id: "free-gain", cost: 1000, effect: "5.5" }, // same cost, more effect
      ],
      { comparator: "usual" },
    );
    expect(rows.map((r) => [r.id, r.status, r.costDirection, r.incrementalCost, r.incrementalEffect, r.icer ?? null])).toEqual([
      ["usual", "comparator", "cost-neutral", "0", "0", null],
      ["ne", "more costly, more effective", "cost-incurring", "500", "0.02", "25000"],
      ["sw", "cost-saving, less effective", "cost-saving", "-100", "-0.01", "10000"],
      ["se", "dominant", "cost-saving", "-100", "0.1", null],
      ["nw", "dominated", "cost-incurring", "100", "-0.1", null],
      ["flat", "no effect difference", "cost-incurring", "200", "0", null],
      ["same", "identical", "cost-neutral", "0", "0", null],
      ["free-gain", "dominant", "cost-neutral", "0", "0.5", null],
    ]);
  });

  it("rounds ICERs only when asked and rejects an unknown comparator", () => {
    const opts = [{ id: "a", cost: 0, effect: 0 }, { id: "b", cost: 1000, effect: 3 }];
    expect(pairwiseComparison(opts, { comparator: "a", icerDecimalPlaces: 0 })[1]?.icer).toBe("333");
    expect(issueLines(() => pairwiseComparison(opts, { comparator: "c" }))).toEqual(['unknown_reference settings.comparator: no option has id "c" (known: a, b)']);
  });
});

describe("cost-effectiveness arithmetic in integers", () => {
  // The reference: what the library's Decimal (50 significant digits, half-even) gives, as these analyses
  // computed it before they worked in integers: NMB = E × λ − C, INMB = NMB − NMB of the comparator, ΔC = C − C₀,
  // ΔE = E − E₀, ICER = ΔC ÷ ΔE.
  const text = (d: Dec): string => decString(d);
  // Decimals within the input rule (below 10^15) of up to 60 significant digits, so that differences and
  // quotients round at the 50th: small ones too, and ones with few digits.
  const decimal = fc
    .tuple(fc.oneof(fc.bigInt({ min: -(10n ** 60n), max: 10n ** 60n }), fc.bigInt({ min: -1000n, max: 1000n })), fc.integer({ min: 0, max: 60 }))
    .map(([m, s]) => fixedString(m, Math.max(s, m.toString().replace("-", "").length - 15)));
  const options = fc.uniqueArray(fc.record({ id: fc.stringMatching(/^[a-z]{1,3}$/), cost: decimal, effect: decimal }), { minLength: 2, maxLength: 8, selector: (o) => o.id });

  it("NMB, INMB, ΔC and the ICER are Decimal's to the last digit, whatever the places and signs", () => {
    fc.assert(
      fc.property(options, decimal.map((t) => t.replace("-", "")), fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }), (xs, lambdaText, places) => {
        const comparator = xs[0]!;
        const lambda = new Dec(lambdaText);
        const nmbOf = (o: { cost: string; effect: string }): Dec => new Dec(o.effect).times(lambda).minus(new Dec(o.cost));
        const rows = netMonetaryBenefit(xs, { thresholds: lambdaText, comparator: comparator.id }).byThreshold[0]!.options;
        const max = xs.map(nmbOf).reduce((a, b) => (b.greaterThan(a) ? b : a));
        xs.forEach((o, i) => {
          expect(rows[i]).toEqual({ id: o.id, nmb: text(nmbOf(o)), incrementalNmb: text(nmbOf(o).minus(nmbOf(comparator))), best: nmbOf(o).equals(max) });
        });
        const pairs = pairwiseComparison(xs, { comparator: comparator.id, ...(places === undefined ? {} : { icerDecimalPlaces: places }) });
        xs.forEach((o, i) => {
          const dc = new Dec(o.cost).minus(new Dec(comparator.cost));
          const de = new Dec(o.effect).minus(new Dec(comparator.effect));
          expect(pairs[i]?.incrementalCost).toBe(text(dc));
          const icer = dc.dividedBy(de);
          if (pairs[i]?.icer !== undefined) expect(pairs[i]?.icer).toBe(text(places === undefined ? icer : icer.toDecimalPlaces(places)));
        });
        const cea = incrementalAnalysis(xs, places === undefined ? {} : { icerDecimalPlaces: places });
        for (const row of cea.options) {
          if (row.icer === undefined) continue;
          const [o, prev] = [xs.find((x) => x.id === row.id)!, xs.find((x) => x.id === row.comparedWith)!];
          const dc = new Dec(o.cost).minus(new Dec(prev.cost));
          const icer = dc.dividedBy(new Dec(o.effect).minus(new Dec(prev.effect)));
          expect(row.incrementalCost).toBe(text(dc));
          expect(row.icer).toBe(text(places === undefined ? icer : icer.toDecimalPlaces(places)));
        }
      }),
      { numRuns: 500 },
    );
  });

  it("NMB and the pairwise comparisons are the same for costs held in ledger units (as the whole job passes them) as for the same costs as Decimals", () => {
    const ledger = fc.bigInt({ min: -(10n ** 34n), max: 10n ** 34n }).map((m) => fixedString(m));
    const xs = fc.uniqueArray(fc.record({ id: fc.stringMatching(/^[a-z]{1,3}$/), cost: ledger, effect: decimal }), { minLength: 2, maxLength: 8, selector: (o) => o.id });
    fc.assert(
      fc.property(xs, fc.integer({ min: 0, max: 100_000 }), (list, lambda) => {
        const asDec = list.map((o, index) => ({ index, id: o.id, cost: new Dec(o.cost), effect: new Dec(o.effect) }));
        const asUnits = asDec.map((o) => ({ ...o, cost: fixedOf(o.cost).m * 10n ** BigInt(20 - fixedOf(o.cost).s) }));
        const id = list[0]!.id;
        expect(parsedNetMonetaryBenefit(asUnits, [new Dec(lambda)], id)).toEqual(parsedNetMonetaryBenefit(asDec, [new Dec(lambda)], id));
        expect(parsedPairwiseComparison(asUnits, { comparator: id })).toEqual(parsedPairwiseComparison(asDec, { comparator: id }));
      }),
      { numRuns: 300 },
    );
  });
});
