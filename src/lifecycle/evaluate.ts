import { differenceInMonths } from "date-fns";
import { Dec, decString, LEDGER_SCALE, toLedgerScale } from "../_lib/decimal.js";
import type { SafeResult } from "../errors/VbpInputError.js";
import { computedMoney } from "../money/money.js";
import { Breakdowns } from "./_internal/breakdown.js";
import { IntColumn, rowView } from "./_internal/rowView.js";
import { fixedFromString, fixedOf, fixedString, ledgerQuotient, mulFixed, mulToLedger, quotientFixed, roundToLedger, unitsDec, type Fixed } from "../_lib/fixed.js";
import type { Source } from "../reference/source.js";
import { addPeriod, parseIsoDate } from "../time/dates.js";
import { compileSchedule, factorAt, type CompiledSchedule, type DiscountTiming } from "../time/discount.js";
import { indexRatio } from "../time/indexation.js";
import type { EvaluateLifecycleOptions, LifecycleLedgerRow, LifecycleOptionResult, LifecyclePayback, LifecycleResult, LifecycleUnitCost } from "./result.js";
import { type LifecycleCostItem, type LifecycleDocument, type LifecycleDocumentInput, type LifecycleOption } from "./document.js";
import {
  isCycleKind,
  isOnceByDefault,
  parseLifecycleDocument,
  resolveSchedule,
  safeParseLifecycleDocument,
  toSource,
} from "./schema.js";

const ZERO = new Dec(0);

/** Everything that is the same for every option of one evaluation, computed once. */
interface Context {
  readonly doc: LifecycleDocument;
  readonly currency: string;
  readonly ppy: number;
  readonly periods: number;
  readonly base: Date;
  readonly baseYear: string;
  readonly df: readonly Dec[];
  readonly dfText: readonly string[];
  readonly tText: readonly string[];
  readonly start: readonly string[];
  readonly dfHorizonText: string;
  readonly tHorizonText: string;
  readonly annuity: Dec;
  readonly escalationFixed: Map<string, readonly Fixed[]>;
  /** Per yearly volume array (the document's, shared by its options, or an option's own while it is costed). */
  readonly volumeFixed: WeakMap<readonly Dec[], readonly Fixed[]>;
  readonly volumeTotals: WeakMap<readonly Dec[], VolumeTotals>;
  readonly dfFixed: readonly Fixed[];
  readonly dfHorizonFixed: Fixed;
  readonly indexRatios: Map<string, Dec>;
  /** Shares of a quantity (see {@link quotientOf}), by multiplier, then quantity text and divisor. */
  readonly quotients: Map<Fixed | number, Map<number, Map<string, Fixed>>>;
  readonly docUses: readonly Dec[] | undefined;
  readonly docPatients: readonly Dec[] | undefined;
  /** Quantities and unit costs as exact Fixed, by their text (see {@link exactFixed}). */
  readonly fixedTexts: Map<string, Fixed>;
  /** Present value of an amount that falls in every period of the horizon, by the amount (see {@link presentCostOf}). */
  readonly presentByAmount: Map<bigint, bigint>;
  /** Every period of the horizon, once (never changed by a reader). */
  readonly everyPeriod: Occurrences;
  /** Where each option's ledger rows start (undefined without the ledger). */
  readonly ledger: LedgerIndex | undefined;
  /** Totals by kind, item and period, kept compactly (undefined: empty lists, for a caller that reads the totals alone). */
  readonly breakdowns: Breakdowns | undefined;
}

/** Σ volume and Σ volume × DF over the horizon, exact and as text. */
interface VolumeTotals {
  readonly total: Dec;
  readonly discounted: Dec;
  readonly discountedFixed: Fixed;
  readonly totalText: string;
  readonly discountedText: string;
}

/** Discounting time of period p (1-based) of 1/ppy years: exact rationals, so month 13 is t = 1 exactly. */
function timeOf(p: number, ppy: number, position: DiscountTiming["position"]): Dec {
  if (position === "start") return new Dec(p - 1).div(ppy);
  if (position === "end") return new Dec(p).div(ppy);
  return new Dec(2 * p - 1).div(2 * ppy);
}

function compileContext(doc: LifecycleDocument, withLedger: boolean, breakdown = true): Context {
  const ppy = doc.period === "month" ? 12 : 1;
  const periods = doc.horizonYears * ppy;
  const timing = doc.discounting.timing;
  const compiled: CompiledSchedule = compileSchedule(resolveSchedule(doc.discounting.schedule), timing.compounding);
  const df: Dec[] = [ZERO];
  const dfText: string[] = [""];
  const tText: string[] = [""];
  const start: string[] = [""];
  for (let p = 1; p <= periods; p++) {
    const t = timeOf(p, ppy, timing.position);
    const f = factorAt(compiled, t);
    df.push(f);
    dfText.push(decString(f));
    tText.push(decString(t));
    start.push(addPeriod(doc.priceBaseDate, ppy === 12 ? { months: p - 1 } : { years: p - 1 }));
  }
  // EAC divisor: Σ over the horizon's years of DF at yearly times under the same timing convention.
  let annuity = new Dec(0);
  for (let y = 1; y <= doc.horizonYears; y++) annuity = annuity.plus(factorAt(compiled, timeOf(y, 1, timing.position)));
  const dfHorizon = factorAt(compiled, new Dec(doc.horizonYears));
  return {
    doc,
    currency: doc.currency,
    ppy,
    periods,
    base: parseIsoDate(doc.priceBaseDate)!,
    baseYear: doc.priceBaseYear ?? doc.priceBaseDate.slice(0, 4),
    df,
    dfText,
    tText,
    start,
    dfHorizonText: decString(dfHorizon),
    tHorizonText: String(doc.horizonYears),
    annuity,
    escalationFixed: new Map(),
    volumeFixed: new WeakMap(),
    volumeTotals: new WeakMap(),
    dfFixed: df.map(fixedOf),
    dfHorizonFixed: fixedOf(dfHorizon),
    indexRatios: new Map(),
    quotients: new Map(),
    docUses: yearlyVolume(doc.volumes?.usesPerYear, doc.horizonYears),
    docPatients: yearlyVolume(doc.volumes?.patientsPerYear, doc.horizonYears),
    fixedTexts: new Map(),
    presentByAmount: new Map(),
    everyPeriod: { periods: Array.from({ length: periods }, (_, i) => i + 1), times: 1 },
    ledger: withLedger ? new LedgerIndex() : undefined,
    breakdowns: breakdown ? new Breakdowns(doc.options, periods, { start, t: tText, discountFactor: dfText }) : undefined,
  };
}

/** Volume by year, index 1..H (index 0 unused). */
function yearlyVolume(v: string | readonly string[] | undefined, years: number): Dec[] | undefined {
  if (v === undefined) return undefined;
  const out: Dec[] = [ZERO];
  if (typeof v === "string") {
    const d = new Dec(v);
    for (let y = 1; y <= years; y++) out.push(d);
  } else {
    for (const x of v) out.push(new Dec(x));
  }
  return out;
}

function periodOfDate(ctx: Context, iso: string): number {
  const months = differenceInMonths(parseIsoDate(iso)!, ctx.base);
  return ctx.ppy === 12 ? months + 1 : Math.floor(months / 12) + 1;
}

interface Occurrences {
  /** Periods (1-based) in which the item occurs, ascending. */
  readonly periods: number[];
  /** Multiplier of the item quantity: 12 for a monthly item in a yearly ledger, else 1 (volume applied later). */
  readonly times: number;
  /** Per occurrence, how it arose, when that needs saying (replacement cycles). */
  readonly notes?: string[];
}

/** The periods in which a non-residual item occurs. */
function occurrences(ctx: Context, option: LifecycleOption, item: LifecycleCostItem): Occurrences {
  const { ppy, periods: P } = ctx;
  const startP = item.startYear !== undefined ? (item.startYear - 1) * ppy + 1 : item.startDate !== undefined ? periodOfDate(ctx, item.startDate) : 1;
  const endP = item.endYear !== undefined ? item.endYear * ppy : item.endDate !== undefined ? periodOfDate(ctx, item.endDate) : P;
  // An item costed in every period of the horizon (the usual per-use or per-patient item): one shared list.
  if (item.basis !== "fixed" && startP === 1 && endP === P) return ctx.everyPeriod;
  const periods: number[] = [];
  const every = (step: number): void => {
    for (let p = startP; p <= endP; p += step) periods.push(p);
  };
  if (item.basis !== "fixed") {
    every(1);
    return { periods, times: 1 };
  }
  const frequency = item.frequency ?? (isOnceByDefault(item.kind) ? "once" : "yearly");
  switch (frequency) {
    case "once": {
      if (item.year !== undefined) periods.push((item.year - 1) * ppy + 1);
      else if (item.date !== undefined) periods.push(periodOfDate(ctx, item.date));
      else if (isCycleKind(item.kind) && option.serviceLifeYears !== undefined) {
        const life = option.serviceLifeYears * ppy;
        const cycles = Math.ceil((endP - startP + 1) / life);
        const notes: string[] = [];
        for (let k = 0, s = startP; s <= endP; k++, s += life) {
          const p = item.kind === "disposal" ? s + life - 1 : s;
          if (p > endP) continue;
          periods.push(p);
          notes.push(`replacement cycle ${k + 1} of ${cycles} (service life ${option.serviceLifeYears} years)`);
        }
        return cycles > 1 ? { periods, times: 1, notes } : { periods, times: 1 };
      } else periods.push(item.kind === "disposal" ? endP : startP);
      break;
    }
    case "yearly":
      every(ppy);
      break;
    case "every-n-years":
      every((item.everyYears ?? 1) * ppy);
      break;
    case "monthly":
      every(1);
      return { periods, times: ppy === 12 ? 1 : 12 };
  }
  return { periods, times: 1 };
}

/** A validated decimal string as an exact Fixed, once per distinct text (options share most quantities and unit costs). */
function exactFixed(ctx: Context, text: string): Fixed {
  let f = ctx.fixedTexts.get(text);
  if (f === undefined) ctx.fixedTexts.set(text, (f = fixedFromString(text) ?? fixedOf(new Dec(text))));
  return f;
}

/** Unit cost at the price base, exactly: unitCost × index[base]/index[priceYear] (per hour for minute-based items). */
function baseUnitCost(ctx: Context, item: LifecycleCostItem, raw: string, optionIndex: number, j: number): Fixed {
  if (item.priceYear === undefined || item.priceYear === ctx.baseYear || ctx.doc.indexation === undefined) return exactFixed(ctx, raw);
  let r = ctx.indexRatios.get(item.priceYear);
  if (r === undefined) {
    r = indexRatio(ctx.doc.indexation as Parameters<typeof indexRatio>[0], item.priceYear, ctx.baseYear, ["options", optionIndex, "items", j, "priceYear"]);
    ctx.indexRatios.set(item.priceYear, r);
  }
  return fixedOf(new Dec(raw).times(r));
}

type MutableRow = { -readonly [K in keyof LifecycleLedgerRow]: LifecycleLedgerRow[K] };

function sourceOf(item: LifecycleCostItem): string | Source | undefined {
  if (item.source === undefined) return undefined;
  return typeof item.source === "string" ? item.source : toSource(item.source);
}

/** An option costed: its totals and cumulative cash flows by period (10^−20 units), and its volumes. */
interface OptionRun {
  readonly cumUnd: readonly bigint[];
  readonly cumDisc: readonly bigint[];
  readonly runUnd: bigint;
  readonly runDisc: bigint;
  readonly cashFlows: number;
  readonly uses: readonly Dec[] | undefined;
  readonly patients: readonly Dec[] | undefined;
}

/** Takes the ledger rows of one item of an option: `count` occurrences (made when read), or the residual rows themselves. */
type SegmentSink = (item: number, count: number, rows?: readonly LifecycleLedgerRow[]) => void;

/**
 * Where the ledger's rows come from, a few integers per item of each option (never an object per row): the
 * segments (one item of one option each) in ledger order, with the first row, option and item of each.
 * Residual rows, few, are kept as made.
 */
class LedgerIndex {
  readonly starts = new IntColumn();
  readonly optionOf = new IntColumn();
  readonly itemOf = new IntColumn();
  readonly residual = new Map<number, readonly LifecycleLedgerRow[]>();
  length = 0;

  /** Appends a segment of option `optionIndex` (options in document order). */
  add(optionIndex: number, item: number, count: number, rows?: readonly LifecycleLedgerRow[]): void {
    if (count === 0) return;
    if (rows !== undefined) this.residual.set(this.starts.length, rows);
    this.starts.push(this.length);
    this.optionOf.push(optionIndex);
    this.itemOf.push(item);
    this.length += count;
  }
}

/** Quantity, unit cost and undiscounted amount of an item's occurrence (all depend on the year alone). */
interface ItemValue {
  readonly qty: Fixed;
  readonly uc: Fixed;
  readonly und: bigint;
}

/** How a non-residual item is costed: its occurrences and the value in force in any period. */
interface ItemPlan {
  readonly item: LifecycleCostItem;
  readonly occ: Occurrences;
  readonly source: string | Source | undefined;
  /** The value in period `p` (remembers the last year computed: read the periods in order). */
  valueAt(p: number): ItemValue;
}

/** The option's yearly uses and patients (its own, else the document's). */
function optionVolumes(ctx: Context, option: LifecycleOption): { uses: readonly Dec[] | undefined; patients: readonly Dec[] | undefined } {
  const H = ctx.doc.horizonYears;
  return {
    uses: option.usesPerYear !== undefined ? yearlyVolume(option.usesPerYear, H) : ctx.docUses,
    patients: option.patientsPerYear !== undefined ? yearlyVolume(option.patientsPerYear, H) : ctx.docPatients,
  };
}

function planItem(
  ctx: Context,
  option: LifecycleOption,
  optionIndex: number,
  j: number,
  volumes: { uses: readonly Dec[] | undefined; patients: readonly Dec[] | undefined },
): ItemPlan {
  const { ppy } = ctx;
  const item = option.items[j]!;
  // Minutes are costed per hour: the quantity is minutes ÷ 60, divided once after every exact product.
  const q = exactFixed(ctx, item.quantity);
  const qDen = item.quantityUnit === "minute" ? 60 : 1;
  const c = baseUnitCost(ctx, item, item.unitCost ?? "0", optionIndex, j);
  const escalates = item.escalationRate !== "0" && exactFixed(ctx, item.escalationRate).m !== 0n;
  const esc = escalates ? escalationFixed(ctx, item.escalationRate) : undefined;
  const yearly = item.basis === "per-use" ? volumes.uses : item.basis === "per-patient" ? volumes.patients : undefined;
  const volume = yearly !== undefined ? periodVolumesFixed(ctx, yearly) : undefined;
  const occ = occurrences(ctx, option, item);
  // Without a volume, the quantity is the same in every period (made here; with one, made per volume).
  const fixedQty = volume === undefined ? quotientOf(ctx, item.quantity, q, occ.times, qDen) : q;
  const volumeDen = qDen * ppy;
  // Every amount depends only on the year: remember the last one computed (and its value, when a later year's
  // quantity and unit cost are the same).
  let lastYear = -1;
  let lastPeriod = 0;
  let last: ItemValue = { qty: fixedQty, uc: c, und: 0n };
  return {
    item,
    occ,
    source: sourceOf(item),
    valueAt(p: number): ItemValue {
      const y = ppy === 1 ? p : Math.floor((p - 1) / ppy) + 1;
      if (y === lastYear) return last;
      // Without escalation, the value changes only with the volume (the same object while it is the same).
      if (lastYear !== -1 && esc === undefined && (volume === undefined || volume[p] === volume[lastPeriod])) return last;
      // A period's quantity: quantity × yearly volume ÷ periods per year (÷ 60 for minutes), one division.
      const qty = volume !== undefined ? quotientOf(ctx, item.quantity, q, volume[p]!, volumeDen) : fixedQty;
      const uc = esc !== undefined ? mulFixed(c, esc[y]!) : c;
      last = { qty, uc, und: mulToLedger(qty, uc) };
      lastYear = y;
      lastPeriod = p;
      return last;
    },
  };
}

/**
 * `q × by ÷ den` (q the quantity `text` as a Fixed, `by` a period's volume or a count of occurrences), made
 * once per distinct quantity, multiplier and divisor: the division (minutes per hour, periods per year) goes
 * through a Decimal, and options share quantities and volumes.
 */
function quotientOf(ctx: Context, text: string, q: Fixed, by: Fixed | number, den: number): Fixed {
  if (den === 1) return mulFixed(q, typeof by === "number" ? { m: BigInt(by), s: 0 } : by);
  let byDen = ctx.quotients.get(by);
  if (byDen === undefined) ctx.quotients.set(by, (byDen = new Map()));
  let byText = byDen.get(den);
  if (byText === undefined) byDen.set(den, (byText = new Map()));
  let r = byText.get(text);
  if (r === undefined) byText.set(text, (r = quotientFixed(quotientOf(ctx, text, q, by, 1), den)));
  return r;
}

/** The ledger row of occurrence `k` of a planned item. */
function ledgerRow(ctx: Context, option: LifecycleOption, plan: ItemPlan, k: number): LifecycleLedgerRow {
  const p = plan.occ.periods[k]!;
  const v = plan.valueAt(p);
  return rowOf(ctx, option, plan.item, p, ctx.tText[p]!, ctx.dfText[p]!, v, discounted(v.und, ctx.dfFixed[p]!), plan.occ.notes?.[k], plan.source);
}

/** A ledger row of `item` in period `p` (discounted at time `t`), with its note and source when it has them. */
function rowOf(
  ctx: Context,
  option: LifecycleOption,
  item: LifecycleCostItem,
  p: number,
  t: string,
  discountFactor: string,
  v: ItemValue,
  discounted: bigint,
  note: string | undefined,
  source: string | Source | undefined,
): LifecycleLedgerRow {
  const row: MutableRow = {
    optionId: option.id,
    itemId: item.id,
    kind: item.kind,
    period: p,
    periodStart: ctx.start[p]!,
    t,
    quantity: fixedString(v.qty.m, v.qty.s),
    unit: item.quantityUnit === "minute" ? "hour" : item.quantityUnit,
    unitCost: fixedString(v.uc.m, v.uc.s),
    undiscounted: fixedString(v.und),
    discountFactor,
    discounted: fixedString(discounted),
  };
  if (note !== undefined) row.note = note;
  if (source !== undefined) row.source = source;
  return row;
}

/** The ledger of every option, compact: each row is made (from the document and the compiled context) when read. */
function compactLedger(ctx: Context, index: LedgerIndex): readonly LifecycleLedgerRow[] {
  const { starts, optionOf, itemOf, residual, length } = index;
  // Reading in order (JSON, CSV, iteration) re-plans each item once.
  let segment = -1;
  let plan: ItemPlan | undefined;
  let volumesOf = -1;
  let volumes: ReturnType<typeof optionVolumes> = { uses: undefined, patients: undefined };
  return rowView(length, (i) => {
    const s = segment >= 0 && i >= starts.at(segment) && (segment + 1 >= starts.length || i < starts.at(segment + 1)) ? segment : starts.floorIndex(i);
    const k = i - starts.at(s);
    const rows = residual.get(s);
    // A fresh object on every read, as for the other rows (a reader's change to one never shows in the next).
    if (rows !== undefined) return { ...rows[k]! };
    const oi = optionOf.at(s);
    const option = ctx.doc.options[oi]!;
    if (s !== segment || plan === undefined) {
      if (volumesOf !== oi) {
        volumes = optionVolumes(ctx, option);
        volumesOf = oi;
      }
      plan = planItem(ctx, option, oi, itemOf.at(s), volumes);
      segment = s;
    }
    return ledgerRow(ctx, option, plan, k);
  });
}

function unitCostOf(ctx: Context, volume: readonly Dec[] | undefined, und: bigint, disc: bigint): LifecycleUnitCost {
  const discounted = perVolume(ctx, volume, disc);
  if (discounted === undefined) return { status: "no-volume" };
  const totals = volumeTotals(ctx, volume!);
  return {
    status: "ok",
    volume: totals.totalText,
    discountedVolume: totals.discountedText,
    undiscounted: computedMoney(decString(toLedgerScale(unitsDec(und).div(totals.total))), ctx.currency),
    discounted: computedMoney(fixedString(discounted), ctx.currency),
  };
}

/** Discounted cost per unit of volume, in ledger units: present cost ÷ Σ volume × DF (undefined without volume). */
function perVolume(ctx: Context, volume: readonly Dec[] | undefined, disc: bigint): bigint | undefined {
  if (volume === undefined) return undefined;
  const totals = volumeTotals(ctx, volume);
  // Volumes are ≥ 0 and discount factors > 0: with a volume in some year, the divisor is > 0.
  if (totals.total.isZero()) return undefined;
  return ledgerQuotient(disc, totals.discountedFixed);
}

/** Σ volume and Σ volume × DF over the periods, once per volume array. */
function volumeTotals(ctx: Context, yearly: readonly Dec[]): VolumeTotals {
  let hit = ctx.volumeTotals.get(yearly);
  if (hit === undefined) {
    // Σ over whole years of the yearly volume (exact), and Σ yearly volume × DF over the periods divided once
    // by the periods per year, so a monthly split adds no rounding of its own.
    let total = new Dec(0);
    for (let y = 1; y <= ctx.doc.horizonYears; y++) total = total.plus(yearly[y]!);
    let discounted = new Dec(0);
    for (let p = 1; p <= ctx.periods; p++) discounted = discounted.plus(yearly[Math.floor((p - 1) / ctx.ppy) + 1]!.times(ctx.df[p]!));
    if (ctx.ppy !== 1) discounted = discounted.div(ctx.ppy);
    // The texts are shared by every option costed on the same volumes (one copy, not one per option).
    hit = { total, discounted, discountedFixed: fixedOf(discounted), totalText: decString(total), discountedText: decString(discounted) };
    ctx.volumeTotals.set(yearly, hit);
  }
  return hit;
}

/**
 * The yearly volume in force in each period as an exact Fixed (index 1..P), once per volume array. A period's
 * volume is this ÷ periods per year, divided once after the exact product with the quantity (see quotientFixed).
 */
function periodVolumesFixed(ctx: Context, yearly: readonly Dec[]): readonly Fixed[] {
  let hit = ctx.volumeFixed.get(yearly);
  if (hit === undefined) {
    const out: Fixed[] = [{ m: 0n, s: 0 }];
    for (let p = 1; p <= ctx.periods; p++) out.push(fixedOf(yearly[Math.floor((p - 1) / ctx.ppy) + 1]!));
    hit = out;
    ctx.volumeFixed.set(yearly, hit);
  }
  return hit;
}

/** (1+g)^(y−1) for y = 1..H (Decimal products, then exact Fixed), once per rate. */
function escalationFixed(ctx: Context, rate: string): readonly Fixed[] {
  let hit = ctx.escalationFixed.get(rate);
  if (hit === undefined) {
    const onePlus = new Dec(rate).plus(1);
    const f = [ZERO, new Dec(1)];
    for (let y = 2; y <= ctx.doc.horizonYears; y++) f.push(f[y - 1]!.times(onePlus));
    ctx.escalationFixed.set(rate, (hit = f.map(fixedOf)));
  }
  return hit;
}

function evaluateOption(ctx: Context, option: LifecycleOption, optionIndex: number, ledger?: SegmentSink): OptionRun {
  const { periods, ppy } = ctx;
  const H = ctx.doc.horizonYears;
  const volumes = optionVolumes(ctx, option);
  const { uses, patients } = volumes;
  const items = option.items;
  const perUnd: bigint[] = new Array<bigint>(periods + 1).fill(0n);
  const perDisc: bigint[] = new Array<bigint>(periods + 1).fill(0n);
  // Per item: occurrences and exact totals.
  const itemCount: number[] = new Array<number>(items.length).fill(0);
  const itemUndAll: bigint[] = new Array<bigint>(items.length).fill(0n);
  const itemDiscAll: bigint[] = new Array<bigint>(items.length).fill(0n);
  const acquisitions: { itemId: string; period: number; amount: bigint }[] = [];
  let cashFlows = 0;

  const residualItems: number[] = [];
  items.forEach((item, j) => {
    if (item.kind === "residual-value") {
      residualItems.push(j);
      return;
    }
    const plan = planItem(ctx, option, optionIndex, j, volumes);
    const occ = plan.occ;
    const n = occ.periods.length;
    let itemUnd = 0n;
    let itemDisc = 0n;
    for (let k = 0; k < n; k++) {
      const p = occ.periods[k]!;
      const und = plan.valueAt(p).und;
      const disc = discounted(und, ctx.dfFixed[p]!);
      perDisc[p] = perDisc[p]! + disc;
      itemUnd += und;
      itemDisc += disc;
      perUnd[p] = perUnd[p]! + und;
      if (item.kind === "acquisition") acquisitions.push({ itemId: item.id, period: p, amount: und });
    }
    ledger?.(j, n);
    cashFlows += n;
    itemCount[j] = n;
    itemUndAll[j] = itemUnd;
    itemDiscAll[j] = itemDisc;
  });

  // Residual value: a credit at the end of the horizon (t = H), after every purchase is known.
  for (const j of residualItems) {
    const item = option.items[j]!;
    const source = sourceOf(item);
    const lines: { qty: Fixed; uc: Fixed; note: string }[] = [];
    if (item.unitCost !== undefined) {
      const c = baseUnitCost(ctx, item, item.unitCost, optionIndex, j);
      const uc = mulFixed(c, escalationFixed(ctx, item.escalationRate)[H]!);
      lines.push({
        qty: quotientFixed(exactFixed(ctx, item.quantity), item.quantityUnit === "minute" ? 60 : 1),
        uc: { m: -uc.m, s: uc.s },
        note: "stated residual value, booked as a credit at the end of the horizon",
      });
    } else {
      const life = option.serviceLifeYears! * ppy;
      // The last purchase of each acquisition item, depreciated straight-line over the service life.
      const last = new Map<string, { period: number; amount: bigint }>();
      for (const a of acquisitions) last.set(a.itemId, a);
      for (const [itemId, a] of last) {
        const unexpired = life - (periods - a.period + 1);
        if (unexpired <= 0) continue;
        lines.push({
          qty: quotientFixed({ m: BigInt(unexpired), s: 0 }, life),
          uc: { m: -a.amount, s: LEDGER_SCALE },
          note: `straight-line residual of "${itemId}" bought in period ${a.period}: ${unexpired} of ${life} ${ppy === 12 ? "months" : "years"} of life unexpired`,
        });
      }
      if (lines.length === 0) lines.push({ qty: { m: 0n, s: 0 }, uc: { m: 0n, s: 0 }, note: "straight-line residual: no unexpired life at the end of the horizon" });
    }
    const rows: LifecycleLedgerRow[] = [];
    let itemUnd = 0n;
    let itemDisc = 0n;
    for (const line of lines) {
      const und = mulToLedger(line.qty, line.uc);
      const disc = discounted(und, ctx.dfHorizonFixed);
      itemUnd += und;
      itemDisc += disc;
      perUnd[periods] = perUnd[periods]! + und;
      perDisc[periods] = perDisc[periods]! + disc;
      if (ledger) rows.push(rowOf(ctx, option, item, periods, ctx.tHorizonText, ctx.dfHorizonText, { ...line, und }, disc, line.note, source));
    }
    ledger?.(j, rows.length, rows);
    cashFlows += lines.length;
    itemCount[j] = lines.length;
    itemUndAll[j] = itemUnd;
    itemDiscAll[j] = itemDisc;
  }

  const cumUnd: bigint[] = [0n];
  const cumDisc: bigint[] = [0n];
  let runUnd = 0n;
  let runDisc = 0n;
  for (let p = 1; p <= periods; p++) {
    runUnd += perUnd[p]!;
    runDisc += perDisc[p]!;
    cumUnd.push(runUnd);
    cumDisc.push(runDisc);
  }
  ctx.breakdowns?.record(optionIndex, { cumUnd, cumDisc, itemUnd: itemUndAll, itemDisc: itemDiscAll, itemCount });
  return { cumUnd, cumDisc, runUnd, runDisc, cashFlows, patients, uses };
}

/**
 * An option's net present cost alone, in ledger units (a run that reads the totals alone, without the ledger):
 * the sum of the present values {@link evaluateOption} sums, without its sums by period and item. An item of
 * the same value in every period of the horizon (most per-patient and per-use items) has its present value
 * looked up by that value, once per distinct amount: options share most of them. Its cumulative flows by
 * period are left empty. An option with a residual value (which depends on its purchases) is costed by
 * {@link evaluateOption}.
 */
function presentCostOf(ctx: Context, option: LifecycleOption, optionIndex: number): OptionRun {
  const volumes = optionVolumes(ctx, option);
  let total = 0n;
  for (let j = 0; j < option.items.length; j++) {
    if (option.items[j]!.kind === "residual-value") return evaluateOption(ctx, option, optionIndex);
    const plan = planItem(ctx, option, optionIndex, j, volumes);
    const periods = plan.occ.periods;
    const und = plan.valueAt(1).und;
    // The same amount in every period of the horizon: its present value is looked up.
    const shared = plan.occ === ctx.everyPeriod && periods.every((p) => plan.valueAt(p).und === und);
    let pv = shared ? ctx.presentByAmount.get(und) : undefined;
    if (pv === undefined) {
      pv = periods.reduce((sum, p) => sum + discounted(plan.valueAt(p).und, ctx.dfFixed[p]!), 0n);
      if (shared) ctx.presentByAmount.set(und, pv);
    }
    total += pv;
  }
  return { cumUnd: [], cumDisc: [], runUnd: 0n, runDisc: total, cashFlows: 0, ...volumes };
}

/** An amount discounted by a factor, both in ledger units: round₂₀(amount × DF). */
function discounted(und: bigint, f: Fixed): bigint {
  return roundToLedger(und * f.m, LEDGER_SCALE + f.s);
}

/** An option's result (without its payback) from its costed run. */
function optionResult(ctx: Context, option: LifecycleOption, optionIndex: number, isComparator: boolean, run: OptionRun): Omit<LifecycleOptionResult, "payback"> {
  const { runUnd, runDisc, cashFlows, uses, patients } = run;
  const H = ctx.doc.horizonYears;
  const breakdowns = ctx.breakdowns;
  const cycles = option.serviceLifeYears !== undefined ? Math.ceil(H / option.serviceLifeYears) : 1;
  return {
    optionId: option.id,
    name: option.name,
    ...(option.supplier !== undefined ? { supplier: option.supplier } : {}),
    isComparator,
    undiscounted: computedMoney(fixedString(runUnd), ctx.currency),
    presentCost: computedMoney(fixedString(runDisc), ctx.currency),
    equivalentAnnualCost: computedMoney(decString(toLedgerScale(unitsDec(runDisc).div(ctx.annuity))), ctx.currency),
    perUse: unitCostOf(ctx, uses, runUnd, runDisc),
    perPatient: unitCostOf(ctx, patients, runUnd, runDisc),
    byKind: breakdowns !== undefined ? breakdowns.byKind(optionIndex) : [],
    byItem: breakdowns !== undefined ? breakdowns.byItem(optionIndex) : [],
    byPeriod: breakdowns !== undefined ? breakdowns.byPeriod(optionIndex) : [],
    cycles,
    cashFlows,
  };
}

function paybackOf(ctx: Context, option: readonly bigint[], comparator: readonly bigint[]): LifecyclePayback {
  for (let p = 1; p <= ctx.periods; p++) {
    if (comparator[p]! >= option[p]!) return { status: "paid-back", period: p, periodStart: ctx.start[p]! };
  }
  return { status: "never" };
}

/**
 * Evaluates a lifecycle cost document exactly: every cash flow of every option over the horizon,
 * discounted under the document's schedule and timing, with whole-life cost, net present cost, equivalent
 * annual cost, cost per use and per patient, totals by kind, item and period, payback against the
 * comparator, and (unless `{ ledger: false }`) the ledger of every cash flow.
 *
 * Formulas (see docs/methods/lifecycle.md):
 * - flow = round₂₀(quantity × unitCost × index[base]/index[priceYear] × (1+g)^(year−1));
 *   present value = round₂₀(flow × DF(t)) with DF from the schedule (Green Book Annex A6; NICE PMG36 §4.5).
 * - whole-life cost = Σ flows; net present cost (NPC) = Σ present values: exact sums of the ledger.
 * - EAC = NPC ÷ Σ_{y=1..H} DF(t_y); for a constant rate r and end-of-year timing this is the textbook
 *   `NPC × r / (1 − (1+r)^−H)` (capital recovery factor; Green Book Annex A6).
 * - cost per use = NPC ÷ Σ uses_t × DF(t) (levelised); undiscounted: whole-life cost ÷ Σ uses_t.
 * - payback: first period whose cumulative saving against the comparator is ≥ 0, else "never".
 *
 * Validates the document first ({@link parseLifecycleDocument}); the input is never changed.
 *
 * @param input - a lifecycle document (as JSON or already parsed)
 * @param options - `{ ledger: false }` leaves out the ledger rows (the totals are identical)
 * @throws VbpInputError listing every problem with the document
 * @example
 * ```ts
 * const r = evaluateLifecycle({
 *   currency: "GBP", priceBaseDate: "2026-04-01", horizonYears: 2, discounting: { schedule: "nice-3.5" },
 *   options: [{ id: "a", name: "A", items: [{ id: "svc", kind: "maintenance", label: "Service", unitCost: "1035" }] }],
 * });
 * r.options[0].undiscounted.amount; //=> "2070"
 * r.options[0].presentCost.amount;  //=> "2035" (1035 + 1035/1.035)
 * ```
 */
export function evaluateLifecycle(input: LifecycleDocumentInput, options: EvaluateLifecycleOptions = {}): LifecycleResult {
  return evaluateValidatedLifecycle(parseLifecycleDocument(input), options);
}

/**
 * Like {@link evaluateLifecycle}, but returns the document's issues instead of throwing.
 *
 * @example
 * ```ts
 * const r = safeEvaluateLifecycle(json, { ledger: false });
 * if (r.success) show(r.data.options); else r.error.issues.map(formatIssue);
 * ```
 */
export function safeEvaluateLifecycle(input: LifecycleDocumentInput, options: EvaluateLifecycleOptions = {}): SafeResult<LifecycleResult> {
  const doc = safeParseLifecycleDocument(input);
  return doc.success ? { success: true, data: evaluateValidatedLifecycle(doc.data, options) } : doc;
}

/**
 * @internal The engine on a document already returned by parseLifecycleDocument (no second validation).
 * `breakdown: false` leaves the totals by kind, item and period empty (a caller that reads the totals alone).
 * `totals` hears each option's net present cost and discounted cost per patient in ledger units (the
 * figures of the result); with `breakdown: false` as well, the caller reads those alone and gets no option
 * results (an empty list) and no ledger.
 */
export function evaluateValidatedLifecycle(
  doc: LifecycleDocument,
  options: EvaluateLifecycleOptions & { readonly breakdown?: boolean; readonly onOption?: ((done: number) => void) | undefined; readonly totals?: (optionIndex: number, presentCost: bigint, perPatient: bigint | undefined) => void } = {},
): LifecycleResult {
  const totals = options.totals;
  // The totals alone: each option's present cost (see presentCostOf), and nothing kept for a payback or a ledger.
  const totalsOnly = totals !== undefined && options.breakdown === false;
  const ctx = compileContext(doc, !totalsOnly && (options.ledger ?? true), options.breakdown);
  const comparatorIndex = doc.comparatorId === undefined ? -1 : doc.options.findIndex((o) => o.id === doc.comparatorId);
  const ledger = ctx.ledger;
  // The comparator is costed first (every payback needs it); its ledger rows take their place in document order.
  const comparatorSegments: Parameters<SegmentSink>[] = [];
  const comparator =
    comparatorIndex >= 0 && !totalsOnly
      ? evaluateOption(ctx, doc.options[comparatorIndex]!, comparatorIndex, ledger && ((...segment) => comparatorSegments.push(segment)))
      : undefined;
  const results: LifecycleOptionResult[] = [];
  doc.options.forEach((option, i) => {
    if (i === comparatorIndex) for (const segment of comparatorSegments) ledger?.add(i, ...segment);
    const run = totalsOnly
      ? presentCostOf(ctx, option, i)
      : i === comparatorIndex && comparator !== undefined
        ? comparator
        : evaluateOption(ctx, option, i, ledger && ((item, count, rows) => ledger.add(i, item, count, rows)));
    totals?.(i, run.runDisc, perVolume(ctx, run.patients, run.runDisc));
    if (!totalsOnly) {
      const result = optionResult(ctx, option, i, i === comparatorIndex, run);
      if (comparator === undefined) results.push(result);
      else if (i === comparatorIndex) results.push({ ...result, payback: { undiscounted: { status: "comparator" }, discounted: { status: "comparator" } } });
      else {
        results.push({
          ...result,
          payback: { undiscounted: paybackOf(ctx, run.cumUnd, comparator.cumUnd), discounted: paybackOf(ctx, run.cumDisc, comparator.cumDisc) },
        });
      }
    }
    options.onOption?.(i + 1);
  });
  const series = doc.indexation;
  return {
    currency: doc.currency,
    priceBaseDate: doc.priceBaseDate,
    priceBaseYear: ctx.baseYear,
    horizonYears: doc.horizonYears,
    period: doc.period,
    periods: ctx.periods,
    discounting: { schedule: resolveSchedule(doc.discounting.schedule), timing: { ...doc.discounting.timing }, annuityFactor: decString(ctx.annuity) },
    ...(series !== undefined
      ? { indexation: { id: series.id, label: series.label, baseYear: ctx.baseYear, ...(series.source !== undefined ? { source: toSource(series.source) } : {}) } }
      : {}),
    ...(doc.comparatorId !== undefined ? { comparatorId: doc.comparatorId } : {}),
    ledgerScale: LEDGER_SCALE,
    options: results,
    ...(ledger !== undefined ? { ledger: compactLedger(ctx, ledger) } : {}),
  };
}
