import { Dec, decString } from "../_lib/decimal.js";
import type { VbpIssue } from "../errors/issue.js";
import { fail, VbpInputError } from "../errors/VbpInputError.js";
import type { Source } from "../reference/source.js";
import { roundToTotal } from "./display.js";

/**
 * Saaty's random consistency index RI(n): the mean consistency index of random reciprocal matrices of order n,
 * as tabulated in Saaty, T.L. (1987) "The analytic hierarchy process—what it is and how it is used",
 * Mathematical Modelling 9(3–5), 161–176 (Table: 1 0, 2 0, 3 0.58, 4 0.90, 5 1.12, 6 1.24, 7 1.32, 8 1.41,
 * 9 1.45, 10 1.49); the same values appear in Saaty (1980), The Analytic Hierarchy Process, McGraw-Hill.
 *
 * @example
 * ```ts
 * SAATY_RANDOM_INDEX[4]; //=> "0.9"
 * ```
 * @category Weighting
 */
export const SAATY_RANDOM_INDEX: Readonly<Record<number, string>> = Object.freeze({ 1: "0", 2: "0", 3: "0.58", 4: "0.9", 5: "1.12", 6: "1.24", 7: "1.32", 8: "1.41", 9: "1.45", 10: "1.49" });

/**
 * Where the AHP method, the random index and the 0.10 limit come from.
 *
 * @example
 * ```ts
 * AHP_SOURCE.publisher; //=> "Mathematical Modelling (Pergamon)"
 * ```
 * @category Weighting
 */
export const AHP_SOURCE: Source = Object.freeze({
  publisher: "Mathematical Modelling (Pergamon)",
  title: "Saaty, T.L. (1987) The analytic hierarchy process—what it is and how it is used, 9(3–5), 161–176",
  publishedOn: "1987-01-01",
  note: "Priority vector = principal right eigenvector of the pairwise comparison matrix; CI = (λmax − n)/(n − 1); CR = CI / RI(n); a CR above 0.10 calls for the judgements to be revised. The publication day is not recorded (year only).",
});

/**
 * Pairwise comparisons for AHP: `comparisons[i][j]` says how much more important item i is than item j on
 * Saaty's 1–9 scale (a decimal, or a fraction such as `"1/3"`). The matrix must be square, with 1 on the
 * diagonal and `a[j][i] = 1 / a[i][j]`.
 *
 * @example
 * ```ts
 * const m: AhpMatrix = { items: ["quality", "price", "social-value"], comparisons: [["1", "3", "5"], ["1/3", "1", "3"], ["1/5", "1/3", "1"]] };
 * ```
 * @category Weighting
 */
export interface AhpMatrix {
  /** Item (criterion) ids, in matrix order. */
  readonly items: readonly string[];
  /** The n × n comparison matrix. */
  readonly comparisons: readonly (readonly (string | number)[])[];
}

/**
 * AHP weights with the consistency figures that justify them.
 *
 * @example
 * ```ts
 * const m: AhpMatrix = { items: ["quality", "price", "social-value"], comparisons: [["1", "3", "5"], ["1/3", "1", "3"], ["1/5", "1/3", "1"]] };
 * // λmax ≈ 3.0385, CI ≈ 0.0193, RI(3) = 0.58
 * ahpWeights(m).consistencyRatio; //=> "0.03319…"
 * ```
 * @category Weighting
 */
export interface AhpResult {
  /** Weights in percent, 2 places, summing to exactly 100 (largest remainder), with the exact priority. */
  readonly weights: readonly {
    /** Item id. */
    readonly id: string;
    /** Weight in percent, 2 places. */
    readonly weight: string;
    /** Priority (0–1) from the principal eigenvector, 12 places. */
    readonly priority: string;
  }[];
  /** Principal eigenvalue λmax (12 places). */
  readonly lambdaMax: string;
  /** CI = (λmax − n)/(n − 1). */
  readonly consistencyIndex: string;
  /** Saaty's RI(n). */
  readonly randomIndex: string;
  /** CR = CI / RI (0 when n ≤ 2). */
  readonly consistencyRatio: string;
  /** The limit applied. */
  readonly maxConsistencyRatio: string;
  /** Where the method comes from. */
  readonly source: Source;
}

function readEntry(v: unknown, path: (string | number)[], issues: VbpIssue[]): Dec | undefined {
  const text = typeof v === "number" ? String(v) : typeof v === "string" ? v.trim() : undefined;
  const m = text === undefined ? null : /^(\d+(?:\.\d+)?)(?:\s*\/\s*(\d+(?:\.\d+)?))?$/.exec(text);
  if (m === null) {
    issues.push({ code: "invalid_type", path, message: `must be a positive number or a fraction such as "1/3", got ${JSON.stringify(v)}` });
    return undefined;
  }
  const d = m[2] === undefined ? new Dec(m[1] as string) : new Dec(m[1] as string).div(m[2]);
  if (!d.gt(0) || d.gt(9) || d.lt(new Dec(1).div(9))) {
    issues.push({ code: "invalid_value", path, message: `must be on Saaty's scale, between 1/9 and 9, got ${text}` });
    return undefined;
  }
  return d;
}

/**
 * Weights from pairwise comparisons by the analytic hierarchy process (Saaty 1980, 1987): the priority vector is
 * the principal right eigenvector of the comparison matrix (power iteration to 1e-15), λmax its eigenvalue,
 * `CI = (λmax − n)/(n − 1)`, `CR = CI / RI(n)` with Saaty's random index {@link SAATY_RANDOM_INDEX}. A matrix
 * whose CR exceeds the limit (default 0.10, Saaty's rule) is an input error naming the CR, the limit and the most
 * inconsistent judgement. Complements swing weighting ({@link swingWeights}).
 *
 * @param matrix - the items and their pairwise comparisons
 * @param options - `{ maxConsistencyRatio }` (default `"0.1"`)
 * @returns the weights (percent, summing to 100) and the consistency figures
 * @throws VbpInputError for a matrix that is not square, has a diagonal other than 1, is not reciprocal
 *   (`a[j][i] ≠ 1/a[i][j]`, within 1% for decimals like 0.33), leaves Saaty's 1/9–9 scale, has more than 10
 *   items (no random index), or is inconsistent beyond the limit
 * @example
 * ```ts
 * const r = ahpWeights({ items: ["quality", "price", "social-value"], comparisons: [["1", "3", "5"], ["1/3", "1", "3"], ["1/5", "1/3", "1"]] });
 * r.weights.map((w) => w.weight); //=> ["63.70", "25.83", "10.47"]
 * r.consistencyRatio;             //=> "0.033…" (below 0.10)
 * ```
 * @category Weighting
 */
export function ahpWeights(matrix: AhpMatrix, options: { readonly maxConsistencyRatio?: string } = {}): AhpResult {
  const items = matrix?.items;
  const rows = matrix?.comparisons;
  if (!Array.isArray(items) || items.length < 2) fail({ code: "too_small", path: ["items"], message: "must name at least 2 items to compare" });
  const n = items.length;
  if (n > 10) fail({ code: "too_big", path: ["items"], message: `must have at most 10 items (Saaty's random index is tabulated to 10), got ${n}; group the criteria and weight each level` });
  if (!Array.isArray(rows) || rows.length !== n) fail({ code: "invalid_value", path: ["comparisons"], message: `must have ${n} rows (one per item), got ${Array.isArray(rows) ? rows.length : typeof rows}` });
  const issues: VbpIssue[] = [];
  const a: (Dec | undefined)[][] = rows.map((row, i) => {
    if (!Array.isArray(row) || row.length !== n) {
      issues.push({ code: "invalid_value", path: ["comparisons", i], message: `must have ${n} entries (a square matrix), got ${Array.isArray(row) ? row.length : typeof row}` });
      return Array.from({ length: n }, () => undefined);
    }
    return row.map((v, j) => readEntry(v, ["comparisons", i, j], issues));
  });
  for (let i = 0; i < n; i++) {
    const d = a[i]?.[i];
    if (d !== undefined && !d.eq(1)) issues.push({ code: "invalid_value", path: ["comparisons", i, i], message: `must be 1 (an item compared with itself), got ${decString(d)}` });
    for (let j = i + 1; j < n; j++) {
      const x = a[i]?.[j];
      const y = a[j]?.[i];
      if (x === undefined || y === undefined) continue;
      if (x.times(y).minus(1).abs().gt("0.01")) {
        issues.push({ code: "invalid_value", path: ["comparisons", j, i], message: `must be the reciprocal of comparisons[${i}][${j}] (${decString(x)}): 1/${decString(x)} = ${decString(new Dec(1).div(x).toSignificantDigits(4))}, got ${decString(y)} (${items[j]} vs ${items[i]})` });
      }
    }
  }
  if (issues.length > 0) throw new VbpInputError(issues);
  const m = a.map((r) => r.map((x) => (x as Dec).toNumber()));
  // Power iteration on a positive reciprocal matrix converges to the Perron eigenvector.
  let w = Array.from({ length: n }, () => 1 / n);
  let lambda = n;
  for (let k = 0; k < 1000; k++) {
    const next = m.map((row) => row.reduce((s, x, j) => s + x * (w[j] as number), 0));
    const sum = next.reduce((s, x) => s + x, 0);
    lambda = sum; // since Σw = 1, Σ(Aw) = λ at convergence
    const norm = next.map((x) => x / sum);
    const delta = norm.reduce((s, x, i) => Math.max(s, Math.abs(x - (w[i] as number))), 0);
    w = norm;
    if (delta < 1e-15) break;
  }
  const lambdaMax = new Dec(lambda);
  const ci = n <= 2 ? new Dec(0) : lambdaMax.minus(n).div(n - 1);
  const ri = new Dec(SAATY_RANDOM_INDEX[n] ?? "0");
  const cr = ri.isZero() ? new Dec(0) : Dec.max(ci, 0).div(ri);
  const limit = new Dec(options.maxConsistencyRatio ?? "0.1");
  if (cr.gt(limit)) {
    // The judgement furthest from what the priorities imply (largest |ln(a_ij · w_j / w_i)|).
    let worst = { i: 0, j: 1, e: -1 };
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const e = Math.abs(Math.log(((m[i] as number[])[j] as number) * (w[j] as number) / (w[i] as number)));
      if (e > worst.e) worst = { i, j, e };
    }
    const implied = (w[worst.i] as number) / (w[worst.j] as number);
    fail({
      code: "policy",
      path: ["comparisons", worst.i, worst.j],
      message: `inconsistent judgements: consistency ratio ${decString(cr.toDecimalPlaces(4, Dec.ROUND_HALF_EVEN))} exceeds the limit ${decString(limit)} (CI ${decString(ci.toDecimalPlaces(4, Dec.ROUND_HALF_EVEN))} / RI ${decString(ri)} for ${n} items, Saaty 1987); the most inconsistent judgement is ${items[worst.i]} vs ${items[worst.j]} = ${rows[worst.i]?.[worst.j]} where the other judgements imply about ${implied.toFixed(2)}: revise it`,
    });
  }
  const priorities = w.map((x) => new Dec(x));
  const shown = roundToTotal(priorities.map((p) => decString(p.times(100))));
  return {
    weights: items.map((id, i) => ({ id, weight: shown.parts[i] as string, priority: decString((priorities[i] as Dec).toDecimalPlaces(12, Dec.ROUND_HALF_EVEN)) })),
    lambdaMax: decString(lambdaMax.toDecimalPlaces(12, Dec.ROUND_HALF_EVEN)),
    consistencyIndex: decString(ci.toDecimalPlaces(12, Dec.ROUND_HALF_EVEN)),
    randomIndex: decString(ri),
    consistencyRatio: decString(cr.toDecimalPlaces(12, Dec.ROUND_HALF_EVEN)),
    maxConsistencyRatio: decString(limit),
    source: AHP_SOURCE,
  };
}
