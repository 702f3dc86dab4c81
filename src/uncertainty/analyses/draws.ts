import { VbpInputError } from "../../errors/VbpInputError.js";
import type { PsaOption, PsaResult } from "../psa.js";

/** @internal Indices of the valid draws (all of them unless some draws broke a model rule). */
export function validDraws(psa: PsaResult): Uint32Array {
  let n = 0;
  for (let i = 0; i < psa.count; i++) if (psa.valid[i] === 1) n++;
  const out = new Uint32Array(n);
  let j = 0;
  for (let i = 0; i < psa.count; i++) if (psa.valid[i] === 1) out[j++] = i;
  if (n === 0) throw new VbpInputError([{ code: "not_computable", path: ["psa"], message: "no valid draws to analyse (every draw broke a model rule; see the result's conditions)" }]);
  return out;
}

/** @internal Checks willingness-to-pay values: finite and ≥ 0, at least one. */
export function checkThresholds(thresholds: readonly number[], path: (string | number)[] = ["thresholds"]): readonly number[] {
  if (!Array.isArray(thresholds) || thresholds.length === 0) throw new VbpInputError([{ code: "too_small", path, message: "give at least one willingness-to-pay value per QALY" }]);
  thresholds.forEach((t, i) => {
    if (typeof t !== "number" || !Number.isFinite(t) || t < 0) throw new VbpInputError([{ code: "invalid_value", path: [...path, i], message: `a willingness-to-pay value must be a finite number ≥ 0, got ${String(t)}` }]);
  });
  return thresholds;
}

/** @internal The option with an id, or a VbpInputError naming the path. */
export function optionOf(psa: PsaResult, id: string, path: (string | number)[]): PsaOption {
  const o = psa.options.find((x) => x.optionId === id);
  if (o === undefined) throw new VbpInputError([{ code: "unknown_reference", path, message: `no option "${id}" (options: ${psa.options.map((x) => x.optionId).join(", ")})` }]);
  return o;
}

/**
 * Evenly spaced willingness-to-pay values from `from` to `to` in `steps` values, for CEAC, CEAF and EVPI curves.
 *
 * @example
 * ```ts
 * thresholdRange(0, 50000, 6); //=> [0, 10000, 20000, 30000, 40000, 50000]
 * ```
 * @category Uncertainty
 */
export function thresholdRange(from: number, to: number, steps: number): number[] {
  if (!(Number.isFinite(from) && Number.isFinite(to) && from >= 0 && to >= from)) throw new VbpInputError([{ code: "invalid_value", path: ["to"], message: `needs 0 ≤ from ≤ to, got ${from}…${to}` }]);
  if (!Number.isInteger(steps) || steps < 1 || steps > 10000) throw new VbpInputError([{ code: "invalid_value", path: ["steps"], message: `must be a whole number from 1 to 10,000, got ${steps}` }]);
  if (steps === 1) return [from];
  return Array.from({ length: steps }, (_, i) => (i === steps - 1 ? to : from + ((to - from) * i) / (steps - 1)));
}
