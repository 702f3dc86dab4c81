import fc from "fast-check";
import { describe, expect, expectTypeOf, it } from "vitest";
import * as z from "zod";
import { formatIssue, VbpInputError } from "../../src/errors/index.js";
import { Dec } from "../../src/_lib/decimal.js";
import { carbonFootprint, carbonInputSchema, pathwayCarbonActivities, safeCarbonFootprint, type CarbonInputDocument, type CarbonLedgerLine } from "../../src/sustainability/index.js";

const GRID = { factorId: "uk-electricity-generation" } as const;

function problems(input: unknown): string[] {
  const r = safeCarbonFootprint(input);
  return r.success ? [] : r.error.issues.map(formatIssue);
}

function deepFreeze<T>(o: T): T {
  if (o !== null && typeof o === "object") {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

describe("carbonFootprint: golden values", () => {
  it("1,000 kWh in 2024 → 207.05 kgCO2e (1000 × 0.20705)", () => {
    const r = carbonFootprint({ startYear: 2024, horizonYears: 1, options: [{ id: "a", energy: [{ id: "power", quantity: { perYear: 1000 }, unit: "kWh", factor: GRID }] }] });
    const o = r.options[0]!;
    expect(o.totalKgCO2e).toBe("207.05");
    expect(o.byStage.energy).toBe("207.05");
    expect(o.byStage.embodied).toBe("0");
    expect(o.ledger[0]).toMatchObject({ year: 2024, quantity: "1000", unit: "kWh", kgCO2ePerUnit: "0.20705", factorId: "uk-electricity-generation", factorSetId: "desnz-2024", factorOrigin: "library", kgCO2e: "207.05" });
    expect(o.ledger[0]!.factorSource?.title).toContain("conversion factors 2024");
  });

  it("uses the factor set of the year the energy is used (2024 → 0.20705, 2025 → 0.177)", () => {
    const r = carbonFootprint({ startYear: 2024, horizonYears: 2, options: [{ id: "a", energy: [{ id: "power", source: "grid electricity", quantity: { perYear: 1000 }, unit: "kWh", factor: GRID }] }] });
    expect(r.options[0]!.byYear).toEqual([
      { year: 2024, kgCO2e: "207.05" },
      { year: 2025, kgCO2e: "177" },
    ]);
    expect(r.options[0]!.totalKgCO2e).toBe("384.05");
    expect(r.factorsUsed.map((f) => [f.year, f.setYear, f.kgCO2ePerUnit])).toEqual([
      [2024, 2024, "0.20705"],
      [2025, 2025, "0.177"],
    ]);
    expect(r.assumptions).toEqual([]);
  });

  it("a 10-year horizon from 2025 needs a rule for 2026+; latest-available uses 2025 and records it", () => {
    const input: CarbonInputDocument = { startYear: 2025, horizonYears: 10, options: [{ id: "a", energy: [{ id: "power", quantity: { perYear: 100 }, unit: "kWh", factor: GRID }] }] };
    expect(problems(input)).toEqual([
      'options[0].energy[0].factor.factorId: no "uk-electricity-generation" factor for 2026 under rule "exact" (sets available for 2022, 2023, 2024, 2025); set a year rule ("latest-available" or "nearest") or supply a factor for that year',
    ]);
    const r = carbonFootprint({ ...input, factorYearRule: "latest-available" });
    // 10 years × 100 kWh × 0.177 = 177
    expect(r.options[0]!.totalKgCO2e).toBe("177");
    expect(r.factorYearRule).toBe("latest-available");
    expect(r.assumptions).toHaveLength(9);
    expect(r.assumptions[0]).toContain('"uk-electricity-generation" for activity in 2026: used the 2025 set');
    expect(r.factorsUsed.filter((f) => f.rule === "latest-available")).toHaveLength(9);
  });

  it("embodied units with replacements, transport, consumables per use, waste, pathway activity per patient", () => {
    const r = carbonFootprint({
      startYear: 2025,
      horizonYears: 7,
      options: [
        {
          id: "pump",
          patientsPerYear: 10,
          usesPerYear: 200,
          // 2 units bought in 2025, replaced in 2028 and 2031 (life 3) → 3 × 2 × 50 = 300 kg
          embodied: [{ id: "device", quantity: { once: 2 }, unit: "unit", serviceLifeYears: 3, factor: { kgCO2ePerUnit: 50, source: { publisher: "Acme", title: "Product carbon footprint", publishedOn: "2024-11-01" } } }],
          // stated 12.5 kg once
          transport: [{ id: "delivery", quantity: { once: "12.5" }, unit: "kgCO2e", factor: { kgCO2ePerUnit: 1 } }],
          // 200 uses × 1 set × 0.4 kg × 7 years = 560
          consumables: [{ id: "giving-set", quantity: { perUse: 1 }, unit: "unit", factor: { kgCO2ePerUnit: "0.4" } }],
          // 0.01 t a year × 1000 kg/t × 7 = 70
          waste: [{ id: "clinical-waste-incineration", quantity: { perYear: "0.01" }, unit: "tonne", factor: { kgCO2ePerUnit: 1000 } }],
          // 0.5 bed days per patient × 10 patients × 30 kg × 7 = 1050
          pathway: [{ id: "bed-day", quantity: { perPatient: "0.5" }, unit: "bed day", factor: { kgCO2ePerUnit: 30 } }],
        },
      ],
    });
    const o = r.options[0]!;
    expect(o.byStage).toEqual({ embodied: "300", transport: "12.5", energy: "0", consumables: "560", waste: "70", pathway: "1050" });
    expect(o.ledger.filter((l) => l.stage === "embodied").map((l) => l.year)).toEqual([2025, 2028, 2031]);
    // total 1992.5 / (10 patients × 7 years) = 28.4642857142857142857142857…
    expect(o.totalKgCO2e).toBe("1992.5");
    expect(o.perPatientKgCO2e).toBe("28.46428571428571428571");
    // 1992.5 / (200 × 7) = 1.42321428571428571428571…
    expect(o.perUseKgCO2e).toBe("1.42321428571428571429");
    expect(o.bySource.map((s) => s.source)).toEqual(["device", "delivery", "giving-set", "clinical-waste-incineration", "bed-day"]);
    expect(o.ledger.find((l) => l.stage === "consumables")).toMatchObject({ quantity: "200", factorOrigin: "stated" });
  });

  it("per-patient and per-use figures are absent without volumes", () => {
    const r = carbonFootprint({ startYear: 2024, horizonYears: 1, options: [{ id: "a", patientsPerYear: 0 }] });
    expect(r.options[0]!.perPatientKgCO2e).toBeUndefined();
    expect(r.options[0]!.perUseKgCO2e).toBeUndefined();
    expect(r.options[0]!.totalKgCO2e).toBe("0");
  });
});

describe("carbonFootprint: caller overrides", () => {
  const source = { publisher: "Trust estates", title: "Renewable PPA residual factor", publishedOn: "2025-01-15" };
  it("a caller factor replaces the bundled one for that year, and the result says so", () => {
    const r = carbonFootprint({
      startYear: 2024,
      horizonYears: 2,
      factors: [{ factorId: "uk-electricity-generation", year: 2025, kgCO2ePerUnit: "0.1", unit: "kWh", source }],
      options: [{ id: "a", energy: [{ id: "power", quantity: { perYear: 1000 }, unit: "kWh", factor: GRID }] }],
    });
    const o = r.options[0]!;
    expect(o.byYear).toEqual([
      { year: 2024, kgCO2e: "207.05" },
      { year: 2025, kgCO2e: "100" },
    ]);
    expect(o.ledger[1]).toMatchObject({ factorOrigin: "override", factorSetId: "caller:uk-electricity-generation:2025", factorSource: source });
    expect(r.overrides).toEqual([{ factorId: "uk-electricity-generation", year: 2025, kgCO2ePerUnit: "0.1", replacedBundled: true, source }]);
    expect(r.factorsUsed.find((f) => f.year === 2025)?.overridden).toBe(true);
    expect(r.assumptions[0]).toContain("replaces the bundled figure");
  });

  it("a caller factor can add a new id (road freight per tonne-km), with unit checks", () => {
    const hgv = { factorId: "hgv-average-laden", year: 2025, kgCO2ePerUnit: "0.11", unit: "tonne-km", source };
    const r = carbonFootprint({ startYear: 2025, horizonYears: 1, factors: [hgv], options: [{ id: "a", transport: [{ id: "road", quantity: { once: 300 }, unit: "tonne-km", factor: { factorId: "hgv-average-laden" } }] }] });
    // 300 tonne-km × 0.11 = 33
    expect(r.options[0]!.byStage.transport).toBe("33");
    expect(r.overrides[0]!.replacedBundled).toBe(false);
    expect(problems({ startYear: 2025, horizonYears: 1, factors: [hgv], options: [{ id: "a", transport: [{ id: "road", quantity: { once: 300 }, unit: "km", factor: { factorId: "hgv-average-laden" } }] }] })).toEqual([
      'options[0].transport[0].unit: factor "hgv-average-laden" is per tonne-km, got "km"',
    ]);
  });
});

describe("carbonFootprint: bad input names the path and rule", () => {
  it("negative quantities, unknown factor ids, unit mismatches, missing volumes, duplicates", () => {
    expect(
      problems({
        startYear: 2025,
        horizonYears: 1,
        options: [
          {
            id: "a",
            energy: [
              { id: "e1", quantity: { perYear: -5 }, unit: "kWh", factor: GRID },
              { id: "e2", quantity: { perYear: 5 }, unit: "kWh", factor: { factorId: "uk-grid" } },
              { id: "e3", quantity: { perYear: 5 }, unit: "MWh", factor: GRID },
              { id: "e3", quantity: { perUse: 5 }, unit: "kWh", factor: GRID },
            ],
            embodied: [{ id: "d", quantity: { perYear: 1 }, unit: "unit", serviceLifeYears: 5, factor: { kgCO2ePerUnit: 1 } }],
            waste: [{ id: "w", quantity: { once: 1, year: 2030 }, unit: "tonne", factor: { kgCO2ePerUnit: 1 } }],
          },
          { id: "a" },
        ],
      }),
    ).toEqual([
      "options[0].energy[0].quantity.perYear: must be ≥ 0, got -5",
      'options[0].embodied[0].serviceLifeYears: replacements apply to a {once} purchase quantity only, got {perYear}',
      'options[0].energy[1].factor.factorId: unknown emission factor (known: natural-gas-kwh-gross, uk-electricity-generation, uk-electricity-td-losses, water-supply; or add it under factors), got "uk-grid"',
      'options[0].energy[2].unit: factor "uk-electricity-generation" is per kWh, got "MWh"',
      'options[0].energy[3].id: line ids must be unique within option "a", got "e3" twice',
      "options[0].energy[3].quantity.perUse: a per-use quantity needs options[0].usesPerYear, got none",
      "options[0].waste[0].quantity.year: must be within the horizon 2025–2025, got 2030",
      'options[1].id: option ids must be unique, got "a" twice',
    ]);
  });

  it("rejects unknown keys, non-finite numbers and an empty option list", () => {
    expect(problems({ startYear: 2025, horizonYears: 1, options: [], colour: "red" })).toEqual([
      "options: must have at least 1 item",
      'colour: unknown key "colour" (check the spelling; unknown keys are not allowed)',
    ]);
    expect(problems({ startYear: 2025, horizonYears: 1, options: [{ id: "a", energy: [{ id: "e", quantity: { perYear: Number.NaN }, unit: "kWh", factor: GRID }] }] })).toEqual([
      "options[0].energy[0].quantity.perYear: must be a finite decimal number, got NaN",
    ]);
  });

  it("throws VbpInputError from carbonFootprint and does not mutate the input", () => {
    const input = deepFreeze({
      startYear: 2024,
      horizonYears: 2,
      options: [{ id: "a", energy: [{ id: "power", quantity: { perYear: 1000 }, unit: "kWh", factor: { factorId: "uk-electricity-generation" } }] }],
    });
    const before = JSON.stringify(input);
    expect(() => carbonFootprint(input)).not.toThrow();
    expect(JSON.stringify(input)).toBe(before);
    expect(() => carbonFootprint({ ...input, horizonYears: 0 })).toThrow(VbpInputError);
  });
});

describe("carbonFootprint: the ledger sums exactly to every total (property)", () => {
  const qty = fc.tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 6 })).map(([n, s]) => new Dec(n).div(new Dec(10).pow(s)).toFixed());
  const stage = fc.constantFrom("embodied", "transport", "energy", "consumables", "waste", "pathway");
  const line = fc.record({
    stage,
    perYear: qty,
    factor: fc.oneof(fc.constant<"grid">("grid"), qty),
    source: fc.constantFrom("s1", "s2", "s3"),
  });
  it("Σ ledger = total = Σ byStage = Σ bySource = Σ byYear", () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 0, maxLength: 12 }), fc.integer({ min: 1, max: 4 }), (lines, horizon) => {
        const opt: Record<string, unknown> = { id: "o" };
        lines.forEach((l, i) => {
          const arr = (opt[l.stage] as unknown[] | undefined) ?? [];
          arr.push({ id: `l${i}`, source: l.source, quantity: { perYear: l.perYear }, unit: l.factor === "grid" ? "kWh" : "unit", factor: l.factor === "grid" ? GRID : { kgCO2ePerUnit: l.factor } });
          opt[l.stage] = arr;
        });
        const r = carbonFootprint({ startYear: 2022, horizonYears: horizon, options: [opt as unknown as CarbonInputDocument["options"][number]] });
        const o = r.options[0]!;
        const sum = (xs: readonly string[]) => xs.reduce((a, x) => a.plus(x), new Dec(0));
        const total = new Dec(o.totalKgCO2e);
        expect(sum(o.ledger.map((l) => l.kgCO2e)).eq(total)).toBe(true);
        expect(sum(Object.values(o.byStage)).eq(total)).toBe(true);
        expect(sum(o.bySource.map((s) => s.kgCO2e)).eq(total)).toBe(true);
        expect(sum(o.byYear.map((y) => y.kgCO2e)).eq(total)).toBe(true);
        for (const l of o.ledger) expect(new Dec(l.quantity).times(l.kgCO2ePerUnit).eq(l.kgCO2e)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

describe("pathwayCarbonActivities: counts from a pathway ledger", () => {
  it("sums quantity × weight per item for the option and feeds carbonFootprint", () => {
    const ledger = [
      { optionId: "a", measure: "cost", itemId: "bed-day", quantity: "4", weight: "0.95" },
      { optionId: "a", measure: "cost", itemId: "bed-day", quantity: "2", weight: "0.1" },
      { optionId: "a", measure: "cost", itemId: "theatre-hour", quantity: "1.5", weight: "1" },
      { optionId: "a", measure: "qalys", itemId: "bed-day", quantity: "9", weight: "1" },
      { optionId: "b", measure: "cost", itemId: "bed-day", quantity: "9", weight: "1" },
      { optionId: "a", measure: "cost", itemId: "gloves", quantity: "9", weight: "1" },
    ];
    const source = { publisher: "Trust", title: "Estates carbon per bed day", publishedOn: "2025-04-01" };
    const lines = pathwayCarbonActivities(ledger, "a", { "bed-day": { kgCO2ePerUnit: "30", unit: "bed day", source }, "theatre-hour": { kgCO2ePerUnit: 100 as unknown as string } });
    // bed days: 4 × 0.95 + 2 × 0.1 = 4; theatre: 1.5
    expect(lines.map((l) => [l.id, l.quantity.perPatient, l.unit, l.factor.kgCO2ePerUnit])).toEqual([
      ["bed-day", "4", "bed day", "30"],
      ["theatre-hour", "1.5", "activity", "100"],
    ]);
    const r = carbonFootprint({ startYear: 2025, horizonYears: 1, options: [{ id: "a", patientsPerYear: 10, pathway: lines }] });
    // 10 patients × (4 × 30 + 1.5 × 100) = 2700
    expect(r.options[0]!.byStage.pathway).toBe("2700");
    expect(r.options[0]!.perPatientKgCO2e).toBe("270");
    expect(() => pathwayCarbonActivities(ledger, "a", { "bed-day": { kgCO2ePerUnit: "-1" } })).toThrow(/factors\["bed-day"\]\.kgCO2ePerUnit: must be a decimal ≥ 0, got "-1"/);
  });
});

describe("carbonFootprint: public result types are plain data", () => {
  it("amounts are decimal strings, never Dec instances", () => {
    const r = carbonFootprint({ startYear: 2024, horizonYears: 1, options: [{ id: "a" }] });
    expectTypeOf(r.options[0]!.totalKgCO2e).toEqualTypeOf<string>();
    expectTypeOf<CarbonLedgerLine["kgCO2e"]>().toEqualTypeOf<string>();
    expectTypeOf(r.options[0]!.byStage.energy).toEqualTypeOf<string>();
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});

describe("carbon input schema", () => {
  it("the input schema yields a JSON Schema with a description on every property", () => {
    const js = z.toJSONSchema(carbonInputSchema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
    const missing: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (node === null || typeof node !== "object") return;
      const n = node as Record<string, unknown>;
      if (n["properties"] !== undefined) {
        for (const [k, v] of Object.entries(n["properties"] as Record<string, Record<string, unknown>>)) {
          if (typeof v["description"] !== "string") missing.push(`${path}.${k}`);
          walk(v, `${path}.${k}`);
        }
      }
      for (const key of ["items", "anyOf", "oneOf", "allOf"]) {
        const c = n[key];
        if (Array.isArray(c)) c.forEach((x, i) => walk(x, `${path}.${key}[${i}]`));
        else if (c !== undefined) walk(c, `${path}.${key}`);
      }
      if (n["additionalProperties"] !== undefined) walk(n["additionalProperties"], `${path}.*`);
    };
    walk(js, "$");
    expect(missing).toEqual([]);
  });
});
