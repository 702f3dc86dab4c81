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
  let xs = values;
  if (mask !== undefined) {
    // The valid draws, in draw order (a plain loop: no callback per draw).
    let kept = 0;
    for (let d = 0; d < values.length; d++) kept += mask[d] === 1 ? 1 : 0;
    if (kept !== values.length) {
      xs = new Float64Array(kept);
      let j = 0;
      for (let d = 0; d < values.length; d++) if (mask[d] === 1) xs[j++] = values[d]!;
    }
  }
  const n = xs.length;
  if (n === 0) return { n: 0, mean: 0, sd: 0, mcse: 0, median: 0, lower: 0, upper: 0 };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += xs[i]!;
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (xs[i]! - mean) ** 2;
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
  const sorted = xs.slice().sort();
  const a = (1 - level) / 2;
  return { n, mean, sd, mcse: sd / Math.sqrt(n), median: quantileSorted(sorted, 0.5), lower: quantileSorted(sorted, a), upper: quantileSorted(sorted, 1 - a) };
}
