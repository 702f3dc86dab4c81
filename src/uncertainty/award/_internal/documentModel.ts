/**
 * Uncertain values of an evaluation document (lifecycle, carbon and social value figures of an option, and
 * pathway parameters) carried to the tender's raw values in every draw.
 *
 * - Pathway parameters are drawn into the compiled pathway model's Float64 evaluation over many draws at
 *   once (`evaluateDraws`); the metrics read from the pathway (whole-pathway cost, QALYs, net monetary
 *   benefit, a cost category, events, carbon and its monetised value) follow from its outputs by their
 *   definitions (`src/evaluate/_internal/figures.ts`, `metricsStage.ts`).
 * - Lifecycle, carbon and social value figures enter every metric additively and in proportion (a cost line
 *   is quantity × unit cost × discounting; a footprint is quantity × factor): each one's effect on every raw
 *   value is measured through the exact evaluation at its 2.5% and 97.5% points, checked to be a straight
 *   line through the base case (a third exact evaluation), and products of two uncertain values of the same
 *   line (quantity × unit cost) get their interaction term from a fourth. A value whose effect is not a
 *   straight line is refused with its path rather than approximated.
 *
 * @internal
 * @module
 */
import { Dec } from "../../../_lib/decimal.js";
import { unitsDec } from "../../../_lib/fixed.js";
import type { VbpIssue, VbpPath } from "../../../errors/issue.js";
import { VbpInputError } from "../../../errors/VbpInputError.js";
import { evaluateWithValues } from "../../../evaluate/evaluate.js";
import { readMetricName } from "../../../evaluate/metrics.js";
import { evaluationContext } from "../../../evaluate/_internal/context.js";
import { carbonStage } from "../../../evaluate/_internal/carbonStage.js";
import { prepareEvaluation } from "../../../evaluate/_internal/validate.js";
import { pathwayStage } from "../../../evaluate/_internal/pathwayStage.js";
import { lifecycleStage } from "../../../evaluate/_internal/lifecycleStage.js";
import { optionFigures } from "../../../evaluate/_internal/figures.js";
import { costEffectivenessStage } from "../../../evaluate/_internal/costEffectivenessStage.js";
import { sustainabilityStage } from "../../../evaluate/_internal/sustainabilityStage.js";
import { metricsStage } from "../../../evaluate/_internal/metricsStage.js";
import type { EvaluationDocument } from "../../../evaluate/document.js";
import { compiledFromProgram, type CompiledModel } from "../../../engine/compileModel.js";
import type { DrawOutcomes } from "../../../engine/evaluateDraws.js";
import type { OptionResult } from "../../../pathway/types.js";
import type { Tender } from "../../../scoring/tender.js";
import type { DistributionRegistry } from "../../distributions/registry.js";
import type { DistributionSpec } from "../../distributions/types.js";
import { parameterKey } from "../../modelDrawPlan.js";
import { compileDistribution, type CompiledDistribution, type InputDistribution } from "../distribution.js";
import { tenderOfEvaluation } from "../documentTender.js";

/**
 * An uncertain value of an evaluation document: where it is and its distribution. Lifecycle cost lines
 * (quantity, unit cost, …), carbon figures (quantities and emission factors) and social value figures of an
 * option, and pathway parameter values, may vary; every figure of the evaluation that depends on it (pathway,
 * lifecycle cost, carbon and its monetised value, net monetary benefit, social value score) is re-computed in
 * each draw and scored by the tender's own rules.
 *
 * @category Award uncertainty
 * @example
 * ```ts
 * const los: UncertainDocumentValue = { path: "pathway.parameters.los.value", distribution: { type: "gamma", mean: 3, se: 0.5 } };
 * const nurse: UncertainDocumentValue = { path: ["options", "a", "lifecycle", "items", "apply", "quantity"], distribution: { type: "triangular", min: 8, mode: 10, max: 15 } };
 * ```
 */
export interface UncertainDocumentValue {
  /**
   * Where the value is: keys and list positions from the document's root, as an array or joined with dots.
   * A list element may be named by its `id` instead of its position (`options.a.lifecycle.items.apply.unitCost`).
   */
  readonly path: string | readonly (string | number)[];
  /** Its distribution (the PSA's distributions, see {@link InputDistribution}). */
  readonly distribution: InputDistribution | DistributionSpec;
  /** How to name it in explanations (default: the path). */
  readonly label?: string;
}

/** @internal One uncertain document value, checked. */
export interface DocumentInput {
  /** Draw-plan key (`parameter:<id>` for a pathway parameter, the PSA's own key; `document:<path>` otherwise). */
  readonly key: string;
  readonly label: string;
  readonly kind: "parameter" | "proportional";
  readonly parameterId?: string;
  readonly dist: CompiledDistribution;
  readonly base: number;
  /** Where it was declared (for errors). */
  readonly declaredAt: VbpPath;
  /**
   * A bid's price given a distribution under `inputs`: the option whose price it is. Its draws are the tender
   * input's own (stream `award:input:<optionId>.price`); here only its effect on the raw values built from the
   * price (lifecycle and whole-pathway cost lines, net monetary benefit, …) is measured.
   */
  readonly priceOf?: string;
}

/** @internal A bid price drawn under `inputs`, whose effect on the document's raw values is measured. */
export interface DocumentPriceInput {
  readonly optionId: string;
  readonly distribution: InputDistribution | DistributionSpec;
  readonly label: string;
  /** Where it was declared (for errors). */
  readonly declaredAt: VbpPath;
}

/** @internal One pathway output series a raw value reads (per draw, minus its base-case value). */
export interface PathwaySeries {
  readonly programOption: number;
  readonly measure: "costs" | "qalys" | "lifeYears" | "carbonKg" | `category:${string}` | `event:${string}`;
}

/** @internal How one raw value (bid × criterion) follows the uncertain document values. */
export interface DocumentCell {
  readonly optionId: string;
  readonly criterionId: string;
  readonly base: number;
  /** Straight-line terms: input (index into the document inputs) and slope. */
  readonly terms: readonly { readonly input: number; readonly slope: number }[];
  /** Interaction terms of two inputs of the same line: coef × (x_a − base_a)(x_b − base_b). */
  readonly cross: readonly { readonly a: number; readonly b: number; readonly coef: number }[];
  /** Pathway terms: series index and coefficient. */
  readonly pathway: readonly { readonly series: number; readonly coef: number }[];
}

/** @internal Everything fixed for the document part of a run. */
export interface DocumentModel {
  readonly tender: Tender;
  readonly inputs: readonly DocumentInput[];
  readonly cells: readonly DocumentCell[];
  readonly pathway?: {
    readonly compiled: CompiledModel;
    /** Indices (into `inputs`) of the pathway parameters drawn, in `parameterIds` order. */
    readonly parameterInputs: readonly number[];
    readonly parameterIds: readonly string[];
    readonly series: readonly PathwaySeries[];
    /** Base-case value of each series (the Float64 evaluation at the base case). */
    readonly base: Float64Array;
  };
}

const IDENTIFIER_KEYS = new Set(["id", "optionId", "supplier", "label", "lot", "isComparator", "themeId", "metricId", "criterionId", "kind", "category", "basis", "unit", "quantityUnit", "description", "note", "source", "reference", "deadline", "type", "name", "title", "url"]);
const OPTION_SECTIONS = new Set(["lifecycle", "carbon", "socialValue", "unitsPerPatient"]);

/** Whether a raw JSON value is a number or a decimal string. */
function numeric(v: unknown): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (typeof v === "string" && /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(v)) return Number(v);
  return undefined;
}

/** Resolves a path in the raw document: the canonical path (ids where elements have them) and the raw one. */
function resolve(doc: unknown, path: UncertainDocumentValue["path"], at: VbpPath, issues: VbpIssue[]): { canonical: (string | number)[]; raw: (string | number)[]; value: unknown } | undefined {
  const segs: (string | number)[] = typeof path === "string" ? path.split(".") : Array.isArray(path) ? [...(path as (string | number)[])] : [];
  if (segs.length === 0 || segs.some((s) => (typeof s !== "string" || s.length === 0) && typeof s !== "number")) {
    issues.push({ code: "invalid_type", path: at, message: `must be a path into the document, such as "options.a.lifecycle.items.apply.quantity" or ["pathway", "parameters", "p_ssi", "value"], got ${JSON.stringify(path)}` });
    return undefined;
  }
  const canonical: (string | number)[] = [];
  const raw: (string | number)[] = [];
  let cur: unknown = doc;
  for (let i = 0; i < segs.length; ) {
    const s = segs[i] as string | number;
    if (Array.isArray(cur)) {
      let found = -1;
      let used = 1;
      if (typeof s === "number" || /^\d+$/.test(s)) found = Number(s) < cur.length ? Number(s) : -1;
      else {
        // Ids may contain dots: the longest run of segments naming an element wins.
        for (let j = segs.length - i; j >= 1 && found < 0; j--) {
          const name = segs.slice(i, i + j).join(".");
          const k = cur.findIndex((e) => e !== null && typeof e === "object" && (e as { id?: unknown }).id === name);
          if (k >= 0) {
            found = k;
            used = j;
          }
        }
      }
      if (found < 0) {
        issues.push({ code: "unknown_reference", path: at, message: `nothing at ${[...canonical, s].join(".")} in the document (no element with that id or position)` });
        return undefined;
      }
      const el = cur[found] as { id?: unknown };
      raw.push(found);
      canonical.push(el !== null && typeof el === "object" && typeof el.id === "string" ? el.id : found);
      cur = el;
      i += used;
    } else if (cur !== null && typeof cur === "object" && Object.prototype.hasOwnProperty.call(cur, String(s))) {
      raw.push(String(s));
      canonical.push(String(s));
      cur = (cur as Record<string, unknown>)[String(s)];
      i++;
    } else {
      issues.push({ code: "unknown_reference", path: at, message: `nothing at ${[...canonical, s].join(".")} in the document` });
      return undefined;
    }
  }
  return { canonical, raw, value: cur };
}

/** Why a value cannot vary, or undefined when it may. */
function refusal(canonical: readonly (string | number)[], value: unknown): string | undefined {
  const last = canonical[canonical.length - 1];
  const where = canonical.join(".");
  if (typeof last === "string" && IDENTIFIER_KEYS.has(last)) return `${where} is an identifier or a name, not a quantity: it cannot carry a distribution`;
  const [head, , section] = canonical;
  if (head === "options" && section === "evidence") return `${where} is evidence for a pass/fail gate, a published rule declared certain: its outcome cannot carry a distribution`;
  if (head === "criterionGates" || head === "tender" || head === "criterionMetrics") return `${where} is part of the tender's published rules, declared certain: put the uncertainty on a bid's value (inputs) or on the weights`;
  if (head === "options" && section === "price") return `${where} is a bid price: give it a distribution under inputs ({ optionId, input: "price" })`;
  if (head === "options" && section === "effects") return `${where} is an option's effect, fixed in the document: declare it as a pathway parameter, refer to it with { "param": … }, and put the distribution on the parameter's value`;
  if (numeric(value) === undefined) return `${where} is not a number (got ${JSON.stringify(value)}): only numeric values can carry a distribution`;
  if (head === "pathway") {
    return canonical[1] === "parameters" && canonical.length === 4 && canonical[3] === "value" ? undefined : `${where} is part of the pathway's structure: declare it as a pathway parameter and put the distribution on pathway.parameters.<id>.value`;
  }
  if (head === "options" && typeof section === "string" && OPTION_SECTIONS.has(section)) return undefined;
  return `${where} cannot vary in the award's draws: lifecycle, carbon and social value figures of an option (options.<id>.lifecycle|carbon|socialValue…) and pathway parameter values (pathway.parameters.<id>.value) may carry a distribution`;
}

/** The value at a raw path, or undefined when the path does not exist. */
function valueAt(doc: unknown, raw: readonly (string | number)[]): unknown {
  let cur: unknown = doc;
  for (const k of raw) {
    if (cur === null || typeof cur !== "object" || !Object.prototype.hasOwnProperty.call(cur, k)) return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

/** A copy of the document with one value changed (written as the value it replaces was: number or decimal text). */
function setAt(doc: unknown, raw: readonly (string | number)[], value: number): unknown {
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  let cur = copy;
  for (let i = 0; i < raw.length - 1; i++) cur = cur[raw[i] as string | number] as Record<string | number, unknown>;
  const key = raw[raw.length - 1] as string | number;
  cur[key] = typeof cur[key] === "number" ? value : new Dec(value).toFixed();
  return copy;
}

/** The raw values of every criterion measured by a metric, per option, from the exact evaluation. */
function rawValues(doc: unknown): ReadonlyMap<string, Readonly<Record<string, string>>> {
  return evaluateWithValues(doc, { summaries: false, detail: "compact" }).values;
}

/**
 * The same raw values from the exact stages that lifecycle, carbon and social value figures feed (lifecycle,
 * carbon, figures, cost-effectiveness, social value, metrics), on the validated document with one figure
 * changed and the base case's pathway result: the pathway does not read these figures, and the document was
 * validated at the distributions' ends beforehand.
 */
function stageValues(doc: EvaluationDocument, pathway: readonly OptionResult[], threshold: string | undefined): ReadonlyMap<string, Readonly<Record<string, string>>> {
  const ctx = evaluationContext(doc);
  const figures = optionFigures(doc, pathway, lifecycleStage(doc, false, false), carbonStage(doc, ctx, pathway));
  const comparatorId = (doc.options.find((o) => o.isComparator === true) ?? doc.options[0])!.id;
  const cea = costEffectivenessStage(doc, figures.map((f) => f.wholePathway), figures.map((f) => f.qalys), comparatorId, threshold);
  const sustainability = sustainabilityStage(doc);
  return metricsStage(
    doc,
    doc.options.map((o, i) => {
      const nmb = cea.nmbRows.get(o.id);
      const social = sustainability.social.get(o.id);
      return { figures: figures[i]!, ...(nmb !== undefined ? { nmb } : {}), ...(social !== undefined ? { social } : {}) };
    }),
  );
}

/**
 * @internal Checks the uncertain values of a document (every problem with its path under `at`) and measures
 * how the tender's raw values follow them.
 */
export function buildDocumentModel(document: unknown, specs: readonly UncertainDocumentValue[], registry: DistributionRegistry | undefined, at: VbpPath, pathwayDistributions = true, prices: readonly DocumentPriceInput[] = []): DocumentModel {
  const issues: VbpIssue[] = [];
  const inputs: (DocumentInput & { raw: (string | number)[]; line: string })[] = [];
  const seen = new Map<string, number>();
  // The distributions the pathway itself declares on its parameters (what the PSA draws), by parameter id.
  const declared = pathwayDistributions ? declaredParameterInputs(document, registry, issues) : new Map<string, DocumentInput & { raw: (string | number)[]; line: string }>();
  specs.forEach((u, k) => {
    const p: VbpPath = [...at, k];
    if (u === null || typeof u !== "object") {
      issues.push({ code: "invalid_type", path: p, message: "must be { path, distribution }" });
      return;
    }
    const r = resolve(document, u.path, [...p, "path"], issues);
    if (r === undefined) return;
    const why = refusal(r.canonical, r.value);
    if (why !== undefined) {
      issues.push({ code: "invalid_value", path: [...p, "path"], message: why });
      return;
    }
    const where = r.canonical.join(".");
    if (seen.has(where)) {
      issues.push({ code: "duplicate_id", path: [...p, "path"], message: `${where} already has a distribution at ${[...at, seen.get(where) as number].join(".")}` });
      return;
    }
    seen.set(where, k);
    const dist = compileDistribution(u.distribution, [...p, "distribution"], issues, registry);
    if (dist === undefined) return;
    const base = numeric(r.value) as number;
    const isParam = r.canonical[0] === "pathway";
    const label = u.label ?? where;
    if (isParam) {
      const id = String(r.canonical[2]);
      const own = declared.get(id);
      if (own !== undefined) {
        issues.push({
          code: "duplicate_id",
          path: [...p, "path"],
          message: `${where} already has a distribution declared by the pathway at ${[...own.declaredAt, "distribution"].join(".")}: remove one of the two, or set pathwayDistributions: false to draw the pathway's parameters only as stated under ${at.join(".")}`,
        });
        return;
      }
      inputs.push({ key: parameterKey(id), label, kind: "parameter", parameterId: id, dist, base, declaredAt: p, raw: r.raw, line: where });
    } else {
      inputs.push({ key: `document:${where}`, label, kind: "proportional", dist, base, declaredAt: p, raw: r.raw, line: r.canonical.slice(0, Math.min(5, r.canonical.length - 1)).join(".") });
    }
  });
  // Bid prices drawn under inputs: measured like any other document value at the option's price, so that every
  // raw value built from the price (not only the price criterion) follows it in each draw. Their distributions
  // are checked where they are declared (the tender inputs); one that fails there is skipped here.
  const docOptions = (document as { options?: unknown }).options;
  for (const pr of prices) {
    const i = Array.isArray(docOptions) ? docOptions.findIndex((x) => x !== null && typeof x === "object" && (x as { id?: unknown }).id === pr.optionId) : -1;
    if (i < 0) continue;
    const base = numeric((docOptions as Record<string, unknown>[])[i]?.price);
    if (base === undefined) {
      issues.push({ code: "invalid_value", path: [...pr.declaredAt, "optionId"], message: `the price of option "${pr.optionId}" in the document is not a number, so the figures built from it cannot follow its draws` });
      continue;
    }
    const dist = compileDistribution(pr.distribution, [...pr.declaredAt, "distribution"], [], registry);
    if (dist === undefined) continue;
    inputs.push({ key: `award:input:${pr.optionId}.price`, label: pr.label, kind: "proportional", dist, base, declaredAt: pr.declaredAt, raw: ["options", i, "price"], line: `options.${pr.optionId}.price`, priceOf: pr.optionId });
  }
  if (issues.length > 0) throw new VbpInputError(issues);
  // The pathway's own declarations come first, in the order of its parameters.
  inputs.unshift(...declared.values());

  const prepared = prepareEvaluation(document, undefined);
  const doc = prepared.doc;
  const metrics = Object.entries(doc.criterionMetrics ?? {}).flatMap(([criterionId, name]) => {
    const m = readMetricName(name);
    return m === undefined ? [] : [{ criterionId, ...m }];
  });
  const tol = (dp: number): number => 2 * 10 ** -dp;
  let baseValues: ReadonlyMap<string, Readonly<Record<string, string>>> = new Map();
  const cellTerms = new Map<string, { terms: { input: number; slope: number }[]; cross: { a: number; b: number; coef: number }[]; pathway: { series: number; coef: number }[] }>();
  const cellOf = (optionId: string, criterionId: string) => {
    const key = `${optionId}\u0000${criterionId}`;
    let c = cellTerms.get(key);
    if (c === undefined) cellTerms.set(key, (c = { terms: [], cross: [], pathway: [] }));
    return c;
  };
  const valueOf = (vals: ReadonlyMap<string, Readonly<Record<string, string>>>, o: string, c: string): number => Number(vals.get(o)?.[c] ?? "0");
  // The document is validated once with every figure at its 2.5% point and once at its 97.5% point.
  const proportional = inputs.flatMap((inp, k) => (inp.kind === "proportional" && inp.dist.high > inp.dist.low ? [k] : []));
  for (const end of ["low", "high"] as const) {
    if (proportional.length === 0) break;
    let d = document;
    for (const k of proportional) d = setAt(d, (inputs[k] as (typeof inputs)[number]).raw, (inputs[k] as DocumentInput).dist[end]);
    try {
      prepareEvaluation(d, undefined);
    } catch (e) {
      if (!(e instanceof VbpInputError)) throw e;
      issues.push({ code: "invalid_value", path: [...at], message: `with every uncertain value at its ${end === "low" ? "2.5%" : "97.5%"} point the document is no longer valid: ${e.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}` });
    }
  }
  if (issues.length > 0) throw new VbpInputError(issues);
  const basePathway = proportional.length > 0 ? pathwayStage(prepared, false).result.options : [];
  const baseRun = evaluateWithValues(document, { summaries: false, detail: "compact" });
  const tender = tenderOfEvaluation(document, baseRun.result);
  const threshold = baseRun.result.referenceData.threshold?.perQaly;
  // A price may be read by the pathway itself (a device cost), so a changed price is run through the whole evaluation.
  const isPrice = (raw: readonly (string | number)[]): boolean => raw.length === 3 && raw[0] === "options" && raw[2] === "price";
  const exactAt = (changes: readonly { raw: readonly (string | number)[]; value: number }[], _k: number): ReadonlyMap<string, Readonly<Record<string, string>>> | undefined => {
    // The validated document has the caller's shape; where it does not (a value the schema rewrites), the
    // whole evaluation of the caller's document is run instead.
    if (changes.every((ch) => !isPrice(ch.raw) && numeric(valueAt(prepared.doc, ch.raw)) !== undefined)) {
      let d: unknown = prepared.doc;
      for (const ch of changes) d = setAt(d, ch.raw, ch.value);
      return stageValues(d as EvaluationDocument, basePathway, threshold);
    }
    let d: unknown = document;
    for (const ch of changes) d = setAt(d, ch.raw, ch.value);
    return rawValues(d);
  };
  baseValues = baseRun.values;
  // Lifecycle, carbon and social value figures: measured through the exact evaluation.
  const slopes = new Map<number, Map<string, number>>();
  inputs.forEach((inp, k) => {
    if (inp.kind !== "proportional" || !(inp.dist.high > inp.dist.low)) return;
    const lo = exactAt([{ raw: inp.raw, value: inp.dist.low }], k);
    const hi = exactAt([{ raw: inp.raw, value: inp.dist.high }], k);
    if (lo === undefined || hi === undefined) return;
    const mine = new Map<string, number>();
    for (const o of doc.options) {
      for (const m of metrics) {
        const vlo = valueOf(lo, o.id, m.criterionId);
        const vhi = valueOf(hi, o.id, m.criterionId);
        const vb = valueOf(baseValues, o.id, m.criterionId);
        const slope = (vhi - vlo) / (inp.dist.high - inp.dist.low);
        if (Math.abs(vb - (vlo + slope * (inp.base - inp.dist.low))) > tol(m.decimalPlaces) + 1e-12 * Math.abs(vb)) {
          issues.push({
            code: "invalid_value",
            path: [...inp.declaredAt, "path"],
            message: `the raw value of criterion "${m.criterionId}" for option "${o.id}" does not follow ${inp.label} in a straight line (exact evaluation: ${vlo} at ${inp.dist.low}, ${vb} at ${inp.base}, ${vhi} at ${inp.dist.high}), so the draws cannot carry it; give a narrower distribution or vary the figures it is made of`,
          });
          return;
        }
        if (Math.abs(vhi - vlo) > tol(m.decimalPlaces)) {
          mine.set(`${o.id}\u0000${m.criterionId}`, slope);
          cellOf(o.id, m.criterionId).terms.push({ input: k, slope });
        }
      }
    }
    slopes.set(k, mine);
  });
  // Two uncertain figures of one line (quantity × unit cost, quantity × factor): their interaction.
  for (let a = 0; a < inputs.length; a++) {
    for (let b = a + 1; b < inputs.length; b++) {
      const A = inputs[a] as (typeof inputs)[number];
      const B = inputs[b] as (typeof inputs)[number];
      const sameOption = (A.priceOf !== undefined || B.priceOf !== undefined) && A.raw[0] === "options" && B.raw[0] === "options" && A.raw[1] === B.raw[1];
      if (A.kind !== "proportional" || B.kind !== "proportional" || (A.line !== B.line && !sameOption) || !slopes.has(a) || !slopes.has(b)) continue;
      const both = exactAt([{ raw: A.raw, value: A.dist.high }, { raw: B.raw, value: B.dist.high }], a);
      if (both === undefined) continue;
      const da = A.dist.high - A.base;
      const db = B.dist.high - B.base;
      if (da === 0 || db === 0) continue;
      for (const o of doc.options) {
        for (const m of metrics) {
          const key = `${o.id}\u0000${m.criterionId}`;
          const predicted = valueOf(baseValues, o.id, m.criterionId) + (slopes.get(a)?.get(key) ?? 0) * da + (slopes.get(b)?.get(key) ?? 0) * db;
          const residual = valueOf(both, o.id, m.criterionId) - predicted;
          if (Math.abs(residual) > tol(m.decimalPlaces)) cellOf(o.id, m.criterionId).cross.push({ a, b, coef: residual / (da * db) });
        }
      }
    }
  }
  if (issues.length > 0) throw new VbpInputError(issues);

  // Pathway parameters: the compiled model over the draws; metrics from its outputs by their definitions.
  const paramIdx = inputs.flatMap((inp, k) => (inp.kind === "parameter" ? [k] : []));
  let pathway: DocumentModel["pathway"];
  if (paramIdx.length > 0) {
    // The whole job evaluates its pathway once; the draws need the model compiled for a run over draws.
    const compiled: CompiledModel = compiledFromProgram(prepared.pathway.compiled!.model, prepared.pathway.program!);
    const programParams = new Map(compiled.model.parameters?.map((p) => [p.id, p] as const) ?? []);
    for (const k of paramIdx) {
      const inp = inputs[k] as DocumentInput;
      const p = programParams.get(inp.parameterId as string);
      if (p === undefined) issues.push({ code: "unknown_reference", path: [...inp.declaredAt, "path"], message: `no pathway parameter "${inp.parameterId}"` });
    }
    if (issues.length > 0) throw new VbpInputError(issues);
    const ctx = evaluationContext(prepared.doc);
    const lambda = threshold === undefined ? 0 : Number(threshold);
    // Monetised carbon per kgCO2e per patient: the carbon stage itself, at 0 and 1,000 kg per patient.
    let kappa = 0;
    if (prepared.doc.carbonValuation !== undefined) {
      const at = (kg: string): readonly OptionResult[] => prepared.doc.options.map(() => ({ perPatient: { carbonKg: kg } }) as unknown as OptionResult);
      const c0 = carbonStage(prepared.doc, ctx, at("0")).costPerPatient[0];
      const c1 = carbonStage(prepared.doc, ctx, at("1000")).costPerPatient[0];
      kappa = c0 !== undefined && c1 !== undefined ? Number(unitsDec(c1 - c0).div(1000)) : 0;
    }
    const kappaWhole = prepared.doc.carbonValuation?.treatment === "externality" ? kappa : 0;
    const series: PathwaySeries[] = [];
    const seriesIndex = new Map<string, number>();
    const s = (programOption: number, measure: PathwaySeries["measure"]): number => {
      const key = `${programOption}\u0000${measure}`;
      let i = seriesIndex.get(key);
      if (i === undefined) {
        i = series.length;
        series.push({ programOption, measure });
        seriesIndex.set(key, i);
      }
      return i;
    };
    const groupOf = prepared.groups.groupOf;
    const comparator = prepared.doc.options.findIndex((o) => o.isComparator === true);
    const totalPatients = Number(ctx.totalPatients);
    const nmbTerms = (j: number, sign: number): { series: number; coef: number }[] => [
      { series: s(j, "qalys"), coef: sign * lambda },
      { series: s(j, "costs"), coef: -sign },
      ...(kappaWhole !== 0 ? [{ series: s(j, "carbonKg"), coef: -sign * kappaWhole }] : []),
    ];
    prepared.doc.options.forEach((o, i) => {
      const j = groupOf[i] as number;
      for (const m of metrics) {
        let terms: { series: number; coef: number }[] = [];
        switch (m.base) {
          case "pathwayCostPerPatient":
            terms = [{ series: s(j, "costs"), coef: 1 }];
            break;
          case "wholePathwayCostPerPatient":
            terms = [{ series: s(j, "costs"), coef: 1 }, ...(kappaWhole !== 0 ? [{ series: s(j, "carbonKg"), coef: kappaWhole }] : [])];
            break;
          case "qalysPerPatient":
            terms = [{ series: s(j, "qalys"), coef: 1 }];
            break;
          case "lifeYearsPerPatient":
            terms = [{ series: s(j, "lifeYears"), coef: 1 }];
            break;
          case "netMonetaryBenefitPerPatient":
            if (threshold !== undefined) terms = nmbTerms(j, 1);
            break;
          case "incrementalNetMonetaryBenefitPerPatient":
            if (threshold !== undefined && i !== comparator) terms = [...nmbTerms(j, 1), ...nmbTerms(groupOf[comparator] as number, -1)];
            break;
          case "carbonKgPerPatient":
            terms = [{ series: s(j, "carbonKg"), coef: 1 }];
            break;
          case "carbonKgTotal":
            terms = [{ series: s(j, "carbonKg"), coef: totalPatients }];
            break;
          case "carbonCostPerPatient":
            if (kappa !== 0) terms = [{ series: s(j, "carbonKg"), coef: kappa }];
            break;
          case "costCategoryPerPatient":
            terms = [{ series: s(j, `category:${m.arg ?? ""}`), coef: 1 }];
            break;
          case "eventsPerPatient":
            terms = [{ series: s(j, `event:${m.arg ?? ""}`), coef: 1 }];
            break;
          default:
            terms = [];
        }
        if (terms.length > 0) cellOf(o.id, m.criterionId).pathway.push(...terms);
      }
    });
    const baseOut = compiled.evaluateDraws({ parameterIds: [], count: 1, values: new Float64Array(0) }, { costCategories: true });
    const base = new Float64Array(series.length);
    series.forEach((x, i) => (base[i] = seriesValue(baseOut, x)[0] ?? 0));
    pathway = { compiled, parameterInputs: paramIdx, parameterIds: paramIdx.map((k) => (inputs[k] as DocumentInput).parameterId as string), series, base };
  }
  const cells: DocumentCell[] = [];
  for (const [key, t] of cellTerms) {
    if (t.terms.length === 0 && t.cross.length === 0 && t.pathway.length === 0) continue;
    const [optionId, criterionId] = key.split("\u0000") as [string, string];
    cells.push({ optionId, criterionId, base: valueOf(baseValues, optionId, criterionId), ...t });
  }
  return { tender, inputs: inputs.map(({ raw: _r, line: _l, ...rest }) => rest), cells, ...(pathway !== undefined ? { pathway } : {}) };
}

/**
 * The distributions declared on the pathway's parameters (`pathway.parameters[i].distribution`), as the PSA
 * reads them (`modelDrawPlan`): a `fixed` one keeps the base case; each other one is drawn on the PSA's stream
 * `parameter:<id>`, with the declared specification itself in the draw plan so the values are the PSA's.
 */
function declaredParameterInputs(document: unknown, registry: DistributionRegistry | undefined, issues: VbpIssue[]): Map<string, DocumentInput & { raw: (string | number)[]; line: string }> {
  const out = new Map<string, DocumentInput & { raw: (string | number)[]; line: string }>();
  const params = (document as { pathway?: { parameters?: unknown } }).pathway?.parameters;
  if (!Array.isArray(params)) return out;
  params.forEach((p: unknown, i) => {
    if (p === null || typeof p !== "object") return;
    const { id, value, label, distribution } = p as { id?: unknown; value?: unknown; label?: unknown; distribution?: unknown };
    if (typeof id !== "string" || distribution === null || typeof distribution !== "object") return;
    const type = (distribution as { type?: unknown }).type;
    if (type === "fixed") return;
    const at: VbpPath = ["pathway", "parameters", i];
    if (type === "dirichlet") {
      issues.push({ code: "invalid_value", path: [...at, "distribution"], message: `parameter "${id}" is one component of a Dirichlet row: the award analysis does not draw Dirichlet rows yet; set pathwayDistributions: false and state the parameters it needs under documentValues` });
      return;
    }
    const base = numeric(value);
    if (base === undefined) {
      issues.push({ code: "invalid_value", path: [...at, "value"], message: `parameter "${id}" has a distribution but its base value is not a number (got ${JSON.stringify(value)}): the award analysis needs a literal base value for a drawn parameter` });
      return;
    }
    const dist = compileDistribution(distribution, [...at, "distribution"], issues, registry);
    if (dist === undefined) return;
    const where = `pathway.parameters.${id}.value`;
    out.set(id, {
      key: parameterKey(id),
      label: typeof label === "string" && label.length > 0 ? label : where,
      kind: "parameter",
      parameterId: id,
      dist: { ...dist, spec: distribution as DistributionSpec },
      base,
      declaredAt: at,
      raw: [...at, "value"],
      line: where,
    });
  });
  return out;
}

/** @internal The per-draw values of one pathway output series (zeros when the option's pathway has no such category or event). */
export function seriesValue(out: DrawOutcomes, s: PathwaySeries): Float64Array {
  const o = out.options[s.programOption];
  if (o === undefined) return new Float64Array(out.count);
  if (s.measure.startsWith("category:")) return o.costCategories[s.measure.slice(9)] ?? new Float64Array(out.count);
  if (s.measure.startsWith("event:")) return o.events[s.measure.slice(6)] ?? new Float64Array(out.count);
  return o[s.measure as "costs" | "qalys" | "lifeYears" | "carbonKg"];
}
