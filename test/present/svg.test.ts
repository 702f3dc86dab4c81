import { describe, expect, it } from "vitest";
import { evaluationHtmlReport, scoreBreakdownChart, tornadoChart, type VegaLiteSpec } from "../../src/index.js";
import { evaluationHtmlReportWithCharts, renderChartSvg, renderEvaluationCharts } from "../../src/svg.js";
import { tenderResult } from "./helpers.js";

describe("vbp-score/svg", () => {
  it("renders a chart to one SVG element with its marks and labels, escaping text", async () => {
    const svg = await renderChartSvg(scoreBreakdownChart([{ option: "<script>alert(1)</script> & Co", criterion: "Price", points: 40 }, { option: "B", criterion: "Quality", points: 30 }]));
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.endsWith("</svg>")).toBe(true);
    expect(svg).not.toMatch(/<script/i);
    expect(svg).toContain("&lt;script&gt;");
    expect(svg).toContain("Quality");
    expect((svg.match(/<path/g) ?? []).length).toBeGreaterThan(2);
    // The renderer's output is accepted by the report's inert-SVG check.
    expect(() => evaluationHtmlReport(tenderResult(), { charts: [{ id: "x", title: "x", svg }] })).not.toThrow();
  });

  it("renders the same specification to the same SVG (deterministic)", async () => {
    const spec = tornadoChart({ output: "ICER", base: 6276, bars: [{ parameter: "rr", low: 0.365, high: 0.71, outputAtLow: 3000, outputAtHigh: 12000 }] });
    expect(await renderChartSvg(spec)).toBe(await renderChartSvg(spec));
  });

  it("never loads anything: a specification pointing at a URL fails instead of fetching", async () => {
    const spec = { $schema: "https://vega.github.io/schema/vega-lite/v5.json", data: { url: "https://example.org/data.json" }, mark: "point", encoding: { x: { field: "a", type: "quantitative" } } } as VegaLiteSpec;
    await expect(renderChartSvg(spec)).rejects.toThrow(/data.url: charts must carry their data inline/);
    const nested = { $schema: spec.$schema, layer: [{ mark: "point", data: { values: [] } }, { mark: "point", data: { url: "x.csv" } }] } as VegaLiteSpec;
    await expect(renderChartSvg(nested)).rejects.toThrow(/layer\[1\].data.url/);
  });

  it("renders every evaluation chart and puts them in the report", async () => {
    const result = tenderResult();
    const charts = await renderEvaluationCharts(result);
    expect(charts.map((c) => c.id)).toEqual(["score-breakdown", "whole-life-cost", "carbon-by-source"]);
    const html = await evaluationHtmlReportWithCharts(result);
    expect((html.match(/<figure /g) ?? []).length).toBe(3);
    expect((html.match(/<svg/g) ?? []).length).toBe(3);
  });
});
