/**
 * What the compile steps share: the issues found so far, the parameter index, the tables, the sites.
 *
 * @module
 */
import type { VbpIssue, VbpIssueCode, VbpPath } from "../../errors/issue.js";
import type { TableData } from "../backends/calculator.js";
import { parseExpression, type Expr } from "../expression/parse.js";
import type { Site } from "../program.js";

/** Issues found while compiling (every one is reported, none thrown). */
export class Issues {
  readonly list: VbpIssue[] = [];
  add(path: VbpPath, message: string, code: VbpIssueCode = "invalid_value"): void {
    this.list.push({ code, path: [...path], message });
  }
}

/** Shared compile state. */
export interface CompileContext {
  readonly issues: Issues;
  /** Parameter id → index in the parameter vector (dependency order). */
  readonly paramIndex: ReadonlyMap<string, number>;
  /** Life tables and look-up tables by id. */
  readonly tables: ReadonlyMap<string, TableData>;
  readonly sites: Site[];
  /** Expressions parsed so far, by text (each text is parsed once per compile). */
  readonly parsed?: ParsedExpressions;
}

/** Expression trees by text, parsed once per compile (parameter ordering and value compiling share them). */
export class ParsedExpressions {
  private readonly byText = new Map<string, Expr>();
  /** The tree of `text`; throws ExpressionError as parseExpression does (a failure is not kept). */
  get(text: string): Expr {
    let e = this.byText.get(text);
    if (e === undefined) {
      e = parseExpression(text);
      this.byText.set(text, e);
    }
    return e;
  }
}

/** Where a value may use cycle/time/age, and whether an age is known. */
export interface ValueScope {
  readonly time: boolean;
  readonly startAge?: boolean;
  /** `{ lifeTable: id }` allowed (transition probabilities). */
  readonly lifeTable?: boolean;
  readonly markov?: number;
}
