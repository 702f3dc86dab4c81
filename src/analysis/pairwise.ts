import { withMeta } from "../schema/withMeta.js";
import * as z from "zod/mini";
import { type Dec, decString } from "../_lib/decimal.js";
import { figureFixed } from "../_lib/figure.js";
import { decimalQuotient, type Fixed, fixedOf, fixedString, minusDecimal } from "../_lib/fixed.js";
import { fail } from "../errors/VbpInputError.js";
import { parseWith } from "../schema/issues.js";
import { idSchema } from "../schema/primitives.js";
import { parseOptions, type ParsedOption } from "./_internal/options.js";
import { formatRatio, ratioSettingsSchema } from "./_internal/ratio.js";
import type { CeaOption } from "./types.js";

/**
 * Where an option lies against a named comparator on the cost-effectiveness plane (ΔC = cost − comparator's
 * cost, ΔE = effect − comparator's effect).
 *
 * - `"comparator"`: the comparator itself.
 * - `"identical"`: ΔC = 0 and ΔE = 0.
 * - `"no effect difference"`: ΔE = 0, ΔC ≠ 0 (no ratio; decide on cost: see `costDirection`).
 * - `"dominant"`: ΔE > 0 and ΔC ≤ 0 (more effective, no more costly; south-east quadrant).
 * - `"dominated"`: ΔE < 0 and ΔC ≥ 0 (less effective, no less costly; north-west quadrant).
 * - `"more costly, more effective"`: ΔE > 0, ΔC > 0 (north-east): the ICER is the extra cost per unit gained.
 * - `"cost-saving, less effective"`: ΔE < 0, ΔC < 0 (south-west): the ICER is the saving per unit forgone;
 *   the option is acceptable when that ratio is **above** the threshold.
 *
 * @example
 * ```ts
 * const hasIcer = (s: PairwiseStatus) => s === "more costly, more effective" || s === "cost-saving, less effective";
 * ```
 */
export type PairwiseStatus =
  | "comparator"
  | "identical"
  | "no effect difference"
  | "dominant"
  | "dominated"
  | "more costly, more effective"
  | "cost-saving, less effective";

/**
 * One option compared with the comparator.
 *
 * @example
 * ```ts
 * const row: PairwiseComparison = {
 *   id: "new", comparator: "usual", incrementalCost: "500", incrementalEffect: "0.02",
 *   status: "more costly, more effective", costDirection: "cost-incurring", icer: "25000",
 * };
 * ```
 */
export interface PairwiseComparison {
  /** The option's id. */
  readonly id: string;
  /** The option's label, when given. */
  readonly label?: string;
  /** The comparator's id. */
  readonly comparator: string;
  /** ΔC: the option's cost minus the comparator's. */
  readonly incrementalCost: string;
  /** ΔE: the option's effect minus the comparator's. */
  readonly incrementalEffect: string;
  /** Quadrant of the cost-effectiveness plane (see {@link PairwiseStatus}). */
  readonly status: PairwiseStatus;
  /** Whether the option saves money (ΔC < 0), costs more (ΔC > 0) or neither. */
  readonly costDirection: "cost-saving" | "cost-incurring" | "cost-neutral";
  /** ΔC/ΔE, only in the north-east and south-west quadrants (both increments non-zero, same sign). */
  readonly icer?: string;
}

/**
 * Settings for {@link pairwiseComparison}.
 *
 * @example
 * ```ts
 * const s: PairwiseSettings = { comparator: "usual-care", icerDecimalPlaces: 2 };
 * ```
 */
export interface PairwiseSettings {
  /** Id of the comparator (usually current practice). */
  readonly comparator: string;
  /** Decimal places to round ICERs to (half-even) in the output; all digits (50 significant) when omitted. */
  readonly icerDecimalPlaces?: number;
}

/**
 * Compares every option with one named comparator (a simple, non-incremental comparison): incremental cost
 * and effect, the quadrant of the cost-effectiveness plane, and the ICER where it has a meaning. An ICER is
 * never reported for a dominant or dominated option (a negative ratio is ambiguous: Drummond et al. 2015,
 * ch. 4; Briggs, Claxton & Sculpher 2006, ch. 4), nor when there is no effect difference.
 *
 * Use {@link incrementalAnalysis} to choose among more than two options: pairwise ICERs against a common
 * comparator do not identify the efficient option.
 *
 * @param options - the options, including the comparator
 * @param settings - `{ comparator, icerDecimalPlaces? }`
 * @returns one comparison per option, in input order
 * @throws VbpInputError for invalid options or an unknown comparator id
 * @example
 * ```ts
 * const rows = pairwiseComparison(
 *   [{ id: "usual", cost: 1000, effect: 5 }, { id: "new", cost: 1500, effect: "5.02" }, { id: "cheap", cost: 900, effect: "4.99" }],
 *   { comparator: "usual" },
 * );
 * rows[1].icer;   //=> "25000"
 * rows[2].status; //=> "cost-saving, less effective"
 * rows[2].icer;   //=> "10000"
 * ```
 */
export function pairwiseComparison(options: readonly CeaOption[], settings: PairwiseSettings): readonly PairwiseComparison[] {
  const parsed = parseOptions(options);
  const s = parseWith(z.strictObject({ settings: z.extend(ratioSettingsSchema(), { comparator: withMeta(idSchema(), "analysis/pairwise:pairwiseComparison.s.settings.comparator") }) }), { settings }).settings as PairwiseSettings;
  return parsedPairwiseComparison(parsed, s);
}

/** @internal {@link pairwiseComparison} on options already parsed to exact decimals and valid settings. */
export function parsedPairwiseComparison(parsed: readonly ParsedOption[], s: PairwiseSettings): readonly PairwiseComparison[] {
  const comparator = parsed.find((o) => o.id === s.comparator);
  if (comparator === undefined) {
    fail({ code: "unknown_reference", path: ["settings", "comparator"], message: `no option has id "${s.comparator}" (known: ${parsed.slice(0, 10).map((o) => o.id).join(", ")}${parsed.length > 10 ? ", …" : ""})` });
  }
  // Options often share one effect object: its increment is made and written once. Costs are subtracted and
  // divided as Decimal's `minus` and `div` do it, in integers.
  const byEffect = new Map<Dec, { de: Fixed; text: string; e: number }>();
  const comparatorCost = figureFixed(comparator.cost);
  return Object.freeze(
    parsed.map((o) => {
      const dc = minusDecimal(figureFixed(o.cost), comparatorCost);
      let effect = byEffect.get(o.effect);
      if (effect === undefined) {
        const de = o.effect.minus(comparator.effect);
        byEffect.set(o.effect, (effect = { de: fixedOf(de), text: decString(de), e: de.comparedTo(0) }));
      }
      const { de, e } = effect;
      const c = dc.m < 0n ? -1 : dc.m > 0n ? 1 : 0;
      let status: PairwiseStatus;
      if (o === comparator) status = "comparator";
      else if (e === 0) status = c === 0 ? "identical" : "no effect difference";
      else if (e > 0) status = c <= 0 ? "dominant" : "more costly, more effective";
      else status = c >= 0 ? "dominated" : "cost-saving, less effective";
      const hasRatio = status === "more costly, more effective" || status === "cost-saving, less effective";
      return Object.freeze({
        id: o.id,
        ...(o.label === undefined ? {} : { label: o.label }),
        comparator: comparator.id,
        incrementalCost: fixedString(dc.m, dc.s),
        incrementalEffect: effect.text,
        status,
        costDirection: c < 0 ? "cost-saving" : c > 0 ? "cost-incurring" : "cost-neutral",
        ...(hasRatio ? { icer: formatRatio(decimalQuotient(dc.m, de, dc.s), s) } : {}),
      } satisfies PairwiseComparison);
    }),
  );
}
