import * as z from "zod";
import { Dec } from "../../_lib/decimal.js";
import { parseWith } from "../../schema/issues.js";
import { decimalSchema, idSchema, nonNegativeDecimalSchema, textSchema } from "../../schema/primitives.js";
import type { CeaOption } from "../types.js";

/** Most options one analysis accepts (a national catalogue with room to spare). */
export const MAX_OPTIONS = 100_000;

/** @internal zod schema of one cost-effectiveness option. */
export const ceaOptionSchema = z
  .strictObject({
    id: idSchema.meta({ description: "Identifier, unique within the analysis." }),
    label: textSchema(300).optional().meta({ description: "Human name for tables." }),
    cost: decimalSchema.meta({ description: "Total (discounted) cost, as a decimal string or finite number." }),
    effect: decimalSchema.meta({ description: "Total (discounted) effect, QALYs or another outcome where more is better." }),
  })
  .meta({ description: "One option with its total cost and effect." });

/** @internal zod schema of a list of options with unique ids. */
export const ceaOptionsSchema = z
  .array(ceaOptionSchema)
  .min(1)
  .max(MAX_OPTIONS)
  .superRefine((options, ctx) => {
    const seen = new Map<string, number>();
    options.forEach((o, i) => {
      const first = seen.get(o.id);
      if (first !== undefined) {
        ctx.addIssue({ code: "custom", path: [i, "id"], message: `must be unique, got "${o.id}" again (first used at index ${first})`, params: { vbpCode: "duplicate_id" } });
      } else seen.set(o.id, i);
    });
  })
  .meta({ description: "Options to compare: at least one, ids unique." });

/** @internal An option parsed to exact decimals, with its input position. */
export interface ParsedOption {
  readonly index: number;
  readonly id: string;
  readonly label?: string;
  readonly cost: Dec;
  readonly effect: Dec;
}

/** @internal Validates options (path prefix `options`) and converts them to exact decimals. */
export function parseOptions(options: readonly CeaOption[], key = "options"): ParsedOption[] {
  const parsed = parseWith(z.strictObject({ [key]: ceaOptionsSchema }), { [key]: options }) as Record<string, z.output<typeof ceaOptionsSchema>>;
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
  const schema = z.strictObject({ [key]: z.array(nonNegativeDecimalSchema).min(1).max(10_000) });
  const parsed = parseWith(schema, { [key]: thresholds }) as Record<string, string[]>;
  return (parsed[key] ?? []).map((t) => new Dec(t));
}
