import { selectInPlace } from "./award/_internal/orderStatistics.js";
/**
 * Summary statistics of one quantity over PSA draws.
 *
 * @example
 * ```ts
 * const s: DrawSummary = summariseDraws(new Float64Array([1, 2, 3, 4]));
 * s.mean; //=> 2.5
 * ```
 * @category Uncertainty
 */
export interface DrawSummary {
  /** Number of draws summarised. */
  readonly n: number;
  /** Sample mean. */
  readonly mean: number;
  /** Sample standard deviation (n − 1 denominator). */
  readonly sd: number;
  /** Monte Carlo standard error of the mean, sd/√n. */
  readonly mcse: number;
  /** Median. */
  readonly median: number;
  /** Lower limit of the credible interval (2.5th percentile by default). */
  readonly lower: number;
  /** Upper limit of the credible interval (97.5th percentile by default). */
  readonly upper: number;
}

/** @internal Sample quantile, type 7 of Hyndman & Fan (1996), the default of R's `quantile`: linear interpolation between order statistics. */
export function quantileSorted(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * Mean, SD, Monte Carlo standard error, median and a credible interval of draws (percentiles by type 7 of
 * Hyndman & Fan 1996, Am. Stat. 50:361–365). The mean is a plain left-to-right sum in draw order, so any split
 * of the draws that is merged back in order gives the same bits.
 *
 * @param values - the draws
 * @param level - interval coverage (default 0.95: 2.5th to 97.5th percentile)
 * @param mask - optional: only draws with `mask[d] === 1` count
 * @returns the summary (all NaN-free; an empty set of draws gives an error)
 * @example
 * ```ts
 * summariseDraws(new Float64Array([1, 2, 3, 4])).median; //=> 2.5
 * ```
 * @category Uncertainty
 */
export function summariseDraws(values: Float64Array, level = 0.95, mask?: Uint8Array): DrawSummary {
  const xs = validDraws(values, mask);
  const n = xs.length;
  if (n === 0) return { n: 0, mean: 0, sd: 0, mcse: 0, median: 0, lower: 0, upper: 0 };
  let sum = 0;
  let least = xs[0]!;
  let most = least;
  let negativeZero = false;
  for (let i = 0; i < n; i++) {
    const x = xs[i]!;
    sum += x;
    if (x < least) least = x;
    if (x > most) most = x;
    if (x === 0 && 1 / x < 0) negativeZero = true;
  }
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (xs[i]! - mean) ** 2;
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
  const a = (1 - level) / 2;
  const head = { n, mean, sd, mcse: sd / Math.sqrt(n) };
  // Every draw the same finite value (e.g. no carbon; zeros all +0): each quantile is that value (x + (h − lo)·0).
  if (least === most && Number.isFinite(least) && !(least === 0 && negativeZero)) return { ...head, median: least, lower: least, upper: least };
  // Order statistics by selection (expected O(n)) give the same figures as a full sort; a NaN (which
  // selection cannot place) falls back to the sort.
  if (Number.isNaN(sum)) {
    xs.sort();
    return { ...head, median: quantileSorted(xs, 0.5), lower: quantileSorted(xs, a), upper: quantileSorted(xs, 1 - a) };
  }
  const [lower, median, upper] = threeQuantiles(xs, a, 0.5, 1 - a);
  return { ...head, median, lower, upper };
}

/** The least value of `a[from…to]` (Infinity when empty). */
function leastOf(a: Float64Array, from: number, to: number): number {
  let y = Infinity;
  for (let i = from; i <= to; i++) if (a[i]! < y) y = a[i]!;
  return y;
}

/**
 * The type 7 quantiles p1 ≤ p2 ≤ p3 of {@link quantileSorted} by selection (no NaN): the middle one over the
 * whole array, then the lower one left of it and the upper one right of it only, so the three cost little more
 * than one. Each quantile interpolates between the order statistics lo and lo + 1 of h = (n − 1)·p, the same
 * numbers a sort gives. Reorders `a`; other orders of p fall back to one selection each.
 */
function threeQuantiles(a: Float64Array, p1: number, p2: number, p3: number): [number, number, number] {
  const n = a.length;
  const h1 = (n - 1) * p1;
  const h2 = (n - 1) * p2;
  const h3 = (n - 1) * p3;
  const k1 = Math.floor(h1);
  const k2 = Math.floor(h2);
  const k3 = Math.floor(h3);
  if (!(0 <= k1 && k1 <= k2 && k2 <= k3 && k3 < n)) return [quantileSelected(a, p1), quantileSelected(a, p2), quantileSelected(a, p3)];
  const x2 = selectInPlace(a, k2);
  // a[0…k2 − 1] ≤ x2 ≤ a[k2 + 1…n − 1].
  const x1 = k1 < k2 ? selectInPlace(a, k1, 0, k2 - 1) : x2;
  const x3 = k3 > k2 ? selectInPlace(a, k3, k2 + 1, n - 1) : x2;
  // The order statistic after each: the least value of the ranks above it up to the next selected one.
  const y1 = k1 + 1 >= n ? x1 : k1 < k2 ? (k1 + 1 < k2 ? leastOf(a, k1 + 1, k2 - 1) : x2) : k2 < k3 ? leastOf(a, k2 + 1, k3) : leastOf(a, k2 + 1, n - 1);
  const y2 = k2 + 1 >= n ? x2 : k2 < k3 ? leastOf(a, k2 + 1, k3) : leastOf(a, k2 + 1, n - 1);
  const y3 = k3 + 1 >= n ? x3 : leastOf(a, k3 + 1, n - 1);
  return [x1 + (h1 - k1) * (y1 - x1), x2 + (h2 - k2) * (y2 - x2), x3 + (h3 - k3) * (y3 - x3)];
}

/** A copy of the draws with `mask[d] === 1` (all without a mask), in draw order. */
function validDraws(values: Float64Array, mask: Uint8Array | undefined): Float64Array {
  if (mask === undefined) return values.slice();
  let n = 0;
  for (let d = 0; d < values.length; d++) n += mask[d] === 1 ? 1 : 0;
  const out = new Float64Array(n);
  let j = 0;
  for (let d = 0; d < values.length; d++) if (mask[d] === 1) out[j++] = values[d]!;
  return out;
}

/**
 * The type 7 quantile of {@link quantileSorted} by Hoare's selection (CACM 4(7) 321, 1961) instead of a sort:
 * the order statistics it interpolates are the same numbers. Reorders `a` (no NaN).
 */
function quantileSelected(a: Float64Array, p: number): number {
  const n = a.length;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const x = selectInPlace(a, lo);
  // Every value right of lo is now ≥ a[lo]: the next order statistic is their minimum.
  let y = x;
  if (lo + 1 < n) {
    y = Infinity;
    for (let i = lo + 1; i < n; i++) if (a[i]! < y) y = a[i]!;
  }
  return x + (h - lo) * (y - x);
}
