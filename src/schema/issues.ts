import type * as z from "zod/mini";
import { VbpInputError, type SafeResult } from "../errors/VbpInputError.js";
import type { VbpIssue, VbpIssueCode } from "../errors/issue.js";
import { protoKeyIssues, withProtoIssues } from "./protoKeys.js";

function describe(v: unknown): string {
  if (v === undefined) return "nothing";
  if (typeof v === "number") return Number.isNaN(v) ? "NaN" : String(v);
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  return typeof v;
}

function bound(issue: { minimum?: unknown; maximum?: unknown; inclusive?: boolean; origin?: string }, small: boolean): string {
  const limit = String(small ? issue.minimum : issue.maximum);
  const op = small ? (issue.inclusive === false ? ">" : "≥") : issue.inclusive === false ? "<" : "≤";
  if (issue.origin === "array" || issue.origin === "set") return `must have ${small ? "at least" : "at most"} ${limit} item${limit === "1" ? "" : "s"}`;
  if (issue.origin === "string") return `must be ${small ? "at least" : "at most"} ${limit} characters long`;
  return `must be ${op} ${limit}`;
}

/** @internal Turns zod issues into the library's issues: code, path, plain message naming the value found. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[]): VbpIssue[] {
  const out: VbpIssue[] = [];
  for (const issue of issues) {
    const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
    const input = (issue as { input?: unknown }).input;
    const got = input === undefined ? "" : `, got ${describe(input)}`;
    switch (issue.code) {
      case "invalid_type":
        out.push({ code: "invalid_type", path, message: input === undefined ? `is required (${issue.expected})` : `must be ${issue.expected}${got}` });
        break;
      case "too_small":
        out.push({ code: "too_small", path, message: `${bound(issue, true)}${issue.origin === "number" ? got : ""}` });
        break;
      case "too_big":
        out.push({ code: "too_big", path, message: `${bound(issue, false)}${issue.origin === "number" ? got : ""}` });
        break;
      case "unrecognized_keys":
        for (const key of issue.keys) out.push({ code: "unrecognized_keys", path: [...path, key], message: `unknown key "${key}" (check the spelling; unknown keys are not allowed)` });
        break;
      case "invalid_value":
        out.push({ code: "invalid_value", path, message: `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}${got}` });
        break;
      case "invalid_format":
        out.push({ code: "invalid_format", path, message: `${issue.message}${got}` });
        break;
      case "invalid_union": {
        if (input === undefined) {
          out.push({ code: "invalid_type", path, message: "is required" });
          break;
        }
        const nested = issue.errors.flat();
        // A union of alternatives: report the alternative that got furthest (deepest path), else a summary.
        const deepest = nested.length > 0 ? nested.reduce((a, b) => (b.path.length > a.path.length ? b : a)) : undefined;
        if (deepest !== undefined && deepest.path.length > 0) out.push(...fromZodIssues([{ ...deepest, path: [...issue.path, ...deepest.path] } as z.core.$ZodIssue]));
        else out.push({ code: "invalid_union", path, message: `${issue.message === "Invalid input" ? "does not match any allowed form" : issue.message}${got}` });
        break;
      }
      case "custom": {
        const params = (issue as { params?: { vbpCode?: VbpIssueCode } }).params;
        const message = issue.message.includes(", got ") ? issue.message : `${issue.message}${got}`;
        out.push({ code: params?.vbpCode ?? "custom", path, message });
        break;
      }
      case "not_multiple_of":
        out.push({ code: "not_multiple_of", path, message: `must be a multiple of ${String(issue.divisor)}${got}` });
        break;
      default:
        out.push({ code: "invalid_value", path, message: `${issue.message}${got}` });
    }
  }
  return out;
}

/**
 * @internal Runs a schema's cross-field rules (a `superRefine` callback) on values that are already parsed,
 * and returns the library's issues. This is how a caller that validated the fields once (the whole job)
 * applies each module's own rules without parsing its document again.
 */
export function refinementIssues<T>(check: (value: T, ctx: z.core.$RefinementCtx) => void, value: T): VbpIssue[] {
  const raw: z.core.$ZodIssue[] = [];
  const ctx = {
    value,
    issues: raw,
    addIssue(issue: unknown) {
      if (typeof issue === "string") raw.push({ code: "custom", message: issue, path: [], input: value } as z.core.$ZodIssue);
      else {
        const i = issue as { code?: string; path?: PropertyKey[]; message?: string; input?: unknown };
        raw.push({ ...i, code: i.code ?? "custom", path: i.path ?? [], message: i.message ?? "is invalid" } as z.core.$ZodIssue);
      }
    },
  } as unknown as z.core.$RefinementCtx;
  check(value, ctx);
  return fromZodIssues(raw);
}

/**
 * The messages the library would otherwise take from zod's locale, which is loaded only where zod's classic
 * API is (Node, or a bundle that uses a published schema): given here, the text is the same everywhere.
 */
function ownMessage(issue: { readonly code?: string; readonly origin?: string; readonly options?: unknown; readonly inclusive?: boolean }): string | undefined {
  if (issue.code === "invalid_union") {
    if (Array.isArray(issue.options) && issue.options.length > 0) return `Invalid discriminator value. Expected ${issue.options.map((o) => `'${String(o)}'`).join(" | ")}`;
    return issue.inclusive === false ? "Invalid input: more than one option matched" : "Invalid input";
  }
  if (issue.code === "invalid_key") return `Invalid key in ${issue.origin ?? "record"}`;
  if (issue.code === "invalid_element") return `Invalid value in ${issue.origin ?? "collection"}`;
  return undefined;
}

/** @internal Parses with a zod schema; returns data or the library's issues. Never throws for bad input. */
export function safeParseWith<S extends z.ZodMiniType>(schema: S, input: unknown): SafeResult<z.output<S>> {
  const proto = protoKeyIssues(input);
  const r = schema.safeParse(input, { reportInput: true, error: ownMessage });
  if (r.success && proto.length === 0) return { success: true, data: r.data };
  // `__proto__` keys are refused everywhere; the schema may report the same key, so keep one issue per path.
  return { success: false, error: new VbpInputError(withProtoIssues(r.success ? [] : fromZodIssues(r.error.issues), proto)) };
}

/** @internal Parses with a zod schema; throws VbpInputError listing every issue. */
export function parseWith<S extends z.ZodMiniType>(schema: S, input: unknown): z.output<S> {
  const r = safeParseWith(schema, input);
  if (!r.success) throw r.error;
  return r.data;
}
