/**
 * Each option's figures as exact decimals, assembled from the stages' outputs: what the metrics, the
 * cost-effectiveness analysis and the written result read. Nothing here is written out as a string.
 *
 * @internal
 * @module
 */
import { Dec } from "../../_lib/decimal.js";
import type { OptionResult } from "../../pathway/types.js";
import type { EvaluationDocument } from "../document.js";
import type { CarbonStage } from "./carbonStage.js";
import type { LifecycleStage } from "./lifecycleStage.js";

const ZERO = new Dec(0);

/** One option's figures (per patient unless named otherwise). */
export interface OptionFigures {
  readonly pathway: OptionResult;
  readonly lifecycle: Dec;
  readonly pathwayCost: Dec;
  readonly carbonExternality: Dec;
  readonly wholePathway: Dec;
  readonly lifecycleNetPresentCost: Dec;
  readonly wholePathwayPopulation: Dec;
  readonly qalys: Dec;
  readonly pathwayKgPerPatient: Dec;
  readonly productKgPerPatient: Dec;
  readonly kgPerPatient: Dec;
  readonly kgTotal: Dec;
  readonly carbonCost?: Dec;
}

export function optionFigures(doc: EvaluationDocument, pathway: readonly OptionResult[], lifecycle: LifecycleStage, carbon: CarbonStage): OptionFigures[] {
  const externality = doc.carbonValuation?.treatment === "externality";
  // Options with the same effects share one pathway result (its per-patient and population figures): each is read once.
  const read = new Map<OptionResult["perPatient"], { pathwayCost: Dec; qalys: Dec; pathwayKg: Dec; populationCost: Dec; populationKg: Dec }>();
  return doc.options.map((_, i) => {
    const pr = pathway[i] as OptionResult;
    const pp = pr.perPatient;
    let shared = read.get(pp);
    if (shared === undefined) {
      shared = { pathwayCost: new Dec(pp.costs.discounted), qalys: new Dec(pp.qalys.discounted), pathwayKg: new Dec(pp.carbonKg), populationCost: new Dec(pr.population?.costs.discounted ?? "0"), populationKg: new Dec(pr.population?.carbonKg ?? "0") };
      read.set(pp, shared);
    }
    const carbonCost = carbon.costPerPatient[i];
    const ext = externality && carbonCost !== undefined ? carbonCost : ZERO;
    const lifecyclePP = lifecycle.perPatient[i] as Dec;
    const { pathwayCost, pathwayKg: pathwayKgPerPatient } = shared;
    const npc = lifecycle.netPresentCost[i] as Dec;
    const productKgPerPatient = carbon.productKgPerPatient[i] as Dec;
    const f: { -readonly [K in keyof OptionFigures]: OptionFigures[K] } = {
      pathway: pr,
      lifecycle: lifecyclePP,
      pathwayCost,
      carbonExternality: ext,
      wholePathway: lifecyclePP.plus(pathwayCost).plus(ext),
      lifecycleNetPresentCost: npc,
      wholePathwayPopulation: npc.plus(shared.populationCost).plus(ext.isZero() ? ZERO : (carbon.presentValue[i] as Dec)),
      qalys: shared.qalys,
      pathwayKgPerPatient,
      productKgPerPatient,
      kgPerPatient: pathwayKgPerPatient.plus(productKgPerPatient),
      kgTotal: shared.populationKg.plus(carbon.productKgTotal[i] as Dec),
    };
    if (carbonCost !== undefined) f.carbonCost = carbonCost;
    return f;
  });
}
