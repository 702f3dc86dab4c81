import type { VbpIssue, VbpPath } from "../../../errors/issue.js";
import { VbpInputError } from "../../../errors/VbpInputError.js";
import type { FlatNode } from "../../../scoring/criteria.js";
import { parseTender, type ScoringRegistries } from "../../../scoring/schema.js";
import { scoreParsedTender } from "../../../scoring/scoreTender.js";
import type { Tender, TenderOption, TenderOptionResult } from "../../../scoring/tender.js";
import { compileDistribution, type CompiledDistribution, type InputDistribution } from "../distribution.js";
import type { FloatPriceKernel, FloatValueKernel } from "../floatKernels.js";
import { compileWeightSampler, type WeightSampler, type WeightUncertainty } from "../weightUncertainty.js";
import { streamId, type StreamId } from "../../random/streams.js";
import { LotKernel, type VaryingValue } from "./lotKernel.js";

/**
 * An uncertain tender input: a bid's price, its raw value on a quantitative criterion, or its outcome on a
 * pass/fail criterion (a `bernoulli` probability of passing), with its distribution.
 *
 * @category Award uncertainty
 * @example
 * ```ts
 * const i: UncertainTenderInput = { optionId: "b", input: "price", distribution: { type: "triangular", min: "9000", mode: "9500", max: "11000" } };
 * ```
 */
export interface UncertainTenderInput {
  /** The bid. */
  readonly optionId: string;
  /** `"price"`, or the id of a quantitative criterion (its raw value) or of a pass/fail criterion (its outcome). */
  readonly input: string;
  /** The distribution. */
  readonly distribution: InputDistribution;
  /** How to name the input in explanations (default: "<supplier>: <criterion label or price>"). */
  readonly label?: string;
}

/** @internal One compiled uncertain input. */
export interface PlannedInput {
  readonly id: string;
  readonly label: string;
  readonly lot: number;
  readonly option: number;
  readonly kind: "price" | "value" | "pass";
  /** Leaf index (value) or pass/fail index (pass). */
  readonly slot: number;
  /** Position among the lot's varying cells (value inputs). */
  readonly cell: number;
  readonly dist: CompiledDistribution;
  readonly stream: StreamId;
  readonly base: number;
}

/** @internal Everything fixed for an award-uncertainty run. */
export interface AwardPlan {
  readonly tender: Tender;
  readonly sampler: WeightSampler;
  readonly lots: readonly LotKernel[];
  readonly lotLabels: readonly string[];
  readonly inputs: readonly PlannedInput[];
  readonly cells: readonly (readonly VaryingValue[])[];
  readonly base: ReadonlyMap<string, TenderOptionResult>;
  readonly baseWinner: readonly (string | undefined)[];
  readonly weightStream: StreamId;
  readonly seed: number;
  readonly currency: string;
}

/**
 * What is uncertain in an award: the weights and the tender inputs, with the registries and Float64 kernels of
 * your own price formulas and value functions.
 *
 * @category Award uncertainty
 * @example
 * ```ts
 * const u: AwardInputs = { seed: 1, weights: { groups: ["root"] }, inputs: [{ optionId: "B", input: "price", distribution: { type: "uniform", min: 9000, max: 11000 } }] };
 * ```
 */
export interface AwardInputs {
  /** Seed (a whole number from 0 to 2^53 − 1). */
  readonly seed: number;
  /** The weight information (absent: the published weights are certain). */
  readonly weights?: WeightUncertainty;
  /** The uncertain tender inputs. */
  readonly inputs?: readonly UncertainTenderInput[];
  /** Your own price formulas and value functions (as for `scoreTender`). */
  readonly registries?: ScoringRegistries;
  /** Float64 kernels for your own price formulas, by formula id. */
  readonly priceKernels?: Readonly<Record<string, FloatPriceKernel>>;
  /** Float64 kernels for your own value functions, by function id. */
  readonly valueKernels?: Readonly<Record<string, FloatValueKernel>>;
}

/** @internal Former name. */
export type PlanOptions = AwardInputs;

const IDENTIFIERS = new Set(["id", "optionId", "supplier", "label", "lot", "isComparator"]);

/** @internal Validates everything before any draw and builds the Float64 programs. */
export function buildPlan(input: unknown, o: PlanOptions): AwardPlan {
  const tender = parseTender(input, o.registries ?? {});
  const issues: VbpIssue[] = [];
  if (!Number.isSafeInteger(o.seed) || o.seed < 0) issues.push({ code: "invalid_value", path: ["seed"], message: `must be a whole number from 0 to 2^53 − 1, got ${JSON.stringify(o.seed)}` });
  if (issues.length > 0) throw new VbpInputError(issues);
  const sampler = compileWeightSampler(tender, o.weights, ["weights"]);
  const quick = { ...tender, settings: { ...(tender.settings ?? {}), rankReversal: false, overtaking: false } };
  // The exact base case. Worked traces are needed only to read the panel's moderated levels (qualitative
  // criteria); without them the points alone are computed, which is much faster for large lots.
  const panelScored = sampler.flat.some((f) => f.node.kind === "qualitative");
  const scored = scoreParsedTender(quick, o.registries ?? {}, { scoreTrees: panelScored ? "full" : "top-level" });
  const base = new Map<string, TenderOptionResult>();
  for (const lot of scored.lots) for (const r of lot.options) base.set(r.optionId, r);
  const byLot = new Map<string, TenderOption[]>();
  const order: string[] = [];
  for (const l of tender.lots ?? []) {
    order.push(l.id);
    byLot.set(l.id, []);
  }
  for (const opt of tender.options) {
    const lot = opt.lot ?? "default";
    if (!byLot.has(lot)) {
      order.push(lot);
      byLot.set(lot, []);
    }
    (byLot.get(lot) as TenderOption[]).push(opt);
  }
  const kernels = { ...(o.priceKernels !== undefined ? { priceKernels: o.priceKernels } : {}), ...(o.valueKernels !== undefined ? { valueKernels: o.valueKernels } : {}) };
  const lots = order.map((id) => new LotKernel(tender, sampler.flat, sampler.leafFlat, id, byLot.get(id) as TenderOption[], base, o.registries ?? {}, kernels));
  const labels = new Map((tender.lots ?? []).map((l) => [l.id, l.label] as const));
  const where = new Map<string, { lot: number; option: number }>();
  lots.forEach((k, li) => k.optionIds.forEach((id, oi) => where.set(id, { lot: li, option: oi })));
  const flat = sampler.flat;
  const planned: PlannedInput[] = [];
  const cells: VaryingValue[][] = lots.map(() => []);
  const seen = new Map<string, number>();
  (o.inputs ?? []).forEach((u, k) => {
    const p: VbpPath = ["inputs", k];
    if (u === null || typeof u !== "object") {
      issues.push({ code: "invalid_type", path: p, message: "must be { optionId, input, distribution }" });
      return;
    }
    const at = where.get(u.optionId);
    if (at === undefined) {
      issues.push({ code: "unknown_reference", path: [...p, "optionId"], message: `no bid "${u.optionId}" in the tender` });
      return;
    }
    const kern = lots[at.lot] as LotKernel;
    const opt = kern.options[at.option] as TenderOption;
    const key = `${u.optionId}\u0000${u.input}`;
    if (seen.has(key)) {
      issues.push({ code: "duplicate_id", path: [...p, "input"], message: `bid "${u.optionId}" already has a distribution on "${u.input}" at inputs[${seen.get(key)}]` });
      return;
    }
    seen.set(key, k);
    const before = issues.length;
    const dist = compileDistribution(u.distribution, [...p, "distribution"], issues);
    if (issues.length > before || dist === undefined) return;
    let kind: PlannedInput["kind"];
    let slot = -1;
    let baseValue: number;
    let what: string;
    if (u.input === "price") {
      if (opt.price === undefined) {
        issues.push({ code: "invalid_value", path: [...p, "input"], message: `bid "${u.optionId}" has no price to vary` });
        return;
      }
      if (dist.type === "normal" || dist.type === "bernoulli" || dist.low <= 0 || (dist.type === "fixed" && dist.mean <= 0)) {
        issues.push({ code: "invalid_value", path: [...p, "distribution", "type"], message: `a price must stay above 0 in every draw: use a lognormal or gamma distribution, or a uniform, triangular or PERT one with min > 0 (got ${dist.type})` });
        return;
      }
      kind = "price";
      baseValue = Number(opt.price);
      what = "price";
    } else if (IDENTIFIERS.has(u.input)) {
      issues.push({ code: "invalid_value", path: [...p, "input"], message: `"${u.input}" is an identifier or a name, not a quantity: it cannot carry a distribution` });
      return;
    } else if ((tender.gates ?? []).some((g) => g.id === u.input)) {
      issues.push({ code: "invalid_value", path: [...p, "input"], message: `"${u.input}" is a minimum-score gate: a published rule declared certain; its outcome varies only through the scores it tests` });
      return;
    } else {
      const fi = flat.findIndex((f) => f.node.id === u.input);
      const f = flat[fi] as FlatNode | undefined;
      if (f === undefined) {
        issues.push({ code: "unknown_reference", path: [...p, "input"], message: `"${u.input}" is neither "price" nor a criterion of the tender` });
        return;
      }
      const n = f.node;
      if (n.kind === "group") {
        issues.push({ code: "invalid_value", path: [...p, "input"], message: `"${n.id}" is a group of criteria: it has no value of its own to vary (vary its sub-criteria, or its weight under weights)` });
        return;
      }
      if (n.kind === "qualitative") {
        issues.push({ code: "invalid_value", path: [...p, "input"], message: `"${n.id}" is scored by the panel on a scale: a recorded, moderated judgement is certain and cannot carry a distribution` });
        return;
      }
      if (n.kind === "price") {
        issues.push({ code: "invalid_value", path: [...p, "input"], message: `"${n.id}" is the price criterion: put the distribution on input "price"` });
        return;
      }
      if (n.kind === "pass-fail") {
        if (dist.type !== "bernoulli") {
          issues.push({ code: "invalid_value", path: [...p, "distribution", "type"], message: `a pass/fail outcome can only be uncertain as a probability of passing: use { type: "bernoulli", p } (got ${dist.type})` });
          return;
        }
        kind = "pass";
        slot = kern.passFailIds.indexOf(n.id);
        baseValue = kern.basePass[at.option * kern.passFailIds.length + slot] as number;
        what = n.label;
      } else {
        if (dist.type === "bernoulli") {
          issues.push({ code: "invalid_value", path: [...p, "distribution", "type"], message: `"${n.id}" is a measured value: a bernoulli (pass/fail) distribution does not fit it` });
          return;
        }
        kind = "value";
        slot = kern.leafIds.indexOf(n.id);
        const share = kern.valueShare(slot);
        if (share === undefined) {
          issues.push({ code: "unknown_reference", path: [...p, "input"], message: `the value function of "${n.id}" has no Float64 kernel for draws: pass one in valueKernels` });
          return;
        }
        cells[at.lot]?.push({ option: at.option, leaf: slot, share });
        baseValue = Number((opt.values ?? {})[n.id]);
        what = n.label;
      }
    }
    // The shared generator's named streams: "award:input:<optionId>.<input>" (a 64-bit hash of the name).
    const stream = streamId(`award:input:${u.optionId}.${u.input}`);
    planned.push({
      id: `${u.optionId}.${u.input}`,
      label: u.label ?? `${opt.supplier}: ${what}`,
      lot: at.lot,
      option: at.option,
      kind,
      slot,
      cell: kind === "value" ? ((cells[at.lot] as VaryingValue[]).length - 1) : -1,
      dist,
      stream,
      base: baseValue,
    });
  });
  if (issues.length > 0) throw new VbpInputError(issues);
  return {
    tender,
    sampler,
    lots,
    lotLabels: order.map((id) => labels.get(id) ?? id),
    inputs: planned,
    cells,
    base,
    baseWinner: scored.lots.map((l) => l.winner),
    weightStream: streamId("award:weights"),
    seed: o.seed,
    currency: scored.currency,
  };
}
