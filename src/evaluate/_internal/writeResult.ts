/**
 * The last step: the options' exact figures written as decimal strings (once), and the result assembled
 * with as much detail as the run asked for.
 *
 * @internal
 * @module
 */
import { figureText } from "../../_lib/figure.js";
import type { NetMonetaryBenefitRow } from "../../analysis/nmb.js";
import type { SocialValueResult } from "../../sustainability/socialValue.js";
import type { SustainabilityGatesResult } from "../../sustainability/gates.js";
import type { EvaluationDocument } from "../document.js";
import type { EvaluatedOption } from "../result.js";
import type { OptionFigures } from "./figures.js";

/** One option of the result, its figures written out. */
export function writeOption(
  o: EvaluationDocument["options"][number],
  f: OptionFigures,
  metrics: Readonly<Record<string, string>>,
  nmb: NetMonetaryBenefitRow | undefined,
  social: SocialValueResult | undefined,
  gates: SustainabilityGatesResult | undefined,
): EvaluatedOption {
  const pp = f.pathway.perPatient;
  const byCategory: Record<string, string> = {};
  for (const k in pp.costs.byCategory) byCategory[k] = pp.costs.byCategory[k]!.discounted;
  // Written key by key in the result's order (optional keys in their places).
  const w: Record<string, unknown> = { optionId: o.id, supplier: o.supplier, label: o.label, isComparator: o.isComparator === true, lot: o.lot ?? "default" };
  if (o.price !== undefined) w.price = o.price;
  // Carbon as an externality is the carbon cost itself (the same figure): written once.
  const carbonCost = f.carbonCost === undefined ? undefined : figureText(f.carbonCost);
  w.costs = {
    lifecycle: figureText(f.lifecycle),
    pathway: pp.costs.discounted,
    carbonExternality: f.carbonExternality === f.carbonCost ? carbonCost : figureText(f.carbonExternality),
    wholePathway: figureText(f.wholePathway),
    lifecycleNetPresentCost: figureText(f.lifecycleNetPresentCost),
    wholePathwayPopulation: figureText(f.wholePathwayPopulation),
    byCategory,
  };
  w.qalysPerPatient = pp.qalys.discounted;
  w.lifeYearsPerPatient = pp.lifeYears.discounted;
  w.eventsPerPatient = pp.events;
  const carbon: Record<string, string> = {
    pathwayKgPerPatient: figureText(f.pathwayKgPerPatient),
    productKgPerPatient: figureText(f.productKgPerPatient),
    kgPerPatient: figureText(f.kgPerPatient),
    kgTotal: figureText(f.kgTotal),
  };
  if (carbonCost !== undefined) carbon.costPerPatient = carbonCost;
  w.carbon = carbon;
  if (nmb !== undefined) w.netMonetaryBenefitPerPatient = nmb.nmb;
  if (nmb?.incrementalNmb !== undefined) w.incrementalNetMonetaryBenefitPerPatient = nmb.incrementalNmb;
  if (social !== undefined) w.socialValue = social;
  if (gates !== undefined) w.sustainabilityGates = gates;
  w.metrics = metrics;
  return w as unknown as EvaluatedOption;
}
