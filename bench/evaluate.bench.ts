import { readFileSync } from "node:fs";
import { bench, describe } from "vitest";
import { evaluate } from "../src/evaluate/index.js";
import { mulberry32 as prng } from "../test/_helpers/prng.mjs";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = any;

const tender: Doc = JSON.parse(readFileSync("examples/tender/tender.json", "utf8"));

/**
 * A national catalogue of `n` products on the worked tender's pathway: every offer has its own bid price,
 * relative risk of SSI, nurse time, carbon, evidence and social value commitments. Qualitative questions are
 * replaced by a quantitative "quality" value per product (catalogue listings carry no evaluator panel);
 * rank reversal and overtaking are off.
 */
function catalogue(n: number): Doc {
  const rnd = prng(7);
  const doc: Doc = structuredClone(tender);
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
    o.socialValue.commitments.forEach((c: Doc) => (c.id = `${o.id}-${c.metricId}`));
    o.values = { quality: String(Math.floor(rnd() * 101)) };
    return o;
  });
  doc.options = [doc.options[0], ...offers];
  doc.tender.criteria = doc.tender.criteria.map((c: Doc) =>
    ["patient-and-staff", "supply-chain", "purpose"].includes(c.id)
      ? { ...c, children: [{ id: `${c.id}-quality`, label: `${c.label}: catalogue quality rating`, kind: "quantitative", weight: "100", valueFunction: { fn: "linear", params: { lower: "0", upper: "100" } } }] }
      : c,
  );
  doc.tender.criteria.forEach((c: Doc) => {
    if (c.children?.[0]?.id?.endsWith("-quality")) offers.forEach((o: Doc) => (o.values[c.children[0].id] = o.values.quality));
  });
  offers.forEach((o: Doc) => delete o.values.quality);
  doc.tender.evaluatorScores = [];
  doc.tender.consensus = [];
  doc.tender.gates = [];
  doc.tender.passFail = offers.map((o: Doc) => ({ criterionId: "ukca", optionId: o.id, passed: true, reason: "UKCA certificate on file." }));
  doc.tender.settings = { ...doc.tender.settings, rankReversal: false, overtaking: false };
  return doc;
}

// 10,000 options: current practice + 9,999 products (the document limit is 10,000 options).
const big = catalogue(9_999);

describe("evaluate: the whole job", () => {
  bench("worked tender (5 options, 3 evaluators, summaries)", () => {
    evaluate(tender);
  });
  bench(
    "catalogue of 10,000 options (no summaries, rank reversal and overtaking off)",
    () => {
      evaluate(big, { summaries: false });
    },
    { iterations: 2, warmupIterations: 0, time: 0 },
  );
});
