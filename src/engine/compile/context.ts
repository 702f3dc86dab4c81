/**
 * What the compile steps share: the issues found so far, the parameter index, the tables, the sites.
 *
 * @module
 */
import type { VbpIssue, VbpIssueCode, VbpPath } from "../../errors/issue.js";
import type { TableData } from "../backends/calculator.js";
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
}

/** Where a value may use cycle/time/age, and whether an age is known. */
export interface ValueScope {
  readonly time: boolean;
  readonly startAge?: boolean;
  /** `{ lifeTable: id }` allowed (transition probabilities). */
  readonly lifeTable?: boolean;
  readonly markov?: number;
}
