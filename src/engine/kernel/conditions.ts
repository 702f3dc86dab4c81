/**
 * Value-dependent invalidity as counted conditions: a draw whose values break a rule (a probability outside
 * [0, 1], a row not summing to 1, an overflow) is flagged invalid once, at its first problem; each condition
 * counts its draws and keeps the first offending one. Nothing is thrown from inside the loop, and flagged
 * lanes are overwritten with a finite value so no NaN or Infinity travels on.
 *
 * @module
 */
import type { VbpIssueCode, VbpPath } from "../../errors/issue.js";
import type { Calculator, Rule } from "../backends/calculator.js";

/** A condition met by some draws. */
export interface DrawCondition {
  /** The rule's issue code (e.g. `invalid_value`, `sum_mismatch`, `not_computable`). */
  readonly code: VbpIssueCode;
  /** Where in the model document. */
  readonly path: readonly (string | number)[];
  /** The message for the first offending draw. */
  readonly message: string;
  /** How many draws met it (each invalid draw is counted once, at its first problem). */
  readonly count: number;
  /** The first offending draw (0-based). */
  readonly firstDraw: number;
}

/** The conditions of one run, and which draws are still valid. */
export class Conditions {
  /** 1 for a valid draw, 0 once it has met a condition. */
  readonly valid: Uint8Array;
  /** Always the complement of `valid` (1 for an invalid draw), kept in step so a test is one pass. */
  private readonly bad: Uint8Array;
  private invalid = 0;
  private readonly byKey = new Map<string, { code: VbpIssueCode; path: VbpPath; message: string; count: number; firstDraw: number }>();
  constructor(readonly lanes: number) {
    this.valid = new Uint8Array(lanes).fill(1);
    this.bad = new Uint8Array(lanes);
  }

  /** Marks draw i invalid without a condition of its own (e.g. the base case failed already). */
  invalidate(i: number): void {
    if (this.valid[i] === 1) {
      this.valid[i] = 0;
      this.bad[i] = 1;
      this.invalid++;
    }
  }

  /**
   * Tests `v` against a rule on the still-valid draws; flags the ones that break it (recording the
   * condition) and sets every invalid lane of `v` to `fill`. Returns how many draws were newly flagged.
   * `path` and `message` are only read when some draw breaks the rule (pass thunks to keep the loop free of
   * allocation).
   */
  test<V>(calc: Calculator<V>, v: V, rule: Rule, bound: V | undefined, code: VbpIssueCode, path: VbpPath | (() => VbpPath), message: (valueText: string, lane: number) => string, fill = "0", key?: string): number {
    const bad = this.bad;
    const valid = this.valid;
    const n = this.lanes;
    if (this.invalid === n) {
      // Every draw is invalid already: only keep the value finite.
      calc.fillWhere(v, bad, fill);
      return 0;
    }
    const count = calc.test(v, rule, bound, bad);
    if (count === 0) {
      if (this.invalid > 0) calc.fillWhere(v, bad, fill);
      return 0;
    }
    let first = -1;
    for (let i = 0; i < n; i++) {
      if (bad[i] === 1 && valid[i] === 1) {
        if (first < 0) first = i;
        valid[i] = 0;
      }
    }
    this.invalid += count;
    this.record(code, typeof path === "function" ? path() : path, message(calc.text(v, first), first), count, first, key);
    calc.fillWhere(v, bad, fill);
    return count;
  }

  /** Records a condition met by `count` draws, the first being `firstDraw` (already flagged by the caller). */
  record(code: VbpIssueCode, path: VbpPath, message: string, count: number, firstDraw: number, key?: string): void {
    const k = key ?? `${path.join("\u0000")}\u0001${code}`;
    const c = this.byKey.get(k);
    if (c === undefined) this.byKey.set(k, { code, path, message, count, firstDraw });
    else {
      c.count += count;
      if (firstDraw < c.firstDraw) {
        c.firstDraw = firstDraw;
        c.message = message;
      }
    }
  }

  /** True once some draw is invalid (with or without a condition of its own). */
  get anyInvalid(): boolean {
    return this.invalid > 0;
  }

  /** True while every draw is valid. */
  get allValid(): boolean {
    return this.byKey.size === 0;
  }

  /** The conditions met, in the order first met. */
  list(): DrawCondition[] {
    return [...this.byKey.values()].map((c) => ({ code: c.code, path: [...c.path], message: c.message, count: c.count, firstDraw: c.firstDraw }));
  }
}
