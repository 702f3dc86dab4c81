/**
 * The last step: the options' exact figures written as decimal strings (once), and the result assembled
 * with as much detail as the run asked for.
 *
 * @internal
 * @module
 */
import { decString } from "../../_lib/decimal.js";
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
  for (const [k, v] of Object.entries(pp.costs.byCategory)) byCategory[k] = v.discounted;
  return {
    optionId: o.id,
    supplier: o.supplier,
    label: o.label,
    isComparator: o.isComparator === true,
    lot: o.lot ?? "default",
    ...(o.price !== undefined ? { price: o.price } : {}),
    costs: {
      lifecycle: decString(f.lifecycle),
      pathway: pp.costs.discounted,
      carbonExternality: decString(f.carbonExternality),
      wholePathway: decString(f.wholePathway),
      lifecycleNetPresentCost: decString(f.lifecycleNetPresentCost),
      wholePathwayPopulation: decString(f.wholePathwayPopulation),
      byCategory,
    },
    qalysPerPatient: pp.qalys.discounted,
    lifeYearsPerPatient: pp.lifeYears.discounted,
    eventsPerPatient: pp.events,
    carbon: {
      pathwayKgPerPatient: decString(f.pathwayKgPerPatient),
      productKgPerPatient: decString(f.productKgPerPatient),
      kgPerPatient: decString(f.kgPerPatient),
      kgTotal: decString(f.kgTotal),
      ...(f.carbonCost !== undefined ? { costPerPatient: decString(f.carbonCost) } : {}),
    },
    ...(nmb !== undefined ? { netMonetaryBenefitPerPatient: nmb.nmb } : {}),
    ...(nmb?.incrementalNmb !== undefined ? { incrementalNetMonetaryBenefitPerPatient: nmb.incrementalNmb } : {}),
    ...(social !== undefined ? { socialValue: social } : {}),
    ...(gates !== undefined ? { sustainabilityGates: gates } : {}),
    metrics,
  };
}
