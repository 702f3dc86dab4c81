/**
 * Operations of the Float64 backend that only a run over many draws uses (one pass over the draws where the
 * kernel would otherwise issue several): kept apart so that a single evaluation does not load them.
 *
 * @module
 */
import type { Calculator } from "./calculator.js";

/**
 * out := a[0] × b[0] + a[1] × b[1] + … in one pass when every input is as wide as `out` and there are 1 to 4
 * terms (added in order), and acc += out × c (c one value for every lane) in the same pass when `acc` is
 * given; false otherwise (nothing written).
 */
function dotWide(out: Float64Array, a: readonly Float64Array[], b: readonly Float64Array[], count: number, acc: Float64Array | undefined, c: number): boolean {
  const m = out.length;
  if (count < 1 || count > 4) return false;
  for (let j = 0; j < count; j++) if (a[j]!.length !== m || b[j]!.length !== m) return false;
  if (acc !== undefined && acc.length !== m) return false;
  const a0 = a[0]!, b0 = b[0]!;
  if (count === 1) {
    if (acc === undefined) for (let i = 0; i < m; i++) out[i] = a0[i]! * b0[i]!;
    else for (let i = 0; i < m; i++) {
      const v = a0[i]! * b0[i]!;
      out[i] = v;
      acc[i] = acc[i]! + v * c;
    }
    return true;
  }
  const a1 = a[1]!, b1 = b[1]!;
  if (count === 2) {
    if (acc === undefined) for (let i = 0; i < m; i++) out[i] = a0[i]! * b0[i]! + a1[i]! * b1[i]!;
    else for (let i = 0; i < m; i++) {
      const v = a0[i]! * b0[i]! + a1[i]! * b1[i]!;
      out[i] = v;
      acc[i] = acc[i]! + v * c;
    }
    return true;
  }
  const a2 = a[2]!, b2 = b[2]!;
  if (count === 3) {
    if (acc === undefined) for (let i = 0; i < m; i++) out[i] = a0[i]! * b0[i]! + a1[i]! * b1[i]! + a2[i]! * b2[i]!;
    else for (let i = 0; i < m; i++) {
      const v = a0[i]! * b0[i]! + a1[i]! * b1[i]! + a2[i]! * b2[i]!;
      out[i] = v;
      acc[i] = acc[i]! + v * c;
    }
    return true;
  }
  const a3 = a[3]!, b3 = b[3]!;
  if (acc === undefined) for (let i = 0; i < m; i++) out[i] = a0[i]! * b0[i]! + a1[i]! * b1[i]! + a2[i]! * b2[i]! + a3[i]! * b3[i]!;
  else for (let i = 0; i < m; i++) {
    const v = a0[i]! * b0[i]! + a1[i]! * b1[i]! + a2[i]! * b2[i]! + a3[i]! * b3[i]!;
    out[i] = v;
    acc[i] = acc[i]! + v * c;
  }
  return true;
}

/** The calculator with the one-pass operations of a run over draws (`dot`, `restAtLeast`). */
export function withDrawOperations(calc: Calculator<Float64Array>): Calculator<Float64Array> {
  return {
    ...calc,
    dot(out: Float64Array, a: readonly Float64Array[], b: readonly Float64Array[], count: number, acc?: Float64Array, coeff?: Float64Array): void {
      // The accumulator in the same pass when its coefficient is one value for every lane (as mulAdd: acc + out × c).
      const fuse = acc !== undefined && coeff !== undefined && coeff.length === 1;
      if (dotWide(out, a, b, count, fuse ? acc : undefined, fuse ? coeff[0]! : 0)) {
        if (!fuse && acc !== undefined && coeff !== undefined) calc.mulAdd(acc, out, coeff);
        return;
      }
      calc.mul(out, a[0]!, b[0]!);
      for (let j = 1; j < count; j++) calc.mulAdd(out, a[j]!, b[j]!);
      if (acc !== undefined && coeff !== undefined) calc.mulAdd(acc, out, coeff);
    },
    restAtLeast(out: Float64Array, sum: Float64Array, bound: Float64Array): boolean {
      const m = out.length;
      const ms = sum.length === m ? -1 : 0;
      const lim = bound[0]!;
      let ok = true;
      for (let i = 0; i < m; i++) {
        const r = 1 - sum[i & ms]!;
        if (!(r >= lim)) ok = false;
        out[i] = r > 0 ? r : 0;
      }
      return ok;
    },
  };
}
