import { Dec, decString, sumDec } from "../_lib/decimal.js";
import type { VbpIssue, VbpPath } from "../errors/issue.js";
import type { Source } from "../reference/source.js";
import { flattenCriteria, type Criterion, type FlatNode } from "./criteria.js";

/**
 * One rule of a weight policy, on the global weight (percent) of the criteria tagged with `tags`.
 * A tagged node counts with its whole subtree; a node inside a subtree already counted is not counted again.
 *
 * @example
 * ```ts
 * const rule: WeightPolicyRule = { kind: "max", tags: ["whole-life-cost"], percent: "40", description: "whole-life cost weight" };
 * ```
 */
export interface WeightPolicyRule {
  /** `"min"`: the tagged weight must be at least `percent`; `"max"`: at most. */
  readonly kind: "min" | "max";
  /** The criterion tags the rule adds up (e.g. the five NHS value domains). */
  readonly tags: readonly string[];
  /** The bound, percent as a decimal string. */
  readonly percent: string;
  /** What the rule is called in messages (e.g. "social value weight"). */
  readonly description: string;
  /**
   * `"whole-life-cost"`: the rule also counts, wherever they sit in the tree, every price criterion and every
   * quantitative criterion whose `costClass` is `"whole-life-cost"` (a cost is a cost whatever it is tagged);
   * a quantitative criterion outside the tagged criteria with no `costClass` draws a warning, since the rule
   * cannot tell whether it is a whole-life cost.
   */
  readonly countsByKind?: "whole-life-cost";
}

/**
 * A published rule set on tender weights, as data with its source.
 *
 * @example
 * ```ts
 * const local: WeightPolicy = { id: "trust-sv-15", label: "Trust policy", rules: [{ kind: "min", tags: ["social-value"], percent: "15", description: "social value weight" }],
 *   source: { publisher: "Example NHS Trust", title: "Procurement policy", publishedOn: "2026-04-01" } };
 * ```
 */
export interface WeightPolicy {
  /** Identifier (e.g. `"nhs-vbp-2026"`). */
  readonly id: string;
  /** Short name used in messages (e.g. "NHS VBP"). */
  readonly label: string;
  /** The rules. */
  readonly rules: readonly WeightPolicyRule[];
  /** Where the rules come from. */
  readonly source: Source;
}

/**
 * The five value domains of the NHS value based procurement standard, as criterion tags.
 *
 * @example
 * ```ts
 * NHS_VBP_VALUE_DOMAINS.includes("social-value"); //=> true
 * ```
 */
export const NHS_VBP_VALUE_DOMAINS = ["social-value", "efficiency", "patient-and-staff", "supply-chain", "purpose"] as const;

/**
 * Weight policies shipped with the library (overridable: pass your own `WeightPolicy`).
 *
 * - `nhs-vbp-2026`: NHS England, value based procurement national standard guidance for medical technology
 *   (June 2026): ≥ 60% across the five value domains (tags `social-value`, `efficiency`, `patient-and-staff`,
 *   `supply-chain`, `purpose`), social value ≥ 10%, whole-life cost (tag `whole-life-cost`) ≤ 40%.
 * - `nhs-net-zero-2022`: NHS Net Zero Supplier Roadmap / "Applying net zero and social value in the procurement
 *   of NHS goods and services": ≥ 10% of the total weighting on net zero and social value (tags `net-zero`,
 *   `social-value`), from April 2022.
 * - `ppn-002`: Cabinet Office PPN 002 (published 13 February 2025, mandatory for in-scope organisations from
 *   1 October 2025; replaced PPN 06/20): social value ≥ 10%.
 *
 * @example
 * ```ts
 * WEIGHT_POLICIES["ppn-002"].rules[0];
 * //=> { kind: "min", tags: ["social-value"], percent: "10", description: "social value weight" }
 * ```
 */
export const WEIGHT_POLICIES: Readonly<Record<WeightPolicyId, WeightPolicy>> = Object.freeze({
  "nhs-vbp-2026": Object.freeze({
    id: "nhs-vbp-2026",
    label: "NHS VBP",
    rules: Object.freeze([
      { kind: "min", tags: NHS_VBP_VALUE_DOMAINS, percent: "60", description: "weight across the five value domains (social value; efficiency; patient and staff; supply chain; purpose)" },
      { kind: "min", tags: ["social-value"], percent: "10", description: "social value weight" },
      { kind: "max", tags: ["whole-life-cost"], percent: "40", description: "whole-life cost weight", countsByKind: "whole-life-cost" },
    ] as const),
    source: {
      publisher: "Department of Health and Social Care, NHS England and NHS Supply Chain",
      title: "Value based procurement national standard guidance for medical technology",
      publishedOn: "2026-06-11",
      url: "https://www.gov.uk/government/publications/value-based-procurement-for-medical-technology/value-based-procurement-national-standard-guidance-for-medical-technology",
      note: "At least 60% across the five value domains, of which social value at least 10%; whole life cost at most 40%. Same source record as the nhs-vbp-5 scale.",
    },
  }),
  "nhs-net-zero-2022": Object.freeze({
    id: "nhs-net-zero-2022",
    label: "NHS Net Zero Supplier Roadmap",
    rules: Object.freeze([{ kind: "min", tags: ["net-zero", "social-value"], percent: "10", description: "net zero and social value weight" }] as const),
    source: {
      publisher: "NHS England",
      title: "NHS Net Zero Supplier Roadmap; Applying net zero and social value in the procurement of NHS goods and services",
      publishedOn: "2022-03-01",
      validFrom: "2022-04-01",
      note: "Minimum 10% net zero and social value weighting in all NHS procurements from April 2022 (publication month as recorded in the project design notes). Carbon reduction plans required from April 2024.",
    },
  }),
  "ppn-002": Object.freeze({
    id: "ppn-002",
    label: "PPN 002",
    rules: Object.freeze([{ kind: "min", tags: ["social-value"], percent: "10", description: "social value weight" }] as const),
    source: {
      publisher: "Cabinet Office",
      title: "PPN 002: Taking account of social value in the award of central government contracts",
      publishedOn: "2025-02-13",
      validFrom: "2025-10-01",
      note: "Applies to central government departments, executive agencies and NDPBs; others may apply it. Replaced PPN 06/20. Under price per quality point, the 10% is of the quality score.",
    },
  }),
} satisfies Record<WeightPolicyId, WeightPolicy>);

/**
 * Ids of the shipped weight policies.
 *
 * @example
 * ```ts
 * const id: WeightPolicyId = "nhs-vbp-2026";
 * ```
 */
export type WeightPolicyId = "nhs-vbp-2026" | "nhs-net-zero-2022" | "ppn-002";

/** @internal Sums the global weight of nodes tagged with any of `tags`, counting each subtree once. */
export function taggedWeight(flat: readonly FlatNode[], tags: readonly string[]): { weight: Dec; nodes: FlatNode[] } {
  const set = new Set(tags);
  const counted: FlatNode[] = [];
  const countedIdx = new Set<number>();
  flat.forEach((f, i) => {
    if (f.node.tag === undefined || !set.has(f.node.tag)) return;
    let p = f.parent;
    while (p >= 0) {
      if (countedIdx.has(p)) return;
      p = (flat[p] as FlatNode).parent;
    }
    countedIdx.add(i);
    counted.push(f);
  });
  return { weight: sumDec(counted.map((c) => c.globalWeight)), nodes: counted };
}

/** Adds price criteria and whole-life-cost metrics outside the tagged subtrees; warns about unclassified metrics. */
function withCostsByKind(flat: readonly FlatNode[], tagged: { weight: Dec; nodes: FlatNode[] }, p: WeightPolicy, rule: WeightPolicyRule, issues: VbpIssue[]): { weight: Dec; nodes: FlatNode[] } {
  const inside = (i: number): boolean => {
    for (let q = i; q >= 0; q = (flat[q] as FlatNode).parent) if (tagged.nodes.includes(flat[q] as FlatNode)) return true;
    return false;
  };
  const extra: FlatNode[] = [];
  flat.forEach((f, i) => {
    const n = f.node;
    if (inside(i)) return;
    if (n.kind === "price" || (n.kind === "quantitative" && n.costClass === "whole-life-cost")) extra.push(f);
    else if (n.kind === "quantitative" && n.costClass === undefined) {
      issues.push({
        code: "policy",
        severity: "warning",
        path: [...f.path, "costClass"],
        message: `criterion ${n.id} (${decString(f.globalWeight)}%) is not classified: the ${p.label} ${rule.description} rule cannot tell whether it is a whole-life cost; set costClass ("whole-life-cost", "other-cost" or "not-cost")`,
      });
    }
  });
  return { weight: tagged.weight.plus(sumDec(extra.map((e) => e.globalWeight))), nodes: [...tagged.nodes, ...extra] };
}

/**
 * Checks a criteria tree against a weight policy. Each breach is an issue with `severity: "warning"`, code
 * `"policy"`, and the path of the criterion concerned (the largest tagged criterion for a maximum; the criteria
 * array itself for a minimum). Whether warnings fail the run is the caller's choice (`policyMode` in
 * `scoreTender`).
 *
 * @param criteria - the root criteria (weights already valid)
 * @param policy - a shipped policy id or a policy given as data
 * @param basePath - path of the criteria array in the caller's document
 * @returns the warnings (empty when the tree complies)
 * @example
 * ```ts
 * checkWeightPolicy([
 *   { id: "wlc", label: "Whole-life cost", kind: "price", weight: "55", tag: "whole-life-cost", formula: { formula: "relative-to-lowest" } },
 *   { id: "sv", label: "Social value", kind: "qualitative", weight: "45", tag: "social-value", scale: "0-5" },
 * ], "nhs-vbp-2026").map((i) => i.message);
 * //=> ["weight across the five value domains (social value; efficiency; patient and staff; supply chain; purpose) 45% is below the NHS VBP minimum of 60% (sv 45%)",
 * //    "whole-life cost weight 55% exceeds the NHS VBP maximum of 40%"]
 * ```
 */
export function checkWeightPolicy(criteria: readonly Criterion[], policy: WeightPolicyId | WeightPolicy, basePath: VbpPath = ["criteria"]): VbpIssue[] {
  const p: WeightPolicy = typeof policy === "string" ? WEIGHT_POLICIES[policy] : policy;
  const flat = flattenCriteria(criteria, basePath);
  const issues: VbpIssue[] = [];
  for (const rule of p.rules) {
    const tagged = taggedWeight(flat, rule.tags);
    const { weight, nodes } = rule.countsByKind === "whole-life-cost" ? withCostsByKind(flat, tagged, p, rule, issues) : tagged;
    const bound = new Dec(rule.percent);
    const tags = rule.tags.map((t) => `"${t}"`).join(", ");
    if (rule.kind === "min" && weight.lt(bound)) {
      const where = nodes.length === 0 ? ` (no criterion is tagged ${tags})` : ` (${nodes.map((n) => `${n.node.id} ${decString(n.globalWeight)}%`).join(" + ")})`;
      issues.push({ code: "policy", severity: "warning", path: basePath, message: `${rule.description} ${decString(weight)}% is below the ${p.label} minimum of ${rule.percent}%${where}` });
    } else if (rule.kind === "max" && weight.gt(bound)) {
      const largest = nodes.reduce<FlatNode | undefined>((a, b) => (a === undefined || b.globalWeight.gt(a.globalWeight) ? b : a), undefined);
      const path = nodes.length === 1 && largest !== undefined ? [...largest.path, "weight"] : basePath;
      issues.push({ code: "policy", severity: "warning", path, message: `${rule.description} ${decString(weight)}% exceeds the ${p.label} maximum of ${rule.percent}%` });
    }
  }
  return issues;
}
