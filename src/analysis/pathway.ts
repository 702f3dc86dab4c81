import { describedShape, withMeta } from "../schema/withMeta.js";
import { onFirstUse } from "../schema/onFirstUse.js";
import * as z from "zod/mini";
import { fail } from "../errors/VbpInputError.js";
import type { OptionResult, OutcomeTotals, PathwayResult } from "../pathway/types.js";
import { parseWith } from "../schema/issues.js";
import type { HealthTechOption } from "./healthtech.js";
import { incrementalAnalysis, type IncrementalSettings } from "./incremental.js";
import type { CeaOption, IncrementalAnalysis } from "./types.js";

/**
 * How to read a pathway result for cost-effectiveness: which totals, which effect, discounted or not.
 *
 * @example
 * ```ts
 * const s: PathwayReading = { basis: "population", effect: { event: "ssi" }, discounted: true };
 * ```
 */
export interface PathwayReading {
  /** `"perPatient"` (default) or `"population"` (needs patient volumes in the model). */
  readonly basis?: "perPatient" | "population";
  /**
   * The effect: `"qalys"` (default), `"lifeYears"`, or `{ event }` for a clinical event count, taken as
   * events avoided (the negated expected count, so more is better).
   */
  readonly effect?:
    | "qalys"
    | "lifeYears"
    | {
        /** Name of the clinical event in the pathway result's `events`. */
        readonly event: string;
      };
  /** Use discounted costs and health (default true; NICE reference case). Events are never discounted. */
  readonly discounted?: boolean;
}

const readingSchema = /* @__PURE__ */ onFirstUse(() => z.strictObject(describedShape("analysis/pathway:reading", {
  basis: z.optional(z.enum(["perPatient", "population"])),
  effect: z.optional(z
    .union([z.enum(["qalys", "lifeYears"]), z.strictObject({ event: withMeta(z.string().check(z.minLength(1), z.maxLength(128)), "analysis/pathway:reading.effect.event") })])),
  discounted: z.optional(z.boolean()),
})));

function totalsOf(option: OptionResult, basis: "perPatient" | "population", index: number): OutcomeTotals {
  if (basis === "perPatient") return option.perPatient;
  return option.population ?? fail({ code: "not_computable", path: ["result", "options", index, "population"], message: `option "${option.optionId}" has no population totals (the model states no patient volumes); use basis "perPatient"` });
}

function negate(value: string): string {
  if (value === "0") return "0";
  return value.startsWith("-") ? value.slice(1) : `-${value}`;
}

/**
 * Turns a pathway evaluation ({@link PathwayResult}) into cost-effectiveness options `{ id, label, cost, effect }`,
 * ready for {@link incrementalAnalysis}, {@link netMonetaryBenefit} or {@link pairwiseComparison}.
 *
 * @param result - the pathway result
 * @param reading - basis, effect and discounting (defaults: per patient, discounted QALYs)
 * @returns one option per pathway option, in the model's order
 * @throws VbpInputError for invalid settings or population totals that the model did not produce
 * @example
 * ```ts
 * const options = ceaOptionsFromPathway(runModel(model));
 * const ssiAvoided = ceaOptionsFromPathway(runModel(model), { effect: { event: "ssi" } });
 * ```
 */
export function ceaOptionsFromPathway(result: PathwayResult, reading: PathwayReading = {}): readonly CeaOption[] {
  const s = parseWith(z.strictObject({ reading: readingSchema() }), { reading }).reading;
  const basis = s.basis ?? "perPatient";
  const discounted = s.discounted ?? true;
  const effect = s.effect ?? "qalys";
  return Object.freeze(
    result.options.map((o, i) => {
      const t = totalsOf(o, basis, i);
      let value: string;
      if (effect === "qalys" || effect === "lifeYears") value = discounted ? t[effect].discounted : t[effect].undiscounted;
      else {
        const count = t.events[effect.event];
        if (count === undefined) fail({ code: "unknown_reference", path: ["reading", "effect", "event"], message: `option "${o.optionId}" reports no event "${effect.event}" (reported: ${Object.keys(t.events).join(", ") || "none"})` });
        value = negate(count);
      }
      return Object.freeze({ id: o.optionId, label: o.label, cost: discounted ? t.costs.discounted : t.costs.undiscounted, effect: value });
    }),
  );
}

/**
 * Fully incremental analysis of a pathway evaluation: {@link ceaOptionsFromPathway} then
 * {@link incrementalAnalysis}.
 *
 * @param result - the pathway result
 * @param reading - basis, effect and discounting, plus `icerDecimalPlaces`
 * @returns the incremental analysis, one row per pathway option in the model's order
 * @throws VbpInputError as {@link ceaOptionsFromPathway} and {@link incrementalAnalysis}
 * @example
 * ```ts
 * incrementalAnalysisOfPathway(runModel(model), { icerDecimalPlaces: 0 }).frontier;
 * ```
 */
export function incrementalAnalysisOfPathway(result: PathwayResult, reading: PathwayReading & IncrementalSettings = {}): IncrementalAnalysis {
  const { icerDecimalPlaces, ...rest } = reading;
  return incrementalAnalysis(ceaOptionsFromPathway(result, rest), icerDecimalPlaces === undefined ? {} : { icerDecimalPlaces });
}

/**
 * Turns a pathway evaluation into options for the NICE HealthTech tables ({@link costConsequenceTable},
 * {@link costComparisonTable}): costs by resource category, and outcomes `qalys`, `life-years`,
 * `event:<name>` (expected counts) and `carbon-kg`, side by side.
 *
 * @param result - the pathway result
 * @param reading - basis and discounting (`effect` is ignored: every outcome is listed)
 * @returns one option per pathway option, in the model's order
 * @throws VbpInputError for invalid settings or population totals that the model did not produce
 * @example
 * ```ts
 * const table = costComparisonTable({ currency: "GBP", comparator: r.comparatorId, population: 1200, options: healthTechOptionsFromPathway(r) });
 * ```
 */
export function healthTechOptionsFromPathway(result: PathwayResult, reading: PathwayReading = {}): readonly HealthTechOption[] {
  const s = parseWith(z.strictObject({ reading: readingSchema() }), { reading }).reading;
  const basis = s.basis ?? "perPatient";
  const discounted = s.discounted ?? true;
  const pick = (p: { discounted: string; undiscounted: string }): string => (discounted ? p.discounted : p.undiscounted);
  return Object.freeze(
    result.options.map((o, i) => {
      const t = totalsOf(o, basis, i);
      return Object.freeze({
        id: o.optionId,
        label: o.label,
        costs: Object.entries(t.costs.byCategory).map(([category, v]) => ({ category, amount: pick(v) })),
        outcomes: [
          { outcome: "qalys", value: pick(t.qalys) },
          { outcome: "life-years", value: pick(t.lifeYears) },
          ...Object.entries(t.events).map(([name, v]) => ({ outcome: `event:${name}`, value: v })),
          { outcome: "carbon-kg", value: t.carbonKg },
        ],
      });
    }),
  );
}

