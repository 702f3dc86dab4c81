import { bench, describe } from "vitest";
import { carbonFootprint, monetiseCarbon, type CarbonInputDocument } from "../src/sustainability/index.js";

// A national catalogue: 10,000 options, 5 activity lines each, over a 10-year horizon (500,000 ledger lines).
function catalogue(n: number): CarbonInputDocument {
  const options: CarbonInputDocument["options"][number][] = [];
  for (let i = 0; i < n; i++) {
    options.push({
      id: `opt-${i}`,
      patientsPerYear: 100 + (i % 50),
      usesPerYear: 1000 + i,
      embodied: [{ id: "device", quantity: { once: 1 + (i % 3) }, serviceLifeYears: 4, unit: "unit", factor: { kgCO2ePerUnit: `${120 + (i % 17)}.5` } }],
      energy: [{ id: "power", quantity: { perUse: "0.35" }, unit: "kWh", factor: { factorId: "uk-electricity-generation" } }],
      consumables: [{ id: "drape", quantity: { perUse: 1 }, unit: "unit", factor: { kgCO2ePerUnit: "0.21" } }],
      waste: [{ id: "incineration", quantity: { perYear: "0.02" }, unit: "tonne", factor: { kgCO2ePerUnit: 900 } }],
      pathway: [{ id: "bed-day", quantity: { perPatient: "0.3" }, unit: "bed day", factor: { kgCO2ePerUnit: 30 } }],
    });
  }
  return { startYear: 2025, horizonYears: 10, factorYearRule: "latest-available", options };
}

const big = catalogue(10_000);
const small = catalogue(100);

describe("carbonFootprint (exact engine)", () => {
  bench("100 options × 5 lines × 10 years", () => {
    carbonFootprint(small);
  });
  bench("10,000 options × 5 lines × 10 years", () => {
    carbonFootprint(big);
  }, { iterations: 2, warmupIterations: 0 });
});

describe("monetiseCarbon", () => {
  const emissions = Array.from({ length: 26 }, (_, k) => ({ year: 2025 + k, kgCO2e: `${1000 + k}.25` }));
  bench("26 years × 3 scenarios", () => {
    monetiseCarbon({ emissions });
  });
});
