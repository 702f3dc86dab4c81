import { VbpInputError } from "../errors/VbpInputError.js";
import type { VbpIssue } from "../errors/issue.js";
import type { Source } from "../reference/source.js";
import { fromZodIssues, parseWith } from "../schema/issues.js";
import type { SupplierEvidence, SustainabilityGateRule } from "./inputTypes.js";
import { getSupplierEvidenceSchema, getSustainabilityGateSchema } from "./schemas.js";
import { NHS_EVERGREEN, NHS_NET_ZERO_SUPPLIER_ROADMAP } from "./sources.js";

/**
 * What a gate rule decides: pass or fail, and why.
 *
 * @example
 * ```ts
 * const d: GateDecision = { pass: true, reason: "ISO 14001 certificate held" };
 * ```
 */
export interface GateDecision {
  /** Whether the supplier passes. */
  readonly pass: boolean;
  /** Why, in words a supplier can act on. */
  readonly reason: string;
}

/**
 * A gate decided by the caller's own function (registration by value): receives the validated evidence,
 * returns pass/fail with a reason.
 *
 * @example
 * ```ts
 * const rule: CustomGateRule = { kind: "custom", evaluate: (ev) => ({ pass: ev.assessments?.["iso14001"] === 1, reason: "ISO 14001 certificate" }) };
 * ```
 */
export interface CustomGateRule {
  /** Marks a function rule. */
  readonly kind: "custom";
  /** Decides the gate; must be pure. */
  readonly evaluate: (evidence: SupplierEvidence) => GateDecision;
}

/**
 * A pass/fail sustainability gate.
 *
 * @example
 * ```ts
 * const g: SustainabilityGate = { id: "crp", label: "Carbon reduction plan published", rule: { kind: "document-published", document: "carbon-reduction-plan" } };
 * ```
 */
export interface SustainabilityGate {
  /** Gate id. */
  readonly id: string;
  /** What the gate requires, in words. */
  readonly label: string;
  /** The rule. */
  readonly rule: SustainabilityGateRule | CustomGateRule;
  /** The policy the gate implements. */
  readonly source?: Source;
}

/**
 * One gate's outcome.
 *
 * @example
 * ```ts
 * const r: SustainabilityGateResult = { gateId: "evergreen-level-1", label: "...", pass: false, reason: "no evergreen assessment level given" };
 * ```
 */
export interface SustainabilityGateResult {
  /** Gate id. */
  readonly gateId: string;
  /** Gate label. */
  readonly label: string;
  /** Whether the supplier passes. */
  readonly pass: boolean;
  /** Why, in words a supplier can act on. */
  readonly reason: string;
  /** The policy the gate implements. */
  readonly source?: Source;
}

/**
 * All gates for one supplier.
 *
 * @example
 * ```ts
 * evaluateSustainabilityGates(ev, NHS_SUSTAINABILITY_GATES).passAll; // true when every gate passes
 * ```
 */
export interface SustainabilityGatesResult {
  /** Supplier id. */
  readonly supplierId: string;
  /** True when every gate passes. */
  readonly passAll: boolean;
  /** One result per gate, in gate order. */
  readonly gates: readonly SustainabilityGateResult[];
}

/**
 * NHS sustainability gates as data, each with its policy source:
 * - `carbon-reduction-plan`: a carbon reduction plan is published (NHS Net Zero Supplier Roadmap: required
 *   for all NHS procurements from April 2024; PPN 06/21 form).
 * - `evergreen-level-1`: Evergreen Sustainable Supplier Assessment maturity level ≥ 1.
 * - `net-zero-commitment`: a net zero commitment is published.
 * Use them as they are, pick some, or write your own with the same shape.
 *
 * @example
 * ```ts
 * NHS_SUSTAINABILITY_GATES.map((g) => g.id); //=> ["carbon-reduction-plan", "evergreen-level-1", "net-zero-commitment"]
 * ```
 */
export const NHS_SUSTAINABILITY_GATES: readonly SustainabilityGate[] = Object.freeze([
  Object.freeze({
    id: "carbon-reduction-plan",
    label: "Carbon reduction plan provided (required for all NHS procurements from April 2024)",
    rule: Object.freeze({ kind: "document-published", document: "carbon-reduction-plan" }),
    source: NHS_NET_ZERO_SUPPLIER_ROADMAP,
  }),
  Object.freeze({
    id: "evergreen-level-1",
    label: "Evergreen Sustainable Supplier Assessment level 1 or above",
    rule: Object.freeze({ kind: "minimum-level", assessment: "evergreen", minimum: 1 }),
    source: NHS_EVERGREEN,
  }),
  Object.freeze({
    id: "net-zero-commitment",
    label: "Net zero commitment published",
    rule: Object.freeze({ kind: "document-published", document: "net-zero-commitment" }),
    source: NHS_NET_ZERO_SUPPLIER_ROADMAP,
  }),
] as const satisfies readonly SustainabilityGate[]);

/**
 * Evaluates pass/fail sustainability gates for one supplier. Data rules: `document-published` (the document
 * is marked published; optionally with a URL and a net zero target year no later than a limit) and
 * `minimum-level` (an assessment level ≥ the minimum). A `custom` rule calls the caller's function.
 * Missing evidence fails the gate with a reason; it is not an input error.
 *
 * @throws VbpInputError for malformed evidence or gates (with paths `evidence…` / `gates[i]…`)
 * @example
 * ```ts
 * const r = evaluateSustainabilityGates({ supplierId: "acme", documents: { "carbon-reduction-plan": { published: true } }, assessments: { evergreen: 0 } }, NHS_SUSTAINABILITY_GATES);
 * r.gates.map((g) => g.pass); //=> [true, false, false]
 * ```
 */
export function evaluateSustainabilityGates(supplierEvidence: SupplierEvidence, gates: readonly SustainabilityGate[]): SustainabilityGatesResult {
  const issues: VbpIssue[] = [];
  const ev = getSupplierEvidenceSchema().safeParse(supplierEvidence, { reportInput: true });
  if (!ev.success) issues.push(...fromZodIssues(ev.error.issues).map((i) => ({ ...i, path: ["evidence", ...i.path] })));
  if (!Array.isArray(gates)) issues.push({ code: "invalid_type", path: ["gates"], message: "must be an array of gates" });
  else {
    const seen = new Set<string>();
    gates.forEach((g, i) => {
      const isCustom = typeof g === "object" && g !== null && typeof g.rule === "object" && g.rule !== null && g.rule.kind === "custom";
      if (isCustom) {
        if (typeof (g.rule as CustomGateRule).evaluate !== "function") issues.push({ code: "invalid_type", path: ["gates", i, "rule", "evaluate"], message: "a custom rule needs an evaluate function" });
      } else {
        const r = getSustainabilityGateSchema().safeParse(g, { reportInput: true });
        if (!r.success) issues.push(...fromZodIssues(r.error.issues).map((x) => ({ ...x, path: ["gates", i, ...x.path] })));
      }
      if (typeof g?.id === "string") {
        if (seen.has(g.id)) issues.push({ code: "duplicate_id", path: ["gates", i, "id"], message: `duplicate gate id "${g.id}"` });
        seen.add(g.id);
      }
    });
  }
  if (issues.length > 0 || !ev.success) throw new VbpInputError(issues);
  return evaluateParsedSustainabilityGates(ev.data, gates);
}

/** @internal {@link evaluateSustainabilityGates} on evidence and gates already validated (no schema pass). */
export function evaluateParsedSustainabilityGates(evidence: SupplierEvidence, gates: readonly SustainabilityGate[]): SustainabilityGatesResult {
  const results = gates.map((g): SustainabilityGateResult => {
    const { pass, reason } = decide(g.rule, evidence);
    return Object.freeze({ gateId: g.id, label: g.label, pass, reason, ...(g.source !== undefined ? { source: g.source } : {}) });
  });
  return Object.freeze({ supplierId: evidence.supplierId, passAll: results.every((r) => r.pass), gates: Object.freeze(results) });
}

function decide(rule: SustainabilityGateRule | CustomGateRule, ev: SupplierEvidence): GateDecision {
  if (rule.kind === "custom") {
    const r = rule.evaluate(ev);
    return { pass: r.pass === true, reason: String(r.reason) };
  }
  if (rule.kind === "minimum-level") {
    const level = ev.assessments !== undefined && Object.prototype.hasOwnProperty.call(ev.assessments, rule.assessment) ? ev.assessments[rule.assessment] : undefined;
    if (level === undefined) return { pass: false, reason: `no ${rule.assessment} assessment level given (minimum ${rule.minimum})` };
    return level >= rule.minimum
      ? { pass: true, reason: `${rule.assessment} level ${level} meets the minimum ${rule.minimum}` }
      : { pass: false, reason: `${rule.assessment} level ${level} is below the minimum ${rule.minimum}` };
  }
  const doc = ev.documents !== undefined && Object.prototype.hasOwnProperty.call(ev.documents, rule.document) ? ev.documents[rule.document] : undefined;
  if (doc === undefined) return { pass: false, reason: `no ${rule.document} provided` };
  if (!doc.published) return { pass: false, reason: `${rule.document} provided but not published` };
  if (rule.requireUrl === true && (doc.url === undefined || doc.url.trim() === "")) return { pass: false, reason: `${rule.document} published but no URL given` };
  if (rule.latestTargetYear !== undefined) {
    if (doc.targetYear === undefined) return { pass: false, reason: `${rule.document} gives no target year (must be ${rule.latestTargetYear} or earlier)` };
    if (doc.targetYear > rule.latestTargetYear) return { pass: false, reason: `${rule.document} target year ${doc.targetYear} is later than ${rule.latestTargetYear}` };
  }
  return { pass: true, reason: `${rule.document} published${doc.url !== undefined ? ` at ${doc.url}` : ""}${doc.targetYear !== undefined ? ` (target ${doc.targetYear})` : ""}` };
}

/**
 * Validates supplier evidence; throws VbpInputError naming every problem.
 *
 * @example
 * ```ts
 * parseSupplierEvidence({ supplierId: "acme", assessments: { evergreen: -1 } }); // throws: assessments.evergreen: must be ≥ 0
 * ```
 */
export function parseSupplierEvidence(input: unknown): SupplierEvidence {
  return parseWith(getSupplierEvidenceSchema(), input);
}
