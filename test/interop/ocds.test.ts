import { describe, expect, it } from "vitest";
import { fromOcdsAwardCriteria, toOcdsAwardCriteria, VbpInputError, type Criterion } from "../../src/index.js";
import { tenderDoc } from "../evaluate/helpers.js";

// The award criteria breakdown extension's own README example: 50% service quality, 50% price
// (open-contracting-extensions/ocds_awardCriteriaBreakdown_extension, "Weight").
const README_EXAMPLE = {
  criteria: [
    { type: "quality", name: "Service quality", numbers: [{ number: 50, weight: "percentageExact" }] },
    { type: "price", name: "Price", numbers: [{ number: 50, weight: "percentageExact" }] },
  ],
};

describe("OCDS award criteria (eForms BG-707)", () => {
  it("imports the extension's README example: two criteria of 50%, defaults listed", () => {
    const r = fromOcdsAwardCriteria(README_EXAMPLE);
    expect(r.criteria).toEqual([
      { id: "service-quality", label: "Service quality", weight: "50", kind: "qualitative", scale: "nhs-vbp-5" },
      { id: "price", label: "Price", weight: "50", kind: "price", formula: { formula: "relative-to-lowest" } },
    ]);
    expect(r.assumptions).toHaveLength(2);
  });

  it("exports the worked tender's leaf criteria with global weights summing to 100, typed price/cost/quality", () => {
    const criteria = tenderDoc().tender.criteria as Criterion[];
    const ac = toOcdsAwardCriteria(criteria);
    const weighted = ac.criteria!.filter((c) => c.numbers !== undefined);
    const sum = weighted.reduce((s, c) => s + c.numbers![0]!.number!, 0);
    expect(sum).toBeCloseTo(100, 9);
    expect(weighted.find((c) => c.name === "1.1 Bid price per kit")).toEqual({ type: "price", name: "1.1 Bid price per kit", description: "Under 1 Whole-life cost.", numbers: [{ number: 14, weight: "percentageExact" }] });
    expect(weighted.find((c) => c.name === "1.2 Whole-pathway cost per patient")!.type).toBe("cost");
    expect(weighted.find((c) => c.name === "3.1 Ease of application and removal for ward staff")!.type).toBe("quality");
  });

  it("round trip: export then import keeps every weight and kind of a flat tender", () => {
    const flat: Criterion[] = [
      { id: "q", label: "Quality", kind: "qualitative", weight: "60", scale: "nhs-vbp-5" },
      { id: "p", label: "Price", kind: "price", weight: "40", formula: { formula: "relative-to-lowest" } },
    ];
    const back = fromOcdsAwardCriteria(toOcdsAwardCriteria(flat)).criteria;
    expect(back.map((c) => [c.label, c.kind, (c as { weight: string }).weight])).toEqual([
      ["Quality", "qualitative", "60"],
      ["Price", "price", "40"],
    ]);
  });

  it("rescales decimal or points weights to 100 and says so", () => {
    const r = fromOcdsAwardCriteria({ criteria: [{ type: "price", name: "Price", numbers: [{ number: 0.25, weight: "decimalExact" }] }, { type: "quality", name: "Q", numbers: [{ number: 0.75, weight: "decimalExact" }] }] });
    expect(r.criteria.map((c) => (c as { weight: string }).weight)).toEqual(["25", "75"]);
    expect(r.assumptions[0]).toMatch(/rescaled to sum to 100 \(they summed to 1\)/);
  });

  it("refuses what cannot be scored, with every problem's path", () => {
    try {
      fromOcdsAwardCriteria({ criteria: [{ type: "price", name: "Fixed", numbers: [{ number: 100000, fixed: "total" }] }, { type: "quality", numbers: [{ number: 1, weight: "order" }] }, { type: "delivery", numbers: [{ number: -1, weight: "percentageExact" }] }] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(VbpInputError);
      expect((e as VbpInputError).issues.map((i) => i.path.join("."))).toEqual(["criteria.0.numbers", "criteria.0.numbers", "criteria.1.numbers.0.weight", "criteria.2.type", "criteria.2.numbers.0.number"]);
    }
  });
});
