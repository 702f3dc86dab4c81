/**
 * Builds each module's own typed input from the (validated) evaluation document, and translates issue paths
 * in those inputs back into the evaluation document. The parts are built from values the document's one
 * validation pass already parsed (its pieces are the modules' own schema pieces), so they are the modules'
 * parsed types and go to their internal, non-validating entry points.
 *
 * @internal
 * @module
 */
import type { VbpPath } from "../../errors/issue.js";
import { resolveDiscountTiming } from "../../schema/resolve.js";
import type { PassFailRecord, Tender, TenderOption } from "../../scoring/tender.js";
import type { PathwayModel } from "../../pathway/model.js";
import type { LifecycleCostItem, LifecycleDocument, LifecycleOption } from "../../lifecycle/document.js";
import type { CarbonInput, SocialValueInput } from "../../sustainability/inputTypes.js";
import type { EvaluationDocument, EvaluationOption } from "../document.js";

/** Item id of the lifecycle line generated from `price × unitsPerPatient`. */
export const BID_ITEM_ID = "bid-price";

/** The pathway module's model: the shared pathway plus each option's effects and extra costs. */
export function buildPathwayModel(doc: EvaluationDocument, options: readonly EvaluationOption[] = doc.options): PathwayModel {
  return {
    ...doc.pathway,
    currency: doc.currency,
    options: options.map((o) => ({
      id: o.id,
      label: o.label,
      ...(o.isComparator === true ? { isComparator: true } : {}),
      ...(o.effects !== undefined ? { effects: o.effects } : {}),
      ...(o.extraCosts !== undefined ? { extraCosts: o.extraCosts } : {}),
    })),
    discounting: doc.discounting,
    volumes: { patientsPerYear: doc.patientsPerYear, years: doc.horizonYears },
  } as unknown as PathwayModel;
}

/** Where a lifecycle option came from: its index in the evaluation document, and whether item 0 is the bid line. */
export interface LifecycleIndex {
  readonly optionIndex: number;
  readonly bidLine: boolean;
}

type BuiltLifecycle = { doc?: LifecycleDocument; indexes: readonly LifecycleIndex[] };

/** Lifecycle documents built while validating, each taken once by the lifecycle stage (not built twice). */
const builtLifecycle = /* @__PURE__ */ new WeakMap<EvaluationDocument, BuiltLifecycle>();

/**
 * The lifecycle module's document (only options with lifecycle costs), or undefined when no option has any.
 * `keep`: kept for the next call with the same document (which takes it).
 */
export function buildLifecycleDocument(doc: EvaluationDocument, keep?: boolean): BuiltLifecycle {
  const built = builtLifecycle.get(doc) ?? buildLifecycle(doc);
  if (keep === true) builtLifecycle.set(doc, built);
  else builtLifecycle.delete(doc);
  return built;
}

function buildLifecycle(doc: EvaluationDocument): BuiltLifecycle {
  const indexes: LifecycleIndex[] = [];
  const options: LifecycleOption[] = [];
  let comparatorIncluded: string | undefined;
  doc.options.forEach((o, i) => {
    const bid = o.unitsPerPatient !== undefined && o.price !== undefined;
    const items = o.lifecycle?.items ?? [];
    if (!bid && items.length === 0) return;
    indexes.push({ optionIndex: i, bidLine: bid });
    if (o.isComparator === true) comparatorIncluded = o.id;
    // The bid line in its parsed form (the lifecycle item schema's defaults written out).
    const bidLine: LifecycleCostItem | undefined = bid
      ? ({ id: BID_ITEM_ID, kind: "consumable", label: "Product at the bid price × units per patient", unitCost: o.price, quantity: o.unitsPerPatient, quantityUnit: "unit", basis: "per-patient", escalationRate: "0", source: "Bid price" } as LifecycleCostItem)
      : undefined;
    options.push({
      id: o.id,
      name: o.label,
      supplier: o.supplier,
      ...(o.lifecycle?.serviceLifeYears !== undefined ? { serviceLifeYears: o.lifecycle.serviceLifeYears } : {}),
      items: bidLine !== undefined ? [bidLine, ...(items as readonly LifecycleCostItem[])] : (items as readonly LifecycleCostItem[]),
    });
  });
  if (options.length === 0) return { indexes };
  return {
    doc: {
      currency: doc.currency,
      priceBaseDate: doc.priceBaseDate,
      horizonYears: doc.horizonYears,
      period: "year",
      discounting: { schedule: (doc.discounting.costs ?? "nice-3.5") as LifecycleDocument["discounting"]["schedule"], timing: resolveDiscountTiming(doc.discounting.timing) },
      volumes: { patientsPerYear: doc.patientsPerYear },
      ...(comparatorIncluded !== undefined ? { comparatorId: comparatorIncluded } : {}),
      options,
    },
    indexes,
  };
}

/** The carbon module's input: every option, with the document's patient volume. */
export function buildCarbonInput(doc: EvaluationDocument): CarbonInput {
  return {
    startYear: Number(doc.priceBaseDate.slice(0, 4)),
    horizonYears: doc.horizonYears,
    ...(doc.carbon?.factorYearRule !== undefined ? { factorYearRule: doc.carbon.factorYearRule } : {}),
    ...(doc.carbon?.factors !== undefined ? { factors: doc.carbon.factors } : {}),
    options: doc.options.map((o) => ({ id: o.id, label: o.label, patientsPerYear: doc.patientsPerYear, ...(o.carbon ?? {}) })),
  } as unknown as CarbonInput;
}

/** The social value module's input for one option: the buyer's framework with the option's commitments. */
export function buildSocialValueInput(doc: EvaluationDocument, option: EvaluationOption | undefined): SocialValueInput {
  return { ...doc.socialValue, commitments: option?.socialValue?.commitments ?? [] } as unknown as SocialValueInput;
}

/** Indexes (in the evaluation document) of the options scored in the tender: every option but the comparator. */
export function tenderOptionIndexes(doc: EvaluationDocument): readonly number[] {
  return [...doc.options.keys()].filter((i) => doc.options[i]!.isComparator !== true);
}

/** `{ ...a, ...b }`, made by assignment (faster at catalogue scale); a `__proto__` key is spread, as it must stay a key. */
function merged(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): Record<string, string> {
  const v: Record<string, string> = {};
  for (const from of [a, b]) {
    for (const k of Object.keys(from)) {
      if (k === "__proto__") return { ...a, ...b };
      v[k] = from[k]!;
    }
  }
  return v;
}

/** The scoring module's tender: the non-comparator options with their raw values, and the pass/fail records. */
export function buildTender(doc: EvaluationDocument, values: ReadonlyMap<string, Readonly<Record<string, string>>>, gateRecords: readonly PassFailRecord[] = []): Tender {
  const t = doc.tender;
  const passFail = [...(t.passFail ?? []), ...gateRecords];
  return {
    criteria: t.criteria,
    ...(t.lots !== undefined ? { lots: t.lots } : {}),
    ...(t.evaluatorScores !== undefined ? { evaluatorScores: t.evaluatorScores } : {}),
    ...(t.consensus !== undefined ? { consensus: t.consensus } : {}),
    ...(passFail.length > 0 ? { passFail } : {}),
    ...(t.gates !== undefined ? { gates: t.gates } : {}),
    settings: { currency: doc.currency as NonNullable<Tender["settings"]>["currency"] & string, ...(t.settings ?? {}) },
    options: tenderOptionIndexes(doc).map((i) => {
      const o = doc.options[i]!;
      // The document's values and the metrics' (read only by scoring, so one of them alone is not copied).
      const m = values.get(o.id);
      const v = o.values === undefined || m === undefined ? (o.values ?? m ?? {}) : merged(o.values, m);
      const option: { -readonly [K in keyof TenderOption]: TenderOption[K] } = { id: o.id, supplier: o.supplier, label: o.label };
      if (o.price !== undefined) option.price = o.price;
      if (o.lot !== undefined) option.lot = o.lot;
      if (Object.keys(v).length > 0) option.values = v;
      return option;
    }),
  };
}

/** Pathway-model path → evaluation-document path. */
export function mapPathwayPath(p: VbpPath): VbpPath {
  const [head, ...rest] = p;
  if (head === "options") return ["options", ...rest];
  if (head === "discounting" || head === "currency") return p;
  if (head === "volumes") return ["patientsPerYear"];
  return ["pathway", ...p];
}

/** Lifecycle-document path → evaluation-document path. */
export function mapLifecyclePath(p: VbpPath, indexes: readonly LifecycleIndex[]): VbpPath {
  const [head, j, key, k, ...rest] = p;
  if (head === "options" && typeof j === "number") {
    const at = indexes[j];
    if (at === undefined) return ["options"];
    const base = ["options", at.optionIndex];
    if (key === "items" && typeof k === "number") {
      if (at.bidLine && k === 0) return [...base, rest[0] === "unitCost" ? "price" : "unitsPerPatient"];
      return [...base, "lifecycle", "items", at.bidLine ? k - 1 : k, ...rest];
    }
    if (key === "serviceLifeYears" || key === "items") return [...base, "lifecycle", key, ...(k !== undefined ? [k, ...rest] : [])];
    if (key === "name") return [...base, "label"];
    return [...base, ...p.slice(2)];
  }
  if (head === "discounting") return key === undefined && j === "schedule" ? ["discounting", "costs"] : j === "schedule" ? ["discounting", "costs", ...p.slice(2)] : p;
  if (head === "volumes") return ["patientsPerYear"];
  if (head === "comparatorId") return ["options"];
  return p;
}

/** Carbon-input path → evaluation-document path. */
export function mapCarbonPath(p: VbpPath): VbpPath {
  const [head, j, key, ...rest] = p;
  if (head === "options" && typeof j === "number") {
    if (key === undefined || key === "id" || key === "label") return ["options", j, ...(key !== undefined ? [key] : [])];
    if (key === "patientsPerYear" || key === "usesPerYear") return ["patientsPerYear"];
    return ["options", j, "carbon", key, ...rest];
  }
  if (head === "startYear") return ["priceBaseDate"];
  if (head === "factors" || head === "factorYearRule") return ["carbon", ...p];
  return p;
}

/** Tender path → evaluation-document path. */
export function mapTenderPath(p: VbpPath, indexes: readonly number[], ownPassFail = Number.POSITIVE_INFINITY): VbpPath {
  const [head, k, ...rest] = p;
  if (head === "options" && typeof k === "number") return ["options", indexes[k] ?? k, ...rest];
  if (head === "passFail" && typeof k === "number" && k >= ownPassFail) return ["criterionGates"];
  return ["tender", ...p];
}
