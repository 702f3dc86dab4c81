import { Dec, decString } from "../_lib/decimal.js";
import { fail, VbpInputError } from "../errors/VbpInputError.js";
import type { VbpIssue, VbpPath } from "../errors/issue.js";
import { collect, describe, readDecimal } from "./functions/trace.js";
import type { Criterion } from "./criteria.js";
import type { PriceFormulaSpec } from "./functions/price.js";
import { parseTender, type ScoringRegistries } from "./schema.js";
import { scoreTender } from "./scoreTender.js";
import type { ScoreNode, Tender, TenderResult } from "./tender.js";

const STILGER_2017 = "Stilger, P.S., Siderius, J. & van Raaij, E.M. (2017), Journal of Public Procurement 17(1), 88–124";

/**
 * One bid for the utility index: its quality as a share of the quality points available (0–1) and its price.
 *
 * @example
 * ```ts
 * const b: UtilityIndexBid = { id: "A", quality: "0.86", price: "10000" };
 * ```
 */
export interface UtilityIndexBid {
  /** Bid id. */
  readonly id: string;
  /** Quality score as a share of the quality points available, 0–1 (decimal string). */
  readonly quality: string;
  /** Price (> 0, decimal string). */
  readonly price: string;
}

/**
 * One bid's utility index and rank.
 *
 * @example
 * ```ts
 * const r: UtilityIndexRow = { id: "A", index: "0.48", rank: 2 };
 * ```
 */
export interface UtilityIndexRow {
  /** Bid id. */
  readonly id: string;
  /** The index U (12 places). */
  readonly index: string;
  /** Rank, 1 = highest index; equal indexes share a rank. */
  readonly rank: number;
}

/**
 * The utility index ("value for money") of each bid, highest first:
 * `U = (1 − (Qbest − Q) × N) / P × Pbest`, with `N = quality weight / price weight`, Qbest the best quality and
 * Pbest the lowest price (Stilger, Siderius & van Raaij 2017; the Negometrix "Utility index").
 *
 * Rank reversal: relative on both axes. Removing the best-quality bid raises every numerator by the same amount,
 * which helps cheaper bids more than dearer ones, so two other bids can swap places (tested). Removing the
 * lowest-priced bid rescales every index alike and cannot swap two others.
 *
 * @param bids - the bids (at least one)
 * @param weights - `{ quality, price }` weights (percent, > 0)
 * @returns each bid with its index, ranked (1 = highest); ties share a rank
 * @throws VbpInputError for an empty list, a bid or weight that is not a decimal by the library's decimal rule, a quality outside 0–1, a price ≤ 0 or a weight ≤ 0 (every problem, each at its path)
 * @example
 * ```ts
 * utilityIndex([{ id: "A", quality: "0.8", price: "100" }, { id: "B", quality: "1", price: "125" }], { quality: "50", price: "50" })
 *   .map((r) => [r.id, r.index]);
 * //=> [["A", "0.8"], ["B", "0.8"]]  // 10% less quality for 20% less price: equal value at N = 1
 * ```
 */
export function utilityIndex(bids: readonly UtilityIndexBid[], weights: { readonly quality: string; readonly price: string }): UtilityIndexRow[] {
  if (!Array.isArray(bids) || bids.length === 0) fail({ code: "too_small", path: ["bids"], message: "must have at least 1 bid" });
  // Every problem at once, each at its path; decimals by the library's one decimal rule (no hex, no spaces).
  const issues: VbpIssue[] = [];
  // A bid or the weights that is not an object is one problem (its fields are not reported missing one by one).
  const object = (v: unknown, path: VbpPath, what: string): Record<string, unknown> | undefined => {
    if (typeof v === "object" && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
    issues.push({ code: "invalid_type", path, message: `must be ${what}, got ${describe(v)}` });
    return undefined;
  };
  const w = object(weights, ["weights"], "an object { quality, price }");
  const wq = w && collect(issues, () => readDecimal(w["quality"], ["weights", "quality"], "positive"));
  const wp = w && collect(issues, () => readDecimal(w["price"], ["weights", "price"], "positive"));
  // Every row is read whole or reported: the rows are used only when there is no issue.
  const rows: { id: string; q: Dec; p: Dec }[] = [];
  bids.forEach((raw, i) => {
    const b = object(raw, ["bids", i], "a bid { id, quality, price }");
    if (b === undefined) return;
    if (typeof b["id"] !== "string") issues.push({ code: "invalid_type", path: ["bids", i, "id"], message: `must be a string, got ${describe(b["id"])}` });
    const q = collect(issues, () => readDecimal(b["quality"], ["bids", i, "quality"]));
    const p = collect(issues, () => readDecimal(b["price"], ["bids", i, "price"], "positive"));
    if (q !== undefined && (q.lt(0) || q.gt(1))) issues.push({ code: "invalid_value", path: ["bids", i, "quality"], message: `must be a share between 0 and 1, got ${decString(q)}` });
    rows.push({ id: b["id"] as string, q: q as Dec, p: p as Dec });
  });
  if (issues.length > 0 || wq === undefined || wp === undefined) throw new VbpInputError(issues);
  const n = wq.div(wp);
  // Read one by one: there can be more bids than one call takes as arguments.
  const qBest = rows.reduce((a, r) => (r.q.gt(a) ? r.q : a), (rows[0] as (typeof rows)[number]).q);
  const pBest = rows.reduce((a, r) => (r.p.lt(a) ? r.p : a), (rows[0] as (typeof rows)[number]).p);
  const scored = rows.map((r) => ({ id: r.id, u: new Dec(1).minus(qBest.minus(r.q).times(n)).div(r.p).times(pBest) }));
  const sorted = [...scored].sort((a, b) => b.u.comparedTo(a.u));
  // Rank 1 + the number of higher indexes: in this order, the place of the first bid with the same index.
  let rank = 0;
  return sorted.map((r, i) => {
    if (i === 0 || r.u.lt((sorted[i - 1] as (typeof sorted)[number]).u)) rank = i + 1;
    return { id: r.id, index: decString(r.u.toDecimalPlaces(12, Dec.ROUND_HALF_EVEN)), rank };
  });
}

/**
 * One award rule tried by {@link formulaDiagnostic}: a price formula put in place of every price criterion's
 * own, or the utility index.
 *
 * @example
 * ```ts
 * const rules: AwardRule[] = [{ formula: "linear-between-limits" }, { award: "utility-index" }];
 * ```
 */
export type AwardRule = PriceFormulaSpec | UtilityIndexRule;

/**
 * The utility index as an award rule for {@link formulaDiagnostic}.
 *
 * @example
 * ```ts
 * const r: UtilityIndexRule = { award: "utility-index" };
 * ```
 */
export interface UtilityIndexRule {
  /** The rule: the utility index, computed from each bid's quality share and price. */
  readonly award: "utility-index";
}

/**
 * The outcome of one award rule in one lot.
 *
 * @example
 * ```ts
 * const diagnostic = formulaDiagnostic(tender, [{ formula: "linear-between-limits" }, { award: "utility-index" }]);
 * diagnostic.outcomes.map((o) => `${o.rule} (${o.lotId}): ${o.winner ?? "no single winner"}`);
 * ```
 */
export interface AwardRuleOutcome {
  /** The rule, e.g. "relative-to-lowest" or "utility-index". */
  readonly rule: string;
  /** Lot id. */
  readonly lotId: string;
  /** Ranked option ids under the rule, best first. */
  readonly ranking: readonly string[];
  /** The winner, when one bid ranks first alone. */
  readonly winner?: string;
  /** True when the winner differs from the winner under the tender's own formula. */
  readonly winnerChanges: boolean;
}

/**
 * What {@link formulaDiagnostic} found: the outcome under the tender's own formula and under each rule tried,
 * and where the winner changes.
 *
 * @example
 * ```ts
 * formulaDiagnostic(tender, [{ formula: "logarithmic", params: { A: "2" } }]).changes;
 * ```
 */
export interface FormulaDiagnostic {
  /** Outcomes, the tender's own formula first ("as published"), lot by lot. */
  readonly outcomes: readonly AwardRuleOutcome[];
  /** Only the outcomes whose winner differs from the published one. */
  readonly changes: readonly AwardRuleOutcome[];
  /** Where the formulas come from. */
  readonly reference: string;
}

function replaceFormula(criteria: readonly Criterion[], spec: PriceFormulaSpec): Criterion[] {
  const formula = { formula: spec.formula, ...(spec.params !== undefined ? { params: spec.params } : {}) };
  return criteria.map((c): Criterion => (c.kind === "group" ? { ...c, children: replaceFormula(c.children, spec) } : c.kind === "price" ? { ...c, formula } : c));
}

function outcomesOf(rule: string, r: TenderResult, published?: ReadonlyMap<string, string | undefined>): AwardRuleOutcome[] {
  return r.lots.map((l) => {
    const ranking = l.options.filter((o) => o.rank !== undefined).sort((a, b) => (a.rank as number) - (b.rank as number)).map((o) => o.optionId);
    return { rule, lotId: l.lotId, ranking, ...(l.winner !== undefined ? { winner: l.winner } : {}), winnerChanges: published !== undefined && published.get(l.lotId) !== l.winner };
  });
}

function priceMax(nodes: readonly ScoreNode[]): Dec {
  return nodes.reduce((s, n) => s.plus(n.children !== undefined ? priceMax(n.children) : n.kind === "price" ? new Dec(n.maxPoints) : new Dec(0)), new Dec(0));
}

/**
 * Scores one tender under several award rules and reports where the winner changes: each price formula is put
 * in place of every price criterion's own (the quality scores are unchanged), and the utility index is computed
 * from each bid's quality share and price. A buyer can see, before publishing, whether the choice of formula
 * decides the award (Stilger, Siderius & van Raaij 2017: the choice of formula critically affects which bid wins).
 *
 * @param tender - the tender (JSON data, validated like {@link scoreTender})
 * @param rules - the rules to try
 * @param registries - your own price formulas or value functions
 * @returns every outcome and the changes of winner
 * @throws VbpInputError for an invalid tender or rule
 * @example
 * ```ts
 * const d = formulaDiagnostic(tender, [{ formula: "linear-between-limits" }, { award: "utility-index" }]);
 * d.changes.map((c) => `${c.rule}: ${c.winner}`);
 * ```
 */
export function formulaDiagnostic(tender: unknown, rules: readonly AwardRule[], registries: ScoringRegistries = {}): FormulaDiagnostic {
  const t: Tender = parseTender(tender, registries);
  const settings = { ...(t.settings ?? {}), rankReversal: false, overtaking: false };
  const base = scoreTender({ ...t, settings }, registries);
  const published = new Map(base.lots.map((l) => [l.lotId, l.winner] as const));
  const outcomes: AwardRuleOutcome[] = outcomesOf("as published", base);
  rules.forEach((rule, i) => {
    if ("award" in rule) {
      if (rule.award !== "utility-index") fail({ code: "invalid_value", path: ["rules", i, "award"], message: `must be "utility-index", got ${JSON.stringify(rule.award)}` });
      for (const lot of base.lots) {
        const bids = lot.options.filter((o) => o.rank !== undefined && o.price !== undefined);
        if (bids.length === 0) continue;
        const pw = priceMax(bids[0]!.scoreTree);
        const qw = new Dec(100).minus(pw);
        if (!pw.gt(0) || !qw.gt(0)) fail({ code: "policy", path: ["rules", i], message: "the utility index needs both a price criterion and quality criteria" });
        const u = utilityIndex(
          bids.map((o) => ({ id: o.optionId, quality: decString(new Dec(o.qualityPoints).div(qw)), price: o.price as string })),
          { quality: decString(qw), price: decString(pw) },
        );
        const firsts = u.filter((x) => x.rank === 1);
        const winner = firsts.length === 1 ? firsts[0]!.id : undefined;
        outcomes.push({ rule: "utility-index", lotId: lot.lotId, ranking: u.map((x) => x.id), ...(winner !== undefined ? { winner } : {}), winnerChanges: published.get(lot.lotId) !== winner });
      }
      return;
    }
    const r = scoreTender({ ...t, criteria: replaceFormula(t.criteria, rule), settings }, registries);
    outcomes.push(...outcomesOf(rule.formula, r, published));
  });
  return { outcomes, changes: outcomes.filter((o) => o.winnerChanges), reference: STILGER_2017 };
}
