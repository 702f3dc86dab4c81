import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as z from "zod/mini";
import { sickSickerModel } from "../../examples/pathway/sick-sicker.js";
import { documentShape, optionSchema } from "../../src/evaluate/schema.js";
import { pathwayModelStructureSchema } from "../../src/pathway/schema.js";
import { fastAccept } from "../../src/schema/fastAccept.js";
// The walker's own tests, run again in this file on walks built where compiling code from text is refused.
import "./fastAccept.test.js";
import "../evaluate/fastRead.test.js";

// Each schema part's walk is a copy of the shared walk compiled from its text (so that V8 keeps one part's
// feedback apart from the others'). Where a content security policy refuses code from text, the shared walks
// themselves are used: the same answers. The walks are built once per schema, so this file (whose modules are
// its own) builds them while `Function` refuses, and then runs the walker's tests on them.

const refused = vi.fn(() => {
  throw new EvalError("Code generation from strings disallowed for this context");
});

beforeAll(() => {
  vi.stubGlobal("Function", refused);
  try {
    // Every walk the tests use: the pathway schema, and the evaluation document with and without its options shared.
    fastAccept(pathwayModelStructureSchema(), sickSickerModel());
    fastAccept(documentShape(), {});
    fastAccept(documentShape(), {}, optionSchema());
  } finally {
    vi.unstubAllGlobals();
  }
});

describe("fastAccept where compiling code from text is refused", () => {
  it("asked, was refused, and built the shared walks", () => {
    expect(refused).toHaveBeenCalled();
    // A part built after the refusal is compiled as a copy of its own.
    const spy = vi.spyOn(globalThis, "Function");
    expect(fastAccept(z.strictObject({ a: z.string() }), { a: "x" })).toEqual({ data: { a: "x" } });
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });
});

afterAll(() => {
  expect(refused.mock.calls.length).toBeGreaterThan(10);
});
