import type { VbpIssue, VbpPath } from "../../../errors/issue.js";
import { VbpInputError } from "../../../errors/VbpInputError.js";
import type { FlatNode } from "../../../scoring/criteria.js";
import { parseTender, type ScoringRegistries } from "../../../scoring/schema.js";
import { scoreParsedTender } from "../../../scoring/scoreTender.js";
import type { Tender, TenderOption, TenderOptionResult } from "../../../scoring/tender.js";
import { compileDistribution, type CompiledDistribution, type InputDistribution } from "../distribution.js";
import type { DistributionRegistry } from "../../distributions/registry.js";
import type { DistributionSpec } from "../../distributions/types.js";
import { createDrawPlan, type CorrelationSpec, type DrawPlan } from "../../draws/drawPlan.js";
import { parameterKey } from "../../modelDrawPlan.js";
import type { UncertaintySection } from "../../schema.js";
import { buildDocumentModel, type DocumentModel, type UncertainDocumentValue } from "./documentModel.js";
import type { FloatPriceKernel, FloatValueKernel } from "../floatKernels.js";
import { compileWeightSampler, type WeightSampler, type WeightUncertainty } from "../weightUncertainty.js";
import { streamId, type StreamId } from "../../random/streams.js";
import type { VbpPath as Path } from "../../../errors/issue.js";
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
  /** The distribution (the PSA's distributions; see {@link InputDistribution}). */
  readonly distribution: InputDistribution | DistributionSpec;
  /** How to name the input in explanations (default: "<supplier>: <criterion label or price>"). */
  readonly label?: string;
}

/** @internal One compiled uncertain input. */
export interface PlannedInput {
  readonly id: string;
  /** Its column key in the draw plan, which also names its random stream. */
  readonly key: string;
  readonly label: string;
  /** The lot of a tender input (−1 for a document value). */
  readonly lot: number;
  /** The lots it can move. */
  readonly lots: readonly number[];
  readonly option: number;
  readonly kind: "price" | "value" | "pass" | "document";
  /** Leaf index (value) or pass/fail index (pass). */
  readonly slot: number;
  /** Position among the lot's varying cells (value inputs). */
  readonly cell: number;
  readonly dist: CompiledDistribution;
  readonly stream: StreamId;
  readonly base: number;
  /** Where it was declared (for error paths). */
  readonly declaredAt: Path;
}

/** @internal A raw value that follows the uncertain document values (see `documentModel.ts`). */
export interface PlannedDocumentCell {
  /** Position among the lot's varying cells. */
  readonly cell: number;
  readonly base: number;
  /** Input indices are into the plan's inputs. */
  readonly terms: readonly { readonly input: number; readonly slope: number }[];
  readonly cross: readonly { readonly a: number; readonly b: number; readonly coef: number }[];
  readonly pathway: readonly { readonly series: number; readonly coef: number }[];
}

/** @internal Everything fixed for an award-uncertainty run. */
export interface AwardPlan {
  readonly tender: Tender;
  readonly sampler: WeightSampler;
  readonly lots: readonly LotKernel[];
  readonly lotLabels: readonly string[];
  readonly inputs: readonly PlannedInput[];
  readonly cells: readonly (readonly VaryingValue[])[];
  /** Per lot: the cells that follow the uncertain document values. */
  readonly documentCells: readonly (readonly PlannedDocumentCell[])[];
  /** The document part (pathway model, parameter inputs), when the input is an evaluation document. */
  readonly document?: DocumentModel;
  /** Plan-input index of each document input (`document.inputs[j]` is `inputs[documentInputs[j]]`). */
  readonly documentInputs: readonly number[];
  /** The one draw plan of every uncertain input (columns in `inputs` order). */
  readonly drawPlan: DrawPlan;
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
  /**
   * Uncertain values of the evaluation document (when the analysis is given an evaluation document rather
   * than a tender): lifecycle, carbon and social value figures of the options and pathway parameter values.
   */
  readonly documentValues?: readonly UncertainDocumentValue[];
  /**
   * Whether the distributions the evaluation document's pathway declares on its parameters
   * (`pathway.parameters[i].distribution`, what a PSA of the pathway draws) are drawn (default `true`). A
   * parameter that declares one may not also be listed under `documentValues` (an error naming both paths);
   * set this to `false` to draw pathway parameters only as stated under `documentValues`.
   */
  readonly pathwayDistributions?: boolean;
  /**
   * Correlations between drawn pathway parameters, in the PSA's form (`{ parameters: [ids], matrix }`, a
   * Gaussian copula on their streams), so that with the same seed the award draws exactly what a PSA with
   * these correlations draws.
   */
  readonly correlations?: UncertaintySection["correlations"];
  /** Distributions known by name (default: the PSA's built-in ones). */
  readonly distributions?: DistributionRegistry;
}

/** @internal Whether the input is an evaluation document (it has a tender section and options). */
export function isEvaluationDocument(input: unknown): boolean {
  return input !== null && typeof input === "object" && !Array.isArray(input) && "tender" in input && "options" in input;
}

/** @internal Former name. */
export type PlanOptions = AwardInputs;

const IDENTIFIERS = new Set(["id", "optionId", "supplier", "label", "lot", "isComparator"]);

/** @internal Validates everything before any draw and builds the Float64 programs. */
export function buildPlan(input: unknown, o: PlanOptions): AwardPlan {
  const issues: VbpIssue[] = [];
  let document: DocumentModel | undefined;
  if (o.pathwayDistributions !== undefined && typeof o.pathwayDistributions !== "boolean") throw new VbpInputError([{ code: "invalid_type", path: ["pathwayDistributions"], message: `must be true or false, got ${JSON.stringify(o.pathwayDistributions)}` }]);
  if (isEvaluationDocument(input)) {
    // A bid price drawn under inputs also moves every figure the document builds from it (lifecycle and
    // whole-pathway cost lines, …): it is measured there like a document value, on its own stream.
    const prices = Array.isArray(o.inputs)
      ? o.inputs.flatMap((u, k) => (u !== null && typeof u === "object" && u.input === "price" && typeof u.optionId === "string" ? [{ optionId: u.optionId, distribution: u.distribution, label: u.label ?? `${u.optionId}: price`, declaredAt: ["inputs", k] as VbpPath }] : []))
      : [];
    const seenPrice = new Set<string>();
    document = buildDocumentModel(input, o.documentValues ?? [], o.distributions, ["documentValues"], o.pathwayDistributions ?? true, prices.filter((x) => !seenPrice.has(x.optionId) && (seenPrice.add(x.optionId), true)));
  }
  else if ((o.documentValues ?? []).length > 0) throw new VbpInputError([{ code: "invalid_value", path: ["documentValues"], message: "uncertain document values need an evaluation document (with pathway, options and tender), not a tender" }]);
  else if ((o.correlations ?? []).length > 0) throw new VbpInputError([{ code: "invalid_value", path: ["correlations"], message: "correlations between pathway parameters need an evaluation document (with pathway, options and tender), not a tender" }]);
  const tender = parseTender(document?.tender ?? input, o.registries ?? {});
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
    const dist = compileDistribution(u.distribution, [...p, "distribution"], issues, o.distributions);
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
      const lowest = dist.distribution.support[0];
      if (!(lowest > 0 || ((dist.type === "gamma" || dist.type === "lognormal") && lowest >= 0))) {
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
      key: stream.name,
      declaredAt: [...p, "distribution"],
      label: u.label ?? `${opt.supplier}: ${what}`,
      lot: at.lot,
      lots: [at.lot],
      option: at.option,
      kind,
      slot,
      cell: kind === "value" ? ((cells[at.lot] as VaryingValue[]).length - 1) : -1,
      dist,
      stream,
      base: baseValue,
    });
  });
  // The uncertain document values: their cells follow them through the measured terms and the pathway.
  const documentCells: PlannedDocumentCell[][] = lots.map(() => []);
  const documentInputs: number[] = [];
  if (document !== undefined) {
    // Plan-input index of each document input: a bid price measured in the document is the tender input itself.
    const byKey = new Map(planned.map((x, i) => [x.key, i] as const));
    let next = planned.length;
    const planIndex = document.inputs.map((d) => (d.priceOf !== undefined ? (byKey.get(d.key) ?? -1) : next++));
    const touched = document.inputs.map(() => new Set<number>());
    const pathwayLots = new Set<number>();
    const taken = new Set(planned.filter((x) => x.kind === "value").map((x) => `${x.lot}\u0000${x.option}\u0000${x.slot}`));
    for (const c of document.cells) {
      const at = where.get(c.optionId);
      if (at === undefined) continue;
      const kern = lots[at.lot] as LotKernel;
      const slot = kern.leafIds.indexOf(c.criterionId);
      if (slot < 0) continue;
      if (taken.has(`${at.lot}\u0000${at.option}\u0000${slot}`)) {
        issues.push({ code: "invalid_value", path: ["documentValues"], message: `the raw value of "${c.criterionId}" for bid "${c.optionId}" has a distribution under inputs and also follows uncertain document values: keep one` });
        continue;
      }
      const share = kern.valueShare(slot);
      if (share === undefined) {
        issues.push({ code: "unknown_reference", path: ["documentValues"], message: `the value function of "${c.criterionId}" has no Float64 kernel for draws: pass one in valueKernels` });
        continue;
      }
      (cells[at.lot] as VaryingValue[]).push({ option: at.option, leaf: slot, share });
      for (const t of c.terms) touched[t.input]?.add(at.lot);
      for (const t of c.cross) {
        touched[t.a]?.add(at.lot);
        touched[t.b]?.add(at.lot);
      }
      if (c.pathway.length > 0) pathwayLots.add(at.lot);
      (documentCells[at.lot] as PlannedDocumentCell[]).push({
        cell: (cells[at.lot] as VaryingValue[]).length - 1,
        base: c.base,
        terms: c.terms.map((t) => ({ input: planIndex[t.input] as number, slope: t.slope })),
        cross: c.cross.map((t) => ({ a: planIndex[t.a] as number, b: planIndex[t.b] as number, coef: t.coef })),
        pathway: c.pathway,
      });
    }
    document.inputs.forEach((d, j) => {
      const own = planIndex[j] as number;
      if (d.priceOf !== undefined) {
        documentInputs.push(own);
        const price = planned[own];
        if (price !== undefined) planned[own] = { ...price, lots: [...new Set([...price.lots, ...(touched[j] as Set<number>)])].sort((a, b) => a - b) };
        return;
      }
      documentInputs.push(planned.length);
      planned.push({
        id: d.key,
        key: d.key,
        declaredAt: [...d.declaredAt, "distribution"],
        label: d.label,
        lot: -1,
        lots: d.kind === "parameter" ? [...pathwayLots].sort((a, b) => a - b) : [...(touched[j] as Set<number>)].sort((a, b) => a - b),
        option: -1,
        kind: "document",
        slot: -1,
        cell: -1,
        dist: d.dist,
        stream: streamId(d.key),
        base: d.base,
      });
    });
  }
  const correlations = parameterCorrelations(o.correlations, document, issues);
  let drawPlan: DrawPlan | undefined;
  if (issues.length === 0) {
    try {
      drawPlan = createDrawPlan({ quantities: planned.map((x) => ({ key: x.key, path: x.declaredAt, distribution: x.dist.spec })), correlations, ...(o.distributions !== undefined ? { registry: o.distributions } : {}) });
    } catch (e) {
      if (!(e instanceof VbpInputError)) throw e;
      issues.push(...e.issues);
    }
  }
  if (issues.length > 0 || drawPlan === undefined) throw new VbpInputError(issues);
  return {
    ...(document !== undefined ? { document } : {}),
    documentCells,
    documentInputs,
    drawPlan,
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

/**
 * The correlations between drawn pathway parameters as the PSA builds them (`modelDrawPlan`: keys
 * `parameter:<id>` in the order given, so the copula's stream is the PSA's), after checking that each names a
 * parameter the award draws.
 */
function parameterCorrelations(given: AwardInputs["correlations"], document: DocumentModel | undefined, issues: VbpIssue[]): CorrelationSpec[] {
  if (given === undefined) return [];
  if (!Array.isArray(given)) {
    issues.push({ code: "invalid_type", path: ["correlations"], message: "must be a list of { parameters: [ids], matrix }" });
    return [];
  }
  const drawn = new Set((document?.inputs ?? []).flatMap((d) => (d.kind === "parameter" ? [d.parameterId as string] : [])));
  const known = new Set<string>(document?.pathway?.compiled.model.parameters?.map((p) => p.id) ?? []);
  const out: CorrelationSpec[] = [];
  given.forEach((c, i) => {
    const at: VbpPath = ["correlations", i];
    const ids = (c as { parameters?: unknown } | null)?.parameters;
    const matrix = (c as { matrix?: unknown } | null)?.matrix;
    if (!Array.isArray(ids) || !Array.isArray(matrix)) {
      issues.push({ code: "invalid_type", path: at, message: "must be { parameters: [ids of 2 or more drawn pathway parameters], matrix: their correlation matrix }" });
      return;
    }
    let ok = true;
    ids.forEach((id: unknown, j) => {
      if (typeof id === "string" && drawn.has(id)) return;
      ok = false;
      issues.push({
        code: "unknown_reference",
        path: [...at, "parameters", j],
        message: typeof id === "string" && (known.has(id) || drawn.size === 0)
          ? `pathway parameter "${id}" is not drawn: give it a distribution (pathway.parameters[…].distribution, or documentValues "pathway.parameters.${id}.value") before correlating it`
          : `no drawn pathway parameter ${JSON.stringify(id)}`,
      });
    });
    if (ok) out.push({ keys: ids.map((id: string) => parameterKey(id)), matrix: matrix as CorrelationSpec["matrix"], path: at });
  });
  return out;
}
