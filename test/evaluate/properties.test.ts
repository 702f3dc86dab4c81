import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Decimal } from "decimal.js";
import { evaluate } from "../../src/index.js";
import { plainJsonProblems, tenderDoc } from "./helpers.js";

const Exact = Decimal.clone({ precision: 80 });
const decimalText = (min: number, max: number, places: number) => fc.integer({ min: min * 10 ** places, max: max * 10 ** places }).map((n) => new Exact(n).div(10 ** places).toString());

describe("evaluate: invariants over varied tenders", () => {
  it("parts reconcile exactly, ranks are 1..n among ranked options, and the result is plain JSON", () => {
    fc.assert(
      fc.property(
        decimalText(1, 5000, 0),
        fc.array(decimalText(5, 300, 2), { minLength: 4, maxLength: 4 }),
        fc.array(decimalText(0, 1, 2), { minLength: 4, maxLength: 4 }),
        fc.constantFrom("externality", "criterion"),
        (patients, prices, rrs, treatment) => {
          const doc = tenderDoc();
          doc.patientsPerYear = patients;
          doc.carbonValuation.treatment = treatment;
          for (let i = 1; i <= 4; i++) {
            doc.options[i].price = prices[i - 1];
            doc.options[i].effects[0].value = rrs[i - 1];
          }
          const r = evaluate(doc, { summaries: false });
          for (const o of r.options) {
            const c = o.costs;
            if (o.priceNotOpened === true) expect([c.lifecycle, c.wholePathway, o.price]).toEqual([undefined, undefined, undefined]);
            else expect(new Exact(c.lifecycle!).plus(c.pathway).plus(c.carbonExternality).eq(c.wholePathway!)).toBe(true);
            expect(new Exact(o.carbon.pathwayKgPerPatient).plus(o.carbon.productKgPerPatient).eq(o.carbon.kgPerPatient)).toBe(true);
            if (treatment === "criterion") expect(c.carbonExternality).toBe("0");
          }
          for (const lot of new Set(r.ranking.filter((x) => x.status === "ranked").map((x) => x.lot))) {
            const ranks = r.ranking.filter((x) => x.status === "ranked" && x.lot === lot).map((x) => x.rank ?? 0);
            expect(ranks.length).toBeGreaterThan(0);
            expect(Math.min(...ranks)).toBe(1);
            ranks.forEach((k) => expect(k).toBeLessThanOrEqual(ranks.length));
          }
          expect(plainJsonProblems(r)).toEqual([]);
        },
      ),
      { numRuns: 15, seed: 20261124 },
    );
  });
});
