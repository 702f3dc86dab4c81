import { onFirstUse } from "../schema/onFirstUse.js";
import type * as z from "zod/mini";

/**
 * @internal The descriptions (and other JSON Schema metadata) of the schemas in solvers.ts, by the key each
 * schema names in its `withMeta` call. Kept apart from the schemas so that code which only validates does not
 * carry the text: they are attached when a JSON Schema is generated.
 */
export const ANALYSIS_SOLVERS_DESCRIPTIONS = /* @__PURE__ */ onFirstUse((): Readonly<Record<string, z.core.GlobalMeta>> => ({
  "analysis/solvers:rootSettings.bracket": { description: "[lower, upper] ends of the search interval." },
  "analysis/solvers:rootSettings.tolerance": { description: "Absolute tolerance on x (> 0); default 1e-10." },
  "analysis/solvers:rootSettings.maxIterations": { description: "Most iterations before giving up; default 200." },
  "analysis/solvers:alternativesSettings.threshold": { description: "Willingness to pay per unit of effect (≥ 0)." },
  "analysis/solvers:alternativesSettings.against": { description: "Id of the alternative to break even with; default the best at λ." },
  "analysis/solvers:linear.baseCost": { description: "Cost of the option except the priced item." },
  "analysis/solvers:linear.units": { description: "Units of the priced item used (> 0)." },
  "analysis/solvers:linear.effect": { description: "Effect of the option." },
}));
