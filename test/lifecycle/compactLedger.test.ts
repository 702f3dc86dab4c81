import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluateLifecycle, type LifecycleDocumentInput, type LifecycleLedgerRow } from "../../src/index.js";

const imaging = JSON.parse(readFileSync("examples/lifecycle/imaging-systems.json", "utf8")) as LifecycleDocumentInput;

// The ledger is held compactly (a few numbers per cash flow) and each row is made when read: it must read
// exactly as the plain array of rows it stands for, however it is read.
describe("the ledger reads as a plain array of rows", () => {
  const r = evaluateLifecycle(imaging);
  const ledger = r.ledger!;

  it("indexing, length, iteration, spread and array methods agree row for row", () => {
    const rows: LifecycleLedgerRow[] = [];
    for (let i = 0; i < ledger.length; i++) rows.push(ledger[i]!);
    expect(Array.isArray(ledger)).toBe(true);
    expect(rows.length).toBeGreaterThan(10);
    expect([...ledger]).toEqual(rows);
    expect(ledger.map((x) => x)).toEqual(rows);
    expect(ledger.filter((x) => x.kind === "acquisition")).toEqual(rows.filter((x) => x.kind === "acquisition"));
    expect(ledger.at(-1)).toEqual(rows.at(-1));
    expect(ledger[ledger.length]).toBeUndefined();
    expect(Object.keys(ledger)).toEqual(rows.map((_, i) => String(i)));
    expect(JSON.parse(JSON.stringify(ledger))).toEqual(JSON.parse(JSON.stringify(rows)));
    // Read backwards and at random: the same rows as read in order.
    const backwards = Array.from({ length: ledger.length }, (_, k) => ledger[ledger.length - 1 - k]!).reverse();
    expect(backwards).toEqual(rows);
    expect([7, 0, 3, 3, 1].map((i) => ledger[i])).toEqual([7, 0, 3, 3, 1].map((i) => rows[i]));
  });

  it("each option's rows sum exactly to its whole-life and net present cost", () => {
    const scaled = (v: string): bigint => {
      const [whole = "0", frac = ""] = v.replace("-", "").split(".");
      const m = BigInt(whole + frac.padEnd(20, "0"));
      return v.startsWith("-") ? -m : m;
    };
    for (const o of r.options) {
      const mine = ledger.filter((x) => x.optionId === o.optionId);
      expect(mine).toHaveLength(o.cashFlows);
      expect(mine.reduce((a, x) => a + scaled(x.undiscounted), 0n)).toBe(scaled(o.undiscounted.amount));
      expect(mine.reduce((a, x) => a + scaled(x.discounted), 0n)).toBe(scaled(o.presentCost.amount));
    }
    expect(evaluateLifecycle(imaging, { ledger: false }).options).toEqual(r.options);
  });

  it("is read-only", () => {
    const w = ledger as unknown as LifecycleLedgerRow[];
    expect(() => {
      w[0] = w[1]!;
    }).toThrow(TypeError);
    expect(() => w.push(w[0]!)).toThrow(TypeError);
    expect(ledger.length).toBe(r.options.reduce((n, o) => n + o.cashFlows, 0));
  });

  it("a catalogue of repeated options: each copy's rows are the rows of the option it copies", () => {
    const doc: LifecycleDocumentInput = { ...imaging, options: Array.from({ length: 40 }, (_, i) => ({ ...imaging.options[i % 2]!, id: `ct-${i}` })), comparatorId: "ct-0" };
    const big = evaluateLifecycle(doc).ledger!;
    const rowsOf = (id: string) => big.filter((x) => x.optionId === id).map((x) => ({ ...x, optionId: "" }));
    for (const i of [0, 1, 17, 38, 39]) expect(rowsOf(`ct-${i}`)).toEqual(rowsOf(`ct-${i % 2}`));
    expect(big.length).toBe(20 * (rowsOf("ct-0").length + rowsOf("ct-1").length));
  });
});
