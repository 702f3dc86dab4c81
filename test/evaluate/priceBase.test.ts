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
    expect(cv.rebasing).toMatchObject({ fromPriceYear: "2022", toPriceYear: "2026", factor: "1.1805", indexId: HMT_GDP_DEFLATORS.id });
    expect(cv.rebasing?.indexSource?.publisher).toBe("HM Treasury");
    // The shipped deflators could not be confirmed against the release: the source says so.
    expect(cv.rebasing?.indexSource?.note).toContain("UNCONFIRMED");
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
    // Re-based to 2026 prices with the GDP deflator: × index[2026] / index[2022] = 118.05 / 100 = 1.1805.
    //   2026: 277.22 × 1.1805 = 327.25821; 2027: 281.44 × 1.1805 = 332.23992; 2028: 285.73 × 1.1805 = 337.304265
    const values2026 = [D("277.22").times("1.1805"), D("281.44").times("1.1805"), D("285.73").times("1.1805")];
    expect(values2026.map((v) => v.toString())).toEqual(["327.25821", "332.23992", "337.304265"]);
    // Year y amount = 148.164 kg × 1,200 / 1,000 × value_y; discounted at 3.5% with the first year undiscounted;
    // per patient = PV ÷ discounted patients (1,200 × (1 + 1/1.035 + 1/1.035²)).
    const df = [D(1), D(1).div("1.035"), D(1).div(D("1.035").pow(2))];
    const pv = values2026.reduce((s, v, y) => s.plus(kgPerPatient.times(1200).div(1000).times(v).times(df[y]!)), D(0));
    const patients = df.reduce((s, f) => s.plus(D(1200).times(f)), D(0));
    const perPatient = pv.div(patients);
    expect(perPatient.toDecimalPlaces(6).toString()).toBe("49.213012");
    const got = D(result.options.find((o) => o.optionId === "current")!.carbon.costPerPatient!);
    expect(close(got, perPatient)).toBe(true);
    expect(got.toDecimalPlaces(6).toString()).toBe("49.213012");
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
    expect(rebaseFactor(HMT_GDP_DEFLATORS, "2022", "2026")).toBe("1.1805");
    expect(rebaseFactor(HMT_GDP_DEFLATORS, "2026", "2026")).toBe("1");
    expect(() => rebaseFactor(HMT_GDP_DEFLATORS, "2022", "2031")).toThrow(VbpInputError);
    expect(() => rebaseFactor(HMT_GDP_DEFLATORS, "2022", "2031")).toThrow(/no value for 2031/);
  });
});
