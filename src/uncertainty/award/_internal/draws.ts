import { VbpInputError } from "../../../errors/VbpInputError.js";
import { sampleDraws } from "../../draws/sampleDraws.js";
import { UniformCursor } from "../../random/streams.js";
import { seriesValue } from "./documentModel.js";
import type { AwardPlan } from "./plan.js";

/** @internal The per-draw record of a block of draws; blocks concatenate in draw order. */
export interface DrawBlock {
  readonly firstDraw: number;
  readonly count: number;
  /** Per lot: rank of each option per draw (0 = excluded), draw-major (`d * n + o`). */
  readonly ranks: readonly Int32Array[];
  /** Per lot: the aggregate figure as scored (points, price per point, monetised price; NaN when not computable). */
  readonly measure: readonly Float64Array[];
  /** Per lot: the sole winner per draw (−1 when none or shared). */
  readonly winner: readonly Int32Array[];
  /** Drawn value of each uncertain input, input-major (`k * count + d`). */
  readonly inputs: Float64Array;
  /** Local weight (fraction) of each varied criterion, criterion-major (`v * count + d`). */
  readonly weights: Float64Array;
}

/**
 * @internal Re-running draws already made with other weights (SMAA-2 confidence factors): the input values are
 * read from `from` (the same draws, same positions) instead of being drawn again, and only `lot` is scored.
 */
export interface DrawReuse {
  readonly from: DrawBlock;
  readonly lot?: number;
  /** The pathway output changes of `from` ({@link blockPathway}), when already computed. */
  readonly pathway?: readonly Float64Array[];
}

/** @internal An empty record for draws `[first, first + count)`, to be filled by {@link fillDraws}. */
export function allocateBlock(plan: AwardPlan, first: number, count: number): DrawBlock {
  return {
    firstDraw: first,
    count,
    ranks: plan.lots.map((k) => new Int32Array(k.n * count)),
    measure: plan.lots.map((k) => new Float64Array(k.n * count)),
    winner: plan.lots.map(() => new Int32Array(count)),
    inputs: new Float64Array(plan.inputs.length * count),
    weights: new Float64Array(plan.sampler.varied.length * count),
  };
}

/**
 * @internal Runs draws `[first, first + count)` into a new record. Every number a draw uses comes from its own
 * counter-based stream position, so a block's content depends only on the draw indices: any split gives the
 * same records. `fixedLocal`, when given, replaces the weight draws (confidence factors, one-way analysis).
 */
export function runDraws(plan: AwardPlan, first: number, count: number, fixedLocal?: Float64Array, inputOverride?: { index: number; value: number }): DrawBlock {
  const out = allocateBlock(plan, first, count);
  fillDraws(plan, out, 0, count, fixedLocal, inputOverride);
  return out;
}

/**
 * @internal Fills positions `[offset, offset + count)` of `out` (draws `out.firstDraw + offset …`) in place: the
 * chunks of one run write into one record, so nothing is copied or concatenated afterwards.
 */
export function fillDraws(plan: AwardPlan, out: DrawBlock, offset: number, count: number, fixedLocal?: Float64Array, inputOverride?: { index: number; value: number }, reuse?: DrawReuse): void {
  const { sampler, lots, inputs } = plan;
  const total = out.count;
  const first = out.firstDraw + offset;
  const u = new UniformCursor(plan.seed);
  const local = new Float64Array(sampler.flat.length);
  const leafGlobal = new Float64Array(sampler.leafFlat.length);
  const baseGlobal = new Float64Array(sampler.leafFlat.length);
  sampler.globals(fixedLocal ?? sampler.baseLocal, baseGlobal);
  const varied = sampler.varied;
  const nv = varied.length;
  const { ranks, measure, winner } = out;
  const inputVals = out.inputs;
  const weightVals = out.weights;
  const prices = lots.map((k) => new Float64Array(k.n));
  const values = lots.map((_, li) => new Float64Array((plan.cells[li] ?? []).length));
  const pass = lots.map((k) => new Uint8Array(k.basePass.length));
  const drawn = new Float64Array(inputs.length);
  const inputsOf = lots.map((_, li) => inputs.flatMap((inp, k) => (inp.lot === li ? [k] : [])));
  const src = fixedLocal ?? sampler.baseLocal;
  const drawWeights = fixedLocal === undefined && sampler.varies;
  const nk = inputs.length;
  // 1. The inputs of the whole chunk: the shared draw plan (one stream per key), or read back, or fixed.
  if (reuse !== undefined) {
    for (let k = 0; k < nk; k++) inputVals.set(reuse.from.inputs.subarray(k * reuse.from.count + offset, k * reuse.from.count + offset + count), k * total + offset);
  } else if (inputOverride !== undefined) {
    for (let k = 0; k < nk; k++) inputVals.fill(inputOverride.index === k ? inputOverride.value : (inputs[k] as (typeof inputs)[number]).base, k * total + offset, k * total + offset + count);
  } else if (nk > 0) {
    const m = sampleDraws(plan.drawPlan, plan.seed, first, count);
    for (let k = 0; k < nk; k++) inputVals.set(m.values.subarray(k * count, (k + 1) * count), k * total + offset);
  }
  // 2. The pathway over the chunk's parameter draws at once (Float64, vectorised over draws): each output's
  // change from the base case. Re-runs over draws already made (confidence factors) read it back.
  let series: readonly Float64Array[] = [];
  let seriesAt = 0;
  if (plan.document?.pathway !== undefined) {
    if (reuse !== undefined) {
      series = reuse.pathway ?? blockPathway(plan, reuse.from);
      seriesAt = offset;
    } else series = pathwaySeries(plan, inputVals, total, offset, count, first);
  }
  const docCells = plan.documentCells;
  for (let d = 0; d < count; d++) {
    const g = first + d;
    const at = offset + d;
    let w = baseGlobal;
    if (drawWeights) {
      sampler.sample(u.reset(plan.weightStream, g), local, leafGlobal);
      w = leafGlobal;
      for (let v = 0; v < nv; v++) weightVals[v * total + at] = local[varied[v] as number] as number;
    } else {
      for (let v = 0; v < nv; v++) weightVals[v * total + at] = src[varied[v] as number] as number;
    }
    for (let k = 0; k < nk; k++) drawn[k] = inputVals[k * total + at] as number;
    for (let li = 0; li < lots.length; li++) {
      if (reuse?.lot !== undefined && reuse.lot !== li) continue;
      const kern = lots[li] as (typeof lots)[number];
      const P = prices[li] as Float64Array;
      P.set(kern.basePrice);
      const V = values[li] as Float64Array;
      const S = pass[li] as Uint8Array;
      S.set(kern.basePass);
      const mine = inputsOf[li] as number[];
      for (let j = 0; j < mine.length; j++) {
        const k = mine[j] as number;
        const inp = inputs[k] as (typeof inputs)[number];
        const x = drawn[k] as number;
        if (inp.kind === "price") P[inp.option] = x;
        else if (inp.kind === "value") V[inp.cell] = x;
        else if (inp.kind === "pass") S[inp.option * kern.passFailIds.length + inp.slot] = x >= 0.5 ? 1 : 0;
      }
      const dc = docCells[li] as (typeof docCells)[number];
      for (let j = 0; j < dc.length; j++) {
        const c = dc[j] as (typeof dc)[number];
        let v = c.base;
        for (const t of c.terms) v += t.slope * ((drawn[t.input] as number) - (inputs[t.input] as (typeof inputs)[number]).base);
        for (const t of c.cross) v += t.coef * ((drawn[t.a] as number) - (inputs[t.a] as (typeof inputs)[number]).base) * ((drawn[t.b] as number) - (inputs[t.b] as (typeof inputs)[number]).base);
        for (const t of c.pathway) v += t.coef * ((series[t.series] as Float64Array)[seriesAt + d] as number);
        V[c.cell] = v;
      }
      kern.run(w, P, plan.cells[li] ?? [], V, S);
      const n = kern.n;
      const R = ranks[li] as Int32Array;
      const M = measure[li] as Float64Array;
      const kr = kern.rank;
      const km = kern.measure;
      const row = at * n;
      for (let o = 0; o < n; o++) {
        const r = kr[o] as number;
        const m = km[o] as number;
        R[row + o] = r;
        M[row + o] = m;
      }
      (winner[li] as Int32Array)[at] = kern.winner();
    }
  }
}

/** @internal The pathway output changes of a whole block (computed once for the re-runs that read it back). */
export function blockPathway(plan: AwardPlan, block: DrawBlock): readonly Float64Array[] {
  return pathwaySeries(plan, block.inputs, block.count, 0, block.count, block.firstDraw);
}

/**
 * The pathway over draws `[offset, offset + count)` of an input record (input-major, `total` per input): each
 * output series' change from the base case, per draw.
 */
function pathwaySeries(plan: AwardPlan, inputVals: Float64Array, total: number, offset: number, count: number, first: number): Float64Array[] {
  const pw = plan.document?.pathway;
  if (pw === undefined || count === 0) return [];
  const np = pw.parameterIds.length;
  const values = new Float64Array(np * count);
  for (let j = 0; j < np; j++) {
    const k = plan.documentInputs[pw.parameterInputs[j] as number] as number;
    values.set(inputVals.subarray(k * total + offset, k * total + offset + count), j * count);
  }
  const out = pw.compiled.evaluateDraws({ parameterIds: pw.parameterIds, count, values }, { costCategories: true });
  if (out.conditions.length > 0) {
    const c = out.conditions[0]!;
    throw new VbpInputError([{ code: "invalid_value", path: ["pathway", ...c.path], message: `in ${c.count} of draws ${first}–${first + count - 1} the drawn pathway parameters break a rule of the pathway (first at draw ${first + c.firstDraw}): ${c.message}; narrow the distributions (pathway.parameters[…].distribution, or documentValues) so every draw is a valid pathway` }]);
  }
  return pw.series.map((x, i) => {
    const v = Float64Array.from(seriesValue(out, x));
    const b = pw.base[i] as number;
    for (let d = 0; d < count; d++) v[d] = (v[d] as number) - b;
    return v;
  });
}

/** @internal Concatenates blocks (in draw order) into one. */
export function concatBlocks(plan: AwardPlan, blocks: readonly DrawBlock[]): DrawBlock {
  const sorted = [...blocks].sort((a, b) => a.firstDraw - b.firstDraw);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1] as DrawBlock;
    const cur = sorted[i] as DrawBlock;
    if (prev.firstDraw + prev.count !== cur.firstDraw) throw new RangeError(`blocks leave a gap or overlap at draw ${cur.firstDraw}`);
  }
  const count = sorted.reduce((s, b) => s + b.count, 0);
  const first = sorted[0]?.firstDraw ?? 0;
  const cat = <T extends Int32Array | Float64Array>(make: (n: number) => T, pick: (b: DrawBlock) => T): T => {
    const out = make(sorted.reduce((s, b) => s + pick(b).length, 0));
    let at = 0;
    for (const b of sorted) {
      out.set(pick(b), at);
      at += pick(b).length;
    }
    return out;
  };
  const majorCat = (pick: (b: DrawBlock) => Float64Array, rows: number): Float64Array => {
    const out = new Float64Array(rows * count);
    for (let r = 0; r < rows; r++) {
      let at = 0;
      for (const b of sorted) {
        out.set(pick(b).subarray(r * b.count, (r + 1) * b.count), r * count + at);
        at += b.count;
      }
    }
    return out;
  };
  return {
    firstDraw: first,
    count,
    ranks: plan.lots.map((_, li) => cat((n) => new Int32Array(n), (b) => b.ranks[li] as Int32Array)),
    measure: plan.lots.map((_, li) => cat((n) => new Float64Array(n), (b) => b.measure[li] as Float64Array)),
    winner: plan.lots.map((_, li) => cat((n) => new Int32Array(n), (b) => b.winner[li] as Int32Array)),
    inputs: majorCat((b) => b.inputs, plan.inputs.length),
    weights: majorCat((b) => b.weights, plan.sampler.varied.length),
  };
}
