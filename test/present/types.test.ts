// The chart inputs are plain data shapes; results of the uncertainty analyses (PSA, CEAC, CEAF, tornado)
// have these shapes, so they plug in without conversion. The interfaces below restate those results'
// documented shapes.
import { describe, expectTypeOf, it } from "vitest";
import type { AcceptabilityCurves, AcceptabilityFrontier, JsonValue, PsaDraws, RichDisplay, TornadoData, VegaLiteSpec } from "../../src/index.js";
import { JUPYTER_DISPLAY, richTable } from "../../src/index.js";

interface PsaResultShape {
  readonly comparatorId: string;
  readonly options: readonly { readonly optionId: string; readonly label: string; readonly isComparator: boolean; readonly costs: Float64Array; readonly qalys: Float64Array; readonly carbonKg: Float64Array }[];
  readonly valid: Uint8Array;
  readonly seed: number;
}
interface CeacShape {
  readonly thresholds: readonly number[];
  readonly options: readonly { readonly optionId: string; readonly probability: readonly number[] }[];
  readonly definition: "highest-nmb" | "pairwise";
}
interface CeafShape {
  readonly points: readonly { readonly threshold: number; readonly optionId: string; readonly expectedNmb: number; readonly probability: number }[];
}
interface TornadoShape {
  readonly output: { readonly measure: "icer" | "incrementalNmb"; readonly optionId: string; readonly comparatorId?: string; readonly threshold?: number };
  readonly base?: number;
  readonly bars: readonly { readonly parameter: string; readonly low: number; readonly high: number; readonly outputAtLow: number; readonly outputAtHigh: number; readonly swing: number }[];
}

describe("chart input types", () => {
  it("accept analysis results as they are", () => {
    expectTypeOf<PsaResultShape>().toExtend<PsaDraws>();
    expectTypeOf<CeacShape>().toExtend<AcceptabilityCurves>();
    expectTypeOf<CeafShape>().toExtend<AcceptabilityFrontier>();
    expectTypeOf<TornadoShape>().toExtend<TornadoData>();
  });

  it("specifications are JSON; rich displays carry the Jupyter display method", () => {
    expectTypeOf<VegaLiteSpec["$schema"]>().toEqualTypeOf<string>();
    expectTypeOf<VegaLiteSpec[string]>().toExtend<JsonValue>();
    expectTypeOf(richTable).returns.toEqualTypeOf<RichDisplay>();
    expectTypeOf<RichDisplay[typeof JUPYTER_DISPLAY]>().toBeFunction();
  });
});
