/**
 * Pictures of results: Vega-Lite chart specifications as plain JSON (score breakdown, whole-life cost,
 * carbon, cost-effectiveness plane, acceptability curves, tornado, rank acceptability), the standalone HTML
 * report, and rich display in notebooks. Browser-safe: nothing here renders or loads; `vbp-score/svg`
 * renders the specifications to SVG in Node.
 *
 * @module
 */
export { VEGA_LITE_MIME, VEGA_LITE_SCHEMA, type ChartOptions, type JsonValue, type VegaLiteSpec } from "./vegaLite.js";
export { scoreBreakdownChart, scoreBreakdownData, type ScoreBreakdownRow } from "./scoreBreakdownChart.js";
export { wholeLifeCostChart, wholeLifeCostData, type WholeLifeCostDataOptions, type WholeLifeCostRow } from "./wholeLifeCostChart.js";
export { carbonBySourceChart, carbonBySourceData, type CarbonBySourceRow } from "./carbonChart.js";
export { costEffectivenessPlaneChart, type CostEffectivenessPlaneOptions, type OptionDraws, type PsaDraws } from "./costEffectivenessPlaneChart.js";
export { acceptabilityCurveChart, type AcceptabilityChartOptions, type AcceptabilityCurves, type AcceptabilityFrontier } from "./acceptabilityCurveChart.js";
export { tornadoChart, type TornadoBar, type TornadoChartOptions, type TornadoData, type TornadoOutput } from "./tornadoChart.js";
export { rankAcceptabilityChart, type RankAcceptabilityRow } from "./rankAcceptabilityChart.js";
export { evaluationCharts, type EvaluationChart } from "./evaluationCharts.js";
export { escapeHtml, renderHtmlTable } from "./html.js";
export { evaluationHtmlReport, type HtmlReportOptions, type RenderedChart } from "./htmlReport.js";
export { JUPYTER_DISPLAY, richChart, richEvaluation, richTable, type MimeBundle, type RichDisplay } from "./notebook.js";
