export type { CeaOption, IncrementalAnalysis, IncrementalOptionResult, IncrementalStatus } from "./types.js";
export { frontierOptionAt, incrementalAnalysis, safeIncrementalAnalysis, type FrontierChoice, type IncrementalSettings } from "./incremental.js";
export { pairwiseComparison, type PairwiseComparison, type PairwiseSettings, type PairwiseStatus } from "./pairwise.js";
export {
  netMonetaryBenefit,
  type NetMonetaryBenefitAtThreshold,
  type NetMonetaryBenefitResult,
  type NetMonetaryBenefitRow,
  type NetMonetaryBenefitSettings,
} from "./nmb.js";
export {
  breakEvenParameter,
  breakEvenPrice,
  breakEvenPriceLinear,
  findRoot,
  type BreakEvenParameterInput,
  type BreakEvenPriceInput,
  type BreakEvenPriceLinearInput,
  type BreakEvenResult,
  type PriceModel,
  type RootFinderSettings,
  type RootResult,
} from "./solvers.js";
export {
  costComparisonTable,
  costConsequenceTable,
  renderCostComparisonMarkdown,
  renderCostConsequenceMarkdown,
  type CostComparisonInput,
  type CostComparisonRow,
  type CostComparisonTable,
  type CostConsequenceInput,
  type CostConsequenceTable,
  type HealthTechHeading,
  type HealthTechOption,
  type MarkdownTableSettings,
} from "./healthtech.js";
export { COST_EFFECTIVENESS_THRESHOLDS, thresholdFor, type CostEffectivenessThreshold, type ThresholdQuery } from "../reference/thresholds.js";
export { ceaOptionsFromPathway, healthTechOptionsFromPathway, incrementalAnalysisOfPathway, type PathwayReading } from "./pathway.js";
