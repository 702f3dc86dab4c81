import { Dec } from "../_lib/decimal.js";
import { globalWeights } from "../scoring/criteria.js";
import type { Criterion } from "../scoring/criteria.js";
import type { VbpIssue } from "../errors/issue.js";
import { VbpInputError } from "../errors/VbpInputError.js";

/**
 * The OCDS award criteria breakdown extension's `AwardCriteria` object (on a lot, or lot group), as
 * published by e-tendering platforms; it corresponds to eForms BG-707 (Award Criteria). Field names follow
 * the extension's release schema (open-contracting-extensions/ocds_awardCriteriaBreakdown_extension).
 *
 * @category Interop
 * @example
 * ```ts
 * const ac: OcdsAwardCriteria = { criteria: [{ type: "price", name: "Price", numbers: [{ number: 40, weight: "percentageExact" }] }] };
 * ```
 */
export interface OcdsAwardCriteria {
  /** When the weighting cannot be expressed per criterion: the equation or description that expresses it. */
  readonly weightingDescription?: string | null;
  /** Justification for giving only the criteria's order of importance, not their weighting. */
  readonly orderJustification?: string | null;
  /** The award criteria. */
  readonly criteria?: readonly OcdsAwardCriterion[];
}

/**
 * One OCDS award criterion: its type (`price`, `cost` or `quality`, an open codelist), name, description
 * and the numbers linked to it (weights, fixed values, thresholds).
 *
 * @category Interop
 * @example
 * ```ts
 * const c: OcdsAwardCriterion = { type: "quality", name: "Ease of use", numbers: [{ number: 15, weight: "percentageExact" }] };
 * ```
 */
export interface OcdsAwardCriterion {
  /** The aspect of the bid the criterion concerns: `price`, `cost` or `quality` (open codelist). */
  readonly type?: string | null;
  /** Name. */
  readonly name?: string | null;
  /** Description. */
  readonly description?: string | null;
  /** Numbers linked to the criterion. */
  readonly numbers?: readonly OcdsCriterionNumber[];
}

/**
 * A number linked to an award criterion: a weight (percentage, decimal, points or order of importance), a
 * fixed value, or a threshold.
 *
 * @category Interop
 * @example
 * ```ts
 * const n: OcdsCriterionNumber = { number: 40, weight: "percentageExact" };
 * ```
 */
export interface OcdsCriterionNumber {
  /** The number. */
  readonly number?: number | null;
  /** What kind of weight the number is (closed codelist criterionWeight). */
  readonly weight?: "percentageExact" | "percentageRangeMiddle" | "decimalExact" | "decimalRangeMiddle" | "pointsExact" | "pointsRangeMiddle" | "order" | null;
  /** Whether the number is a fixed value (closed codelist awardCriterionFixed). */
  readonly fixed?: "total" | "unit" | null;
  /** Whether the number is a threshold (closed codelist criterionThreshold). */
  readonly threshold?: "minimumScore" | "maximumBids" | null;
}

const COST_TAGS = new Set(["whole-life-cost", "cost", "lifecycle-cost"]);

function ocdsType(c: Criterion, ancestors: readonly Criterion[]): "price" | "cost" | "quality" {
  if (c.kind === "price") return "price";
  const tags = [c, ...ancestors].map((x) => (x as { tag?: string }).tag).filter((t): t is string => t !== undefined);
  if (c.kind === "quantitative" && (tags.some((t) => COST_TAGS.has(t)) || /cost/i.test(c.unit ?? ""))) return "cost";
  return "quality";
}

/**
 * Exports a tender's criteria and weights as an OCDS award criteria object: one criterion per scored leaf
 * criterion, with its weight in the whole tender as `percentageExact` (the product of the local weights from
 * the root down) and its type — `price` for price criteria, `cost` for quantitative criteria on a cost (unit
 * or group tagged whole-life-cost), `quality` otherwise. Pass/fail criteria are listed with no weight (their
 * description says so). The weights sum to 100.
 *
 * @param criteria - the tender's criteria tree
 * @category Interop
 * @example
 * ```ts
 * toOcdsAwardCriteria([
 *   { id: "q", label: "Quality", kind: "qualitative", weight: "60", scale: "nhs-vbp-5" },
 *   { id: "p", label: "Price", kind: "price", weight: "40", formula: { formula: "relative-to-lowest" } },
 * ]).criteria?.map((c) => [c.type, c.numbers?.[0]?.number]);
 * //=> [["quality", 60], ["price", 40]]
 * ```
 */
export function toOcdsAwardCriteria(criteria: readonly Criterion[]): OcdsAwardCriteria {
  const weights = new Map(globalWeights(criteria).map((w) => [w.id, w.globalWeight]));
  const out: OcdsAwardCriterion[] = [];
  const walk = (nodes: readonly Criterion[], ancestors: readonly Criterion[]) => {
    for (const c of nodes) {
      if (c.kind === "group") {
        walk(c.children, [c, ...ancestors]);
        continue;
      }
      const description = (c as { description?: string }).description;
      const path = [...ancestors].reverse().map((a) => a.label);
      if (c.kind === "pass-fail") {
        out.push({ type: "quality", name: c.label, description: `Pass/fail: a bid that fails is excluded.${description !== undefined ? ` ${description}` : ""}` });
        continue;
      }
      const w = weights.get(c.id) ?? "0";
      out.push({
        type: ocdsType(c, ancestors),
        name: c.label,
        ...(description !== undefined || path.length > 0 ? { description: [path.length > 0 ? `Under ${path.join(" › ")}.` : "", description ?? ""].filter((s) => s !== "").join(" ") } : {}),
        numbers: [{ number: Number(w), weight: "percentageExact" }],
      });
    }
  };
  walk(criteria, []);
  return { criteria: out };
}

/**
 * Criteria imported from OCDS award criteria, and the defaults the import chose where OCDS says nothing
 * (a price formula, a quality scale, a cost value function): review them before the tender is published.
 *
 * @category Interop
 * @example
 * ```ts
 * const release = { tender: { lots: [{ awardCriteria: { criteria: [
 *   { type: "quality", name: "Service quality", numbers: [{ number: 60, weight: "percentageExact" }] },
 *   { type: "price", name: "Price", numbers: [{ number: 40, weight: "percentageExact" }] },
 * ] } }] } };
 * const { criteria, assumptions } = fromOcdsAwardCriteria(release.tender.lots[0].awardCriteria);
 * criteria.map((c) => [c.kind, c.weight]); //=> [["qualitative", "60"], ["price", "40"]]
 * assumptions.length; //=> 2 (each default chosen, in words: review them)
 * ```
 */
export interface ImportedOcdsCriteria {
  /** The criteria, flat, with weights in percent (summing to 100). */
  readonly criteria: readonly Criterion[];
  /** Each default chosen, in words. */
  readonly assumptions: readonly string[];
}

const ID_SAFE = /[^A-Za-z0-9._:-]+/g;

/**
 * Imports OCDS award criteria (the breakdown extension's `AwardCriteria`, eForms BG-707) as tender criteria:
 * `price` → a price criterion (relative to the lowest price), `cost` → a quantitative criterion, lower is
 * better, scored proportionally to the best, `quality` → a qualitative criterion on the NHS VBP five-point
 * scale; weights from `percentageExact`/`percentageRangeMiddle` (as percent) or `decimalExact`/
 * `decimalRangeMiddle`/`pointsExact`/`pointsRangeMiddle` (rescaled to sum to 100). Every default is listed
 * in `assumptions`. Criteria given only an order of importance, a fixed price, or no weight are refused
 * with the path of each problem, since no weighting can be derived from them.
 *
 * @param input - the `awardCriteria` object (parsed JSON)
 * @throws VbpInputError listing every problem with its path
 * @category Interop
 * @example
 * ```ts
 * fromOcdsAwardCriteria({ criteria: [
 *   { type: "quality", name: "Service quality", numbers: [{ number: 50, weight: "percentageExact" }] },
 *   { type: "price", name: "Price", numbers: [{ number: 50, weight: "percentageExact" }] },
 * ] }).criteria.map((c) => c.kind);
 * //=> ["qualitative", "price"]
 * ```
 */
export function fromOcdsAwardCriteria(input: unknown): ImportedOcdsCriteria {
  const issues: VbpIssue[] = [];
  const fail = (path: (string | number)[], message: string, code: VbpIssue["code"] = "invalid_value") => issues.push({ code, path, message });
  if (typeof input !== "object" || input === null || Array.isArray(input)) throw new VbpInputError([{ code: "invalid_type", path: [], message: "must be an OCDS awardCriteria object" }]);
  const list = (input as { criteria?: unknown }).criteria;
  if (!Array.isArray(list) || list.length === 0) throw new VbpInputError([{ code: "invalid_value", path: ["criteria"], message: "must be a non-empty array of award criteria" }]);
  if (list.length > 500) throw new VbpInputError([{ code: "too_big", path: ["criteria"], message: `at most 500 criteria, got ${list.length}` }]);
  const raw: { type: string; name: string; description?: string; weight: Dec; scale: "percent" | "relative" }[] = [];
  list.forEach((c: unknown, i) => {
    if (typeof c !== "object" || c === null) return void fail(["criteria", i], "must be an object", "invalid_type");
    const o = c as OcdsAwardCriterion;
    const type = o.type ?? "quality";
    if (!["price", "cost", "quality"].includes(type)) fail(["criteria", i, "type"], `type "${String(type)}" is not one the library can score (price, cost, quality)`);
    const name = typeof o.name === "string" && o.name.trim() !== "" ? o.name.trim().slice(0, 300) : `Criterion ${i + 1}`;
    const numbers = Array.isArray(o.numbers) ? o.numbers : [];
    const weighted = numbers.map((n, k) => ({ n, k })).filter(({ n }) => n !== null && typeof n === "object" && typeof n.weight === "string");
    if (numbers.some((n) => n?.fixed !== undefined && n.fixed !== null)) fail(["criteria", i, "numbers"], "a fixed price or value cannot be scored as a criterion; leave it out of the import");
    if (weighted.length !== 1) return void fail(["criteria", i, "numbers"], weighted.length === 0 ? "has no weight (a number with weight percentageExact, decimalExact or pointsExact)" : "has more than one weight");
    const { n, k } = weighted[0]!;
    if (n.weight === "order") return void fail(["criteria", i, "numbers", k, "weight"], "an order of importance gives no weights to score with");
    if (typeof n.number !== "number" || !Number.isFinite(n.number) || n.number < 0) return void fail(["criteria", i, "numbers", k, "number"], `must be a finite number ≥ 0, got ${JSON.stringify(n.number)}`);
    const pct = n.weight === "percentageExact" || n.weight === "percentageRangeMiddle";
    raw.push({ type, name, ...(typeof o.description === "string" ? { description: o.description.slice(0, 4000) } : {}), weight: new Dec(String(n.number)), scale: pct ? "percent" : "relative" });
  });
  if (issues.length > 0) throw new VbpInputError(issues);
  const total = raw.reduce((s, r) => s.plus(r.weight), new Dec(0));
  if (total.isZero()) throw new VbpInputError([{ code: "invalid_value", path: ["criteria"], message: "the weights sum to 0" }]);
  const assumptions: string[] = [];
  const allPercent = raw.every((r) => r.scale === "percent");
  if (!allPercent || !total.eq(100)) assumptions.push(`Weights rescaled to sum to 100 (they summed to ${total.toString()}).`);
  const seen = new Map<string, number>();
  const criteria: Criterion[] = raw.map((r, i) => {
    const base = r.name.toLowerCase().replace(ID_SAFE, "-").replace(/^-+|-+$/g, "").slice(0, 60) || `criterion-${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const id = n === 1 ? base : `${base}-${n}`;
    const weight = (allPercent && total.eq(100) ? r.weight : r.weight.times(100).div(total)).toString();
    const common = { id, label: r.name, weight, ...(r.description !== undefined ? { description: r.description } : {}) };
    if (r.type === "price") {
      assumptions.push(`${id}: price scored relative to the lowest price (max × lowest ÷ price); OCDS does not carry the formula.`);
      return { ...common, kind: "price", formula: { formula: "relative-to-lowest" } } as Criterion;
    }
    if (r.type === "cost") {
      assumptions.push(`${id}: cost scored proportionally to the lowest cost (lower is better); map it to a metric with criterionMetrics.`);
      return { ...common, kind: "quantitative", valueFunction: { fn: "proportional-to-best", direction: "lower-is-better" } } as Criterion;
    }
    assumptions.push(`${id}: quality scored on the NHS VBP five-point scale (nhs-vbp-5); OCDS does not carry the scale.`);
    return { ...common, kind: "qualitative", scale: "nhs-vbp-5" } as Criterion;
  });
  return { criteria, assumptions };
}
