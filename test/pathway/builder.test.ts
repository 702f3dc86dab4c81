import { readFileSync } from "node:fs";
import { describe, expect, expectTypeOf, it } from "vitest";
import type * as z from "zod";
import {
  byCycle,
  defineParameters,
  defineState,
  expr,
  item,
  param,
  parsePathwayModel,
  pathwayModelJsonSchema,
  pathwayModelSchema,
  runModel,
  transitionMatrix,
  type OptionResult,
  type PathwayModel,
  type PathwayResult,
} from "../../src/index.js";
import { surgicalSiteInfectionModel } from "../../examples/pathway/surgical-site-infection.js";
import { strokeHybridModel } from "../../examples/pathway/stroke-hybrid.js";

describe("builder", () => {
  it("produces the JSON document the schema accepts, with identical results after a JSON round trip", () => {
    for (const build of [surgicalSiteInfectionModel, strokeHybridModel]) {
      const built = build();
      const text = JSON.stringify(built);
      const parsed = parsePathwayModel(JSON.parse(text));
      expect(runModel(parsed)).toEqual(runModel(built));
      expect(JSON.parse(text)).toEqual(built);
    }
  });

  it("the JSON document in examples/ is the builder's output and gives identical results", () => {
    const json = JSON.parse(readFileSync(new URL("../../examples/pathway/surgical-site-infection.json", import.meta.url), "utf8")) as unknown;
    expect(json).toEqual(surgicalSiteInfectionModel());
    expect(runModel(json)).toEqual(runModel(surgicalSiteInfectionModel()));
  });

  it("reads like heemod: define_parameters, define_state, define_transition", () => {
    expect(defineParameters({ p: 0.1, q: expr("p * 2"), r: { value: "3", unit: "days" } })).toEqual([
      { id: "p", value: 0.1 },
      { id: "q", value: { expr: "p * 2" } },
      { id: "r", value: "3", unit: "days" },
    ]);
    expect(defineState("A", { utility: 1, costs: { drugs: param("c_drug") } })).toEqual({
      id: "A",
      utility: 1,
      items: [{ id: "drugs", category: "drugs", quantity: 1, unitCost: { param: "c_drug" } }],
    });
    expect(transitionMatrix(["A", "B"], [["rest", 0.2], [0, 1]])).toEqual([
      { from: "A", to: "A", probability: "rest" },
      { from: "A", to: "B", probability: 0.2 },
      { from: "B", to: "B", probability: 1 },
    ]);
    expect(byCycle({ 3: 0, 1: "2086.5" })).toEqual({ byCycle: [{ fromCycle: 1, value: "2086.5" }, { fromCycle: 3, value: 0 }] });
    expect(item("bed", "bed-days", 2, 345, { carbonKgPerUnit: 30 })).toEqual({ id: "bed", category: "bed-days", quantity: 2, unitCost: 345, carbonKgPerUnit: 30 });
  });

  it("expressions: precedence, unicode operators, functions, and errors instead of NaN", () => {
    const cost = (text: string) => {
      const m: PathwayModel = {
        id: "e",
        parameters: [{ id: "a", value: 2 }, { id: "b", value: 3 }],
        tree: { root: "r", nodes: [{ id: "r", items: [{ id: "x", category: "other", quantity: 1, unitCost: { expr: text } }] }] },
        options: [{ id: "c", isComparator: true }],
        discounting: { costs: "none" },
      };
      return runModel(m).options[0]!.perPatient.costs.discounted;
    };
    expect(cost("a + b * 2")).toBe("8");
    expect(cost("(a + b) × 2 − 1")).toBe("9");
    expect(cost("b ÷ a")).toBe("1.5");
    expect(cost("-a ^ 2")).toBe("-4");
    expect(cost("2 ^ 3 ^ 2")).toBe("512");
    expect(cost("min(a, b, 1) + max(a, b)")).toBe("4");
    expect(cost("pow(a, 10) + abs(-1) + sqrt(16)")).toBe("1029");
    expect(cost("log(8, 2)")).toBe("3");
    expect(cost("rateToProb(ln(2), 1)")).toBe("0.5");
    expect(cost("probToRate(1 - exp(-0.25), 1)")).toBe("0.25");
    expect(cost("1.5e3")).toBe("1500");
    expect(() => cost("sqrt(a - b)")).toThrow(/unitCost: cannot be evaluated: sqrt\(\) needs a number ≥ 0, got -1/);
    expect(() => cost("ln(0)")).toThrow(/ln\(\) needs a positive number, got 0/);
    expect(() => cost("foo(1)")).toThrow(/unknown function "foo"/);
    expect(() => cost("min()")).toThrow(/min\(\) takes 1 to 32 arguments, got 0/);
  });
});

describe("JSON Schema", () => {
  it("documents every property", () => {
    const schema = pathwayModelJsonSchema();
    const undocumented: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (node === null || typeof node !== "object") return;
      const n = node as Record<string, unknown>;
      if (n.properties !== undefined) {
        for (const [k, v] of Object.entries(n.properties as Record<string, unknown>)) {
          const vv = v as Record<string, unknown>;
          if (typeof vv.description !== "string" && vv.$ref === undefined) undocumented.push(`${path}.${k}`);
          walk(v, `${path}.${k}`);
        }
      }
      for (const key of ["items", "anyOf", "oneOf", "allOf", "$defs"]) {
        const v = n[key];
        if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}.${key}[${i}]`));
        else if (v !== undefined && typeof v === "object") {
          if (key === "$defs") for (const [k, x] of Object.entries(v as Record<string, unknown>)) walk(x, `$defs.${k}`);
          else walk(v, `${path}.${key}`);
        }
      }
    };
    walk(schema, "");
    expect(undocumented).toEqual([]);
    expect((schema.properties as Record<string, { description: string }>).options?.description).toBe("The options compared; exactly one is the comparator.");
  });
});

describe("types", () => {
  it("results are plain data with the documented shape", () => {
    expectTypeOf<OptionResult["perPatient"]["costs"]["discounted"]>().toEqualTypeOf<string>();
    expectTypeOf<PathwayResult["options"]>().toEqualTypeOf<readonly OptionResult[]>();
    expectTypeOf<z.output<typeof pathwayModelSchema>["options"][number]["id"]>().toEqualTypeOf<string>();
  });
});
