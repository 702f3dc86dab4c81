import { describe, expect, it } from "vitest";
import { evaluate, evaluationDocumentJsonSchema, formatIssue, parseEvaluationDocument, safeEvaluate, safeParseEvaluationDocument } from "../../src/index.js";
import { catalogueDoc, issuesOf, tenderDoc } from "./helpers.js";

const messages = (f: () => unknown) => issuesOf(f).map(formatIssue);

describe("evaluation document: bad input names the exact path", () => {
  it("the worked tender is valid", () => {
    expect(safeParseEvaluationDocument(tenderDoc()).success).toBe(true);
  });

  it("duplicate option ids", () => {
    const doc = tenderDoc();
    doc.options[2].id = "a";
    expect(messages(() => parseEvaluationDocument(doc))).toContain('options[2].id: option id "a" is already used by options[1]');
  });

  it("no comparator, or two comparators", () => {
    const none = tenderDoc();
    delete none.options[0].isComparator;
    expect(messages(() => parseEvaluationDocument(none))).toContain("options: must include exactly one comparator (current practice): set isComparator: true on it");
    const two = tenderDoc();
    two.options[3].isComparator = true;
    expect(messages(() => parseEvaluationDocument(two))).toContain("options[3].isComparator: only one option can be the comparator; options[0] already is");
  });

  it("a metric that needs net monetary benefit without a threshold is an error at the criterion's metric (no silent default)", () => {
    const doc = tenderDoc();
    delete doc.threshold;
    const issues = issuesOf(() => parseEvaluationDocument(doc));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: ["criterionMetrics", "health-gain"], code: "invalid_type" });
    expect(issues[0]!.message).toContain('metric "incrementalNetMonetaryBenefitPerPatient" needs a cost-effectiveness threshold');
    // Without any NMB metric the same document is fine without a threshold.
    doc.criterionMetrics["health-gain"] = "qalysPerPatient";
    doc.tender.criteria[1].children[0].valueFunction.params = { lower: "0.79", upper: "0.80" };
    expect(safeEvaluate(doc).success).toBe(true);
  });

  it("unknown criterion, non-quantitative criterion and unknown metric names in criterionMetrics", () => {
    const doc = tenderDoc();
    doc.criterionMetrics = { ...doc.criterionMetrics, nope: "qalysPerPatient", "ease-of-use": "qalysPerPatient", "bed-days": "bedDays" };
    const m = messages(() => parseEvaluationDocument(doc));
    expect(m).toContainEqual(expect.stringMatching(/^criterionMetrics\.nope: unknown criterion "nope"/));
    expect(m).toContain('criterionMetrics["ease-of-use"]: criterion "ease-of-use" is qualitative, not quantitative: only quantitative criteria take a metric');
    expect(m).toContain('criterionMetrics["bed-days"]: unknown metric "bedDays"');
  });

  it("a cost category or event the pathway does not have is reported at the metric when evaluated", () => {
    const doc = tenderDoc();
    doc.criterionMetrics["bed-days"] = "costCategoryPerPatient:bed-nights";
    expect(messages(() => evaluate(doc))).toEqual(['criterionMetrics["bed-days"]: no option\'s pathway has a cost category "bed-nights" (found: theatre, bed-days, drugs, outpatients)']);
  });

  it("an unknown criterion in an option's own values is reported at that option (comparator offset kept)", () => {
    const doc = tenderDoc();
    doc.options[2].values = { "delivery-days": "3" };
    expect(messages(() => parseEvaluationDocument(doc))).toContain('options[2].values["delivery-days"]: unknown criterion "delivery-days"');
  });

  it("tender records naming an unknown option; pass/fail records for gate-decided criteria", () => {
    const doc = tenderDoc();
    doc.tender.evaluatorScores[4].optionId = "zz";
    doc.tender.passFail.push({ criterionId: "crp", optionId: "a", passed: true, reason: "seen" });
    const m = messages(() => parseEvaluationDocument(doc));
    expect(m).toContain('tender.evaluatorScores[4].optionId: unknown option "zz"');
    expect(m).toContain('tender.passFail[7].criterionId: criterion "crp" is decided by sustainability gates (criterionGates): remove this record');
  });

  it("unknown sustainability gate; gate on a criterion that is not pass/fail", () => {
    const doc = tenderDoc();
    doc.criterionGates = { crp: "carbon-plan", "bid-price": "net-zero-commitment" };
    const m = messages(() => parseEvaluationDocument(doc));
    expect(m).toContainEqual(expect.stringMatching(/^criterionGates\.crp: unknown sustainability gate "carbon-plan"/));
    expect(m).toContain('criterionGates["bid-price"]: criterion "bid-price" is price, not pass-fail: only pass/fail criteria take a gate');
  });

  it("each part's own rules, reported at the path in this document: lifecycle item, pathway effect, carbon line, social value", () => {
    const doc = tenderDoc();
    doc.options[1].lifecycle.items[0].unitCost = "-12.5";
    doc.options[2].effects[0].target.node = "theatre";
    doc.options[3].carbon.embodied[0].factor.kgCO2ePerUnit = "-1";
    doc.options[4].socialValue.commitments[0].metricId = "scope3-cut";
    const m = messages(() => parseEvaluationDocument(doc));
    expect(m).toContainEqual(expect.stringMatching(/^options\[1\]\.lifecycle\.items\[0\]\.unitCost: .*-12\.5/));
    expect(m).toContainEqual(expect.stringMatching(/^options\[2\]\.effects\[0\]\.target/));
    expect(m).toContainEqual(expect.stringMatching(/^options\[3\]\.carbon\.embodied\[0\]\.factor\.kgCO2ePerUnit: /));
    expect(m).toContainEqual(expect.stringMatching(/^options\[4\]\.socialValue\.commitments\[0\]/));
  });

  it("evaluate() reports every problem in every part at once, as parseEvaluationDocument does", () => {
    const doc = tenderDoc();
    doc.options[1].lifecycle.items[0].unitCost = "-12.5";
    doc.options[2].effects[0].target.node = "theatre";
    doc.tender.evaluatorScores[4].optionId = "zz";
    const fromEvaluate = messages(() => evaluate(doc));
    expect(fromEvaluate).toEqual(messages(() => parseEvaluationDocument(doc)));
    expect(fromEvaluate.length).toBeGreaterThanOrEqual(3);
    expect(safeEvaluate(doc).success).toBe(false);
  });

  it("unknown keys are errors (strict objects), with their path", () => {
    const doc = tenderDoc();
    doc.options[1].colour = "blue";
    doc.thresholds = 1;
    const m = messages(() => parseEvaluationDocument(doc));
    expect(m).toEqual([
      'options[1].colour: unknown key "colour" (check the spelling; unknown keys are not allowed)',
      'thresholds: unknown key "thresholds" (check the spelling; unknown keys are not allowed)',
    ]);
  });

  it("weight policy: a breach is a warning in warn mode and an input error in error mode", () => {
    const doc = tenderDoc();
    doc.tender.criteria[0].weight = "45"; // whole-life cost 45% > 40%, value domains 55% < 60%
    doc.tender.criteria[1].weight = "10";
    const r = evaluate(doc, { summaries: false });
    const policy = r.warnings.filter((x) => x.code === "policy" && x.path[0] === "tender");
    expect(policy.map((w) => w.severity)).toEqual(["warning", "warning"]);
    expect(policy.map(formatIssue)).toEqual([
      expect.stringMatching(/^tender\.criteria: weight across the five value domains .* 55% is below the NHS VBP minimum of 60%/),
      "tender.criteria[0].weight: whole-life cost weight 45% exceeds the NHS VBP maximum of 40%",
    ]);
    doc.tender.settings.policyMode = "error";
    expect(messages(() => parseEvaluationDocument(doc))).toEqual(policy.map(formatIssue));
  });

  it("a catalogue with 550,000 problems reports every one of them (no crash from their number)", () => {
    // 1,100 products, each with 500 social value commitments naming a metric its theme does not have. Issues were
    // once gathered by spreading them into one call, which throws a RangeError past 120,000–200,000 arguments on
    // a main thread's stack (984 KB), and past about 500,000 on the 4 MB stack of the threads tests run in.
    const doc = catalogueDoc(1100);
    for (const o of doc.options.slice(1)) {
      const c = o.socialValue.commitments[0];
      o.socialValue.commitments = Array.from({ length: 500 }, (_, k) => ({ ...c, id: `${o.id}-c${k}`, metricId: "nope" }));
    }
    const message = 'must be a metric of theme "clean-energy-superpower" (scope12-cut), got "nope"';
    for (const invalidOptions of ["fail", "exclude"] as const) {
      const r = safeEvaluate(doc, { invalidOptions });
      expect(r.success).toBe(false);
      if (r.success) continue;
      const commitments = r.error.issues.filter((i) => i.path[2] === "socialValue");
      expect(commitments).toHaveLength(550_000);
      expect(commitments[0]).toEqual({ code: "unknown_reference", path: ["options", 1, "socialValue", "commitments", 0, "metricId"], message });
      expect(commitments.at(-1)).toEqual({ code: "unknown_reference", path: ["options", 1100, "socialValue", "commitments", 499, "metricId"], message });
    }
  });

  it("explicit threshold; carbon valuation in another currency is an error", () => {
    const doc = tenderDoc();
    doc.threshold = { perQaly: "20000" };
    const r = evaluate(doc, { summaries: false });
    expect(r.referenceData.threshold).toEqual({ perQaly: "20000", id: "explicit" });
    doc.currency = "EUR";
    expect(messages(() => parseEvaluationDocument(doc))).toContainEqual(expect.stringMatching(/^carbonValuation: the DESNZ carbon values are in GBP/));
  });

  it("carbon valuation over years the carbon values do not cover is refused at carbonValuation, before any engine runs", () => {
    // DESNZ carbon values for appraisal (November 2023) cover 2020–2050; the worked tender's horizon is 3 years.
    for (const [date, years] of [["2049-04-01", "2049–2051"], ["2019-04-01", "2019–2021"], ["2100-01-01", "2100–2102"]] as const) {
      const doc = tenderDoc();
      doc.priceBaseDate = date;
      // The deflator covers the year, so the carbon values' coverage is the only problem.
      doc.carbonValuation.priceIndex.values[date.slice(0, 4)] = "120";
      expect(issuesOf(() => evaluate(doc, { summaries: false })).map((i) => ({ code: i.code, path: i.path, message: i.message }))).toEqual([
        {
          code: "unknown_reference",
          path: ["carbonValuation"],
          message: `needs a carbon value for every year of the horizon, ${years} (priceBaseDate and horizonYears), but "desnz-carbon-values-2023" covers 2020–2050`,
        },
      ]);
    }
    // The last horizon that fits runs.
    const doc = tenderDoc();
    doc.priceBaseDate = "2048-04-01";
    doc.carbonValuation.priceIndex.values["2048"] = "120";
    expect(evaluate(doc, { summaries: false }).options.length).toBe(doc.options.length);
  });

  it("carbon as its own criterion leaves whole-pathway cost without the externality", () => {
    const doc = tenderDoc();
    doc.carbonValuation.treatment = "criterion";
    const r = evaluate(doc, { summaries: false });
    for (const o of r.options) {
      expect(o.costs.carbonExternality).toBe("0");
      expect(Number(o.carbon.costPerPatient)).toBeGreaterThan(0);
    }
  });
});

describe("JSON Schema", () => {
  it("documents every property of the document and of an option", () => {
    const schema = evaluationDocumentJsonSchema() as { title: string; properties: Record<string, { description?: string; items?: { properties: Record<string, { description?: string }> } }> };
    expect(schema.title).toBe("vbp-score evaluation document");
    for (const [k, v] of Object.entries(schema.properties)) expect(v.description, k).toMatch(/\S/);
    for (const [k, v] of Object.entries(schema.properties.options!.items!.properties)) expect(v.description, `options.${k}`).toMatch(/\S/);
  });
});
