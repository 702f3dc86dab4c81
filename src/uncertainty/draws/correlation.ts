import type { VbpIssue, VbpPath } from "../../errors/issue.js";

/**
 * @internal The lower Cholesky factor L (row-major, k×k) of a correlation matrix R = L Lᵀ, after checking that
 * R is square, symmetric (to 1e-12), has a unit diagonal, entries in [−1, 1], and is positive definite (every
 * pivot > 1e-10). Problems are pushed to `issues` with the path of the entry.
 */
export function choleskyOfCorrelation(matrix: unknown, k: number, path: VbpPath, issues: VbpIssue[]): Float64Array | undefined {
  const before = issues.length;
  if (!Array.isArray(matrix) || matrix.length !== k) {
    issues.push({ code: "invalid_type", path, message: `must be a ${k}×${k} correlation matrix (one row per quantity), got ${Array.isArray(matrix) ? `${matrix.length} rows` : JSON.stringify(matrix)}` });
    return undefined;
  }
  const r = new Float64Array(k * k);
  matrix.forEach((row: unknown, i) => {
    if (!Array.isArray(row) || row.length !== k) {
      issues.push({ code: "invalid_type", path: [...path, i], message: `must be a row of ${k} numbers` });
      return;
    }
    row.forEach((v: unknown, j) => {
      const x = typeof v === "number" ? v : typeof v === "string" ? Number(v) : NaN;
      if (!Number.isFinite(x) || x < -1 || x > 1) issues.push({ code: "invalid_value", path: [...path, i, j], message: `a correlation must be a number in [−1, 1], got ${JSON.stringify(v)}` });
      else if (i === j && x !== 1) issues.push({ code: "invalid_value", path: [...path, i, j], message: `the diagonal of a correlation matrix must be 1, got ${x}` });
      r[i * k + j] = x;
    });
  });
  if (issues.length > before) return undefined;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < i; j++) {
      if (Math.abs(r[i * k + j]! - r[j * k + i]!) > 1e-12) issues.push({ code: "invalid_value", path: [...path, i, j], message: `the matrix must be symmetric: [${i}][${j}] = ${r[i * k + j]} but [${j}][${i}] = ${r[j * k + i]}` });
    }
  }
  if (issues.length > before) return undefined;
  const l = new Float64Array(k * k);
  for (let j = 0; j < k; j++) {
    let d = r[j * k + j]!;
    for (let m = 0; m < j; m++) d -= l[j * k + m]! * l[j * k + m]!;
    if (!(d > 1e-10)) {
      issues.push({
        code: "invalid_value",
        path,
        message: `the correlation matrix is not positive definite (Cholesky pivot ${j} is ${d.toPrecision(3)}): some correlations contradict each other; reduce them or drop a quantity`,
      });
      return undefined;
    }
    const ljj = Math.sqrt(d);
    l[j * k + j] = ljj;
    for (let i = j + 1; i < k; i++) {
      let s = r[i * k + j]!;
      for (let m = 0; m < j; m++) s -= l[i * k + m]! * l[j * k + m]!;
      l[i * k + j] = s / ljj;
    }
  }
  return l;
}
