/**
 * Stage 4, metrics → tender values: each metric named in `criterionMetrics` read from the options' exact
 * figures, rounded to the metric's places (half-even), as the raw value of its quantitative criterion.
 *
 * @internal
 * @module
 */
import { Dec, decString } from "../../_lib/decimal.js";
import type { VbpIssue } from "../../errors/issue.js";
import { VbpInputError } from "../../errors/VbpInputError.js";
import type { NetMonetaryBenefitRow } from "../../analysis/nmb.js";
import type { SocialValueResult } from "../../sustainability/socialValue.js";
import type { EvaluationDocument } from "../document.js";
import { readMetricName } from "../metrics.js";
import type { OptionFigures } from "./figures.js";

const ZERO = new Dec(0);

/** What a metric can read for one option. */
export interface MetricSource {
  readonly figures: OptionFigures;
  readonly nmb?: NetMonetaryBenefitRow;
  readonly social?: SocialValueResult;
}

/** A metric's value: an exact figure, or the text of one (read by the caller only when first met). */
function metricValue(base: string, arg: string | undefined, s: MetricSource): Dec | string {
  const f = s.figures;
  const pp = f.pathway.perPatient;
  const dec = (v: string | undefined): Dec | string => v ?? ZERO;
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
      return dec(pp.lifeYears.discounted);
    case "netMonetaryBenefitPerPatient":
      return dec(s.nmb?.nmb);
    case "incrementalNetMonetaryBenefitPerPatient":
      return dec(s.nmb?.incrementalNmb);
    case "carbonKgPerPatient":
      return f.kgPerPatient;
    case "carbonKgTotal":
      return f.kgTotal;
    case "carbonCostPerPatient":
      return f.carbonCost ?? ZERO;
    case "socialValueScore":
      return dec(s.social?.normalised);
    case "costCategoryPerPatient":
      return dec(pp.costs.byCategory[arg ?? ""]?.discounted);
    case "eventsPerPatient":
      return dec(pp.events[arg ?? ""]);
    default:
      return ZERO;
  }
}

/** Raw values by option id, by criterion id. Throws when a metric names a category or event no option has. */
export function metricsStage(doc: EvaluationDocument, sources: readonly MetricSource[]): Map<string, Record<string, string>> {
  const issues: VbpIssue[] = [];
  const values = new Map<string, Record<string, string>>();
  doc.options.forEach((o) => values.set(o.id, {}));
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
    // Each distinct value (a text, or a figure options share) is rounded and written once.
    const written = new Map<Dec | string, string>();
    doc.options.forEach((o, i) => {
      const v = metricValue(m.base, m.arg, sources[i] as MetricSource);
      let text = written.get(v);
      if (text === undefined) written.set(v, (text = decString((typeof v === "string" ? new Dec(v) : v).toDecimalPlaces(m.decimalPlaces, Dec.ROUND_HALF_EVEN))));
      (values.get(o.id) as Record<string, string>)[criterionId] = text;
    });
  }
  if (issues.length > 0) throw new VbpInputError(issues);
  return values;
}
