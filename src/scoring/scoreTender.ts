import { Dec, decString, sumDec, toLedgerScale } from "../_lib/decimal.js";
import { figureTextAt } from "../_lib/figure.js";
import { addLedger, compareFixed, decimalFixed, decimalQuotient, fixedFromString, fixedOf, fixedString, ledgerQuotient, ledgerUnitsOf, minusDecimal, mulFixed, percentText, unitsDec, type Fixed } from "../_lib/fixed.js";
import type { VbpIssue } from "../errors/issue.js";
import { safely, VbpInputError, type SafeResult } from "../errors/VbpInputError.js";
import type { CurrencyCode } from "../money/currencies.js";
import { formatMoneyFixed } from "../money/money.js";
import { flattenCriteria, globalWeights, type FlatNode, type PriceCriterion, type QualitativeCriterion, type QuantitativeCriterion, type ScoredCriterion } from "./criteria.js";
import { moderate, scaleScore, valueScore, type QualitativeScale, type ScoreTrace, type ValueFunction } from "./functions/index.js";
import { VALUE_FUNCTION_RULES } from "./functions/value.js";
import { compilePriceScoring, PRICE_FORMULA_RULES, scoreCompiledPrice, type CompiledPriceScoring, type PriceFormulaRule } from "./functions/price.js";
import { fromResult, readDecimal } from "./functions/trace.js";
import { compileValueScoring, type CompiledValueScoring } from "./functions/value.js";
import { overtakingFor } from "./overtaking.js";
import { checkWeightPolicy, taggedWeight } from "./policies.js";
import { parseTender, type ScoringRegistries } from "./schema.js";
import type {
  PassFailRecord,
  AggregationMethod,
  ConsensusRecord,
  ModerationChange,
  EvaluatorScoreRecord,
  GateOutcome,
  LotResult,
  MinimumScoreGate,
  TenderOptionResult,
  Overtaking,
  PriceFlag,
  RankReversal,
  ScoreNode,
  Tender,
  TenderOption,
  TenderResult,
  TieBreakRule,
} from "./tender.js";
import { unitsOfText, type Measure } from "./points.js";
import { pairKey, resolveScale } from "./validate.js";

const ZERO = new Dec(0);
const HUNDRED = new Dec(100);
/** How many distinct values (or points) per criterion a lot remembers the score (or fraction) of. */
const SEEN_LIMIT = 4096;

/** `m`'s value for `k`, made by `make(k, a)` the first time (and kept while `m` holds fewer than SEEN_LIMIT). */
function remember<K, V, A = void>(m: Map<K, V>, k: K, make: (k: K, a: A) => V, a?: A): V {
  let v = m.get(k);
  if (v === undefined) {
    v = make(k, a as A);
    if (m.size < SEEN_LIMIT) m.set(k, v);
  }
  return v;
}

/** @internal A scored leaf with its place. */
export interface Leaf {
  readonly index: number; // in flat
  readonly node: ScoredCriterion;
  readonly max: Dec;
  readonly maxStr: string;
  readonly scale?: QualitativeScale;
  /** Points of each level of the scale (qualitative leaves), computed once. */
  readonly levelPoints?: readonly Dec[];
  /** A quantitative leaf whose value is computed from the bid price: sealed with the price. */
  readonly priceDerived: boolean;
}

/**
 * @internal A leaf's score for one option. Its points are held to 20 places, so they are kept as the integer
 * number of 10^−20 points (ledger units): sums of points are then integer sums, rounded as Decimal's `plus`
 * rounds them ({@link addLedger}), and texts and fractions are made from the integer (`unitsDec` gives the decimal).
 */
export interface LeafScore {
  /** The points, in ledger units. */
  readonly units: bigint;
  readonly trace?: ScoreTrace;
  readonly raw?: string;
  readonly level?: { value: string; label: string; descriptor: string };
  readonly moderation?: ScoreNode["moderation"];
  readonly notScored?: string;
}

/** @internal Everything fixed for a run. */
export interface Run {
  readonly tender: Tender;
  readonly flat: readonly FlatNode[];
  readonly leaves: readonly Leaf[];
  readonly leafOfFlat: ReadonlyMap<number, number>;
  /** Flat indices of the pass/fail criteria, in order. */
  readonly passFailAt: readonly number[];
  readonly priceLeaves: readonly Leaf[];
  /** Leaf positions under each flat node (for group sums, gates and tie-breaks). */
  readonly leavesUnder: readonly (readonly number[])[];
  readonly aggregation: AggregationMethod;
  readonly valuePerQualityPoint: Dec;
  readonly currency: CurrencyCode;
  readonly tieBreak: readonly TieBreakRule[];
  readonly tagLeaves: ReadonlyMap<string, readonly number[]>;
  readonly qualityMax: Dec;
  /** Children (flat indices) of each flat node, and the root nodes. */
  readonly children: readonly (readonly number[])[];
  readonly roots: readonly number[];
  /** Global weight of each flat node as a string, and as a Fixed (the divisor of its nodes' fractions). */
  readonly maxStr: readonly string[];
  readonly maxFixed: readonly Fixed[];
  /** Index of each option in the tender's options array (for error paths). */
  readonly optionIndex: ReadonlyMap<string, number>;
  readonly priceFormulas: Readonly<Record<string, PriceFormulaRule>>;
  readonly valueFunctions: Readonly<Record<string, ValueFunction<unknown>>>;
  /** Each option's score tree: in full (with traces), or its top-level nodes only (points, no traces). */
  readonly scoreTrees: "full" | "top-level";
}

/** @internal One option's state in a lot. */
export interface OptionState {
  readonly option: TenderOption;
  readonly price: Dec | undefined;
  /** The price as written in results (when there is a price). */
  readonly priceText: string | undefined;
  /** Non-price leaf scores (price leaves filled in stage 2). */
  readonly leafScores: (LeafScore | undefined)[];
  /** Points on the criteria other than price, in ledger units. */
  readonly quality: bigint;
  readonly gates: GateOutcome[];
  readonly eligibleForPrice: boolean;
  /** Each pass/fail criterion's outcome, in the order of `Run.passFailAt`. */
  readonly passFail: readonly { readonly passed: boolean; readonly reason: string }[];
}

/** @internal Stage-2 result for one option. */
export interface Priced {
  readonly state: OptionState;
  readonly priceLeafScores: readonly LeafScore[];
  /** Price and total points, in ledger units. */
  readonly pricePoints: bigint;
  readonly totalPoints: bigint;
  readonly afterGates: readonly GateOutcome[];
  readonly ranked: boolean;
  /**
   * Aggregate measure: the total points in ledger units (weighted sum), or a decimal (the price-based
   * aggregations); undefined when not computable (zero quality under price per quality point).
   */
  readonly measure: Measure | undefined;
  /** The measure as written in results, and as the nearest double (ranking compares these first, see measureOrder). */
  readonly measureText: string | undefined;
  readonly measureNumber: number | undefined;
}

function buildRun(t: Tender, reg: ScoringRegistries, scoreTrees: Run["scoreTrees"] = "full"): Run {
  const s = t.settings ?? {};
  const flat = flattenCriteria(t.criteria);
  const leaves: Leaf[] = [];
  const leafOfFlat = new Map<number, number>();
  flat.forEach((f, i) => {
    const n = f.node;
    if (n.kind === "group" || n.kind === "pass-fail") return;
    leafOfFlat.set(i, leaves.length);
    const scale = n.kind === "qualitative" ? resolveScale(n) : undefined;
    const maxStr = decString(f.globalWeight);
    const levelPoints = scale?.levels.map((l) => new Dec(scaleScore(l.value, maxStr, scale).points));
    const priceDerived = n.kind === "quantitative" && n.priceDerived === true;
    leaves.push({ index: i, node: n, max: f.globalWeight, maxStr, priceDerived, ...(scale !== undefined ? { scale } : {}), ...(levelPoints !== undefined ? { levelPoints } : {}) });
  });
  const leavesUnder: number[][] = flat.map(() => []);
  leaves.forEach((l, li) => {
    let p = l.index;
    while (p >= 0) {
      (leavesUnder[p] as number[]).push(li);
      p = (flat[p] as FlatNode).parent;
    }
  });
  const tagLeaves = new Map<string, number[]>();
  for (const f of flat) {
    const tag = f.node.tag;
    if (tag === undefined || tagLeaves.has(tag)) continue;
    const { nodes } = taggedWeight(flat, [tag]);
    tagLeaves.set(tag, nodes.flatMap((n) => leavesUnder[flat.indexOf(n)] ?? []));
  }
  const priceLeaves = leaves.filter((l) => l.node.kind === "price");
  return {
    tender: t,
    flat,
    leaves,
    leafOfFlat,
    passFailAt: flat.flatMap((f, fi) => (f.node.kind === "pass-fail" ? [fi] : [])),
    priceLeaves,
    leavesUnder,
    aggregation: s.aggregation ?? "weighted-sum",
    valuePerQualityPoint: new Dec(s.valuePerQualityPoint ?? 0),
    currency: s.currency ?? "GBP",
    tieBreak: s.tieBreak ?? [{ rule: "higher-quality" }, { rule: "lower-price" }],
    tagLeaves,
    qualityMax: sumDec(leaves.filter((l) => l.node.kind !== "price").map((l) => l.max)),
    children: flat.map((_, fi) => flat.flatMap((c, ci) => (c.parent === fi ? [ci] : []))),
    roots: flat.flatMap((f, fi) => (f.parent === -1 ? [fi] : [])),
    maxStr: flat.map((f) => decString(f.globalWeight)),
    maxFixed: flat.map((f) => fixedOf(f.globalWeight)),
    optionIndex: new Map(t.options.map((o, i) => [o.id, i] as const)),
    priceFormulas: (reg.priceFormulas ?? PRICE_FORMULA_RULES) as Readonly<Record<string, PriceFormulaRule>>,
    valueFunctions: (reg.valueFunctions ?? VALUE_FUNCTION_RULES) as Readonly<Record<string, ValueFunction<unknown>>>,
    scoreTrees,
  };
}

/** Scores a qualitative leaf for one option: moderation (consensus, mean or median), then the scale. */
function qualitativeLeaf(run: Run, leaf: Leaf, optionId: string, scores: readonly EvaluatorScoreRecord[], consensus: { record: ConsensusRecord; index: number } | undefined, warnings: VbpIssue[]): LeafScore {
  const node = leaf.node as QualitativeCriterion;
  const scale = leaf.scale as QualitativeScale;
  const method = node.moderation ?? (consensus !== undefined ? "consensus" : "median");
  const individual = scores.map((x) => ({ evaluatorId: x.evaluatorId, level: x.level, reason: x.reason }));
  const rules = run.tender.settings?.moderation;
  const m = moderate(
    {
      individual,
      ...(consensus !== undefined ? { consensus: { level: consensus.record.level, reason: consensus.record.reason } } : {}),
      method,
      ...(rules?.medianBetweenLevels !== undefined ? { medianBetweenLevels: rules.medianBetweenLevels } : {}),
    },
    scale,
  );
  const trace = scaleScore(m.level, leaf.maxStr, scale, { betweenLevels: true });
  const limit = new Dec(rules?.wideDisagreementSpread ?? "2");
  const wide = new Dec(m.spread).gte(limit);
  const c = consensus?.record;
  const audit: ModerationChange[] = (m.changedFrom ?? []).map((e) => ({
    evaluatorId: e.evaluatorId,
    fromLevel: e.level,
    toLevel: m.level,
    ...(c?.moderator !== undefined ? { moderator: c.moderator } : {}),
    ...(c?.date !== undefined ? { date: c.date } : {}),
    ...(c?.round !== undefined ? { round: c.round } : {}),
  }));
  if (audit.length > 0 && consensus !== undefined && (c?.moderator === undefined || c.date === undefined || c.round === undefined)) {
    const missing = [c?.moderator === undefined ? "moderator" : "", c?.date === undefined ? "date" : "", c?.round === undefined ? "round" : ""].filter((x) => x !== "");
    warnings.push({
      code: "policy",
      severity: "warning",
      path: ["consensus", consensus.index],
      message: `${node.id} for option "${optionId}": the moderated level ${m.level} changes ${audit.map((a) => `${a.evaluatorId}'s ${a.fromLevel}`).join(", ")} but the audit trail lacks ${missing.join(", ")}: record who moderated, when and in which round`,
    });
  }
  if (wide) {
    const lo = individual.length === 0 ? "" : m.individual.reduce((a, b) => (new Dec(a.level).lte(new Dec(b.level)) ? a : b)).level;
    const hi = individual.length === 0 ? "" : m.individual.reduce((a, b) => (new Dec(a.level).gte(new Dec(b.level)) ? a : b)).level;
    warnings.push({
      code: "policy",
      severity: "warning",
      path: ["evaluatorScores"],
      message: `${node.id} for option "${optionId}": wide disagreement, evaluators' levels range from ${lo} to ${hi} (spread ${m.spread} ≥ ${decString(limit)}): record at moderation why the panel settled on ${m.level}`,
    });
  }
  return {
    units: unitsOfText(trace.points),
    trace,
    raw: trace.level,
    level: { value: trace.level, label: trace.label, descriptor: trace.descriptor },
    moderation: {
      method: m.method,
      reason: m.reason,
      individual: m.individual.map((x) => ({ evaluatorId: x.evaluatorId, level: x.level, reason: x.reason })),
      spread: m.spread,
      wideDisagreement: wide,
      ...(audit.length > 0 ? { audit } : {}),
    },
  };
}

/**
 * Runs a scoring function and moves the paths of any input error it reports into the tender document: a
 * problem with the function's spec goes under the criterion (`criteria[2].valueFunction…`), a problem with
 * the value under the option (`options[4].values.co2`).
 */
function inDocument<T>(run: Run, leaf: Leaf, optionId: string | undefined, f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw movedIntoDocument(run, leaf, optionId, e);
  }
}

/** The error to throw for `e`, thrown while scoring `leaf` (see {@link inDocument}). */
function movedIntoDocument(run: Run, leaf: Leaf, optionId: string | undefined, e: unknown): unknown {
  if (!(e instanceof VbpInputError)) return e;
  const at = (run.flat[leaf.index] as FlatNode).path;
  const specKey = leaf.node.kind === "price" ? "formula" : leaf.node.kind === "quantitative" ? "valueFunction" : "scale";
  const oi = optionId === undefined ? undefined : run.optionIndex.get(optionId);
  return new VbpInputError(
    e.issues.map((i) => {
      const [head, ...rest] = i.path;
      if (head === "spec") return { ...i, path: [...at, specKey, ...rest] };
      if ((head === "value" || head === "price") && oi !== undefined) {
        return { ...i, path: head === "value" ? ["options", oi, "values", leaf.node.id] : ["options", oi, "price"], message: `${i.message} (criterion ${leaf.node.id})` };
      }
      return { ...i, path: [...at, ...i.path], message: `${i.message} (scoring ${leaf.node.id}${optionId !== undefined ? ` for option "${optionId}"` : ""})` };
    }),
  );
}

function quantitativeLeaf(run: Run, leaf: Leaf, value: string, optionId: string, compiled: () => CompiledValueScoring, seen?: Map<string, LeafScore>): LeafScore {
  const spec = (leaf.node as QuantitativeCriterion).valueFunction;
  if (run.scoreTrees !== "full") {
    // The value function resolved once per criterion; points only (no trace), the same points. A built-in
    // function is pure, so a value scored before in the lot gives the same points (catalogue ratings repeat).
    let r = seen?.get(value);
    if (r === undefined) {
      try {
        // Worked out in integers where the function allows it, else by the function's decimals.
        const c = compiled();
        r = { units: c.units(value) ?? ledgerUnitsOf(c.points(readDecimal(value, ["value"], "any"))), raw: value };
      } catch (e) {
        throw movedIntoDocument(run, leaf, optionId, e);
      }
      if (seen !== undefined && seen.size < SEEN_LIMIT) seen.set(value, r);
    }
    return r;
  }
  const trace = inDocument(run, leaf, optionId, () => valueScore(value, leaf.maxStr, spec, run.valueFunctions));
  return { units: unitsOfText(trace.points), trace, raw: value };
}

/** Compiles a price leaf's formula once for a set of prices (Pmin, Pmax, mean computed once). */
function compilePrice(run: Run, leaf: Leaf, allPrices: Dec[]): CompiledPriceScoring {
  const spec = (leaf.node as PriceCriterion).formula;
  return inDocument(run, leaf, undefined, () => compilePriceScoring(allPrices, leaf.maxStr, spec, run.priceFormulas));
}

/** Scores one price in a compiled context (callers wrap it in `inDocument`). */
function priceLeaf(compiled: CompiledPriceScoring, price: Dec): LeafScore {
  const trace = scoreCompiledPrice(compiled, price);
  return { units: unitsOfText(trace.points), trace, raw: decString(price) };
}

function scopeLeaves(run: Run, scope: MinimumScoreGate["scope"]): number[] {
  if (scope === "total") return run.leaves.map((_, i) => i);
  if (scope === "quality") return run.leaves.flatMap((l, i) => (l.node.kind === "price" ? [] : [i]));
  const set = new Set<number>();
  for (const id of scope) {
    const fi = run.flat.findIndex((f) => f.node.id === id);
    for (const li of run.leavesUnder[fi] ?? []) set.add(li);
  }
  return [...set].sort((a, b) => a - b);
}

function scopeText(scope: MinimumScoreGate["scope"]): string {
  return scope === "quality" ? "quality score" : scope === "total" ? "total score" : `score on ${scope.join(" + ")}`;
}

function gateOutcome(run: Run, gate: MinimumScoreGate, points: (li: number) => bigint, stage: GateOutcome["stage"]): GateOutcome {
  const lis = scopeLeaves(run, gate.scope);
  const got = unitsDec(sumPoints(lis, points));
  const max = sumDec(lis.map((li) => (run.leaves[li] as Leaf).max));
  const min = new Dec(gate.minimumPercent);
  const pct = max.isZero() ? ZERO : got.div(max).times(HUNDRED);
  const passed = pct.gte(min);
  const shown = figureTextAt(pct, 2);
  const needed = max.times(min).div(HUNDRED).minus(got);
  return {
    gateId: gate.id,
    kind: "minimum-score",
    stage,
    passed,
    ...(passed ? {} : { shortfall: decString(toLedgerScale(needed)) }),
    reason: `${gate.label ?? gate.id}: ${scopeText(gate.scope)} ${short(toLedgerScale(got))} of ${decString(max)} points = ${shown}% ${passed ? "meets" : "is below"} the minimum of ${gate.minimumPercent}%${passed ? "" : ` (${short(needed)} points short)`}${passed ? "" : stage === "before-price" ? "; excluded before price is opened (its price is not scored and does not count as the lowest price)" : "; excluded from the ranking"}`,
  };
}

function gateStage(run: Run, gate: MinimumScoreGate): GateOutcome["stage"] {
  return scopeLeaves(run, gate.scope).some((li) => (run.leaves[li] as Leaf).node.kind === "price" || (run.leaves[li] as Leaf).priceDerived) ? "after-price" : "before-price";
}

/** A pass/fail criterion's outcome for an option, and its gate. */
interface PassFailOutcome {
  readonly outcome: { readonly passed: boolean; readonly reason: string };
  readonly gate: GateOutcome;
}

/** Stage 1: everything that does not depend on the other options' prices. */
function stageOne(run: Run, options: readonly TenderOption[], warnings: VbpIssue[] = []): OptionState[] {
  const t = run.tender;
  const scoresBy = new Map<string, EvaluatorScoreRecord[]>();
  for (const s of t.evaluatorScores ?? []) {
    const k = pairKey(s.criterionId, s.optionId);
    const list = scoresBy.get(k);
    if (list === undefined) scoresBy.set(k, [s]);
    else list.push(s);
  }
  const consensusBy = new Map((t.consensus ?? []).map((c, index) => [pairKey(c.criterionId, c.optionId), { record: c, index }] as const));
  const passFailNodes = run.passFailAt.map((fi) => run.flat[fi] as FlatNode);
  // Each pass/fail criterion's records by option (the last record of a pair counts).
  const passFailBy = passFailNodes.map(() => new Map<string, PassFailRecord>());
  for (const p of t.passFail ?? []) passFailBy[passFailNodes.findIndex((f) => f.node.id === p.criterionId)]?.set(p.optionId, p);
  // Each pass/fail criterion's outcome and gate when passed, made once per reason (catalogue records repeat it).
  const passes = passFailNodes.map(() => new Map<string, PassFailOutcome>());
  const beforeGates = (t.gates ?? []).filter((g) => gateStage(run, g) === "before-price");
  // Per leaf, made once: its value function resolved when first needed, and the scores of values seen.
  const valueScoring = run.leaves.map((leaf) => {
    let c: CompiledValueScoring | undefined;
    const node = leaf.node as Extract<ScoredCriterion, { kind: "quantitative" }>;
    return () => (c ??= inDocument(run, leaf, undefined, () => compileValueScoring(leaf.maxStr, node.valueFunction, run.valueFunctions)));
  });
  const seen = run.leaves.map((leaf) => {
    const fn = leaf.node.kind === "quantitative" ? leaf.node.valueFunction.fn : "";
    return VALUE_FUNCTION_RULES[fn] !== undefined && run.valueFunctions[fn] === VALUE_FUNCTION_RULES[fn] ? new Map<string, LeafScore>() : undefined;
  });
  return options.map((o) => {
    const values = o.values ?? {};
    // Arrays of their final length: they are kept to the end of the lot, and one grown by push holds 17 slots.
    const leafScores: (LeafScore | undefined)[] = new Array(run.leaves.length);
    let quality = 0n;
    for (let li = 0; li < run.leaves.length; li++) {
      const leaf = run.leaves[li] as Leaf;
      let r: LeafScore | undefined;
      if (leaf.node.kind === "qualitative") {
        const k = pairKey(leaf.node.id, o.id);
        r = qualitativeLeaf(run, leaf, o.id, scoresBy.get(k) ?? [], consensusBy.get(k), warnings);
      } else if (leaf.node.kind === "quantitative") r = quantitativeLeaf(run, leaf, values[leaf.node.id] as string, o.id, valueScoring[li] as () => CompiledValueScoring, seen[li]);
      leafScores[li] = r;
      // The same sum as sumDec over the leaves (a price leaf counts 0 here, and adding 0 to a sum changes nothing).
      if (r !== undefined) quality = addLedger(quality, r.units);
    }
    const gates: GateOutcome[] = new Array(passFailNodes.length);
    const passFail: PassFailOutcome["outcome"][] = new Array(passFailNodes.length);
    for (let k = 0; k < passFailNodes.length; k++) {
      const f = passFailNodes[k] as FlatNode;
      const r = (passFailBy[k] as Map<string, PassFailRecord>).get(o.id);
      const passed = r?.passed ?? false;
      const reason = r?.reason ?? "no outcome recorded";
      const memo = passes[k] as Map<string, PassFailOutcome>;
      let out = passed ? memo.get(reason) : undefined;
      if (out === undefined) {
        out = {
          outcome: { passed, reason },
          gate: { gateId: f.node.id, kind: "pass-fail", stage: "before-price", passed, reason: `${f.node.label}: ${passed ? "pass" : "fail"} (${reason})${passed ? "" : "; excluded before price is opened"}` },
        };
        if (passed && memo.size < SEEN_LIMIT) memo.set(reason, out);
      }
      passFail[k] = out.outcome;
      gates[k] = out.gate;
    }
    for (const g of beforeGates) gates.push(gateOutcome(run, g, (li) => leafScores[li]?.units ?? 0n, "before-price"));
    const price = o.price === undefined ? undefined : new Dec(o.price);
    return { option: o, price, priceText: price && decString(price), leafScores, quality, gates, eligibleForPrice: gates.every((g) => g.passed), passFail };
  });
}

/** The points of leaves `lis` (in ledger units), summed as sumDec sums their decimals (from 0, each sum rounded as `plus` rounds it). */
function sumPoints(lis: readonly number[], points: (li: number) => bigint): bigint {
  let total = 0n;
  for (const li of lis) total = addLedger(total, points(li));
  return total;
}

/** The measure of a price-based aggregation: price per quality point, or the monetised price. */
function priceMeasure(run: Run, quality: Dec, price: Dec | undefined): Dec | undefined {
  if (run.aggregation === "price-per-quality-point") return price === undefined || quality.isZero() ? undefined : toLedgerScale(price.div(quality));
  return price === undefined ? undefined : toLedgerScale(price.minus(quality.times(run.valuePerQualityPoint)));
}

/**
 * Negative when measure x is better than y, positive when worse, 0 when equal or neither is computable (a
 * measure beats none). Both are of one kind: points in ledger units, or decimals (a run's measures are; the
 * overtaking analysis compares decimals). `fx` and `fy` are the measures as the nearest doubles, when known:
 * where they differ, the measures differ the same way (a decimal is read as the nearest double, which keeps
 * order), so only equal doubles need comparing exactly.
 */
function measureOrder(run: Run, x: Measure | undefined, y: Measure | undefined, fx?: number, fy?: number): number {
  if (x === undefined) return y === undefined ? 0 : 1;
  if (y === undefined) return -1;
  const c = fx !== undefined && fy !== undefined && fx !== fy ? (fx < fy ? -1 : 1) : typeof x === "bigint" ? (x < (y as bigint) ? -1 : x > (y as bigint) ? 1 : 0) : x.comparedTo(y as Dec);
  return run.aggregation === "weighted-sum" ? -c : c;
}

/** Stage 2: price scoring among the eligible options, after-price gates, the aggregate measure. */
function stageTwo(run: Run, states: readonly OptionState[], light = false): Priced[] {
  const afterGates = (run.tender.gates ?? []).filter((g) => gateStage(run, g) === "after-price");
  const eligible = states.filter((s) => s.eligibleForPrice);
  const allPrices = run.priceLeaves.length > 0 ? eligible.map((s) => s.price as Dec) : [];
  const compiled = allPrices.length > 0 ? run.priceLeaves.map((leaf) => compilePrice(run, leaf, allPrices)) : [];
  // The light path (rank reversal) and top-level trees compute the same guarded points without traces; a
  // built-in formula is pure, so a price scored before in the lot gives the same points (prices repeat).
  const traced = !light && run.scoreTrees === "full";
  const seen = compiled.map((c) => (!traced && PRICE_FORMULA_RULES[c.formula.id] === c.formula ? new Map<string, LeafScore>() : undefined));
  // The built-in relative-to-lowest formula, max × Pmin / P: its product max × Pmin is the same for every bid,
  // and the quotient is worked out in integers (see ledgerQuotient). It is positive, and capped as the guard
  // caps it: at max held to 20 places (in ledger units), since a quotient on the grid of 20 places is above max
  // exactly when it is above max so held (no point of that grid lies between them).
  const top = compiled.map((c) => (c.formula === PRICE_FORMULA_RULES["relative-to-lowest"] ? fixedOf(c.ctx.maxPoints.times(c.ctx.lowest)) : undefined));
  const caps = compiled.map((c) => ledgerUnitsOf(c.ctx.maxPoints as Dec));
  return eligible.map((s) => {
    const price = s.price as Dec;
    const priceLeafScores: LeafScore[] = new Array(compiled.length);
    let pricePoints = 0n;
    for (let k = 0; k < compiled.length; k++) {
      const c = compiled[k] as CompiledPriceScoring;
      const memo = seen[k];
      const raw = s.priceText as string;
      let r = memo?.get(raw);
      if (r === undefined) {
        try {
          if (traced) r = priceLeaf(c, price);
          else {
            const [t, cap] = [top[k], caps[k] as bigint];
            const q = t && ledgerQuotient(t.m, fixedFromString(raw) as Fixed, t.s);
            r = { units: q === undefined ? ledgerUnitsOf(guard(c.formula.score(price, c.ctx).points, c.ctx.maxPoints as Dec)) : q > cap ? cap : q, raw };
          }
        } catch (e) {
          throw movedIntoDocument(run, run.priceLeaves[k] as Leaf, s.option.id, e);
        }
        if (memo !== undefined && memo.size < SEEN_LIMIT) memo.set(raw, r);
      }
      priceLeafScores[k] = r;
      pricePoints = addLedger(pricePoints, r.units);
    }
    const totalPoints = addLedger(s.quality, pricePoints);
    // No after-price gates (most tenders): every bid shares the empty list, kept to the end of the lot.
    const after = afterGates.length > 0 ? afterGates.map((g) => gateOutcome(run, g, (li) => pointsOf(run, s, priceLeafScores, li), "after-price")) : (afterGates as []);
    const measure: Measure | undefined = run.aggregation === "weighted-sum" ? totalPoints : priceMeasure(run, unitsDec(s.quality), price);
    // Its text read as a number is the nearest double (as toNumber gives it), and results write the text.
    const measureText = measure === undefined ? undefined : typeof measure === "bigint" ? fixedString(measure) : decString(measure);
    return { state: s, priceLeafScores, pricePoints, totalPoints, afterGates: after, ranked: after.every((g) => g.passed), measure, measureText, measureNumber: measureText === undefined ? undefined : Number(measureText) };
  });
}


/** A leaf's points for an option priced in stage 2. */
function pointsOf(run: Run, s: OptionState, priceLeafScores: readonly LeafScore[], li: number): bigint {
  const leaf = run.leaves[li] as Leaf;
  if (leaf.node.kind === "price") return (priceLeafScores[run.priceLeaves.indexOf(leaf)] as LeafScore).units;
  return s.leafScores[li]?.units ?? 0n;
}

function pointsOn(run: Run, p: Priced, lis: readonly number[]): Dec {
  return unitsDec(sumPoints(lis, (li) => pointsOf(run, p.state, p.priceLeafScores, li)));
}

/** Compares by measure, then the tie-break rules; negative when a ranks above b. Returns the deciding rule index (-1: measure). */
const ABOVE = { order: -1, rule: -1, detail: "" } as const;
const BELOW = { order: 1, rule: -1, detail: "" } as const;

function compare(run: Run, a: Priced, b: Priced): { readonly order: number; readonly rule: number; readonly detail: string } {
  const m = measureOrder(run, a.measure, b.measure, a.measureNumber, b.measureNumber);
  if (m < 0) return ABOVE;
  if (m > 0) return BELOW;
  for (const [i, r] of run.tieBreak.entries()) {
    let x: Dec;
    let y: Dec;
    let higher = true;
    let what: string;
    switch (r.rule) {
      case "higher-quality":
        [x, y, what] = [unitsDec(a.state.quality), unitsDec(b.state.quality), "higher quality score"];
        break;
      case "lower-price":
        [x, y, higher, what] = [a.state.price ?? ZERO, b.state.price ?? ZERO, false, "lower price"];
        break;
      case "higher-score": {
        const fi = run.flat.findIndex((f) => f.node.id === r.criterionId);
        const lis = run.leavesUnder[fi] ?? [];
        [x, y, what] = [pointsOn(run, a, lis), pointsOn(run, b, lis), `higher score on ${r.criterionId}`];
        break;
      }
      case "higher-tag-score": {
        const lis = run.tagLeaves.get(r.tag) ?? [];
        [x, y, what] = [pointsOn(run, a, lis), pointsOn(run, b, lis), `higher ${r.tag} score`];
        break;
      }
    }
    const c = x.comparedTo(y) * (higher ? -1 : 1);
    if (c !== 0) return { order: c, rule: i, detail: `rule ${i + 1} (${what}: ${short(x)} vs ${short(y)})` };
  }
  return { order: 0, rule: run.tieBreak.length, detail: "" };
}

function short(d: Dec): string {
  return figureTextAt(d, 4);
}

interface Ranking {
  readonly order: readonly Priced[];
  /** Ranks by option state (an object key: no hashing of an id for every option). */
  readonly ranks: ReadonlyMap<OptionState, number>;
  readonly ties: string[][];
  /** Tie-break notes by option state. */
  readonly tieNotes: ReadonlyMap<OptionState, string>;
}

function rank(run: Run, priced: readonly Priced[]): Ranking {
  const ranked = priced.filter((p) => p.ranked);
  const order = [...ranked].sort((a, b) => compare(run, a, b).order || (a.state.option.id < b.state.option.id ? -1 : a.state.option.id > b.state.option.id ? 1 : 0));
  const ranks = new Map<OptionState, number>();
  const ties: string[][] = [];
  const tieNotes = new Map<OptionState, string>();
  order.forEach((p, i) => {
    const prev = order[i - 1];
    if (prev === undefined) {
      ranks.set(p.state, 1);
      return;
    }
    const c = compare(run, prev, p);
    if (c.order === 0) {
      ranks.set(p.state, ranks.get(prev.state) as number);
      const last = ties[ties.length - 1];
      if (last !== undefined && last.includes(prev.state.option.id)) last.push(p.state.option.id);
      else ties.push([prev.state.option.id, p.state.option.id]);
      const note = `tied with ${prev.state.option.id} on the aggregate score and every published tie-break rule: they share rank ${ranks.get(prev.state)}; the buyer's stated fallback applies`;
      tieNotes.set(p.state, note);
      tieNotes.set(prev.state, tieNotes.get(prev.state) ?? note.replace(prev.state.option.id, p.state.option.id));
    } else {
      ranks.set(p.state, i + 1);
      if (c.rule >= 0) {
        tieNotes.set(p.state, `tied with ${prev.state.option.id} on the aggregate score; ${prev.state.option.id} ranks above by tie-break ${c.detail}`);
        if (!tieNotes.has(prev.state)) tieNotes.set(prev.state, `tied with ${p.state.option.id} on the aggregate score; ranks above it by tie-break ${c.detail}`);
      }
    }
  });
  return { order, ranks, ties, tieNotes };
}

function rankReversals(run: Run, states: readonly OptionState[], base: Ranking): RankReversal[] {
  const out: RankReversal[] = [];
  const before = base.ranks;
  const order = base.order.map((p) => p.state);
  for (const removed of states.filter((s) => s.eligibleForPrice)) {
    const afterMap = rank(run, stageTwo(run, states.filter((s) => s !== removed), true)).ranks;
    const rb = order.map((s) => before.get(s) as number);
    const ra = order.map((s) => (s === removed ? -1 : (afterMap.get(s) ?? -1)));
    for (let i = 0; i < order.length; i++) {
      const ai = ra[i] as number;
      if (ai < 0) continue;
      for (let j = i + 1; j < order.length; j++) {
        const aj = ra[j] as number;
        if (aj >= 0 && (rb[i] as number) < (rb[j] as number) && ai > aj) out.push({ removedOptionId: removed.option.id, higherBefore: (order[i] as OptionState).option.id, higherAfter: (order[j] as OptionState).option.id });
      }
    }
  }
  return out;
}

/** Guards a raw formula result the way the scoring functions do: floor at 0, cap at the maximum, 20 places. */
function guard(raw: unknown, max: Dec): Dec {
  // A non-finite result is an error (as in the scoring functions), never a silent 0.
  const d = fromResult(raw, ["spec"], "a scoring function");
  return toLedgerScale(d.lt(0) ? ZERO : d.gt(max) ? max : d);
}

/**
 * What a lot's score trees remember per flat node (catalogue scores repeat): the text and the fraction of the
 * points seen (by their ledger units); and top-level nodes written before (the same data for every option with
 * those points or that pass/fail outcome).
 */
type TreeMemo = readonly (readonly [text: Map<bigint, string>, fraction: Map<bigint, string>, node: Map<unknown, ScoreNode>])[];

/** What a score tree is built from: one option's scores in a lot (see {@link leafScoreOf}). */
interface TreeSource {
  readonly run: Run;
  readonly memo: TreeMemo;
  readonly s: OptionState;
  readonly p: Priced | undefined;
  readonly sealed: boolean;
}

/** Why an option's price was not opened. */
function failedBefore(s: OptionState): string {
  return s.gates.flatMap((g) => (g.passed ? [] : [g.gateId])).join(", ");
}

/** The score of leaf `li` in an option's tree (a leaf not scored says why). */
function leafScoreOf(t: TreeSource, li: number): LeafScore {
  const { run, s, p } = t;
  const leaf = run.leaves[li] as Leaf;
  if (t.sealed && leaf.priceDerived) return { units: 0n, notScored: `the value is derived from the bid price, which was not opened (failed ${failedBefore(s)} before price evaluation)` };
  if (leaf.node.kind !== "price") return s.leafScores[li] as LeafScore;
  if (p !== undefined) return p.priceLeafScores[run.priceLeaves.indexOf(leaf)] as LeafScore;
  return { units: 0n, notScored: `price not opened: failed ${failedBefore(s)} before price evaluation` };
}

/** A node's points (in ledger units): its leaf's, or its children's summed from 0 as sumDec sums them. */
function treeSum(t: TreeSource, fi: number): bigint {
  const { run } = t;
  const n = (run.flat[fi] as FlatNode).node;
  if (n.kind === "pass-fail") return 0n;
  if (n.kind !== "group") return leafScoreOf(t, run.leafOfFlat.get(fi) as number).units;
  let total = 0n;
  for (const c of run.children[fi] as readonly number[]) total = addLedger(total, treeSum(t, c));
  return total;
}

/** The nodes of flat nodes `fis` in an option's tree. */
function treeNodes(t: TreeSource, fis: readonly number[]): ScoreNode[] {
  const out: ScoreNode[] = [];
  for (const fi of fis) out.push(treeNode(t, fi));
  return out;
}

/** A pass/fail criterion's node: its outcome, no points. */
function passFailNode(passFail: { passed: boolean; reason: string }, f: FlatNode): ScoreNode {
  const n = f.node;
  return { criterionId: n.id, label: n.label, kind: n.kind, localWeight: "0", maxPoints: decString(f.globalWeight), points: "0", fraction: "0", passFail } as ScoreNode;
}

/** The node of flat node `fi` in an option's tree. Top-level trees: the points below are summed without building their nodes. */
function treeNode(t: TreeSource, fi: number): ScoreNode {
  const { run } = t;
  const full = run.scoreTrees === "full";
  const f = run.flat[fi] as FlatNode;
  const n = f.node;
  const [text, fractions, nodes] = t.memo[fi] as TreeMemo[number];
  const maxPoints = run.maxStr[fi] as string;
  if (n.kind === "pass-fail") {
    const outcome = t.s.passFail[run.passFailAt.indexOf(fi)] as PassFailOutcome["outcome"];
    return remember(nodes as Map<typeof outcome, ScoreNode>, outcome, passFailNode, f);
  }
  const s = n.kind === "group" ? undefined : leafScoreOf(t, run.leafOfFlat.get(fi) as number);
  const pts = s !== undefined ? s.units : treeSum(t, fi);
  // A leaf's points, or a one-child group's, repeat across a catalogue (ratings, limits reached); a sum's
  // points seldom repeat, so nothing is remembered by them.
  const sum = s === undefined && (run.children[fi] as readonly number[]).length > 1;
  const points = full || sum ? fixedString(pts) : remember(text, pts, fixedString);
  // A top-level group node is its points alone.
  const memo = full || sum || s !== undefined ? undefined : nodes;
  let node = memo?.get(points) as Record<string, unknown> | undefined;
  if (node !== undefined) return node as unknown as ScoreNode;
  // Written in the node's key order; a key without a value is left out.
  node = { criterionId: n.id, label: n.label, kind: n.kind, localWeight: n.weight, maxPoints };
  if (full && n.kind === "quantitative") {
    if (n.unit !== undefined) node["unit"] = n.unit;
    node["display"] = n.display ?? (n.unit?.startsWith(run.currency) ? "money" : "number");
  }
  node["points"] = points;
  node["fraction"] = sum ? fraction(pts, run.maxFixed[fi] as Fixed) : remember(fractions, pts, fraction, run.maxFixed[fi] as Fixed);
  if (s === undefined) {
    if (full) node["children"] = treeNodes(t, run.children[fi] as readonly number[]);
  } else {
    if (s.raw !== undefined) node["raw"] = s.raw;
    if (full) for (const k of ["level", "trace", "moderation", "notScored"] as const) if (s[k] !== undefined) node[k] = s[k];
  }
  if (memo !== undefined && memo.size < SEEN_LIMIT) memo.set(points, node as unknown as ScoreNode);
  return node as unknown as ScoreNode;
}

/** points (in ledger units) ÷ max held to 20 places, as `toLedgerScale(new Dec(points).div(max))` gives it, in integers (no Decimal division). */
function fraction(points: bigint, max: Fixed): string {
  return max.m === 0n ? "0" : fixedString(ledgerQuotient(points, max));
}

/** Each flagged option's price flags, by its state (an object key: no hashing of its id for every option). */
function lowFlags(run: Run, priced: readonly Priced[]): Map<OptionState, PriceFlag[]> {
  const out = new Map<OptionState, PriceFlag[]>();
  const cfg = run.tender.settings?.abnormallyLowPrice;
  if (cfg === undefined) return out;
  const withPrice = priced.filter((p) => p.state.price !== undefined);
  if (withPrice.length < 2) return out;
  const totalDec = sumDec(withPrice.map((p) => p.state.price as Dec));
  const factorDec = HUNDRED.minus(new Dec(cfg.percentBelowMeanOfOthers)).div(HUNDRED);
  const total = fixedOf(totalDec);
  const factor = fixedOf(factorDec);
  const money = (amount: string): string => formatMoneyFixed({ amount, currency: run.currency });
  // price < (total − price) / k × factor, with k the other bids: a bid far above the limit in floating point
  // (the gap a million times the largest rounding error) is not flagged; any other is decided exactly.
  const k = withPrice.length - 1;
  const totalF = totalDec.toNumber();
  const factorF = factorDec.toNumber();
  // A price's flags, made once per price text (catalogue prices repeat): none unless it is below the limit.
  // Each step rounds as the library's Decimal rounds it, in integers (no Decimal per flagged price).
  const flagsAt = (priceText: string): PriceFlag[] => {
    const price = fixedFromString(priceText) as Fixed;
    const rest = minusDecimal(total, price);
    const mean = decimalQuotient(rest.m, { m: BigInt(k), s: 0 }, rest.s);
    const limit = mulFixed(mean, factor);
    return compareFixed(price, decimalFixed(limit.m, limit.s)) < 0
      ? [
          {
            kind: "abnormally-low-price",
            message: `price ${money(priceText)} is ${percentText(minusDecimal(mean, price), mean, 1)}% below the mean of the other ${k} price-scored bids (${money(fixedString(mean.m, mean.s))}), more than the ${cfg.percentBelowMeanOfOthers}% threshold: ask the supplier to explain the price before deciding (a flag, not an exclusion)`,
          },
        ]
      : [];
  };
  const byPrice = new Map<string, PriceFlag[]>();
  for (const p of withPrice) {
    const priceF = Number(p.state.priceText);
    if (priceF * k - (totalF - priceF) * factorF > 1e-9 * (totalF + priceF) * (k + 1) * (1 + Math.abs(factorF))) continue;
    const flags = remember(byPrice, p.state.priceText as string, flagsAt);
    if (flags.length > 0) out.set(p.state, flags);
  }
  return out;
}

/**
 * Lots larger than this skip the rank-reversal and overtaking analyses unless the settings ask for them
 * (`rankReversal: true`, `overtaking: true`): both re-score the lot for every bid (quadratic in its size), and
 * a catalogue of thousands of products is not an award decision. A warning says when they were skipped.
 */
export const ANALYSES_BID_LIMIT = 500;

/** Whether a lot of `n` bids gets each analysis, with the warnings when one is skipped by default. */
function analysesFor(settings: NonNullable<Tender["settings"]>, lotId: string, n: number): { rankReversal: boolean; overtaking: boolean; warnings: VbpIssue[] } {
  const warnings: VbpIssue[] = [];
  const decide = (key: "rankReversal" | "overtaking", what: string): boolean => {
    const set = settings[key];
    if (set !== undefined) return set;
    if (n <= ANALYSES_BID_LIMIT) return true;
    warnings.push({ code: "limit_exceeded", severity: "warning", path: ["settings", key], message: `${what} not computed for lot "${lotId}": it has ${n} bids, more than ${ANALYSES_BID_LIMIT} (set settings.${key}: true to compute it; its cost grows with the square of the bids)` });
    return false;
  };
  return { rankReversal: decide("rankReversal", "rank reversal"), overtaking: decide("overtaking", "overtaking"), warnings };
}

/**
 * @internal The scoring steps an overtaking analysis re-runs with a changed bid (see overtaking.ts): passed to
 * it, so that the analysis is a module of its own that a caller who never asks for it does not load.
 */
export interface OvertakingTools {
  readonly measureOrder: typeof measureOrder;
  readonly priceMeasure: typeof priceMeasure;
  readonly guard: typeof guard;
  readonly compilePrice: typeof compilePrice;
  readonly short: typeof short;
}

/** @internal What each ranked bid would need to overtake the bid above it (see overtaking.ts). */
export type OvertakingAnalysis = (tools: OvertakingTools, run: Run, states: readonly OptionState[], me: Priced, target: Priced) => Overtaking;

function scoreLot(
  run: Run,
  lotId: string,
  label: string,
  options: readonly TenderOption[],
  analyses: { rankReversal: boolean; overtaking: boolean },
  warnings: VbpIssue[],
  overtakingAnalysis: OvertakingAnalysis | undefined,
): LotResult {
  const states = stageOne(run, options, warnings);
  const priced = stageTwo(run, states);
  const ranking = rank(run, priced);
  const pricedOf = new Map(priced.map((p) => [p.state, p] as const));
  const flags = lowFlags(run, priced);
  // The bids without a flag share one empty list (as bids at one flagged price share theirs).
  const unflagged: PriceFlag[] = [];
  const results: TenderOptionResult[] = [];
  const memo: TreeMemo = run.flat.map(() => [new Map(), new Map(), new Map()]);
  const emit = (s: OptionState, p: Priced | undefined, overtaking: Overtaking | undefined): void => {
    // A tender excluded before price is opened shows no price and no figure derived from it, and no total.
    const sealed = p === undefined && !s.eligibleForPrice;
    // Written in the result's key order; a key without a value is left out.
    const r: Record<string, unknown> = { optionId: s.option.id, supplier: s.option.supplier, label: s.option.label, lot: lotId };
    const rankNo = ranking.ranks.get(s);
    r["status"] = rankNo === undefined ? "excluded" : "ranked";
    if (rankNo !== undefined) r["rank"] = rankNo;
    if (sealed) {
      r["totalStatus"] = "not computed: excluded before price was opened";
      const derived = sumPoints(run.leaves.flatMap((l, li) => (l.priceDerived ? [li] : [])), (li) => (s.leafScores[li] as LeafScore).units);
      r["qualityPoints"] = fixedString(addLedger(s.quality, -derived));
    } else {
      // Not sealed, so priced: the quality, price and total points are the stage's own.
      const { measure, measureText, totalPoints } = p as Priced;
      const total = typeof measure === "bigint" ? (measureText as string) : fixedString(totalPoints);
      if (measureText !== undefined) r["total"] = measureText;
      else if (run.aggregation === "weighted-sum") r["total"] = total;
      else r["totalStatus"] = "not computable: quality score 0, so price per quality point is undefined (ranked after every option with a finite measure)";
      r["totalPoints"] = total;
      r["pricePoints"] = fixedString((p as Priced).pricePoints);
      r["qualityPoints"] = fixedString(s.quality);
      if (s.price !== undefined) r["price"] = s.priceText;
    }
    r["scoreTree"] = treeNodes({ run, memo, s, p, sealed }, run.roots);
    r["gates"] = p === undefined || p.afterGates.length === 0 ? s.gates : [...s.gates, ...p.afterGates];
    r["flags"] = flags.get(s) ?? unflagged;
    const tie = ranking.tieNotes.get(s);
    if (tie !== undefined) r["tieBreak"] = tie;
    if (overtaking !== undefined) r["overtaking"] = overtaking;
    results.push(r as unknown as TenderOptionResult);
  };
  ranking.order.forEach((p, i) => {
    const above = ranking.order[i - 1];
    emit(p.state, p, above !== undefined && analyses.overtaking && overtakingAnalysis !== undefined ? overtakingAnalysis({ measureOrder, priceMeasure, guard, compilePrice, short }, run, states, p, above) : undefined);
  });
  const excluded = states.filter((s) => !ranking.ranks.has(s)).sort((a, b) => (a.option.id < b.option.id ? -1 : 1));
  for (const s of excluded) emit(s, pricedOf.get(s), undefined);
  const eligiblePrices = states.filter((s) => s.eligibleForPrice && s.price !== undefined).map((s) => s.price as Dec);
  const first = ranking.order[0];
  const firstShared = first !== undefined && ranking.ties.some((t) => t.includes(first.state.option.id));
  return {
    lotId,
    label,
    options: results,
    ...(first !== undefined && !firstShared ? { winner: first.state.option.id } : {}),
    unresolvedTies: ranking.ties,
    ...(eligiblePrices.length > 0 ? { lowestPrice: decString(eligiblePrices.reduce((a, b) => (b.lt(a) ? b : a))) } : {}),
    rankReversals: analyses.rankReversal ? rankReversals(run, states, ranking) : [],
  };
}

/**
 * Scores a tender: validates it (every issue with its exact path), checks the weight policies, then scores each
 * lot separately.
 *
 * Per lot: pass/fail criteria and the minimum-score gates that involve no price are applied first; options
 * failing them are excluded before price is opened (no price score, not counted for Pmin). Price criteria are
 * scored among the remaining options; gates involving price are applied after. Aggregation: weighted sum
 * (points = global weight × score fraction, highest wins), price per quality point (price ÷ quality points,
 * lowest wins) or monetised quality (price − quality points × value per point, lowest wins). Ties are resolved
 * by the published rules in order; options still tied share a rank (`unresolvedTies`). Abnormally low prices
 * are flagged, never excluded. Rank reversals and overtaking requirements are computed unless switched off.
 * All arithmetic is exact (Decimal); leaf points are held to 20 decimal places and every group's points are
 * the exact sum of its children's.
 *
 * @param input - the tender (JSON data; parsed with `tenderSchema`)
 * @param registries - your own price formulas or value functions, added to the built-ins
 * @returns the scored tender
 * @throws VbpInputError listing every issue; policy breaches too when `policyMode` is `"error"`
 * @example
 * ```ts
 * const result = scoreTender({
 *   criteria: [
 *     { id: "quality", label: "Quality", kind: "qualitative", weight: "60", scale: "0-5" },
 *     { id: "price", label: "Price", kind: "price", weight: "40", formula: { formula: "relative-to-lowest" } },
 *   ],
 *   options: [
 *     { id: "A", supplier: "Acme", label: "Pump A", price: "10000" },
 *     { id: "B", supplier: "Beta", label: "Pump B", price: "8000" },
 *   ],
 *   evaluatorScores: [
 *     { criterionId: "quality", optionId: "A", evaluatorId: "E1", level: "4", reason: "Strong training plan" },
 *     { criterionId: "quality", optionId: "B", evaluatorId: "E1", level: "3", reason: "Adequate" },
 *   ],
 *   consensus: [
 *     { criterionId: "quality", optionId: "A", level: "4", reason: "Strong training plan" },
 *     { criterionId: "quality", optionId: "B", level: "3", reason: "Adequate" },
 *   ],
 * });
 * result.lots[0].options.map((o) => [o.optionId, o.total]);
 * //=> [["A", "80"], ["B", "76"]]   // A: 60×4/5 + 40×8000/10000; B: 60×3/5 + 40
 * ```
 */
export function scoreTender(input: unknown, registries: ScoringRegistries = {}): TenderResult {
  return scoreParsedTender(parseTender(input, registries), registries, { overtaking: overtakingFor });
}

/** @internal What {@link scoreParsedTender} builds beyond the scores and ranking. */
export interface ScoreTenderDetail {
  /** Each option's score tree with the worked trace of every leaf ("full", the default), or only its top-level nodes' points ("top-level", for catalogues). */
  readonly scoreTrees?: "full" | "top-level";
  /**
   * The overtaking analysis, run for the lots whose settings ask for it (`overtakingFor`, as `scoreTender`
   * passes it). Without it no option gets an `overtaking` answer: the whole job solves overtaking through its
   * own pipeline and never asks the scoring module for it.
   */
  readonly overtaking?: OvertakingAnalysis;
}

/**
 * @internal {@link scoreTender} on a tender already validated by the tender schema (fields and
 * `validateTender`): no schema pass.
 */
export function scoreParsedTender(t: Tender, registries: ScoringRegistries = {}, detail: ScoreTenderDetail = {}): TenderResult {
  const settings = t.settings ?? {};
  const warnings: VbpIssue[] = [];
  for (const p of settings.policies ?? []) warnings.push(...checkWeightPolicy(t.criteria, p));
  if (settings.policyMode === "error" && warnings.length > 0) {
    throw new VbpInputError(warnings.map((w) => ({ code: w.code, path: w.path, message: w.message })));
  }
  const run = buildRun(t, registries, detail.scoreTrees ?? "full");
  const lotOrder: string[] = [];
  const byLot = new Map<string, TenderOption[]>();
  for (const l of t.lots ?? []) {
    lotOrder.push(l.id);
    byLot.set(l.id, []);
  }
  for (const o of t.options) {
    const lot = o.lot ?? "default";
    if (!byLot.has(lot)) {
      lotOrder.push(lot);
      byLot.set(lot, []);
    }
    (byLot.get(lot) as TenderOption[]).push(o);
  }
  const labels = new Map((t.lots ?? []).map((l) => [l.id, l.label] as const));
  return {
    aggregation: run.aggregation,
    currency: run.currency,
    weights: globalWeights(t.criteria),
    lots: lotOrder.map((id) => {
      const bids = byLot.get(id) as TenderOption[];
      const analyses = analysesFor(settings, id, bids.length);
      warnings.push(...analyses.warnings);
      return scoreLot(run, id, labels.get(id) ?? id, bids, analyses, warnings, detail.overtaking);
    }),
    warnings,
  };
}

/**
 * Like `scoreTender`, but returns `{ success, data } | { success, error }` instead of throwing for bad input.
 *
 * @param input - the tender (JSON data)
 * @param registries - your own price formulas or value functions, added to the built-ins
 * @returns the scored tender or the issues
 * @example
 * ```ts
 * const r = safeScoreTender(json);
 * if (!r.success) r.error.issues.forEach((i) => console.log(formatIssue(i)));
 * ```
 */
export function safeScoreTender(input: unknown, registries: ScoringRegistries = {}): SafeResult<TenderResult> {
  return safely(() => scoreTender(input, registries));
}
