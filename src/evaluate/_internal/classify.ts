/**
 * What each metric of the whole job is, for the criteria it feeds: derived from the bid price or not (a tender
 * excluded before price is opened is not scored on it), what it measures for weight policies, and how it is
 * shown.
 *
 * @internal
 * @module
 */
import type { Criterion, QuantitativeCriterion } from "../../scoring/criteria.js";
import { readMetricName } from "../metricNames.js";

interface MetricClass {
  readonly priceDerived: boolean;
  readonly costClass: NonNullable<QuantitativeCriterion["costClass"]>;
  readonly display: NonNullable<QuantitativeCriterion["display"]>;
}

const CLASSES: Readonly<Record<string, MetricClass>> = {
  wholePathwayCostPerPatient: { priceDerived: true, costClass: "whole-life-cost", display: "money" },
  lifecycleCostPerPatient: { priceDerived: true, costClass: "whole-life-cost", display: "money" },
  lifecycleNetPresentCost: { priceDerived: true, costClass: "whole-life-cost", display: "money" },
  netMonetaryBenefitPerPatient: { priceDerived: true, costClass: "not-cost", display: "money" },
  incrementalNetMonetaryBenefitPerPatient: { priceDerived: true, costClass: "not-cost", display: "money" },
  pathwayCostPerPatient: { priceDerived: false, costClass: "other-cost", display: "money" },
  costCategoryPerPatient: { priceDerived: false, costClass: "other-cost", display: "money" },
  carbonCostPerPatient: { priceDerived: false, costClass: "other-cost", display: "money" },
  qalysPerPatient: { priceDerived: false, costClass: "not-cost", display: "number" },
  lifeYearsPerPatient: { priceDerived: false, costClass: "not-cost", display: "number" },
  eventsPerPatient: { priceDerived: false, costClass: "not-cost", display: "number" },
  carbonKgPerPatient: { priceDerived: false, costClass: "not-cost", display: "number" },
  carbonKgTotal: { priceDerived: false, costClass: "not-cost", display: "number" },
  socialValueScore: { priceDerived: false, costClass: "not-cost", display: "share" },
};

/** The class of a metric name (e.g. "costCategoryPerPatient:bed-days"), if known. */
export function metricClass(name: string): MetricClass | undefined {
  const m = readMetricName(name);
  return m === undefined ? undefined : CLASSES[m.base];
}

/**
 * The criteria tree with each metric-fed quantitative criterion marked: `priceDerived`, and `costClass` and
 * `display` unless the document states them.
 */
export function classifyCriteria(criteria: readonly Criterion[], criterionMetrics: Readonly<Record<string, string>> | undefined): Criterion[] {
  const metrics = criterionMetrics ?? {};
  const visit = (c: Criterion): Criterion => {
    if (c.kind === "group") return { ...c, children: c.children.map(visit) };
    if (c.kind !== "quantitative") return c;
    const name = metrics[c.id];
    const k = name === undefined ? undefined : metricClass(name);
    if (k === undefined) return c;
    return { ...c, ...(k.priceDerived ? { priceDerived: true } : {}), costClass: c.costClass ?? k.costClass, display: c.display ?? k.display };
  };
  return criteria.map(visit);
}

/** Metric bases whose value depends on the bid price. */
export function isPriceDerivedMetric(name: string): boolean {
  return metricClass(name)?.priceDerived === true;
}
