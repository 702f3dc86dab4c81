import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { runModel, type OptionResult } from "../../src/index.js";
import { strokeHybridModel } from "../../examples/pathway/stroke-hybrid.js";
import { surgicalSiteInfectionModel } from "../../examples/pathway/surgical-site-infection.js";

const D = Decimal.clone({ precision: 60 });
const d = (s: string | number) => new D(s);

describe("example (a): a device that changes an acute episode (illustrative SSI model)", () => {
  // Hand computations are exact decimals: checked on the exact (Decimal) engine; the default Float64
  // engine is held to them at 1e-12 relative below.
  const r = runModel(surgicalSiteInfectionModel(), { engine: "exact" });
  const by = (id: string): OptionResult => r.options.find((o) => o.optionId === id)!;

  it("standard dressing: hand-computed expected cost, QALYs, events and carbon", () => {
    // surgery 1200 + 3 × 345 + 5 = 2240; SSI 0.05 × (7 × 345 + 150) = 128.25;
    // readmission 0.05 × 0.3 × 5 × 345 = 25.875; total 2394.125 (all at time 0: discount factor 1)
    const s = by("standard").perPatient;
    expect(s.costs.discounted).toBe("2394.125");
    expect(s.costs.undiscounted).toBe("2394.125");
    expect(s.costs.byCategory).toEqual({
      theatre: { discounted: "1200", undiscounted: "1200" },
      "bed-days": { discounted: "1181.625", undiscounted: "1181.625" }, // 1035 + 120.75 + 25.875
      consumables: { discounted: "5", undiscounted: "5" },
      drugs: { discounted: "7.5", undiscounted: "7.5" },
    });
    expect(s.qalys.discounted).toBe("-0.001"); // 0.05 × −0.02
    expect(s.events).toEqual({ ssi: "0.05", readmission: "0.015" });
    expect(s.carbonKg).toBe("102.95"); // 3 × 30 + 0.2 + 0.05 × 7 × 30 + 0.015 × 5 × 30
  });

  it("NPWT: dressing replaced, RR 0.6 on SSI, half a day shorter stay", () => {
    // 1200 + 2.5 × 345 + 120 = 2182.5; 0.03 × 2565 = 76.95; 0.009 × 1725 = 15.525 → 2274.975
    const n = by("npwt").perPatient;
    expect(n.costs.discounted).toBe("2274.975");
    expect(n.events).toEqual({ ssi: "0.03", readmission: "0.009" });
    expect(n.carbonKg).toBe("84.15"); // 75 + 1.5 + 6.3 + 1.35
    expect(by("npwt").ledger.some((l) => l.itemId === "npwt" && l.unitValue === "120")).toBe(true);
    expect(by("npwt").ledger.some((l) => l.itemId === "dressing")).toBe(false);
  });

  it("silver: RR 0.8 and a lifecycle cost per patient supplied as a decimal", () => {
    // 2240 + 60 + 0.04 × 2565 + 0.012 × 1725 = 2423.3
    const s = by("silver").perPatient;
    expect(s.costs.discounted).toBe("2423.3");
    expect(s.costs.byCategory.consumables).toEqual({ discounted: "65", undiscounted: "65" });
  });

  it("population totals: volumes by year, each year's cohort discounted from its start (NICE 3.5%)", () => {
    const pop = by("standard").population!;
    expect(pop.patients).toBe("3300");
    expect(pop.years).toBe(3);
    expect(pop.costs.undiscounted).toBe("7900612.5"); // 2394.125 × 3300
    const factor = d(1000).plus(d(1100).div("1.035")).plus(d(1200).div(d("1.035").pow(2)));
    expect(d(pop.costs.discounted).toFixed(12)).toBe(d("2394.125").times(factor).toFixed(12));
    expect(pop.events.ssi).toBe("165");
  });

  it("the default Float64 engine gives the same figures to 1e-12 relative", () => {
    const f = runModel(surgicalSiteInfectionModel());
    f.options.forEach((o, i) => {
      const e = r.options[i]!.perPatient;
      for (const [a, b] of [
        [o.perPatient.costs.discounted, e.costs.discounted],
        [o.perPatient.qalys.discounted, e.qalys.discounted],
        [o.perPatient.carbonKg, e.carbonKg],
      ] as const) expect(d(a).minus(b).abs().lte(d(b).abs().times("1e-12"))).toBe(true);
    });
    expect(d(f.options.find((o) => o.optionId === "npwt")!.perPatient.costs.discounted).toFixed(9)).toBe("2274.975000000");
  });

  it("records the comparator and the discounting used", () => {
    expect(r.comparatorId).toBe("standard");
    expect(r.discounting).toEqual({ costs: "nice-3.5", health: "nice-3.5", timing: { position: "start", compounding: "annual" } });
    expect(r.options.map((o) => o.isComparator)).toEqual([true, false, false]);
  });
});

/**
 * An independent float re-computation of the hybrid model, written from its description (not from the
 * library's code), to hold the exact engine to 1e-9 relative.
 */
function floatHybrid(pIndependent: number, extra: number): { cost: number; qalys: number; lys: number; deaths: number } {
  const df = (t: number) => 1 / 1.035 ** t;
  const pDeathAcute = 0.02;
  const share = [pIndependent, 1 - pDeathAcute - pIndependent, 0];
  let cost = 9000 + 8 * 400 + extra;
  let qalys = 0;
  let lys = 0;
  let deaths = pDeathAcute;
  let m = share.slice();
  const util = [0.74, 0.38, 0];
  const c = [1500, 18000, 0];
  const pRec = 1 - Math.exp(-0.05);
  const N = 10;
  // half-cycle: ½ of the starting cohort at t = 0
  for (let s = 0; s < 2; s++) {
    cost += 0.5 * m[s]! * c[s]!;
    qalys += 0.5 * m[s]! * util[s]!;
    lys += 0.5 * m[s]!;
  }
  for (let n = 1; n <= N; n++) {
    const age = 70 + (n - 1);
    const q = Number((0.017 * 1.09 ** (age - 70)).toFixed(6));
    const pDD = 0.12 + 0.002 * (age - 70);
    const next = [m[0]! * (1 - pRec - q), m[0]! * pRec + m[1]! * (1 - pDD), m[2]! + m[0]! * q + m[1]! * pDD];
    const intoDependent = m[0]! * pRec;
    const intoDead = m[0]! * q + m[1]! * pDD;
    m = next;
    const w = n === N ? 0.5 : 1;
    const t = n - 1; // start-of-cycle timing (NICE default)
    for (let s = 0; s < 2; s++) {
      cost += w * m[s]! * c[s]! * df(t);
      qalys += w * m[s]! * util[s]! * df(t);
      lys += w * m[s]! * df(t);
    }
    cost += intoDependent * 9000 * df(t);
    qalys += intoDependent * -0.1 * df(t);
    deaths += intoDead;
  }
  return { cost, qalys, lys, deaths };
}

describe("example (c): hybrid tree + Markov model (illustrative stroke model)", () => {
  const r = runModel(strokeHybridModel());
  const rel = (a: string, b: number) => Math.abs(Number(a) - b) / Math.abs(b);

  it("agrees with an independent float computation to 1e-9 relative", () => {
    for (const [id, p, extra] of [
      ["current", 0.45, 0],
      ["new-catheter", 0.45 * 1.15, 1200],
    ] as const) {
      const o = r.options.find((x) => x.optionId === id)!;
      const f = floatHybrid(p, extra);
      expect(rel(o.perPatient.costs.discounted, f.cost)).toBeLessThan(1e-9);
      expect(rel(o.perPatient.qalys.discounted, f.qalys)).toBeLessThan(1e-9);
      expect(rel(o.perPatient.lifeYears.discounted, f.lys)).toBeLessThan(1e-9);
      expect(rel(o.perPatient.events.death!, f.deaths)).toBeLessThan(1e-9);
    }
  });

  it("the Markov trace starts with the share of patients reaching the leaves", () => {
    const cur = r.options[0]!;
    expect(cur.traces[0]!.states).toEqual(["independent", "dependent", "dead"]);
    expect(cur.traces[0]!.occupancy[0]).toEqual(["0.45", "0.53", "0"]);
    const last = cur.traces[0]!.occupancy[10]!.reduce((a, x) => a.plus(x), d(0));
    expect(last.minus("0.98").abs().lt("1e-14")).toBe(true);
    // Markov ledger lines name the tree leaf the cohort entered through
    expect(new Set(cur.ledger.filter((l) => l.part === "markov-state").map((l) => l.nodeId))).toEqual(new Set(["independent", "dependent"]));
  });

  it("reports population totals for 400 patients a year over 5 years", () => {
    const pop = r.options[1]!.population!;
    expect(pop.patients).toBe("2000");
    expect(d(pop.carbonKg).toString()).toBe(d(r.options[1]!.perPatient.carbonKg).times(2000).toString());
  });
});
