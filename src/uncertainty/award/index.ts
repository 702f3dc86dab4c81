export { awardDraws, awardUncertainty, awardUncertaintyAsync, mergeAwardDraws } from "./awardUncertainty.js";
export type { AwardDraws, AwardUncertaintyOptions, AwardUncertaintyResult, BidUncertainty, InputImportance, LotUncertainty, UncertainTenderInput } from "./awardUncertainty.js";
export type { InputDistribution } from "./distribution.js";
export { FLOAT_PRICE_KERNELS, FLOAT_VALUE_KERNELS, type FloatPriceKernel, type FloatValueKernel } from "./floatKernels.js";
export type { WeightUncertainty } from "./weightUncertainty.js";
export { tenderOfEvaluation } from "./documentTender.js";
export { valueBasedPrice, winProbabilityByPrice, type ValueBasedPriceOptions, type ValueBasedPriceResult, type ValueBasedPriceTarget } from "./valueBasedPrice.js";
export { weightFlips, type WeightFlip, type WeightFlipOptions } from "./weightFlips.js";
export { awardTornado, type TornadoBar } from "./awardTornado.js";
