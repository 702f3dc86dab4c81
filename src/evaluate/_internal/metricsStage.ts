/**
 * Stage 4, metrics → tender values: each metric named in `criterionMetrics` read from the options' exact
 * figures, rounded to the metric's places (half-even), as the raw value of its quantitative criterion.
 *
 * @internal
 * @module
 */
import { figureOfText, figureTextAt, type Figure } from "../../_lib/figure.js";
import type { VbpIssue } from "../../errors/issue.js";
import { VbpInputError } from "../../errors/VbpInputError.js";
import type { NetMonetaryBenefitRow } from "../../analysis/nmb.js";
import type { SocialValueResult } from "../../sustainability/socialValue.js";
import type { EvaluationDocument } from "../document.js";
import { readMetricName } from "../metricNames.js";
import type { OptionFigures } from "./figures.js";

/** What a metric can read for one option. */
export interface MetricSource {
  readonly figures: OptionFigures;
  readonly nmb?: NetMonetaryBenefitRow;
  readonly social?: SocialValueResult;
}

/** A metric's value: an exact figure, or the text of one (read by the caller only when first met). */
function metricValue(base: string, arg: string | undefined, s: MetricSource): Figure | string {
  const f = s.figures;
  const pp = f.pathway.perPatient;
  const orZero = (v: string | undefined): Figure | string => v ?? 0n;
  switch (base) {
    case "wholePathwayCostPerPatient":
      return f.wholePathway;
    case "lifecycleCostPerPatient":
      return f.lifecycle;
    case "pathwayCostPerPatient":
      return f.pathwayCost;
    case "lifecycleNetPresentCost":
      return f.lifecycleNetPresentCost;
    case "qalysPerPatient":
      return f.qalys;
    case "lifeYearsPerPatient":
      return orZero(pp.lifeYears.discounted);
    case "netMonetaryBenefitPerPatient":
      return orZero(s.nmb?.nmb);
    case "incrementalNetMonetaryBenefitPerPatient":
      return orZero(s.nmb?.incrementalNmb);
    case "carbonKgPerPatient":
      return f.kgPerPatient;
    case "carbonKgTotal":
      return f.kgTotal;
    case "carbonCostPerPatient":
      return f.carbonCost ?? 0n;
    case "socialValueScore":
      return orZero(s.social?.normalised);
    case "costCategoryPerPatient":
      return orZero(pp.costs.byCategory[arg ?? ""]?.discounted);
    case "eventsPerPatient":
      return orZero(pp.events[arg ?? ""]);
    default:
      return 0n;
  }
}

/** Distinct values a metric remembers before it is judged to repeat too seldom to be worth remembering. */
const UNIQUE = 256;

/** Raw values by option id, by criterion id. Throws when a metric names a category or event no option has. */
export function metricsStage(doc: EvaluationDocument, sources: readonly MetricSource[]): Map<string, Record<string, string>> {
  const issues: VbpIssue[] = [];
  // Each metric with the texts of the distinct values met (a text, or a figure options share), each rounded and
  // written once; a metric whose values seldom repeat (an option's own cost or NMB) stops remembering them.
  const metrics: { id: string; m: NonNullable<ReturnType<typeof readMetricName>>; written: Map<Figure | string, string> | undefined }[] = [];
  for (const [criterionId, name] of Object.entries(doc.criterionMetrics ?? {})) {
    const m = readMetricName(name);
    if (m === undefined) continue;
    if (m.arg !== undefined) {
      const key = m.arg;
      const keysOf = (s: MetricSource): readonly string[] => Object.keys(m.base === "costCategoryPerPatient" ? s.figures.pathway.perPatient.costs.byCategory : s.figures.pathway.perPatient.events);
      if (!sources.some((s) => keysOf(s).includes(key))) {
        const all = [...new Set(sources.flatMap(keysOf))];
        issues.push({
          code: "unknown_reference",
          path: ["criterionMetrics", criterionId],
          message: `no option's pathway has ${m.base === "costCategoryPerPatient" ? "a cost category" : "an event"} "${key}" (found: ${all.join(", ") || "none"})`,
        });
        continue;
      }
    }
    metrics.push({ id: criterionId, m, written: new Map() });
  }
  if (issues.length > 0) throw new VbpInputError(issues);
  // Option by option, every metric of each: V8 meets every kind of metric on the first option, before it optimises.
  const values = new Map<string, Record<string, string>>();
  doc.options.forEach((o, i) => {
    const row: Record<string, string> = {};
    for (const metric of metrics) {
      const { m, written } = metric;
      const v = metricValue(m.base, m.arg, sources[i] as MetricSource);
      let text = written?.get(v);
      if (text === undefined) {
        text = figureTextAt(typeof v === "string" ? figureOfText(v) : v, m.decimalPlaces);
        if (written !== undefined && written.set(v, text).size > UNIQUE && written.size > i / 2) metric.written = undefined;
      }
      row[metric.id] = text;
    }
    values.set(o.id, row);
  });
  return values;
}
