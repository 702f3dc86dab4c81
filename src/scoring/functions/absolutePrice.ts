import type { Decimal } from "decimal.js";
import { Dec, decString } from "../../_lib/decimal.js";
import { fail } from "../../errors/VbpInputError.js";
import type { PriceFormulaRule } from "./price.js";
import { equals } from "./trace.js";

const s = decString as (d: Decimal) => string;



/** @internal The absolute-scoring family and the optimal-price formula, from the comparative literature. */
export function absoluteLinear(): PriceFormulaRule {
  return {
    id: "absolute-linear",
    label: "Absolute: linear between stated prices",
    formula: "max × (C − P) / (C − F), full marks at or below the stated floor F, 0 at or above the stated ceiling C",
    params: [
      { name: "floor", required: true, rule: "positive", description: "" },
      { name: "ceiling", required: true, rule: "positive", description: "" },
    ],
    score(price, ctx) {
      const f = ctx.params.floor as Decimal;
      const c = ctx.params.ceiling as Decimal;
      if (!c.gt(f)) fail({ code: "out_of_order", path: ["params", "ceiling"], message: `must be greater than params.floor (${s(f)}), got ${s(c)}` });
      const pts = ctx.maxPoints.times(c.minus(price)).div(c.minus(f));
      return { points: pts, inputs: { F: s(f), C: s(c) }, substituted: `${s(ctx.maxPoints)} × (${s(c)} − ${s(price)}) / (${s(c)} − ${s(f)}) ${equals(pts as Dec)}` };
    },
  };
}

/** @internal */
export function absoluteProportionalDeviation(): PriceFormulaRule {
  return {
    id: "absolute-proportional-deviation",
    label: "Absolute: proportional deviation from a stated reference price",
    formula: "max × (1 − (P − R) / R), capped at max, 0 at twice R or more (R = params.reference)",
    params: [{ name: "reference", required: true, rule: "positive", description: "" }],
    score(price, ctx) {
      const r = ctx.params.reference as Decimal;
      const pts = ctx.maxPoints.times(new Dec(1).minus(price.minus(r).div(r)));
      return { points: pts, inputs: { R: s(r) }, substituted: `${s(ctx.maxPoints)} × (1 − (${s(price)} − ${s(r)}) / ${s(r)}) ${equals(pts as Dec)}` };
    },
  };
}

/** @internal */
export function optimalPrice(): PriceFormulaRule {
  return {
    id: "optimal-price",
    label: "Optimal price: full marks at or below a stated optimal price, falling linearly to 0 at a stated ceiling",
    formula: "P ≤ Popt: max; Popt < P < C: max × (C − P) / (C − Popt); P ≥ C: 0",
    params: [
      { name: "optimal", required: true, rule: "positive", description: "" },
      { name: "ceiling", required: true, rule: "positive", description: "" },
    ],
    score(price, ctx) {
      const o = ctx.params.optimal as Decimal;
      const c = ctx.params.ceiling as Decimal;
      if (!c.gt(o)) fail({ code: "out_of_order", path: ["params", "ceiling"], message: `must be greater than params.optimal (${s(o)}), got ${s(c)}` });
      const inputs = { Popt: s(o), C: s(c) };
      if (price.lte(o)) return { points: ctx.maxPoints, inputs, substituted: `P = ${s(price)} ≤ Popt = ${s(o)}: ${s(ctx.maxPoints)}` };
      const pts = ctx.maxPoints.times(c.minus(price)).div(c.minus(o));
      return { points: pts, inputs, substituted: `${s(ctx.maxPoints)} × (${s(c)} − ${s(price)}) / (${s(c)} − ${s(o)}) ${equals(pts as Dec)}` };
    },
  };
}
