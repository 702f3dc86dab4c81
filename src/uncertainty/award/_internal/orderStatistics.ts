/**
 * @internal Order statistics without a full sort: Hoare's selection ("FIND", Hoare 1961, CACM 4(7) 321) with a
 * median-of-three pivot, in place, expected O(n). A summary needs only a mean and two quantiles per bid, and a
 * full sort of every bid's draws dominated the summary of large lots.
 */

/**
 * Rearranges `a` so that `a[k]` is the value a sort would put there, smaller values before it, larger after;
 * within `a[from…to]` only (the other values stay where they are), when given.
 */
export function selectInPlace(a: Float64Array, k: number, from = 0, to = a.length - 1): number {
  let lo = from;
  let hi = to;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of three as the pivot (robust to sorted and reversed input).
    const pivot = medianOfThree(a[lo] as number, a[mid] as number, a[hi] as number);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k] as number;
}

/**
 * The p-quantile of the values in `a` (no NaN), linear between order statistics (type 7 of Hyndman & Fan 1996,
 * the R default), as a sort would give it. Reorders `a`.
 */
export function quantileInPlace(a: Float64Array, p: number): number {
  const n = a.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const x = selectInPlace(a, lo);
  if (h === lo || lo + 1 >= n) return x;
  // After selection every value right of lo is ≥ a[lo]: the next order statistic is their minimum.
  let y = Infinity;
  for (let i = lo + 1; i < n; i++) if ((a[i] as number) < y) y = a[i] as number;
  return x + (h - lo) * (y - x);
}

/**
 * Sorts `a` ascending in place without allocating (quicksort with a median-of-three pivot, insertion sort on
 * short runs; Sedgewick 1978, CACM 21(10) 847). For the per-draw ranking, where the engine's own typed-array
 * sort copies its input on every call. Values must not be NaN.
 */
export function sortInPlace(a: Float64Array, lo = 0, hi = a.length - 1): void {
  while (hi - lo > 16) {
    const mid = (lo + hi) >>> 1;
    const pivot = medianOfThree(a[lo] as number, a[mid] as number, a[hi] as number);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i++;
        j--;
      }
    }
    // Recurse into the smaller side, loop on the larger (stack depth O(log n)).
    if (j - lo < hi - i) {
      sortInPlace(a, lo, j);
      lo = i;
    } else {
      sortInPlace(a, i, hi);
      hi = j;
    }
  }
  for (let i = lo + 1; i <= hi; i++) {
    const v = a[i] as number;
    let j = i - 1;
    while (j >= lo && (a[j] as number) > v) {
      a[j + 1] = a[j] as number;
      j--;
    }
    a[j + 1] = v;
  }
}

function medianOfThree(x: number, y: number, z: number): number {
  if (x > y) return y > z ? y : x > z ? z : x;
  return x > z ? x : y > z ? z : y;
}
