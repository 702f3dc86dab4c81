/**
 * Ranks with ties given their average rank (the mid-rank convention of Spearman's rho).
 */
export function midRanks(x: ArrayLike<number>): Float64Array {
  const n = x.length;
  // A native numeric sort, then each value's mid-rank from the first and last place it occupies (binary search).
  const sorted = Float64Array.from(x).sort();
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = x[i] as number;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as number) < v) lo = mid + 1;
      else hi = mid;
    }
    const first = lo;
    // Most values are distinct: the next place already holds a larger value, so no second search is needed.
    if (first + 1 >= n || (sorted[first + 1] as number) !== v) {
      r[i] = first + 1;
      continue;
    }
    hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as number) <= v) lo = mid + 1;
      else hi = mid;
    }
    r[i] = (first + lo - 1) / 2 + 1;
  }
  return r;
}

/** Mid-ranks centred on their mean ((n + 1)/2, exact for mid-ranks) and the square root of their sum of squares. */
export interface CentredRanks {
  readonly c: Float64Array;
  readonly norm: number;
}

/** @internal {@link midRanks} centred, for many correlations against the same column. */
export function centredRanks(x: ArrayLike<number>): CentredRanks {
  const r = midRanks(x);
  const m = (r.length + 1) / 2;
  let ss = 0;
  for (let i = 0; i < r.length; i++) {
    const a = (r[i] as number) - m;
    r[i] = a;
    ss += a * a;
  }
  return { c: r, norm: Math.sqrt(ss) };
}

/**
 * Spearman's rank correlation: Pearson's correlation of the mid-ranks (Spearman 1904; with ties, as in
 * Kendall & Gibbons 1990, Rank Correlation Methods, 5th ed., ch. 3), from two centred mid-rank columns (the
 * means and sums of squares computed once per column, not once per pair). 0 when either side does not vary.
 */
export function rankCorrelation(x: CentredRanks, y: CentredRanks): number {
  const n = x.c.length;
  if (n < 2 || x.norm === 0 || y.norm === 0) return 0;
  let sxy = 0;
  const a = x.c;
  const b = y.c;
  for (let i = 0; i < n; i++) sxy += (a[i] as number) * (b[i] as number);
  return sxy / (x.norm * y.norm);
}
