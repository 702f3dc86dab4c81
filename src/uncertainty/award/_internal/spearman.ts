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

/**
 * Spearman's rank correlation: Pearson's correlation of the mid-ranks (Spearman 1904; with ties, as in
 * Kendall & Gibbons 1990, Rank Correlation Methods, 5th ed., ch. 3). 0 when either side does not vary.
 */
export function spearmanFromRanks(rx: Float64Array, ry: Float64Array): number {
  const n = rx.length;
  if (n < 2) return 0;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += rx[i] as number;
    my += ry[i] as number;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const a = (rx[i] as number) - mx;
    const b = (ry[i] as number) - my;
    sxy += a * b;
    sxx += a * a;
    syy += b * b;
  }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}
