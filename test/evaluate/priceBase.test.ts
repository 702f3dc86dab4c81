import { describe, expect, it } from "vitest";
import { Decimal } from "decimal.js";
import { evaluate, HMT_GDP_DEFLATORS, rebaseFactor, VbpInputError } from "../../src/index.js";
import { issuesOf, tenderDoc } from "./helpers.js";

const Exact = Decimal.clone({ precision: 60 });
const D = (v: string | number) => new Exact(v);

describe("monetised carbon is re-based to the evaluation's price year (defect: DESNZ 2022 prices added to 2026 costs)", () => {
  const result = evaluate(tenderDoc(), { summaries: false });

  it("records the re-basing (2022 → 2026, HM Treasury GDP deflator) in the result's reference data", () => {
    const cv = result.referenceData.carbonValues!;
    expect(cv.priceYear).toBe("2026");
    // The worked tender passes its own series: the December 2025 release's outturn (2022 = 90.5005, 2024 = 100)
    // extended to 2026 at an assumed 2% a year (104.04), and says so in the series' source note.
    expect(cv.rebasing).toMatchObject({
      fromPriceYear: "2022",
      toPriceYear: "2026",
      fromIndex: "90.5005",
      toIndex: "104.04",
      factor: D("104.04").div("90.5005").toSignificantDigits(50).toString(),
      indexId: "hmt-gdp-deflators-2025-12-extended-2pc",
    });
    expect(cv.rebasing?.indexSource?.publisher).toBe("HM Treasury");
    expect(cv.rebasing?.indexSource?.note).toContain("NOT published values");
  });

  it("the shipped HM Treasury series holds outturn years only: a 2026 price year without a series is an error naming the years", () => {
    // HM Treasury, GDP deflators at market prices, and money GDP, December 2025 (Quarterly National Accounts),
    // calendar years, 2024 = 100: 2022 90.5005, 2023 96.2507, 2024 100.
    expect(HMT_GDP_DEFLATORS.values).toMatchObject({ "2022": "90.5005", "2023": "96.2507", "2024": "100" });
    expect(HMT_GDP_DEFLATORS.forecastFrom).toBeUndefined();
    const doc = tenderDoc();
    delete doc.carbonValuation.priceIndex;
    const issues = issuesOf(() => evaluate(doc));
    expect(issues).toEqual([
      expect.objectContaining({
        code: "unknown_reference",
        path: ["carbonValuation", "priceIndex", "values"],
        message: expect.stringMatching(/^deflator series "hmt-gdp-deflators-2025-12" has no value for 2026, needed to re-base from 2022 to 2026 prices \(it has 2015–2024: .*\); the shipped HM Treasury series holds outturn years only/),
      }),
    ]);
    // A 2024 evaluation re-bases with the shipped series alone: × 100 / 90.5005.
    const in2024 = tenderDoc();
    delete in2024.carbonValuation.priceIndex;
    in2024.priceBaseDate = "2024-04-01";
    const r = evaluate(in2024, { summaries: false });
    expect(r.referenceData.carbonValues?.rebasing).toMatchObject({ fromIndex: "90.5005", toIndex: "100", indexId: HMT_GDP_DEFLATORS.id });
  });

  it("hand computation: current practice's monetised carbon per patient in 2026 prices", () => {
    // Carbon per patient, current practice:
    //   pathway: 3 bed days × 40 kg = 120; SSI 0.12 × (4 × 40 + 3 clinic visits × 8) = 22.08; readmission 0.03 × 5 × 40 = 6 → 148.08 kg
    //   product: 0.05 + 0.01 + 0.02 kg waste × 1.2 = 0.084 kg → 148.164 kg per patient, 1,200 patients a year
    const kgPerPatient = D("148.164");
    // The pathway runs on the Float64 backend by default (figures within about 1e-15 relative of exact), so the
    // evaluation's figures are compared with the exact hand computation to 1e-12 relative.
    const close = (got: Decimal, want: Decimal) => got.minus(want).abs().div(want.abs()).lt("1e-12");
    expect(close(D(result.options.find((o) => o.optionId === "current")!.carbon.kgPerPatient), kgPerPatient)).toBe(true);
    // DESNZ central carbon values, £/tCO2e in 2022 prices: 2026 277.22, 2027 281.44, 2028 285.73.
    // Re-based to 2026 prices with the GDP deflator: × index[2026] / index[2022] = 104.04 / 90.5005 = 1.1496069082…
    //   2026: 277.22 × f = 318.6940271…; 2027: 281.44 × f = 323.5453682…; 2028: 285.73 × f = 328.4771818…
    const f = D("104.04").div("90.5005");
    const values2026 = [D("277.22").times(f), D("281.44").times(f), D("285.73").times(f)];
    expect(values2026.map((v) => v.toDecimalPlaces(7).toString())).toEqual(["318.6940271", "323.5453683", "328.4771819"]);
    // Year y amount = 148.164 kg × 1,200 / 1,000 × value_y; discounted at 3.5% with the first year undiscounted;
    // per patient = PV ÷ discounted patients (1,200 × (1 + 1/1.035 + 1/1.035²)).
    const df = [D(1), D(1).div("1.035"), D(1).div(D("1.035").pow(2))];
    const pv = values2026.reduce((s, v, y) => s.plus(kgPerPatient.times(1200).div(1000).times(v).times(df[y]!)), D(0));
    const patients = df.reduce((s, f) => s.plus(D(1200).times(f)), D(0));
    const perPatient = pv.div(patients);
    expect(perPatient.toDecimalPlaces(6).toString()).toBe("47.925133");
    const got = D(result.options.find((o) => o.optionId === "current")!.carbon.costPerPatient!);
    expect(close(got, perPatient)).toBe(true);
    expect(got.toDecimalPlaces(6).toString()).toBe("47.925133");
  });

  it("the deflator can be overridden; a series missing a needed year is an error naming the years", () => {
    const doc = tenderDoc();
    doc.carbonValuation.priceIndex = { id: "mine", label: "My deflators", values: { "2022": "100", "2026": "120" } };
    const r = evaluate(doc, { summaries: false });
    expect(r.referenceData.carbonValues?.rebasing).toMatchObject({ factor: "1.2", indexId: "mine" });
    const bad = tenderDoc();
    bad.carbonValuation.priceIndex = { id: "short", label: "Short series", values: { "2023": "100", "2024": "104" } };
    const issues = issuesOf(() => evaluate(bad));
    expect(issues).toEqual([
      expect.objectContaining({
        code: "unknown_reference",
        path: ["carbonValuation", "priceIndex", "values"],
        message: 'deflator series "short" has no value for 2022 and 2026, needed to re-base from 2022 to 2026 prices (it has 2023–2024: 2023, 2024)',
      }),
    ]);
  });

  it("rebaseFactor is exact and names missing years", () => {
    expect(rebaseFactor(HMT_GDP_DEFLATORS, "2023", "2024")).toBe(D(100).div("96.2507").toSignificantDigits(50).toString());
    expect(rebaseFactor(HMT_GDP_DEFLATORS, "2024", "2024")).toBe("1");
    expect(() => rebaseFactor(HMT_GDP_DEFLATORS, "2022", "2031")).toThrow(VbpInputError);
    expect(() => rebaseFactor(HMT_GDP_DEFLATORS, "2022", "2031")).toThrow(/no value for 2031/);
  });
});
