/**
 * Codes for the problems the library reports about its input.
 *
 * The first group mirrors zod's issue codes (schema rules); the rest are rules only the library knows
 * (references, sums, policies, limits).
 */
export type VbpIssueCode =
  | "invalid_type"
  | "too_small"
  | "too_big"
  | "invalid_format"
  | "invalid_value"
  | "unrecognized_keys"
  | "invalid_union"
  | "not_multiple_of"
  | "custom"
  | "currency_mismatch"
  | "unknown_reference"
  | "duplicate_id"
  | "out_of_order"
  | "sum_mismatch"
  | "cycle"
  | "limit_exceeded"
  | "policy"
  | "not_computable";

/** A path into the input document: keys and array indices, outermost first. */
export type VbpPath = readonly (string | number)[];

/**
 * One problem with the input: what rule was broken (`code`), where (`path`) and a message a person can act on.
 *
 * @example
 * ```ts
 * const issue: VbpIssue = { code: "too_small", path: ["options", 2, "items", 0, "unitCost"], message: "must be ≥ 0, got -12.5" };
 * ```
 */
export interface VbpIssue {
  /** The rule broken. */
  readonly code: VbpIssueCode;
  /** Where in the input: keys and indices, outermost first. */
  readonly path: VbpPath;
  /** Plain-language statement of the rule and the value found. */
  readonly message: string;
  /** `"error"` (the default) stops the run; `"warning"` is reported and the caller decides. */
  readonly severity?: "error" | "warning";
}

/**
 * Formats a path the way it would be written in JavaScript: `options[2].items[0].unitCost`.
 *
 * @param path - keys and indices, outermost first
 * @returns the dotted path, or `(root)` for the empty path
 * @example
 * ```ts
 * formatPath(["options", 2, "items", 0, "unitCost"]);
 * //=> "options[2].items[0].unitCost"
 * ```
 */
export function formatPath(path: VbpPath): string {
  if (path.length === 0) return "(root)";
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += out === "" ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/**
 * Formats one issue as `path: message`.
 *
 * @example
 * ```ts
 * formatIssue({ code: "too_small", path: ["horizonYears"], message: "must be ≥ 1, got 0" });
 * //=> "horizonYears: must be ≥ 1, got 0"
 * ```
 */
export function formatIssue(issue: VbpIssue): string {
  return `${formatPath(issue.path)}: ${issue.message}`;
}
