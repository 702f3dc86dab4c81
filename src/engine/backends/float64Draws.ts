/**
 * Operations of the Float64 backend that only a run over many draws uses (one pass over the draws where the
 * kernel would otherwise issue several): kept apart so that a single evaluation does not load them.
 *
 * @module
 */
import { RULE, type Rule } from "./calculator.js";
import { Float64Calculator } from "./float64.js";

/**
 * out := a[0] × b[0] + a[1] × b[1] + … in one pass when every input is as wide as `out` and there are 1 to 4
 * terms (added in order), and acc += out × c (c one value for every lane) in the same pass when `acc` is
 * given; false otherwise (nothing written).
 *
 * Every loop of this module takes four lanes a step (then the rest one by one): V8 checks each array it
 * reads (its map, length and buffer) once a step, not once a lane, which is most of a lane's work. Each lane
 * gets the same operations in the same order as one lane a step, so the same numbers.
 */
function dotWide(out: Float64Array, a: readonly Float64Array[], b: readonly Float64Array[], count: number, acc: Float64Array | undefined, c: number): boolean {
  const m = out.length;
  if (count < 1 || count > 4) return false;
  for (let j = 0; j < count; j++) if (a[j]!.length !== m || b[j]!.length !== m) return false;
  if (acc !== undefined && acc.length !== m) return false;
  const a0 = a[0]!, b0 = b[0]!;
  const m4 = m - (m & 3);
  if (count === 1) {
    if (acc === undefined) {
      let i = 0;
      for (; i < m4; i += 4) {
        out[i] = a0[i]! * b0[i]!;
        out[i + 1] = a0[i + 1]! * b0[i + 1]!;
        out[i + 2] = a0[i + 2]! * b0[i + 2]!;
        out[i + 3] = a0[i + 3]! * b0[i + 3]!;
      }
      for (; i < m; i++) out[i] = a0[i]! * b0[i]!;
    } else {
      let i = 0;
      for (; i < m4; i += 4) {
        const v0 = a0[i]! * b0[i]!;
        const v1 = a0[i + 1]! * b0[i + 1]!;
        const v2 = a0[i + 2]! * b0[i + 2]!;
        const v3 = a0[i + 3]! * b0[i + 3]!;
        out[i] = v0;
        out[i + 1] = v1;
        out[i + 2] = v2;
        out[i + 3] = v3;
        acc[i] = acc[i]! + v0 * c;
        acc[i + 1] = acc[i + 1]! + v1 * c;
        acc[i + 2] = acc[i + 2]! + v2 * c;
        acc[i + 3] = acc[i + 3]! + v3 * c;
      }
      for (; i < m; i++) {
        const v = a0[i]! * b0[i]!;
        out[i] = v;
        acc[i] = acc[i]! + v * c;
      }
    }
    return true;
  }
  const a1 = a[1]!, b1 = b[1]!;
  if (count === 2) {
    if (acc === undefined) {
      let i = 0;
      for (; i < m4; i += 4) {
        out[i] = a0[i]! * b0[i]! + a1[i]! * b1[i]!;
        out[i + 1] = a0[i + 1]! * b0[i + 1]! + a1[i + 1]! * b1[i + 1]!;
        out[i + 2] = a0[i + 2]! * b0[i + 2]! + a1[i + 2]! * b1[i + 2]!;
        out[i + 3] = a0[i + 3]! * b0[i + 3]! + a1[i + 3]! * b1[i + 3]!;
      }
      for (; i < m; i++) out[i] = a0[i]! * b0[i]! + a1[i]! * b1[i]!;
    } else {
      let i = 0;
      for (; i < m4; i += 4) {
        const v0 = a0[i]! * b0[i]! + a1[i]! * b1[i]!;
        const v1 = a0[i + 1]! * b0[i + 1]! + a1[i + 1]! * b1[i + 1]!;
        const v2 = a0[i + 2]! * b0[i + 2]! + a1[i + 2]! * b1[i + 2]!;
        const v3 = a0[i + 3]! * b0[i + 3]! + a1[i + 3]! * b1[i + 3]!;
        out[i] = v0;
        out[i + 1] = v1;
        out[i + 2] = v2;
        out[i + 3] = v3;
        acc[i] = acc[i]! + v0 * c;
        acc[i + 1] = acc[i + 1]! + v1 * c;
        acc[i + 2] = acc[i + 2]! + v2 * c;
        acc[i + 3] = acc[i + 3]! + v3 * c;
      }
      for (; i < m; i++) {
        const v = a0[i]! * b0[i]! + a1[i]! * b1[i]!;
        out[i] = v;
        acc[i] = acc[i]! + v * c;
      }
    }
    return true;
  }
  const a2 = a[2]!, b2 = b[2]!;
  if (count === 3) {
    if (acc === undefined) {
      let i = 0;
      for (; i < m4; i += 4) {
        out[i] = a0[i]! * b0[i]! + a1[i]! * b1[i]! + a2[i]! * b2[i]!;
        out[i + 1] = a0[i + 1]! * b0[i + 1]! + a1[i + 1]! * b1[i + 1]! + a2[i + 1]! * b2[i + 1]!;
        out[i + 2] = a0[i + 2]! * b0[i + 2]! + a1[i + 2]! * b1[i + 2]! + a2[i + 2]! * b2[i + 2]!;
        out[i + 3] = a0[i + 3]! * b0[i + 3]! + a1[i + 3]! * b1[i + 3]! + a2[i + 3]! * b2[i + 3]!;
      }
      for (; i < m; i++) out[i] = a0[i]! * b0[i]! + a1[i]! * b1[i]! + a2[i]! * b2[i]!;
    } else {
      let i = 0;
      for (; i < m4; i += 4) {
        const v0 = a0[i]! * b0[i]! + a1[i]! * b1[i]! + a2[i]! * b2[i]!;
        const v1 = a0[i + 1]! * b0[i + 1]! + a1[i + 1]! * b1[i + 1]! + a2[i + 1]! * b2[i + 1]!;
        const v2 = a0[i + 2]! * b0[i + 2]! + a1[i + 2]! * b1[i + 2]! + a2[i + 2]! * b2[i + 2]!;
        const v3 = a0[i + 3]! * b0[i + 3]! + a1[i + 3]! * b1[i + 3]! + a2[i + 3]! * b2[i + 3]!;
        out[i] = v0;
        out[i + 1] = v1;
        out[i + 2] = v2;
        out[i + 3] = v3;
        acc[i] = acc[i]! + v0 * c;
        acc[i + 1] = acc[i + 1]! + v1 * c;
        acc[i + 2] = acc[i + 2]! + v2 * c;
        acc[i + 3] = acc[i + 3]! + v3 * c;
      }
      for (; i < m; i++) {
        const v = a0[i]! * b0[i]! + a1[i]! * b1[i]! + a2[i]! * b2[i]!;
        out[i] = v;
        acc[i] = acc[i]! + v * c;
      }
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
  if (count === 1 && m0 === -1) {
    const m4 = m - (m & 3);
    let i = 0;
    for (; i < m4; i += 4) {
      const r0 = 1 - t0[i]!;
      const r1 = 1 - t0[i + 1]!;
      const r2 = 1 - t0[i + 2]!;
      const r3 = 1 - t0[i + 3]!;
      if (!(r0 >= lim && r1 >= lim && r2 >= lim && r3 >= lim)) ok = false;
      out[i] = r0 > 0 ? r0 : 0;
      out[i + 1] = r1 > 0 ? r1 : 0;
      out[i + 2] = r2 > 0 ? r2 : 0;
      out[i + 3] = r3 > 0 ? r3 : 0;
    }
    for (; i < m; i++) {
      const r = 1 - t0[i]!;
      if (!(r >= lim)) ok = false;
      out[i] = r > 0 ? r : 0;
    }
    return ok;
  }
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
      const m4 = m - (m & 3);
      let i = 0;
      for (; i < m4; i += 4) {
        const r0 = 1 - (t0[i]! + t1[i]!);
        const r1 = 1 - (t0[i + 1]! + t1[i + 1]!);
        const r2 = 1 - (t0[i + 2]! + t1[i + 2]!);
        const r3 = 1 - (t0[i + 3]! + t1[i + 3]!);
        if (!(r0 >= lim && r1 >= lim && r2 >= lim && r3 >= lim)) ok = false;
        out[i] = r0 > 0 ? r0 : 0;
        out[i + 1] = r1 > 0 ? r1 : 0;
        out[i + 2] = r2 > 0 ? r2 : 0;
        out[i + 3] = r3 > 0 ? r3 : 0;
      }
      for (; i < m; i++) {
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

function add4(out: Float64Array, a: Float64Array, b: Float64Array): void {
  const m = out.length;
  const m4 = m - (m & 3);
  let i = 0;
  if (a.length === m && b.length === m) {
    for (; i < m4; i += 4) {
      const x0 = a[i]!;
      const y0 = b[i]!;
      const x1 = a[i + 1]!;
      const y1 = b[i + 1]!;
      const x2 = a[i + 2]!;
      const y2 = b[i + 2]!;
      const x3 = a[i + 3]!;
      const y3 = b[i + 3]!;
      out[i] = x0 + y0;
      out[i + 1] = x1 + y1;
      out[i + 2] = x2 + y2;
      out[i + 3] = x3 + y3;
    }
    for (; i < m; i++) {
      const x = a[i]!;
      const y = b[i]!;
      out[i] = x + y;
    }
  } else if (a.length === m) {
    const y = b[0]!;
    for (; i < m4; i += 4) {
      const x0 = a[i]!;
      const x1 = a[i + 1]!;
      const x2 = a[i + 2]!;
      const x3 = a[i + 3]!;
      out[i] = x0 + y;
      out[i + 1] = x1 + y;
      out[i + 2] = x2 + y;
      out[i + 3] = x3 + y;
    }
    for (; i < m; i++) {
      const x = a[i]!;
      out[i] = x + y;
    }
  } else if (b.length === m) {
    const x = a[0]!;
    for (; i < m4; i += 4) {
      const y0 = b[i]!;
      const y1 = b[i + 1]!;
      const y2 = b[i + 2]!;
      const y3 = b[i + 3]!;
      out[i] = x + y0;
      out[i + 1] = x + y1;
      out[i + 2] = x + y2;
      out[i + 3] = x + y3;
    }
    for (; i < m; i++) {
      const y = b[i]!;
      out[i] = x + y;
    }
  } else {
    const x = a[0]!;
    const y = b[0]!;
    out.fill(x + y);
  }
}

function sub4(out: Float64Array, a: Float64Array, b: Float64Array): void {
  const m = out.length;
  const m4 = m - (m & 3);
  let i = 0;
  if (a.length === m && b.length === m) {
    for (; i < m4; i += 4) {
      const x0 = a[i]!;
      const y0 = b[i]!;
      const x1 = a[i + 1]!;
      const y1 = b[i + 1]!;
      const x2 = a[i + 2]!;
      const y2 = b[i + 2]!;
      const x3 = a[i + 3]!;
      const y3 = b[i + 3]!;
      out[i] = x0 - y0;
      out[i + 1] = x1 - y1;
      out[i + 2] = x2 - y2;
      out[i + 3] = x3 - y3;
    }
    for (; i < m; i++) {
      const x = a[i]!;
      const y = b[i]!;
      out[i] = x - y;
    }
  } else if (a.length === m) {
    const y = b[0]!;
    for (; i < m4; i += 4) {
      const x0 = a[i]!;
      const x1 = a[i + 1]!;
      const x2 = a[i + 2]!;
      const x3 = a[i + 3]!;
      out[i] = x0 - y;
      out[i + 1] = x1 - y;
      out[i + 2] = x2 - y;
      out[i + 3] = x3 - y;
    }
    for (; i < m; i++) {
      const x = a[i]!;
      out[i] = x - y;
    }
  } else if (b.length === m) {
    const x = a[0]!;
    for (; i < m4; i += 4) {
      const y0 = b[i]!;
      const y1 = b[i + 1]!;
      const y2 = b[i + 2]!;
      const y3 = b[i + 3]!;
      out[i] = x - y0;
      out[i + 1] = x - y1;
      out[i + 2] = x - y2;
      out[i + 3] = x - y3;
    }
    for (; i < m; i++) {
      const y = b[i]!;
      out[i] = x - y;
    }
  } else {
    const x = a[0]!;
    const y = b[0]!;
    out.fill(x - y);
  }
}

function mul4(out: Float64Array, a: Float64Array, b: Float64Array): void {
  const m = out.length;
  const m4 = m - (m & 3);
  let i = 0;
  if (a.length === m && b.length === m) {
    for (; i < m4; i += 4) {
      const x0 = a[i]!;
      const y0 = b[i]!;
      const x1 = a[i + 1]!;
      const y1 = b[i + 1]!;
      const x2 = a[i + 2]!;
      const y2 = b[i + 2]!;
      const x3 = a[i + 3]!;
      const y3 = b[i + 3]!;
      out[i] = x0 * y0;
      out[i + 1] = x1 * y1;
      out[i + 2] = x2 * y2;
      out[i + 3] = x3 * y3;
    }
    for (; i < m; i++) {
      const x = a[i]!;
      const y = b[i]!;
      out[i] = x * y;
    }
  } else if (a.length === m) {
    const y = b[0]!;
    for (; i < m4; i += 4) {
      const x0 = a[i]!;
      const x1 = a[i + 1]!;
      const x2 = a[i + 2]!;
      const x3 = a[i + 3]!;
      out[i] = x0 * y;
      out[i + 1] = x1 * y;
      out[i + 2] = x2 * y;
      out[i + 3] = x3 * y;
    }
    for (; i < m; i++) {
      const x = a[i]!;
      out[i] = x * y;
    }
  } else if (b.length === m) {
    const x = a[0]!;
    for (; i < m4; i += 4) {
      const y0 = b[i]!;
      const y1 = b[i + 1]!;
      const y2 = b[i + 2]!;
      const y3 = b[i + 3]!;
      out[i] = x * y0;
      out[i + 1] = x * y1;
      out[i + 2] = x * y2;
      out[i + 3] = x * y3;
    }
    for (; i < m; i++) {
      const y = b[i]!;
      out[i] = x * y;
    }
  } else {
    const x = a[0]!;
    const y = b[0]!;
    out.fill(x * y);
  }
}

function div4(out: Float64Array, a: Float64Array, b: Float64Array): void {
  const m = out.length;
  const m4 = m - (m & 3);
  let i = 0;
  if (a.length === m && b.length === m) {
    for (; i < m4; i += 4) {
      const x0 = a[i]!;
      const y0 = b[i]!;
      const x1 = a[i + 1]!;
      const y1 = b[i + 1]!;
      const x2 = a[i + 2]!;
      const y2 = b[i + 2]!;
      const x3 = a[i + 3]!;
      const y3 = b[i + 3]!;
      out[i] = x0 / y0;
      out[i + 1] = x1 / y1;
      out[i + 2] = x2 / y2;
      out[i + 3] = x3 / y3;
    }
    for (; i < m; i++) {
      const x = a[i]!;
      const y = b[i]!;
      out[i] = x / y;
    }
  } else if (a.length === m) {
    const y = b[0]!;
    for (; i < m4; i += 4) {
      const x0 = a[i]!;
      const x1 = a[i + 1]!;
      const x2 = a[i + 2]!;
      const x3 = a[i + 3]!;
      out[i] = x0 / y;
      out[i + 1] = x1 / y;
      out[i + 2] = x2 / y;
      out[i + 3] = x3 / y;
    }
    for (; i < m; i++) {
      const x = a[i]!;
      out[i] = x / y;
    }
  } else if (b.length === m) {
    const x = a[0]!;
    for (; i < m4; i += 4) {
      const y0 = b[i]!;
      const y1 = b[i + 1]!;
      const y2 = b[i + 2]!;
      const y3 = b[i + 3]!;
      out[i] = x / y0;
      out[i + 1] = x / y1;
      out[i + 2] = x / y2;
      out[i + 3] = x / y3;
    }
    for (; i < m; i++) {
      const y = b[i]!;
      out[i] = x / y;
    }
  } else {
    const x = a[0]!;
    const y = b[0]!;
    out.fill(x / y);
  }
}

function min4(out: Float64Array, a: Float64Array, b: Float64Array): void {
  const m = out.length;
  const m4 = m - (m & 3);
  let i = 0;
  if (a.length === m && b.length === m) {
    for (; i < m4; i += 4) {
      const x0 = a[i]!;
      const y0 = b[i]!;
      const x1 = a[i + 1]!;
      const y1 = b[i + 1]!;
      const x2 = a[i + 2]!;
      const y2 = b[i + 2]!;
      const x3 = a[i + 3]!;
      const y3 = b[i + 3]!;
      out[i] = x0 < y0 ? x0 : y0;
      out[i + 1] = x1 < y1 ? x1 : y1;
      out[i + 2] = x2 < y2 ? x2 : y2;
      out[i + 3] = x3 < y3 ? x3 : y3;
    }
    for (; i < m; i++) {
      const x = a[i]!;
      const y = b[i]!;
      out[i] = x < y ? x : y;
    }
  } else if (a.length === m) {
    const y = b[0]!;
    for (; i < m4; i += 4) {
      const x0 = a[i]!;
      const x1 = a[i + 1]!;
      const x2 = a[i + 2]!;
      const x3 = a[i + 3]!;
      out[i] = x0 < y ? x0 : y;
      out[i + 1] = x1 < y ? x1 : y;
      out[i + 2] = x2 < y ? x2 : y;
      out[i + 3] = x3 < y ? x3 : y;
    }
    for (; i < m; i++) {
      const x = a[i]!;
      out[i] = x < y ? x : y;
    }
  } else if (b.length === m) {
    const x = a[0]!;
    for (; i < m4; i += 4) {
      const y0 = b[i]!;
      const y1 = b[i + 1]!;
      const y2 = b[i + 2]!;
      const y3 = b[i + 3]!;
      out[i] = x < y0 ? x : y0;
      out[i + 1] = x < y1 ? x : y1;
      out[i + 2] = x < y2 ? x : y2;
      out[i + 3] = x < y3 ? x : y3;
    }
    for (; i < m; i++) {
      const y = b[i]!;
      out[i] = x < y ? x : y;
    }
  } else {
    const x = a[0]!;
    const y = b[0]!;
    out.fill(x < y ? x : y);
  }
}

function max4(out: Float64Array, a: Float64Array, b: Float64Array): void {
  const m = out.length;
  const m4 = m - (m & 3);
  let i = 0;
  if (a.length === m && b.length === m) {
    for (; i < m4; i += 4) {
      const x0 = a[i]!;
      const y0 = b[i]!;
      const x1 = a[i + 1]!;
      const y1 = b[i + 1]!;
      const x2 = a[i + 2]!;
      const y2 = b[i + 2]!;
      const x3 = a[i + 3]!;
      const y3 = b[i + 3]!;
      out[i] = x0 > y0 ? x0 : y0;
      out[i + 1] = x1 > y1 ? x1 : y1;
      out[i + 2] = x2 > y2 ? x2 : y2;
      out[i + 3] = x3 > y3 ? x3 : y3;
    }
    for (; i < m; i++) {
      const x = a[i]!;
      const y = b[i]!;
      out[i] = x > y ? x : y;
    }
  } else if (a.length === m) {
    const y = b[0]!;
    for (; i < m4; i += 4) {
      const x0 = a[i]!;
      const x1 = a[i + 1]!;
      const x2 = a[i + 2]!;
      const x3 = a[i + 3]!;
      out[i] = x0 > y ? x0 : y;
      out[i + 1] = x1 > y ? x1 : y;
      out[i + 2] = x2 > y ? x2 : y;
      out[i + 3] = x3 > y ? x3 : y;
    }
    for (; i < m; i++) {
      const x = a[i]!;
      out[i] = x > y ? x : y;
    }
  } else if (b.length === m) {
    const x = a[0]!;
    for (; i < m4; i += 4) {
      const y0 = b[i]!;
      const y1 = b[i + 1]!;
      const y2 = b[i + 2]!;
      const y3 = b[i + 3]!;
      out[i] = x > y0 ? x : y0;
      out[i + 1] = x > y1 ? x : y1;
      out[i + 2] = x > y2 ? x : y2;
      out[i + 3] = x > y3 ? x : y3;
    }
    for (; i < m; i++) {
      const y = b[i]!;
      out[i] = x > y ? x : y;
    }
  } else {
    const x = a[0]!;
    const y = b[0]!;
    out.fill(x > y ? x : y);
  }
}

/** Calculator.test on wide lanes, four a step for the common rules (the others as the backend does). */
function testWide(calc: Float64DrawCalculator, a: Float64Array, rule: Rule, bound: Float64Array | undefined, bad: Uint8Array): number {
  const m = bad.length;
  if (a.length !== m) return calc.baseTest(a, rule, bound, bad);
  let lo: number;
  let hi: number;
  if (bound === undefined && rule === RULE.probability) {
    lo = 0;
    hi = 1;
  } else if (bound === undefined && rule === RULE.nonNegative) {
    lo = 0;
    hi = Infinity;
  } else if (bound !== undefined && bound.length === 1 && m > 1 && rule === RULE.atLeast) {
    lo = bound[0]!;
    hi = Infinity;
  } else if (bound !== undefined && bound.length === 1 && m > 1 && rule === RULE.atMost) {
    lo = -Infinity;
    hi = bound[0]!;
  } else return calc.baseTest(a, rule, bound, bad);
  // x ≥ lo and x ≤ hi (NaN fails both; an infinite limit makes its side hold for every number but NaN).
  let count = 0;
  const m4 = m - (m & 3);
  let i = 0;
  for (; i < m4; i += 4) {
    const x0 = a[i]!;
    const x1 = a[i + 1]!;
    const x2 = a[i + 2]!;
    const x3 = a[i + 3]!;
    if (x0 >= lo && x0 <= hi && x1 >= lo && x1 <= hi && x2 >= lo && x2 <= hi && x3 >= lo && x3 <= hi) continue;
    for (let j = i; j < i + 4; j++) {
      const x = a[j]!;
      if (bad[j] === 0 && !(x >= lo && x <= hi)) {
        bad[j] = 1;
        count++;
      }
    }
  }
  for (; i < m; i++) {
    const x = a[i]!;
    if (bad[i] === 0 && !(x >= lo && x <= hi)) {
      bad[i] = 1;
      count++;
    }
  }
  return count;
}

/**
 * The Float64 calculator with the one-pass operations of a run over draws (`dot`, `restAtLeast`) and the
 * four-lanes-a-step loops: a subclass, so every instance has one shape and its operations live on the
 * prototype (the kernel's call sites stay monomorphic run after run).
 */
export class Float64DrawCalculator extends Float64Calculator {
  override add(out: Float64Array, a: Float64Array, b: Float64Array): void {
    add4(out, a, b);
  }
  override sub(out: Float64Array, a: Float64Array, b: Float64Array): void {
    sub4(out, a, b);
  }
  override mul(out: Float64Array, a: Float64Array, b: Float64Array): void {
    mul4(out, a, b);
  }
  override div(out: Float64Array, a: Float64Array, b: Float64Array): void {
    div4(out, a, b);
  }
  override min(out: Float64Array, a: Float64Array, b: Float64Array): void {
    min4(out, a, b);
  }
  override max(out: Float64Array, a: Float64Array, b: Float64Array): void {
    max4(out, a, b);
  }
  override test(a: Float64Array, rule: Rule, bound: Float64Array | undefined, bad: Uint8Array): number {
    return testWide(this, a, rule, bound, bad);
  }
  /** The base backend's test (the rules `testWide` does not take four lanes a step). */
  baseTest(a: Float64Array, rule: Rule, bound: Float64Array | undefined, bad: Uint8Array): number {
    return super.test(a, rule, bound, bad);
  }
  dot(out: Float64Array, a: readonly Float64Array[], b: readonly Float64Array[], count: number, acc?: Float64Array, coeff?: Float64Array): void {
    // The accumulator in the same pass when its coefficient is one value for every lane (as mulAdd: acc + out × c).
    const fuse = acc !== undefined && coeff !== undefined && coeff.length === 1;
    if (dotWide(out, a, b, count, fuse ? acc : undefined, fuse ? coeff[0]! : 0)) {
      if (!fuse && acc !== undefined && coeff !== undefined) this.mulAdd(acc, out, coeff);
      return;
    }
    super.mul(out, a[0]!, b[0]!);
    for (let j = 1; j < count; j++) this.mulAdd(out, a[j]!, b[j]!);
    if (acc !== undefined && coeff !== undefined) this.mulAdd(acc, out, coeff);
  }
  restAtLeast(out: Float64Array, terms: readonly Float64Array[], count: number, bound: Float64Array): boolean {
    return restOfTerms(out, terms, count, bound[0]!);
  }
}
