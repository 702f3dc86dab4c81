import { VbpInputError } from "../errors/VbpInputError.js";
import type { VbpIssue } from "../errors/issue.js";
import type { PathwayModel } from "../pathway/model.js";
import { COMPILER, compileWithBase, type CompiledModelLike } from "./_internal/compiled.js";
import type { DistributionRegistry } from "./distributions/registry.js";
import type { DrawPlan } from "./draws/drawPlan.js";
import { sampleDraws } from "./draws/sampleDraws.js";
import { modelDrawPlan, PARAMETER_KEY_PREFIX } from "./modelDrawPlan.js";
import { checkSeed } from "./random/seed.js";
import { streamId } from "./random/streams.js";
import { splitUncertaintyDocument, type UncertaintySection } from "./schema.js";
import { summariseDraws, type DrawSummary } from "./summary.js";

/** The most iterations one run accepts (10⁸). */
export const MAX_ITERATIONS = 100_000_000;

/** Name and version of the generator, recorded in every PSA result. */
export const GENERATOR = "philox4x32-10/fnv1a64-streams/v1";

/**
 * Progress of a long run.
 *
 * @example
 * ```ts
 * const onProgress = (p: PsaProgress) => console.log(`${p.done}/${p.total}`);
 * ```
 * @category Uncertainty
 */
export interface PsaProgress {
  /** Draws finished. */
  readonly done: number;
  /** Draws in this run. */
  readonly total: number;
}

/**
 * Settings of {@link runPsa}.
 *
 * @example
 * ```ts
 * const s: PsaSettings = { iterations: 10000, seed: 2026, chunkSize: 1000, onProgress: (p) => console.log(`${p.done}/${p.total}`) };
 * ```
 * @category Uncertainty
 */
export interface PsaSettings {
  /** Number of draws of the whole analysis: 1 to 10⁸. */
  readonly iterations: number;
  /** Seed: a whole number from 0 to 2^53 − 1. */
  readonly seed: number;
  /** Draws evaluated at once (default 1,000): changes memory and speed, never the results. */
  readonly chunkSize?: number;
  /** Only draws `start … start + count − 1` of the analysis (a shard); default all. */
  readonly draws?: {
    /** First draw (0-based). */
    readonly start: number;
    /** Number of draws. */
    readonly count: number;
  };
  /** Called after each chunk. */
  readonly onProgress?: (progress: PsaProgress) => void;
  /** Stops the run between chunks (throws the signal's reason). */
  readonly signal?: AbortSignal;
  /** Distributions and correlations beyond the model's own (a document's `uncertainty` section is read too). */
  readonly uncertainty?: UncertaintySection;
  /** Distributions known by name. */
  readonly registry?: DistributionRegistry;
}

/**
 * Summaries of one option's per-draw figures.
 *
 * @example
 * ```ts
 * const model = { id: "ssi", currency: "GBP",
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
 * const psa = runPsa(model, { iterations: 500, seed: 1 });
 * psa.options[1].summary.costs.mean; //=> 1123.0818123365177
 * ```
 * @category Uncertainty
 */
export interface PsaOptionSummary {
  /** Discounted cost per patient. */
  readonly costs: DrawSummary;
  /** Discounted QALYs per patient. */
  readonly qalys: DrawSummary;
  /** Discounted life years per patient. */
  readonly lifeYears: DrawSummary;
  /** kgCO2e per patient. */
  readonly carbonKg: DrawSummary;
}

/**
 * One option's per-draw figures (draw i of the arrays is draw `start + i` of the analysis).
 *
 * @example
 * ```ts
 * const model = { id: "ssi", currency: "GBP",
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
 * const psa = runPsa(model, { iterations: 500, seed: 1 });
 * const o: PsaOption = psa.options[0];
 * o.costs[0]; //=> 979.2924068312811 (cost in the first draw)
 * ```
 * @category Uncertainty
 */
export interface PsaOption {
  /** Option id. */
  readonly optionId: string;
  /** Option label. */
  readonly label: string;
  /** True for the comparator. */
  readonly isComparator: boolean;
  /** Discounted cost per patient, by draw. */
  readonly costs: Float64Array;
  /** Discounted QALYs per patient, by draw. */
  readonly qalys: Float64Array;
  /** Discounted life years per patient, by draw. */
  readonly lifeYears: Float64Array;
  /** kgCO2e per patient, by draw. */
  readonly carbonKg: Float64Array;
  /** Summaries over the valid draws. */
  readonly summary: PsaOptionSummary;
}

/**
 * The result of a PSA (or of one shard of it): the per-draw parameter values and outcomes, and their
 * summaries. Every analysis (CEAC, CEAF, EVPI, EVPPI, convergence, CE plane) takes this, so a PSA runs once
 * and is analysed many ways. Shards of one analysis merge with {@link mergePsa} to the identical result.
 *
 * @example
 * ```ts
 * const model = { id: "ssi", currency: "GBP",
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
 * const psa: PsaResult = runPsa(model, { iterations: 5000, seed: 1 });
 * psa.options.map((o) => o.optionId); //=> ["standard", "npwt"]
 * ```
 * @category Uncertainty
 */
export interface PsaResult {
  /** Model id. */
  readonly modelId: string;
  /** 64-bit hash (hex) of the model and its uncertainty section: shards only merge when it matches. */
  readonly modelHash: string;
  /** Currency of the costs. */
  readonly currency: string;
  /** The comparator's option id. */
  readonly comparatorId: string;
  /** The seed. */
  readonly seed: number;
  /** Draws of the whole analysis. */
  readonly iterations: number;
  /** First draw held here. */
  readonly start: number;
  /** Number of draws held here. */
  readonly count: number;
  /** The generator and stream scheme. */
  readonly generator: string;
  /** The engine that evaluated the draws. */
  readonly engine: string;
  /** Drawn parameters: `values[p * count + i]` is `ids[p]` in draw `start + i`. */
  readonly parameters: {
    /** Drawn parameter ids. */
    readonly ids: readonly string[];
    /** Column-major values. */
    readonly values: Float64Array;
  };
  /** Per-option figures. */
  readonly options: readonly PsaOption[];
  /** `valid[i] === 1` unless draw i made the model invalid (e.g. a probability above 1); invalid draws are left out of every summary and analysis. */
  readonly valid: Uint8Array;
  /** Conditions that invalidated draws, with how many and the first. */
  readonly conditions: readonly {
    /** Issue code. */
    readonly code: string;
    /** Where in the model. */
    readonly path: readonly (string | number)[];
    /** The rule broken (first case). */
    readonly message: string;
    /** Draws affected. */
    readonly count: number;
    /** First draw affected. */
    readonly firstDraw: number;
  }[];
  /** Patients over the model's volume years, discounted with the cost schedule (for population EVPI); absent without volumes. */
  readonly discountedPatients?: number;
}

function issue(path: (string | number)[], message: string): VbpIssue {
  return { code: "invalid_value", path, message };
}

/** @internal Checks the run settings before any work. */
export function checkPsaSettings(settings: PsaSettings): { iterations: number; seed: number; chunkSize: number; start: number; count: number } {
  const issues: VbpIssue[] = [];
  const it = settings.iterations;
  if (typeof it !== "number" || !Number.isInteger(it) || it < 1 || it > MAX_ITERATIONS) issues.push(issue(["iterations"], `must be a whole number from 1 to ${MAX_ITERATIONS.toLocaleString("en-GB")}, got ${String(it)}`));
  let seed = 0;
  try {
    seed = checkSeed(settings.seed);
  } catch (e) {
    if (!(e instanceof VbpInputError)) throw e;
    issues.push(...e.issues);
  }
  const chunkSize = settings.chunkSize ?? 1000;
  if (!Number.isInteger(chunkSize) || chunkSize < 1 || chunkSize > 1_000_000) issues.push(issue(["chunkSize"], `must be a whole number from 1 to 1,000,000, got ${String(chunkSize)}`));
  const start = settings.draws?.start ?? 0;
  const count = settings.draws?.count ?? it;
  if (settings.draws !== undefined && (!Number.isInteger(start) || !Number.isInteger(count) || start < 0 || count < 1 || start + count > it)) {
    issues.push(issue(["draws"], `must be whole draws within 0…${String(it - 1)} (start ≥ 0, count ≥ 1), got start ${String(start)}, count ${String(count)}`));
  }
  if (issues.length > 0) throw new VbpInputError(issues);
  return { iterations: it, seed, chunkSize, start, count };
}

/** @internal 64-bit FNV-1a of a JSON text, as hex: the same hash that names random streams. */
export function hashText(text: string): string {
  const { hi, lo } = streamId(text);
  return hi.toString(16).padStart(8, "0") + lo.toString(16).padStart(8, "0");
}

/** @internal Everything a run needs, prepared once (also by workers, from the same document). */
export interface PsaPlan {
  readonly compiled: CompiledModelLike;
  readonly plan: DrawPlan;
  readonly uncertainty: UncertaintySection;
  readonly modelHash: string;
  readonly discountedPatients?: number;
  readonly base: ReturnType<CompiledModelLike["evaluate"]>;
}

/** @internal Splits the document, compiles the model and builds the draw plan (every input problem before any draw). */
export function preparePsa(model: PathwayModel | unknown, settings: Pick<PsaSettings, "uncertainty" | "registry"> = {}): PsaPlan {
  const { model: doc, uncertainty: own } = splitUncertaintyDocument(model);
  const uncertainty: UncertaintySection = {
    ...own,
    distributions: { ...own.distributions, ...settings.uncertainty?.distributions },
    correlations: [...(own.correlations ?? []), ...(settings.uncertainty?.correlations ?? [])],
  };
  // One parse, one compilation and one base case (the parse's own check of the base case is reused): only its
  // totals are read (currency, comparator, population).
  const { compiled, base } = compileWithBase(doc);
  const plan = modelDrawPlan(compiled.model, uncertainty, settings.registry);
  let discountedPatients: number | undefined;
  const o = base.options[0];
  if (o?.population !== undefined) {
    const per = Number(o.perPatient.costs.discounted);
    discountedPatients = per !== 0 ? Number(o.population.costs.discounted) / per : Number(o.population.patients);
  }
  const modelHash = hashText(JSON.stringify([compiled.model, uncertainty.distributions, uncertainty.correlations]));
  return { compiled, plan, uncertainty, modelHash, base, ...(discountedPatients !== undefined ? { discountedPatients } : {}) };
}

/** Per-draw outcome columns of one option. */
interface OutcomeColumns {
  readonly costs: Float64Array;
  readonly qalys: Float64Array;
  readonly lifeYears: Float64Array;
  readonly carbonKg: Float64Array;
}

/** @internal The per-draw columns of a run: drawn parameters (column-major), each option's outcomes, validity. */
export interface DrawColumns {
  readonly parameters: Float64Array;
  readonly options: readonly OutcomeColumns[];
  readonly valid: Uint8Array;
}

/** @internal Copies each option's outcomes of a block of draws into the run's columns, from draw `off` on. */
export function placeDrawOutcomes(into: readonly OutcomeColumns[], block: readonly OutcomeColumns[], off: number): void {
  block.forEach((o, i) => {
    const t = into[i]!;
    t.costs.set(o.costs, off);
    t.qalys.set(o.qalys, off);
    t.lifeYears.set(o.lifeYears, off);
    t.carbonKg.set(o.carbonKg, off);
  });
}

/**
 * @internal Evaluates draws start…start+count−1 of a prepared plan: into fresh arrays, or with `into` into the
 * columns of a larger run (`total` draws each, this range from draw `at` of them; the parameters' columns are
 * `total` long), e.g. memory shared by the threads of a pool.
 */
export function evaluateDrawRange(
  prepared: PsaPlan,
  seed: number,
  start: number,
  count: number,
  chunkSize: number,
  progress?: (done: number) => void,
  signal?: AbortSignal,
  into?: { readonly columns: DrawColumns; readonly at: number; readonly total: number },
): { parameters: Float64Array; options: readonly OutcomeColumns[]; valid: Uint8Array; conditions: PsaResult["conditions"] } {
  const { compiled, plan } = prepared;
  const paramCols = plan.keys.map((k, c) => [k, c] as const).filter(([k]) => k.startsWith(PARAMETER_KEY_PREFIX));
  const ids = paramCols.map(([k]) => k.slice(PARAMETER_KEY_PREFIX.length));
  const k = ids.length;
  const at = into?.at ?? 0;
  const total = into?.total ?? count;
  const { parameters, options, valid } = into?.columns ?? {
    parameters: new Float64Array(k * count),
    options: compiled.optionIds.map(() => ({ costs: new Float64Array(count), qalys: new Float64Array(count), lifeYears: new Float64Array(count), carbonKg: new Float64Array(count) })),
    valid: new Uint8Array(count),
  };
  const conditions = new Map<string, { code: string; path: readonly (string | number)[]; message: string; count: number; firstDraw: number }>();
  // When every column of the plan is a parameter, in order, the draw matrix is the model's draws as it is.
  const asDrawn = k === plan.keys.length && paramCols.every(([, c], p) => c === p);
  for (let off = 0; off < count; off += chunkSize) {
    signal?.throwIfAborted();
    const n = Math.min(chunkSize, count - off);
    const m = sampleDraws(plan, seed, start + off, n);
    const values = asDrawn ? m.values : new Float64Array(k * n);
    paramCols.forEach(([, c], p) => {
      if (!asDrawn) values.set(m.values.subarray(c * n, (c + 1) * n), p * n);
      parameters.set(m.values.subarray(c * n, (c + 1) * n), p * total + at + off);
    });
    const out = compiled.evaluateDraws({ parameterIds: ids, count: n, values });
    placeDrawOutcomes(options, out.options, at + off);
    valid.set(out.valid, at + off);
    for (const c of out.conditions) {
      const key = `${c.code}|${c.path.join(".")}`;
      const prev = conditions.get(key);
      if (prev === undefined) conditions.set(key, { ...c, firstDraw: start + off + c.firstDraw });
      else prev.count += c.count;
    }
    progress?.(off + n);
  }
  return { parameters, options, valid, conditions: [...conditions.values()] };
}

/** @internal Assembles a result from arrays in draw order, with their summaries (computed here unless given, e.g. by a pool's workers). */
export function assemblePsa(
  prepared: Pick<PsaPlan, "compiled" | "modelHash" | "discountedPatients" | "base">,
  run: { seed: number; iterations: number; start: number; count: number; engine?: string },
  parameterIds: readonly string[],
  data: ReturnType<typeof evaluateDrawRange>,
  summaries?: readonly PsaOptionSummary[],
): PsaResult {
  const { compiled, base } = prepared;
  const options: PsaOption[] = compiled.model.options.map((o, i) => {
    const d = data.options[i]!;
    return {
      optionId: o.id,
      label: o.label ?? o.id,
      isComparator: o.isComparator === true,
      costs: d.costs,
      qalys: d.qalys,
      lifeYears: d.lifeYears,
      carbonKg: d.carbonKg,
      summary: summaries?.[i] ?? {
        costs: summariseDraws(d.costs, 0.95, data.valid),
        qalys: summariseDraws(d.qalys, 0.95, data.valid),
        lifeYears: summariseDraws(d.lifeYears, 0.95, data.valid),
        carbonKg: summariseDraws(d.carbonKg, 0.95, data.valid),
      },
    };
  });
  return {
    modelId: compiled.model.id,
    modelHash: prepared.modelHash,
    currency: base.currency,
    comparatorId: base.comparatorId,
    seed: run.seed,
    iterations: run.iterations,
    start: run.start,
    count: run.count,
    generator: GENERATOR,
    engine: run.engine ?? COMPILER,
    parameters: { ids: parameterIds, values: data.parameters },
    options,
    valid: data.valid,
    conditions: data.conditions,
    ...(prepared.discountedPatients !== undefined ? { discountedPatients: prepared.discountedPatients } : {}),
  };
}

/** @internal The parameter ids a plan draws, in matrix order. */
export function drawnParameterIds(plan: DrawPlan): string[] {
  return plan.keys.filter((k) => k.startsWith(PARAMETER_KEY_PREFIX)).map((k) => k.slice(PARAMETER_KEY_PREFIX.length));
}

/**
 * Probabilistic sensitivity analysis: draws every uncertain parameter (its distribution, Dirichlet rows,
 * correlated groups) from the seeded counter-based generator and evaluates the compiled model on each draw.
 * Effects' operands take the drawn values. Results are bit-identical for the same seed whatever the chunk
 * size, worker count or shard split (draw d is a pure function of the seed, the parameter's stream and d).
 *
 * Every input problem (distributions, correlation matrices, iterations, seed) is reported before any draw.
 *
 * @param model - a model document (optionally with an `uncertainty` section) or a parsed model
 * @param settings - iterations, seed, optional chunk size, shard range, progress callback and abort signal
 * @returns per-option per-draw costs, QALYs, life years and carbon (Float64Array) with summaries
 * @throws VbpInputError for invalid input; the signal's reason when aborted
 * @example
 * ```ts
 * const model = { id: "ssi", currency: "GBP",
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
 * const psa = runPsa(model, { iterations: 10000, seed: 2026 });
 * psa.options.map((o) => [o.optionId, Math.round(o.summary.costs.mean)]); //=> [["standard", 1156], ["npwt", 1122]]
 * ```
 * @category Uncertainty
 */
export function runPsa(model: PathwayModel | unknown, settings: PsaSettings): PsaResult {
  const run = checkPsaSettings(settings);
  const prepared = preparePsa(model, settings);
  settings.signal?.throwIfAborted();
  const data = evaluateDrawRange(prepared, run.seed, run.start, run.count, run.chunkSize, (done) => settings.onProgress?.({ done, total: run.count }), settings.signal);
  return assemblePsa(prepared, run, drawnParameterIds(prepared.plan), data);
}
