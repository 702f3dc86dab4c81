import { Dec, decString, LEDGER_SCALE } from "./decimal.js";
import { flatString } from "./flatString.js";

/**
 * @internal An exact decimal as an integer mantissa and a count of decimal places: value = m × 10^−s.
 *
 * Why: the ledger holds every amount at `LEDGER_SCALE` (20) decimal places, so a ledger amount is an
 * integer number of 10^−20 units. Multiplying and adding those as BigInt is exact and several times faster
 * (and far lighter on the garbage collector) than Decimal objects, which matters at 10^6+ cash flows. Every
 * value that is not a terminating decimal (discount factors, index ratios, divisions) is still computed by
 * `Dec` to 50 significant digits and only then converted, exactly, to a Fixed.
 */
export interface Fixed {
  readonly m: bigint;
  readonly s: number;
}

const POW10: readonly bigint[] = Object.freeze(Array.from({ length: 400 }, (_, i) => 10n ** BigInt(i)));

function pow10(n: number): bigint {
  return POW10[n] ?? 10n ** BigInt(n);
}

/** @internal The exact value of a (finite) Dec as a Fixed. */
export function fixedOf(d: Dec): Fixed {
  const text = decString(d);
  const point = text.indexOf(".");
  if (point < 0) return { m: BigInt(text), s: 0 };
  return { m: BigInt(text.slice(0, point) + text.slice(point + 1)), s: text.length - point - 1 };
}

const DECIMAL_PARTS = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * @internal The exact value of a decimal string (as validated by `decimalSchema`: `"12.50"`, `"-3"`, `"1e3"`,
 * `".5"`) as a Fixed, without going through a Decimal object. Returns undefined for anything else.
 */
export function fixedFromString(text: string): Fixed | undefined {
  const parts = DECIMAL_PARTS.exec(text);
  if (parts === null) return undefined;
  const [, sign = "", whole = "", frac = "", exp = "0"] = parts;
  if (whole === "" && frac === "") return undefined;
  let m = BigInt(`${sign === "-" ? "-" : ""}${whole}${frac}` || "0");
  let s = frac.length - Number(exp);
  if (s < 0) {
    m *= pow10(-s);
    s = 0;
  }
  return { m, s };
}

/**
 * @internal Digits before and after the point of a decimal string's value (`"1.5e3"` → 4 and 0), to bound
 * magnitudes before any arithmetic. Undefined when the text is not a decimal.
 */
export function decimalShape(text: string): { readonly integerDigits: number; readonly places: number } | undefined {
  const parts = DECIMAL_PARTS.exec(text);
  if (parts === null) return undefined;
  const [, , whole = "", frac = "", exp = "0"] = parts;
  const digits = `${whole}${frac}`.replace(/^0+/, "");
  if (digits === "") return { integerDigits: 0, places: 0 };
  const e = Number(exp);
  const trimmedFrac = frac.replace(/0+$/, "");
  const integerDigits = whole.replace(/^0+/, "").length + e;
  return { integerDigits: Math.max(0, integerDigits), places: Math.max(0, trimmedFrac.length - e) };
}

/**
 * @internal n ÷ d (d a small positive whole number: 12 months, 60 minutes, a service life in periods) as a
 * Fixed, by one division of the exact numerator: exact whenever the quotient is a terminating decimal of at
 * most 50 significant digits (18 × 4,988 uses ÷ 12 is exactly 7,482; 4,515 ÷ 2 is 2,257.5), else the quotient
 * to 50 significant digits (5 ÷ 12 as 0.41666…67). Dividing once, after every exact product, is what keeps a
 * terminating share free of rounding noise such as 7,482.000…06.
 */
export function quotientFixed(n: Fixed, d: number): Fixed {
  return d === 1 ? n : fixedOf(new Dec(fixedString(n.m, n.s)).div(d));
}

/** @internal Exact product. */
export function mulFixed(a: Fixed, b: Fixed): Fixed {
  return { m: a.m * b.m, s: a.s + b.s };
}

/**
 * @internal `a × b` rounded half-even to `LEDGER_SCALE` (20) places, as the integer number of 10^−20 units:
 * a single rounding of the exact product.
 */
export function mulToLedger(a: Fixed, b: Fixed): bigint {
  return roundToLedger(a.m * b.m, a.s + b.s);
}

/** @internal m × 10^−s rounded half-even to the ledger scale, as an integer of 10^−20 units. */
export function roundToLedger(m: bigint, s: number): bigint {
  if (s <= LEDGER_SCALE) return m * pow10(LEDGER_SCALE - s);
  return roundQuotient(m, s - LEDGER_SCALE);
}

/** m ÷ 10^k (k ≥ 1) rounded half-even to an integer. */
function roundQuotient(m: bigint, k: number): bigint {
  const div = pow10(k);
  const q = m / div; // truncates toward zero
  const r = m - q * div; // same sign as m (a product is cheaper than the second division of m % div)
  if (r === 0n) return q;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice > div || (twice === div && (q & 1n) !== 0n)) return m < 0n ? q - 1n : q + 1n;
  return q;
}

/** @internal Canonical decimal string of m × 10^−s (no exponent, no trailing zeros, "0" for zero). */
export function fixedString(m: bigint, s: number = LEDGER_SCALE): string {
  if (m === 0n) return "0";
  const neg = m < 0n;
  let digits = (neg ? -m : m).toString();
  if (s > 0) {
    if (digits.length <= s) digits = "0".repeat(s - digits.length + 1) + digits;
    const cut = digits.length - s;
    let frac = digits.slice(cut);
    let end = frac.length;
    while (end > 0 && frac.charCodeAt(end - 1) === 48) end--;
    frac = frac.slice(0, end);
    digits = frac.length > 0 ? `${digits.slice(0, cut)}.${frac}` : digits.slice(0, cut);
  } else if (s < 0) digits += "0".repeat(-s);
  return flatString(neg ? `-${digits}` : digits);
}

/** Significant digits of a quotient, as the library's Decimal holds it. */
const PRECISION = 50;

/**
 * @internal `n × 10^−ns ÷ d` (n in ledger units unless `ns` says otherwise, d ≠ 0) as the library's Decimal
 * `div` gives it: the quotient rounded half-even to 50 significant digits, in integers alone.
 */
export function decimalQuotient(n: bigint, d: Fixed, ns: number = LEDGER_SCALE): Fixed {
  if (n === 0n) return { m: 0n, s: 0 };
  const num = n < 0n ? -n : n;
  const den = d.m < 0n ? -d.m : d.m;
  // num ÷ den lies in [10^(a−b−1), 10^(a−b+1)): with k = 50 − (a − b), ⌊num × 10^k ÷ den⌋ has 50 or 51 digits;
  // 51 when num's leading digits are at least den's, and then one place fewer is taken (no second division).
  const a = digitCount(num);
  const b = digitCount(den);
  const k = PRECISION - (a - b) - ((a >= b ? num >= den * pow10(a - b) : num * pow10(b - a) >= den) ? 1 : 0);
  const top = k >= 0 ? num * pow10(k) : num;
  const divisor = k >= 0 ? den : den * pow10(-k);
  let q = top / divisor;
  const r = top - q * divisor; // the remainder, by a product rather than a second division
  const twice = r * 2n;
  if (twice > divisor || (twice === divisor && (q & 1n) !== 0n)) q++;
  // The value is q × 10^(d.s − ns − k).
  return { m: n < 0n !== d.m < 0n ? -q : q, s: ns + k - d.s };
}

/**
 * @internal {@link decimalQuotient} then held at the ledger scale, in ledger units: the same two roundings as
 * `toLedgerScale(new Dec(…).div(d))` (half-even to 50 significant digits, then to 20 places).
 */
export function ledgerQuotient(n: bigint, d: Fixed, ns: number = LEDGER_SCALE): bigint {
  const q = decimalQuotient(n, d, ns);
  return roundToLedger(q.m, q.s);
}

/**
 * @internal m × 10^−s as the library's Decimal gives an exact result (half-even to 50 significant digits),
 * then held at the ledger scale (half-even to 20 places), in ledger units: `toLedgerScale` of a Decimal
 * `times` or `plus` whose exact result is m × 10^−s, in integers alone.
 */
export function decimalToLedger(m: bigint, s: number): bigint {
  const abs = m < 0n ? -m : m;
  if (abs < P50) return s === LEDGER_SCALE ? m : roundToLedger(m, s);
  const cut = digitCount(abs) - PRECISION;
  const k = s - LEDGER_SCALE;
  if (k > cut) {
    // Rounding to 50 digits, then to 20 places, gives what one rounding by 10^k gives unless the remainder lies
    // within half a unit of the 50th digit from the halfway point: one division instead of two, almost always.
    const div = pow10(k);
    const q = m / div;
    const r = m - q * div;
    const off = (r < 0n ? -r : r) * 2n - div;
    if ((off < 0n ? -off : off) > pow10(cut)) return off < 0n ? q : m < 0n ? q - 1n : q + 1n;
  }
  return roundToLedger(roundQuotient(m, cut), s - cut);
}

/** 10^50: the first value with more significant digits than the library's Decimal keeps. */
const P50 = pow10(PRECISION);

/**
 * Decimal digits of x ≥ 0 (0 for 0), counted against the powers of ten eight at a time, then one by one: no
 * text is made (as `toString().length` would), and an amount of 25-75 digits takes about a dozen comparisons.
 */
function digitCount(x: bigint): number {
  let n = 0;
  while (x >= pow10(n + 8)) n += 8;
  while (x >= pow10(n)) n++;
  return n;
}

/** @internal An exact m × 10^−s as the library's Decimal holds a result: half-even to 50 significant digits. */
export function decimalFixed(m: bigint, s: number): Fixed {
  const abs = m < 0n ? -m : m;
  if (abs < P50) return { m, s };
  const cut = digitCount(abs) - PRECISION;
  return cut > 0 ? { m: roundQuotient(m, cut), s: s - cut } : { m, s };
}

/** @internal `a.plus(b)` (b in ledger units) as the library's Decimal gives it: the exact sum, half-even to 50 significant digits. */
export function plusLedger(a: Fixed, b: bigint): Fixed {
  const s = a.s > LEDGER_SCALE ? a.s : LEDGER_SCALE;
  return decimalFixed(a.m * pow10(s - a.s) + b * pow10(s - LEDGER_SCALE), s);
}

/** @internal `a.plus(b)` of two amounts held at the ledger scale (in ledger units), as the library's Decimal sums them. */
export function addLedger(a: bigint, b: bigint): bigint {
  return decimalToLedger(a + b, LEDGER_SCALE);
}

/**
 * @internal An amount in ledger units as the library's Decimal: the Decimal that `new Dec(fixedString(units))`
 * parses, built from the integer's digits instead of from text (parsing a decimal string is most of the cost of
 * a Decimal, and millions of amounts cross over). Decimal's documented representation: `d`, the significant
 * digits in words of 7, aligned on the decimal point (the first word holds what is left over, the last is
 * padded with zeros); `e`, the power of ten of the first digit; `s`, the sign.
 */
export function unitsDec(units: bigint): Dec {
  const x = new Dec(0) as { s: number; e: number; d: number[] };
  if (units === 0n) return x as Dec;
  const digits = (units < 0n ? -units : units).toString();
  let end = digits.length;
  while (digits.charCodeAt(end - 1) === 48) end--;
  const e = digits.length - 1 - LEDGER_SCALE;
  const d: number[] = [];
  let left = (((e + 1) % 7) + 7) % 7 || 7;
  let w = 0;
  for (let i = 0; i < end; i++) {
    w = w * 10 + digits.charCodeAt(i) - 48;
    if (--left === 0) {
      d.push(w);
      w = 0;
      left = 7;
    }
  }
  if (left < 7) {
    // Padded by whole-number steps: `10 ** left` is a double, and one double word makes V8 hold every word of
    // the array as doubles, a second kind of digit array that slows every Decimal operation meeting it.
    for (; left > 0; left--) w *= 10;
    d.push(w);
  }
  x.s = units < 0n ? -1 : 1;
  x.e = e;
  x.d = d;
  return x as Dec;
}

/** @internal `toLedgerScale(a.times(b))` in ledger units (see {@link decimalToLedger}). */
export function timesToLedger(a: Fixed, b: Fixed): bigint {
  return decimalToLedger(a.m * b.m, a.s + b.s);
}

/** @internal Exact `a − b`. */
export function minusFixed(a: Fixed, b: Fixed): Fixed {
  const s = a.s > b.s ? a.s : b.s;
  return { m: a.m * pow10(s - a.s) - b.m * pow10(s - b.s), s };
}

/** @internal Whether an integer has at most 50 digits: a decimal with that mantissa is exactly what the library's Decimal would hold. */
export function withinPrecision(m: bigint): boolean {
  return (m < 0n ? -m : m) < P50;
}

/**
 * @internal A decimal held to at most 20 places (a score's points, a ledger amount) in ledger units, exactly
 * (a decimal with more places would be rounded half-even to 20).
 */
export function ledgerUnitsOf(d: Dec): bigint {
  const f = fixedOf(d);
  return roundToLedger(f.m, f.s);
}

/** @internal `a.minus(b)` as the library's Decimal gives it: the exact difference, half-even to 50 significant digits. */
export function minusDecimal(a: Fixed, b: Fixed): Fixed {
  const d = minusFixed(a, b);
  return decimalFixed(d.m, d.s);
}

/** @internal The order of two exact decimals: negative when a < b, 0 when equal, positive when a > b. */
export function compareFixed(a: Fixed, b: Fixed): number {
  const d = minusFixed(a, b).m;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** @internal A decimal rounded half-even to `places` (≥ 0) decimal places, as `toDecimalPlaces(places)` rounds it. */
export function fixedAt(a: Fixed, places: number): Fixed {
  return a.s > places ? { m: roundQuotient(a.m, a.s - places), s: places } : a;
}

/**
 * @internal |change| ÷ |base| as a percentage to `places` places, as
 * `change.abs().div(base.abs()).times(100).toDecimalPlaces(places)` gives it, in integers ("" for a zero base):
 * the quotient half-even to 50 significant digits (times 100 moves its point and rounds nothing), then half-even
 * to `places`.
 */
export function percentText(change: Fixed, base: Fixed, places: number): string {
  if (base.m === 0n) return "";
  const q = decimalQuotient(change.m, base, change.s);
  const r = fixedAt({ m: q.m < 0n ? -q.m : q.m, s: q.s - 2 }, places);
  return fixedString(r.m, r.s);
}
