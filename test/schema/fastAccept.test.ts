import { readFileSync } from "node:fs";
import fc from "fast-check";
import * as z from "zod/mini";
import { describe, expect, it } from "vitest";
import { chancellorHivModel } from "../../examples/pathway/chancellor-hiv.js";
import { markovBenchModel, treeBenchModel } from "../../examples/pathway/bench-models.js";
import { sickSickerModel } from "../../examples/pathway/sick-sicker.js";
import { strokeHybridModel } from "../../examples/pathway/stroke-hybrid.js";
import { surgicalSiteInfectionModel } from "../../examples/pathway/surgical-site-infection.js";
import { pathwayModelStructureSchema } from "../../src/pathway/schema.js";
import { fastAccept, parseFastWith } from "../../src/schema/fastAccept.js";
import { safeParseWith } from "../../src/schema/issues.js";
import { applyEdit } from "../_helpers/randomEdit.js";
import { thrown } from "../_helpers/thrown.js";

// The faster walk through the pathway schema must give exactly zod's answer: the same value (keys, order,
// keys present as undefined) for every document zod accepts, and no value for any document zod refuses (which
// is then parsed by zod, so its issues are unchanged).

const json = (name: string): Record<string, unknown> => {
  const doc = JSON.parse(readFileSync(new URL(`../../examples/pathway/${name}.json`, import.meta.url), "utf8")) as Record<string, unknown>;
  delete doc.uncertainty;
  return doc;
};

const BASES: readonly [string, () => unknown][] = [
  ["Sick-Sicker", sickSickerModel],
  ["Chancellor HIV", chancellorHivModel],
  ["stroke hybrid", strokeHybridModel],
  ["surgical-site infection", surgicalSiteInfectionModel],
  ["Markov bench", markovBenchModel],
  ["tree bench", () => treeBenchModel(12)],
  ...["chemotherapy-side-effects-psa", "sick-sicker-age-psa", "sick-sicker-age", "surgical-site-infection-uncertainty", "surgical-site-infection"].map((n): [string, () => unknown] => [`${n}.json`, () => json(n)]),
];

/** A text of a value that tells apart key order, a key holding undefined, and an absent key. */
function exact(v: unknown): string {
  return JSON.stringify(v, (_, x: unknown) => (x === undefined ? "‹undefined›" : x));
}

function zodAnswer(doc: unknown): string | undefined {
  const r = safeParseWith(pathwayModelStructureSchema(), doc);
  return r.success ? exact(r.data) : undefined;
}

function fastAnswer(doc: unknown): string | undefined {
  const r = fastAccept(pathwayModelStructureSchema(), doc);
  return r === undefined ? undefined : exact(r.data);
}

describe("fastAccept on the pathway schema", () => {
  it.each(BASES)("gives zod's value for the example %s", (_, make) => {
    const want = zodAnswer(make());
    expect(want).toBeDefined();
    expect(fastAnswer(make())).toBe(want);
  });

  it("keeps a key given as undefined, as zod does, and leaves out an absent one", () => {
    const doc = { ...(sickSickerModel() as unknown as Record<string, unknown>), label: undefined };
    const r = fastAccept(pathwayModelStructureSchema(), doc);
    expect(r).toBeDefined();
    expect(Object.keys(r!.data)).toContain("label");
    expect(Object.keys(r!.data)).not.toContain("note");
    expect(exact(r!.data)).toBe(zodAnswer(doc));
  });

  it("refuses a `__proto__` key and leaves the issues to zod", () => {
    const doc = JSON.parse(JSON.stringify(sickSickerModel()).replace('"id":"sick-sicker"', '"id":"sick-sicker","__proto__":{"x":1}')) as unknown;
    expect(fastAccept(pathwayModelStructureSchema(), doc)).toBeUndefined();
    expect(thrown(() => parseFastWith(pathwayModelStructureSchema(), doc)).map((i) => i.path.join("."))).toContain("__proto__");
  });

  it("refuses an own `__proto__` key that is not enumerable (zod's strict objects do not see it), as the full parse's scan does", () => {
    const doc = sickSickerModel() as unknown as Record<string, unknown>;
    Object.defineProperty(doc, "__proto__", { value: { x: 1 }, enumerable: false });
    expect(fastAccept(pathwayModelStructureSchema(), doc)).toBeUndefined();
    expect(thrown(() => parseFastWith(pathwayModelStructureSchema(), doc))).toEqual([{ code: "unrecognized_keys", path: ["__proto__"], message: 'unknown key "__proto__" (not allowed)' }]);
  });

  // Random edits of the examples: a key removed, set to another value (of any JSON kind, undefined, or a value
  // found elsewhere in the document), or an unknown key added. Whatever zod decides, the walker agrees.
  const odd: unknown[] = [undefined, null, true, false, 0, -1, 1, 0.5, 2.5, 1e15, -0, "", "0.5", "-1", "1e3", "00.5", " 1", "rest", "x", "A", "care", "none", "simpson", "multiply", "set", "beta", "qx", "start", "annual", "GBP", "2024-01-01", [], [1], ["0.5"], {}, { param: "c_H" }, { param: "nope" }, { expr: "1 +" }, { expr: "2 * u_H" }, { lifeTable: "lt" }, { byCycle: [{ fromCycle: 1, value: 1 }] }, { a: 1 }];
  const edit = fc.record({
    base: fc.integer({ min: 0, max: BASES.length - 1 }),
    path: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
    kind: fc.constantFrom("delete", "set", "graft", "unknown"),
    value: fc.oneof(fc.constantFrom(...odd), fc.jsonValue({ maxDepth: 2 })),
    from: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
  });

  it("agrees with zod on randomly edited documents", () => {
    const runs = Number(process.env.FA_RUNS ?? 400);
    let accepted = 0;
    fc.assert(
      fc.property(edit, ({ base, path, kind, value, from }) => {
        const doc = applyEdit(structuredClone(BASES[base]![1]()), { path, kind, value, from });
        const want = zodAnswer(doc);
        if (want !== undefined) accepted++;
        expect(fastAnswer(doc)).toBe(want);
      }),
      { numRuns: runs },
    );
    // Both answers are exercised: many edits leave a valid document, many break it.
    expect(accepted).toBeGreaterThan(runs / 10);
    expect(accepted).toBeLessThan(runs * 0.9);
  });

  it("reads a record's own enumerable keys as zod does: a symbol key is left to zod, a hidden key is skipped", () => {
    const record = z.record(z.string(), z.string());
    const withSymbol = { a: "1", [Symbol("s")]: "2" };
    expect(fastAccept(record, withSymbol)).toBeUndefined();
    expect(record.safeParse(withSymbol).success).toBe(false);
    const withHidden = Object.defineProperty({ a: "1", b: "2" }, "c", { value: "3", enumerable: false });
    expect(exact(fastAccept(record, withHidden)?.data)).toBe(exact(record.parse(withHidden)));
  });
});

describe("fastAccept on a string bounded by its length alone", () => {
  // zod counts a string's length in code points (one or two UTF-16 units each); the walk accepts without a check
  // run only a string within the bounds whatever the count, and hands any other to zod's checks.
  const parts = {
    "min 2, max 3": z.string().check(z.minLength(2), z.maxLength(3)),
    "max 3": z.string().check(z.maxLength(3)),
    "min 1": z.string().check(z.minLength(1)),
    "min 2 then min 1": z.string().check(z.minLength(2), z.minLength(1)),
    "max 3 then max 5": z.string().check(z.maxLength(3), z.maxLength(5)),
    "max 3 and a pattern": z.string().check(z.maxLength(3), z.regex(/^a/)),
    "an ISO date (a format, itself a check) of at most 10": z.iso.date().check(z.maxLength(10)),
  } as const;
  const fast = (part: z.ZodMiniType, v: unknown): string | undefined => {
    const r = fastAccept(part, v);
    return r === undefined ? undefined : exact(r.data);
  };
  const values = ["", "a", "ab", "abc", "abcd", "abcde", "😀", "😀😀", "a😀", "😀😀😀", "2026-12-03", "2026-13-03", 7, undefined, null, ["ab"]];

  it("accepts exactly the strings zod accepts, with the same value", () => {
    for (const [name, part] of Object.entries(parts)) {
      for (const v of values) {
        const r = part.safeParse(v);
        expect(fast(part, v), `${name}: ${JSON.stringify(v)}`).toBe(r.success ? exact(r.data) : undefined);
      }
    }
  });

  it("agrees with zod on random strings, astral characters included", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-composite", maxLength: 8 }), fc.constantFrom(...Object.values(parts)), (v, part) => {
        const r = part.safeParse(v);
        expect(fast(part, v)).toBe(r.success ? exact(r.data) : undefined);
      }),
    );
  });
});
