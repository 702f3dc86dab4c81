import { UNCERTAINTY_DESCRIPTION_TABLES } from "./schemaDescriptions.js";
import { describedShape, withMeta, describedObject } from "../schema/withMeta.js";
import type * as zc from "zod";
import { publicSchema } from "../schema/publicSchema.js";
import { onFirstUse } from "../schema/onFirstUse.js";
import * as z from "zod/mini";
import { safely, type SafeResult } from "../errors/VbpInputError.js";
import { parseWith } from "../schema/issues.js";
import { idSchema } from "../schema/primitives.js";
import type { DistributionSpec } from "./distributions/types.js";

const num = /* @__PURE__ */ onFirstUse(() => z.union([z.number(), z.string().check(z.regex(/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/, { message: "must be a decimal number" }))]));
const finite = /* @__PURE__ */ onFirstUse(() => z.number().check(z.refine(Number.isFinite, { message: "must be a finite number" })));

const distributionSpecSchema = /* @__PURE__ */ onFirstUse(() => withMeta(z
  .looseObject({
    type: withMeta(z.string().check(z.minLength(1), z.maxLength(64)), "uncertainty:distributionSpec.type"),
  }), "uncertainty:distributionSpec"));

const rangeSchema = /* @__PURE__ */ onFirstUse(() => withMeta(z.tuple([finite(), finite()]), "uncertainty:range"));

const valuesAxisSchema = /* @__PURE__ */ onFirstUse(() => describedObject("uncertainty:valuesAxis", {
    parameter: idSchema(),
    values: z.optional(z.array(finite()).check(z.minLength(2), z.maxLength(201))),
    range: z.optional(rangeSchema()),
    steps: z.optional(z.int().check(z.gte(2), z.lte(201))),
  }));

const targetSchema = /* @__PURE__ */ onFirstUse(() => describedObject("uncertainty:target", {
    measure: z.enum(["nmb", "cost", "qalys", "icer"]),
    threshold: z.optional(finite().check(z.gte(0))),
  }));

/**
 * The zod schema of a document's `uncertainty` section (see {@link UncertaintySection}).
 *
 * @example
 * ```ts
 * uncertaintySectionSchema.parse({ psa: { iterations: 1000, seed: 1 } });
 * ```
 * @category Uncertainty
 */
export const uncertaintySectionSchema: zc.ZodType<UncertaintySection, unknown> = /* @__PURE__ */ publicSchema<UncertaintySection, unknown>(() => getUncertaintySectionSchema(), UNCERTAINTY_DESCRIPTION_TABLES);

/** @internal The library's own schema behind `uncertaintySectionSchema`, built on first use. */
export const getUncertaintySectionSchema = /* @__PURE__ */ onFirstUse((): z.ZodMiniType<UncertaintySection, unknown> => describedObject("uncertainty:uncertaintySection", {
    distributions: z.optional(z
      .record(idSchema(), distributionSpecSchema())),
    correlations: z.optional(z
      .array(
        z.strictObject(describedShape("uncertainty:uncertaintySection.correlations", {
          parameters: z.array(idSchema()).check(z.minLength(2), z.maxLength(100)),
          matrix: z.array(z.array(num())),
        })),
      ).check(z.maxLength(100))),
    psa: z.optional(z
      .strictObject(describedShape("uncertainty:uncertaintySection.psa", {
        iterations: z.optional(z.int().check(z.gte(1), z.lte(100_000_000))),
        seed: z.optional(z.int().check(z.gte(0), z.lte(Number.MAX_SAFE_INTEGER))),
        thresholds: z.optional(z.array(finite().check(z.gte(0))).check(z.maxLength(1000))),
      }))),
    oneWay: z.optional(z
      .strictObject(describedShape("uncertainty:uncertaintySection.oneWay", {
        parameters: z.optional(z.array(idSchema()).check(z.maxLength(10000))),
        ranges: z.optional(z.record(idSchema(), rangeSchema())),
        percentiles: z.optional(rangeSchema()),
      }))),
    twoWay: z.optional(z
      .array(z.strictObject({ id: withMeta(idSchema(), "uncertainty:uncertaintySection.twoWay.id"), x: valuesAxisSchema(), y: valuesAxisSchema() })).check(z.maxLength(100))),
    scenarios: z.optional(z
      .array(
        z.strictObject(describedShape("uncertainty:uncertaintySection.scenarios", {
          id: idSchema(),
          label: z.optional(z.string().check(z.maxLength(500))),
          overrides: z.record(idSchema(), finite()),
        })),
      ).check(z.maxLength(1000))),
    thresholds: z.optional(z
      .array(
        z.strictObject(describedShape("uncertainty:uncertaintySection.thresholds", {
          id: idSchema(),
          parameter: idSchema(),
          range: rangeSchema(),
          option: idSchema(),
          comparator: z.optional(idSchema()),
          target: targetSchema(),
        }, "target")),
      ).check(z.maxLength(1000))),
  }) as unknown as z.ZodMiniType<UncertaintySection, unknown>);

/**
 * A document's `uncertainty` section: distributions (by parameter id), correlated groups, PSA settings,
 * one-way ranges, two-way grids, scenarios and threshold (break-even) analyses. It sits beside the model's
 * own keys in the JSON document that `vbp psa` and `vbp dsa` read.
 *
 * @example
 * ```ts
 * const u: UncertaintySection = {
 *   distributions: { p_ssi: { type: "beta", mean: 0.05, se: 0.01 } },
 *   psa: { iterations: 5000, seed: 2026, thresholds: [20000, 30000] },
 *   thresholds: [{ id: "price", parameter: "price_a", range: [0, 2000], option: "device-a", target: { measure: "nmb", threshold: 25000 } }],
 * };
 * ```
 * @category Uncertainty
 */
export interface UncertaintySection {
  /** Distributions by parameter id (they take precedence over a parameter's own `distribution`). */
  readonly distributions?: Readonly<Record<string, DistributionSpec>>;
  /** Correlated parameter groups (Gaussian copula). */
  readonly correlations?: readonly {
    /** The correlated parameters. */
    readonly parameters: readonly string[];
    /** Their correlation matrix, in that order. */
    readonly matrix: readonly (readonly (number | string)[])[];
  }[];
  /** PSA settings (the CLI's flags take precedence). */
  readonly psa?: {
    /** Number of draws. */
    readonly iterations?: number;
    /** Seed. */
    readonly seed?: number;
    /** Willingness-to-pay values per QALY for NMB, CEAC and EVPI. */
    readonly thresholds?: readonly number[];
  };
  /** One-way sensitivity and tornado. */
  readonly oneWay?: {
    /** Parameters to vary. */
    readonly parameters?: readonly string[];
    /** Low and high values by parameter. */
    readonly ranges?: Readonly<Record<string, readonly [number, number]>>;
    /** Percentiles for low/high from distributions. */
    readonly percentiles?: readonly [number, number];
  };
  /** Two-way grids. */
  readonly twoWay?: readonly {
    /** Name of the analysis. */
    readonly id: string;
    /** First axis. */
    readonly x: TwoWayAxisSpec;
    /** Second axis. */
    readonly y: TwoWayAxisSpec;
  }[];
  /** Named sets of parameter overrides. */
  readonly scenarios?: readonly {
    /** Scenario id. */
    readonly id: string;
    /** Human name. */
    readonly label?: string;
    /** Parameter values by id. */
    readonly overrides: Readonly<Record<string, number>>;
  }[];
  /** Threshold (break-even) analyses. */
  readonly thresholds?: readonly {
    /** Name of the analysis. */
    readonly id: string;
    /** The parameter solved for. */
    readonly parameter: string;
    /** The interval searched. */
    readonly range: readonly [number, number];
    /** The option. */
    readonly option: string;
    /** Compared with (default the comparator). */
    readonly comparator?: string;
    /** The break-even condition. */
    readonly target: {
      /** nmb, cost, qalys or icer. */
      readonly measure: "nmb" | "cost" | "qalys" | "icer";
      /** Willingness to pay per QALY. */
      readonly threshold?: number;
    };
  }[];
}

/**
 * One axis of a declared two-way grid: `values`, or a `range` with a number of `steps`.
 *
 * @example
 * ```ts
 * const axis: TwoWayAxisSpec = { parameter: "p_ssi", range: [0.02, 0.1], steps: 9 };
 * ```
 * @category Uncertainty
 */
export interface TwoWayAxisSpec {
  /** The parameter varied. */
  readonly parameter: string;
  /** Values to evaluate. */
  readonly values?: readonly number[];
  /** Low and high. */
  readonly range?: readonly [number, number];
  /** Number of values over the range. */
  readonly steps?: number;
}

/**
 * A model document with its `uncertainty` section split off: the model as written, and the checked section.
 *
 * @example
 * ```ts
 * const json = { id: "ssi", currency: "GBP",
 *   parameters: [{ id: "p_ssi", value: "0.05" }, { id: "c_bed_day", value: 345 }, { id: "los", value: 3 }, { id: "los_ssi", value: 7 }],
 *   tree: { root: "surgery", nodes: [
 *     { id: "surgery", items: [{ id: "bed", category: "bed-days", quantity: { param: "los" }, unitCost: { param: "c_bed_day" } }],
 *       branches: [{ to: "ssi", probability: { param: "p_ssi" } }, { to: "healed", probability: "rest" }] },
 *     { id: "ssi", items: [{ id: "bed", category: "bed-days", quantity: { param: "los_ssi" }, unitCost: { param: "c_bed_day" } }], qalys: "-0.02" },
 *     { id: "healed" },
 *   ] },
 *   options: [{ id: "standard", isComparator: true },
 *     { id: "npwt", effects: [{ op: "multiply", target: { node: "surgery", branch: "ssi" }, value: "0.6" }], extraCosts: [{ id: "npwt", category: "consumables", amount: "15" }] }],
 *   uncertainty: { distributions: { p_ssi: { type: "beta", mean: 0.05, se: 0.01 }, c_bed_day: { type: "gamma", mean: 345, se: 50 }, los_ssi: { type: "gamma", mean: 7, se: 2 } } },
 * };
 * const { model, uncertainty } = splitUncertaintyDocument(json);
 * Object.keys(uncertainty.distributions ?? {}); //=> ["p_ssi", "c_bed_day", "los_ssi"]
 * ```
 * @category Uncertainty
 */
export interface UncertaintyDocument {
  /** The model document without `uncertainty`. */
  readonly model: unknown;
  /** The checked section (empty when absent). */
  readonly uncertainty: UncertaintySection;
}

/**
 * Splits a model document into the model and its checked `uncertainty` section (paths of problems start
 * with `uncertainty`). The model itself is checked later, when it is compiled.
 *
 * @param document - a pathway model document, optionally with an `uncertainty` key
 * @throws VbpInputError for an invalid section
 * @example
 * ```ts
 * splitUncertaintyDocument({ id: "m", options: [], uncertainty: { psa: { seed: 4 } } }).uncertainty.psa?.seed; //=> 4
 * ```
 * @category Uncertainty
 */
export function splitUncertaintyDocument(document: unknown): UncertaintyDocument {
  if (document === null || typeof document !== "object" || Array.isArray(document) || !("uncertainty" in document)) return { model: document, uncertainty: {} };
  const { uncertainty, ...model } = document as Record<string, unknown>;
  const section = parseWith(z.strictObject({ uncertainty: getUncertaintySectionSchema() }), { uncertainty }).uncertainty;
  return { model, uncertainty: section };
}

/**
 * {@link splitUncertaintyDocument} that never throws for bad input.
 *
 * @example
 * ```ts
 * safeSplitUncertaintyDocument({ uncertainty: { psa: { seed: 1.5 } } }).success; //=> false
 * ```
 * @category Uncertainty
 */
export function safeSplitUncertaintyDocument(document: unknown): SafeResult<UncertaintyDocument> {
  return safely(() => splitUncertaintyDocument(document));
}
