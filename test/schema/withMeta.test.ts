import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { DESCRIPTION_KEYS, describedObject, describedShape, withMeta } from "../../src/schema/withMeta.js";
import { attachDescriptions } from "../../src/schema/describe.js";

const TABLE = {
  "test:box.width": { description: "Width in millimetres." },
  "test:box.label": { description: "What is printed on the box." },
  "test:box.note": { description: "A note of its own." },
  "test:box": { description: "A box." },
};

describe("describedShape", () => {
  it("describes each property under <key>.<property> and keeps the properties named plain as given", () => {
    const tag = z.string();
    const shape = describedShape("test:box", { width: z.number(), label: z.optional(z.string()), tag }, "tag");
    expect(Object.keys(shape)).toEqual(["width", "label", "tag"]);
    expect(DESCRIPTION_KEYS.get(shape.width)).toEqual({ key: "test:box.width" });
    expect(DESCRIPTION_KEYS.get(shape.label)).toEqual({ key: "test:box.label" });
    expect(shape.tag).toBe(tag);
    expect(DESCRIPTION_KEYS.has(shape.tag)).toBe(false);
  });

  it("builds the same JSON Schema as writing withMeta on every property", () => {
    const note = withMeta(z.string(), "test:box.note");
    const byShape = z.strictObject(describedShape("test:box", { width: z.number(), label: z.optional(z.string()), note, tag: z.string() }, "note", "tag"));
    const byHand = z.strictObject({ width: withMeta(z.number(), "test:box.width"), label: withMeta(z.optional(z.string()), "test:box.label"), note: withMeta(z.string(), "test:box.note"), tag: z.string() });
    attachDescriptions(byShape, [TABLE]);
    attachDescriptions(byHand, [TABLE]);
    const json = z.toJSONSchema(byShape, { io: "input" });
    expect(json).toEqual(z.toJSONSchema(byHand, { io: "input" }));
    expect(JSON.stringify(json)).toContain("Width in millimetres.");
  });

  it("leaves the shape it was given untouched and validates as before", () => {
    const width = z.number();
    const given = { width };
    const schema = z.strictObject(describedShape("test:box", given));
    expect(given.width).toBe(width);
    expect(z.safeParse(schema, { width: 3 }).success).toBe(true);
    expect(z.safeParse(schema, { width: "3" }).success).toBe(false);
  });

  it("keeps a described property without a table entry an error when descriptions are attached", () => {
    const schema = z.strictObject(describedShape("test:box", { width: z.number(), depth: z.number() }));
    expect(() => attachDescriptions(schema, [TABLE])).toThrow('no description for the schema key "test:box.depth"');
  });
});

describe("describedObject", () => {
  it("is withMeta(z.strictObject(describedShape(key, shape, ...plain)), key): same key, same JSON Schema, same parsing", () => {
    const note = withMeta(z.string(), "test:box.note");
    const byObject = describedObject("test:box", { width: z.number(), label: z.optional(z.string()), note, tag: z.string() }, "note", "tag");
    const byHand = withMeta(z.strictObject({ width: withMeta(z.number(), "test:box.width"), label: withMeta(z.optional(z.string()), "test:box.label"), note: withMeta(z.string(), "test:box.note"), tag: z.string() }), "test:box");
    expect(DESCRIPTION_KEYS.get(byObject)).toEqual({ key: "test:box" });
    expect(DESCRIPTION_KEYS.get(byObject.shape.width)).toEqual({ key: "test:box.width" });
    expect(byObject.shape.note).toBe(note);
    expect(DESCRIPTION_KEYS.has(byObject.shape.tag)).toBe(false);
    attachDescriptions(byObject, [TABLE]);
    attachDescriptions(byHand, [TABLE]);
    const json = z.toJSONSchema(byObject, { io: "input" });
    expect(json).toEqual(z.toJSONSchema(byHand, { io: "input" }));
    expect(JSON.stringify(json)).toContain("A box.");
    for (const v of [{ width: 3, note: "n", tag: "t" }, { width: 3, note: "n", tag: "t", extra: 1 }, { width: "3", note: "n", tag: "t" }, {}]) {
      expect(z.safeParse(byObject, v)).toEqual(z.safeParse(byHand, v));
    }
  });
});
