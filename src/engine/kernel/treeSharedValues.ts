/**
 * Tree values shared by the options of one run over draws. Most options change a few sites of a tree (a
 * branch probability, an item's cost); every other site, and the branch checks of every node whose
 * probabilities they leave alone, are the same for every option: they are computed and checked once per run
 * instead of once per option.
 *
 * Sharing holds only while an option reports its conditions into the run's own record (a run over draws:
 * each draw is flagged invalid once, whichever option meets the problem first). A single evaluation gives
 * each option its own record, so each option reports its own first problem: nothing is shared there.
 *
 * Shared values are bit-identical to computing them afresh for each option, in every lane. A fresh site
 * value has 0 in every lane already invalid (its final check fills them), so a shared value read again
 * gets 0 in the lanes invalidated since; from those zeros a fresh "rest" branch is exactly 1 − 0 = 1, and a
 * shared one is refilled with 1.
 *
 * @module
 */
import type { Calculator } from "../backends/calculator.js";
import type { CNode, Program, Site } from "../program.js";
import type { Conditions } from "./conditions.js";
import type { OptionValues } from "./optionValues.js";

/** Values of one run shared across the options that leave them unchanged. */
export class TreeSharedValues<V> {
  private readonly sites = new Map<number, V>();
  /** Per node: its "rest" branch once its branches are checked (the scratch register when it has none). */
  private readonly rests = new Map<number, V | undefined>();
  /** Sites some option writes into the site's own register (all, when some option changes parameters). */
  private copied: Set<number> | undefined | null = null;
  private bad: Uint8Array | undefined;
  constructor(
    private readonly calc: Calculator<V>,
    /** The run's own conditions record: only options reporting into it share values. */
    readonly conds: Conditions,
    private readonly program: Program,
  ) {}

  /** True when the option leaves the site's value as it is for every option that changes no parameter. */
  private shared(values: OptionValues<V>, site: Site): boolean {
    return !values.touchesParams && site.kind !== "utility" && !values.o.siteOps.has(site.id);
  }

  /** Sets the lanes invalid now to `text` (what a fresh computation holds there). */
  private refill(v: V, text: string): V {
    if (!this.conds.allValid) {
      const valid = this.conds.valid;
      const bad = (this.bad ??= new Uint8Array(valid.length));
      for (let i = 0; i < valid.length; i++) bad[i] = 1 - valid[i]!;
      this.calc.fillWhere(v, bad, text);
    }
    return v;
  }

  /**
   * The site's value for the option: shared when the option changes neither the site nor any parameter
   * (a utility keeps its own path: its check may leave 1, not 0, in invalid lanes).
   */
  value(values: OptionValues<V>, site: Site): V {
    if (!this.shared(values, site)) return values.value(site);
    const hit = this.sites.get(site.id);
    if (hit !== undefined) return this.refill(hit, "0");
    if (this.copied === null) {
      const options = this.program.options;
      this.copied = options.some((o) => o.paramOps.size > 0) ? undefined : new Set(options.flatMap((o) => [...o.siteOps.keys()]));
    }
    // Keep the site's own register unless some option writes it again.
    let v = values.value(site);
    if (this.copied?.has(site.id) !== false) {
      const fresh = v;
      this.calc.copy((v = this.calc.register()), fresh);
    }
    this.sites.set(site.id, v);
    return v;
  }

  /**
   * The node's "rest" branch when the option changes none of its probabilities: `check` (the sum against 1,
   * and the "rest" branch into its argument) runs once per run, into `scratch` for a node without a "rest"
   * branch. Undefined when the option changes a probability (the caller then checks it itself).
   */
  branches(values: OptionValues<V>, node: CNode, check: (rest: V) => void, scratch: V): V | undefined {
    for (const b of node.branches) if (b.prob !== "rest" && !this.shared(values, b.prob)) return undefined;
    if (this.rests.has(node.index)) {
      const rest = this.rests.get(node.index);
      return rest === undefined ? scratch : this.refill(rest, "1");
    }
    const rest = node.branches.some((b) => b.prob === "rest") ? this.calc.register() : undefined;
    check(rest ?? scratch);
    this.rests.set(node.index, rest);
    return rest ?? scratch;
  }
}
