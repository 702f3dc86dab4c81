import { describe, expect, it } from "vitest";
import { EVALUATION_METRICS, type EvaluationMetricId } from "../../src/index.js";
import { METRIC_RULES, readMetricName } from "../../src/evaluate/metricNames.js";

// The stages read a metric's decimal places and needs from METRIC_RULES (so a run carries no descriptions), and the
// published catalogue EVALUATION_METRICS spreads them into its entries: both name the same metrics, with the same figures.
describe("metric names", () => {
  it("METRIC_RULES and EVALUATION_METRICS name the same metrics, with the same decimal places and needs", () => {
    expect(Object.keys(METRIC_RULES)).toEqual(Object.keys(EVALUATION_METRICS));
    for (const id of Object.keys(EVALUATION_METRICS) as EvaluationMetricId[]) {
      const m = EVALUATION_METRICS[id];
      expect(readMetricName(id)).toStrictEqual({ base: id, decimalPlaces: m.decimalPlaces, ...(m.needs !== undefined ? { needs: m.needs } : {}) });
    }
  });

  it("reads suffixed names and refuses unknown ones", () => {
    expect(readMetricName("costCategoryPerPatient:bed-days")).toStrictEqual({ base: "costCategoryPerPatient", arg: "bed-days", decimalPlaces: 2 });
    expect(readMetricName("eventsPerPatient:ssi")).toStrictEqual({ base: "eventsPerPatient", arg: "ssi", decimalPlaces: 6 });
    expect(readMetricName("costCategoryPerPatient:")).toBeUndefined();
    expect(readMetricName("toString")).toBeUndefined();
    expect(readMetricName("__proto__")).toBeUndefined();
  });
});
