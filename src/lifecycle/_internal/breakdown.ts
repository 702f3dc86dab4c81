/**
 * @internal The totals of every option by period, by item and by kind, held compactly and read as plain
 * arrays. At catalogue scale (50,000 options × 20 items × 10 years) the breakdowns held as objects of decimal
 * strings took about 6 KB per option, more than half of a result; here an option keeps its exact cumulative
 * totals per period and its totals per item as 128-bit words (about 1 KB), and each row is made when read.
 * Reading gives exactly the rows an eager evaluation would hold.
 *
 * @module
 */
import { COST_ITEM_KINDS, type CostItemKind, type LifecycleOption } from "../document.js";
import type { LifecycleItemTotals, LifecycleKindTotals, LifecyclePeriodTotals } from "../result.js";
import { BigColumn } from "./bigColumn.js";
import { fixedString } from "../../_lib/fixed.js";
import { rowView } from "./rowView.js";

/** @internal What every option's periods share: start date, discounting time and factor of period p (1..P). */
export interface PeriodLabels {
  readonly start: readonly string[];
  readonly t: readonly string[];
  readonly discountFactor: readonly string[];
}

/** @internal One option's exact totals, as the engine computed them (ledger-scale integers). */
export interface OptionTotals {
  /** Cumulative undiscounted and discounted totals of periods 1..p, index 1..P (index 0 unused). */
  readonly cumUnd: readonly bigint[];
  readonly cumDisc: readonly bigint[];
  /** Per item, in document order: undiscounted and discounted totals and the number of ledger rows. */
  readonly itemUnd: readonly bigint[];
  readonly itemDisc: readonly bigint[];
  readonly itemCount: readonly number[];
}

/** Exact totals of one kind of cost of one option. */
interface KindSum {
  readonly kind: CostItemKind;
  readonly und: bigint;
  readonly disc: bigint;
}

/** @internal The breakdowns of every option of one evaluation. */
export class Breakdowns {
  private readonly cumUnd: BigColumn;
  private readonly cumDisc: BigColumn;
  private readonly itemUnd: BigColumn;
  private readonly itemDisc: BigColumn;
  private readonly itemCount: Int32Array;
  /** Where option i's items start in the item columns (length options + 1). */
  private readonly itemBase: Int32Array;
  /** The last option whose totals by kind were read (reading its rows in turn sums its items once). */
  private kindsOf = -1;
  private kinds: readonly KindSum[] = [];

  constructor(
    private readonly options: readonly LifecycleOption[],
    private readonly periods: number,
    private readonly labels: PeriodLabels,
  ) {
    this.itemBase = new Int32Array(options.length + 1);
    for (let i = 0; i < options.length; i++) this.itemBase[i + 1] = this.itemBase[i]! + options[i]!.items.length;
    const items = this.itemBase[options.length]!;
    this.cumUnd = new BigColumn(options.length * periods);
    this.cumDisc = new BigColumn(options.length * periods);
    this.itemUnd = new BigColumn(items);
    this.itemDisc = new BigColumn(items);
    this.itemCount = new Int32Array(items);
  }

  /** Keeps option `i`'s totals. */
  record(i: number, t: OptionTotals): void {
    const P = this.periods;
    for (let p = 1; p <= P; p++) {
      this.cumUnd.set(i * P + p - 1, t.cumUnd[p]!);
      this.cumDisc.set(i * P + p - 1, t.cumDisc[p]!);
    }
    const base = this.itemBase[i]!;
    for (let j = 0; j < t.itemCount.length; j++) {
      this.itemUnd.set(base + j, t.itemUnd[j]!);
      this.itemDisc.set(base + j, t.itemDisc[j]!);
      this.itemCount[base + j] = t.itemCount[j]!;
    }
  }

  /** Option `i`'s totals by period, every period of the horizon, with running totals. */
  byPeriod(i: number): readonly LifecyclePeriodTotals[] {
    const P = this.periods;
    const { start, t, discountFactor } = this.labels;
    return rowView(P, (k) => {
      const p = k + 1;
      const at = i * P + k;
      const cumUnd = this.cumUnd.get(at);
      const cumDisc = this.cumDisc.get(at);
      const before = (c: BigColumn): bigint => (k === 0 ? 0n : c.get(at - 1));
      return {
        period: p,
        periodStart: start[p]!,
        t: t[p]!,
        discountFactor: discountFactor[p]!,
        undiscounted: fixedString(cumUnd - before(this.cumUnd)),
        discounted: fixedString(cumDisc - before(this.cumDisc)),
        cumulativeUndiscounted: fixedString(cumUnd),
        cumulativeDiscounted: fixedString(cumDisc),
      };
    });
  }

  /** Option `i`'s totals by cost item, in document order. */
  byItem(i: number): readonly LifecycleItemTotals[] {
    const items = this.options[i]!.items;
    const base = this.itemBase[i]!;
    return rowView(items.length, (j) => {
      const item = items[j]!;
      return {
        itemId: item.id,
        kind: item.kind,
        label: item.label,
        occurrences: this.itemCount[base + j]!,
        undiscounted: fixedString(this.itemUnd.get(base + j)),
        discounted: fixedString(this.itemDisc.get(base + j)),
      };
    });
  }

  /** Option `i`'s totals by kind of cost, in {@link COST_ITEM_KINDS} order, kinds present only. */
  byKind(i: number): readonly LifecycleKindTotals[] {
    const present = new Set<CostItemKind>();
    for (const item of this.options[i]!.items) present.add(item.kind);
    return rowView(present.size, (k) => {
      const { kind, und, disc } = this.kindTotals(i)[k]!;
      return { kind, undiscounted: fixedString(und), discounted: fixedString(disc) };
    });
  }

  private kindTotals(i: number): readonly KindSum[] {
    if (this.kindsOf !== i) {
      const und = new Map<CostItemKind, bigint>();
      const disc = new Map<CostItemKind, bigint>();
      const base = this.itemBase[i]!;
      this.options[i]!.items.forEach((item, j) => {
        und.set(item.kind, (und.get(item.kind) ?? 0n) + this.itemUnd.get(base + j));
        disc.set(item.kind, (disc.get(item.kind) ?? 0n) + this.itemDisc.get(base + j));
      });
      const sums: KindSum[] = [];
      for (const kind of COST_ITEM_KINDS) {
        const u = und.get(kind);
        if (u !== undefined) sums.push({ kind, und: u, disc: disc.get(kind)! });
      }
      this.kinds = sums;
      this.kindsOf = i;
    }
    return this.kinds;
  }
}
