/**
 * Uncertainty: a seeded counter-based generator with named streams, distributions in the parameterisations
 * health economists use, draw plans (Dirichlet rows, Gaussian copulas), probabilistic and deterministic
 * sensitivity analysis, and value of information.
 *
 * @module
 */
export { checkSeed, MAX_SEED } from "./random/seed.js";
export { streamId, uniformSource, type StreamId, type UniformSource } from "./random/streams.js";
export type { Distribution, DistributionDefinition, DistributionSpec } from "./distributions/types.js";
export { betaFromMeanSe, gammaFromMeanSe, lognormalFromCi, lognormalFromMeanSe, type BetaShapes, type GammaShapeScale, type LognormalLogParameters } from "./distributions/moments.js";
export { betaDistribution } from "./distributions/beta.js";
export { gammaDistribution } from "./distributions/gamma.js";
export { lognormalDistribution } from "./distributions/lognormal.js";
export { normalDistribution } from "./distributions/normal.js";
export { truncatedNormalDistribution } from "./distributions/truncatedNormal.js";
export { uniformDistribution } from "./distributions/uniform.js";
export { triangularDistribution } from "./distributions/triangular.js";
export { pertDistribution } from "./distributions/pert.js";
export { fixedDistribution } from "./distributions/fixed.js";
export { bernoulliDistribution } from "./distributions/bernoulli.js";
export { createDirichlet, type Dirichlet } from "./distributions/dirichlet.js";
export { createDistribution, DEFAULT_DISTRIBUTIONS, safeCreateDistribution, withDistributions, type DistributionRegistry } from "./distributions/registry.js";
export { createDrawPlan, type CorrelationSpec, type DrawPlan, type DrawPlanSpec, type UncertainQuantitySpec } from "./draws/drawPlan.js";
export { MAX_DRAWS, sampleDraws, type DrawMatrix } from "./draws/sampleDraws.js";
export { safeSplitUncertaintyDocument, splitUncertaintyDocument, uncertaintySectionSchema, type TwoWayAxisSpec, type UncertaintyDocument, type UncertaintySection } from "./schema.js";
export { modelDrawPlan, parameterKey } from "./modelDrawPlan.js";
export { summariseDraws, type DrawSummary } from "./summary.js";
export { GENERATOR, MAX_ITERATIONS, runPsa, type PsaOption, type PsaOptionSummary, type PsaProgress, type PsaResult, type PsaSettings } from "./psa.js";
export { mergePsa } from "./mergePsa.js";
export { psaFromJson, psaToJson, PSA_FILE_FORMAT, type PsaJson } from "./psaJson.js";
export { thresholdRange } from "./analyses/draws.js";
export { cePlane, type CePlane } from "./analyses/cePlane.js";
export { ceac, pairwiseCeac, type Ceac } from "./analyses/ceac.js";
export { ceaf, type Ceaf } from "./analyses/ceaf.js";
export { evpi, type Evpi } from "./analyses/evpi.js";
export { nmbSummary, type NmbSummary } from "./analyses/nmbSummary.js";
export { evppi, type Evppi, type EvppiSettings } from "./analyses/evppi.js";
export { convergence, type Convergence } from "./analyses/convergence.js";
export { outputValue, type DsaOutput, type OptionFigures } from "./dsa/figures.js";
export { oneWaySensitivity, type OneWayResult, type OneWaySettings } from "./dsa/oneWay.js";
export { tornado, type Tornado } from "./dsa/tornado.js";
export { twoWaySensitivity, type TwoWayAxis, type TwoWayResult } from "./dsa/twoWay.js";
export { scenarioAnalysis, type Scenario, type ScenarioResult } from "./dsa/scenarios.js";
export { thresholdAnalysis, type ThresholdResult, type ThresholdSpec } from "./dsa/threshold.js";
export { runDeclaredAnalyses, type DeclaredAnalyses } from "./dsa/declaredAnalyses.js";
