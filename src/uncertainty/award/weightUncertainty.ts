import type { VbpIssue, VbpPath } from "../../errors/issue.js";
import { VbpInputError } from "../../errors/VbpInputError.js";
import { flattenCriteria, type FlatNode, type WeightedCriterionCommon } from "../../scoring/criteria.js";
import type { Tender } from "../../scoring/tender.js";
import { streamId, UniformCursor, type UniformSource as UniformSequence } from "../random/streams.js";

/**
 * What the panel knows about the weights when they are uncertain (SMAA-2, Lahdelma & Salminen 2001).
 *
 * Each sibling set named in `groups` has uncertain local weights; every other set keeps its published weights.
 * Within a set, the weights are uniform over everything the stated information allows:
 * - nothing stated (weights missing): uniform on the simplex (every split summing to 100% equally likely);
 * - `ranges`: each weight within its range (by default a criterion's published `weightRange` is used too);
 * - `order`: chains of sibling ids from most to least important (`["quality", "price"]`: quality ≥ price).
 *
 * @category Award uncertainty
 * @example
 * ```ts
 * const w: WeightUncertainty = { groups: ["root"], ranges: { price: { min: "30", max: "50" } }, order: [["quality", "price"]] };
 * ```
 */
export interface WeightUncertainty {
  /** The sibling sets whose weights vary: `"root"` for the top-level criteria, a group's id for its children, or `"all"`. Default `["root"]`. */
  readonly groups?: "all" | readonly string[];
  /** Range of each criterion's local weight, percent (decimal strings or numbers). */
  readonly ranges?: Readonly<
    Record<
      string,
      {
        /** Lowest weight, percent of its group. */
        readonly min: string | number;
        /** Highest weight, percent of its group. */
        readonly max: string | number;
      }
    >
  >;
  /** Chains of sibling criterion ids, most important first: each weight is at least the next one's. */
  readonly order?: readonly (readonly string[])[];
  /** Use each criterion's published `weightRange` when `ranges` gives none. Default true. */
  readonly usePublishedRanges?: boolean;
}

/** @internal One sibling set whose weights vary. */
interface VariedGroup {
  /** Flat indices of the weighted siblings. */
  readonly members: readonly number[];
  /** Lower and upper limits (fractions of 1), after propagating the order. */
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  /** Order edges as member positions: weight[a] ≥ weight[b]. */
  readonly edges: readonly (readonly [number, number])[];
  /** Disjoint chains (member positions) that can be sampled exactly by sorting; undefined when rejection is needed. */
  readonly chains: readonly (readonly number[])[] | undefined;
  /** Whether any range binds (then rejection after the lower-bound shift). */
  readonly bounded: boolean;
}

/**
 * @internal Draws leaf global weights (percent) that satisfy the weight information.
 */
export interface WeightSampler {
  /** Flat index of each scored leaf, in the order `sample` writes them. */
  readonly leafFlat: readonly number[];
  /** Whether any weight varies. */
  readonly varies: boolean;
  /** The flat nodes of the tree. */
  readonly flat: readonly FlatNode[];
  /** Flat indices whose local weight varies. */
  readonly varied: readonly number[];
  /** Writes one draw's local weights of every flat node (fractions) and leaf global weights (percent). */
  sample(u: UniformSequence, local: Float64Array, leafGlobal: Float64Array): void;
  /** Base local weights (fractions) of every flat node. */
  readonly baseLocal: Float64Array;
  /** Leaf global weights (percent) from local weights. */
  globals(local: Float64Array, leafGlobal: Float64Array): void;
  /** The weighted siblings of a flat node (itself included). */
  siblings(fi: number): readonly number[];
  /** What was stated about the varied weights, in words ("no weight information", "ranges", "an order", "ranges and an order"). */
  readonly information: string;
  /** A varied node's weight limits (fractions) after the order is applied: [lower, upper]. */
  limits(fi: number): readonly [number, number];
}

function num(raw: unknown, path: VbpPath, issues: VbpIssue[]): number | undefined {
  const n = typeof raw === "number" ? raw : typeof raw === "string" && raw.trim() !== "" ? Number(raw) : Number.NaN;
  if (!Number.isFinite(n)) {
    issues.push({ code: "invalid_type", path, message: `must be a number of percent (e.g. "25"), got ${JSON.stringify(raw)}` });
    return undefined;
  }
  if (n < 0 || n > 100) {
    issues.push({ code: n < 0 ? "too_small" : "too_big", path, message: `must lie in [0, 100] percent, got ${n}` });
    return undefined;
  }
  return n;
}

const EPS = 1e-12;

/**
 * @internal Checks the weight information against the tender's criteria and builds the sampler.
 * Issues are reported under `basePath` (e.g. `["weights"]`).
 */
export function compileWeightSampler(tender: Tender, spec: WeightUncertainty | undefined, basePath: VbpPath): WeightSampler {
  const flat = flattenCriteria(tender.criteria);
  const issues: VbpIssue[] = [];
  const idIndex = new Map(flat.map((f, i) => [f.node.id, i] as const));
  const baseLocal = new Float64Array(flat.length);
  flat.forEach((f, i) => {
    baseLocal[i] = f.node.kind === "pass-fail" ? 0 : Number((f.node as WeightedCriterionCommon).weight) / 100;
  });
  const siblingsOf = (parent: number): number[] => flat.flatMap((f, i) => (f.parent === parent && f.node.kind !== "pass-fail" ? [i] : []));
  const groupsRaw = spec === undefined ? [] : (spec.groups ?? ["root"]);
  const parents: number[] = [];
  if (groupsRaw === "all") {
    parents.push(-1, ...flat.flatMap((f, i) => (f.node.kind === "group" ? [i] : [])));
  } else if (!Array.isArray(groupsRaw)) {
    issues.push({ code: "invalid_type", path: [...basePath, "groups"], message: `must be "all" or a list of "root" and group criterion ids` });
  } else {
    groupsRaw.forEach((g, gi) => {
      if (g === "root") parents.push(-1);
      else {
        const i = idIndex.get(g);
        if (i === undefined || flat[i]?.node.kind !== "group") {
          issues.push({ code: "unknown_reference", path: [...basePath, "groups", gi], message: `"${g}" is not a group criterion of the tender (use "root" for the top level); groups: ${flat.filter((f) => f.node.kind === "group").map((f) => f.node.id).join(", ") || "none"}` });
        } else parents.push(i);
      }
    });
  }
  const parentSet = new Set(parents);
  const ranges = spec?.ranges ?? {};
  const lowerOf = new Map<number, number>();
  const upperOf = new Map<number, number>();
  for (const [id, r] of Object.entries(ranges)) {
    const p: VbpPath = [...basePath, "ranges", id];
    const i = idIndex.get(id);
    if (i === undefined) {
      issues.push({ code: "unknown_reference", path: p, message: `no criterion "${id}" in the tender` });
      continue;
    }
    const f = flat[i] as FlatNode;
    if (f.node.kind === "pass-fail") {
      issues.push({ code: "invalid_value", path: p, message: `"${id}" is a pass/fail criterion: it carries no weight, so its weight cannot vary` });
      continue;
    }
    if (!parentSet.has(f.parent)) {
      issues.push({ code: "invalid_value", path: p, message: `the weight of "${id}" is declared certain: add ${f.parent === -1 ? '"root"' : `"${flat[f.parent]?.node.id}"`} to weights.groups to let it vary` });
      continue;
    }
    if (r === null || typeof r !== "object") {
      issues.push({ code: "invalid_type", path: p, message: "must be { min, max } in percent" });
      continue;
    }
    const lo = num(r.min, [...p, "min"], issues);
    const hi = num(r.max, [...p, "max"], issues);
    if (lo !== undefined && hi !== undefined) {
      if (lo > hi) issues.push({ code: "out_of_order", path: [...p, "max"], message: `must be at least min (${lo}%), got ${hi}%` });
      else {
        lowerOf.set(i, lo / 100);
        upperOf.set(i, hi / 100);
      }
    }
  }
  if (spec?.usePublishedRanges !== false) {
    for (const par of parents) {
      for (const i of siblingsOf(par)) {
        const wr = (flat[i]?.node as WeightedCriterionCommon).weightRange;
        if (wr !== undefined && !lowerOf.has(i) && !Object.hasOwn(ranges, flat[i]?.node.id ?? "")) {
          lowerOf.set(i, Number(wr.min) / 100);
          upperOf.set(i, Number(wr.max) / 100);
        }
      }
    }
  }
  const edgesByParent = new Map<number, [number, number][]>();
  (spec?.order ?? []).forEach((chain, ci) => {
    const p: VbpPath = [...basePath, "order", ci];
    if (!Array.isArray(chain) || chain.length < 2) {
      issues.push({ code: "too_small", path: p, message: "must list at least 2 sibling criterion ids, most important first" });
      return;
    }
    const idx: number[] = [];
    chain.forEach((id, k) => {
      const i = idIndex.get(id);
      if (i === undefined) issues.push({ code: "unknown_reference", path: [...p, k], message: `no criterion "${id}" in the tender` });
      else if (flat[i]?.node.kind === "pass-fail") issues.push({ code: "invalid_value", path: [...p, k], message: `"${id}" is a pass/fail criterion: it carries no weight to order` });
      else idx.push(i);
    });
    if (idx.length !== chain.length) return;
    const parent = (flat[idx[0] as number] as FlatNode).parent;
    if (idx.some((i) => flat[i]?.parent !== parent)) {
      issues.push({ code: "invalid_value", path: p, message: `an order compares sibling criteria only; ${chain.join(", ")} are not all under the same parent` });
      return;
    }
    if (!parentSet.has(parent)) {
      issues.push({ code: "invalid_value", path: p, message: `these weights are declared certain: add ${parent === -1 ? '"root"' : `"${flat[parent]?.node.id}"`} to weights.groups to let them vary` });
      return;
    }
    const list = edgesByParent.get(parent) ?? [];
    for (let k = 0; k + 1 < idx.length; k++) list.push([idx[k] as number, idx[k + 1] as number]);
    edgesByParent.set(parent, list);
  });
  if (issues.length > 0) throw new VbpInputError(issues);

  const groups: VariedGroup[] = [];
  for (const par of parents) {
    const members = siblingsOf(par);
    const pos = new Map(members.map((m, k) => [m, k] as const));
    const n = members.length;
    const lower = new Float64Array(n);
    const upper = new Float64Array(n).fill(1);
    members.forEach((m, k) => {
      lower[k] = lowerOf.get(m) ?? 0;
      upper[k] = upperOf.get(m) ?? 1;
    });
    const given = { lower: Float64Array.from(lower), upper: Float64Array.from(upper) };
    const edges = (edgesByParent.get(par) ?? []).map(([a, b]) => [pos.get(a) as number, pos.get(b) as number] as const);
    const groupPath: VbpPath = [...basePath, par === -1 ? "root" : (flat[par]?.node.id ?? "")];
    const label = par === -1 ? "the top-level criteria" : `the children of "${flat[par]?.node.id}"`;
    // A cycle in the order (a ≥ b ≥ a) leaves only equal weights: a set of measure zero.
    const reach = (from: number, to: number): boolean => {
      const seen = new Set<number>();
      const stack = [from];
      while (stack.length > 0) {
        const x = stack.pop() as number;
        if (x === to) return true;
        if (seen.has(x)) continue;
        seen.add(x);
        for (const [a, b] of edges) if (a === x) stack.push(b);
      }
      return false;
    };
    const cyc = edges.find(([a, b]) => reach(b, a));
    if (cyc !== undefined) {
      throw new VbpInputError([{ code: "cycle", path: [...basePath, "order"], message: `the order of ${label} goes round in a circle (${flat[members[cyc[0]] as number]?.node.id} ≥ ${flat[members[cyc[1]] as number]?.node.id} ≥ … ≥ ${flat[members[cyc[0]] as number]?.node.id})` }]);
    }
    // Propagate the ranges along the order: a ≥ b lifts b's lower limit onto a and caps a's… upper onto b.
    for (let pass = 0; pass < n + 1; pass++) {
      let changed = false;
      for (const [a, b] of edges) {
        if ((lower[b] as number) > (lower[a] as number) + EPS) {
          lower[a] = lower[b] as number;
          changed = true;
        }
        if ((upper[a] as number) < (upper[b] as number) - EPS) {
          upper[b] = upper[a] as number;
          changed = true;
        }
      }
      if (!changed) break;
    }
    for (const [a, b] of edges) {
      if ((given.upper[a] as number) < (given.lower[b] as number) - EPS) {
        const ia = flat[members[a] as number]?.node.id;
        const ib = flat[members[b] as number]?.node.id;
        throw new VbpInputError([
          {
            code: "out_of_order",
            path: [...basePath, "order"],
            message: `the order says "${ia}" weighs at least as much as "${ib}", but the ranges put "${ia}" at most ${fmt(given.upper[a] as number)}% and "${ib}" at least ${fmt(given.lower[b] as number)}%: the order contradicts the ranges`,
          },
        ]);
      }
    }
    for (let k = 0; k < n; k++) {
      if ((lower[k] as number) > (upper[k] as number) + EPS) {
        throw new VbpInputError([{ code: "out_of_order", path: [...basePath, "order"], message: `the order of ${label} contradicts the ranges: "${flat[members[k] as number]?.node.id}" would need a weight of at least ${fmt(lower[k] as number)}% and at most ${fmt(upper[k] as number)}%` }]);
      }
    }
    const sumLo = lower.reduce((s, x) => s + x, 0);
    const sumHi = upper.reduce((s, x) => s + x, 0);
    if (sumLo > 1 + EPS || sumHi < 1 - EPS) {
      const parts = members.map((m, k) => `${flat[m]?.node.id} ${fmt(lower[k] as number)}–${fmt(upper[k] as number)}`).join(", ");
      throw new VbpInputError([
        {
          code: "sum_mismatch",
          path: [...basePath, "ranges"],
          message: `the weight ranges of ${label} cannot sum to 100%: ${sumLo > 1 ? `the minimums already add up to ${fmt(sumLo)}%` : `the maximums add up to only ${fmt(sumHi)}%`} (${parts}${edges.length > 0 ? ", after applying the order" : ""})`,
        },
      ]);
    }
    if (n === 1) continue; // a single weighted sibling always has 100%
    const bounded = lower.some((x) => x > 0) || upper.some((x) => x < 1);
    groups.push({ members, lower, upper, edges, chains: bounded ? undefined : disjointChains(n, edges), bounded });
    void groupPath;
  }
  const leafFlat = flat.flatMap((f, i) => (f.node.kind === "group" || f.node.kind === "pass-fail" ? [] : [i]));
  const globals = (local: Float64Array, leafGlobal: Float64Array): void => {
    leafFlat.forEach((fi, li) => {
      let w = 100;
      let p = fi;
      while (p >= 0) {
        w *= local[p] as number;
        p = (flat[p] as FlatNode).parent;
      }
      leafGlobal[li] = w;
    });
  };
  const maxTries = 1_000_000;
  const scratch = new Float64Array(Math.max(1, ...groups.map((g) => g.members.length)));
  const sample = (u: UniformSequence, local: Float64Array, leafGlobal: Float64Array): void => {
    local.set(baseLocal);
    for (const g of groups) {
      const n = g.members.length;
      const shift = g.bounded ? 1 - g.lower.reduce((s, x) => s + x, 0) : 1;
      let ok = false;
      if (g.bounded && shift <= EPS) {
        // The minimums already take the whole 100%: the weights are pinned at them.
        const sumLo = g.lower.reduce((s, x) => s + x, 0);
        for (let k = 0; k < n; k++) scratch[k] = (g.lower[k] as number) / sumLo;
        ok = true;
      }
      for (let t = 0; t < maxTries && !ok; t++) {
        // Uniform on the simplex: normalised exponentials (Rubinstein & Kroese 2016, Simulation and the Monte Carlo Method, 3rd ed., §2.5.4).
        let total = 0;
        for (let k = 0; k < n; k++) {
          const e = -Math.log(u.next());
          scratch[k] = e;
          total += e;
        }
        for (let k = 0; k < n; k++) scratch[k] = (g.lower[k] as number) + (shift * (scratch[k] as number)) / total;
        if (g.chains !== undefined) {
          // Sorting within disjoint chains maps the simplex onto the ordered region k1!·k2!·… to one with equal density: exact.
          for (const chain of g.chains) {
            const vals = chain.map((k) => scratch[k] as number).sort((a, b) => b - a);
            chain.forEach((k, j) => {
              scratch[k] = vals[j] as number;
            });
          }
          ok = true;
        } else {
          ok = true;
          for (let k = 0; k < n && ok; k++) if ((scratch[k] as number) > (g.upper[k] as number) + EPS) ok = false;
          for (const [a, b] of g.edges) if ((scratch[a] as number) < (scratch[b] as number)) ok = false;
        }
      }
      if (!ok) throw new VbpInputError([{ code: "not_computable", path: [...basePath], message: "the weight ranges and order leave almost no room: no weights satisfying them were found in a million tries; widen the ranges" }]);
      g.members.forEach((m, k) => {
        local[m] = scratch[k] as number;
      });
    }
    globals(local, leafGlobal);
  };
  // Pilot: rejection sampling is exact but slows down as the feasible share of the simplex shrinks. Measure the
  // acceptance on a dedicated pilot sequence before any draw and refuse a set of ranges too tight to sample.
  if (groups.some((g) => g.chains === undefined)) {
    const pilot = new UniformCursor(0x5eed).reset(streamId("award:weights:pilot"), 0);
    for (const g of groups) {
      if (g.chains !== undefined || (g.bounded && 1 - g.lower.reduce((a, x) => a + x, 0) <= EPS)) continue;
      const one = { ...g };
      let accepted = 0;
      const tries = 20000;
      for (let t = 0; t < tries; t++) if (tryOnce(one, pilot, scratch)) accepted++;
      if (accepted < 20) {
        const name = g.members.map((m) => flat[m]?.node.id).join(", ");
        throw new VbpInputError([
          {
            code: "not_computable",
            path: [...basePath, "ranges"],
            message: `the weight ranges and order of ${name} leave only about ${((100 * accepted) / tries).toFixed(3)}% of the possible weightings: too little to sample exactly in reasonable time; widen the ranges (or drop ranges that the order already implies)`,
          },
        ]);
      }
    }
  }
  const varied = groups.flatMap((g) => g.members);
  const limits = (fi: number): readonly [number, number] => {
    for (const g of groups) {
      const k = g.members.indexOf(fi);
      if (k >= 0) return [g.lower[k] as number, g.upper[k] as number];
    }
    return [baseLocal[fi] as number, baseLocal[fi] as number];
  };
  const siblings = (fi: number): readonly number[] => flat.flatMap((f, i) => (f.parent === flat[fi]?.parent && f.node.kind !== "pass-fail" ? [i] : []));
  const hasRanges = groups.some((g) => g.bounded);
  const hasOrder = groups.some((g) => g.edges.length > 0);
  const information = hasRanges && hasOrder ? "within their stated ranges and order" : hasRanges ? "within their stated ranges" : hasOrder ? "in any way that keeps their stated order" : "freely (no weight information: every split summing to 100% equally likely)";
  return { leafFlat, varies: groups.length > 0, flat, varied, sample, baseLocal, globals, siblings, limits, information };
}

/** One rejection-sampling candidate for a bounded group (true when accepted). */
function tryOnce(g: VariedGroup, u: UniformSequence, scratch: Float64Array): boolean {
  const n = g.members.length;
  const shift = 1 - g.lower.reduce((s, x) => s + x, 0);
  let total = 0;
  for (let k = 0; k < n; k++) {
    const e = -Math.log(u.next());
    scratch[k] = e;
    total += e;
  }
  for (let k = 0; k < n; k++) scratch[k] = (g.lower[k] as number) + (shift * (scratch[k] as number)) / total;
  for (let k = 0; k < n; k++) if ((scratch[k] as number) > (g.upper[k] as number) + EPS) return false;
  for (const [a, b] of g.edges) if ((scratch[a] as number) < (scratch[b] as number)) return false;
  return true;
}

/** Chains that share no criterion (each a simple path), or undefined when the order is a more general graph. */
function disjointChains(n: number, edges: readonly (readonly [number, number])[]): number[][] | undefined {
  if (edges.length === 0) return [];
  const out = new Array<number>(n).fill(-1);
  const inn = new Array<number>(n).fill(-1);
  for (const [a, b] of edges) {
    if (out[a] === b) continue;
    if ((out[a] as number) >= 0 || (inn[b] as number) >= 0) return undefined;
    out[a] = b;
    inn[b] = a;
  }
  const chains: number[][] = [];
  for (let k = 0; k < n; k++) {
    if (inn[k] !== -1 || out[k] === -1) continue;
    const c = [k];
    let x = out[k] as number;
    while (x >= 0) {
      c.push(x);
      x = out[x] as number;
    }
    chains.push(c);
  }
  return chains;
}

function fmt(x: number): string {
  return String(Math.round(x * 1e8) / 1e6);
}
