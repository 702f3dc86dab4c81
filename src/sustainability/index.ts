export {
  emissionFactor,
  UK_GHG_CONVERSION_FACTORS,
  type EmissionFactorEntry,
  type EmissionFactorOptions,
  type EmissionFactorOverride,
  type EmissionFactorSet,
  type FactorYearRule,
  type ResolvedEmissionFactor,
} from "./emissionFactors.js";
export {
  carbonValue,
  DESNZ_CARBON_VALUES,
  type CarbonValueOptions,
  type CarbonValueRule,
  type CarbonValueScenario,
  type CarbonValueSeries,
  type ResolvedCarbonValue,
} from "./carbonValues.js";
export {
  carbonFootprint,
  parseCarbonInput,
  safeCarbonFootprint,
  safeParseCarbonInput,
  type CarbonBySource,
  type CarbonByYear,
  type CarbonFactorOverrideRecord,
  type CarbonFactorUsed,
  type CarbonFootprintResult,
  type CarbonLedgerLine,
  type CarbonOptionResult,
  type CarbonStage,
} from "./carbonFootprint.js";
export {
  carbonExternalityCashFlows,
  monetiseCarbon,
  safeMonetiseCarbon,
  type CarbonCashFlowLine,
  type MonetisedCarbon,
  type MonetisedCarbonScenario,
} from "./monetiseCarbon.js";
export { pathwayCarbonActivities, type PathwayActivityFactor, type PathwayActivityRow, type PathwayCarbonActivity } from "./pathwayActivities.js";
export { SOCIAL_VALUE_THEME_SETS, type SocialValueTheme, type SocialValueThemeSet, type SocialValueThemeSetId } from "./socialValueThemes.js";
export {
  safeScoreSocialValue,
  scoreSocialValue,
  type SocialValueMetricResult,
  type SocialValueResult,
  type SocialValueThemeResult,
} from "./socialValue.js";
export {
  evaluateSustainabilityGates,
  NHS_SUSTAINABILITY_GATES,
  parseSupplierEvidence,
  type CustomGateRule,
  type DocumentPublishedRule,
  type MinimumLevelRule,
  type SustainabilityGate,
  type SustainabilityGateResult,
  type SustainabilityGateRule,
  type SustainabilityGatesResult,
} from "./gates.js";
export {
  CARBON_STAGES,
  carbonInputSchema,
  carbonMonetisationInputSchema,
  socialValueInputSchema,
  supplierEvidenceSchema,
  sustainabilityGateSchema,
  type CarbonInput,
  type CarbonInputDocument,
  type CarbonMonetisationInput,
  type CarbonMonetisationInputDocument,
  type ParsedSupplierEvidence,
  type SocialValueInput,
  type SocialValueInputDocument,
  type SupplierEvidence,
  type SustainabilityGateDocument,
} from "./schemas.js";
