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

/**
 * out := max(1 − (terms[0] + terms[1] + …), 0) in one pass (the terms added in order, as a row's sum is),
 * each term as wide as `out` or one value for every lane; true when every lane had 1 − sum ≥ lim.
 */
function restOfTerms(out: Float64Array, terms: readonly Float64Array[], count: number, lim: number): boolean {
  const m = out.length;
  let ok = true;
  const t0 = terms[0]!;
  const m0 = t0.length === m ? -1 : 0;
  if (count === 1) {
    for (let i = 0; i < m; i++) {
      const r = 1 - t0[i & m0]!;
      if (!(r >= lim)) ok = false;
      out[i] = r > 0 ? r : 0;
    }
    return ok;
  }
  const t1 = terms[1]!;
  const m1 = t1.length === m ? -1 : 0;
  if (count === 2) {
    if (m0 === -1 && m1 === -1) {
      for (let i = 0; i < m; i++) {
        const r = 1 - (t0[i]! + t1[i]!);
        if (!(r >= lim)) ok = false;
        out[i] = r > 0 ? r : 0;
      }
    } else {
      for (let i = 0; i < m; i++) {
        const r = 1 - (t0[i & m0]! + t1[i & m1]!);
        if (!(r >= lim)) ok = false;
        out[i] = r > 0 ? r : 0;
      }
    }
    return ok;
  }
  // Three or more terms: the sum in order, term by term.
  for (let i = 0; i < m; i++) {
    let s = t0[i & m0]! + t1[i & m1]!;
    for (let j = 2; j < count; j++) {
      const t = terms[j]!;
      s += t[t.length === m ? i : 0]!;
    }
    const r = 1 - s;
    if (!(r >= lim)) ok = false;
    out[i] = r > 0 ? r : 0;
  }
  return ok;
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
    restAtLeast(out: Float64Array, terms: readonly Float64Array[], count: number, bound: Float64Array): boolean {
      return restOfTerms(out, terms, count, bound[0]!);
    },
  };
}
