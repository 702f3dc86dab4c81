import { Dec } from "../../../_lib/decimal.js";
import { VbpInputError } from "../../../errors/VbpInputError.js";
import type { FlatNode, ScoredCriterion } from "../../../scoring/criteria.js";
import { resolveScale } from "../../../scoring/validate.js";
import { scaleScore, valueScore, VALUE_FUNCTIONS, type ValueFunction } from "../../../scoring/functions/index.js";
import { resolvePriceFormula, PRICE_FORMULA_RULES, type PriceFormulaRule } from "../../../scoring/functions/price.js";
import { resolveValueFunction } from "../../../scoring/functions/value.js";
import { taggedWeight } from "../../../scoring/policies.js";
import type { AggregationMethod, MinimumScoreGate, Tender, TenderOption, TieBreakRule, TenderOptionResult } from "../../../scoring/tender.js";
import type { ScoringRegistries } from "../../../scoring/schema.js";
import { sortInPlace } from "./orderStatistics.js";
import { FLOAT_PRICE_KERNELS, FLOAT_VALUE_KERNELS, type FloatPriceKernel, type FloatValueKernel } from "../floatKernels.js";

/** Float64 kernels the caller adds for their own price formulas and value functions. */
export interface FloatKernels {
  readonly priceKernels?: Readonly<Record<string, FloatPriceKernel>>;
  readonly valueKernels?: Readonly<Record<string, FloatValueKernel>>;
}

/** Relative tolerance under which two Float64 aggregate figures count as equal (Decimal ties stay ties). */
const TIE = 1e-10;

function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= TIE * Math.max(1, Math.abs(a), Math.abs(b));
}

/** A varying cell: option o's raw value on leaf l, scored by `share`. */
export interface VaryingValue {
  readonly option: number;
  readonly leaf: number;
  readonly share: (v: number) => number;
}

/** A compiled gate. */
interface GateProgram {
  readonly leaves: readonly number[];
  readonly minFraction: number;
  readonly beforePrice: boolean;
}

type TieProgram = { kind: "quality" } | { kind: "price" } | { kind: "leaves"; leaves: readonly number[] };

/**
 * One lot of a tender as a Float64 program: the same stages as `scoreTender` (pass/fail and before-price gates,
 * price scoring among the eligible bids with Pmin/Pmax/mean recomputed, after-price gates, aggregation,
 * tie-break rules in order, shared ranks for unresolved ties) on numbers, for many draws.
 */
export class LotKernel {
  readonly lotId: string;
  readonly optionIds: readonly string[];
  readonly options: readonly TenderOption[];
  /** Number of options n and of scored leaves L. */
  readonly n: number;
  readonly L: number;
  readonly leafIds: readonly string[];
  readonly isPrice: Uint8Array;
  /** Base shares (0–1) of each option on each non-price leaf, option-major: share[o * L + l]. */
  readonly baseShare: Float64Array;
  /** Base prices (NaN when none). */
  readonly basePrice: Float64Array;
  /** Base pass/fail outcome per option per pass/fail criterion (1 pass), option-major. */
  readonly basePass: Uint8Array;
  readonly passFailIds: readonly string[];
  private readonly priceKernels: readonly { share: FloatPriceKernel; params: Record<string, number> }[];
  private readonly priceLeafIdx: readonly number[];
  private readonly gates: readonly GateProgram[];
  private readonly ties: readonly TieProgram[];
  private readonly aggregation: AggregationMethod;
  /** True when the lowest aggregate figure wins (price per quality point, monetised quality). */
  readonly lowerIsBetter: boolean;
  private readonly vpq: number;
  private readonly valueSpecs: readonly (((v: number) => number) | undefined)[];
  // Scratch for one draw.
  private readonly share: Float64Array;
  private readonly points: Float64Array;
  readonly quality: Float64Array;
  readonly total: Float64Array;
  readonly measure: Float64Array;
  readonly eligible: Uint8Array;
  readonly ranked: Uint8Array;
  /** Rank of each option in the last draw (0 = excluded); ties share a rank. */
  readonly rank: Int32Array;
  private readonly view: number[] = [];
  private readonly key: Float64Array;
  private readonly sortedKeys: Float64Array;
  private readonly prices: Float64Array;
  /** The non-price scored leaves. */
  private readonly qualityLeaves: Int32Array;
  /** Whether single criteria's points are read after the sum (gates, tie-breaks on a criterion or tag). */
  private readonly needPoints: boolean;
  private readonly priceContext: { lowest: number; highest: number; mean: number; params: Record<string, number> } = { lowest: 0, highest: 0, mean: 0, params: {} };

  constructor(tender: Tender, flat: readonly FlatNode[], leafFlat: readonly number[], lotId: string, options: readonly TenderOption[], base: ReadonlyMap<string, TenderOptionResult>, registries: ScoringRegistries, kernels: FloatKernels) {
    this.lotId = lotId;
    this.options = options;
    this.optionIds = options.map((o) => o.id);
    const n = options.length;
    const L = leafFlat.length;
    this.n = n;
    this.L = L;
    const leaves = leafFlat.map((fi) => (flat[fi] as FlatNode).node as ScoredCriterion);
    this.leafIds = leaves.map((l) => l.id);
    this.isPrice = Uint8Array.from(leaves.map((l) => (l.kind === "price" ? 1 : 0)));
    this.priceLeafIdx = leaves.flatMap((l, i) => (l.kind === "price" ? [i] : []));
    const priceFormulas = (registries.priceFormulas ?? PRICE_FORMULA_RULES) as Readonly<Record<string, PriceFormulaRule>>;
    const valueFunctions = (registries.valueFunctions ?? VALUE_FUNCTIONS) as Readonly<Record<string, ValueFunction<unknown>>>;
    const pk = { ...FLOAT_PRICE_KERNELS, ...(kernels.priceKernels ?? {}) };
    const vk = { ...FLOAT_VALUE_KERNELS, ...(kernels.valueKernels ?? {}) };
    this.priceKernels = this.priceLeafIdx.map((li) => {
      const node = leaves[li] as Extract<ScoredCriterion, { kind: "price" }>;
      const { params } = resolvePriceFormula(node.formula, priceFormulas);
      const share = pk[node.formula.formula];
      if (share === undefined) {
        throw new VbpInputError([{ code: "unknown_reference", path: ["floatKernels", "priceKernels", node.formula.formula], message: `price formula "${node.formula.formula}" has no Float64 kernel for draws: pass one in options.priceKernels` }]);
      }
      return { share, params: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Number(v.toString())])) };
    });
    this.valueSpecs = leaves.map((l) => {
      if (l.kind !== "quantitative") return undefined;
      const { fn, direction, params } = resolveValueFunction(l.valueFunction, valueFunctions);
      const make = vk[fn.id];
      return make === undefined ? undefined : make(params, direction === "higher-is-better");
    });
    this.baseShare = new Float64Array(n * L);
    this.basePrice = new Float64Array(n).fill(Number.NaN);
    options.forEach((o, oi) => {
      if (o.price !== undefined) this.basePrice[oi] = Number(o.price);
      const r = base.get(o.id);
      leaves.forEach((leaf, li) => {
        if (leaf.kind === "qualitative") {
          const node = findNode(r?.scoreTree ?? [], leaf.id);
          const level = node?.raw ?? node?.level?.value;
          const scale = resolveScale(leaf);
          if (level === undefined || scale === undefined) return;
          this.baseShare[oi * L + li] = Number(scaleScore(level, "1", scale, { betweenLevels: true }).points);
        } else if (leaf.kind === "quantitative") {
          const v = (o.values ?? {})[leaf.id];
          if (v === undefined) return;
          // The Float64 kernel when there is one (the draws score varying values with it too), else the exact function.
          const fast = this.valueSpecs[li];
          if (fast !== undefined) {
            const s = fast(Number(v));
            this.baseShare[oi * L + li] = s < 0 ? 0 : s > 1 ? 1 : s;
          } else this.baseShare[oi * L + li] = Number(valueScore(v, "1", leaf.valueFunction, valueFunctions).points);
        }
      });
    });
    const pfNodes = flat.filter((f) => f.node.kind === "pass-fail").map((f) => f.node.id);
    this.passFailIds = pfNodes;
    this.basePass = new Uint8Array(n * pfNodes.length);
    const pfRec = new Map((tender.passFail ?? []).map((p) => [`${p.criterionId}\u0000${p.optionId}`, p.passed] as const));
    options.forEach((o, oi) => pfNodes.forEach((id, k) => (this.basePass[oi * pfNodes.length + k] = pfRec.get(`${id}\u0000${o.id}`) === true ? 1 : 0)));
    const leafPos = new Map(leafFlat.map((fi, li) => [fi, li] as const));
    const under = (fi: number): number[] => {
      const out: number[] = [];
      leafFlat.forEach((lf, li) => {
        let p = lf;
        while (p >= 0) {
          if (p === fi) {
            out.push(li);
            break;
          }
          p = (flat[p] as FlatNode).parent;
        }
      });
      return out;
    };
    const scope = (s: MinimumScoreGate["scope"]): number[] => {
      if (s === "total") return leaves.map((_, i) => i);
      if (s === "quality") return leaves.flatMap((l, i) => (l.kind === "price" ? [] : [i]));
      const set = new Set<number>();
      for (const id of s) for (const li of under(flat.findIndex((f) => f.node.id === id))) set.add(li);
      return [...set].sort((a, b) => a - b);
    };
    this.gates = (tender.gates ?? []).map((g) => {
      const ls = scope(g.scope);
      return { leaves: ls, minFraction: Number(g.minimumPercent) / 100, beforePrice: !ls.some((li) => leaves[li]?.kind === "price") };
    });
    const rules: readonly TieBreakRule[] = tender.settings?.tieBreak ?? [{ rule: "higher-quality" }, { rule: "lower-price" }];
    this.ties = rules.map((r): TieProgram => {
      switch (r.rule) {
        case "higher-quality":
          return { kind: "quality" };
        case "lower-price":
          return { kind: "price" };
        case "higher-score":
          return { kind: "leaves", leaves: under(flat.findIndex((f) => f.node.id === r.criterionId)) };
        case "higher-tag-score": {
          const { nodes } = taggedWeight(flat, [r.tag]);
          const set = new Set<number>();
          for (const nd of nodes) for (const li of under(flat.indexOf(nd))) set.add(li);
          return { kind: "leaves", leaves: [...set] };
        }
      }
    });
    void leafPos;
    this.aggregation = tender.settings?.aggregation ?? "weighted-sum";
    this.lowerIsBetter = this.aggregation !== "weighted-sum";
    this.vpq = Number(new Dec(tender.settings?.valuePerQualityPoint ?? 0).toString());
    this.share = new Float64Array(n * L);
    this.points = new Float64Array(n * L);
    this.quality = new Float64Array(n);
    this.total = new Float64Array(n);
    this.measure = new Float64Array(n);
    this.eligible = new Uint8Array(n);
    this.ranked = new Uint8Array(n);
    this.rank = new Int32Array(n);
    this.key = new Float64Array(n);
    this.sortedKeys = new Float64Array(n);
    this.prices = new Float64Array(n);
    this.qualityLeaves = Int32Array.from(leaves.flatMap((l, i) => (l.kind === "price" ? [] : [i])));
    this.needPoints = this.gates.length > 0 || this.ties.some((t) => t.kind === "leaves");
  }

  /** The Float64 share function of a quantitative leaf (undefined for other leaves or when no kernel exists). */
  valueShare(leaf: number): ((v: number) => number) | undefined {
    return this.valueSpecs[leaf];
  }

  /**
   * Scores and ranks one draw. `weights` are the leaf global weights (percent); `prices` the bid prices;
   * `varying` cells override base shares with `share(values[k])`; `pass` the pass/fail outcomes.
   * Results are left in `rank`, `measure`, `total`, `quality`, `ranked`, `eligible`.
   */
  run(weights: Float64Array, prices: Float64Array, varying: readonly VaryingValue[], values: Float64Array, pass: Uint8Array): void {
    const { n, L } = this;
    let share = this.baseShare;
    if (varying.length > 0) {
      share = this.share;
      share.set(this.baseShare);
      for (let k = 0; k < varying.length; k++) {
        const c = varying[k] as VaryingValue;
        const s = c.share(values[k] as number);
        share[c.option * L + c.leaf] = s < 0 ? 0 : s > 1 ? 1 : s;
      }
    }
    const pts = this.points;
    const P = this.prices;
    P.set(prices);
    const pfN = this.passFailIds.length;
    const leaves = this.qualityLeaves;
    const nq = leaves.length;
    const keep = this.needPoints;
    for (let o = 0; o < n; o++) {
      let q = 0;
      const row = o * L;
      if (keep) {
        for (let j = 0; j < nq; j++) {
          const l = leaves[j] as number;
          const p = (weights[l] as number) * (share[row + l] as number);
          pts[row + l] = p;
          q += p;
        }
      } else {
        // Only the sum is needed (no gate or tie-break reads single criteria): a plain dot product.
        for (let j = 0; j < nq; j++) {
          const l = leaves[j] as number;
          q += (weights[l] as number) * (share[row + l] as number);
        }
      }
      this.quality[o] = q;
      let ok = 1;
      for (let k = 0; k < pfN; k++) if (pass[o * pfN + k] !== 1) ok = 0;
      for (const g of this.gates) if (ok === 1 && g.beforePrice && !this.meets(g, o, weights)) ok = 0;
      this.eligible[o] = ok;
    }
    // Price among the eligible bids: Pmin, Pmax and the mean recomputed for this draw.
    if (this.priceLeafIdx.length > 0) {
      let lo = Infinity;
      let hi = -Infinity;
      let sum = 0;
      let cnt = 0;
      for (let o = 0; o < n; o++) {
        if (this.eligible[o] !== 1) continue;
        const p = P[o] as number;
        if (p < lo) lo = p;
        if (p > hi) hi = p;
        sum += p;
        cnt++;
      }
      const ctx = this.priceContext;
      ctx.lowest = lo;
      ctx.highest = hi;
      ctx.mean = sum / cnt;
      for (let k = 0; k < this.priceLeafIdx.length; k++) {
        const li = this.priceLeafIdx[k] as number;
        const kern = this.priceKernels[k] as { share: FloatPriceKernel; params: Record<string, number> };
        ctx.params = kern.params;
        for (let o = 0; o < n; o++) {
          if (this.eligible[o] !== 1) continue;
          const raw = kern.share(P[o] as number, ctx);
          const s = raw < 0 ? 0 : raw > 1 ? 1 : raw;
          pts[o * L + li] = (weights[li] as number) * s;
        }
      }
    }
    for (let o = 0; o < n; o++) {
      let t = this.quality[o] as number;
      for (const li of this.priceLeafIdx) t += this.eligible[o] === 1 ? (pts[o * L + li] as number) : 0;
      this.total[o] = t;
      let r = this.eligible[o];
      for (const g of this.gates) if (r === 1 && !g.beforePrice && !this.meets(g, o, weights)) r = 0;
      this.ranked[o] = r as number;
      this.measure[o] = this.measureOf(o);
    }
    this.rankDraw();
  }

  private meets(g: GateProgram, o: number, weights: Float64Array): boolean {
    let got = 0;
    let max = 0;
    for (const li of g.leaves) {
      got += this.points[o * this.L + li] as number;
      max += weights[li] as number;
    }
    if (max === 0) return g.minFraction <= 0;
    const need = max * g.minFraction;
    return got >= need || same(got, need);
  }

  private measureOf(o: number): number {
    switch (this.aggregation) {
      case "weighted-sum":
        return this.total[o] as number;
      case "price-per-quality-point": {
        const q = this.quality[o] as number;
        const p = this.prices[o] as number;
        return Number.isNaN(p) || q === 0 ? Number.NaN : p / q;
      }
      case "monetised-quality": {
        const p = this.prices[o] as number;
        return Number.isNaN(p) ? Number.NaN : p - (this.quality[o] as number) * this.vpq;
      }
    }
  }

  /** Negative when a ranks above b (scoreTender's `compare` on numbers). */
  compare(a: number, b: number): number {
    const ma = this.measure[a] as number;
    const mb = this.measure[b] as number;
    const high = this.aggregation === "weighted-sum";
    const aDef = !Number.isNaN(ma);
    const bDef = !Number.isNaN(mb);
    if (aDef !== bDef) return aDef ? -1 : 1;
    if (aDef && !same(ma, mb)) return (ma > mb) === high ? -1 : 1;
    for (const t of this.ties) {
      let x: number;
      let y: number;
      let higher = true;
      if (t.kind === "quality") {
        x = this.quality[a] as number;
        y = this.quality[b] as number;
      } else if (t.kind === "price") {
        x = Number.isNaN(this.prices[a] as number) ? 0 : (this.prices[a] as number);
        y = Number.isNaN(this.prices[b] as number) ? 0 : (this.prices[b] as number);
        higher = false;
      } else {
        x = 0;
        y = 0;
        for (const li of t.leaves) {
          x += this.points[a * this.L + li] as number;
          y += this.points[b * this.L + li] as number;
        }
      }
      if (!same(x, y)) return (x > y) === higher ? -1 : 1;
    }
    return 0;
  }

  private rankDraw(): void {
    const view = this.view;
    view.length = 0;
    for (let o = 0; o < this.n; o++) {
      this.rank[o] = 0;
      if (this.ranked[o] === 1) view.push(o);
    }
    // Sort on the aggregate figure first (a plain numeric key), then settle runs of equal figures with the
    // full comparison (tie-break rules, then id): the same order as sorting with the full comparison throughout.
    const key = this.key;
    const high = !this.lowerIsBetter;
    for (const o of view) {
      const m = this.measure[o] as number;
      key[o] = Number.isNaN(m) ? -Infinity : high ? m : -m;
    }
    // Fast path: when no two figures are within the tie tolerance, ranks come from a native numeric sort of
    // the keys (no comparator calls); otherwise the full comparison below settles the ties.
    const m0 = view.length;
    const sorted = this.sortedKeys.subarray(0, m0);
    for (let i = 0; i < m0; i++) sorted[i] = -(key[view[i] as number] as number);
    sortInPlace(sorted);
    let distinct = true;
    for (let i = 1; i < m0 && distinct; i++) if (sameKey(sorted[i - 1] as number, sorted[i] as number)) distinct = false;
    if (distinct) {
      for (const o of view) {
        const v = -(key[o] as number);
        let lo = 0;
        let hi = m0;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if ((sorted[mid] as number) < v) lo = mid + 1;
          else hi = mid;
        }
        this.rank[o] = lo + 1;
      }
      return;
    }
    view.sort((a, b) => (key[b] as number) - (key[a] as number) || a - b);
    const ids = this.optionIds;
    const full = (a: number, b: number): number => this.compare(a, b) || ((ids[a] as string) < (ids[b] as string) ? -1 : ids[a] === ids[b] ? 0 : 1);
    const m = view.length;
    for (let i = 0; i < m; ) {
      let j = i + 1;
      while (j < m && sameKey(key[view[j - 1] as number] as number, key[view[j] as number] as number)) j++;
      if (j - i > 1) {
        const run = view.slice(i, j).sort(full);
        for (let k = i; k < j; k++) view[k] = run[k - i] as number;
      }
      i = j;
    }
    for (let i = 0; i < m; i++) {
      const o = view[i] as number;
      const prev = view[i - 1];
      this.rank[o] = prev === undefined ? 1 : this.compare(prev, o) === 0 ? (this.rank[prev] as number) : i + 1;
    }
  }

  /** The sole winner of the last draw (index), or -1 when nothing is ranked or the first rank is shared. */
  winner(): number {
    let w = -1;
    for (let o = 0; o < this.n; o++) {
      if (this.rank[o] === 1) {
        if (w >= 0) return -1;
        w = o;
      }
    }
    return w;
  }
}

function sameKey(a: number, b: number): boolean {
  return a === b || (Number.isFinite(a) && Number.isFinite(b) && same(a, b));
}

function findNode(tree: TenderOptionResult["scoreTree"], id: string): TenderOptionResult["scoreTree"][number] | undefined {
  for (const n of tree) {
    if (n.criterionId === id) return n;
    const c = n.children === undefined ? undefined : findNode(n.children, id);
    if (c !== undefined) return c;
  }
  return undefined;
}
