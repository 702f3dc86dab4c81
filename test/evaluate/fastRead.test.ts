import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prepareEvaluation } from "../../src/evaluate/_internal/validate.js";
import { documentShape, optionSchema } from "../../src/evaluate/schema.js";
import { fastAccept } from "../../src/schema/fastAccept.js";
import { applyEdit } from "../_helpers/randomEdit.js";
import { thrown } from "../_helpers/thrown.js";

// The schema walker (`fastAccept`) on evaluation documents: a plainly valid document read in one walk must give
// exactly what the schemas' full parse gives (the frame, and each option on its own): the same keys in the same order, keys present as
// undefined, defaults written out, the same frozen lists. For any document the schemas refuse, or that holds a
// `__proto__` key, it gives nothing, and the whole job then reads it with the full parse for its issues.

const read = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;

/** The worked tender with `n` copies of its first offer (ids, prices and values of their own). */
function evaluationCatalogue(n: number): Record<string, unknown> {
  const doc = read("examples/tender/tender.json") as { options: Record<string, unknown>[]; tender: { passFail?: unknown[]; evaluatorScores?: unknown[]; consensus?: unknown[] } };
  const base = doc.options[1]!;
  const offers = Array.from({ length: n }, (_, i) => ({ ...structuredClone(base), id: `p${i}`, label: `Product ${i}`, price: `${60 + i}.${i % 10}5`, values: { "x-quality": String(i), y: i } }));
  doc.options = [doc.options[0]!, ...offers];
  doc.tender.passFail = [];
  doc.tender.evaluatorScores = [];
  doc.tender.consensus = [];
  return doc;
}

const BASES: readonly [string, () => Record<string, unknown>][] = [
  ["the worked tender", () => read("examples/tender/tender.json")],
  ["a generated catalogue of 12 products", () => evaluationCatalogue(12)],
];

/** A text of a value that tells apart key order, a key holding undefined, an absent key, and a frozen object. */
function exact(v: unknown): string {
  if (v === undefined) return "‹undefined›";
  if (v === null || typeof v !== "object") return JSON.stringify(v);
  const frozen = Object.isFrozen(v) ? "‹frozen›" : "";
  if (Array.isArray(v)) return `${frozen}[${v.map(exact).join(",")}]`;
  return `${frozen}{${Object.keys(v)
    .map((k) => `${JSON.stringify(k)}:${exact((v as Record<string, unknown>)[k])}`)
    .join(",")}}`;
}

/** The full parse's value: the frame (options aside) and each option on its own, as validation parses them. */
function zodAnswer(doc: unknown): string | undefined {
  const r = documentShape().safeParse(doc);
  if (!r.success) return undefined;
  const options = (doc as { options: unknown[] }).options.map((o) => optionSchema().safeParse(o));
  if (options.some((o) => !o.success)) throw new Error("the document parsed but an option did not");
  return exact({ ...r.data, options: options.map((o) => o.data) });
}

/** The walk's value, copying; the same walk sharing the options' unchanged parts must give the same value. */
function fastAnswer(doc: unknown): string | undefined {
  const r = fastAccept(documentShape(), doc);
  const text = r === undefined ? undefined : exact(r.data);
  const shared = fastAccept(documentShape(), doc, optionSchema());
  expect(shared === undefined ? undefined : exact(shared.data)).toBe(text);
  return text;
}

describe("reading a plainly valid evaluation document in one walk", () => {
  it.each(BASES)("gives the full parse's value for %s", (_, make) => {
    const want = zodAnswer(make());
    expect(want).toBeDefined();
    expect(fastAnswer(make())).toBe(want);
  });

  it("writes out the defaults of a lifecycle item and keeps a key given as undefined, as the schemas do", () => {
    const doc = read("examples/tender/tender.json") as { options: { lifecycle?: { items: Record<string, unknown>[] }; note?: unknown }[] };
    const option = doc.options.find((o) => (o.lifecycle?.items.length ?? 0) > 0)!;
    const item = option.lifecycle!.items[0]!;
    delete item.quantity;
    delete item.quantityUnit;
    option.note = undefined;
    const r = fastAccept(documentShape(), doc);
    expect(r).toBeDefined();
    expect(fastAnswer(doc)).toBe(zodAnswer(doc));
  });

  it("refuses a `__proto__` key anywhere (a record of values included), and validation reports it at its path", () => {
    const text = JSON.stringify(read("examples/tender/tender.json"));
    for (const [from, to] of [
      ['"lot":', '"values":{"__proto__":"1"},"lot":'],
      ['"documents":{', '"documents":{"__proto__":{},'],
      ['"title":', '"__proto__":{"x":1},"title":'],
    ] as const) {
      const bad = JSON.parse(text.replace(from, to)) as unknown;
      expect(fastAccept(documentShape(), bad)).toBeUndefined();
      expect(thrown(() => prepareEvaluation(bad, "fail")).filter((i) => i.path.at(-1) === "__proto__")).toEqual([{ code: "unrecognized_keys", path: expect.any(Array) as unknown, message: expect.stringMatching(/^unknown key "__proto__"/) as unknown }]);
    }
  });

  it("refuses an own `__proto__` key that is not enumerable (which zod's strict objects do not see), and validation reports it", () => {
    const doc = read("examples/tender/tender.json") as { options: Record<string, unknown>[] };
    Object.defineProperty(doc.options[1]!, "__proto__", { value: { polluted: true }, enumerable: false });
    expect(fastAccept(documentShape(), doc)).toBeUndefined();
    expect(thrown(() => prepareEvaluation(doc, "fail"))).toEqual([{ code: "unrecognized_keys", path: ["options", 1, "__proto__"], message: 'unknown key "__proto__" (not allowed)' }]);
  });

  it("gives the same prepared document as the full parse, and every problem at once for a bad one", () => {
    const doc = read("examples/tender/tender.json") as { options: Record<string, unknown>[] };
    const good = prepareEvaluation(doc, "exclude");
    expect(good.excluded).toEqual([]);
    expect(exact(good.doc)).toBe(zodAnswer(doc));
    const bad = structuredClone(doc);
    bad.options[2]!.price = "-1";
    bad.options[4]!.values = { x: "1e999" };
    const issues = thrown(() => prepareEvaluation(bad, "fail"));
    expect(issues.map((i) => [i.path.join("."), i.code])).toEqual([
      ["options.2.price", "too_small"],
      ["options.4.values.x", "too_big"],
    ]);
  });

  // Random edits: a key removed, set to another value (of any JSON kind, undefined, or a value found elsewhere
  // in the document), an unknown key or a `__proto__` key added. Whatever the schemas decide, the walk agrees.
  const odd: unknown[] = [undefined, null, true, false, 0, -1, 1, 0.5, 1e15, "", "0.5", "-1", "1e3", "00.5", " 1", "x", "GBP", "2026-02-30", "2026-04-01", "per-patient", "minute", "catalogue", "multiply", [], ["0.5"], {}, { a: 1 }];
  const edit = fc.record({
    base: fc.integer({ min: 0, max: BASES.length - 1 }),
    path: fc.array(fc.nat(), { minLength: 1, maxLength: 9 }),
    kind: fc.constantFrom("delete", "set", "set", "graft", "unknown", "proto"),
    value: fc.oneof(fc.constantFrom(...odd), fc.jsonValue({ maxDepth: 2 })),
    from: fc.array(fc.nat(), { minLength: 1, maxLength: 9 }),
  });

  it("agrees with the full parse on randomly edited documents", () => {
    const runs = 300;
    let accepted = 0;
    fc.assert(
      fc.property(edit, ({ base, path, kind, value, from }) => {
        const doc = applyEdit(BASES[base]![1](), { path, kind, value, from });
        const fast = fastAnswer(doc);
        if (kind === "proto" && JSON.stringify(doc).includes('"__proto__"')) expect(fast).toBeUndefined();
        else {
          const want = zodAnswer(doc);
          if (want !== undefined) accepted++;
          expect(fast).toBe(want);
        }
      }),
      { numRuns: runs },
    );
    // Both answers are exercised: many edits leave a valid document, many break it.
    expect(accepted).toBeGreaterThan(runs / 10);
    expect(accepted).toBeLessThan(runs * 0.9);
  });
});
