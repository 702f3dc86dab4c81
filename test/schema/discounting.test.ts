// One schema for an inline discount schedule and one for the timing convention: a lifecycle document and a
// carbon monetisation request accept and refuse the same schedule alike, and a timing part left out takes its
// default in both.
import { describe, expect, it } from "vitest";
import { monetiseCarbon, safeMonetiseCarbon, safeParseLifecycleDocument } from "../../src/index.js";

type Steps = { fromYear: number; rate: string }[];
const schedule = (label: string, steps: Steps) => ({ id: "s", label, steps });

function lifecycleIssues(sched: unknown, timing?: unknown): string[][] {
  const r = safeParseLifecycleDocument({
    currency: "GBP",
    priceBaseDate: "2026-04-01",
    horizonYears: 2,
    discounting: { schedule: sched, ...(timing === undefined ? {} : { timing }) },
    options: [{ id: "a", name: "A", items: [{ id: "s", kind: "maintenance", label: "Service", unitCost: "100" }] }],
  });
  return r.success ? [] : r.error.issues.map((i) => [i.code, i.path.slice(2).join("."), i.message]);
}

function carbonIssues(sched: unknown, timing?: unknown): string[][] {
  const r = safeMonetiseCarbon({ emissions: [{ year: 2026, kgCO2e: 1000 }], discount: { schedule: sched as never, baseYear: 2026, ...(timing === undefined ? {} : { timing: timing as never }) } });
  return r.success ? [] : r.error.issues.map((i) => [i.code, i.path.slice(2).join("."), i.message]);
}

describe("one inline discount schedule schema", () => {
  it.each([
    ["an empty label", schedule("", [{ fromYear: 0, rate: "0.035" }])],
    ["a step beyond year 10,000", schedule("S", [{ fromYear: 0, rate: "0.035" }, { fromYear: 10_001, rate: "0.03" }])],
    ["a rate of −1", schedule("S", [{ fromYear: 0, rate: "-1" }])],
    ["a rate above 1", schedule("S", [{ fromYear: 0, rate: "1.5" }])],
    ["no steps", schedule("S", [])],
    ["a first step after year 0, and a step out of order", schedule("S", [{ fromYear: 1, rate: "0.035" }, { fromYear: 30, rate: "0.03" }, { fromYear: 20, rate: "0.02" }])],
    ["101 steps", schedule("S", Array.from({ length: 101 }, (_, i) => ({ fromYear: i, rate: "0.03" })))],
  ])("%s is refused alike by a lifecycle document and a carbon monetisation, each problem once", (_what, sched) => {
    const lifecycle = lifecycleIssues(sched);
    expect(lifecycle.length).toBeGreaterThan(0);
    expect(new Set(lifecycle.map((i) => i[1])).size).toBe(lifecycle.length);
    expect(carbonIssues(sched)).toEqual(lifecycle);
  });

  it("100 steps up to year 10,000 are accepted by both", () => {
    const sched = schedule("S", Array.from({ length: 100 }, (_, i) => ({ fromYear: i * 100, rate: "0.03" })));
    expect(lifecycleIssues(sched)).toEqual([]);
    expect(carbonIssues(sched)).toEqual([]);
  });
});

describe("one timing schema", () => {
  it("a part left out takes its default (start of period, annual compounding)", () => {
    const sched = schedule("3.5%", [{ fromYear: 0, rate: "0.035" }]);
    const emissions = [{ year: 2027, kgCO2e: 1000 }];
    const full = monetiseCarbon({ emissions, discount: { schedule: sched, baseYear: 2026, timing: { position: "end", compounding: "annual" } } });
    expect(monetiseCarbon({ emissions, discount: { schedule: sched, baseYear: 2026, timing: { position: "end" } } })).toEqual(full);
    expect(monetiseCarbon({ emissions, discount: { schedule: sched, baseYear: 2026, timing: {} } })).toEqual(monetiseCarbon({ emissions, discount: { schedule: sched, baseYear: 2026 } }));
    expect(lifecycleIssues("nice-3.5", { position: "end" })).toEqual([]);
  });

  it("an unknown position or key is refused alike", () => {
    for (const timing of [{ position: "late" }, { position: "end", when: "now" }]) {
      const lifecycle = lifecycleIssues("nice-3.5", timing);
      expect(lifecycle.length).toBeGreaterThan(0);
      expect(carbonIssues(schedule("S", [{ fromYear: 0, rate: "0.035" }]), timing)).toEqual(lifecycle);
    }
  });
});
