import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec } from "../../src/_lib/decimal.js";
import { addPeriod, COST_ITEM_KINDS, constantSchedule, discountFactor, evaluateLifecycle, type LifecycleDocumentInput } from "../../src/index.js";
import { deepFreeze, diff, sum } from "./helpers.js";

/** Products of ledger operands are checked exactly (far more digits than any operand pair can produce). */
const Exact = Dec.clone({ precision: 200 });

const money = fc.tuple(fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a}.${String(b).padStart(2, "0")}`);
const rate = fc.integer({ min: -20, max: 80 }).map((n) => (n / 1000).toString());

function itemArb(horizon: number) {
  const year = fc.integer({ min: 1, max: horizon });
  return fc.record(
    {
      kind: fc.constantFrom(...COST_ITEM_KINDS.filter((k) => k !== "residual-value")),
      unitCost: money,
      quantity: fc.integer({ min: 0, max: 50 }).map(String),
      quantityUnit: fc.constantFrom("unit", "kWh", "hour", "minute"),
      basis: fc.constantFrom("fixed", "fixed", "per-use", "per-patient"),
      frequency: fc.constantFrom(undefined, "once", "yearly", "every-n-years", "monthly"),
      everyYears: fc.integer({ min: 1, max: 5 }),
      window: fc.tuple(year, year),
      escalationRate: rate,
    },
    { requiredKeys: ["kind", "unitCost", "quantity", "quantityUnit", "basis", "frequency", "everyYears", "window", "escalationRate"] },
  );
}

/** Random valid documents: 1–3 options, 0–6 items, horizons 1–12 years, yearly or monthly, several schedules. */
const documentArb = fc
  .record({
    horizon: fc.integer({ min: 1, max: 12 }),
    period: fc.constantFrom("year", "month"),
    schedule: fc.constantFrom("nice-3.5", "green-book", "none", "custom"),
    position: fc.constantFrom("start", "middle", "end"),
    compounding: fc.constantFrom("annual", "continuous"),
  })
  .chain((g) =>
    fc.record({
      g: fc.constant(g),
      options: fc.array(
        fc.record({ life: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }), items: fc.array(itemArb(g.horizon), { maxLength: 6 }), residual: fc.boolean() }),
        { minLength: 1, maxLength: 3 },
      ),
      uses: fc.array(fc.integer({ min: 0, max: 5000 }).map(String), { minLength: g.horizon, maxLength: g.horizon }),
    }),
  )
  .map(({ g, options, uses }): LifecycleDocumentInput => ({
    currency: "GBP",
    priceBaseDate: "2026-04-01",
    horizonYears: g.horizon,
    period: g.period as "year" | "month",
    discounting: {
      schedule: g.schedule === "custom" ? { id: "c", label: "Custom", steps: [{ fromYear: 0, rate: "0.05" }, { fromYear: 3, rate: "0.02" }] } : (g.schedule as "nice-3.5"),
      timing: { position: g.position as "start", compounding: g.compounding as "annual" },
    },
    volumes: { usesPerYear: uses, patientsPerYear: "120" },
    comparatorId: "o0",
    options: options.map((o, i) => ({
      id: `o${i}`,
      name: `Option ${i}`,
      ...(o.life !== undefined ? { serviceLifeYears: o.life } : {}),
      items: [
        ...o.items.map((it, j) => {
          const [a, b] = it.window;
          const fixed = it.basis === "fixed";
          const frequency = fixed ? it.frequency : undefined;
          return {
            id: `i${j}`,
            kind: it.kind,
            label: `${it.kind} ${j}`,
            unitCost: it.unitCost,
            quantity: it.quantity,
            quantityUnit: it.quantityUnit as "unit",
            basis: it.basis as "fixed",
            startYear: Math.min(a, b),
            endYear: Math.max(a, b),
            escalationRate: it.escalationRate,
            ...(frequency !== undefined ? { frequency: frequency as "once" } : {}),
            ...(frequency === "every-n-years" ? { everyYears: it.everyYears } : {}),
          };
        }),
        ...(o.residual && o.life !== undefined ? [{ id: "rv", kind: "residual-value" as const, label: "Residual value" }] : []),
      ],
    })),
  }));

describe("evaluateLifecycle: invariants", () => {
  it("the ledger sums exactly to every total: by option, by kind, by item and by period; ledger:false agrees", () => {
    fc.assert(
      fc.property(documentArb, (doc) => {
        const r = evaluateLifecycle(doc);
        const lean = evaluateLifecycle(doc, { ledger: false });
        expect(lean.options).toEqual(r.options);
        for (const o of r.options) {
          const rows = r.ledger!.filter((x) => x.optionId === o.optionId);
          expect(rows.length).toBe(o.cashFlows);
          expect(sum(rows.map((x) => x.undiscounted))).toBe(o.undiscounted.amount);
          expect(sum(rows.map((x) => x.discounted))).toBe(o.presentCost.amount);
          for (const k of o.byKind) {
            const ofKind = rows.filter((x) => x.kind === k.kind);
            expect(sum(ofKind.map((x) => x.undiscounted))).toBe(k.undiscounted);
            expect(sum(ofKind.map((x) => x.discounted))).toBe(k.discounted);
          }
          expect(sum(o.byKind.map((k) => k.discounted))).toBe(o.presentCost.amount);
          for (const it of o.byItem) expect(sum(rows.filter((x) => x.itemId === it.itemId).map((x) => x.discounted))).toBe(it.discounted);
          expect(o.byPeriod.length).toBe(r.periods);
          for (const p of o.byPeriod) {
            const inPeriod = rows.filter((x) => x.period === p.period);
            expect(sum(inPeriod.map((x) => x.undiscounted))).toBe(p.undiscounted);
            expect(sum(inPeriod.map((x) => x.discounted))).toBe(p.discounted);
          }
          expect(o.byPeriod.at(-1)!.cumulativeDiscounted).toBe(o.presentCost.amount);
          // Each row is its own arithmetic: quantity × unitCost, then × discount factor, each rounded half-even to 20 places.
          for (const row of rows) {
            expect(new Exact(row.quantity).times(row.unitCost).toDecimalPlaces(20, Exact.ROUND_HALF_EVEN).toFixed()).toBe(new Dec(row.undiscounted).toFixed());
            expect(diff(row.discounted, new Dec(row.undiscounted).times(row.discountFactor).toString()).lte("5e-21")).toBe(true);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it("a constant-rate schedule's factor is exactly 1/(1+r)^t", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 150 }), (t, bp) => {
        const r = new Dec(bp).div(1000);
        expect(discountFactor(constantSchedule(r.toString()), t)).toBe(new Dec(1).div(r.plus(1).pow(t)).toString());
      }),
    );
  });

  it("splitting the horizon in two and re-joining gives the same present value: PV(1..H) = PV(1..k) + DF(k) × PV(k+1..H)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 15 }),
        fc.integer({ min: 1, max: 14 }),
        fc.array(money, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 60 }),
        (H, kRaw, costs, rateBp) => {
          const k = Math.min(kRaw, H - 1);
          const rate = new Dec(rateBp).div(1000).toString();
          const doc = (horizon: number, baseDate: string): LifecycleDocumentInput => ({
            currency: "EUR",
            priceBaseDate: baseDate,
            horizonYears: horizon,
            discounting: { schedule: { id: "r", label: "r", steps: [{ fromYear: 0, rate }] } },
            options: [{ id: "a", name: "A", items: costs.map((c, i) => ({ id: `c${i}`, kind: "maintenance" as const, label: "x", unitCost: c })) }],
          });
          const whole = evaluateLifecycle(doc(H, "2026-04-01"), { ledger: false }).options[0]!.presentCost.amount;
          const first = evaluateLifecycle(doc(k, "2026-04-01"), { ledger: false }).options[0]!.presentCost.amount;
          const second = evaluateLifecycle(doc(H - k, addPeriod("2026-04-01", { years: k })), { ledger: false }).options[0]!.presentCost.amount;
          const joined = new Dec(first).plus(new Dec(second).times(discountFactor(constantSchedule(rate), k)));
          // Equal up to the ledger rounding of each row (≤ ½ × 10^−20 per row).
          expect(diff(whole, joined.toString()).lte(new Dec(costs.length * H).times("1e-20"))).toBe(true);
        },
      ),
    );
  });

  it("replacement cycles: ⌈H/L⌉ purchases, ⌊H/L⌋ disposals, residual = price × unexpired/L", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 25 }), (H, L) => {
        const r = evaluateLifecycle({
          currency: "GBP",
          priceBaseDate: "2026-04-01",
          horizonYears: H,
          discounting: { schedule: "none" },
          options: [
            {
              id: "a",
              name: "A",
              serviceLifeYears: L,
              items: [
                { id: "buy", kind: "acquisition", label: "Buy", unitCost: "1200" },
                { id: "bin", kind: "disposal", label: "Dispose", unitCost: "10" },
                { id: "rv", kind: "residual-value", label: "Residual" },
              ],
            },
          ],
        });
        const o = r.options[0]!;
        const rows = (id: string) => r.ledger!.filter((x) => x.itemId === id);
        expect(rows("buy").length).toBe(Math.ceil(H / L));
        expect(rows("bin").length).toBe(Math.floor(H / L));
        expect(rows("buy").map((x) => x.period)).toEqual(Array.from({ length: Math.ceil(H / L) }, (_, k) => 1 + k * L));
        const lastStart = 1 + Math.floor((H - 1) / L) * L;
        const unexpired = lastStart + L - 1 - H;
        expect(new Dec(sum(rows("rv").map((x) => x.undiscounted))).toDecimalPlaces(8).toString()).toBe(new Dec(-1200).times(unexpired).div(L).toDecimalPlaces(8).toString());
        expect(o.cycles).toBe(Math.ceil(H / L));
      }),
    );
  });

  it("never mutates the caller's input (deep-frozen input evaluates and is unchanged)", () => {
    fc.assert(
      fc.property(documentArb, (doc) => {
        const copy = structuredClone(doc);
        const frozen = deepFreeze(doc);
        evaluateLifecycle(frozen);
        expect(frozen).toEqual(copy);
      }),
      { numRuns: 20 },
    );
  });
});
