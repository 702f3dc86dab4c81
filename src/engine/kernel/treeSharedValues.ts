/**
 * Tree values shared by the options of one run over draws. Most options change a few sites of a tree (a
 * branch probability, an item's cost); every other site, and every node whose time and branch probabilities
 * they leave alone, has the same values for every option. Those are computed and checked once per run
 * instead of once per option.
 *
 * Sharing holds only while an option reports its conditions into the run's own record (a run over draws:
 * each draw is flagged invalid once, whichever option meets the problem first). A single evaluation gives
 * each option its own record, so each option reports its own first problem: nothing is shared there.
 *
 * Shared values are bit-identical to computing them afresh for each option, in every lane. A fresh site
 * value has 0 in every lane already invalid (its final check fills them), so a shared value read again
 * gets 0 in the lanes invalidated since. From those zeros, a fresh node time discounts by exactly 1, and a
 * fresh "rest" branch is exactly 1 − 0 = 1: shared ones are refilled the same way.
 *
 * @module
 */
import type { Calculator } from "../backends/calculator.js";
import type { CNode, Program, Site } from "../program.js";
import type { Conditions } from "./conditions.js";
import type { OptionValues } from "./optionValues.js";

/** The per-node values shared across options: discount factors at the node's time, and the "rest" branch. */
interface NodeShare<V> {
  dfCost?: V;
  dfHealth?: V;
  /** Branch probabilities checked (their sum against 1) and, with a "rest" branch, its value. */
  checked?: boolean;
  rest?: V;
}

/** Values of one run shared across the options that leave them unchanged. */
export class TreeSharedValues<V> {
  private readonly sites = new Map<number, V>();
  private readonly nodes = new Map<number, NodeShare<V>>();
  /** Sites some option changes, or all when some option changes parameters (that option then computes them into each site's own register): built on first use. */
  private copied: ((site: number) => boolean) | undefined;
  private bad: Uint8Array | undefined;
  constructor(
    private readonly calc: Calculator<V>,
    /** The run's own conditions record: options reporting into it may share values. */
    private readonly conds: Conditions,
    private readonly program: Program,
  ) {}

  /** True when the option reports into the run's record (so its values may be shared). */
  sharesWith(conds: Conditions): boolean {
    return conds === this.conds;
  }

  /** True when the option leaves the site's value as it is for every option that changes no parameter. */
  private shared(values: OptionValues<V>, site: Site): boolean {
    return !values.touchesParams && site.kind !== "utility" && !values.o.siteOps.has(site.id);
  }

  /** The lanes invalid now, as a mask (1 = invalid), or undefined when every draw is valid. */
  private invalidLanes(): Uint8Array | undefined {
    if (this.conds.allValid) return undefined;
    const valid = this.conds.valid;
    const bad = (this.bad ??= new Uint8Array(valid.length));
    for (let i = 0; i < valid.length; i++) bad[i] = valid[i] === 1 ? 0 : 1;
    return bad;
  }

  /** Sets the lanes invalid now to `text` (what a fresh computation would hold there). */
  private refill(v: V, text: string): void {
    const bad = this.invalidLanes();
    if (bad !== undefined) this.calc.fillWhere(v, bad, text);
  }

  /**
   * The site's value for the option: shared when the option changes neither the site nor any parameter
   * (a utility keeps its own path: its check may leave 1, not 0, in invalid lanes).
   */
  value(values: OptionValues<V>, site: Site): V {
    if (!this.shared(values, site)) return values.value(site);
    const hit = this.sites.get(site.id);
    if (hit !== undefined) {
      this.refill(hit, "0");
      return hit;
    }
    const fresh = values.value(site);
    // No option writes the site's own register again: keep it, else keep a copy.
    let v = fresh;
    if (this.mustCopy(site.id)) {
      v = this.calc.register();
      this.calc.copy(v, fresh);
    }
    this.sites.set(site.id, v);
    return v;
  }

  /** The node's discount factors (cost, health) when its time is shared, computed by `compute` once. */
  discountFactors(values: OptionValues<V>, node: CNode, compute: (dfCost: V, dfHealth: V) => void): readonly [V, V] | undefined {
    if (!this.shared(values, node.time)) return undefined;
    const s = this.node(node.index);
    if (s.dfCost !== undefined && s.dfHealth !== undefined) {
      this.refill(s.dfCost, "1");
      this.refill(s.dfHealth, "1");
      return [s.dfCost, s.dfHealth];
    }
    s.dfCost = this.calc.register();
    s.dfHealth = this.calc.register();
    compute(s.dfCost, s.dfHealth);
    return [s.dfCost, s.dfHealth];
  }

  /**
   * The node's branch probabilities when the option changes none of them: `check` (the sum against 1, and
   * the "rest" branch into its argument) runs once per run; afterwards the shared "rest" is returned. A node
   * without a "rest" branch is checked into `scratch`, which is returned. Undefined when the option changes
   * a probability (the caller then checks it itself).
   */
  branches(values: OptionValues<V>, node: CNode, check: (rest: V) => void, scratch: V): V | undefined {
    for (const b of node.branches) if (b.prob !== "rest" && !this.shared(values, b.prob)) return undefined;
    const s = this.node(node.index);
    if (s.checked === true) {
      if (s.rest === undefined) return scratch;
      this.refill(s.rest, "1");
      return s.rest;
    }
    const rest = node.branches.some((b) => b.prob === "rest") ? (s.rest = this.calc.register()) : scratch;
    check(rest);
    s.checked = true;
    return rest;
  }

  /** True when some option writes the site's own register again (so a shared value must be a copy). */
  private mustCopy(site: number): boolean {
    if (this.copied === undefined) {
      const options = this.program.options;
      const targeted = new Set<number>();
      for (const o of options) for (const id of o.siteOps.keys()) targeted.add(id);
      this.copied = options.some((o) => o.paramOps.size > 0) ? () => true : (id) => targeted.has(id);
    }
    return this.copied(site);
  }

  private node(index: number): NodeShare<V> {
    let s = this.nodes.get(index);
    if (s === undefined) this.nodes.set(index, (s = {}));
    return s;
  }
}
