/**
 * Bids excluded before their price was opened: the scoring module gives them no total and no price; the
 * whole job then withholds every figure derived from the price (lifecycle and whole-pathway cost, NMB and
 * the metrics computed from them), and leaves them out of the cost-effectiveness analysis and the lifecycle
 * stage shown.
 *
 * @internal
 * @module
 */
import type { TenderResult } from "../../scoring/tender.js";
import type { EvaluationDocument } from "../document.js";
import type { EvaluatedOption } from "../result.js";
import { isPriceDerivedMetric } from "./classify.js";

/** Ids of the bids whose price was not opened (excluded at a gate before price, so with no total). */
export function sealedBids(tender: TenderResult): ReadonlySet<string> {
  return new Set(tender.lots.flatMap((l) => l.options.filter((o) => o.status === "excluded" && o.totalPoints === undefined).map((o) => o.optionId)));
}

/** Criterion ids fed by a metric derived from the bid price. */
export function priceDerivedCriteria(doc: EvaluationDocument): ReadonlySet<string> {
  return new Set(Object.entries(doc.criterionMetrics ?? {}).flatMap(([id, name]) => (isPriceDerivedMetric(name) ? [id] : [])));
}

/** The option as shown when its price was not opened: no price, nothing computed from it. */
export function sealOption(e: EvaluatedOption, priceDerived: ReadonlySet<string>): EvaluatedOption {
  const { price: _price, netMonetaryBenefitPerPatient: _nmb, incrementalNetMonetaryBenefitPerPatient: _inmb, costs, metrics, ...rest } = e;
  const { lifecycle: _l, wholePathway: _w, lifecycleNetPresentCost: _n, wholePathwayPopulation: _p, ...keptCosts } = costs;
  return {
    ...rest,
    priceNotOpened: true,
    costs: keptCosts,
    metrics: Object.fromEntries(Object.entries(metrics).filter(([id]) => !priceDerived.has(id))),
  };
}
