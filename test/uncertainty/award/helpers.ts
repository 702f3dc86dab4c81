import { readFileSync } from "node:fs";
import { tenderOfEvaluation } from "../../../src/index.js";
import type { Tender } from "../../../src/index.js";

export const workedDocument = (): Record<string, unknown> => JSON.parse(readFileSync(new URL("../../../examples/tender/tender.json", import.meta.url), "utf8")) as Record<string, unknown>;

let cached: Tender | undefined;
/** The worked tender's scored tender (raw values from the exact evaluation). */
export const workedTender = (): Tender => (cached ??= tenderOfEvaluation(workedDocument()));

/** A one-lot tender with a quality gate, a price formula and the default tie-breaks. */
export const gatedTender = (formula: string, params?: Record<string, string>): Tender => ({
  criteria: [
    {
      id: "quality",
      label: "Quality",
      kind: "group",
      weight: "50",
      children: [
        { id: "q1", label: "Q1", kind: "qualitative", weight: "60", scale: "0-5" },
        { id: "co2", label: "Carbon", kind: "quantitative", weight: "40", valueFunction: { fn: "linear", direction: "lower-is-better", params: { lower: "0", upper: "500" } } },
      ],
    },
    { id: "price", label: "Price", kind: "price", weight: "40", formula: { formula, ...(params !== undefined ? { params } : {}) } },
    { id: "sv", label: "Social value", kind: "quantitative", weight: "10", tag: "social-value", valueFunction: { fn: "proportional-to-best", params: { best: "10" } } },
  ],
  options: [
    { id: "A", supplier: "Acme", label: "A", price: "10000", values: { co2: "120", sv: "6" } },
    { id: "B", supplier: "Beta", label: "B", price: "8000", values: { co2: "300", sv: "9" } },
    { id: "C", supplier: "Gamma", label: "C", price: "9000", values: { co2: "200", sv: "4" } },
    { id: "D", supplier: "Delta", label: "D", price: "7000", values: { co2: "450", sv: "2" } },
    { id: "E", supplier: "Epsilon", label: "E", price: "12000", values: { co2: "50", sv: "10" } },
  ],
  consensus: [
    { criterionId: "q1", optionId: "A", level: "4", reason: "r" },
    { criterionId: "q1", optionId: "B", level: "3", reason: "r" },
    { criterionId: "q1", optionId: "C", level: "3", reason: "r" },
    { criterionId: "q1", optionId: "D", level: "1", reason: "r" },
    { criterionId: "q1", optionId: "E", level: "5", reason: "r" },
  ],
  evaluatorScores: (["A", "B", "C", "D", "E"] as const).map((optionId, i) => ({ criterionId: "q1", optionId, evaluatorId: "E1", level: String([4, 3, 3, 1, 5][i]), reason: "r" })),
  gates: [{ id: "q-min", label: "Quality threshold", scope: ["quality"], minimumPercent: "45" }],
});
