import { describe, expect, it } from "vitest";
import { philox4x32 } from "../../src/uncertainty/random/philox.js";
import { checkSeed, streamId, uniformSource, VbpInputError } from "../../src/index.js";

const hex = (w: Uint32Array) => [...w].map((x) => x.toString(16).padStart(8, "0"));

describe("Philox4x32-10", () => {
  // Known-answer vectors from Random123 (Salmon et al. 2011), kat_vectors: philox4x32 10 rounds.
  it("reproduces the Random123 known-answer vectors", () => {
    const out = new Uint32Array(4);
    philox4x32(0, 0, 0, 0, 0, 0, out);
    expect(hex(out)).toEqual(["6627e8d5", "e169c58d", "bc57ac4c", "9b00dbd8"]);
    philox4x32(0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, out);
    expect(hex(out)).toEqual(["408f276d", "41c83b0e", "a20bc7c6", "6d5451fd"]);
    philox4x32(0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0, out);
    expect(hex(out)).toEqual(["d16cfe09", "94fdcceb", "5001e420", "24126ea1"]);
  });
});

describe("streams", () => {
  it("hashes names with 64-bit FNV-1a", () => {
    // FNV-1a 64 test values: "" → cbf29ce484222325, "a" → af63dc4c8601ec8c, "foobar" → 85944171f73967e8.
    const h = (s: string) => streamId(s).hi.toString(16).padStart(8, "0") + streamId(s).lo.toString(16).padStart(8, "0");
    expect(h("")).toBe("cbf29ce484222325");
    expect(h("a")).toBe("af63dc4c8601ec8c");
    expect(h("foobar")).toBe("85944171f73967e8");
  });

  it("gives each (seed, stream, draw) its own sequence, in (0, 1), whatever was computed before", () => {
    const s = streamId("parameter:p");
    const a = uniformSource(42, s, 17);
    const first = [a.next(), a.next(), a.next(), a.next(), a.next()];
    for (const v of first) expect(v > 0 && v < 1).toBe(true);
    uniformSource(42, s, 16).next();
    const b = uniformSource(42, s, 17);
    expect([b.next(), b.next(), b.next(), b.next(), b.next()]).toEqual(first);
    expect(uniformSource(43, s, 17).next()).not.toBe(first[0]);
    expect(uniformSource(42, streamId("parameter:q"), 17).next()).not.toBe(first[0]);
  });

  it("is close to uniform: mean 1/2 and variance 1/12 over 100,000 values (tolerance 4 standard errors)", () => {
    const n = 100000;
    let sum = 0;
    let sq = 0;
    const s = streamId("check");
    for (let i = 0; i < n; i++) {
      const u = uniformSource(1, s, i).next();
      sum += u;
      sq += u * u;
    }
    const mean = sum / n;
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(sq / n - mean * mean - 1 / 12)).toBeLessThan(4 * Math.sqrt(1 / 180 / n));
  });
});

describe("checkSeed", () => {
  it("accepts whole numbers from 0 to 2^53 − 1", () => {
    expect(checkSeed(0)).toBe(0);
    expect(checkSeed(Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER);
  });
  it.each([1.5, -1, Number.NaN, 2 ** 53, "7"])("refuses %s with its path", (seed) => {
    expect(() => checkSeed(seed)).toThrow(VbpInputError);
    try {
      checkSeed(seed, ["psa", "seed"]);
    } catch (e) {
      expect((e as VbpInputError).issues[0]!.path).toEqual(["psa", "seed"]);
    }
  });
});
