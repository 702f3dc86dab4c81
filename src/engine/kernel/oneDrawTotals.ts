/**
 * The totals of one option for one draw, on plain numbers. The value lines of a steady cohort (each state's
 * items, QALYs, life years and carbon, and its entry values, valued once with the occupancy summed over
 * cycles) and the option's extra costs are lowered once into a list of lines over the slots of an array of totals;
 * each evaluation adds them in the kernel's order with the vector sink's operations, so every total is
 * bit-identical to the kernel's without a ledger. Texts are written when the totals are read.
 *
 * @module
 */
import type { LedgerMeasure, OutcomeTotals } from "../../pathway/types.js";
import type { CMarkov, COption } from "../program.js";
import { outcomeOfTotals } from "./sink.js";
import { itemFor } from "./steadyCohort.js";

/** Slots of the totals array before the categories and events. */
const SLOT = { costD: 0, costU: 1, qalyD: 2, qalyU: 3, lyD: 4, lyU: 5, carbon: 6, first: 7 } as const;
/** Operand codes of a line's base besides site ids: the cycle length, exactly 1 (absent), zero. */
const OPERAND = { cycleLength: -1, none: -2, zero: -3 } as const;
const MEASURE: Readonly<Record<LedgerMeasure, number>> = { cost: 0, qalys: 1, lifeYears: 2, event: 3, carbonKg: 4 };

/** The lowered value lines of one option, and the names of its category and event slots. */
export interface OptionLines {
  /** Per line: measure, slot (category pair or event), operand a, operand b, weights (offset into the sums; -1: an extra). */
  readonly code: Int32Array;
  readonly categories: readonly string[];
  readonly events: readonly string[];
  /** Extras: time, amount and carbon site ids (carbon -1 when none) and the category slot. */
  readonly extras: Int32Array;
  readonly size: number;
}

/**
 * Lowers the value lines of an option's steady cohort (as `runCohort` values its states once) and its extra
 * costs (as `runProgram` adds them after the cohort). Weights index the cohort's sums: 3s for state s's
 * occupancy, 3S + 3s for its inflow.
 */
export function optionLines(o: COption, m: CMarkov): OptionLines {
  const code: number[] = [];
  const categories: string[] = [];
  const events: string[] = [];
  const slotOf = (list: string[], name: string, width: number): number => {
    let i = list.indexOf(name);
    if (i < 0) i = list.push(name) - 1;
    return i * width;
  };
  const S = m.states.length;
  const line = (measure: LedgerMeasure, name: string | undefined, a: number, b: number, weights: number): void => {
    const slot = measure === "cost" ? slotOf(categories, name ?? "other", 2) : measure === "event" ? slotOf(events, name!, 1) : 0;
    code.push(MEASURE[measure], slot, a, b, weights);
  };
  m.states.forEach((st, s) => {
    const w = 3 * s;
    for (const orig of st.items) {
      const it = itemFor(o, orig);
      line("cost", it.category, it.quantity.id, it.unitCost.id, w);
      if (it.carbon !== undefined) line("carbonKg", undefined, it.quantity.id, it.carbon.id, w);
    }
    if (!st.dead) {
      line("qalys", undefined, OPERAND.cycleLength, st.utility === undefined ? OPERAND.zero : st.utility.id, w);
      line("lifeYears", undefined, OPERAND.cycleLength, OPERAND.none, w);
    }
    if (st.carbon !== undefined) line("carbonKg", undefined, st.carbon.id, OPERAND.none, w);
    if (!st.hasEntry) return;
    const e = 3 * S + 3 * s;
    for (const orig of st.entryItems) {
      const it = itemFor(o, orig);
      line("cost", it.category, it.quantity.id, it.unitCost.id, e);
      if (it.carbon !== undefined) line("carbonKg", undefined, it.quantity.id, it.carbon.id, e);
    }
    if (st.entryQalys !== undefined) line("qalys", undefined, st.entryQalys.id, OPERAND.none, e);
    if (st.entryCarbon !== undefined) line("carbonKg", undefined, st.entryCarbon.id, OPERAND.none, e);
    for (const ev of st.entryEvents) line("event", ev.name, ev.count.id, OPERAND.none, e);
  });
  const extras: number[] = [];
  for (const x of o.extras) extras.push(x.time.id, x.amount.id, x.carbon === undefined ? -1 : x.carbon.id, slotOf(categories, x.category ?? "other", 2));
  return { code: Int32Array.from(code), categories, events, extras: Int32Array.from(extras), size: SLOT.first + 2 * categories.length + events.length };
}

/** A line operand's value. */
function operand(x: number, siteValues: Float64Array, L: number): number {
  return x >= 0 ? siteValues[x]! : x === OPERAND.cycleLength ? L : 0;
}

/**
 * Adds the lowered lines into `t` (zeroed): `sums` holds each state's occupancy and inflow summed with their
 * (undiscounted, cost-discounted, health-discounted) weights; `h` is 1 when health shares the cost
 * schedule, else 2; `share` the cohort's share (1). `factor(i)` is the discount factor of extra i.
 */
export function addLines(lines: OptionLines, t: number[], siteValues: Float64Array, occ: Float64Array, ent: Float64Array, S: number, L: number, h: number, factor: (time: number) => number): void {
  const c = lines.code;
  const share = 1;
  const cat = SLOT.first;
  const ev = SLOT.first + 2 * lines.categories.length;
  for (let i = 0; i < c.length; i += 5) {
    const measure = c[i]!;
    const slot = c[i + 1]!;
    const a = c[i + 2]!;
    const b = c[i + 3]!;
    const w = c[i + 4]!;
    const sums = w < 3 * S ? occ : ent;
    const o = w < 3 * S ? w : w - 3 * S;
    const und = share * sums[o]!;
    const dc = share * sums[o + 1]!;
    const dh = share * sums[o + h]!;
    // base: quantity × unit value, or the one present (every line has one)
    const base = b === OPERAND.none ? operand(a, siteValues, L) : operand(a, siteValues, L) * operand(b, siteValues, L);
    switch (measure) {
      case 0: // cost
        t[SLOT.costD] = t[SLOT.costD]! + base * dc;
        t[SLOT.costU] = t[SLOT.costU]! + base * und;
        t[cat + slot + 1] = t[cat + slot + 1]! + base * und;
        t[cat + slot] = t[cat + slot]! + base * dc;
        break;
      case 1: // qalys
        t[SLOT.qalyU] = t[SLOT.qalyU]! + base * und;
        t[SLOT.qalyD] = t[SLOT.qalyD]! + base * dh;
        break;
      case 2: // lifeYears
        t[SLOT.lyU] = t[SLOT.lyU]! + base * und;
        t[SLOT.lyD] = t[SLOT.lyD]! + base * dh;
        break;
      case 3: // event
        t[ev + slot] = t[ev + slot]! + base * und;
        break;
      default: // carbonKg
        t[SLOT.carbon] = t[SLOT.carbon]! + base * und;
    }
  }
  // Extra costs: one line of weight 1 each, discounted at its time; carbon undiscounted.
  const x = lines.extras;
  for (let i = 0; i < x.length; i += 4) {
    const base = siteValues[x[i + 1]!]! * 1;
    const df = factor(siteValues[x[i]!]!);
    const slot = cat + x[i + 3]!;
    t[SLOT.costU] = t[SLOT.costU]! + base;
    t[slot + 1] = t[slot + 1]! + base;
    t[SLOT.costD] = t[SLOT.costD]! + base * df;
    t[slot] = t[slot]! + base * df;
    if (x[i + 2]! >= 0) t[SLOT.carbon] = t[SLOT.carbon]! + siteValues[x[i + 2]!]! * 1;
  }
}

/** True when every total is finite (an overflow in a sum is the kernel's to report). */
export function totalsFinite(t: number[]): boolean {
  for (let i = 0; i < t.length; i++) if (!Number.isFinite(t[i])) return false;
  return true;
}

/** The totals as decimal text (the vector sink's outcome: categories written first, cost totals their exact sums). */
export function linesOutcome(lines: OptionLines, t: readonly number[], text: (x: number) => string): OutcomeTotals {
  const categories = new Map<string, [number, number]>();
  lines.categories.forEach((name, i) => categories.set(name, [t[SLOT.first + 2 * i]!, t[SLOT.first + 2 * i + 1]!]));
  const events = new Map<string, number>();
  const ev = SLOT.first + 2 * lines.categories.length;
  lines.events.forEach((name, i) => events.set(name, t[ev + i]!));
  return outcomeOfTotals({ costD: t[SLOT.costD]!, costU: t[SLOT.costU]!, categories, qalyD: t[SLOT.qalyD]!, qalyU: t[SLOT.qalyU]!, lyD: t[SLOT.lyD]!, lyU: t[SLOT.lyU]!, events, carbon: t[SLOT.carbon]! }, text);
}
