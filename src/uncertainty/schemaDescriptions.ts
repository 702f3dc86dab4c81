import { onFirstUse } from "../schema/onFirstUse.js";
import type * as z from "zod/mini";
import type { DescriptionTable } from "../schema/describe.js";
import { SCHEMA_DESCRIPTION_TABLES } from "../schema/descriptions.js";

/**
 * @internal The descriptions (and other JSON Schema metadata) of the schemas in schema.ts, by the key each
 * schema names in its `withMeta` call. Kept apart from the schemas so that code which only validates does not
 * carry the text: they are attached when a JSON Schema is generated.
 */
export const UNCERTAINTY_DESCRIPTIONS = /* @__PURE__ */ onFirstUse((): Readonly<Record<string, z.core.GlobalMeta>> => ({
  "uncertainty:distributionSpec": {
    description:
      "A distribution: beta {alpha, beta} or {mean, se}; gamma {shape, scale}, {shape, rate} or {mean, se}; lognormal {meanlog, sdlog}, {mean, se} or {ci95: [lower, upper]}; normal {mean, sd}; truncatedNormal {mean, sd, lower?, upper?}; uniform {min, max}; triangular / pert {min, mode, max}; dirichlet {alpha: [...], index, group?}; fixed {value?}.",
  },
  "uncertainty:distributionSpec.type": { description: "beta, gamma, lognormal, normal, truncatedNormal, uniform, triangular, pert, dirichlet, fixed, or a registered name." },
  "uncertainty:range": { description: "[low, high]." },
  "uncertainty:valuesAxis": { description: "One axis of a two-way analysis: explicit values, or a range with a number of steps." },
  "uncertainty:valuesAxis.parameter": { description: "The parameter varied." },
  "uncertainty:valuesAxis.values": { description: "The values to evaluate." },
  "uncertainty:valuesAxis.range": { description: "Low and high values (default: the 2.5th and 97.5th percentiles of its distribution)." },
  "uncertainty:valuesAxis.steps": { description: "Number of evenly spaced values over the range (default 11)." },
  "uncertainty:target": { description: "The break-even condition." },
  "uncertainty:target.measure": { description: "What must break even: incremental net monetary benefit (at `threshold`), incremental cost, incremental QALYs, or the ICER equal to `threshold`." },
  "uncertainty:target.threshold": { description: "Willingness to pay per QALY (for nmb and icer)." },
  "uncertainty:uncertaintySection": { description: "Uncertainty analyses of the model: distributions, correlations, PSA settings, one-way, two-way, scenarios and thresholds." },
  "uncertainty:uncertaintySection.distributions": { description: "Distributions by parameter id; they take precedence over a parameter's own `distribution` and add the health-economics parameterisations (mean/SE, CI, PERT…)." },
  "uncertainty:uncertaintySection.correlations": { description: "Correlated parameter groups, drawn through a Gaussian copula (a multivariate normal when the margins are normal)." },
  "uncertainty:uncertaintySection.correlations.parameters": { description: "The correlated parameters (each with a univariate distribution)." },
  "uncertainty:uncertaintySection.correlations.matrix": { description: "Correlation matrix in the order of `parameters` (symmetric, unit diagonal, positive definite)." },
  "uncertainty:uncertaintySection.psa": { description: "Probabilistic sensitivity analysis settings (the CLI's flags take precedence)." },
  "uncertainty:uncertaintySection.psa.iterations": { description: "Number of draws (default 1,000)." },
  "uncertainty:uncertaintySection.psa.seed": { description: "Seed of the generator (default 1)." },
  "uncertainty:uncertaintySection.psa.thresholds": { description: "Willingness-to-pay values per QALY for NMB summaries, CEAC and EVPI." },
  "uncertainty:uncertaintySection.oneWay": { description: "One-way sensitivity analysis and tornado." },
  "uncertainty:uncertaintySection.oneWay.parameters": { description: "Parameters to vary (default: every parameter with a distribution or a range)." },
  "uncertainty:uncertaintySection.oneWay.ranges": { description: "Low and high values by parameter; otherwise the distribution's percentiles." },
  "uncertainty:uncertaintySection.oneWay.percentiles": { description: "Percentiles of the distributions used for low/high (default [0.025, 0.975])." },
  "uncertainty:uncertaintySection.twoWay": { description: "Two-way sensitivity grids." },
  "uncertainty:uncertaintySection.twoWay.id": { description: "Name of the analysis." },
  "uncertainty:uncertaintySection.scenarios": { description: "Named sets of parameter overrides." },
  "uncertainty:uncertaintySection.scenarios.id": { description: "Scenario id." },
  "uncertainty:uncertaintySection.scenarios.label": { description: "Human name." },
  "uncertainty:uncertaintySection.scenarios.overrides": { description: "Parameter values by id." },
  "uncertainty:uncertaintySection.thresholds": { description: "Threshold (break-even) analyses on any parameter." },
  "uncertainty:uncertaintySection.thresholds.id": { description: "Name of the analysis." },
  "uncertainty:uncertaintySection.thresholds.parameter": { description: "The parameter solved for." },
  "uncertainty:uncertaintySection.thresholds.range": { description: "The interval searched." },
  "uncertainty:uncertaintySection.thresholds.option": { description: "The option whose break-even is sought." },
  "uncertainty:uncertaintySection.thresholds.comparator": { description: "Compared with (default the model's comparator)." },
}));

/** @internal Every description table the uncertainty schemas need. */
export const UNCERTAINTY_DESCRIPTION_TABLES = /* @__PURE__ */ onFirstUse((): readonly DescriptionTable[] => [UNCERTAINTY_DESCRIPTIONS(), ...SCHEMA_DESCRIPTION_TABLES()]);
