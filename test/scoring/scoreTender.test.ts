import { describe, expect, it } from "vitest";
import { scoreTender, type LotResult, type TenderOptionResult } from "../../src/scoring/index.js";
import { handTender } from "./fixtures.js";

function byId(lot: LotResult, id: string): TenderOptionResult {
  const o = lot.options.find((x) => x.optionId === id);
  if (o === undefined) throw new Error(`no option ${id}`);
  return o;
}

function lot0(input: Record<string, unknown>): LotResult {
  const lot = scoreTender(input).lots[0];
  if (lot === undefined) throw new Error("no lot");
  return lot;
}

const simple = (options: unknown[], levels: Record<string, string>, settings: Record<string, unknown> = {}) => ({
  criteria: [
    { id: "q", label: "Quality", kind: "qualitative", weight: "50", scale: "0-5" },
    { id: "p", label: "Price", kind: "price", weight: "50", formula: { formula: "relative-to-lowest" } },
  ],
  options,
  evaluatorScores: Object.entries(levels).map(([optionId, level]) => ({ criterionId: "q", optionId, evaluatorId: "E1", level, reason: "seen" })),
  settings,
});

describe("scoreTender: hand-checked tender (see fixtures.ts for the table)", () => {
  const result = scoreTender(handTender());
  const lot = result.lots[0] as LotResult;

  it("gives the hand-computed totals and ranks", () => {
    expect(lot.options.map((o) => [o.optionId, o.rank, o.total, o.qualityPoints, o.pricePoints])).toEqual([
      ["C", 1, "84.4", "65.2", "19.2"],
      ["A", 2, "84.3", "60.3", "24"],
      ["B", 3, "71", "41", "30"],
    ]);
    expect(lot.winner).toBe("C");
    expect(lot.lowestPrice).toBe("8000");
  });

  it("reports global weights as the product down the tree", () => {
    expect(result.weights.map((w) => [w.id, w.globalWeight])).toEqual([
      ["quality", "60"],
      ["q1", "36"],
      ["q2", "24"],
      ["sv", "10"],
      ["price", "30"],
    ]);
  });

  it("keeps a score tree with the trace of every leaf, whose points add up to the total", () => {
    const a = byId(lot, "A");
    const quality = a.scoreTree[0];
    expect(quality?.points).toBe("52.8"); // 28.8 + 24
    expect(quality?.children?.map((c) => [c.criterionId, c.points, c.level?.label])).toEqual([
      ["q1", "28.8", "good"],
      ["q2", "24", "excellent"],
    ]);
    const price = a.scoreTree[2];
    expect(price?.trace?.substituted).toBe("30 × 8000 / 10000 = 24");
    expect(price?.raw).toBe("10000");
    expect(a.scoreTree.reduce((s, n) => s + Number(n.points), 0)).toBeCloseTo(84.3, 12);
  });

  it("solves what each option needs to overtake the next-ranked one", () => {
    // A vs C (gap 0.1). Price: Pmin stays 8000, need 60.3 + 240000/P > 84.4 ⇔ P < 9958.5062…; largest penny 9958.50.
    const a = byId(lot, "A").overtaking;
    expect(a?.targetOptionId).toBe("C");
    expect(a?.gap).toBe("0.1");
    expect(a?.steps.map((s) => [s.criterionId, s.possible, s.required])).toEqual([
      ["q1", true, "5"],
      ["q2", false, undefined],
      ["sv", true, "4"],
      ["price", true, "9958.5"],
    ]);
    expect(a?.steps[0]?.change).toBe("+1 level on 1.1 Clinical outcomes (good → excellent)");
    expect(a?.steps[3]?.change).toBe("a price 0.4% lower (≤ £9,958.50)");
    // B vs A (gap 13.3). B is already the lowest price: lowering it lowers Pmin, so A's price score falls:
    // A = 60.3 + 30 × P/10000 < 71 ⇔ P < 3566.666…; largest penny 3566.66 (55.4% lower).
    const b = byId(lot, "B").overtaking;
    expect(b?.steps.map((s) => s.change)).toEqual([
      "+2 levels on 1.1 Clinical outcomes (satisfactory → excellent)",
      "cannot overtake on this criterion alone",
      "cannot overtake on this criterion alone",
      "a price 55.4% lower (≤ £3,566.66)",
    ]);
    expect(byId(lot, "C").overtaking).toBeUndefined();
  });

  it("reports the rank reversal caused by removing the lowest bid", () => {
    // Without B, Pmin = 10000: A = 60.3 + 30 = 90.3, C = 65.2 + 30×10000/12500 = 89.2: A overtakes C.
    expect(lot.rankReversals).toEqual([{ removedOptionId: "B", higherBefore: "C", higherAfter: "A" }]);
  });

  it("is plain JSON data", () => {
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it("does not mutate its input", () => {
    const input = handTender();
    const copy = structuredClone(input);
    scoreTender(input);
    expect(input).toEqual(copy);
  });
});

describe("gates", () => {
  it("excludes an option failing a quality threshold before price is opened, and from Pmin", () => {
    // B's quality is 36 of 60 = 60%: below 65%. Without B, Pmin = 10000: A 90.3, C 89.2.
    const lot = lot0(handTender({ gates: [{ id: "quality-65", label: "Quality threshold", scope: ["quality"], minimumPercent: "65" }] }));
    const b = byId(lot, "B");
    expect(b.status).toBe("excluded");
    expect(b.rank).toBeUndefined();
    // Excluded before price is opened: no price, no price points and no total are shown (defect 4).
    expect(b.pricePoints).toBeUndefined();
    expect(b.totalPoints).toBeUndefined();
    expect(b.total).toBeUndefined();
    expect(b.price).toBeUndefined();
    expect(b.totalStatus).toBe("not computed: excluded before price was opened");
    expect(b.scoreTree[2]?.raw).toBeUndefined();
    expect(b.scoreTree[2]?.notScored).toContain("quality-65");
    expect(b.gates[0]?.reason).toBe(
      "Quality threshold: score on quality 36 of 60 points = 60% is below the minimum of 65% (3 points short); excluded before price is opened (its price is not scored and does not count as the lowest price)",
    );
    expect(b.gates[0]?.shortfall).toBe("3"); // 65% of 60 = 39; 39 − 36 = 3
    expect(lot.lowestPrice).toBe("10000");
    expect(lot.options.map((o) => [o.optionId, o.total])).toEqual([
      ["A", "90.3"],
      ["C", "89.2"],
      ["B", undefined], // no total for a tender excluded before price (it was 41: quality only, printed like a total)
    ]);
    expect(byId(lot, "A").gates[0]?.passed).toBe(true);
  });

  it("passes an option exactly at the threshold (≥)", () => {
    const lot = lot0(handTender({ gates: [{ id: "g", scope: ["quality"], minimumPercent: "60" }] }));
    expect(byId(lot, "B").status).toBe("ranked");
  });

  it("applies a total-score gate after price: excluded from ranking, but its price still set Pmin", () => {
    const lot = lot0(handTender({ gates: [{ id: "total-75", scope: "total", minimumPercent: "75" }] }));
    const b = byId(lot, "B");
    expect(b.status).toBe("excluded");
    expect(b.gates[0]?.stage).toBe("after-price");
    expect(lot.lowestPrice).toBe("8000");
    expect(byId(lot, "A").total).toBe("84.3");
  });

  it("applies pass/fail criteria with their reasons", () => {
    const t = handTender();
    const criteria = [...(t.criteria as unknown[]), { id: "ce", label: "UKCA/CE marking", kind: "pass-fail" }];
    const passFail = ["A", "B", "C"].map((o) => ({ criterionId: "ce", optionId: o, passed: o !== "C", reason: o === "C" ? "No UKCA certificate supplied" : "Certificate seen" }));
    const lot = lot0({ ...t, criteria, passFail });
    const c = byId(lot, "C");
    expect(c.status).toBe("excluded");
    expect(c.gates[0]).toEqual({ gateId: "ce", kind: "pass-fail", stage: "before-price", passed: false, reason: "UKCA/CE marking: fail (No UKCA certificate supplied); excluded before price is opened" });
    expect(c.scoreTree[3]?.passFail).toEqual({ passed: false, reason: "No UKCA certificate supplied" });
    expect(lot.winner).toBe("A");
  });

  it("flags an abnormally low price without excluding it", () => {
    // 6000 vs mean of others (10000 + 10000)/2 = 10000: 40% below, over the 20% threshold.
    const lot = lot0(
      simple(
        [
          { id: "X", supplier: "X", label: "X", price: "10000" },
          { id: "Y", supplier: "Y", label: "Y", price: "10000" },
          { id: "Z", supplier: "Z", label: "Z", price: "6000" },
        ],
        { X: "3", Y: "3", Z: "3" },
        { abnormallyLowPrice: { percentBelowMeanOfOthers: "20" } },
      ),
    );
    const z = byId(lot, "Z");
    expect(z.status).toBe("ranked");
    expect(z.flags).toHaveLength(1);
    expect(z.flags[0]?.message).toContain("40% below the mean of the other 2 price-scored bids (£10,000.00)");
    expect(byId(lot, "X").flags).toEqual([]);
  });

  it("decides the abnormally low price limit exactly: a price at the limit is not flagged, one a hundredth below it is", () => {
    // Others' mean (100 + 100 + 100) / 3 = 100; 30% below it is 70.
    const at = (price: string): TenderOptionResult =>
      byId(
        lot0(
          simple(
            ["A", "B", "C"].map((id) => ({ id, supplier: id, label: id, price: "100" })).concat([{ id: "Z", supplier: "Z", label: "Z", price }]),
            { A: "3", B: "3", C: "3", Z: "3" },
            { abnormallyLowPrice: { percentBelowMeanOfOthers: "30" } },
          ),
        ),
        "Z",
      );
    expect(at("70").flags).toEqual([]);
    expect(at("69.99").flags.map((f) => f.message)).toEqual([
      "price £69.99 is 30% below the mean of the other 3 price-scored bids (£100.00), more than the 30% threshold: ask the supplier to explain the price before deciding (a flag, not an exclusion)",
    ]);
    // A mean that is not a terminating decimal: (100 + 100 + 101) / 3 = 100.333…; 30% below is 70.2333….
    const thirds = lot0(
      simple(
        [
          { id: "A", supplier: "A", label: "A", price: "100" },
          { id: "B", supplier: "B", label: "B", price: "100" },
          { id: "C", supplier: "C", label: "C", price: "101" },
          { id: "Z", supplier: "Z", label: "Z", price: "70.23" },
        ],
        { A: "3", B: "3", C: "3", Z: "3" },
        { abnormallyLowPrice: { percentBelowMeanOfOthers: "30" } },
      ),
    );
    expect(byId(thirds, "Z").flags.map((f) => f.message)).toEqual([
      "price £70.23 is 30% below the mean of the other 3 price-scored bids (£100.33), more than the 30% threshold: ask the supplier to explain the price before deciding (a flag, not an exclusion)",
    ]);
  });
});

describe("tie-breaks", () => {
  // D: 50×5/5 + 50×8000/10000 = 90; E: 50×4/5 + 50 = 90.
  const opts = [
    { id: "D", supplier: "D", label: "D", price: "10000" },
    { id: "E", supplier: "E", label: "E", price: "8000" },
  ];
  it("resolves a tie by higher quality by default", () => {
    const lot = lot0(simple(opts, { D: "5", E: "4" }));
    expect(lot.options.map((o) => [o.optionId, o.rank, o.total])).toEqual([
      ["D", 1, "90"],
      ["E", 2, "90"],
    ]);
    expect(byId(lot, "E").tieBreak).toBe("tied with D on the aggregate score; D ranks above by tie-break rule 1 (higher quality score: 50 vs 40)");
  });
  it("follows the published order of rules", () => {
    const lot = lot0(simple(opts, { D: "5", E: "4" }, { tieBreak: [{ rule: "lower-price" }, { rule: "higher-quality" }] }));
    expect(lot.winner).toBe("E");
  });
  it("leaves options tied after every rule sharing a rank, with no winner", () => {
    const byPriceScore = lot0(simple(opts, { D: "5", E: "4" }, { tieBreak: [{ rule: "higher-score", criterionId: "p" }] }));
    expect(byPriceScore.winner).toBe("E"); // price points 50 vs 40
    const tie = lot0(simple([opts[0], { ...opts[0], id: "F" }], { D: "5", F: "5" }));
    expect(tie.options.map((o) => [o.optionId, o.rank])).toEqual([
      ["D", 1],
      ["F", 1],
    ]);
    expect(tie.winner).toBeUndefined();
    expect(tie.unresolvedTies).toEqual([["D", "F"]]);
  });
});

describe("aggregation methods", () => {
  const quality = [
    { id: "q", label: "Quality", kind: "qualitative", weight: "100", scale: "0-5" },
  ];
  const options = [
    { id: "A", supplier: "A", label: "A", price: "9000" },
    { id: "B", supplier: "B", label: "B", price: "6000" },
  ];
  const scores = [
    { criterionId: "q", optionId: "A", evaluatorId: "E1", level: "5", reason: "r" },
    { criterionId: "q", optionId: "B", evaluatorId: "E1", level: "3", reason: "r" },
  ];
  it("price per quality point: price ÷ quality points, lowest wins", () => {
    // A: 9000 / 100 = 90; B: 6000 / 60 = 100 → A wins.
    const lot = lot0({ criteria: quality, options, evaluatorScores: scores, settings: { aggregation: "price-per-quality-point" } });
    expect(lot.options.map((o) => [o.optionId, o.rank, o.total])).toEqual([
      ["A", 1, "90"],
      ["B", 2, "100"],
    ]);
    // B overtakes when P/60 < 90 ⇔ P < 5400: largest penny 5399.99.
    expect(byId(lot, "B").overtaking?.steps.find((s) => s.criterionId === "price")?.required).toBe("5399.99");
  });
  it("monetised quality: price − quality points × value per point, lowest wins", () => {
    // £50/point: A 9000 − 5000 = 4000; B 6000 − 3000 = 3000 → B wins.
    const lot = lot0({ criteria: quality, options, evaluatorScores: scores, settings: { aggregation: "monetised-quality", valuePerQualityPoint: "50" } });
    expect(lot.options.map((o) => [o.optionId, o.total])).toEqual([
      ["B", "3000"],
      ["A", "4000"],
    ]);
    // A already has full quality (100 points); on price it overtakes when P − 5000 < 3000 ⇔ P < 8000 → 7999.99.
    const steps = byId(lot, "A").overtaking?.steps;
    expect(steps?.[0]?.possible).toBe(false);
    expect(steps?.[1]?.required).toBe("7999.99");
    expect(steps?.[1]?.change).toBe("a price 11.1% lower (≤ £7,999.99)");
  });
});

describe("quantitative criteria and lots", () => {
  it("scores raw values with a value function and solves the value needed to overtake", () => {
    const t = {
      criteria: [
        { id: "co2", label: "Carbon", kind: "quantitative", weight: "40", unit: "kgCO2e", valueFunction: { fn: "linear", direction: "lower-is-better", params: { lower: "0", upper: "100" } } },
        { id: "p", label: "Price", kind: "price", weight: "60", formula: { formula: "relative-to-lowest" } },
      ],
      options: [
        { id: "A", supplier: "A", label: "A", price: "100", values: { co2: "50" }, lot: "L1" },
        { id: "B", supplier: "B", label: "B", price: "120", values: { co2: "20" }, lot: "L1" },
        { id: "C", supplier: "C", label: "C", price: "100", values: { co2: "90" }, lot: "L2" },
      ],
    };
    const r = scoreTender(t);
    expect(r.lots.map((l) => [l.lotId, l.options.map((o) => o.optionId)])).toEqual([
      ["L1", ["B", "A"]],
      ["L2", ["C"]],
    ]);
    const l1 = r.lots[0] as LotResult;
    // A: 40 × (100−50)/100 + 60 = 80; B: 40 × 0.8 + 60 × 100/120 = 32 + 50 = 82 → B first.
    expect(l1.options.map((o) => [o.optionId, o.total])).toEqual([
      ["B", "82"],
      ["A", "80"],
    ]);
    // A overtakes on carbon when 40 × (100 − v)/100 + 60 > 82 ⇔ v < 45.
    const step = byId(l1, "A").overtaking?.steps[0];
    expect(step?.possible).toBe(true);
    // Solved by bisection, shown to 6 significant figures rounded toward the side that still overtakes.
    expect(step?.required).toBe("44.9999");
    expect(step?.change).toBe("a value ≤ 44.9999 kgCO2e on Carbon (now 50 kgCO2e; 10% lower)");
    expect(r.lots[1]?.winner).toBe("C");
  });
});

describe("moderation", () => {
  const base = (moderation: string | undefined, consensus: unknown[] = []) => ({
    criteria: [{ id: "q", label: "Quality", kind: "qualitative", weight: "100", scale: "0-5", ...(moderation !== undefined ? { moderation } : {}) }],
    options: [{ id: "A", supplier: "A", label: "A" }],
    evaluatorScores: [
      { criterionId: "q", optionId: "A", evaluatorId: "E1", level: "3", reason: "partly evidenced" },
      { criterionId: "q", optionId: "A", evaluatorId: "E2", level: "4", reason: "good evidence" },
    ],
    consensus,
  });
  it("mean of the levels may fall between levels: 100 × 3.5 / 5 = 70", () => {
    const a = lot0(base("mean")).options[0];
    expect(a?.total).toBe("70");
    expect(a?.scoreTree[0]?.moderation?.method).toBe("mean");
    expect(a?.scoreTree[0]?.level?.label).toBe("between satisfactory and good");
  });
  it("without a consensus record the default is the median", () => {
    expect(lot0(base(undefined)).options[0]?.scoreTree[0]?.moderation?.method).toBe("median");
  });
  it("a consensus record is used, with its reason and every individual score kept", () => {
    const a = lot0(base(undefined, [{ criterionId: "q", optionId: "A", level: "3", reason: "Evidence from one site only; E2 agreed" }])).options[0];
    expect(a?.total).toBe("60");
    expect(a?.scoreTree[0]?.moderation).toEqual({
      method: "consensus",
      reason: "Evidence from one site only; E2 agreed",
      individual: [
        { evaluatorId: "E1", level: "3", reason: "partly evidenced" },
        { evaluatorId: "E2", level: "4", reason: "good evidence" },
      ],
      spread: "1",
      wideDisagreement: false,
      // The consensus changed E2's 4; the record names no moderator, date or round, so the result warns.
      audit: [{ evaluatorId: "E2", fromLevel: "4", toLevel: "3" }],
    });
  });
  it("consensus moderation without a record, or a record under mean moderation, is an input error", () => {
    expect(() => scoreTender(base("consensus"))).toThrow(/consensus: no consensus record for option "A" on criteria\[0\]/);
    expect(() => scoreTender(base("mean", [{ criterionId: "q", optionId: "A", level: "3", reason: "x" }]))).toThrow(/consensus\[0\]: criterion "q" is moderated by mean/);
  });
});

describe("declared lots and price per quality point edge cases", () => {
  it("options must name a declared lot", () => {
    const t = { ...simple([{ id: "X", supplier: "X", label: "X", price: "1", lot: "L9" }], { X: "3" }), lots: [{ id: "L1", label: "Lot 1" }] };
    expect(() => scoreTender(t)).toThrow(/options\[0\]\.lot: unknown lot "L9"/);
  });
  it("a declared lot with no options is reported with no winner", () => {
    const t = { ...simple([{ id: "X", supplier: "X", label: "X", price: "1", lot: "L1" }], { X: "3" }), lots: [{ id: "L1", label: "Lot 1" }, { id: "L2", label: "Lot 2" }] };
    const r = scoreTender(t);
    expect(r.lots.map((l) => [l.lotId, l.winner])).toEqual([
      ["L1", "X"],
      ["L2", undefined],
    ]);
  });
  it("zero quality points under price per quality point has no finite measure and ranks last", () => {
    const lot = lot0({
      criteria: [{ id: "q", label: "Quality", kind: "qualitative", weight: "100", scale: "0-5" }],
      options: [
        { id: "A", supplier: "A", label: "A", price: "1" },
        { id: "B", supplier: "B", label: "B", price: "100" },
      ],
      evaluatorScores: [
        { criterionId: "q", optionId: "A", evaluatorId: "E1", level: "0", reason: "no response" },
        { criterionId: "q", optionId: "B", evaluatorId: "E1", level: "1", reason: "weak" },
      ],
      settings: { aggregation: "price-per-quality-point" },
    });
    expect(lot.options.map((o) => [o.optionId, o.rank, o.total])).toEqual([
      ["B", 1, "5"],
      ["A", 2, undefined],
    ]);
    expect(lot.options[1]?.totalStatus).toMatch(/^not computable: quality score 0/);
  });
});
