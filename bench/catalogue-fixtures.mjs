// Deterministic documents for the catalogue benchmark (no Math.random): the same inputs on every run.
import { readFileSync } from "node:fs";
import { mulberry32 as prng } from "../test/_helpers/prng.mjs";

/** mulberry32: deterministic pseudo-random numbers in [0, 1) (the one shared copy, test/_helpers/prng.mjs). */
export { prng };

const here = new URL("../", import.meta.url);
export const tender = () => JSON.parse(readFileSync(new URL("examples/tender/tender.json", here), "utf8"));
export const imaging = () => JSON.parse(readFileSync(new URL("examples/lifecycle/imaging-systems.json", here), "utf8"));

/**
 * A national catalogue of `n` products on the worked tender's pathway (one offer per product): every offer has
 * its own bid price, relative risk of SSI, nurse time, carbon, evidence and social value commitments.
 * Qualitative questions become a quantitative "quality" rating per product (catalogue listings carry no
 * evaluator panel); rank reversal and overtaking are off. Total options = n + 1 (current practice).
 */
export function evaluationCatalogue(n, extra = {}) {
  const rnd = prng(7);
  const doc = tender();
  const base = doc.options[1];
  const offers = Array.from({ length: n }, (_, i) => {
    const o = structuredClone(base);
    o.id = `p${i}`;
    o.supplier = `Supplier ${i % 400}`;
    o.label = `Product ${i}`;
    o.price = (60 + Math.round(rnd() * 12000) / 100).toFixed(2);
    o.effects[0].value = (0.4 + Math.round(rnd() * 50) / 100).toFixed(2);
    o.lifecycle.items[0].quantity = String(5 + Math.floor(rnd() * 10));
    o.carbon.embodied[0].factor.kgCO2ePerUnit = (1 + Math.round(rnd() * 150) / 100).toFixed(2);
    o.evidence.documents["carbon-reduction-plan"].published = rnd() > 0.05;
    o.socialValue.commitments.forEach((c) => (c.id = `${o.id}-${c.metricId}`));
    o.values = {};
    return o;
  });
  const quality = offers.map(() => String(Math.floor(rnd() * 101)));
  doc.options = [doc.options[0], ...offers];
  doc.tender.criteria = doc.tender.criteria.map((c) =>
    ["patient-and-staff", "supply-chain", "purpose"].includes(c.id)
      ? { ...c, children: [{ id: `${c.id}-quality`, label: `${c.label}: catalogue quality rating`, kind: "quantitative", weight: "100", valueFunction: { fn: "linear", params: { lower: "0", upper: "100" } } }] }
      : c,
  );
  for (const c of doc.tender.criteria) {
    const child = c.children?.[0];
    if (child?.id?.endsWith("-quality")) offers.forEach((o, i) => (o.values[child.id] = quality[i]));
  }
  doc.tender.evaluatorScores = [];
  doc.tender.consensus = [];
  doc.tender.gates = [];
  doc.tender.passFail = offers.map((o) => ({ criterionId: "ukca", optionId: o.id, passed: true, reason: "UKCA certificate on file." }));
  doc.tender.settings = { ...doc.tender.settings, rankReversal: false, overtaking: false };
  return Object.assign(doc, extra);
}

/** A lot of `n` bids scored on `q` qualitative criteria (one evaluator record each) + `v` quantitative + price. */
export function scoringLot(n, q, v, settings) {
  const rnd = prng(42);
  const leaves = [...Array.from({ length: q }, (_, i) => ({ id: `q${i}`, kind: "qualitative" })), ...Array.from({ length: v }, (_, i) => ({ id: `v${i}`, kind: "quantitative" }))];
  const half = Math.ceil(leaves.length / 2);
  const groups = [leaves.slice(0, half), leaves.slice(half)].filter((g) => g.length > 0);
  const criteria = [
    ...groups.map((g, d) => ({
      id: `d${d}`,
      label: `Domain ${d}`,
      kind: "group",
      weight: "30",
      children: g.map((l, i) => {
        // Weights within a group sum to exactly 100 (the first child takes the remainder).
        const w = String(i === 0 ? 100 - Math.floor(100 / g.length) * (g.length - 1) : Math.floor(100 / g.length));
        return l.kind === "qualitative"
          ? { id: l.id, label: l.id, kind: "qualitative", weight: w, scale: "0-5" }
          : { id: l.id, label: l.id, kind: "quantitative", weight: w, valueFunction: { fn: "linear", params: { lower: "0", upper: "1000" } } };
      }),
    })),
    { id: "price", label: "Price", kind: "price", weight: "40", formula: { formula: "relative-to-lowest" } },
  ];
  const options = Array.from({ length: n }, (_, i) => ({
    id: `O${i}`,
    supplier: `Supplier ${i}`,
    label: `Product ${i}`,
    price: (1000 + Math.floor(rnd() * 1_000_000) / 100).toFixed(2),
    values: Object.fromEntries(leaves.filter((l) => l.kind === "quantitative").map((l) => [l.id, String(Math.floor(rnd() * 1000))])),
  }));
  const evaluatorScores = options.flatMap((o) =>
    leaves.filter((l) => l.kind === "qualitative").map((l) => ({ criterionId: l.id, optionId: o.id, evaluatorId: "E1", level: String(Math.floor(rnd() * 6)), reason: "Evidence reviewed" })),
  );
  return { criteria, options, evaluatorScores, settings };
}

/** `n` copies of the worked imaging example's options (alternating scanner A and B), ids made unique. */
export function imagingCopies(n) {
  const doc = imaging();
  const [a, b] = doc.options;
  doc.options = Array.from({ length: n }, (_, i) => ({ ...structuredClone(i % 2 === 0 ? a : b), id: `ct-${i}` }));
  doc.comparatorId = "ct-0";
  return doc;
}

/** 50,000-style lifecycle catalogue: `options` × `items` cost items × `years` years (as bench/lifecycle.bench.ts). */
export function lifecycleCatalogue(options, items, years) {
  const kinds = ["acquisition", "installation", "training", "maintenance", "consumable", "energy", "staff-time", "storage", "spares", "licence"];
  let seed = 12345;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed;
  };
  return {
    currency: "GBP",
    priceBaseDate: "2026-04-01",
    horizonYears: years,
    discounting: { schedule: "green-book" },
    volumes: { usesPerYear: 1200, patientsPerYear: 400 },
    options: Array.from({ length: options }, (_, i) => ({
      id: `opt-${i}`,
      name: `Option ${i}`,
      serviceLifeYears: 7,
      items: Array.from({ length: items }, (_, j) => {
        const kind = kinds[j % kinds.length];
        const cost = `${next() % 100000}.${String(next() % 100).padStart(2, "0")}`;
        const base = { id: `item-${j}`, kind, label: `${kind} ${j}`, unitCost: cost };
        if (kind === "consumable") return { ...base, basis: "per-use", quantity: String(1 + (next() % 3)) };
        if (kind === "staff-time") return { ...base, basis: "per-patient", quantity: 20, quantityUnit: "minute" };
        if (kind === "maintenance") return { ...base, escalationRate: "0.025" };
        if (kind === "spares") return { ...base, frequency: "every-n-years", everyYears: 3 };
        return base;
      }),
    })),
  };
}
