import { describedShape } from "../schema/withMeta.js";
import { onFirstUse } from "../schema/onFirstUse.js";
import * as z from "zod/mini";
import { Dec, decString } from "../_lib/decimal.js";
import { type Figure, figureDec, figureFixed } from "../_lib/figure.js";
import { compareFixed, type Fixed, fixedOf, fixedString, minusDecimal } from "../_lib/fixed.js";
import { fail } from "../errors/VbpInputError.js";
import { parseWith } from "../schema/issues.js";
import { idSchema, nonNegativeDecimalSchema } from "../schema/primitives.js";
import { parseOptions, type ParsedOption } from "./_internal/options.js";
import type { CeaOption } from "./types.js";

/**
 * Settings for {@link netMonetaryBenefit}.
 *
 * @example
 * ```ts
 * const s: NetMonetaryBenefitSettings = { thresholds: ["25000", "35000"], comparator: "usual-care" };
 * ```
 */
export interface NetMonetaryBenefitSettings {
  /** Willingness to pay per unit of effect (λ, e.g. £ per QALY), ≥ 0: one value or a list (at most 10,000). */
  readonly thresholds: string | number | readonly (string | number)[];
  /** Id of the comparator for incremental NMB; omitted: no incremental figures. */
  readonly comparator?: string;
}

/**
 * One option's net monetary benefit at one threshold.
 *
 * @example
 * ```ts
 * const row: NetMonetaryBenefitRow = { id: "new", nmb: "124500", incrementalNmb: "100", best: true };
 * ```
 */
export interface NetMonetaryBenefitRow {
  /** The option's id. */
  readonly id: string;
  /** The option's label, when given. */
  readonly label?: string;
  /** NMB = effect × λ − cost. */
  readonly nmb: string;
  /** INMB = NMB − NMB of the comparator = ΔE × λ − ΔC; only when a comparator is named. */
  readonly incrementalNmb?: string;
  /** Whether this option has the highest NMB at this threshold (several when tied). */
  readonly best: boolean;
}

/**
 * Net monetary benefit of every option at one threshold.
 *
 * @example
 * ```ts
 * const at: NetMonetaryBenefitAtThreshold = { threshold: "20000", best: ["new"], options: [] };
 * ```
 */
export interface NetMonetaryBenefitAtThreshold {
  /** λ, the willingness to pay per unit of effect. */
  readonly threshold: string;
  /** Ids of the option(s) with the highest NMB at λ, sorted by id (more than one only on an exact tie). */
  readonly best: readonly string[];
  /** One row per option, in input order. */
  readonly options: readonly NetMonetaryBenefitRow[];
}

/**
 * Result of {@link netMonetaryBenefit}: one block per threshold, in the order given.
 *
 * @example
 * ```ts
 * const r: NetMonetaryBenefitResult = { comparator: "usual", byThreshold: [] };
 * ```
 */
export interface NetMonetaryBenefitResult {
  /** The comparator used for incremental NMB, when named. */
  readonly comparator?: string;
  /** Results at each threshold, in the order given. */
  readonly byThreshold: readonly NetMonetaryBenefitAtThreshold[];
}

const settingsSchema = /* @__PURE__ */ onFirstUse(() => z.strictObject(describedShape("analysis/nmb:settings", {
  thresholds: z
    .union([nonNegativeDecimalSchema(), z.array(nonNegativeDecimalSchema()).check(z.minLength(1), z.maxLength(10_000))]),
  comparator: z.optional(idSchema()),
})));

/** @internal NMB = E·λ − C, exact. */
export function nmbOf(o: { readonly cost: Figure; readonly effect: Dec }, lambda: Dec): Dec {
  return o.effect.times(lambda).minus(figureDec(o.cost));
}

/** @internal The option with the highest NMB at λ (ties: smallest id). */
export function bestByNmb(options: readonly ParsedOption[], lambda: Dec): { option: ParsedOption; nmb: Dec } {
  let best: { option: ParsedOption; nmb: Dec } | undefined;
  for (const o of options) {
    const v = nmbOf(o, lambda);
    if (best === undefined || v.greaterThan(best.nmb) || (v.equals(best.nmb) && o.id < best.option.id)) best = { option: o, nmb: v };
  }
  return best as { option: ParsedOption; nmb: Dec };
}

/**
 * Net monetary benefit of each option at one or more willingness-to-pay thresholds λ, the incremental NMB
 * against a comparator, and the option with the highest NMB at each λ.
 *
 * NMB = E × λ − C; INMB = ΔE × λ − ΔC (Stinnett & Mullahy 1998, *Med Decis Making* 18(2 Suppl):S68–80;
 * Briggs, Claxton & Sculpher 2006, ch. 4). Choosing the option with the highest NMB at λ is the same decision as
 * the fully incremental analysis: it is the frontier option whose ICER interval [ICER in, ICER out] contains λ.
 * Exact decimals; ties in NMB are all reported as best.
 *
 * @param options - the options `{ id, label?, cost, effect }`
 * @param settings - `{ thresholds, comparator? }`
 * @returns NMB of every option at each threshold, with the best option(s)
 * @throws VbpInputError for invalid options, a negative or non-numeric threshold, or an unknown comparator id
 * @example
 * ```ts
 * const r = netMonetaryBenefit(
 *   [{ id: "usual", cost: 1000, effect: 5 }, { id: "new", cost: 1500, effect: "5.02" }],
 *   { thresholds: [20000, 30000], comparator: "usual" },
 * );
 * r.byThreshold[0].best;                       //=> ["usual"]   (INMB = 0.02 × 20000 − 500 = −100)
 * r.byThreshold[1].options[1].incrementalNmb;  //=> "100"       (0.02 × 30000 − 500)
 * r.byThreshold[1].best;                       //=> ["new"]
 * ```
 */
export function netMonetaryBenefit(options: readonly CeaOption[], settings: NetMonetaryBenefitSettings): NetMonetaryBenefitResult {
  const parsed = parseOptions(options);
  const s = parseWith(z.strictObject({ settings: settingsSchema() }), { settings }).settings;
  return parsedNetMonetaryBenefit(parsed, (typeof s.thresholds === "string" ? [s.thresholds] : s.thresholds).map((t) => new Dec(t)), s.comparator);
}

/**
 * @internal {@link netMonetaryBenefit} on options parsed to exact decimals, thresholds λ ≥ 0 and an optional comparator id.
 * `before`: rows of an analysis of more of the same options (the same figures and comparator) at the one threshold
 * λ; an option's row there is its row here unless whether it is best changed (the analysis shown once some bids
 * are withheld).
 */
export function parsedNetMonetaryBenefit(parsed: readonly ParsedOption[], lambdas: readonly Dec[], comparatorId: string | undefined, before?: ReadonlyMap<string, NetMonetaryBenefitRow>): NetMonetaryBenefitResult {
  const s = { comparator: comparatorId };
  let comparator: ParsedOption | undefined;
  if (s.comparator !== undefined) {
    comparator = parsed.find((o) => o.id === s.comparator);
    if (comparator === undefined) fail({ code: "unknown_reference", path: ["settings", "comparator"], message: `no option has id "${s.comparator}"` });
  }
  const byThreshold = lambdas.map((lambda) => {
    // E × λ once per effect object (options often share one); then E × λ − C as Decimal's `minus` gives it, in
    // integers (a cost in ledger units is not made a Decimal).
    const benefit = new Map<Dec, Fixed>();
    const values = parsed.map((o) => {
      let b = benefit.get(o.effect);
      if (b === undefined) benefit.set(o.effect, (b = fixedOf(o.effect.times(lambda))));
      return minusDecimal(b, figureFixed(o.cost));
    });
    const max = values.reduce((a, b) => (compareFixed(b, a) > 0 ? b : a));
    const base = comparator === undefined ? undefined : (values[comparator.index] as Fixed);
    const rows = parsed.map((o, i) => {
      const v = values[i] as Fixed;
      const best = compareFixed(v, max) === 0;
      const kept = before?.get(o.id);
      if (kept?.best === best) return kept;
      // Written key by key in the row's order (id, label, nmb, incrementalNmb, best).
      const row: { -readonly [K in keyof NetMonetaryBenefitRow]: NetMonetaryBenefitRow[K] } = { id: o.id } as NetMonetaryBenefitRow;
      if (o.label !== undefined) row.label = o.label;
      row.nmb = fixedString(v.m, v.s);
      if (base !== undefined) {
        const d = minusDecimal(v, base);
        row.incrementalNmb = fixedString(d.m, d.s);
      }
      row.best = best;
      return Object.freeze(row);
    });
    const best = rows.filter((r) => r.best).map((r) => r.id).sort();
    return Object.freeze({ threshold: decString(lambda), best: Object.freeze(best), options: Object.freeze(rows) });
  });
  return Object.freeze({ ...(comparator === undefined ? {} : { comparator: comparator.id }), byThreshold: Object.freeze(byThreshold) });
}
