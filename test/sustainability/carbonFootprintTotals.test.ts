import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec } from "../../src/_lib/decimal.js";
import { carbonFootprint, type CarbonInputDocument } from "../../src/sustainability/index.js";
import { carbonFootprintParsed, parseCarbonInput } from "../../src/sustainability/carbonFootprint.js";

const GRID = { factorId: "uk-electricity-generation" } as const;

// A run that shows no carbon ledger (a catalogue, or a tender without --ledger) asks for the footprint without
// its lines: every total must be the same, digit for digit, as with the lines.
describe("carbon footprint without ledger lines", () => {
  const qty = fc.tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 6 })).map(([n, s]) => new Dec(n).div(new Dec(10).pow(s)).toFixed());
  const stage = fc.constantFrom("embodied", "transport", "energy", "consumables", "waste", "pathway");
  const line = fc.record({ stage, perYear: qty, factor: fc.oneof(fc.constant<"grid">("grid"), qty), source: fc.constantFrom("s1", "s2", "s3") });
  it("gives the same totals by stage, source and year, and per patient, with an empty ledger", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 5000 }), (lines, horizon, patients) => {
        const opt: Record<string, unknown> = { id: "o", patientsPerYear: patients };
        lines.forEach((l, i) => {
          const arr = (opt[l.stage] as unknown[] | undefined) ?? [];
          arr.push({ id: `l${i}`, source: l.source, quantity: { perYear: l.perYear }, unit: l.factor === "grid" ? "kWh" : "unit", factor: l.factor === "grid" ? GRID : { kgCO2ePerUnit: l.factor } });
          opt[l.stage] = arr;
        });
        const input = { startYear: 2022, horizonYears: horizon, options: [opt as unknown as CarbonInputDocument["options"][number]] };
        const full = carbonFootprint(input);
        const bare = carbonFootprintParsed(parseCarbonInput(input), false);
        expect(bare.options.map((o) => o.ledger.length)).toEqual([0]);
        const { ledger: _a, ...withLines } = full.options[0]!;
        const { ledger: _b, ...without } = bare.options[0]!;
        expect(without).toEqual(withLines);
        expect(JSON.stringify(without)).toBe(JSON.stringify(withLines));
        expect(bare.factorsUsed).toEqual(full.factorsUsed);
        expect(bare.assumptions).toEqual(full.assumptions);
      }),
    );
  });
});
