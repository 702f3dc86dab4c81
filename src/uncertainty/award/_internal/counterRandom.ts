/**
 * Counter-based random numbers: Philox4x32-10 (Salmon, Moraes, Dror & Shaw (2011) "Parallel random numbers:
 * as easy as 1, 2, 3", SC'11, doi:10.1145/2063384.2063405). Each block of four 32-bit words is a pure function
 * of (seed, stream, draw, block), so a draw's numbers never depend on which chunk, worker or machine computes
 * it, nor on how many numbers other draws consumed.
 *
 * Every uniform is built from 53 random bits and lies strictly inside (0, 1).
 */

const M0 = 0xd2511f53;
const M1 = 0xcd9e8d57;
const W0 = 0x9e3779b9;
const W1 = 0xbb67ae85;

/** High 32 bits of a 32×32-bit product, exactly (every partial product stays below 2^53). */
function mulhi(a: number, b: number): number {
  const al = a & 0xffff;
  const ah = a >>> 16;
  const bl = b & 0xffff;
  const bh = b >>> 16;
  const lo = al * bl;
  const cross = ah * bl + al * bh + (lo >>> 16);
  return (ah * bh + Math.floor(cross / 65536)) >>> 0;
}

/** One Philox4x32-10 block, written into `out` (4 words). */
function philox(c0: number, c1: number, c2: number, c3: number, k0: number, k1: number, out: Uint32Array): void {
  for (let r = 0; r < 10; r++) {
    const hi0 = mulhi(M0, c0);
    const lo0 = Math.imul(M0, c0) >>> 0;
    const hi1 = mulhi(M1, c2);
    const lo1 = Math.imul(M1, c2) >>> 0;
    c0 = (hi1 ^ c1 ^ k0) >>> 0;
    c1 = lo1;
    c2 = (hi0 ^ c3 ^ k1) >>> 0;
    c3 = lo0;
    k0 = (k0 + W0) >>> 0;
    k1 = (k1 + W1) >>> 0;
  }
  out[0] = c0;
  out[1] = c1;
  out[2] = c2;
  out[3] = c3;
}

/**
 * The uniforms of one (seed, stream, draw): a sequence read in order with `next()`. Two uniforms come from each
 * Philox block; the block counter runs along the sequence.
 */
export interface UniformSequence {
  /** The next uniform in (0, 1). */
  next(): number;
}

/** @internal A reusable sequence object (no allocation per draw). */
export class DrawUniforms implements UniformSequence {
  private readonly k0: number;
  private readonly k1: number;
  private stream = 0;
  private draw = 0;
  private block = 0;
  private half = 2;
  private readonly words = new Uint32Array(4);

  constructor(seed: number) {
    // Seeds up to 2^53: low and high 32 bits are the Philox key.
    this.k0 = seed >>> 0;
    this.k1 = Math.floor(seed / 4294967296) >>> 0;
  }

  /** Positions the sequence at the start of (stream, draw). */
  at(stream: number, draw: number): this {
    this.stream = stream >>> 0;
    this.draw = draw >>> 0;
    this.block = 0;
    this.half = 2;
    return this;
  }

  next(): number {
    if (this.half === 2) {
      philox(this.draw, this.block, this.stream, 0x5bd1e995, this.k0, this.k1, this.words);
      this.block++;
      this.half = 0;
    }
    const w = this.words;
    const i = this.half * 2;
    this.half++;
    // 53 bits: 21 from one word, 32 from the next; +0.5 keeps the result strictly inside (0, 1).
    return ((((w[i] as number) >>> 11) * 4294967296 + (w[i + 1] as number)) + 0.5) / 9007199254740992;
  }
}

/** Stream numbers are derived from names, so adding an input never shifts another input's numbers. */
export function streamOf(name: string): number {
  // FNV-1a 32-bit
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
