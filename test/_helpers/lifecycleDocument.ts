import type { LifecycleDocumentInput, LifecycleResult } from "../../src/index.js";

// One-option lifecycle documents for tests that pin the engine's figures: undiscounted ("none") so each figure is
// the hand product, with the option's and the document's fields overridable.

export type Item = Record<string, unknown>;

/** A document with one option `a` holding `items`, over `horizonYears` years, undiscounted. */
export function oneOptionDocument(horizonYears: number, items: Item[], over: Partial<LifecycleDocumentInput> = {}, option: Item = {}): LifecycleDocumentInput {
  return {
    currency: "GBP",
    priceBaseDate: "2026-04-01",
    horizonYears,
    discounting: { schedule: "none" },
    options: [{ id: "a", name: "A", items: items as never, ...option }],
    ...over,
  } as LifecycleDocumentInput;
}

/** An item labelled by its id. */
export const item = (x: Item): Item => ({ label: String(x.id), ...x });

/** The ledger rows of one item. */
export const rows = (r: LifecycleResult, itemId: string) => r.ledger!.filter((x) => x.itemId === itemId);
