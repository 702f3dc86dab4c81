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
  LIFECYCLE_LIMITS,
  lifecycleDocumentJsonSchema,
  lifecycleDocumentSchema,
  parseLifecycleDocument,
  safeParseLifecycleDocument,
  type CostItemKind,
  type LifecycleCostItem,
  type LifecycleDocument,
  type LifecycleDocumentInput,
  type LifecycleOption,
} from "./schema.js";
