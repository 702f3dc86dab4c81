import { Dec, decString, toLedgerScale } from "../../_lib/decimal.js";
import { fail, VbpInputError } from "../../errors/VbpInputError.js";
import type { VbpIssue } from "../../errors/issue.js";
import type { Source } from "../../reference/source.js";
import { describe, equals, readDecimal, trace, type ScoreTrace } from "./trace.js";

/**
 * One level of a qualitative scale: its numeric value, a short label and the descriptor evaluators apply.
 *
 * @example
 * ```ts
 * const good: QualitativeLevel = { value: "3", label: "good", descriptor: "A good response…" };
 * ```
 */
export interface QualitativeLevel {
  /** Numeric value of the level, a decimal string ≥ 0; points = maxPoints × value / the top level's value. */
  readonly value: string;
  /** Short name of the level (unique within the scale, compared case-insensitively). */
  readonly label: string;
  /** What a response must show to be given this level. */
  readonly descriptor: string;
}

/**
 * A qualitative scoring scale as data: levels with values and descriptors. A response scored at a level
 * gets `maxPoints × value / top value` points. Built-ins are in {@link QUALITATIVE_SCALES}; any scale the
 * buyer publishes can be passed instead.
 *
 * @example
 * ```ts
 * const passFail: QualitativeScale = { id: "pass-fail", label: "Pass/fail", levels: [
 *   { value: "0", label: "fail", descriptor: "Requirement not met." },
 *   { value: "1", label: "pass", descriptor: "Requirement met." },
 * ] };
 * ```
 */
export interface QualitativeScale {
  /** Identifier recorded with scores. */
  readonly id: string;
  /** Human name. */
  readonly label: string;
  /** The levels, in increasing value (worst first). */
  readonly levels: readonly QualitativeLevel[];
  /** Where the scale and its descriptors come from. */
  readonly source?: Source;
  /** Anything needed to apply the scale correctly (e.g. descriptors that are the library's own wording). */
  readonly note?: string;
}

function frozenScale(s: QualitativeScale): QualitativeScale {
  return Object.freeze({ ...s, levels: Object.freeze(s.levels.map((l) => Object.freeze({ ...l }))) });
}


const ZERO_TO_FIVE = frozenScale({
  id: "0-5",
  label: "Six-level scale 0–5",
  levels: [
    { value: "0", label: "unacceptable", descriptor: "No response, or the response does not address the requirement." },
    { value: "1", label: "poor", descriptor: "Addresses the requirement only partly; major gaps or significant concerns; little or no evidence." },
    { value: "2", label: "weak", descriptor: "Addresses the requirement with some gaps or concerns; limited evidence." },
    { value: "3", label: "satisfactory", descriptor: "Meets the requirement; minor gaps; adequate evidence." },
    { value: "4", label: "good", descriptor: "Meets the requirement fully with good evidence; some added value." },
    { value: "5", label: "excellent", descriptor: "Exceeds the requirement with compelling evidence; clear added value and no concerns." },
  ],
});

const ZERO_TO_TEN = frozenScale({
  id: "0-10",
  label: "Eleven-level scale 0–10",
  levels: [
    { value: "0", label: "0 – no response", descriptor: "No response, or the response is irrelevant to the requirement." },
    { value: "1", label: "1 – very poor", descriptor: "Fails to address most of the requirement; no supporting evidence." },
    { value: "2", label: "2 – poor", descriptor: "Addresses a small part of the requirement; major gaps." },
    { value: "3", label: "3 – weak", descriptor: "Addresses parts of the requirement; significant gaps or concerns." },
    { value: "4", label: "4 – below expectations", descriptor: "Addresses most of the requirement with notable gaps; limited evidence." },
    { value: "5", label: "5 – adequate", descriptor: "Meets the minimum requirement; some gaps; evidence partly convincing." },
    { value: "6", label: "6 – satisfactory", descriptor: "Meets the requirement; minor gaps; adequate evidence." },
    { value: "7", label: "7 – good", descriptor: "Meets the requirement fully with good evidence." },
    { value: "8", label: "8 – very good", descriptor: "Meets the requirement fully with strong evidence; some added value." },
    { value: "9", label: "9 – excellent", descriptor: "Exceeds the requirement in places with strong evidence; clear added value." },
    { value: "10", label: "10 – outstanding", descriptor: "Exceeds the requirement throughout with compelling evidence; no weaknesses." },
  ],
});

const PERCENT_QUARTERS = frozenScale({
  id: "0-25-50-75-100",
  label: "Five-level percentage scale 0/25/50/75/100",
  levels: [
    { value: "0", label: "unacceptable", descriptor: "No response, or the response fails to meet the requirement." },
    { value: "25", label: "poor", descriptor: "Meets the requirement only in part; significant gaps or risks; little evidence." },
    { value: "50", label: "acceptable", descriptor: "Meets the requirement with some gaps or minor risks; adequate evidence." },
    { value: "75", label: "good", descriptor: "Meets the requirement fully with good evidence and few or no risks." },
    { value: "100", label: "excellent", descriptor: "Exceeds the requirement with compelling evidence; clear added value; no risks." },
  ],
});

const NHS_VBP_5 = frozenScale({
  id: "nhs-vbp-5",
  label: "NHS value based procurement five-point scale (outstanding → no response)",
  levels: [
    { value: "0", label: "no response", descriptor: "No response given, or the response does not answer the question." },
    { value: "1", label: "poor", descriptor: "The response answers the question only in part, with little or no evidence of the value claimed; significant concerns." },
    { value: "2", label: "satisfactory", descriptor: "The response answers the question with some evidence of the value claimed; some gaps or minor concerns." },
    { value: "3", label: "good", descriptor: "The response answers the question fully, with good evidence of the value claimed for patients, staff or the system." },
    { value: "4", label: "outstanding", descriptor: "The response answers the question fully, with robust, measurable evidence of value beyond the requirement and no concerns." },
  ],
});

/**
 * Identifiers of the built-in qualitative scales.
 *
 * @example
 * ```ts
 * const id: QualitativeScaleId = "nhs-vbp-5";
 * ```
 */
export type QualitativeScaleId = "0-5" | "0-10" | "0-25-50-75-100" | "nhs-vbp-5";

/**
 * @internal The built-in scales as scoring reads them: id, label and levels. Their notes and sources, which
 * scoring never reads, come with {@link QUALITATIVE_SCALES} (qualitativeScales.ts), so a bundle that only scores
 * leaves those texts out.
 */
export const BUILT_IN_SCALES: Readonly<Record<QualitativeScaleId, QualitativeScale>> & Readonly<Record<string, QualitativeScale | undefined>> = Object.freeze({
  "0-5": ZERO_TO_FIVE,
  "0-10": ZERO_TO_TEN,
  "0-25-50-75-100": PERCENT_QUARTERS,
  "nhs-vbp-5": NHS_VBP_5,
});

/** @internal A scale checked and compiled: level values as Dec, the top value. */
export interface CheckedScale {
  readonly scale: QualitativeScale;
  readonly values: readonly Dec[];
  readonly top: Dec;
}

/** @internal Checks a scale: ≥ 2 levels, values decimal ≥ 0 and distinct, labels distinct, top value > 0. */
export function checkScale(scale: QualitativeScale, at: readonly (string | number)[] = ["scale"]): CheckedScale {
  if (scale === null || typeof scale !== "object" || !Array.isArray(scale.levels)) {
    fail({ code: "invalid_type", path: [...at], message: "must be a qualitative scale { id, label, levels }" });
  }
  const issues: VbpIssue[] = [];
  if (scale.levels.length < 2) issues.push({ code: "too_small", path: [...at, "levels"], message: `must have at least 2 levels, got ${scale.levels.length}` });
  const values: Dec[] = [];
  const seenValues = new Map<string, number>();
  const seenLabels = new Map<string, number>();
  scale.levels.forEach((l, i) => {
    try {
      const v = readDecimal(l.value, [...at, "levels", i, "value"], "nonNegative");
      const key = decString(v);
      const prev = seenValues.get(key);
      if (prev !== undefined) issues.push({ code: "duplicate_id", path: [...at, "levels", i, "value"], message: `duplicates the value of levels[${prev}] (${key})` });
      seenValues.set(key, i);
      values.push(v);
    } catch (e) {
      if (e instanceof VbpInputError) issues.push(...e.issues);
      else throw e;
    }
    const label = typeof l.label === "string" ? l.label.trim().toLowerCase() : "";
    if (label === "") issues.push({ code: "invalid_type", path: [...at, "levels", i, "label"], message: `must be a non-empty label, got ${describe(l.label)}` });
    else {
      const prev = seenLabels.get(label);
      if (prev !== undefined) issues.push({ code: "duplicate_id", path: [...at, "levels", i, "label"], message: `duplicates the label of levels[${prev}] ("${l.label}")` });
      seenLabels.set(label, i);
    }
  });
  if (issues.length > 0) throw new VbpInputError(issues);
  const top = values.reduce((a, b) => (b.gt(a) ? b : a));
  if (!top.gt(0)) fail({ code: "too_small", path: [...at, "levels"], message: "the highest level value must be > 0 (points are maxPoints × value / highest value)" });
  return { scale, values, top };
}

/** @internal Finds a level by value (numerically) or label (case-insensitively); returns its index or -1. */
export function findLevel(c: CheckedScale, level: string | number): number {
  if (typeof level === "number" || (typeof level === "string" && /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(level.trim()))) {
    const v = typeof level === "number" ? (Number.isFinite(level) ? new Dec(level) : undefined) : new Dec(level.trim());
    if (v !== undefined) {
      const i = c.values.findIndex((x) => x.eq(v));
      if (i >= 0) return i;
    }
  }
  if (typeof level === "string") {
    const want = level.trim().toLowerCase();
    return c.scale.levels.findIndex((l) => l.label.trim().toLowerCase() === want);
  }
  return -1;
}

/** @internal The allowed levels of a scale, for messages: `0 (no response), 1 (poor), …`. */
export function allowedLevels(scale: QualitativeScale): string {
  return scale.levels.map((l) => `${l.value} (${l.label})`).join(", ");
}

/** @internal Resolves a level or throws an issue at `path` naming it and listing the allowed levels. */
export function resolveLevel(c: CheckedScale, level: string | number, path: readonly (string | number)[]): number {
  const i = findLevel(c, level);
  if (i < 0) {
    fail({
      code: "invalid_value",
      path: [...path],
      message: `${describe(level)} is not a level of scale "${c.scale.id}"; allowed levels: ${allowedLevels(c.scale)}`,
    });
  }
  return i;
}

/**
 * Options for {@link scaleScore}.
 *
 * @example
 * ```ts
 * scaleScore("2.5", "20", QUALITATIVE_SCALES["nhs-vbp-5"], { betweenLevels: true }).points; //=> "12.5"
 * ```
 */
export interface ScaleScoreOptions {
  /**
   * Accept a numeric value between the lowest and highest level values that is not itself a level (e.g. the
   * mean of several evaluators' levels from {@link moderate}); scored by the same formula, with a note.
   * Default false: only levels on the scale are accepted.
   */
  readonly betweenLevels?: boolean;
}

/**
 * The trace of a qualitative score, with the level it was given.
 *
 * @example
 * ```ts
 * const t: ScaleScoreTrace = scaleScore("good", "20", QUALITATIVE_SCALES["nhs-vbp-5"]);
 * t.descriptor; //=> "The response answers the question fully, …"
 * ```
 */
export interface ScaleScoreTrace extends ScoreTrace {
  /** The level's value as a decimal string (for a value between levels, that value). */
  readonly level: string;
  /** The level's label (for a value between levels, `"between X and Y"`). */
  readonly label: string;
  /** The level's descriptor. */
  readonly descriptor: string;
}

/**
 * Points for a response scored at a level of a qualitative scale: `maxPoints × level value / top level value`.
 *
 * @param level - the level, by value (`"3"`, `3`) or label (`"good"`, case-insensitive)
 * @param maxPoints - the most points the criterion gives (≥ 0)
 * @param scale - the scale (e.g. `QUALITATIVE_SCALES["nhs-vbp-5"]`, or the buyer's own)
 * @param options - whether values between levels are accepted
 * @returns the trace, plus the level's value, label and descriptor
 * @throws VbpInputError when the level is not on the scale (the message lists the allowed levels) or the scale is invalid
 * @example
 * ```ts
 * const t = scaleScore("good", "20", QUALITATIVE_SCALES["nhs-vbp-5"]);
 * t.points;      //=> "15"
 * t.substituted; //=> "20 × 3 / 4 = 15"
 * ```
 */
export function scaleScore(
  level: string | number,
  maxPoints: string,
  scale: QualitativeScale,
  options: ScaleScoreOptions = {},
): ScaleScoreTrace {
  const max = readDecimal(maxPoints, ["maxPoints"], "nonNegative");
  const c = checkScale(scale);
  const i = findLevel(c, level);
  let value: Dec;
  let label: string;
  let descriptor: string;
  const notes: string[] = [];
  if (i >= 0) {
    const l = scale.levels[i] as QualitativeLevel;
    value = c.values[i] as Dec;
    label = l.label;
    descriptor = l.descriptor;
  } else {
    const bottom = c.values.reduce((a, b) => (b.lt(a) ? b : a));
    const v = options.betweenLevels === true && (typeof level === "number" || typeof level === "string") ? tryDecimal(level) : undefined;
    if (v === undefined || v.lt(bottom) || v.gt(c.top)) resolveLevel(c, level, ["level"]);
    value = v as Dec;
    let below = -1;
    let above = -1;
    c.values.forEach((x, j) => {
      if (x.lt(value) && (below < 0 || x.gt(c.values[below] as Dec))) below = j;
      if (x.gt(value) && (above < 0 || x.lt(c.values[above] as Dec))) above = j;
    });
    const lo = scale.levels[below] as QualitativeLevel;
    const hi = scale.levels[above] as QualitativeLevel;
    label = `between ${lo.label} and ${hi.label}`;
    descriptor = `Between "${lo.label}" (${lo.value}) and "${hi.label}" (${hi.value}).`;
    notes.push(`value ${decString(value)} lies between the levels ${lo.value} (${lo.label}) and ${hi.value} (${hi.label}), e.g. a mean of evaluators' scores`);
  }
  const pts = toLedgerScale(max.times(value).div(c.top));
  const t = trace({
    points: pts,
    maxPoints: max,
    formula: "max × level value / top level value",
    substituted: `${decString(max)} × ${decString(value)} / ${decString(c.top)} ${equals(max.times(value).div(c.top))}`,
    inputs: { level: decString(value), top: decString(c.top), max: decString(max) },
    notes,
  });
  return Object.freeze({ ...t, level: decString(value), label, descriptor });
}

function tryDecimal(v: string | number): Dec | undefined {
  try {
    return readDecimal(v, [], "any");
  } catch {
    return undefined;
  }
}
