import { readFileSync } from "node:fs";

/** The surgical-site-infection example with an uncertainty section (illustrative distributions). */
export function ssiDocument(): Record<string, unknown> {
  const doc = JSON.parse(readFileSync(new URL("../../examples/pathway/surgical-site-infection.json", import.meta.url), "utf8")) as Record<string, unknown>;
  return {
    ...doc,
    uncertainty: {
      distributions: {
        p_ssi: { type: "beta", mean: 0.05, se: 0.01 },
        p_readmit: { type: "beta", alpha: 30, beta: 70 },
        c_bed_day: { type: "gamma", mean: 345, se: 50 },
        los_ssi: { type: "gamma", mean: 7, se: 2 },
        qaly_loss_ssi: { type: "truncatedNormal", mean: -0.02, sd: 0.005, upper: 0 },
        kg_bed_day: { type: "pert", min: 20, mode: 30, max: 45 },
      },
    },
  };
}
