import { describe, expect, it } from "vitest";
import { Decimal } from "decimal.js";
import { readFileSync } from "node:fs";
import { evaluate, evaluationCsv, evaluationMarkdownReport, evaluationTable, formatEvaluationTable, type EvaluationResult, type ScoreNode } from "../../src/index.js";
import { plainJsonProblems, tenderDoc } from "./helpers.js";

// One evaluation of the worked tender shared by the read-only tests below (the run takes ~0.3 s).
const result: EvaluationResult = evaluate(tenderDoc());
// An isolated high-precision clone: sums of 20-decimal ledger figures must be exact.
const Exact = Decimal.clone({ precision: 80 });
type ExactDecimal = InstanceType<typeof Exact>;
const D = (v: string) => new Exact(v);
const option = (id: string) => result.options.find((o) => o.optionId === id)!;

describe("worked tender (examples/tender/tender.json): figures checked by hand", () => {
  it("pathway cost per patient of current practice", () => {
    // Tree, per patient (all at time 0, so undiscounted = discounted):
    //   surgery: theatre 1800 + 3 bed days × 420 = 3060
    //   SSI (p = 0.12): 4 bed days × 420 + antibiotics 65 + 3 clinic visits × 95 = 2030 → 0.12 × 2030 = 243.6
    //   readmission (0.12 × 0.25 = 0.03): 5 bed days × 420 = 2100 → 63
    //   total 3060 + 243.6 + 63 = 3366.6
    // Pathway expectations run on Float64 (each figure the Float64 value as exact decimal text): checked to 9 d.p.
    const dp9 = (x: string | undefined) => D(x!).toDecimalPlaces(9).toString();
    expect(dp9(option("current").costs.pathway)).toBe("3366.6");
    // With Aldgate's relative risk 0.5: p(SSI) = 0.06 → 3060 + 0.06 × 2030 + 0.015 × 2100 = 3213.3
    expect(dp9(option("a").costs.pathway)).toBe("3213.3");
    // Bed days only: 1260 + 0.12 × 1680 + 0.03 × 2100 = 1524.6
    expect(dp9(option("current").costs.byCategory["bed-days"])).toBe("1524.6");
  });

  it("lifecycle cost per patient: bid price × units + nurse time + disposal (+ one-off training spread over discounted patients)", () => {
    // current: 1.20 + 3 min × £48/h (2.40) + 0.05 = 3.65; Aldgate: 128 + 10 min (8.00) + 0.30 = 136.30
    expect(option("current").costs.lifecycle).toBe("3.65");
    expect(option("a").costs.lifecycle).toBe("136.3");
    // Dunmore was excluded before its price was opened: no lifecycle cost (it contains the price) is shown.
    expect(option("d").costs.lifecycle).toBeUndefined();
    // Carrow: 79 + 12 min (9.60) + 0.30 = 88.90, plus £6,000 training at the start ÷ discounted patients
    // 1200 × (1 + 1/1.035 + 1/1.035²) = 1200 × 2.8996942… = 3479.6331… → 6000 / 3479.6331 = 1.72432…; 88.90 + 1.72432 = 90.62432
    expect(D(option("c").costs.lifecycle!).toDecimalPlaces(5).toString()).toBe("90.62432");
    expect(D(result.discountedPatients).toDecimalPlaces(4).toString()).toBe("3479.6331");
  });

  it("QALYs per patient: 0.80 in the year after surgery minus 0.03 for each SSI", () => {
    expect(option("current").qalysPerPatient).toBe("0.7964"); // 0.80 − 0.12 × 0.03
    expect(option("a").qalysPerPatient).toBe("0.7982"); // 0.80 − 0.06 × 0.03
    expect(option("a").eventsPerPatient).toEqual({ ssi: "0.06", readmission: "0.015" });
  });

  it("threshold: the tender names its programme (healthtech), so NICE's £20,000 lower bound applies, with its source", () => {
    // The £25,000–£35,000 range from April 2026 applies to technology appraisals (medicines) only (NICE Q&A);
    // a device procurement under the HealthTech programme keeps £20,000–£30,000 (PMG36).
    expect(result.referenceData.threshold).toMatchObject({ perQaly: "20000", id: "nice-2004-other", bound: "lower", programme: "healthtech" });
    expect(result.referenceData.threshold?.source?.publisher).toContain("National Institute for Health and Care Excellence");
    // NMB = QALYs × 20,000 − whole-pathway cost, exactly (every bid whose price was opened)
    for (const o of result.options.filter((x) => x.priceNotOpened !== true)) expect(D(o.netMonetaryBenefitPerPatient!).eq(D(o.qalysPerPatient).times(20000).minus(D(o.costs.wholePathway!)))).toBe(true);
  });

  it("ranking: lot 3 Aldgate, Bramley, Carrow, Dunmore excluded at the carbon reduction plan gate; lot 4 Eastgate, Fenwick, Greyfriars", () => {
    expect(result.ranking.map((r) => [r.lot, r.optionId, r.rank ?? r.status])).toEqual([
      ["lot-3", "a", 1],
      ["lot-3", "b", 2],
      ["lot-3", "c", 3],
      ["lot-3", "d", "excluded"],
      ["lot-4", "e", 1],
      ["lot-4", "f", 2],
      ["lot-4", "g", 3],
      ["default", "current", "comparator"],
    ]);
    expect(result.tender.lots.map((l) => [l.lotId, l.winner])).toEqual([
      ["lot-3", "a"],
      ["lot-4", "e"],
    ]);
    const d = result.ranking.find((r) => r.optionId === "d")!;
    expect(d.gates).toBe("failed: crp");
    const dTender = result.tender.lots[0]!.options.find((o) => o.optionId === "d")!;
    const crp = dTender.scoreTree.find((n) => n.criterionId === "crp")!;
    expect(crp.passFail).toEqual({ passed: false, reason: expect.stringContaining("carbon-reduction-plan provided but not published") });
  });

  it("policy: the NHS VBP weights are met (no warning); the low Carrow price is flagged, not excluded", () => {
    expect(result.warnings.filter((w) => w.code === "policy" && w.path[0] === "tender")).toEqual([]);
    expect(result.warnings).toEqual([expect.objectContaining({ severity: "warning", path: ["options", 3, "price"], message: expect.stringContaining("33.3% below the mean") })]);
  });

  it("cost-effectiveness: the lot 3 products dominate current practice; Dunmore (price not opened) is left out", () => {
    const status = Object.fromEntries(result.costEffectiveness.pairwise.map((p) => [p.id, p.status]));
    expect(status).toMatchObject({ a: "dominant", b: "dominant", c: "dominant", e: "more costly, more effective", f: "more costly, more effective", g: "more costly, more effective" });
    expect(status.d).toBeUndefined();
  });
});

describe("worked tender (defect 8): PPN 002 themes, a second lot, price in several criteria explained", () => {
  it("social value uses the PPN 002 model (PPN 06/20 was replaced from October 2025)", () => {
    const doc = tenderDoc();
    expect(doc.socialValue.themeSet).toBe("ppn-002");
    const themes = option("a").socialValue!.themes.map((t) => t.themeId);
    expect(themes).toEqual(["clean-energy-superpower", "kickstart-economic-growth", "break-down-barriers-to-opportunity", "build-an-nhs-fit-for-the-future"]);
  });

  it("shows a second lot, scored on its own (its own lowest price and winner)", () => {
    const lot4 = result.tender.lots.find((l) => l.lotId === "lot-4")!;
    expect(lot4.label).toBe("Lot 4: 14-day sNPWT systems");
    expect(lot4.options.map((o) => o.optionId)).toEqual(["e", "f", "g"]);
    // Eastgate 56.94, Fenwick 52.64, Greyfriars 51.75: the third bid is close enough that Fenwick's second place depends on its price.
    expect(lot4.options.map((o) => Number(o.total).toFixed(2))).toEqual(["56.94", "52.64", "51.75"]);
    expect(lot4.lowestPrice).toBe("158");
    expect(result.tender.lots.find((l) => l.lotId === "lot-3")!.lowestPrice).toBe("79");
  });

  it("the README explains why price appears in more than one criterion", () => {
    const readme = readFileSync("examples/tender/README.md", "utf8");
    expect(readme).toContain("## Why the price counts in three criteria");
    expect(readme).toContain("PPN 002");
  });
});

describe("reconciliation", () => {
  it("whole-pathway cost per patient = lifecycle + pathway + carbon externality, exactly, for every option", () => {
    for (const o of result.options.filter((x) => x.priceNotOpened !== true)) {
      const c = o.costs;
      expect(D(c.lifecycle!).plus(c.pathway).plus(c.carbonExternality).eq(D(c.wholePathway!))).toBe(true);
      // The tender scores the figure to the penny (half-even): bids are assessed in pence.
      expect(o.metrics["pathway-cost"]).toBe(D(c.wholePathway!).toDecimalPlaces(2, Exact.ROUND_HALF_EVEN).toString());
    }
  });

  it("pathway categories sum to the pathway cost; carbon parts sum to the carbon per patient", () => {
    for (const o of result.options) {
      const sum = Object.values(o.costs.byCategory).reduce((s, v) => s.plus(v), D("0"));
      expect(sum.eq(D(o.costs.pathway))).toBe(true);
      expect(D(o.carbon.pathwayKgPerPatient).plus(o.carbon.productKgPerPatient).eq(D(o.carbon.kgPerPatient))).toBe(true);
    }
  });

  it("population whole-pathway cost = lifecycle NPC + pathway population cost + monetised carbon (present values)", () => {
    for (const o of result.options.filter((x) => x.priceNotOpened !== true)) {
      const pathwayPop = result.stages!.pathway.options.find((x) => x.optionId === o.optionId)!.population!.costs.discounted;
      const pop = D(o.costs.wholePathwayPopulation!).minus(o.costs.lifecycleNetPresentCost!).minus(pathwayPop);
      // carbon present value ≈ carbon externality per patient × discounted patients (per-patient figure rounded at 20 places)
      expect(pop.minus(D(o.costs.carbonExternality).times(result.discountedPatients)).abs().lt("1e-12")).toBe(true);
    }
  });

  it("score trees: each group's points are the exact sum of its children; totals the sum of the top level", () => {
    const check = (nodes: readonly ScoreNode[]): ExactDecimal =>
      nodes.reduce((s, n) => {
        if (n.children !== undefined) expect(check(n.children).eq(D(n.points))).toBe(true);
        return s.plus(n.kind === "pass-fail" ? 0 : n.points);
      }, D("0"));
    for (const o of result.tender.lots.flatMap((l) => l.options)) expect(check(o.scoreTree).eq(D(o.totalPoints ?? o.qualityPoints))).toBe(true);
  });

  it("the ranked table's points per criterion are the score tree's top level", () => {
    for (const row of result.ranking.filter((r) => r.status !== "comparator")) {
      const t = result.tender.lots.flatMap((l) => l.options).find((o) => o.optionId === row.optionId)!;
      expect(row.points.reduce((s, p) => s.plus(p.points), D("0")).eq(D(t.totalPoints ?? t.qualityPoints))).toBe(true);
    }
  });
});

describe("result is plain JSON", () => {
  it("survives a JSON round trip unchanged, with no NaN, Infinity or class instances anywhere", () => {
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expect(plainJsonProblems(result)).toEqual([]);
    expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/);
  });

  it("does not mutate the caller's document", () => {
    const doc = tenderDoc();
    const before = JSON.stringify(doc);
    const deepFreeze = (v: unknown): void => {
      if (v !== null && typeof v === "object") {
        Object.freeze(v);
        Object.values(v).forEach(deepFreeze);
      }
    };
    deepFreeze(doc);
    evaluate(doc, { summaries: false });
    expect(JSON.stringify(doc)).toBe(before);
  });
});

describe("presentation", () => {
  it("the ranked value table shows lot, rank, supplier, points per domain, cost, QALYs, NMB, carbon and gates", () => {
    const text = formatEvaluationTable(result);
    const lines = text.split("\n");
    expect(lines[0]).toMatch(/^Lot {6}Rank {2}Supplier +Product +Total {2}1 Whole-life cost {2}2 Efficiency/);
    expect(lines[0]).toMatch(/Cost\/patient {2}QALYs\/patient {2}NMB\/patient {2}kgCO2e\/patient {2}Gates$/);
    expect(lines[2]).toMatch(/^lot-3 +1 {2}Aldgate Medical Ltd .* £3,393\.72 +0\.7982 +£12,570\.28 +136\.39 {2}passed$/);
    // Dunmore, excluded before price: no total, no cost, no NMB, and no points in the price-derived domain
    // ("not opened", not 0.00).
    expect(lines[5]).toMatch(/^lot-3 +- {2}Dunmore Devices GmbH +Dunmore VacuClose +no total +not opened +7\.22 .* not opened +0\.7980 +138\.23 {2}failed: crp$/);
    expect(lines[5]).not.toContain("0.00");
    expect(lines[8]).toMatch(/^lot-4 +3 {2}Greyfriars Medical Ltd /);
    expect(lines[9]).toMatch(/^default +ref {2}Current practice .*comparator$/);
    expect(text).toContain("NMB at £20,000.00 per QALY (nice-2004-other, lower bound, healthtech programme)");
  });

  it("the shown criterion points add up to the shown total in every row (one display rule)", () => {
    const t = evaluationTable(result);
    const totalCol = t.headers.indexOf("Total");
    const firstCrit = totalCol + 1;
    const lastCrit = t.headers.indexOf("Cost/patient");
    for (const row of t.rows) {
      if (!/^\d/.test(row[totalCol] ?? "")) continue;
      const sum = row.slice(firstCrit, lastCrit).reduce((s, c) => s.plus(c), D("0"));
      expect(sum.toFixed(2)).toBe(row[totalCol]);
    }
  });

  it("CSV keeps every digit; the Markdown report has the tables, explanations and reference data", () => {
    const csv = evaluationCsv(result).split("\r\n");
    expect(csv[0]).toBe("Option id,Lot,Rank,Supplier,Product,Total,1 Whole-life cost,2 Efficiency,3 Patient and staff,4 Supply chain,5 Social value,6 Purpose,Cost/patient (GBP),QALYs/patient,NMB/patient (GBP),kgCO2e/patient,Gates");
    expect(csv[1]).toContain(`,${option("a").costs.wholePathway},`);
    const md = evaluationMarkdownReport(result, { summaries: true });
    for (const h of ["## Ranked value table", "## Cost-effectiveness (per patient)", "## Cost and carbon per patient, by part", "## Explanations", "## Reference data", "## Assessment summaries"]) expect(md).toContain(h);
    expect(md).toContain("- Threshold: £20,000.00 per QALY (nice-2004-other, healthtech programme");
    expect(md).toContain("- Carbon values re-based from 2022 to 2026 prices: × 1.149607 (= 104.04 ÷ 90.5005, HM Treasury GDP deflators (December 2025 release, 2024 = 100), 2025 and 2026 extended at an assumed 2.0% a year;");
    expect(md).toContain("2025 and 2026 are NOT published values");
  });

  it("explanations read as plain sentences a procurement officer can follow", () => {
    const b = result.explanations.find((e) => e.optionId === "b")!;
    expect(b.headline).toBe("Bramley Healthcare plc — Bramley NP Incision Dressing: ranked 2 of 3 in Lot 3: 7-day sNPWT kits with 68.00 of 100 points");
    expect(b.lines[0]).toBe("Whole-pathway cost per patient £3,398.25 = product lifecycle £115.70 + care on the pathway £3,237.83 + monetised carbon £44.72; £19.92 less than current practice (£3,418.18).");
    const d = result.explanations.find((e) => e.optionId === "d")!;
    expect(d.headline).toContain("excluded in Lot 3: 7-day sNPWT kits before price was opened (crp)");
    // No price-derived figure for the bid whose price was not opened (defect 4).
    const dText = d.lines.join("\n");
    expect(dText).not.toMatch(/£142|Whole-pathway cost per patient £|Net monetary benefit at/);
  });

  it("a bid excluded before price is opened shows no price-derived figure anywhere (defect 4)", () => {
    const d = option("d");
    expect(d.priceNotOpened).toBe(true);
    expect(d.price).toBeUndefined();
    expect(d.netMonetaryBenefitPerPatient).toBeUndefined();
    expect(Object.keys(d.metrics).sort()).toEqual(["bed-days", "sv-commitments"]);
    const dt = result.tender.lots[0]!.options.find((o) => o.optionId === "d")!;
    expect([dt.total, dt.totalPoints, dt.price, dt.pricePoints]).toEqual([undefined, undefined, undefined, undefined]);
    const leaves = (n: readonly ScoreNode[]): ScoreNode[] => n.flatMap((x) => (x.children !== undefined ? leaves(x.children) : [x]));
    for (const id of ["bid-price", "pathway-cost", "health-gain"]) {
      const leaf = leaves(dt.scoreTree).find((x) => x.criterionId === id)!;
      expect(leaf.raw).toBeUndefined();
      expect(leaf.notScored).toBeDefined();
    }
    expect(result.stages!.lifecycle?.options.map((o) => o.optionId)).not.toContain("d");
    expect(result.costEffectiveness.incremental.options.map((o) => o.id)).not.toContain("d");
    const summary = result.assessmentSummaries.find((s) => s.summary.optionId === "d")!;
    expect(summary.summary.totalPoints).toBeUndefined();
    expect(summary.markdown).not.toContain("£142");
    expect(summary.markdown).toContain("| **Total** | 100.00 | **—** | no total: excluded before price was opened |");
    const row = result.ranking.find((r) => r.optionId === "d")!;
    expect([row.total, row.wholePathwayCostPerPatient, row.netMonetaryBenefitPerPatient]).toEqual(["", "", undefined]);
    expect(JSON.stringify({ o: d, t: dt, s: summary, r: row })).not.toContain("142");
  });

  it("the runner-up's assessment summary (Procurement Act 2023 s50) reads as text", () => {
    // Snapshot updated deliberately: threshold scope (£20,000 for HealthTech), carbon re-based to 2026 prices,
    // PPN 002 themes, moderated reasons only, one display rule with units; then the carbon deflator (the December
    // 2025 HM Treasury outturn) and the lot line, which no longer repeats the word "Lot".
    const s = result.assessmentSummaries.find((x) => x.summary.optionId === "b")!;
    expect(s.summary.rank).toBe(2);
    expect(s.markdown).toContain("\nLot 3: 7-day sNPWT kits. Your tender (Bramley NP Incision Dressing) scored 68.00 of 100.00 points");
    expect(s.markdown).not.toMatch(/Lot: Lot/);
    // Equal points that the display rule shows a penny apart are explained, not called "the same" next to two numbers.
    expect(s.markdown).toContain("You scored 5.63 of 7.50 points (good (3)): the same as the most advantageous tender (both 5.625 points exactly; each table rounds its parts so that they add up to its total, so one shows 5.62).");
    expect(s.markdown).not.toContain("Evaluator panel-");
    expect(s.markdown).toMatchSnapshot();
  });
});
