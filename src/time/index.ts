export { addPeriod, isIsoDate, yearFraction, type IsoDate, type Period } from "./dates.js";
export { DEFAULT_TIMING, discountFactor, periodDiscountFactor, type DiscountTiming } from "./discount.js";
export { indexCost, type PriceIndexSeries } from "./indexation.js";
export { constantSchedule, DISCOUNT_SCHEDULES, type DiscountSchedule, type DiscountScheduleId, type DiscountStep } from "./schedules.js";
