import { withMeta, describedObject } from "../../schema/withMeta.js";
import { onFirstUse } from "../../schema/onFirstUse.js";
import * as z from "zod/mini";
import { Dec } from "../../_lib/decimal.js";
import type { Figure } from "../../_lib/figure.js";
import { parseWith } from "../../schema/issues.js";
import { decimalSchema, idSchema, nonNegativeDecimalSchema, textSchema } from "../../schema/primitives.js";
import type { CeaOption } from "../types.js";

/** Most options one analysis accepts (a national catalogue with room to spare). */
export const MAX_OPTIONS = 100_000;

/** @internal zod schema of one cost-effectiveness option. */
export const ceaOptionSchema = /* @__PURE__ */ onFirstUse(() => describedObject("analysis/options:ceaOption", {
    id: idSchema(),
    label: z.optional(textSchema(300)),
    cost: decimalSchema(),
    effect: decimalSchema(),
  }));

/** @internal zod schema of a list of options with unique ids. */
export const ceaOptionsSchema = /* @__PURE__ */ onFirstUse(() => withMeta(z
  .array(ceaOptionSchema()).check(z.minLength(1), z.maxLength(MAX_OPTIONS), z.superRefine((options, ctx) => {
    const seen = new Map<string, number>();
    options.forEach((o, i) => {
      const first = seen.get(o.id);
      if (first !== undefined) {
        ctx.addIssue({ code: "custom", path: [i, "id"], message: `must be unique, got "${o.id}" again (first used at index ${first})`, params: { vbpCode: "duplicate_id" } });
      } else seen.set(o.id, i);
    });
  })), "analysis/options:ceaOptions"));

/** @internal An option parsed to exact decimals, with its input position (a cost from the whole job may be held in ledger units). */
export interface ParsedOption {
  readonly index: number;
  readonly id: string;
  readonly label?: string;
  readonly cost: Figure;
  readonly effect: Dec;
}

/** @internal Validates options (path prefix `options`) and converts them to exact decimals. */
export function parseOptions(options: readonly CeaOption[], key = "options"): ParsedOption[] {
  const parsed = parseWith(z.strictObject({ [key]: ceaOptionsSchema() }), { [key]: options }) as Record<string, z.output<ReturnType<typeof ceaOptionsSchema>>>;
  const list = parsed[key] ?? [];
  return list.map((o, index) => ({
    index,
    id: o.id,
    ...(o.label === undefined ? {} : { label: o.label }),
    cost: new Dec(o.cost),
    effect: new Dec(o.effect),
  }));
}

/** @internal Validates a list of willingness-to-pay thresholds (≥ 0) under `key`. */
export function parseThresholds(thresholds: readonly (string | number)[], key = "thresholds"): Dec[] {
  const schema = z.strictObject({ [key]: z.array(nonNegativeDecimalSchema()).check(z.minLength(1), z.maxLength(10_000)) });
  const parsed = parseWith(schema, { [key]: thresholds }) as Record<string, string[]>;
  return (parsed[key] ?? []).map((t) => new Dec(t));
}
