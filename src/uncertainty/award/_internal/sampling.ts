import { sampleStandardGamma } from "../../distributions/gamma.js";
import type { UniformSource as UniformSequence } from "../../random/streams.js";

/**
 * The award analyses sample with the uncertainty module's samplers (one implementation of each): the normal
 * quantile is Wichura's AS 241 and the gamma variate Marsaglia & Tsang (2000), see
 * `src/uncertainty/distributions/`.
 */
export { normalQuantile } from "../../distributions/special.js";

/** A gamma(shape, 1) variate (Marsaglia & Tsang 2000, with the shape < 1 boost). */
export function gammaVariate(shape: number, u: UniformSequence): number {
  return sampleStandardGamma(shape, u);
}

/** A beta(a, b) variate as G_a / (G_a + G_b). */
export function betaVariate(a: number, b: number, u: UniformSequence): number {
  const x = gammaVariate(a, u);
  const y = gammaVariate(b, u);
  return x / (x + y);
}
