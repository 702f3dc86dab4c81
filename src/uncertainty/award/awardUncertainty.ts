import type { VbpIssue } from "../../errors/issue.js";
import { VbpInputError } from "../../errors/VbpInputError.js";
import type { InputDistribution } from "./distribution.js";
import { allocateBlock, blockPathway, concatBlocks, fillDraws, runDraws, type DrawBlock } from "./_internal/draws.js";
import { buildPlan, type AwardInputs, type AwardPlan } from "./_internal/plan.js";
import { quantileInPlace } from "./_internal/orderStatistics.js";
import { centredRanks, rankCorrelation, type CentredRanks } from "./_internal/spearman.js";
import { pctText, probabilityWords } from "./_internal/words.js";

export type { UncertainTenderInput } from "./_internal/plan.js";

/**
 * Options of {@link awardUncertainty}.
 *
 * @category Award uncertainty
 * @example
 * ```ts
 * const o: AwardUncertaintyOptions = { iterations: 10000, seed: 2026, weights: { groups: ["root"] } };
 * ```
 */
export interface AwardUncertaintyOptions extends AwardInputs {
  /** Number of draws (1 to 10,000,000). */
  readonly iterations: number;
  /** Seed (a whole number); the same seed gives bit-identical results however the draws are split. */
  readonly seed: number;
  /** Index of the first draw (for shards: shard i of n runs its own range). Default 0. */
  readonly firstDraw?: number;
  /** Draws per chunk between progress reports and cancellation checks. Default 1,000. */
  readonly chunkSize?: number;
  /** Called after each chunk. */
  readonly onProgress?: (progress: { readonly done: number; readonly total: number }) => void;
  /** Cancels the run between chunks (the call throws the signal's reason). */
  readonly signal?: AbortSignal;
  /** Compute the rank-based importance of each uncertain input and weight. Default true. */
  readonly importance?: boolean;
  /** Compute SMAA-2 confidence factors at the central weights. Default true. */
  readonly confidenceFactors?: boolean;
}

/**
 * How strongly one uncertain input moves a bid's standing: Spearman's rank correlation over the draws between
 * the input and the bid's aggregate score (oriented so that higher is better; an excluded bid counts as
 * lowest). +1: the higher the input, the better the bid does; −1: the reverse.
 *
 * @category Award uncertainty
 * @example
 * ```ts
 * const d: InputImportance = { inputId: "weight:price", label: "weight of 2 Price", spearman: -0.62 };
 * ```
 */
export interface InputImportance {
  /** `"<optionId>.<input>"` for a tender input, `"weight:<criterionId>"` for a weight. */
  readonly inputId: string;
  /** Name in words. */
  readonly label: string;
  /** Spearman's rank correlation with the bid's standing. */
  readonly spearman: number;
}

/**
 * The uncertainty of one bid's place in the award.
 *
 * @category Award uncertainty
 * @example
 * ```ts
 * const tender = {
 *   criteria: [
 *     { id: "quality", label: "Quality", kind: "qualitative", weight: "60", scale: "0-5" },
 *     { id: "price", label: "Price", kind: "price", weight: "40", formula: { formula: "relative-to-lowest" } },
 *   ],
 *   options: [{ id: "A", supplier: "Acme", label: "Pump A", price: "10000" }, { id: "B", supplier: "Beta", label: "Pump B", price: "8000" }],
 *   evaluatorScores: [
 *     { criterionId: "quality", optionId: "A", evaluatorId: "E1", level: "4", reason: "Strong training plan" },
 *     { criterionId: "quality", optionId: "B", evaluatorId: "E1", level: "3", reason: "Adequate" },
 *   ],
 *   consensus: [
 *     { criterionId: "quality", optionId: "A", level: "4", reason: "Strong training plan" },
 *     { criterionId: "quality", optionId: "B", level: "3", reason: "Adequate" },
 *   ],
 * };
 * const inputs = [{ optionId: "A", input: "price", distribution: { type: "triangular", min: "9000", mode: "10000", max: "12500" } }];
 * const b = awardUncertainty(tender, { iterations: 10000, seed: 1, inputs }).lots[0].bids[0];
 * b.probabilityOfWinning; //=> 0.868
 * ```
 */
export interface BidUncertainty {
  /** The bid. */
  readonly optionId: string;
  /** Supplier. */
  readonly supplier: string;
  /** What is offered. */
  readonly label: string;
  /** Rank in the exact base-case scoring (absent when excluded). */
  readonly baseRank?: number;
  /** Share of draws in which the bid is the sole most advantageous tender. */
  readonly probabilityOfWinning: number;
  /** Monte Carlo standard error of that share, √(p(1 − p)/N). */
  readonly standardError: number;
  /** Share of draws in which it shares the first rank after every tie-break rule. */
  readonly probabilityTiedFirst: number;
  /** Share of draws in which a gate excludes it. */
  readonly probabilityExcluded: number;
  /** Rank acceptability (SMAA-2): `[r - 1]` is the share of draws in which the bid has rank r. */
  readonly rankAcceptability: readonly number[];
  /** The aggregate figure (points, price per quality point or monetised price) over the draws where it is computed. */
  readonly score: {
    /** Mean. */
    readonly mean: number;
    /** 2.5% point. */
    readonly low: number;
    /** 97.5% point. */
    readonly high: number;
  };
  /** SMAA-2 central weights (percent, local weights of the varied criteria): the mean weights over the draws it wins. */
  readonly centralWeights?: Readonly<Record<string, number>>;
  /** SMAA-2 confidence factor: the share of input draws in which it wins at its central weights. */
  readonly confidenceFactor?: number;
  /** The inputs and weights that move its standing most, strongest first. */
  readonly drivers: readonly InputImportance[];
  /** In words. */
  readonly explanation: string;
}

/**
 * The award uncertainty of one lot.
 *
 * @category Award uncertainty
 * @example
 * ```ts
 * const tender = {
 *   criteria: [
 *     { id: "quality", label: "Quality", kind: "qualitative", weight: "60", scale: "0-5" },
 *     { id: "price", label: "Price", kind: "price", weight: "40", formula: { formula: "relative-to-lowest" } },
 *   ],
 *   options: [{ id: "A", supplier: "Acme", label: "Pump A", price: "10000" }, { id: "B", supplier: "Beta", label: "Pump B", price: "8000" }],
 *   evaluatorScores: [
 *     { criterionId: "quality", optionId: "A", evaluatorId: "E1", level: "4", reason: "Strong training plan" },
 *     { criterionId: "quality", optionId: "B", evaluatorId: "E1", level: "3", reason: "Adequate" },
 *   ],
 *   consensus: [
 *     { criterionId: "quality", optionId: "A", level: "4", reason: "Strong training plan" },
 *     { criterionId: "quality", optionId: "B", level: "3", reason: "Adequate" },
 *   ],
 * };
 * const inputs = [{ optionId: "A", input: "price", distribution: { type: "triangular", min: "9000", mode: "10000", max: "12500" } }];
 * const lot = awardUncertainty(tender, { iterations: 10000, seed: 1, inputs }).lots[0];
 * lot.summary; //=> "How sure is the award? Acme (Pump A), the most advantageous tender in the base case, wins in 86.8% of 10,000 scenarios …"
 * ```
 */
export interface LotUncertainty {
  /** Lot id. */
  readonly lotId: string;
  /** Lot label. */
  readonly label: string;
  /** Winner of the exact base-case scoring. */
  readonly baseWinner?: string;
  /** Share of draws with no sole winner (tied first, or every bid excluded). */
  readonly probabilityNoWinner: number;
  /** Bids in base-case order (ranked, then excluded). */
  readonly bids: readonly BidUncertainty[];
  /** In words, for the board and the evaluation report. */
  readonly summary: string;
}

/**
 * The result of {@link awardUncertainty}.
 *
 * @category Award uncertainty
 * @example
 * ```ts
 * const tender = {
 *   criteria: [
 *     { id: "quality", label: "Quality", kind: "qualitative", weight: "60", scale: "0-5" },
 *     { id: "price", label: "Price", kind: "price", weight: "40", formula: { formula: "relative-to-lowest" } },
 *   ],
 *   options: [{ id: "A", supplier: "Acme", label: "Pump A", price: "10000" }, { id: "B", supplier: "Beta", label: "Pump B", price: "8000" }],
 *   evaluatorScores: [
 *     { criterionId: "quality", optionId: "A", evaluatorId: "E1", level: "4", reason: "Strong training plan" },
 *     { criterionId: "quality", optionId: "B", evaluatorId: "E1", level: "3", reason: "Adequate" },
 *   ],
 *   consensus: [
 *     { criterionId: "quality", optionId: "A", level: "4", reason: "Strong training plan" },
 *     { criterionId: "quality", optionId: "B", level: "3", reason: "Adequate" },
 *   ],
 * };
 * const inputs = [{ optionId: "A", input: "price", distribution: { type: "triangular", min: "9000", mode: "10000", max: "12500" } }];
 * const r: AwardUncertaintyResult = awardUncertainty(tender, { iterations: 2000, seed: 7, inputs });
 * ```
 */
export interface AwardUncertaintyResult {
  /** The seed used. */
  readonly seed: number;
  /** Number of draws. */
  readonly iterations: number;
  /** Index of the first draw. */
  readonly firstDraw: number;
  /** The uncertain inputs. */
  readonly inputs: readonly {
    /** `"<optionId>.<input>"`. */
    readonly inputId: string;
    /** Name in words. */
    readonly label: string;
    /** Distribution type. */
    readonly distribution: InputDistribution["type"] | (string & {});
    /** Base-case value. */
    readonly base: number;
  }[];
  /** Ids of the criteria whose weights vary. */
  readonly weightsVaried: readonly string[];
  /** Per lot. */
  readonly lots: readonly LotUncertainty[];
  /** How the figures were produced. */
  readonly method: string;
}

const METHOD =
  "Monte Carlo over the uncertain inputs and weights: each draw scores every lot with the tender's own rules (pass/fail and minimum-score gates, the price formula with the lowest, highest and mean price recomputed among the bids still in, aggregation, published tie-breaks, shared ranks) in Float64; the base case is the exact Decimal scoring. Weights: uniform over the weights the stated ranges and order allow (SMAA-2, Lahdelma & Salminen 2001, Operations Research 49(3) 444–454); rank acceptability, central weights and confidence factors as defined there. Random numbers: the library's one generator, as for model parameters (Philox4x32-10 counter-based, Salmon et al. 2011, with named streams): stream \"award:weights\" for the weights and \"award:input:<optionId>.<input>\" for each input, so results do not depend on chunking, workers or shards. Importance: Spearman's rank correlation between each input and the bid's score over the draws.";

function checkIterations(n: unknown, name = "iterations"): VbpIssue[] {
  return Number.isSafeInteger(n) && (n as number) >= 1 && (n as number) <= 10_000_000 ? [] : [{ code: "invalid_value", path: [name], message: `must be a whole number from 1 to 10,000,000, got ${JSON.stringify(n)}` }];
}

function validate(o: AwardUncertaintyOptions): void {
  const issues = checkIterations(o.iterations);
  const first = o.firstDraw ?? 0;
  if (!Number.isSafeInteger(first) || first < 0 || first + (Number.isSafeInteger(o.iterations) ? o.iterations : 0) > 4294967295) issues.push({ code: "invalid_value", path: ["firstDraw"], message: `must be a whole number ≥ 0 with firstDraw + iterations ≤ 2^32 − 1, got ${JSON.stringify(o.firstDraw)}` });
  if (o.chunkSize !== undefined && !(Number.isSafeInteger(o.chunkSize) && o.chunkSize >= 1)) issues.push({ code: "invalid_value", path: ["chunkSize"], message: `must be a whole number ≥ 1, got ${JSON.stringify(o.chunkSize)}` });
  if (issues.length > 0) throw new VbpInputError(issues);
}

function* chunks(o: AwardUncertaintyOptions): Generator<[number, number]> {
  const first = o.firstDraw ?? 0;
  const size = o.chunkSize ?? 1000;
  for (let d = 0; d < o.iterations; d += size) yield [first + d, Math.min(size, o.iterations - d)];
}

/**
 * How sure is the award? Carries uncertain bid prices, measured values, pass/fail outcomes and weights through
 * the tender's real scoring rules, draw by draw, and reports per bid the probability of winning, the
 * distribution of its rank (SMAA-2 rank acceptability), central weights and confidence factors, the inputs that
 * drive its standing, and explanations in plain words.
 *
 * Weights may be given as ranges, only ordered, or not at all (uniform on the simplex); see
 * {@link WeightUncertainty}. Everything is validated before the first draw.
 *
 * @param tender - the tender (as for `scoreTender`)
 * @param options - iterations, seed, weights, uncertain inputs, chunking, progress and cancellation
 * @returns per lot and bid: probabilities, rank acceptabilities, drivers and explanations
 * @throws VbpInputError for bad input (every problem, with its path); the signal's reason when aborted
 * @category Award uncertainty
 * @example
 * ```ts
 * const tender = {
 *   criteria: [
 *     { id: "quality", label: "Quality", kind: "qualitative", weight: "60", scale: "0-5" },
 *     { id: "price", label: "Price", kind: "price", weight: "40", formula: { formula: "relative-to-lowest" } },
 *   ],
 *   options: [{ id: "A", supplier: "Acme", label: "Pump A", price: "10000" }, { id: "B", supplier: "Beta", label: "Pump B", price: "8000" }],
 *   evaluatorScores: [
 *     { criterionId: "quality", optionId: "A", evaluatorId: "E1", level: "4", reason: "Strong training plan" },
 *     { criterionId: "quality", optionId: "B", evaluatorId: "E1", level: "3", reason: "Adequate" },
 *   ],
 *   consensus: [
 *     { criterionId: "quality", optionId: "A", level: "4", reason: "Strong training plan" },
 *     { criterionId: "quality", optionId: "B", level: "3", reason: "Adequate" },
 *   ],
 * };
 * const r = awardUncertainty(tender, {
 *   iterations: 10000, seed: 2026,
 *   weights: { groups: ["root"], ranges: { price: { min: "30", max: "50" } } },
 *   inputs: [{ optionId: "B", input: "price", distribution: { type: "triangular", min: "9000", mode: "9500", max: "11000" } }],
 * });
 * r.lots[0].summary; //=> "How sure is the award? Acme (Pump A), the most advantageous tender in the base case, wins in 100% of 10,000 scenarios …"
 * ```
 */
export function awardUncertainty(tender: unknown, options: AwardUncertaintyOptions): AwardUncertaintyResult {
  validate(options);
  const plan = buildPlan(tender, options);
  const block = allocateBlock(plan, options.firstDraw ?? 0, options.iterations);
  let done = 0;
  for (const [first, count] of chunks(options)) {
    options.signal?.throwIfAborted();
    fillDraws(plan, block, first - block.firstDraw, count);
    done += count;
    options.onProgress?.({ done, total: options.iterations });
  }
  return summarise(plan, options, block);
}

/**
 * {@link awardUncertainty} that yields to the event loop between chunks, so a page or server stays responsive
 * and an `AbortSignal` can stop it. Same result, bit for bit.
 *
 * @param tender - the tender
 * @param options - as for {@link awardUncertainty}
 * @returns the result
 * @category Award uncertainty
 * @example
 * ```ts
 * const tender = {
 *   criteria: [
 *     { id: "quality", label: "Quality", kind: "qualitative", weight: "60", scale: "0-5" },
 *     { id: "price", label: "Price", kind: "price", weight: "40", formula: { formula: "relative-to-lowest" } },
 *   ],
 *   options: [{ id: "A", supplier: "Acme", label: "Pump A", price: "10000" }, { id: "B", supplier: "Beta", label: "Pump B", price: "8000" }],
 *   evaluatorScores: [
 *     { criterionId: "quality", optionId: "A", evaluatorId: "E1", level: "4", reason: "Strong training plan" },
 *     { criterionId: "quality", optionId: "B", evaluatorId: "E1", level: "3", reason: "Adequate" },
 *   ],
 *   consensus: [
 *     { criterionId: "quality", optionId: "A", level: "4", reason: "Strong training plan" },
 *     { criterionId: "quality", optionId: "B", level: "3", reason: "Adequate" },
 *   ],
 * };
 * const inputs = [{ optionId: "A", input: "price", distribution: { type: "triangular", min: "9000", mode: "10000", max: "12500" } }];
 * const ac = new AbortController(); // ac.abort() stops the run between chunks
 * const r = await awardUncertaintyAsync(tender, { iterations: 20000, seed: 1, inputs, signal: ac.signal, onProgress: (p) => console.log(`${p.done} of ${p.total}`) });
 * r.lots[0].bids.length; //=> 2
 * ```
 */
export async function awardUncertaintyAsync(tender: unknown, options: AwardUncertaintyOptions): Promise<AwardUncertaintyResult> {
  validate(options);
  const plan = buildPlan(tender, options);
  const block = allocateBlock(plan, options.firstDraw ?? 0, options.iterations);
  let done = 0;
  for (const [first, count] of chunks(options)) {
    await new Promise<void>((r) => setTimeout(r, 0));
    options.signal?.throwIfAborted();
    fillDraws(plan, block, first - block.firstDraw, count);
    done += count;
    options.onProgress?.({ done, total: options.iterations });
  }
  return summarise(plan, options, block);
}

/**
 * The draws of one shard or worker, to be merged with {@link mergeAwardDraws}: run draws
 * `[firstDraw, firstDraw + iterations)` anywhere (another worker, another machine) with the same seed and inputs.
 *
 * @category Award uncertainty
 * @example
 * ```ts
 * const tender = {
 *   criteria: [
 *     { id: "quality", label: "Quality", kind: "qualitative", weight: "60", scale: "0-5" },
 *     { id: "price", label: "Price", kind: "price", weight: "40", formula: { formula: "relative-to-lowest" } },
 *   ],
 *   options: [{ id: "A", supplier: "Acme", label: "Pump A", price: "10000" }, { id: "B", supplier: "Beta", label: "Pump B", price: "8000" }],
 *   evaluatorScores: [
 *     { criterionId: "quality", optionId: "A", evaluatorId: "E1", level: "4", reason: "Strong training plan" },
 *     { criterionId: "quality", optionId: "B", evaluatorId: "E1", level: "3", reason: "Adequate" },
 *   ],
 *   consensus: [
 *     { criterionId: "quality", optionId: "A", level: "4", reason: "Strong training plan" },
 *     { criterionId: "quality", optionId: "B", level: "3", reason: "Adequate" },
 *   ],
 * };
 * const inputs = [{ optionId: "A", input: "price", distribution: { type: "triangular", min: "9000", mode: "10000", max: "12500" } }];
 * const shard: AwardDraws = awardDraws(tender, { iterations: 5000, firstDraw: 5000, seed: 1, inputs });
 * shard.count; //=> 5000
 * ```
 */
export interface AwardDraws {
  /** First draw index. */
  readonly firstDraw: number;
  /** Number of draws. */
  readonly count: number;
  /** @internal The per-draw records. */
  readonly block: DrawBlock;
}

/**
 * Runs one range of draws (a shard or a worker's share) without summarising.
 *
 * @param tender - the tender
 * @param options - as for {@link awardUncertainty}; `firstDraw` and `iterations` give the range
 * @returns the draws, for {@link mergeAwardDraws}
 * @category Award uncertainty
 * @example
 * ```ts
 * const tender = {
 *   criteria: [
 *     { id: "quality", label: "Quality", kind: "qualitative", weight: "60", scale: "0-5" },
 *     { id: "price", label: "Price", kind: "price", weight: "40", formula: { formula: "relative-to-lowest" } },
 *   ],
 *   options: [{ id: "A", supplier: "Acme", label: "Pump A", price: "10000" }, { id: "B", supplier: "Beta", label: "Pump B", price: "8000" }],
 *   evaluatorScores: [
 *     { criterionId: "quality", optionId: "A", evaluatorId: "E1", level: "4", reason: "Strong training plan" },
 *     { criterionId: "quality", optionId: "B", evaluatorId: "E1", level: "3", reason: "Adequate" },
 *   ],
 *   consensus: [
 *     { criterionId: "quality", optionId: "A", level: "4", reason: "Strong training plan" },
 *     { criterionId: "quality", optionId: "B", level: "3", reason: "Adequate" },
 *   ],
 * };
 * const inputs = [{ optionId: "A", input: "price", distribution: { type: "triangular", min: "9000", mode: "10000", max: "12500" } }];
 * const opts = { seed: 1, inputs };
 * const parts = [0, 1].map((i) => awardDraws(tender, { ...opts, firstDraw: i * 5000, iterations: 5000 }));
 * const r = mergeAwardDraws(tender, { ...opts, iterations: 10000 }, parts);
 * r.lots[0].bids[0].probabilityOfWinning === awardUncertainty(tender, { ...opts, iterations: 10000 }).lots[0].bids[0].probabilityOfWinning; //=> true
 * ```
 */
export function awardDraws(tender: unknown, options: AwardUncertaintyOptions): AwardDraws {
  validate(options);
  const plan = buildPlan(tender, options);
  const block = allocateBlock(plan, options.firstDraw ?? 0, options.iterations);
  for (const [first, count] of chunks(options)) {
    options.signal?.throwIfAborted();
    fillDraws(plan, block, first - block.firstDraw, count);
  }
  return { firstDraw: block.firstDraw, count: block.count, block };
}

/**
 * Merges shards' draws into the result a single run would give (bit-identical): the ranges must join without
 * a gap or overlap.
 *
 * @param tender - the tender
 * @param options - as for the shards; `iterations` is the total
 * @param parts - the shards' draws
 * @returns the result
 * @throws VbpInputError when the parts do not cover `[firstDraw, firstDraw + iterations)` exactly
 * @category Award uncertainty
 * @example
 * ```ts
 * const tender = {
 *   criteria: [
 *     { id: "quality", label: "Quality", kind: "qualitative", weight: "60", scale: "0-5" },
 *     { id: "price", label: "Price", kind: "price", weight: "40", formula: { formula: "relative-to-lowest" } },
 *   ],
 *   options: [{ id: "A", supplier: "Acme", label: "Pump A", price: "10000" }, { id: "B", supplier: "Beta", label: "Pump B", price: "8000" }],
 *   evaluatorScores: [
 *     { criterionId: "quality", optionId: "A", evaluatorId: "E1", level: "4", reason: "Strong training plan" },
 *     { criterionId: "quality", optionId: "B", evaluatorId: "E1", level: "3", reason: "Adequate" },
 *   ],
 *   consensus: [
 *     { criterionId: "quality", optionId: "A", level: "4", reason: "Strong training plan" },
 *     { criterionId: "quality", optionId: "B", level: "3", reason: "Adequate" },
 *   ],
 * };
 * const inputs = [{ optionId: "A", input: "price", distribution: { type: "triangular", min: "9000", mode: "10000", max: "12500" } }];
 * const opts = { seed: 1, inputs };
 * const parts = [awardDraws(tender, { ...opts, firstDraw: 5000, iterations: 5000 }), awardDraws(tender, { ...opts, iterations: 5000 })];
 * const r = mergeAwardDraws(tender, { ...opts, iterations: 10000 }, parts);
 * r.lots[0].bids.map((b) => b.optionId); //=> ["A", "B"]
 * ```
 */
export function mergeAwardDraws(tender: unknown, options: AwardUncertaintyOptions, parts: readonly AwardDraws[]): AwardUncertaintyResult {
  validate(options);
  const plan = buildPlan(tender, options);
  let block: DrawBlock;
  try {
    block = concatBlocks(plan, parts.map((p) => p.block));
  } catch (e) {
    throw new VbpInputError([{ code: "invalid_value", path: ["parts"], message: e instanceof Error ? e.message : String(e) }]);
  }
  if (block.firstDraw !== (options.firstDraw ?? 0) || block.count !== options.iterations) {
    throw new VbpInputError([{ code: "invalid_value", path: ["parts"], message: `the parts cover draws ${block.firstDraw}–${block.firstDraw + block.count - 1}, not ${options.firstDraw ?? 0}–${(options.firstDraw ?? 0) + options.iterations - 1}` }]);
  }
  return summarise(plan, options, block);
}

/** @internal Summarises a block of draws (exported for the analyses built on it). */
export function summarise(plan: AwardPlan, options: AwardUncertaintyOptions, block: DrawBlock): AwardUncertaintyResult {
  const N = block.count;
  const { sampler } = plan;
  const varied = sampler.varied;
  const variedIds = varied.map((fi) => sampler.flat[fi]?.node.id as string);
  const variedLabels = varied.map((fi) => sampler.flat[fi]?.node.label as string);
  const wantImportance = options.importance !== false;
  const labelOf = new Map(variedIds.map((id, v) => [id, variedLabels[v] as string] as const));
  // The pathway over the block's draws, computed once for every confidence-factor re-run that reads them back.
  let pathwayOfBlock: readonly Float64Array[] | undefined;
  const inputRanks = wantImportance ? plan.inputs.map((_, k) => centredRanks(block.inputs.subarray(k * N, (k + 1) * N))) : [];
  const weightRanks = wantImportance ? varied.map((_, v) => centredRanks(block.weights.subarray(v * N, (v + 1) * N))) : [];
  const lots: LotUncertainty[] = plan.lots.map((kern, li) => {
    const n = kern.n;
    const R = block.ranks[li] as Int32Array;
    const W = block.winner[li] as Int32Array;
    const M = block.measure[li] as Float64Array;
    const rankCount = new Float64Array(n * n);
    const wins = new Float64Array(n);
    const tiedFirst = new Float64Array(n);
    const excluded = new Float64Array(n);
    const cwSum = new Float64Array(n * varied.length);
    let noWinner = 0;
    for (let d = 0; d < N; d++) {
      const w = W[d] as number;
      if (w < 0) noWinner++;
      else {
        wins[w] = (wins[w] as number) + 1;
        for (let v = 0; v < varied.length; v++) cwSum[w * varied.length + v] = (cwSum[w * varied.length + v] as number) + (block.weights[v * N + d] as number);
      }
      for (let o = 0; o < n; o++) {
        const r = R[d * n + o] as number;
        if (r === 0) excluded[o] = (excluded[o] as number) + 1;
        else {
          rankCount[o * n + r - 1] = (rankCount[o * n + r - 1] as number) + 1;
          if (r === 1 && w !== o) tiedFirst[o] = (tiedFirst[o] as number) + 1;
        }
      }
    }
    // Option-major copies (one pass), so each bid's draws are read contiguously below.
    // Tiles of 64 draws keep both the reads and the writes within a few cache lines and pages.
    const Mt = new Float64Array(n * N);
    const low = kern.lowerIsBetter === true;
    const Stt = new Float64Array(wantImportance ? n * N : 0);
    for (let d0 = 0; d0 < N; d0 += 64) {
      const d1 = Math.min(N, d0 + 64);
      for (let o = 0; o < n; o++) {
        const base = o * N;
        for (let d = d0; d < d1; d++) Mt[base + d] = R[d * n + o] === 0 ? Number.NaN : (M[d * n + o] as number);
        // The standing (higher is better; −Infinity when excluded or not computable), for the importance.
        if (wantImportance) {
          for (let d = d0; d < d1; d++) {
            const m = Mt[base + d] as number;
            Stt[base + d] = m !== m ? -Infinity : low ? -m : m;
          }
        }
      }
    }
    const scratch = new Float64Array(N);
    const bidsOrder = kern.optionIds.map((id, o) => ({ id, o, base: plan.base.get(id)?.rank })).sort((a, b) => (a.base ?? Infinity) - (b.base ?? Infinity) || (a.id < b.id ? -1 : 1));
    const bids: BidUncertainty[] = bidsOrder.map(({ id, o, base }) => {
      const opt = kern.options[o];
      const p = (wins[o] as number) / N;
      // The draws where the figure is computed (NaN: excluded or not computable), in draw order for the mean.
      const mine = Mt.subarray(o * N, (o + 1) * N);
      let m = 0;
      let mean = 0;
      for (let d = 0; d < N; d++) {
        const x = mine[d] as number;
        if (x !== x) continue;
        scratch[m++] = x;
        mean += x;
      }
      mean = m > 0 ? mean / m : Number.NaN;
      const computed = scratch.subarray(0, m);
      let central: Record<string, number> | undefined;
      let cf: number | undefined;
      if (varied.length > 0 && (wins[o] as number) > 0) {
        central = {};
        const localC = new Float64Array(sampler.baseLocal);
        for (let v = 0; v < varied.length; v++) {
          const x = (cwSum[o * varied.length + v] as number) / (wins[o] as number);
          central[variedIds[v] as string] = x * 100;
          localC[varied[v] as number] = x;
        }
        if (options.confidenceFactors !== false) {
          let cfBlock: DrawBlock;
          if (plan.inputs.length === 0) cfBlock = runDraws(plan, 0, 1, localC);
          else {
            // The same input draws at the central weights: read back, not drawn again; only this lot is scored.
            cfBlock = allocateBlock(plan, block.firstDraw, N);
            fillDraws(plan, cfBlock, 0, N, localC, undefined, { from: block, lot: li, pathway: (pathwayOfBlock ??= blockPathway(plan, block)) });
          }
          const cw = cfBlock.winner[li] as Int32Array;
          let c = 0;
          for (let d = 0; d < cfBlock.count; d++) if (cw[d] === o) c++;
          cf = c / cfBlock.count;
        }
      }
      const drivers: InputImportance[] = [];
      // A bid excluded in every draw has no standing to correlate with: no drivers (not a list of zeros).
      if (wantImportance && (excluded[o] as number) < N) {
        const rs = centredRanks(Stt.subarray(o * N, (o + 1) * N));
        plan.inputs.forEach((inp, k) => {
          if (!inp.lots.includes(li)) return;
          drivers.push({ inputId: inp.id, label: inp.label, spearman: round4(rankCorrelation(inputRanks[k] as CentredRanks, rs)) });
        });
        varied.forEach((_, v) => drivers.push({ inputId: `weight:${variedIds[v]}`, label: `weight of ${variedLabels[v]}`, spearman: round4(rankCorrelation(weightRanks[v] as CentredRanks, rs)) }));
        drivers.sort((a, b) => Math.abs(b.spearman) - Math.abs(a.spearman));
      }
      const ra = Array.from({ length: n }, (_, r) => (rankCount[o * n + r] as number) / N);
      const bid: Omit<BidUncertainty, "explanation"> = {
        optionId: id,
        supplier: opt?.supplier ?? id,
        label: opt?.label ?? id,
        ...(base !== undefined ? { baseRank: base } : {}),
        probabilityOfWinning: p,
        standardError: Math.sqrt((p * (1 - p)) / N),
        probabilityTiedFirst: (tiedFirst[o] as number) / N,
        probabilityExcluded: (excluded[o] as number) / N,
        rankAcceptability: ra,
        score: { mean, low: quantileInPlace(computed, 0.025), high: quantileInPlace(computed, 0.975) },
        ...(central !== undefined ? { centralWeights: central } : {}),
        ...(cf !== undefined ? { confidenceFactor: cf } : {}),
        drivers: drivers.slice(0, 10),
      };
      return { ...bid, explanation: explainBid(bid, N, plan.lots[li]?.lowerIsBetter === true, labelOf) };
    });
    const baseWinner = plan.baseWinner[li];
    const lot: Omit<LotUncertainty, "summary"> = { lotId: kern.lotId, label: plan.lotLabels[li] as string, ...(baseWinner !== undefined ? { baseWinner } : {}), probabilityNoWinner: noWinner / N, bids };
    return { ...lot, summary: summariseLot(lot, N, plan, li) };
  });
  return {
    seed: options.seed,
    iterations: N,
    firstDraw: block.firstDraw,
    inputs: plan.inputs.map((i) => ({ inputId: i.id, label: i.label, distribution: i.dist.type, base: i.base })),
    weightsVaried: variedIds,
    lots,
    method: METHOD,
  };
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

function ordinal(r: number): string {
  const s = r % 100 >= 11 && r % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][r % 10] ?? "th");
  return `${r}${s}`;
}

function explainBid(b: Omit<BidUncertainty, "explanation">, N: number, lowerIsBetter: boolean, labels: ReadonlyMap<string, string>): string {
  const who = `${b.supplier} (${b.label})`;
  const parts: string[] = [];
  const base = b.baseRank === undefined ? "is excluded in the base case" : `ranks ${ordinal(b.baseRank)} in the base case`;
  parts.push(`${who} ${base} and wins in ${pctText(b.probabilityOfWinning)} of ${N.toLocaleString("en-GB")} simulated scenarios (${probabilityWords(b.probabilityOfWinning)}; Monte Carlo error ± ${pctText(1.96 * b.standardError)}).`);
  let mode = 0;
  b.rankAcceptability.forEach((x, r) => {
    if (x > (b.rankAcceptability[mode] as number)) mode = r;
  });
  if ((b.rankAcceptability[mode] as number) > 0) parts.push(`Its most likely place is ${ordinal(mode + 1)} (${pctText(b.rankAcceptability[mode] as number)} of scenarios).`);
  if (b.probabilityTiedFirst > 0) parts.push(`It ties for first place after every published tie-break rule in ${pctText(b.probabilityTiedFirst)}.`);
  if (b.probabilityExcluded > 0) parts.push(`A gate excludes it in ${pctText(b.probabilityExcluded)} of scenarios.`);
  const top = b.drivers.filter((d) => Math.abs(d.spearman) >= 0.1).slice(0, 2);
  if (top.length > 0) {
    parts.push(
      `What moves its ${lowerIsBetter ? "standing" : "score"} most: ${top.map((d) => `${d.spearman > 0 ? "a higher" : "a lower"} ${d.label} helps it (rank correlation ${d.spearman > 0 ? "+" : "−"}${Math.abs(d.spearman).toFixed(2)})`).join("; ")}.`,
    );
  }
  if (b.centralWeights !== undefined) {
    const cw = Object.entries(b.centralWeights)
      .map(([k, v]) => `${labels.get(k) ?? k} ${v.toFixed(1)}%`)
      .join(", ");
    parts.push(`The weights under which it typically wins (central weights) are ${cw}${b.confidenceFactor !== undefined ? `; with those weights it wins in ${pctText(b.confidenceFactor)} of scenarios (confidence factor)` : ""}.`);
  }
  return parts.join(" ");
}

function summariseLot(lot: Omit<LotUncertainty, "summary">, N: number, plan: AwardPlan, li: number): string {
  // The inputs of this lot's bids only: another lot's prices and values do not move this award.
  const inputs = plan.inputs.filter((i) => i.lots.includes(li));
  const sorted = [...lot.bids].sort((a, b) => b.probabilityOfWinning - a.probabilityOfWinning);
  const lead = sorted[0];
  const baseWinner = lot.bids.find((b) => b.optionId === lot.baseWinner);
  const what: string[] = [];
  if (inputs.length > 0) what.push(`${inputs.length} uncertain input${inputs.length === 1 ? "" : "s"} (${inputs.map((i) => i.label).slice(0, 4).join("; ")}${inputs.length > 4 ? "; …" : ""}) ${inputs.length === 1 ? "varies" : "vary"} as stated`);
  if (plan.sampler.varies) what.push(`the weights of ${plan.sampler.varied.map((fi) => plan.sampler.flat[fi]?.node.label).join(", ")} vary ${plan.sampler.information}`);
  const scope = what.length > 0 ? `when ${what.join(" and ")}` : "with every input fixed";
  const lines: string[] = [];
  if (baseWinner !== undefined) {
    const p = baseWinner.probabilityOfWinning;
    const verdict = p >= 0.9 ? "The award is robust" : p >= 0.7 ? "The award is likely to stand but not certain" : p >= 0.5 ? "The award is uncertain" : "The award is fragile";
    lines.push(`How sure is the award? ${baseWinner.supplier} (${baseWinner.label}), the most advantageous tender in the base case, wins in ${pctText(p)} of ${N.toLocaleString("en-GB")} scenarios ${scope}. ${verdict}.`);
  } else {
    lines.push(`How sure is the award? The base case has no sole winner; across ${N.toLocaleString("en-GB")} scenarios ${scope}:`);
  }
  const others = sorted.filter((b) => b.optionId !== lot.baseWinner && b.probabilityOfWinning > 0).slice(0, 3);
  if (others.length > 0) lines.push(`${others.map((b) => `${b.supplier} wins in ${pctText(b.probabilityOfWinning)}`).join("; ")}.`);
  if (lot.probabilityNoWinner > 0) lines.push(`In ${pctText(lot.probabilityNoWinner)} of scenarios no bid wins outright (a tie after every published rule, or every bid excluded).`);
  const d = lead?.drivers.find((x) => Math.abs(x.spearman) >= 0.1);
  if (lead !== undefined && d !== undefined) lines.push(`The input that matters most for ${lead.supplier} is “${d.label}”.`);
  return lines.join(" ");
}
