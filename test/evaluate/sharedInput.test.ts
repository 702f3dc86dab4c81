import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/index.js";
import { documentShape, optionSchema } from "../../src/evaluate/schema.js";
import { fastAccept } from "../../src/schema/fastAccept.js";
import { catalogueDoc, tenderDoc, type Doc } from "./helpers.js";

// Validation reads the options without copying the parts that parse to themselves; nothing after it may then
// change the caller's document or hand one of its objects on: the result is the caller's own, whatever the
// caller does with its document afterwards.

/** Every object (and array) reachable from a value. */
function objectsOf(value: unknown, into = new Set<object>()): Set<object> {
  if (typeof value !== "object" || value === null || into.has(value)) return into;
  into.add(value);
  for (const v of Object.values(value)) objectsOf(v, into);
  return into;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Changes every string and number of a value and adds a key to every object (in place). */
function scramble(value: unknown): void {
  if (typeof value !== "object" || value === null) return;
  const o = value as Record<string, unknown>;
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === "string") o[k] = `${v}!`;
    else if (typeof v === "number") o[k] = v + 1;
    else scramble(v);
  }
  if (!Array.isArray(o)) o.added = "x";
}

const DOCS = { tender: tenderDoc, catalogue: () => catalogueDoc(6) } as const;

const RUNS = (["tender", "catalogue"] as const).flatMap((doc) => [
  { doc, detail: "full", ledger: true },
  { doc, detail: "full", ledger: false },
  { doc, detail: "compact", ledger: true },
] as const);

describe("the caller's document and the result stay apart", () => {
  it("shares the options' unchanged parts while validating (the reason for these checks)", () => {
    const doc = tenderDoc();
    const parsed = fastAccept(documentShape(), doc, optionSchema())?.data as Doc;
    const shared = [...objectsOf(parsed.options)].filter((o) => objectsOf(doc.options).has(o));
    expect(shared.length).toBeGreaterThan(10);
    // The frame is copied, and a part that freezes its list freezes a copy.
    expect(parsed.tender).not.toBe(doc.tender);
    expect(Object.isFrozen(doc.options[1].carbon.embodied)).toBe(false);
    expect(Object.isFrozen(parsed.options[1].carbon.embodied)).toBe(true);
  });

  it.each(RUNS)("no object of the result is one of the document's ($doc, $detail, ledger $ledger)", ({ doc: name, ...options }) => {
    const doc = DOCS[name]();
    const result = evaluate(doc, options);
    const inputs = objectsOf(doc);
    expect([...objectsOf(result)].filter((o) => inputs.has(o))).toEqual([]);
  });

  it.each(RUNS)("changing the document afterwards leaves the result as it was ($doc, $detail, ledger $ledger)", ({ doc: name, ...options }) => {
    const doc = DOCS[name]();
    const result = evaluate(doc, options);
    const before = JSON.stringify(result);
    scramble(doc);
    expect(JSON.stringify(result) === before).toBe(true);
  });

  it.each(RUNS)("a deeply frozen document gives the same result, and stays as it was ($doc, $detail, ledger $ledger)", ({ doc: name, ...options }) => {
    const frozen = deepFreeze(DOCS[name]());
    const text = JSON.stringify(frozen);
    expect(JSON.stringify(evaluate(frozen, options))).toBe(JSON.stringify(evaluate(DOCS[name](), options)));
    expect(JSON.stringify(frozen)).toBe(text);
  });
});
