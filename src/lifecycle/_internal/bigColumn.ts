/**
 * @internal A fixed-length column of whole numbers of any size, for exact ledger-scale amounts held by the
 * million. A BigInt on the heap costs about 40 bytes with its slot, and its decimal string about 60; here a
 * value costs 16 bytes: two 64-bit words of a 128-bit two's complement number (ledger amounts up to about
 * 10^18 in currency units at 20 decimal places). A value beyond that range is kept aside as a BigInt.
 *
 * @module
 */

const WORD = 64n;

/** @internal Whole numbers, two 64-bit words each; the rare wider value is kept aside. */
export class BigColumn {
  private readonly words: BigInt64Array;
  private readonly wide = new Map<number, bigint>();

  constructor(readonly length: number) {
    this.words = new BigInt64Array(2 * length);
  }

  /** Sets entry `i` (0 ≤ i < length) to `v`, exactly. */
  set(i: number, v: bigint): void {
    const lo = BigInt.asIntN(64, v);
    const hi = (v - lo) >> WORD;
    if (BigInt.asIntN(64, hi) === hi) {
      this.words[2 * i] = hi;
      this.words[2 * i + 1] = lo;
      this.wide.delete(i);
    } else {
      this.wide.set(i, v);
    }
  }

  /** Entry `i`, exactly as set (0 for an entry never set). */
  get(i: number): bigint {
    if (this.wide.size > 0) {
      const w = this.wide.get(i);
      if (w !== undefined) return w;
    }
    return (this.words[2 * i]! << WORD) + this.words[2 * i + 1]!;
  }
}
