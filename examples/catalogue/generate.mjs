// Generates examples/catalogue/: a tender (the worked sNPWT tender's pathway and reference data, scored on
// price, whole-pathway cost, net monetary benefit and carbon) and a catalogue CSV of 1,000 dressing
// products. Deterministic: a fixed-seed generator, so the files are the same on every run.
//   node examples/catalogue/generate.mjs            writes tender.json and catalogue.csv
import { readFileSync, writeFileSync } from "node:fs";
// mulberry32, the repository's one seeded generator (public domain); enough for illustrative data.
import { mulberry32 as generator } from "../../test/_helpers/prng.mjs";

const here = new URL(".", import.meta.url);
const PRODUCTS = 1000;

const random = generator(20261201);
const between = (lo, hi, places) => (lo + (hi - lo) * random()).toFixed(places);

const worked = JSON.parse(readFileSync(new URL("../tender/tender.json", import.meta.url), "utf8"));
const comparator = worked.options.find((o) => o.isComparator === true);
const tender = {
  title: "National framework: negative-pressure and advanced dressings for closed surgical incisions (catalogue of 1,000 products, illustrative)",
  currency: worked.currency,
  priceBaseDate: worked.priceBaseDate,
  horizonYears: worked.horizonYears,
  discounting: worked.discounting,
  patientsPerYear: worked.patientsPerYear,
  threshold: worked.threshold,
  pathway: worked.pathway,
  options: [comparator],
  tender: {
    criteria: [
      { id: "bid-price", label: "1 Bid price per kit", kind: "price", weight: "40", formula: { formula: "relative-to-lowest" } },
      {
        id: "pathway-cost",
        label: "2 Whole-pathway cost per patient",
        kind: "quantitative",
        weight: "30",
        unit: "GBP per patient",
        valueFunction: { fn: "linear", direction: "lower-is-better", params: { lower: "3300", upper: "3500" } },
      },
      {
        id: "health-gain",
        label: "3 Net monetary benefit vs current practice",
        kind: "quantitative",
        weight: "20",
        unit: "GBP per patient",
        valueFunction: { fn: "linear", direction: "higher-is-better", params: { lower: "-100", upper: "150" } },
      },
      {
        id: "carbon",
        label: "4 Carbon per patient",
        kind: "quantitative",
        weight: "10",
        unit: "kgCO2e per patient",
        valueFunction: { fn: "linear", direction: "lower-is-better", params: { lower: "100", upper: "200" } },
      },
    ],
    settings: { aggregation: "weighted-sum", tieBreak: [{ rule: "lower-price" }] },
  },
  criterionMetrics: { "pathway-cost": "wholePathwayCostPerPatient", "health-gain": "incrementalNetMonetaryBenefitPerPatient", carbon: "carbonKgPerPatient" },
  carbonValuation: worked.carbonValuation,
};

const SUPPLIERS = ["Acme Medical Ltd", "Borealis Health AB", "Caledon Surgical plc", "Dunmore Devices GmbH", "Elstree Wound Care", "Fjord Medtech AS", "Gaulish Santé SA", "Humber Healthcare Ltd"];
const FAMILIES = ["SealPro", "VacuClose", "IncisaGuard", "PicoSeal", "Negapress", "ClosureOne"];
const header = ["id", "supplier", "label", "price", "unitsPerPatient", "effect:multiply:node=surgery&branch=ssi", "lifecycle:staff-time:per-patient", "lifecycle:disposal:per-patient", "carbon:embodied", "carbon:transport", "carbon:waste", "note"];
const csv = (cells) => cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",");
const lines = [csv(header)];
for (let i = 1; i <= PRODUCTS; i++) {
  const supplier = SUPPLIERS[Math.floor(random() * SUPPLIERS.length)];
  const family = FAMILIES[Math.floor(random() * FAMILIES.length)];
  lines.push(
    csv([
      `p-${String(i).padStart(4, "0")}`,
      supplier,
      `${family} ${10 + Math.floor(random() * 30)} (${["10x20 cm", "10x30 cm", "15x20 cm", "20x30 cm"][i % 4]})`,
      between(80, 190, 2),
      "1",
      between(0.45, 0.95, 3),
      between(3.2, 9.6, 2),
      between(0.1, 0.4, 2),
      between(0.5, 3.5, 2),
      between(0.05, 0.6, 2),
      between(0.02, 0.3, 2),
      i % 50 === 0 ? "7-day wear, single use" : "",
    ]),
  );
}
writeFileSync(new URL("tender.json", here), `${JSON.stringify(tender, null, 2)}\n`);
writeFileSync(new URL("catalogue.csv", here), `${lines.join("\r\n")}\r\n`);
console.log(`wrote tender.json and catalogue.csv (${PRODUCTS} products)`);
