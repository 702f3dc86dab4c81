import { formatIssue, type VbpIssue } from "./issue.js";

/**
 * The one error the library throws for bad input. `issues` lists every problem found, each with its code,
 * path and message; `message` lists them one a line.
 *
 * @example
 * ```ts
 * try {
 *   parseLifecycleDocument({ currency: "XXX" });
 * } catch (e) {
 *   if (e instanceof VbpInputError) console.log(e.issues.map(formatIssue));
 * }
 * ```
 */
export class VbpInputError extends Error {
  /** Every problem found, in document order. */
  readonly issues: readonly VbpIssue[];

  constructor(issues: readonly VbpIssue[]) {
    const lines = issues.map(formatIssue);
    super(
      issues.length === 1
        ? `Invalid input: ${lines[0]}`
        : `Invalid input (${issues.length} problems):\n${lines.map((l) => `  - ${l}`).join("\n")}`,
    );
    this.name = "VbpInputError";
    this.issues = Object.freeze([...issues]);
  }
}

/**
 * The result of a `safe…` function: the value, or the issues that stopped it. Never throws for bad input.
 *
 * @example
 * ```ts
 * const r = safeParseLifecycleDocument(json);
 * if (r.success) use(r.data); else show(r.error.issues);
 * ```
 */
export type SafeResult<T> = SafeSuccess<T> | SafeFailure;

/**
 * The successful branch of a {@link SafeResult}.
 *
 * @example
 * ```ts
 * const ok: SafeSuccess<number> = { success: true, data: 1 };
 * ```
 */
export interface SafeSuccess<T> {
  /** Always `true` on this branch. */
  readonly success: true;
  /** The parsed or computed value. */
  readonly data: T;
}

/**
 * The failed branch of a {@link SafeResult}: every problem found, as a {@link VbpInputError}.
 *
 * @example
 * ```ts
 * const bad: SafeFailure = { success: false, error: new VbpInputError([{ code: "custom", path: [], message: "no" }]) };
 * ```
 */
export interface SafeFailure {
  /** Always `false` on this branch. */
  readonly success: false;
  /** The error listing every issue, each with its code, path and message. */
  readonly error: VbpInputError;
}

/** Throws a VbpInputError with one issue. */
export function fail(issue: VbpIssue): never {
  throw new VbpInputError([issue]);
}

/** Runs `f`, turning a VbpInputError into a failed SafeResult; other errors propagate (they are bugs). */
export function safely<T>(f: () => T): SafeResult<T> {
  try {
    return { success: true, data: f() };
  } catch (e) {
    if (e instanceof VbpInputError) return { success: false, error: e };
    throw e;
  }
}
