/**
 * Each option's figures, exact (see {@link Figure}), assembled from the stages' outputs: what the metrics, the
 * cost-effectiveness analysis and the written result read. Nothing here is written out as a string.
 *
 * @internal
 * @module
 */
import { Dec } from "../../_lib/decimal.js";
import { figureOfText, plusFigure, type Figure } from "../../_lib/figure.js";
import type { OptionResult } from "../../pathway/types.js";
import type { EvaluationDocument } from "../document.js";
import type { CarbonStage } from "./carbonStage.js";
import type { LifecycleStage } from "./lifecycleStage.js";

/** One option's figures (per patient unless named otherwise). */
export interface OptionFigures {
  readonly pathway: OptionResult;
  readonly lifecycle: Figure;
  readonly pathwayCost: Figure;
  readonly carbonExternality: Figure;
  readonly wholePathway: Figure;
  readonly lifecycleNetPresentCost: Figure;
  readonly wholePathwayPopulation: Figure;
  readonly qalys: Dec;
  readonly pathwayKgPerPatient: Figure;
  readonly productKgPerPatient: Figure;
  readonly kgPerPatient: Figure;
  readonly kgTotal: Figure;
  readonly carbonCost?: Figure;
}

export function optionFigures(doc: EvaluationDocument, pathway: readonly OptionResult[], lifecycle: LifecycleStage, carbon: CarbonStage): OptionFigures[] {
  const externality = doc.carbonValuation?.treatment === "externality";
  // Options with the same effects share one pathway result (its per-patient and population figures): each is read once.
  const read = new Map<OptionResult["perPatient"], { pathwayCost: Figure; qalys: Dec; pathwayKg: Figure; populationCost: Figure; populationKg: Figure }>();
  return doc.options.map((_, i) => {
    const pr = pathway[i] as OptionResult;
    const pp = pr.perPatient;
    let shared = read.get(pp);
    if (shared === undefined) {
      shared = {
        pathwayCost: figureOfText(pp.costs.discounted),
        qalys: new Dec(pp.qalys.discounted),
        pathwayKg: figureOfText(pp.carbonKg),
        populationCost: figureOfText(pr.population?.costs.discounted ?? "0"),
        populationKg: figureOfText(pr.population?.carbonKg ?? "0"),
      };
      read.set(pp, shared);
    }
    const carbonCost = carbon.costPerPatient[i];
    const ext = externality && carbonCost !== undefined ? carbonCost : 0n;
    const lifecyclePP = lifecycle.perPatient[i] as bigint;
    const { pathwayCost, pathwayKg: pathwayKgPerPatient } = shared;
    const npc = lifecycle.netPresentCost[i] as bigint;
    const productKgPerPatient = carbon.productKgPerPatient[i] as bigint;
    const f: { -readonly [K in keyof OptionFigures]: OptionFigures[K] } = {
      pathway: pr,
      lifecycle: lifecyclePP,
      pathwayCost,
      carbonExternality: ext,
      wholePathway: plusFigure(plusFigure(lifecyclePP, pathwayCost), ext),
      lifecycleNetPresentCost: npc,
      wholePathwayPopulation: plusFigure(plusFigure(npc, shared.populationCost), ext === 0n ? 0n : (carbon.presentValue[i] as bigint)),
      qalys: shared.qalys,
      pathwayKgPerPatient,
      productKgPerPatient,
      kgPerPatient: plusFigure(pathwayKgPerPatient, productKgPerPatient),
      kgTotal: plusFigure(shared.populationKg, carbon.productKgTotal[i] as bigint),
    };
    if (carbonCost !== undefined) f.carbonCost = carbonCost;
    return f;
  });
}
