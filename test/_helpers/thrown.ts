import { formatIssue, VbpInputError } from "../../src/errors/index.js";
import type { VbpIssue } from "../../src/errors/issue.js";

/** The issues a call throws as a VbpInputError, as plain `{ code, path, message }`; fails when it throws nothing or something else. */
export function thrown(f: () => unknown): VbpIssue[] {
  try {
    f();
  } catch (e) {
    if (e instanceof VbpInputError) return e.issues.map((i) => ({ code: i.code, path: [...i.path], message: i.message }));
    throw e;
  }
  throw new Error("expected a VbpInputError");
}

/** The issues a call throws as a VbpInputError, one `code path: message` line each; none when it throws nothing. */
export function issueLines(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    if (e instanceof VbpInputError) return e.issues.map((i) => `${i.code} ${formatIssue(i)}`);
    throw e;
  }
  return [];
}
