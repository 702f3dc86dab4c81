/**
 * @internal The normalised social value score alone, with the buyer's framework read once: what a catalogue
 * run needs of each of thousands of suppliers (the score feeds a criterion; the per-metric breakdown is shown
 * with full detail only). The arithmetic is {@link scoreParsedSocialValue}'s, step for step, so the score is
 * the same to the last digit.
 *
 * @module
 */
import { Dec, decString, toLedgerScale } from "../_lib/decimal.js";
import type { SocialValueInputOf } from "./inputTypes.js";

/** Decimal values as validated (strings) or as an evaluation document holds them. */
type Framework = Omit<SocialValueInputOf<string | number>, "commitments">;
type Commitments = SocialValueInputOf<string | number>["commitments"];

interface CompiledMetric {
  readonly themeId: string;
  readonly id: string;
  readonly higher: boolean;
  readonly weight: Dec;
  readonly benchmark: Dec;
  readonly evidenceRequired: boolean;
}

interface CompiledTheme {
  readonly weight: Dec;
  /** The sum of the metrics' weights (it does not depend on the commitments). */
  readonly metricWeights: Dec;
  readonly metrics: readonly CompiledMetric[];
}

const ONE = new Dec(1);
const ZERO = new Dec(0);

/**
 * Reads a (validated) framework once; the returned function gives the normalised score (as
 * `scoreParsedSocialValue({ ...framework, commitments }).normalised`) of each supplier's commitments.
 */
export function compileSocialValueScore(framework: Framework): (commitments: Commitments) => string {
  let maximum = new Dec(0);
  const themes: CompiledTheme[] = framework.themes.map((theme) => {
    let metricWeights = new Dec(0);
    const metrics = theme.metrics.map((m): CompiledMetric => {
      const weight = new Dec(m.weight ?? 1);
      metricWeights = metricWeights.plus(weight);
      return { themeId: theme.themeId, id: m.id, higher: (m.direction ?? "higher-is-better") === "higher-is-better", weight, benchmark: new Dec(m.benchmark), evidenceRequired: m.evidenceRequired ?? true };
    });
    const weight = new Dec(theme.weight);
    maximum = maximum.plus(weight);
    return { weight, metricWeights, metrics };
  });
  return (commitments) => {
    // The commitments by theme, then metric, in the order made.
    const byTheme = new Map<string, Map<string, Commitments[number][]>>();
    for (const c of commitments) {
      let byMetric = byTheme.get(c.themeId);
      if (byMetric === undefined) byTheme.set(c.themeId, (byMetric = new Map()));
      const list = byMetric.get(c.metricId);
      if (list === undefined) byMetric.set(c.metricId, [c]);
      else list.push(c);
    }
    let total = new Dec(0);
    for (const theme of themes) {
      let acc = new Dec(0);
      for (const m of theme.metrics) {
        let best: Dec | undefined;
        for (const c of byTheme.get(m.themeId)?.get(m.id) ?? []) {
          if (m.evidenceRequired && (c.evidence ?? []).length === 0) continue;
          const target = new Dec(c.target);
          const a = m.higher ? Dec.min(1, target.div(m.benchmark)) : target.isZero() ? ONE : Dec.min(1, m.benchmark.div(target));
          if (best === undefined || a.gt(best)) best = a;
        }
        acc = acc.plus(m.weight.times(best ?? ZERO));
      }
      const score = theme.metricWeights.isZero() ? ZERO : acc.div(theme.metricWeights);
      total = total.plus(toLedgerScale(theme.weight.times(score)));
    }
    return decString(maximum.isZero() ? ZERO : toLedgerScale(total.div(maximum)));
  };
}
