import { Dec, decString, sumDec, toLedgerScale } from "../../_lib/decimal.js";
import { fail, VbpInputError } from "../../errors/VbpInputError.js";
import type { VbpIssue } from "../../errors/issue.js";
import { checkScale, findLevel, resolveLevel, type QualitativeLevel, type QualitativeScale } from "./scales.js";
import { describe, show } from "./trace.js";

/**
 * One evaluator's score for one response, with the reason they gave.
 *
 * @example
 * ```ts
 * const e: EvaluatorScore = { evaluatorId: "E1", level: "good", reason: "Clear training plan; outcome data from two sites." };
 * ```
 */
export interface EvaluatorScore {
  /** Who scored (an identifier, unique within the panel). */
  readonly evaluatorId: string;
  /** The level given, by value (`"3"`) or label (`"good"`). */
  readonly level: string;
  /** Why: the evidence in the response that justifies the level (kept for the assessment summary). */
  readonly reason: string;
}

/**
 * How the panel's individual scores become one score.
 *
 * - `consensus` (default when a consensus is given): the level agreed at the moderation meeting.
 * - `mean`: the arithmetic mean of the individual level values (may fall between levels).
 * - `median` (default otherwise): the middle value; with an even panel, the mean of the two middle values.
 *
 * @example
 * ```ts
 * const m: ModerationMethod = "median";
 * ```
 */
export type ModerationMethod = "consensus" | "mean" | "median";

/**
 * The level a moderation panel agreed, and why.
 *
 * @example
 * ```ts
 * const c: ModerationConsensus = { level: "good", reason: "Outcome data cover one site only." };
 * ```
 */
export interface ModerationConsensus {
  /** The agreed level, by value or label. */
  readonly level: string;
  /** Why the panel agreed it; required when it differs from any individual score. */
  readonly reason: string;
}

/**
 * The individual scores for one response and, for consensus moderation, the agreed level and its reason.
 *
 * @example
 * ```ts
 * const input: ModerationInput = {
 *   individual: [{ evaluatorId: "E1", level: "3", reason: "…" }, { evaluatorId: "E2", level: "4", reason: "…" }],
 *   consensus: { level: "3", reason: "Outcome data are from a single site; E2 agreed on review." },
 * };
 * ```
 */
export interface ModerationInput {
  /** Every evaluator's own score, as given before moderation (at least one). */
  readonly individual: readonly EvaluatorScore[];
  /** The level agreed at moderation and why; the reason is required when it differs from any individual score. */
  readonly consensus?: ModerationConsensus | undefined;
  /** How to combine; default `consensus` when a consensus is given, else `median`. */
  readonly method?: ModerationMethod | undefined;
  /**
   * The stated rule for a median that falls between two levels of the scale (an even panel split across two
   * levels): `"interpolate"` (default: the value midway, scored between the two levels' points), `"lower"` (the
   * lower level: a level must be earned by at least half the panel) or `"upper"` (the higher level).
   */
  readonly medianBetweenLevels?: "interpolate" | "lower" | "upper" | undefined;
}

/**
 * The moderated score with the record that justifies it: the individual scores are kept as given (levels
 * normalised to values), with the consensus, the scores it changed and the reason.
 *
 * @example
 * ```ts
 * const r: ModerationResult = moderate(input, QUALITATIVE_SCALES["nhs-vbp-5"]);
 * r.level; //=> "3"
 * ```
 */
export interface ModerationResult {
  /**
   * The moderated value as a decimal string: a level's value for `consensus`; for `mean`/`median` it may fall
   * between levels (score it with `scaleScore(level, max, scale, { betweenLevels: true })`).
   */
  readonly level: string;
  /** The level's label when `level` is a level of the scale. */
  readonly label?: string;
  /** The level's descriptor when `level` is a level of the scale. */
  readonly descriptor?: string;
  /** The method used. */
  readonly method: ModerationMethod;
  /** The individual scores, in the order given, each level written as its value. */
  readonly individual: readonly EvaluatorScore[];
  /** The individual scores that differ from the consensus (present for `consensus` only; empty when all agreed). */
  readonly changedFrom?: readonly EvaluatorScore[];
  /** Why the moderated score is what it is: the consensus reason, or the computation for mean/median. */
  readonly reason: string;
  /** Highest minus lowest individual value (0 when every evaluator agreed), as a decimal string. */
  readonly spread: string;
}

/**
 * Combines a panel's individual scores for one response into the moderated score, keeping the individual
 * scores, the consensus and the reason for any change (the record behind a Procurement Act 2023 s50
 * assessment summary). A consensus that differs from any individual score without a reason is an error, as
 * is a level not on the scale.
 *
 * @param input - the individual scores and, for consensus moderation, the agreed level and reason
 * @param scale - the qualitative scale the levels are on
 * @returns the moderated level with the individual scores, the changes and the reason
 * @throws VbpInputError for an empty panel, duplicate evaluator ids, a missing reason, a level not on the scale,
 *   a consensus method without a consensus, or a consensus given with the mean/median method
 * @example
 * ```ts
 * const r = moderate({
 *   individual: [{ evaluatorId: "E1", level: "good", reason: "Clear plan" }, { evaluatorId: "E2", level: "outstanding", reason: "Robust data" }],
 *   consensus: { level: "good", reason: "Data cover one site only; E2 agreed on review." },
 * }, QUALITATIVE_SCALES["nhs-vbp-5"]);
 * r.level;       //=> "3"
 * r.changedFrom; //=> [{ evaluatorId: "E2", level: "4", reason: "Robust data" }]
 * ```
 */
export function moderate(input: ModerationInput, scale: QualitativeScale): ModerationResult {
  if (input === null || typeof input !== "object") fail({ code: "invalid_type", path: [], message: "must be an object { individual, consensus?, method? }" });
  const c = checkScale(scale);
  const issues: VbpIssue[] = [];
  const list = input.individual;
  if (!Array.isArray(list) || list.length === 0) {
    fail({ code: "too_small", path: ["individual"], message: "must have at least 1 evaluator's score" });
  }
  const method: ModerationMethod = input.method ?? (input.consensus !== undefined ? "consensus" : "median");
  if (method !== "consensus" && method !== "mean" && method !== "median") {
    fail({ code: "invalid_value", path: ["method"], message: `must be one of "consensus", "mean", "median", got ${describe(method)}` });
  }
  const seen = new Map<string, number>();
  const individual: EvaluatorScore[] = [];
  const values: Dec[] = [];
  list.forEach((e: EvaluatorScore, i: number) => {
    if (e === null || typeof e !== "object") {
      issues.push({ code: "invalid_type", path: ["individual", i], message: `must be an object { evaluatorId, level, reason }, got ${describe(e)}` });
      return;
    }
    if (typeof e.evaluatorId !== "string" || e.evaluatorId.trim() === "") {
      issues.push({ code: "invalid_type", path: ["individual", i, "evaluatorId"], message: `must be a non-empty identifier, got ${describe(e.evaluatorId)}` });
    } else {
      const prev = seen.get(e.evaluatorId);
      if (prev !== undefined) issues.push({ code: "duplicate_id", path: ["individual", i, "evaluatorId"], message: `"${e.evaluatorId}" already scored at individual[${prev}]` });
      seen.set(e.evaluatorId, i);
    }
    if (typeof e.reason !== "string" || e.reason.trim() === "") {
      issues.push({ code: "invalid_type", path: ["individual", i, "reason"], message: `must give the reason for the score (the evidence relied on), got ${describe(e.reason)}` });
    }
    try {
      const j = resolveLevel(c, e.level, ["individual", i, "level"]);
      values.push(c.values[j] as Dec);
      individual.push(Object.freeze({ evaluatorId: e.evaluatorId, level: (scale.levels[j] as QualitativeLevel).value, reason: e.reason }));
    } catch (err) {
      if (err instanceof VbpInputError) issues.push(...err.issues);
      else throw err;
    }
  });
  if (method === "consensus" && input.consensus === undefined) {
    issues.push({ code: "invalid_type", path: ["consensus"], message: 'is required when method is "consensus" (the level agreed at moderation and its reason)' });
  }
  if (method !== "consensus" && input.consensus !== undefined) {
    issues.push({ code: "policy", path: ["consensus"], message: `is given but method is "${method}"; use method "consensus" or drop the consensus` });
  }
  let consensusIndex = -1;
  const consensusOk = input.consensus === undefined || (input.consensus !== null && typeof input.consensus === "object");
  if (!consensusOk) issues.push({ code: "invalid_type", path: ["consensus"], message: `must be an object { level, reason }, got ${describe(input.consensus)}` });
  if (method === "consensus" && input.consensus !== undefined && consensusOk) {
    try {
      consensusIndex = resolveLevel(c, input.consensus.level, ["consensus", "level"]);
    } catch (err) {
      if (err instanceof VbpInputError) issues.push(...err.issues);
      else throw err;
    }
  }
  if (issues.length > 0) throw new VbpInputError(issues);

  let lowest = values[0] as Dec;
  let highest = lowest;
  for (const v of values) {
    if (v.lt(lowest)) lowest = v;
    if (v.gt(highest)) highest = v;
  }
  const spread = decString(highest.minus(lowest));
  const base = { method, individual: Object.freeze(individual), spread };

  if (method === "consensus") {
    const agreed = c.values[consensusIndex] as Dec;
    const level = scale.levels[consensusIndex] as QualitativeLevel;
    const changed = individual.filter((_, i) => !(values[i] as Dec).eq(agreed));
    const reason = (input.consensus as { reason: string }).reason;
    const blank = typeof reason !== "string" || reason.trim() === "";
    if (changed.length > 0 && blank) {
      fail({
        code: "policy",
        path: ["consensus", "reason"],
        message: `must explain the consensus ${level.value} (${level.label}), which differs from ${changed.map((e) => `${e.evaluatorId}: ${e.level}`).join(", ")}`,
      });
    }
    return Object.freeze({
      ...base,
      level: level.value,
      label: level.label,
      descriptor: level.descriptor,
      changedFrom: Object.freeze(changed),
      reason: blank ? `consensus ${level.value} (${level.label}) matches every individual score` : reason,
    });
  }

  let value: Dec;
  let reason: string;
  if (method === "mean") {
    value = sumDec(values).div(values.length);
    reason = `mean of ${values.length} evaluators' scores: (${values.map(decString).join(" + ")}) / ${values.length} = ${show(value)}`;
  } else {
    const sorted = [...values].sort((a, b) => a.comparedTo(b));
    const mid = Math.floor(sorted.length / 2);
    value = sorted.length % 2 === 1 ? (sorted[mid] as Dec) : (sorted[mid - 1] as Dec).plus(sorted[mid] as Dec).div(2);
    reason = `median of ${values.length} evaluators' scores (${sorted.map(decString).join(", ")}) = ${show(value)}`;
    if (sorted.length % 2 === 0 && findLevel(c, decString(value)) < 0) {
      const rule = input.medianBetweenLevels ?? "interpolate";
      const lowerV = sorted[mid - 1] as Dec;
      const upperV = sorted[mid] as Dec;
      if (rule === "lower") {
        value = lowerV;
        reason += `, between levels ${decString(lowerV)} and ${decString(upperV)}: the lower level is taken (stated rule: a median between levels scores the lower level)`;
      } else if (rule === "upper") {
        value = upperV;
        reason += `, between levels ${decString(lowerV)} and ${decString(upperV)}: the upper level is taken (stated rule: a median between levels scores the upper level)`;
      } else reason += `, between levels ${decString(lowerV)} and ${decString(upperV)}: scored midway between their points (stated rule: a median between levels is interpolated)`;
    }
  }
  value = toLedgerScale(value);
  const on = findLevel(c, decString(value));
  const lvl = on >= 0 ? (scale.levels[on] as QualitativeLevel) : undefined;
  return Object.freeze({
    ...base,
    level: lvl?.value ?? decString(value),
    ...(lvl !== undefined ? { label: lvl.label, descriptor: lvl.descriptor } : {}),
    reason,
  });
}
