import { describe, expect, it } from "vitest";
import { evaluate, scoreTender } from "../../src/index.js";
import { catalogueDoc } from "./helpers.js";

// A result is read-only data whose equal parts can be one object shared by several options (see the
// EvaluationResult and TenderResult docs): what is shared, and that no serialisation shows it.

describe("a result's shared parts", () => {
  const result = evaluate(catalogueDoc(6), { detail: "compact" });
  const options = result.tender.lots.flatMap((l) => l.options);

  it("shares one empty flags list between the bids without a flag", () => {
    const unflagged = options.filter((o) => o.flags.length === 0);
    expect(unflagged.length).toBeGreaterThan(1);
    expect(new Set(unflagged.map((o) => o.flags)).size).toBe(1);
  });

  it("reads the same through JSON and structured cloning, and a clone edits apart", () => {
    const viaJson: unknown = JSON.parse(JSON.stringify(result));
    const clone = structuredClone(result);
    expect(viaJson).toEqual(result);
    expect(clone).toEqual(result);
    const shared = options.find((o) => o.flags.length === 0)!.flags;
    const cloned = clone.tender.lots.flatMap((l) => l.options).filter((o) => o.flags.length === 0);
    (cloned[0]!.flags as unknown[]).push({ kind: "note", message: "added by the caller" });
    // The clone keeps its own sharing (structured cloning keeps identities); the result is untouched.
    expect(cloned.every((o) => o.flags.length === 1)).toBe(true);
    expect(shared).toEqual([]);
  });

  it("holds for scoreTender too: unflagged bids share their flags list", () => {
    const r = scoreTender({
      criteria: [{ id: "price", label: "Price", kind: "price", weight: "100", formula: { formula: "relative-to-lowest" } }],
      options: [
        { id: "A", supplier: "Acme", label: "A", price: "100" },
        { id: "B", supplier: "Beta", label: "B", price: "110" },
        { id: "C", supplier: "Cato", label: "C", price: "120" },
      ],
    });
    const [a, b, c] = r.lots[0]!.options;
    expect(a!.flags).toEqual([]);
    expect(a!.flags).toBe(b!.flags);
    expect(b!.flags).toBe(c!.flags);
  });
});
