import { philox4x32 } from "./philox.js";
import { seedKey } from "./seed.js";

/**
 * The identity of an independent random stream: a 64-bit hash of its name (e.g. `"parameter:p_ssi"`), as two
 * uint32 words. Streams are named, not numbered, so adding an uncertain quantity never shifts the draws of
 * the others, and the award-uncertainty analyses (prices, carbon factors, weights) draw from the same
 * generator under their own names.
 *
 * @example
 * ```ts
 * const s: StreamId = streamId("parameter:p_ssi");
 * ```
 * @category Uncertainty
 */
export interface StreamId {
  /** The stream's name. */
  readonly name: string;
  /** Low word of the 64-bit FNV-1a hash of the name (UTF-16 code units). */
  readonly lo: number;
  /** High word. */
  readonly hi: number;
}

/**
 * The stream of a name: its 64-bit FNV-1a hash (Fowler–Noll–Vo; offset basis 0xcbf29ce484222325, prime
 * 0x100000001b3), computed in 16-bit limbs. Two names share a stream with probability about 2^−64 per pair.
 *
 * @param name - a stable, unique name for the quantity, e.g. `"parameter:p_ssi"`
 * @example
 * ```ts
 * streamId("parameter:p_ssi").name; //=> "parameter:p_ssi"
 * ```
 * @category Uncertainty
 */
export function streamId(name: string): StreamId {
  // 64-bit state as four 16-bit limbs, little-endian.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let i = 0; i < name.length; i++) {
    h0 ^= name.charCodeAt(i) & 0xffff;
    // multiply by the prime 0x100000001b3 = 2^40 + 435: h × 435 plus h shifted left 40 bits (limbs 2 and 3)
    const t0 = h0 * 435;
    let t1 = h1 * 435;
    let t2 = h2 * 435 + (h0 << 8);
    const t3 = h3 * 435 + (h1 << 8);
    t1 += t0 >>> 16;
    h0 = t0 & 0xffff;
    t2 += t1 >>> 16;
    h1 = t1 & 0xffff;
    h3 = (t3 + (t2 >>> 16)) & 0xffff;
    h2 = t2 & 0xffff;
  }
  return Object.freeze({ name, lo: ((h1 << 16) | h0) >>> 0, hi: ((h3 << 16) | h2) >>> 0 });
}

const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;

/**
 * A source of uniform variates for ONE draw of ONE stream: the sequence of block j = 0, 1, 2, … of
 * Philox4x32-10 at counter (draw, j, stream.lo, stream.hi) under the seed's key, each block giving two
 * doubles. A sampler may take as many as it needs (rejection samplers take a varying number); the values
 * depend only on (seed, stream, draw), never on which draws were computed before, so chunks, workers and
 * shards reproduce a single run bit for bit.
 *
 * @example
 * ```ts
 * const u = uniformSource(2026, streamId("parameter:p"), 0);
 * const x = u.next(); // in (0, 1)
 * ```
 * @category Uncertainty
 */
export interface UniformSource {
  /** The next uniform variate, in the open interval (0, 1), with 53 random bits. */
  next(): number;
}

/** @internal A reusable cursor: reset it to (stream, draw) and read uniforms. Not shared across threads. */
export class UniformCursor implements UniformSource {
  private readonly block = new Uint32Array(4);
  private readonly k0: number;
  private readonly k1: number;
  private c2 = 0;
  private c3 = 0;
  private draw = 0;
  private j = 0;
  private pos = 4;

  constructor(seed: number) {
    const [k0, k1] = seedKey(seed);
    this.k0 = k0;
    this.k1 = k1;
  }

  /** Positions the cursor at the start of draw `draw` of `stream`. */
  reset(stream: StreamId, draw: number): this {
    this.c2 = stream.lo;
    this.c3 = stream.hi;
    this.draw = draw;
    this.j = 0;
    this.pos = 4;
    return this;
  }

  next(): number {
    if (this.pos === 4) {
      philox4x32(this.draw, this.j, this.c2, this.c3, this.k0, this.k1, this.block);
      this.j++;
      this.pos = 0;
    }
    const a = this.block[this.pos]!;
    const b = this.block[this.pos + 1]!;
    this.pos += 2;
    // 53 bits, centred in their cell, so the value is never 0 or 1.
    return ((a >>> 5) * TWO_POW_26 + (b >>> 6) + 0.5) / TWO_POW_53;
  }
}

/**
 * The uniform variates of draw `draw` of a stream, for a seed (see {@link UniformSource}).
 *
 * @param seed - a checked seed (see {@link checkSeed})
 * @param stream - the stream
 * @param draw - the draw index (0-based, below 2^32)
 * @example
 * ```ts
 * uniformSource(1, streamId("x"), 5).next() === uniformSource(1, streamId("x"), 5).next(); //=> true
 * ```
 * @category Uncertainty
 */
export function uniformSource(seed: number, stream: StreamId, draw: number): UniformSource {
  return new UniformCursor(seed).reset(stream, draw);
}
