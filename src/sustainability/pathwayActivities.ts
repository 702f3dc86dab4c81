import { Dec, decString } from "../_lib/decimal.js";
import { VbpInputError } from "../errors/VbpInputError.js";
import type { VbpIssue } from "../errors/issue.js";
import type { Source } from "../reference/source.js";
import type { PerPatientQuantity, StatedFactor } from "./inputTypes.js";

/**
 * The part of a pathway ledger line this module reads: which option, what was measured, which resource item,
 * and the expected quantity per patient (`quantity × weight`). A `LedgerEntry` from a pathway result fits.
 *
 * @example
 * ```ts
 * const row: PathwayActivityRow = { optionId: "device-a", measure: "cost", itemId: "bed-day", quantity: "4", weight: "0.95" };
 * ```
 */
export interface PathwayActivityRow {
  /** Option the line belongs to. */
  readonly optionId: string;
  /** What the line measures; only `"cost"` lines carry resource use. */
  readonly measure: string;
  /** Resource item id, e.g. `"bed-day"`, `"theatre-hour"`, `"outpatient-visit"`. */
  readonly itemId: string;
  /** Quantity of the item (decimal string). */
  readonly quantity: string;
  /** Probability or occupancy weight (decimal string). */
  readonly weight: string;
}

/**
 * kgCO2e per unit of one pathway activity, supplied by the caller with its source.
 *
 * @example
 * ```ts
 * const bedDay: PathwayActivityFactor = { kgCO2ePerUnit: "30", unit: "bed day", source: { publisher: "Trust", title: "Estates carbon per bed day", publishedOn: "2025-04-01" } };
 * ```
 */
export interface PathwayActivityFactor {
  /** kgCO2e per unit of activity (decimal string, ≥ 0). */
  readonly kgCO2ePerUnit: string;
  /** Unit of the activity (default `"activity"`). */
  readonly unit?: string;
  /** Where the figure comes from. */
  readonly source?: Source;
}

/**
 * A `pathway` activity line for {@link carbonFootprint}: expected count per patient × kgCO2e per unit.
 *
 * @example
 * ```ts
 * const line: PathwayCarbonActivity = { id: "bed-day", source: "bed-day", quantity: { perPatient: "3.8" }, unit: "bed day", factor: { kgCO2ePerUnit: "30" } };
 * ```
 */
export interface PathwayCarbonActivity {
  /** Line id (the pathway item id). */
  readonly id: string;
  /** Emission source (the pathway item id). */
  readonly source: string;
  /** Expected count per patient over the pathway. */
  readonly quantity: PerPatientQuantity;
  /** Unit of the activity. */
  readonly unit: string;
  /** The caller's factor. */
  readonly factor: StatedFactor;
}

/**
 * Turns a pathway result's ledger into `pathway` activity lines for {@link carbonFootprint}: for each item the
 * caller gives a factor for, the expected count per patient `Σ quantity × weight` over the option's cost lines
 * for that item. Items without a factor are ignored (they carry no carbon here).
 *
 * The counts are per patient over the whole pathway; {@link carbonFootprint} multiplies them by
 * `patientsPerYear` and attributes them to the year patients start, a stated simplification for pathways that
 * run over several years.
 *
 * @throws VbpInputError when a factor is not a decimal ≥ 0 or a row's quantity or weight is not a decimal
 * @example
 * ```ts
 * const lines = pathwayCarbonActivities(
 *   [{ optionId: "a", measure: "cost", itemId: "bed-day", quantity: "4", weight: "0.95" },
 *    { optionId: "a", measure: "cost", itemId: "bed-day", quantity: "2", weight: "0.1" }],
 *   "a", { "bed-day": { kgCO2ePerUnit: "30", unit: "bed day" } });
 * lines[0]!.quantity.perPatient; //=> "4"  (4 × 0.95 + 2 × 0.1)
 * ```
 */
export function pathwayCarbonActivities(
  ledger: readonly PathwayActivityRow[],
  optionId: string,
  factors: Readonly<Record<string, PathwayActivityFactor>>,
): readonly PathwayCarbonActivity[] {
  const issues: VbpIssue[] = [];
  const parsed = new Map<string, Dec>();
  for (const [item, f] of Object.entries(factors)) {
    let d: Dec | undefined;
    try {
      d = new Dec(f.kgCO2ePerUnit);
    } catch {
      d = undefined;
    }
    if (d === undefined || !d.isFinite() || d.isNegative()) issues.push({ code: "invalid_value", path: ["factors", item, "kgCO2ePerUnit"], message: `must be a decimal ≥ 0, got ${JSON.stringify(f.kgCO2ePerUnit)}` });
    else parsed.set(item, d);
  }
  const counts = new Map<string, Dec>();
  ledger.forEach((row, i) => {
    if (row.optionId !== optionId || row.measure !== "cost" || !Object.prototype.hasOwnProperty.call(factors, row.itemId)) return;
    try {
      const q = new Dec(row.quantity).times(row.weight);
      if (!q.isFinite()) throw new Error("not finite");
      counts.set(row.itemId, (counts.get(row.itemId) ?? new Dec(0)).plus(q));
    } catch {
      issues.push({ code: "invalid_value", path: ["ledger", i], message: `quantity and weight must be decimals, got ${JSON.stringify(row.quantity)} and ${JSON.stringify(row.weight)}` });
    }
  });
  if (issues.length > 0) throw new VbpInputError(issues);
  return Object.freeze(
    [...counts].map(([item, count]) => {
      const f = factors[item]!;
      return Object.freeze({
        id: item,
        source: item,
        quantity: Object.freeze({ perPatient: decString(count) }),
        unit: f.unit ?? "activity",
        factor: Object.freeze({ kgCO2ePerUnit: decString(parsed.get(item)!), ...(f.source !== undefined ? { source: f.source } : {}) }),
      });
    }),
  );
}
