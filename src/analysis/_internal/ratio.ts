import { withMeta } from "../../schema/withMeta.js";
import { onFirstUse } from "../../schema/onFirstUse.js";
import * as z from "zod/mini";
import { type Dec, decString } from "../../_lib/decimal.js";

/** @internal How ratios (ICERs) are presented: computation is exact, only the output may be rounded. */
export interface RatioSettings {
  readonly icerDecimalPlaces?: number | undefined;
}

/** @internal schema for ratio presentation settings. */
export const ratioSettingsSchema = /* @__PURE__ */ onFirstUse(() => z.strictObject({
  icerDecimalPlaces: withMeta(z.optional(z.int().check(z.gte(0), z.lte(40))), "analysis/ratio:ratioSettings.icerDecimalPlaces"),
}));

/** @internal Formats a ratio per the settings. */
export function formatRatio(value: Dec, settings: RatioSettings): string {
  const places = settings.icerDecimalPlaces;
  return decString(places === undefined ? value : value.toDecimalPlaces(places));
}
