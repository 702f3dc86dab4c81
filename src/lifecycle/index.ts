export { evaluateLifecycle, safeEvaluateLifecycle } from "./evaluate.js";
export type {
  EvaluateLifecycleOptions,
  LifecycleItemTotals,
  LifecycleKindTotals,
  LifecycleLedgerRow,
  LifecycleOptionResult,
  LifecyclePayback,
  LifecyclePeriodTotals,
  LifecycleResult,
  LifecycleTotals,
  LifecycleUnitCost,
} from "./result.js";
export {
  COST_ITEM_KINDS,
  type CostFrequency,
  type CostItemKind,
  type LifecycleCostItem,
  type LifecycleCostItemInput,
  type LifecycleDocument,
  type LifecycleDocumentInput,
  type LifecycleOption,
  type LifecycleOptionInput,
  type QuantityBasis,
  type QuantityUnit,
  type VolumeInput,
} from "./document.js";
export {
  LIFECYCLE_LIMITS,
  lifecycleDocumentJsonSchema,
  lifecycleDocumentSchema,
  parseLifecycleDocument,
  safeParseLifecycleDocument,
} from "./schema.js";
