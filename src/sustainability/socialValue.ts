import { Dec, decString, toLedgerScale } from "../_lib/decimal.js";
import { safely, type SafeResult } from "../errors/VbpInputError.js";
import { parseWith } from "../schema/issues.js";
import type { SocialValueInput, SocialValueInputDocument } from "./inputTypes.js";
import { getSocialValueInputSchema } from "./schemas.js";
import { BUILT_IN_THEMES } from "./builtInThemes.js";

const ZERO = new Dec(0);
const ONE = new Dec(1);

/**
 * How one buyer metric was met.
 *
 * @example
 * ```ts
 * const m: SocialValueMetricResult = scoreSocialValue(request).themes[0]!.metrics[0]!;
 * ```
 */
export interface SocialValueMetricResult {
  /** Metric id. */
  readonly metricId: string;
  /** Metric label. */
  readonly label: string;
  /** Unit. */
  readonly unit: string;
  /** The buyer's benchmark. */
  readonly benchmark: string;
  /** Direction of merit. */
  readonly direction: "higher-is-better" | "lower-is-better";
  /** Weight within the theme. */
  readonly weight: string;
  /** Commitment that scored best for the metric (absent when none was made). */
  readonly bestCommitmentId?: string;
  /** Commitments made against the metric. */
  readonly commitmentIds: readonly string[];
  /** Target of the best commitment. */
  readonly committed?: string;
  /** 0–1: higher-is-better `min(1, target / benchmark)`; lower-is-better `min(1, benchmark / target)` (1 when target is 0); 0 without a (evidenced) commitment. */
  readonly attainment: string;
  /** Why the attainment is what it is, in words. */
  readonly reason: string;
}

/**
 * One theme's result.
 *
 * @example
 * ```ts
 * const t: SocialValueThemeResult = scoreSocialValue(request).themes[0]!;
 * ```
 */
export interface SocialValueThemeResult {
  /** Theme id. */
  readonly themeId: string;
  /** Theme name. */
  readonly label: string;
  /** Theme weight as given. */
  readonly weight: string;
  /** 0–1: weighted mean of metric attainments `Σ wᵢ·aᵢ / Σ wᵢ`. */
  readonly score: string;
  /** weight × score (points earned when weights are points). */
  readonly weightedScore: string;
  /** Per-metric detail. */
  readonly metrics: readonly SocialValueMetricResult[];
}

/**
 * A supplier's social value result.
 *
 * @example
 * ```ts
 * const r: SocialValueResult = scoreSocialValue(request);
 * ```
 */
export interface SocialValueResult {
  /** Theme set used (`"custom"` for caller themes). */
  readonly themeSetId: string;
  /** Per-theme results, in the buyer's order. */
  readonly themes: readonly SocialValueThemeResult[];
  /** Σ weightedScore (points). */
  readonly total: string;
  /** Σ theme weights (the points available). */
  readonly maximum: string;
  /** total / maximum, 0–1. */
  readonly normalised: string;
}

/**
 * Scores a supplier's social value commitments against the buyer's themes and measurable metrics.
 *
 * For each metric, the best commitment's attainment: higher-is-better `min(1, target / benchmark)`,
 * lower-is-better `min(1, benchmark / target)`; a commitment without evidence scores 0 unless the metric
 * says evidence is not required. Theme score `Σ wᵢ·aᵢ / Σ wᵢ` over its metrics; total `Σ themeWeight ×
 * themeScore`. Themes: PPN 06/20 (as adopted by the NHS, "Fighting climate change" in every tender) or PPN
 * 002 missions, or the caller's own. Figures are exact, shown at up to 20 decimal places.
 *
 * @throws VbpInputError for an unknown theme or metric, a unit mismatch, duplicate ids or negative targets
 * @example
 * ```ts
 * const r = scoreSocialValue({
 *   themes: [{ themeId: "fighting-climate-change", weight: 10, metrics: [{ id: "cut", label: "Scope 1–2 cut by 2030", unit: "%", benchmark: 50 }] }],
 *   commitments: [{ id: "c1", themeId: "fighting-climate-change", metricId: "cut", description: "Cut 40% by 2030", target: 40, unit: "%",
 *     evidence: [{ kind: "carbon reduction plan", reference: "https://supplier.example/crp.pdf" }] }],
 * });
 * r.themes[0]!.metrics[0]!.attainment; //=> "0.8"
 * r.total; //=> "8"  (weight 10 × attainment 40/50)
 * ```
 */
export function scoreSocialValue(input: SocialValueInputDocument): SocialValueResult {
  return scoreParsedSocialValue(parseWith(getSocialValueInputSchema(), input));
}

/** @internal {@link scoreSocialValue} on an input already validated by `socialValueInputSchema`. */
export function scoreParsedSocialValue(doc: SocialValueInput): SocialValueResult {
  return compileSocialValue(doc)(doc.commitments);
}

/** One metric's attainment for one target, made once per distinct target; `n` numbers it within the run. */
interface Attainment {
  readonly n: number;
  readonly target: Dec;
  readonly a: Dec;
}

/**
 * @internal The buyer's framework (themes, metrics, weights, benchmarks) read once, as a scorer of any
 * supplier's commitments: {@link scoreSocialValue}'s arithmetic, with what is the same for every supplier
 * (weights, benchmarks, Σ weights, labels) made once. `detail: false` leaves the themes out of the result
 * (the total, maximum and normalised score are the same); such a result depends only on each metric's best
 * attainment, so suppliers whose best commitments are alike share one (frozen) result.
 */
export function compileSocialValue(doc: Omit<SocialValueInput, "commitments">): (commitments: SocialValueInput["commitments"], detail?: boolean) => SocialValueResult {
  const setId = doc.customThemes !== undefined ? "custom" : (doc.themeSet ?? "ppn-06-20");
  const themeList = doc.customThemes ?? BUILT_IN_THEMES[setId as keyof typeof BUILT_IN_THEMES];
  const labels = new Map(themeList.map((t) => [t.id, t.label]));
  let maximum = new Dec(0);
  let numbered = 0;
  // Every metric numbered in theme order (`k`), found by theme and metric id (each unique, as validated).
  let count = 0;
  const slot = new Map<string, Map<string, number>>();
  const themes = doc.themes.map((theme) => {
    let wsum = new Dec(0);
    const ids = new Map<string, number>();
    slot.set(theme.themeId, ids);
    const metrics = theme.metrics.map((m) => {
      const weight = new Dec(m.weight ?? 1);
      wsum = wsum.plus(weight);
      ids.set(m.id, count);
      // Attainment by target (suppliers often commit the same figures): each is computed once.
      const attainments = new Map<string, Attainment>();
      return { m, k: count++, higher: (m.direction ?? "higher-is-better") === "higher-is-better", weight, weightText: decString(weight), benchmark: new Dec(m.benchmark), evidenceRequired: m.evidenceRequired ?? true, attainments };
    });
    const tw = new Dec(theme.weight);
    maximum = maximum.plus(tw);
    return { theme, metrics, wsum, tw, label: labels.get(theme.themeId) ?? theme.themeId };
  });
  const maximumText = decString(maximum);
  // Results without theme detail, by the numbers of each metric's best attainment (0: none).
  const compact = new Map<string, SocialValueResult>();
  const flat = themes.flatMap((t) => t.metrics);
  return (commitments, detail = true) => {
    // Each metric's commitments (kept for detail alone), best evidenced attainment and its commitment, and
    // how many lacked evidence, by the metric's number: one pass, no list per metric.
    const made: SocialValueInput["commitments"][number][][] = [];
    const best: Attainment[] = [];
    const bestId: string[] = [];
    const unevidenced: number[] = [];
    for (const c of commitments) {
      const k = slot.get(c.themeId)?.get(c.metricId);
      if (k === undefined) continue;
      const { higher, benchmark, evidenceRequired, attainments } = flat[k]!;
      if (detail) (made[k] ??= []).push(c);
      if (evidenceRequired && !c.evidence?.length) {
        unevidenced[k] = (unevidenced[k] ?? 0) + 1;
        continue;
      }
      let t = attainments.get(c.target);
      if (t === undefined) {
        const target = new Dec(c.target);
        const ratio = higher ? target.div(benchmark) : target.isZero() ? ONE : benchmark.div(target);
        // min(1, ratio)
        t = { n: ++numbered, target, a: ratio.gt(ONE) ? ONE : ratio };
        attainments.set(c.target, t);
      }
      if (best[k] === undefined || t.a.gt(best[k].a)) {
        best[k] = t;
        bestId[k] = c.id;
      }
    }
    let key = "";
    for (let k = 0; k < count; k++) key += `${best[k]?.n ?? 0},`;
    const known = detail ? undefined : compact.get(key);
    if (known !== undefined) return known;
    let total = ZERO;
    const scored = themes.map((t) => {
      let acc = ZERO;
      for (const { weight, k } of t.metrics) acc = acc.plus(weight.times(best[k]?.a ?? ZERO));
      const score = t.wsum.isZero() ? ZERO : acc.div(t.wsum);
      const weighted = t.tw.times(score);
      total = total.plus(toLedgerScale(weighted));
      return { score, weighted };
    });
    const themeResults = detail
      ? themes.map(({ theme, metrics, tw, label }, i): SocialValueThemeResult => {
          const metricResults = metrics.map(({ m, k, higher, weightText }): SocialValueMetricResult => {
            const b = best[k];
            const id = bestId[k];
            const list = made[k] ?? [];
            let reason: string;
            if (list.length === 0) reason = "no commitment made against this metric";
            else if (b === undefined) reason = `${unevidenced[k] ?? 0} commitment(s) without evidence; evidence is required`;
            else
              reason = higher
                ? `commitment "${id}": ${decString(b.target)} ${m.unit} against benchmark ${m.benchmark} (min(1, target/benchmark))`
                : `commitment "${id}": ${decString(b.target)} ${m.unit} against benchmark ${m.benchmark}, lower is better (min(1, benchmark/target))`;
            return Object.freeze({
              metricId: m.id,
              label: m.label,
              unit: m.unit,
              benchmark: m.benchmark,
              direction: higher ? "higher-is-better" : "lower-is-better",
              weight: weightText,
              ...(b !== undefined ? { bestCommitmentId: id, committed: decString(b.target) } : {}),
              commitmentIds: Object.freeze(list.map((c) => c.id)),
              attainment: decString(toLedgerScale(b?.a ?? ZERO)),
              reason,
            });
          });
          const { score, weighted } = scored[i]!;
          return Object.freeze({
            themeId: theme.themeId,
            label,
            weight: decString(tw),
            score: decString(toLedgerScale(score)),
            weightedScore: decString(toLedgerScale(weighted)),
            metrics: Object.freeze(metricResults),
          });
        })
      : [];
    const result = Object.freeze({
      themeSetId: setId,
      themes: Object.freeze(themeResults),
      total: decString(total),
      maximum: maximumText,
      normalised: decString(maximum.isZero() ? ZERO : toLedgerScale(total.div(maximum))),
    });
    if (!detail) compact.set(key, result);
    return result;
  };
}

/**
 * {@link scoreSocialValue} that returns the issues instead of throwing for bad input.
 *
 * @example
 * ```ts
 * const r = safeScoreSocialValue({ themes: [{ themeId: "no-such-theme", weight: 1, metrics: [] }], commitments: [] });
 * r.success; //=> false
 * ```
 */
export function safeScoreSocialValue(input: unknown): SafeResult<SocialValueResult> {
  return safely(() => scoreSocialValue(input as SocialValueInputDocument));
}
