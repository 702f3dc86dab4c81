import type { Decimal } from "decimal.js";

/**
 * A price formula in Float64 for draws: the share of the maximum points (before the floor at 0 and the cap at
 * 1) that the bid price earns, given the lowest, highest and mean valid price of the draw and the formula's
 * parameters as numbers. Built-ins mirror {@link PRICE_FORMULAS} exactly; add one for your own formula.
 *
 * @category Award uncertainty
 * @example
 * ```ts
 * const half: FloatPriceKernel = (p, ctx) => ctx.lowest / (2 * p);
 * ```
 */
export type FloatPriceKernel = (price: number, ctx: { readonly lowest: number; readonly highest: number; readonly mean: number; readonly params: Readonly<Record<string, number>> }) => number;

/**
 * A value function in Float64 for draws: given the function's parsed parameters (as the Decimal function
 * parses them) and the direction, returns the share of the maximum points (before the floor at 0 and the cap
 * at 1) for a raw value.
 *
 * @category Award uncertainty
 * @example
 * ```ts
 * const positive: FloatValueKernel = () => (v) => (v > 0 ? 1 : 0);
 * ```
 */
export type FloatValueKernel = (params: unknown, higherIsBetter: boolean) => (value: number) => number;

/**
 * Float64 kernels of the built-in price formulas (same formulas and special cases as `PRICE_FORMULAS`).
 *
 * @category Award uncertainty
 * @example
 * ```ts
 * FLOAT_PRICE_KERNELS["relative-to-lowest"](10000, { lowest: 9500, highest: 12000, mean: 10500, params: {} }); //=> 0.95
 * ```
 */
export const FLOAT_PRICE_KERNELS: Readonly<Record<string, FloatPriceKernel>> = Object.freeze({
  "relative-to-lowest": (p, c) => c.lowest / p,
  "proportional-deviation": (p, c) => 1 - (p - c.lowest) / c.lowest,
  "linear-between-limits": (p, c) => {
    const floor = c.params.floor;
    const ceiling = c.params.ceiling;
    if (ceiling !== undefined && p > ceiling) return 0;
    const lo = floor ?? c.lowest;
    const hi = ceiling ?? c.highest;
    if (p <= lo) return 1;
    if (p >= hi) return 0;
    return (hi - p) / (hi - lo);
  },
  logarithmic: (p, c) => 1 - Math.log(p / c.lowest) / Math.log(c.params.A as number),
  "mean-based": (p, c) => 1 - (p - c.mean) / ((c.params.band ?? 1) * c.mean),
  "ratio-to-reference": (p, c) => (c.params.reference as number) / p,
  "proportional-to-budget": (p, c) => ((c.params.budget as number) - p) / (c.params.budget as number),
});

const n = (d: unknown): number => Number((d as Decimal).toString());
type Pt = { x: unknown; y: unknown };

/**
 * Float64 kernels of the built-in value functions (same formulas and clamping as `VALUE_FUNCTIONS`).
 *
 * @category Award uncertainty
 * @example
 * ```ts
 * const share = FLOAT_VALUE_KERNELS.linear; // (value, params, higherIsBetter) => share of the maximum
 * ```
 */
export const FLOAT_VALUE_KERNELS: Readonly<Record<string, FloatValueKernel>> = Object.freeze({
  linear: (prm, hib) => {
    const p = prm as { lower: unknown; upper: unknown };
    const lo = n(p.lower);
    const hi = n(p.upper);
    return (v) => {
      const x = v < lo ? lo : v > hi ? hi : v;
      return (hib ? x - lo : hi - x) / (hi - lo);
    };
  },
  logarithmic: (prm, hib) => {
    const p = prm as { lower: unknown; upper: unknown };
    const lo = n(p.lower);
    const hi = n(p.upper);
    const span = Math.log(hi / lo);
    return (v) => {
      const x = v < lo ? lo : v > hi ? hi : v;
      return Math.log(hib ? x / lo : hi / x) / span;
    };
  },
  "piecewise-linear": (prm) => {
    const pts = (prm as { points: readonly Pt[] }).points;
    const xs = pts.map((q) => n(q.x));
    const ys = pts.map((q) => n(q.y));
    const first = xs[0] as number;
    const last = xs[xs.length - 1] as number;
    return (v) => {
      const x = v < first ? first : v > last ? last : v;
      let i = 0;
      while (i < xs.length - 2 && x > (xs[i + 1] as number)) i++;
      const x0 = xs[i] as number;
      const x1 = xs[i + 1] as number;
      const y0 = ys[i] as number;
      const y1 = ys[i + 1] as number;
      return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
    };
  },
  step: (prm, hib) => {
    const p = prm as { steps: readonly Pt[]; otherwise: unknown };
    const xs = p.steps.map((q) => n(q.x));
    const ys = p.steps.map((q) => n(q.y));
    const otherwise = n(p.otherwise);
    return (v) => {
      let hit: number | undefined;
      if (hib) {
        for (let i = 0; i < xs.length; i++) if (v >= (xs[i] as number)) hit = ys[i] as number;
      } else {
        for (let i = xs.length - 1; i >= 0; i--) if (v <= (xs[i] as number)) hit = ys[i] as number;
      }
      return hit ?? otherwise;
    };
  },
  "proportional-to-best": (prm, hib) => {
    const best = n((prm as { best: unknown }).best);
    return hib ? (v) => (v > best ? 1 : v <= 0 ? 0 : v / best) : (v) => (v < best ? 1 : best / v);
  },
});
