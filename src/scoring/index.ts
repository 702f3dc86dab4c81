export * from "./functions/index.js";
export {
  checkCriteriaTree,
  globalWeights,
  swingWeights,
  type Criterion,
  type CriterionCommon,
  type CriterionGroup,
  type GlobalWeight,
  type PassFailCriterion,
  type PriceCriterion,
  type PriceFormulaRef,
  type QualitativeCriterion,
  type QuantitativeCriterion,
  type ScoredCriterion,
  type SwingItem,
  type SwingWeight,
  type ValueFunctionRef,
  type WeightedCriterionCommon,
  type WeightRange,
} from "./criteria.js";
export { checkWeightPolicy, NHS_VBP_VALUE_DOMAINS, WEIGHT_POLICIES, type WeightPolicy, type WeightPolicyId, type WeightPolicyRule } from "./policies.js";
export { criterionSchema, makeTenderSchema, parseTender, safeParseTender, tenderJsonSchema, tenderSchema, type ScoringRegistries } from "./schema.js";
export { safeScoreTender, scoreTender } from "./scoreTender.js";
export { assessmentSummaries, assessmentSummaryMarkdown, type AssessmentLine, type AssessmentSummary, type AssessmentSummaryOptions } from "./summary.js";
export { formulaDiagnostic, utilityIndex, type AwardRule, type AwardRuleOutcome, type FormulaDiagnostic, type UtilityIndexBid, type UtilityIndexRow, type UtilityIndexRule } from "./formulaDiagnostic.js";
export { AHP_SOURCE, ahpWeights, SAATY_RANDOM_INDEX, type AhpMatrix, type AhpResult } from "./ahp.js";
export { evidenceExpectation, NHS_VBP_STANDARD, type EvidenceMaturityRow, type NhsVbpDomain, type NhsVbpStandard } from "./nhsVbpStandard.js";
export { DISPLAY_RULE, roundToTotal, showPoints, showValue, type ShownParts } from "./display.js";
export type {
  AggregationMethod,
  ConsensusRecord,
  EvaluatorScoreRecord,
  GateOutcome,
  LotResult,
  MinimumScoreGate,
  ModerationChange,
  TenderOptionResult,
  Overtaking,
  OvertakingStep,
  PassFailRecord,
  PriceFlag,
  RankReversal,
  RecordedScore,
  ScoreNode,
  Tender,
  TenderLot,
  TenderOption,
  TenderResult,
  TenderSettings,
  TieBreakRule,
} from "./tender.js";
