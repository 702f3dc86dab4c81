import { withMeta } from "../../schema/withMeta.js";
import { onFirstUse } from "../../schema/onFirstUse.js";
import * as z from "zod/mini";
import { type Fixed, fixedAt, fixedString } from "../../_lib/fixed.js";

/** @internal How ratios (ICERs) are presented: computation is exact, only the output may be rounded. */
export interface RatioSettings {
  readonly icerDecimalPlaces?: number | undefined;
}

/** @internal schema for ratio presentation settings. */
export const ratioSettingsSchema = /* @__PURE__ */ onFirstUse(() => z.strictObject({
  icerDecimalPlaces: withMeta(z.optional(z.int().check(z.gte(0), z.lte(40))), "analysis/ratio:ratioSettings.icerDecimalPlaces"),
}));

/** @internal Formats a ratio per the settings. */
export function formatRatio(value: Fixed, settings: RatioSettings): string {
  const places = settings.icerDecimalPlaces;
  const v = places === undefined ? value : fixedAt(value, places);
  return fixedString(v.m, v.s);
}
