import { readFileSync } from "node:fs";
import { VbpInputError, type VbpIssue } from "../../src/index.js";

/** A parsed JSON document that tests edit freely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Doc = any;

/** The worked tender, parsed fresh on each call (tests may edit their copy). */
export function tenderDoc(): Doc {
  return JSON.parse(readFileSync("examples/tender/tender.json", "utf8")) as Doc;
}

/** The issues a function throws as a VbpInputError (fails the test if it does not throw one). */
export function issuesOf(f: () => unknown): readonly VbpIssue[] {
  try {
    f();
  } catch (e) {
    if (e instanceof VbpInputError) return e.issues;
    throw e;
  }
  throw new Error("expected a VbpInputError");
}

/** Every value is plain JSON data: strings, finite numbers, booleans, null, arrays and plain objects. */
export function plainJsonProblems(value: unknown, path = "$"): string[] {
  if (value === null || typeof value === "string" || typeof value === "boolean") return [];
  if (typeof value === "number") return Number.isFinite(value) ? [] : [`${path}: ${value}`];
  if (Array.isArray(value)) return value.flatMap((v, i) => plainJsonProblems(v, `${path}[${i}]`));
  if (typeof value === "object") {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return [`${path}: not a plain object (${String(proto?.constructor?.name)})`];
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => plainJsonProblems(v, `${path}.${k}`));
  }
  return [`${path}: ${typeof value}`];
}

/**
 * A catalogue of `n` products on the worked tender's pathway (plus current practice): each product has its
 * own price, relative risk of SSI, nurse time and embodied carbon; the qualitative questions become
 * quantitative catalogue ratings. Deterministic (no random numbers).
 */
export function catalogueDoc(n: number): Doc {
  const doc = tenderDoc();
  const base = doc.options[1];
  const offers = Array.from({ length: n }, (_, i) => {
    const o = structuredClone(base);
    o.id = `p${i}`;
    o.supplier = `Supplier ${i % 40}`;
    o.label = `Product ${i}`;
    o.price = String(60 + ((i * 37) % 120));
    o.effects[0].value = (0.4 + ((i * 7) % 50) / 100).toFixed(2);
    o.lifecycle.items[0].quantity = String(5 + (i % 10));
    o.carbon.embodied[0].factor.kgCO2ePerUnit = (1 + ((i * 13) % 150) / 100).toFixed(2);
    o.socialValue.commitments.forEach((c: Doc) => (c.id = `${o.id}-${c.metricId}`));
    o.values = {};
    return o;
  });
  doc.kind = "catalogue";
  doc.options = [doc.options[0], ...offers];
  doc.tender.criteria = doc.tender.criteria.map((c: Doc) =>
    ["patient-and-staff", "supply-chain", "purpose"].includes(c.id)
      ? { ...c, children: [{ id: `${c.id}-quality`, label: `${c.label}: catalogue quality rating`, kind: "quantitative", weight: "100", valueFunction: { fn: "linear", params: { lower: "0", upper: "100" } } }] }
      : c,
  );
  for (const c of doc.tender.criteria) {
    const child = c.children?.[0];
    if (child?.id?.endsWith("-quality")) offers.forEach((o: Doc, i: number) => (o.values[child.id] = String((i * 31) % 101)));
  }
  doc.tender.evaluatorScores = [];
  doc.tender.consensus = [];
  doc.tender.gates = [];
  doc.tender.passFail = offers.map((o: Doc) => ({ criterionId: "ukca", optionId: o.id, passed: true, reason: "UKCA certificate on file." }));
  doc.tender.settings = { ...doc.tender.settings, rankReversal: false, overtaking: false };
  return doc;
}
