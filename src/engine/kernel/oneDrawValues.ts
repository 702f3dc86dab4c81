/**
 * The values of one draw on plain numbers: the parameter vector (overrides kept, the others computed in
 * dependency order), each option's vector after its parameter effects, and the site values an option reads,
 * after its effects and checked against the site's kind. The same steps, in the same order and with the same
 * Float64 operations, as the kernel's `computeParameters` and `OptionValues` on a one-lane calculator, so the
 * numbers are bit-identical; a value that breaks a rule clears `ctx.ok` (the kernel then reports it).
 *
 * @module
 */
import { RULE } from "../backends/calculator.js";
import { passes } from "../backends/float64.js";
import type { CEffect, COption, Program, Site } from "../program.js";
import { codeAtCycle, runScalarCode, type ScalarContext } from "./scalarCode.js";

/** True when the site's value (after the option's effects) changes with the cycle (as `OptionValues.varies`). */
export function siteVaries(o: COption, site: Site): boolean {
  if (site.timeDependent) return true;
  const ops = o.siteOps.get(site.id);
  return ops !== undefined && ops.some((e) => e.from > 1 || e.to < Number.MAX_SAFE_INTEGER);
}

/**
 * Evaluates the run's parameter vector into `out`: overridden parameters keep their value, the others are
 * computed in order.
 */
export function baseParameters(ctx: ScalarContext, program: Program, fixed: Float64Array, isFixed: Uint8Array, folded: Folded, out: Float64Array): void {
  for (const p of program.parameters) {
    const i = p.index;
    out[i] = isFixed[i] === 1 ? fixed[i]! : folded.has[i] === 1 ? folded.value[i]! : runScalarCode(ctx, codeAtCycle(p.value, 1), out);
  }
}

/** Values that are the same in every evaluation (constant codes whose checks pass), computed once. */
export interface Folded {
  readonly has: Uint8Array;
  readonly value: Float64Array;
}

/** The parameters whose value is a constant expression (literals), folded once. */
export function foldedParameters(ctx: ScalarContext, program: Program): Folded {
  const P = program.parameters.length;
  const f = { has: new Uint8Array(P), value: new Float64Array(P) };
  const none = new Float64Array(0);
  for (const p of program.parameters) {
    const code = codeAtCycle(p.value, 1);
    if (p.value.k !== "code" || !code.constant) continue;
    ctx.ok = true;
    const v = runScalarCode(ctx, code, none);
    if (!ctx.ok) continue;
    f.has[p.index] = 1;
    f.value[p.index] = v;
  }
  ctx.ok = true;
  return f;
}

/** An effect's operand, from the run's parameters before any effect (a hazard ratio must be ≥ 0). */
export function effectOperand(ctx: ScalarContext, e: CEffect, base: Float64Array): number {
  const x = runScalarCode(ctx, codeAtCycle(e.value, 1), base);
  if (e.op === "hazardRatio" && !passes(x, RULE.nonNegative, 0)) ctx.ok = false;
  return x;
}

/** An option's parameter vector after its parameter effects (only for options that have some). */
export function optionParameters(ctx: ScalarContext, program: Program, o: COption, isFixed: Uint8Array, folded: Folded, base: Float64Array, out: Float64Array): void {
  for (const p of program.parameters) {
    const i = p.index;
    let v = isFixed[i] === 1 ? base[i]! : folded.has[i] === 1 ? folded.value[i]! : runScalarCode(ctx, codeAtCycle(p.value, 1), out);
    const ops = o.paramOps.get(i);
    if (ops !== undefined) {
      for (const e of ops) {
        const x = effectOperand(ctx, e, base);
        if (e.op === "set") v = x;
        else if (e.op === "multiply") v = v * x;
        else v = v + x;
      }
      if (!passes(v, RULE.finite, 0)) ctx.ok = false;
    }
    out[i] = v;
  }
}

/**
 * A site's value for an option at the context's cycle (after the option's effects active in that cycle),
 * checked against its kind.
 */
export function siteValue(ctx: ScalarContext, program: Program, o: COption, site: Site, params: Float64Array, base: Float64Array): number {
  let v = runScalarCode(ctx, codeAtCycle(site.value, ctx.cycle), params);
  const ops = o.siteOps.get(site.id);
  if (ops !== undefined) {
    const cycle = ctx.cycle;
    for (const e of ops) {
      if (cycle < e.from || cycle > e.to) continue;
      const x = effectOperand(ctx, e, base);
      switch (e.op) {
        case "set":
          v = x;
          break;
        case "multiply":
          v = v * x;
          break;
        case "add":
          v = v + x;
          break;
        case "hazardRatio":
          // Rates scale by the hazard ratio; a probability p becomes 1 − (1 − p)^HR.
          if (site.kind === "rate") v = v * x;
          else {
            if (!passes(v, RULE.probability, 0)) ctx.ok = false;
            v = 1 - v;
            v = Math.pow(v, x);
            v = 1 - v;
          }
          break;
      }
    }
  }
  switch (site.kind) {
    case "utility":
      if (!passes(v, RULE.finite, 0) || (!program.allowUtilityAboveOne && !(v <= 1))) ctx.ok = false;
      break;
    case "probability":
      if (!passes(v, RULE.probability, 0)) ctx.ok = false;
      break;
    case "any":
      if (!passes(v, RULE.finite, 0)) ctx.ok = false;
      break;
    default:
      if (!passes(v, RULE.nonNegative, 0)) ctx.ok = false;
  }
  return v;
}
