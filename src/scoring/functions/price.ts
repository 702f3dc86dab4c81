import type { Decimal } from "decimal.js";
import { Dec, decString, sumDec, toLedgerScale } from "../../_lib/decimal.js";
import { fail, VbpInputError } from "../../errors/VbpInputError.js";
import type { VbpIssue } from "../../errors/issue.js";
import { absoluteLinear, absoluteProportionalDeviation, optimalPrice } from "./absolutePrice.js";
import { bound, collect, describe, equals, fromResult, readDecimal, show, trace, under, type ScoreTrace } from "./trace.js";

/**
 * Which price formula to use and its parameters, as written in an evaluation document.
 *
 * @example
 * ```ts
 * const spec: PriceFormulaSpec = { formula: "logarithmic", params: { A: "2" } };
 * ```
 */
export type PriceFormulaSpec = {
  /** Identifier of a price formula: a key of {@link PRICE_FORMULAS} or of the caller's own registry. */
  readonly formula: string;
  /** The formula's parameters by name, as decimal strings (e.g. `{ A: "2" }`, `{ ceiling: "12000" }`). */
  readonly params?: Readonly<Record<string, string>> | undefined;
};

/**
 * One documented parameter of a price formula.
 *
 * @example
 * ```ts
 * PRICE_FORMULAS.logarithmic.params[0]; //=> { name: "A", required: true, rule: "greater-than-one", description: "…" }
 * ```
 */
export interface PriceFormulaParam {
  /** Parameter name as written in `spec.params`. */
  readonly name: string;
  /** What the parameter means, in the buyer's words. */
  readonly description: string;
  /** Whether the formula cannot run without it. */
  readonly required: boolean;
  /** The rule its value must satisfy: `"positive"` (> 0), `"greater-than-one"` (> 1) or `"any"` decimal. */
  readonly rule: "positive" | "greater-than-one" | "any";
}

/**
 * What a price formula sees when it scores one price. All quantities are exact decimals (decimal.js
 * instances from the library's isolated constructor); `lowest`, `highest` and `mean` are over `prices`.
 *
 * @example
 * ```ts
 * const f: PriceFormula["score"] = (price, ctx) => ({ points: ctx.maxPoints.times(ctx.lowest).div(price), substituted: "…" });
 * ```
 */
export interface PriceFormulaContext {
  /** Every valid bid price being compared (this one included), in the caller's order. */
  readonly prices: readonly Decimal[];
  /** Pmin: the lowest valid price. */
  readonly lowest: Decimal;
  /** Pmax: the highest valid price. */
  readonly highest: Decimal;
  /** Pmean: the arithmetic mean of the valid prices. */
  readonly mean: Decimal;
  /** The most points the criterion can give. */
  readonly maxPoints: Decimal;
  /** The formula's parameters, parsed and checked against {@link PriceFormula.params}. */
  readonly params: Readonly<Record<string, Decimal>>;
  /** Constants the formula derived once per lot in {@link PriceFormula.prepare} (empty without it). */
  readonly derived: Readonly<Record<string, Decimal>>;
}

/**
 * What a price formula returns for one price, before the library's guards: a result below 0 is floored at 0
 * and one above the maximum capped at it, each with a note.
 *
 * @example
 * ```ts
 * const r: PriceFormulaResult = { points: "38", substituted: "40 × 9500 / 10000 = 38", inputs: { Pmin: "9500" } };
 * ```
 */
export interface PriceFormulaResult {
  /** Points before the guards (may be below 0 or above the maximum; the guards note and fix that). */
  readonly points: Decimal | string;
  /** The formula with the numbers put in, ending with the unguarded result. */
  readonly substituted: string;
  /** Reference prices the formula used, by the names in its formula (`Pmin`, `Pmax`, `Pmean`, `R`…). */
  readonly inputs?: Readonly<Record<string, string>>;
  /** Notes on special cases the formula handled (e.g. all prices equal). */
  readonly notes?: readonly string[];
}

/**
 * A named price-scoring formula. Built-ins are in {@link PRICE_FORMULAS}; callers can register their own by
 * passing a registry that adds to (or replaces) them.
 *
 * @example
 * ```ts
 * const half: PriceFormula = {
 *   id: "half-of-lowest", label: "Half weight", formula: "max × Pmin / (2 × P)",
 *   rankReversal: "depends on the lowest bid", params: [],
 *   score: (p, ctx) => ({ points: ctx.maxPoints.times(ctx.lowest).div(p.times(2)), substituted: "…" }),
 * };
 * priceScore("100", ["100", "200"], "10", { formula: "half-of-lowest" }, { ...PRICE_FORMULAS, "half-of-lowest": half });
 * ```
 */
export interface PriceFormula {
  /** Identifier used in {@link PriceFormulaSpec.formula}. */
  readonly id: string;
  /** Human name. */
  readonly label: string;
  /** The formula in words and symbols. */
  readonly formula: string;
  /** How the formula behaves when a tender is added or removed: whether the ranking of the others can reverse. */
  readonly rankReversal: string;
  /** The documented parameters. */
  readonly params: readonly PriceFormulaParam[];
  /** Where the formula is described. */
  readonly reference?: string;
  /**
   * Optional: derives constants once per lot (e.g. `ln A`), passed to every `score` call as `ctx.derived`.
   *
   * @param ctx - the context, with `derived` empty
   * @returns named constants
   */
  prepare?(ctx: PriceFormulaContext): Readonly<Record<string, Decimal>>;
  /**
   * Scores one price.
   *
   * @param price - the bid price P (> 0)
   * @param ctx - the other prices, the maximum and the parameters
   * @returns points before the floor/cap guards, and the substituted formula
   */
  score(price: Decimal, ctx: PriceFormulaContext): PriceFormulaResult;
}

/**
 * @internal A price formula's arithmetic without its descriptive texts (what scoring needs): a built-in's
 * parameters are described (`description`) by the {@link PRICE_FORMULAS} registry alone, and here "".
 */
export type PriceFormulaRule = Omit<PriceFormula, "rankReversal" | "reference">;

const s = decString as (d: Decimal) => string;


function relativeToLowest(): PriceFormulaRule {
  return {
    id: "relative-to-lowest",
    label: "Relative to the lowest price",
    formula: "max × Pmin / P",
    params: [],
    score(price, ctx) {
      const pts = ctx.maxPoints.times(ctx.lowest).div(price);
      // The worked text is written when read (a trace), not for every bid scored for points alone.
      return {
        points: pts,
        get inputs() {
          return { Pmin: s(ctx.lowest) };
        },
        get substituted() {
          return `${s(ctx.maxPoints)} × ${s(ctx.lowest)} / ${s(price)} ${equals(pts as Dec)}`;
        },
      };
    },
  };
}

function proportionalDeviation(): PriceFormulaRule {
  return {
    id: "proportional-deviation",
    label: "Proportional deviation from the lowest price",
    formula: "max × (1 − (P − Pmin) / Pmin)",
    params: [],
    score(price, ctx) {
      const pts = ctx.maxPoints.times(new Dec(1).minus(price.minus(ctx.lowest).div(ctx.lowest)));
      return {
        points: pts,
        inputs: { Pmin: s(ctx.lowest) },
        substituted: `${s(ctx.maxPoints)} × (1 − (${s(price)} − ${s(ctx.lowest)}) / ${s(ctx.lowest)}) ${equals(pts as Dec)}`,
      };
    },
  };
}

function linearBetweenLimits(): PriceFormulaRule {
  return {
    id: "linear-between-limits",
    label: "Linear between a lower and an upper price",
    formula: "max × (Pmax − P) / (Pmax − Pmin), where Pmin is the lowest bid (or params.floor) and Pmax the highest bid (or params.ceiling)",
    params: [
      { name: "floor", required: false, rule: "positive", description: "" },
      { name: "ceiling", required: false, rule: "positive", description: "" },
    ],
    score(price, ctx) {
      const floor = ctx.params.floor;
      const ceiling = ctx.params.ceiling;
      if (floor !== undefined && ceiling !== undefined && !ceiling.gt(floor)) {
        fail({ code: "out_of_order", path: ["params", "ceiling"], message: `must be greater than params.floor (${s(floor)}), got ${s(ceiling)}` });
      }
      const lo = floor ?? ctx.lowest;
      const hi = ceiling ?? ctx.highest;
      const inputs = { Pmin: s(lo), Pmax: s(hi) };
      const max = ctx.maxPoints;
      if (ceiling !== undefined && price.gt(ceiling)) {
        return { points: new Dec(0), inputs, notes: [`price ${s(price)} is above the stated ceiling ${s(ceiling)}: 0 points`], substituted: `P = ${s(price)} > ceiling = ${s(ceiling)}: 0` };
      }
      if (price.lte(lo)) {
        const notes =
          floor === undefined && ceiling === undefined && hi.eq(lo)
            ? ["all valid prices are equal: full marks"]
            : price.lt(lo)
              ? [`price ${s(price)} is below the lower limit ${s(lo)}: full marks`]
              : [];
        return { points: max, inputs, notes, substituted: `P = ${s(price)} ≤ Pmin = ${s(lo)}: full marks ${s(max)}` };
      }
      if (price.gte(hi)) {
        const notes = price.gt(hi) ? [`price ${s(price)} is above the upper limit ${s(hi)}: 0 points`] : [];
        return { points: new Dec(0), inputs, notes, substituted: `P = ${s(price)} ≥ Pmax = ${s(hi)}: 0` };
      }
      const pts = max.times(hi.minus(price)).div(hi.minus(lo));
      return { points: pts, inputs, substituted: `${s(max)} × (${s(hi)} − ${s(price)}) / (${s(hi)} − ${s(lo)}) ${equals(pts as Dec)}` };
    },
  };
}

function logarithmic(): PriceFormulaRule {
  return {
    id: "logarithmic",
    label: "Logarithmic in the ratio to the lowest price",
    formula: "max × (1 − ln(P / Pmin) / ln A)",
    params: [{ name: "A", required: true, rule: "greater-than-one", description: "" }],
    prepare: (ctx) => ({ lnA: (ctx.params.A as Decimal).ln() }),
    score(price, ctx) {
      const a = ctx.params.A as Decimal;
      // ln A is computed once per lot (prepare); fall back for callers that build the context themselves
      const lnA = ctx.derived.lnA ?? a.ln();
      const pts = ctx.maxPoints.times(new Dec(1).minus(price.div(ctx.lowest).ln().div(lnA)));
      return {
        points: pts,
        inputs: { Pmin: s(ctx.lowest) },
        substituted: `${s(ctx.maxPoints)} × (1 − ln(${s(price)} / ${s(ctx.lowest)}) / ln ${s(a)}) ${equals(pts as Dec)}`,
      };
    },
  };
}

function meanBased(): PriceFormulaRule {
  return {
    id: "mean-based",
    label: "Relative to the mean price",
    formula: "max × (1 − (P − Pmean) / (b × Pmean)), clipped to [0, max]; b = params.band (default 1)",
    params: [
      { name: "band", required: false, rule: "positive", description: "" },
    ],
    score(price, ctx) {
      const b = ctx.params.band ?? new Dec(1);
      const pts = ctx.maxPoints.times(new Dec(1).minus(price.minus(ctx.mean).div(b.times(ctx.mean))));
      return {
        points: pts,
        inputs: { Pmean: s(ctx.mean), b: s(b) },
        substituted: `${s(ctx.maxPoints)} × (1 − (${s(price)} − ${show(ctx.mean as Dec)}) / (${s(b)} × ${show(ctx.mean as Dec)})) ${equals(pts as Dec)}`,
      };
    },
  };
}

function ratioToReference(): PriceFormulaRule {
  return {
    id: "ratio-to-reference",
    label: "Ratio to a stated reference price",
    formula: "max × R / P, capped at max (R = params.reference)",
    params: [{ name: "reference", required: true, rule: "positive", description: "" }],
    score(price, ctx) {
      const r = ctx.params.reference as Decimal;
      const pts = ctx.maxPoints.times(r).div(price);
      return { points: pts, inputs: { R: s(r) }, substituted: `${s(ctx.maxPoints)} × ${s(r)} / ${s(price)} ${equals(pts as Dec)}` };
    },
  };
}

function proportionalToBudget(): PriceFormulaRule {
  return {
    id: "proportional-to-budget",
    label: "Proportional to the budget",
    formula: "max × (B − P) / B = max × (1 − P / B), floored at 0 (B = params.budget)",
    params: [{ name: "budget", required: true, rule: "positive", description: "" }],
    score(price, ctx) {
      const b = ctx.params.budget as Decimal;
      const pts = ctx.maxPoints.times(b.minus(price)).div(b);
      return { points: pts, inputs: { B: s(b) }, substituted: `${s(ctx.maxPoints)} × (${s(b)} − ${s(price)}) / ${s(b)} ${equals(pts as Dec)}` };
    },
  };
}

function frozenFormula(f: PriceFormulaRule): PriceFormulaRule {
  return Object.freeze({ ...f, params: Object.freeze(f.params.map((p) => Object.freeze({ ...p }))) });
}

/** @internal The built-in formulas' arithmetic (no texts): what scoring uses; {@link PRICE_FORMULAS} adds the texts. */
export const PRICE_FORMULA_RULES: Readonly<Record<PriceFormulaId, PriceFormulaRule>> & Readonly<Record<string, PriceFormulaRule | undefined>> = Object.freeze({
  "relative-to-lowest": frozenFormula(relativeToLowest()),
  "proportional-deviation": frozenFormula(proportionalDeviation()),
  "linear-between-limits": frozenFormula(linearBetweenLimits()),
  logarithmic: frozenFormula(logarithmic()),
  "mean-based": frozenFormula(meanBased()),
  "ratio-to-reference": frozenFormula(ratioToReference()),
  "proportional-to-budget": frozenFormula(proportionalToBudget()),
  "absolute-linear": frozenFormula(absoluteLinear()),
  "absolute-proportional-deviation": frozenFormula(absoluteProportionalDeviation()),
  "optimal-price": frozenFormula(optimalPrice()),
});

/**
 * Identifiers of the built-in price formulas.
 *
 * @example
 * ```ts
 * const id: PriceFormulaId = "logarithmic";
 * ```
 */
export type PriceFormulaId =
  | "relative-to-lowest"
  | "proportional-deviation"
  | "linear-between-limits"
  | "logarithmic"
  | "mean-based"
  | "ratio-to-reference"
  | "proportional-to-budget"
  | "absolute-linear"
  | "absolute-proportional-deviation"
  | "optimal-price";

/** @internal Looks up the formula and parses its parameters; issues use paths under `spec`. */
export function resolvePriceFormula(
  spec: PriceFormulaSpec,
  formulas: Readonly<Record<string, PriceFormulaRule | undefined>>,
): { formula: PriceFormulaRule; params: Record<string, Dec> } {
  if (spec === null || typeof spec !== "object") fail({ code: "invalid_type", path: ["spec"], message: "must be an object { formula, params? }" });
  const id = spec.formula;
  if (typeof id !== "string" || !Object.hasOwn(formulas, id)) {
    fail({
      code: "unknown_reference",
      path: ["spec", "formula"],
      message: `unknown price formula ${JSON.stringify(id)}; known formulas: ${Object.keys(formulas).join(", ")}`,
    });
  }
  const formula = formulas[id] as PriceFormulaRule;
  const raw = spec.params ?? {};
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    fail({ code: "invalid_type", path: ["spec", "params"], message: `must be an object of named parameters, got ${describe(raw)}` });
  }
  const issues: VbpIssue[] = [];
  const params: Record<string, Dec> = Object.create(null) as Record<string, Dec>;
  const known = new Set(formula.params.map((p) => p.name));
  for (const key of Object.keys(raw)) {
    if (!known.has(key)) {
      issues.push({
        code: "unrecognized_keys",
        path: ["spec", "params", key],
        message: `unknown parameter "${key}" for price formula "${id}"; ${known.size === 0 ? "it takes no parameters" : `allowed: ${[...known].join(", ")}`}`,
      });
    }
  }
  for (const p of formula.params) {
    const path = ["spec", "params", p.name];
    const v = Object.hasOwn(raw, p.name) ? raw[p.name] : undefined;
    if (v === undefined) {
      if (p.required) issues.push({ code: "invalid_type", path, message: `is required by price formula "${id}"${p.description === "" ? "" : ` (${p.description})`}` });
      continue;
    }
    try {
      const d = readDecimal(v, path, p.rule === "positive" ? "positive" : "any");
      if (p.rule === "greater-than-one" && !d.gt(1)) issues.push({ code: "too_small", path, message: `must be > 1, got ${decString(d)}` });
      else params[p.name] = d;
    } catch (e) {
      if (e instanceof VbpInputError) issues.push(...e.issues);
      else throw e;
    }
  }
  if (issues.length > 0) throw new VbpInputError(issues);
  return { formula, params };
}

/** @internal Reads the price list: every entry a decimal > 0; issues name `allPrices[i]`. */
export function readPrices(allPrices: readonly string[], name = "allPrices"): Dec[] {
  if (!Array.isArray(allPrices)) fail({ code: "invalid_type", path: [name], message: "must be an array of decimal prices" });
  if (allPrices.length === 0) fail({ code: "too_small", path: [name], message: "must have at least 1 item (the valid bid prices being compared)" });
  const out: Dec[] = [];
  const issues: VbpIssue[] = [];
  allPrices.forEach((p, i) => {
    try {
      out.push(readDecimal(p, [name, i], "positive", "a price"));
    } catch (e) {
      if (e instanceof VbpInputError) issues.push(...e.issues);
      else throw e;
    }
  });
  if (issues.length > 0) throw new VbpInputError(issues);
  return out;
}

/** @internal A compiled price-scoring context: formula, parameters and reference prices, built once per tender lot. */
export interface CompiledPriceScoring {
  readonly formula: PriceFormulaRule;
  readonly ctx: PriceFormulaContext;
}

/** @internal Builds the context once for a set of prices. */
export function compilePriceScoring(
  prices: Dec[],
  maxPoints: string,
  spec: PriceFormulaSpec,
  formulas: Readonly<Record<string, PriceFormulaRule | undefined>>,
): CompiledPriceScoring {
  const max = readDecimal(maxPoints, ["maxPoints"], "nonNegative");
  const { formula, params } = resolvePriceFormula(spec, formulas);
  if (prices.length === 0) fail({ code: "too_small", path: ["prices"], message: "must have at least 1 item (the valid bid prices being compared)" });
  prices.forEach((p, i) => {
    if (!p.isFinite() || !p.gt(0)) fail({ code: "too_small", path: ["prices", i], message: `must be > 0, got ${decString(p)}` });
  });
  let lowest = prices[0] as Dec;
  let highest = lowest;
  for (const p of prices) {
    if (p.lt(lowest)) lowest = p;
    if (p.gt(highest)) highest = p;
  }
  const mean = sumDec(prices).div(prices.length);
  const base: PriceFormulaContext = {
    prices: Object.freeze([...prices]),
    lowest,
    highest,
    mean,
    maxPoints: max,
    params: Object.freeze(params),
    derived: Object.freeze({}),
  };
  const derived = formula.prepare === undefined ? base.derived : Object.freeze({ ...under(["spec"], () => (formula.prepare as NonNullable<PriceFormulaRule["prepare"]>)(base)) });
  return { formula, ctx: Object.freeze({ ...base, derived }) };
}

/** @internal Scores one price (already checked > 0) in a compiled context. */
export function scoreCompiledPrice(c: CompiledPriceScoring, price: Dec): ScoreTrace {
  const { formula, ctx } = c;
  if (!price.isFinite() || !price.gt(0)) fail({ code: "too_small", path: ["price"], message: `must be > 0, got ${decString(price)}` });
  const r = under(["spec"], () => formula.score(price, ctx));
  const raw = fromResult(r.points, ["spec", "formula"], `price formula "${formula.id}"`);
  const max = ctx.maxPoints as Dec;
  const notes: string[] = [...(r.notes ?? [])];
  const above = formula.id === "mean-based" ? "price at or below the mean price" : formula.id === "ratio-to-reference" ? "price below the reference price" : undefined;
  const below = belowReason(formula.id, price, ctx);
  const points = bound(raw, max, notes, below, above);
  const inputs: Record<string, string> = { P: decString(price), max: decString(max), ...(r.inputs ?? {}) };
  for (const [k, v] of Object.entries(ctx.params)) inputs[k] = decString(v as Dec);
  const substituted = points.eq(toLedgerScale(raw)) ? r.substituted : `${r.substituted} → ${decString(points)}`;
  return trace({ points, maxPoints: max, formula: formula.formula, substituted, inputs, notes });
}

function belowReason(id: string, price: Dec, ctx: PriceFormulaContext): string | undefined {
  switch (id) {
    case "proportional-deviation":
      return `price ${decString(price)} is more than double the lowest ${decString(ctx.lowest as Dec)}`;
    case "logarithmic":
      return `price ${decString(price)} is more than A = ${decString(ctx.params.A as Dec)} times the lowest ${decString(ctx.lowest as Dec)}`;
    case "mean-based":
      return `price ${decString(price)} is more than (1 + b) times the mean price ${show(ctx.mean as Dec)}`;
    case "proportional-to-budget":
      return `price ${decString(price)} is above the budget ${decString(ctx.params.budget as Dec)}`;
    default:
      return undefined;
  }
}

/**
 * Scores one bid price against the other valid bids with a named price formula, returning the points and
 * how they were produced.
 *
 * Guards: every price must be > 0 (an input error naming `price` or `allPrices[i]`); a result below 0 is
 * floored at 0 and one above the maximum capped, each with a note. `price` must be one of `allPrices`
 * (compared by value), so the lowest, highest and mean prices include it.
 *
 * @param price - the bid price P being scored (decimal string)
 * @param allPrices - every valid bid price being compared, this one included
 * @param maxPoints - the most points the price criterion gives
 * @param spec - the formula and its parameters
 * @param formulas - the registry to look the formula up in (default {@link PRICE_FORMULAS})
 * @returns the trace: points in [0, maxPoints], formula, substituted numbers, inputs and notes
 * @throws VbpInputError when a price is not > 0, the formula is unknown or a parameter is missing or invalid
 * @example
 * ```ts
 * priceScore("10000", ["9500", "10000", "12000"], "40", { formula: "relative-to-lowest" }).substituted;
 * //=> "40 × 9500 / 10000 = 38"
 * ```
 */
export function priceScore(
  price: string,
  allPrices: readonly string[],
  maxPoints: string,
  spec: PriceFormulaSpec,
  formulas: Readonly<Record<string, Omit<PriceFormula, "rankReversal" | "reference"> | undefined>> = PRICE_FORMULA_RULES,
): ScoreTrace {
  const issues: VbpIssue[] = [];
  const p = collect(issues, () => readDecimal(price, ["price"], "positive", "a price"));
  const prices = collect(issues, () => readPrices(allPrices));
  collect(issues, () => readDecimal(maxPoints, ["maxPoints"], "nonNegative"));
  collect(issues, () => resolvePriceFormula(spec, formulas));
  if (p !== undefined && prices !== undefined && !prices.some((q) => q.eq(p))) {
    issues.push({
      code: "unknown_reference",
      path: ["price"],
      message: `must be one of allPrices (every valid bid price, this one included), got ${decString(p)}`,
    });
  }
  if (issues.length > 0 || p === undefined || prices === undefined) throw new VbpInputError(issues);
  return scoreCompiledPrice(compilePriceScoring(prices, maxPoints, spec, formulas), p);
}

/**
 * Scores every bid price of a lot at once (the lowest, highest and mean prices are computed once, so this is
 * linear in the number of bids). `result[i]` is the trace for `prices[i]`.
 *
 * @param prices - every valid bid price being compared
 * @param maxPoints - the most points the price criterion gives
 * @param spec - the formula and its parameters
 * @param formulas - the registry to look the formula up in (default {@link PRICE_FORMULAS})
 * @returns one trace per price, in order
 * @throws VbpInputError as {@link priceScore}; price issues name `prices[i]`
 * @example
 * ```ts
 * priceScores(["9500", "10000"], "40", { formula: "relative-to-lowest" }).map((t) => t.points);
 * //=> ["40", "38"]
 * ```
 */
export function priceScores(
  prices: readonly string[],
  maxPoints: string,
  spec: PriceFormulaSpec,
  formulas: Readonly<Record<string, Omit<PriceFormula, "rankReversal" | "reference"> | undefined>> = PRICE_FORMULA_RULES,
): readonly ScoreTrace[] {
  const issues: VbpIssue[] = [];
  const ps = collect(issues, () => readPrices(prices, "prices"));
  collect(issues, () => readDecimal(maxPoints, ["maxPoints"], "nonNegative"));
  collect(issues, () => resolvePriceFormula(spec, formulas));
  if (issues.length > 0 || ps === undefined) throw new VbpInputError(issues);
  const c = compilePriceScoring(ps, maxPoints, spec, formulas);
  return Object.freeze(ps.map((p) => scoreCompiledPrice(c, p)));
}
