import { Dec, decString, LEDGER_SCALE, sumDec, toLedgerScale } from "../_lib/decimal.js";
import type { VbpIssue, VbpPath } from "../errors/issue.js";
import { safely, VbpInputError, type SafeResult } from "../errors/VbpInputError.js";
import { DEFAULT_TIMING, compileSchedule, factorAt, periodTime } from "../time/discount.js";
import { DISCOUNT_SCHEDULES, type DiscountSchedule, type DiscountScheduleId } from "../time/schedules.js";
import { runModel } from "../pathway/runModel.js";
import type { OptionResult } from "../pathway/types.js";
import { evaluateLifecycle } from "../lifecycle/evaluate.js";
import type { LifecycleDocumentInput } from "../lifecycle/document.js";
import { carbonFootprint } from "../sustainability/carbonFootprint.js";
import type { CarbonInputDocument, SocialValueInputDocument, SupplierEvidence } from "../sustainability/inputTypes.js";
import { monetiseCarbon } from "../sustainability/monetiseCarbon.js";
import { scoreSocialValue } from "../sustainability/socialValue.js";
import { evaluateSustainabilityGates, NHS_SUSTAINABILITY_GATES, type SustainabilityGate, type SustainabilityGatesResult } from "../sustainability/gates.js";
import type { SocialValueResult } from "../sustainability/socialValue.js";
import { incrementalAnalysis } from "../analysis/incremental.js";
import { pairwiseComparison } from "../analysis/pairwise.js";
import { netMonetaryBenefit, type NetMonetaryBenefitResult } from "../analysis/nmb.js";
import type { CeaOption } from "../analysis/types.js";
import { thresholdFor } from "../reference/thresholds.js";
import { HMT_GDP_DEFLATORS, rebaseFactor } from "../reference/deflators.js";
import { DESNZ_CARBON_VALUES } from "../sustainability/carbonValues.js";
import type { PriceIndexSeries } from "../time/indexation.js";
import { scoreTender } from "../scoring/scoreTender.js";
import { assessmentSummaries, assessmentSummaryMarkdown } from "../scoring/summary.js";
import { WEIGHT_POLICIES, type WeightPolicy } from "../scoring/policies.js";
import type { PassFailRecord } from "../scoring/tender.js";
import type { EvaluationDocument } from "./document.js";
import type { EvaluatedOption, EvaluateOptions, EvaluationReferenceData, EvaluationResult } from "./result.js";
import { readMetricName } from "./metrics.js";
import { evaluationDocumentShallowSchema, safeParseEvaluationDocument } from "./schema.js";
import { safeParseWith } from "../schema/issues.js";
import { buildCarbonInput, buildLifecycleDocument, buildPathwayModel, buildTender, mapCarbonPath, mapLifecyclePath, mapPathwayPath, mapTenderPath, tenderOptionIndexes } from "./_internal/assemble.js";
import { explainOptions, rankingRows } from "./_internal/explain.js";
import { overtakingAnswers, overtakingText } from "./_internal/overtaking.js";
import { classifyCriteria, isPriceDerivedMetric } from "./_internal/classify.js";

function stage<T>(f: () => T, map: (p: VbpPath) => VbpPath): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof VbpInputError) throw new VbpInputError(e.issues.map((i) => ({ ...i, path: map(i.path) })));
    throw e;
  }
}

function schedule(s: DiscountScheduleId | DiscountSchedule | undefined): DiscountSchedule {
  if (s === undefined) return DISCOUNT_SCHEDULES["nice-3.5"];
  return typeof s === "string" ? DISCOUNT_SCHEDULES[s] : s;
}

const ZERO = new Dec(0);

interface Computed {
  readonly lifecycle: Dec;
  readonly npc: Dec;
  readonly pathway: OptionResult;
  readonly carbonExt: Dec;
  readonly carbonCost?: Dec;
  readonly carbonPv: Dec;
  readonly productKgPP: Dec;
  readonly productKgTotal: Dec;
}

/**
 * One call for the whole job: validates an evaluation document, then runs pathway + lifecycle + carbon →
 * cost-effectiveness → tender scores → ranking → explanations, and returns one JSON-serialisable result.
 *
 * Per option (all exact, decimal strings):
 * - lifecycle cost per patient = lifecycle net present cost ÷ discounted patient volume (lifecycle module);
 * - pathway cost per patient = the pathway model's discounted per-patient cost with the option's effects;
 * - whole-pathway cost per patient = lifecycle + pathway (+ monetised carbon when treated as an externality,
 *   EU 2014/24 Art. 68);
 * - QALYs, life years, events per patient from the pathway; carbon = pathway carbon + product footprint;
 * - incremental analysis, pairwise comparison with the comparator and NMB (`QALYs × λ − cost`) on
 *   whole-pathway cost and QALYs per patient;
 * - the metrics named in `criterionMetrics` become the raw values of the tender's quantitative criteria;
 *   sustainability gates named in `criterionGates` become the pass/fail records; the tender is scored and
 *   ranked (the comparator is not a bid and is not scored).
 *
 * @param document - an evaluation document (validated here; see {@link evaluationDocumentSchema})
 * @param options - `{ ledger, summaries }`
 * @returns the {@link EvaluationResult}
 * @throws VbpInputError listing every problem with its path in the document
 * @example
 * ```ts
 * const result = evaluate(JSON.parse(readFileSync("examples/tender/tender.json", "utf8")));
 * result.ranking[0]?.supplier; //=> the most advantageous tender
 * formatEvaluationTable(result);
 * ```
 */
export function evaluate(document: unknown, options: EvaluateOptions = {}): EvaluationResult {
  // Each stage validates its own part as it runs, so the parts are not validated twice; when any stage
  // rejects its part, the full schema reports every problem in the document at once.
  const everyIssue = (e: VbpInputError): VbpInputError => {
    const full = safeParseEvaluationDocument(document);
    return full.success ? e : full.error;
  };
  const shallow = safeParseWith(evaluationDocumentShallowSchema, document);
  if (!shallow.success) throw everyIssue(shallow.error);
  try {
    return evaluateParsed(shallow.data, options);
  } catch (e) {
    if (e instanceof VbpInputError) throw everyIssue(e);
    throw e;
  }
}

/**
 * {@link evaluate} that never throws for bad input: the result, or every problem found.
 *
 * @example
 * ```ts
 * const r = safeEvaluate(json);
 * const problems = r.success ? [] : r.error.issues.map(formatIssue); // ["options[1].id: …", …]
 * ```
 */
export function safeEvaluate(document: unknown, options: EvaluateOptions = {}): SafeResult<EvaluationResult> {
  return safely(() => evaluate(document, options));
}

/** Internal switches for the re-runs of the overtaking solver. */
interface RunMode {
  /** A re-run inside the solver: no rank reversal (the ranking alone is read). */
  readonly solving?: boolean;
}

function evaluateParsed(doc: EvaluationDocument, options: EvaluateOptions, mode: RunMode = {}): EvaluationResult {
  const result = evaluateOnce(doc, options, mode);
  if (options.overtaking !== true || mode.solving === true) return result;
  const answers = overtakingAnswers(doc, result, (d) => evaluateOnce(d, { summaries: false, ledger: false }, { solving: true }));
  const names = new Map(result.options.map((o) => [o.optionId, `${o.supplier} (${o.label})`] as const));
  const byOption = new Map(answers.map((a) => [a.optionId, a] as const));
  const explanations = result.explanations.map((e) => {
    const a = byOption.get(e.optionId);
    return a === undefined ? e : { ...e, lines: [...e.lines, overtakingText(a, names.get(a.targetOptionId) ?? a.targetOptionId, result.currency)] };
  });
  return { ...result, explanations, overtaking: answers };
}

function evaluateOnce(doc: EvaluationDocument, options: EvaluateOptions, mode: RunMode): EvaluationResult {
  const ledger = options.ledger ?? false;
  const timing = doc.discounting.timing ?? DEFAULT_TIMING;
  const costSchedule = schedule(doc.discounting.costs);
  const healthSchedule = schedule(doc.discounting.health);
  const H = doc.horizonYears;
  const ppy = new Dec(doc.patientsPerYear);
  const startYear = Number(doc.priceBaseDate.slice(0, 4));
  const compiled = compileSchedule(costSchedule, timing.compounding);
  const yearFactors = Array.from({ length: H }, (_, y) => factorAt(compiled, periodTime(y + 1, new Dec(1), timing.position)));
  const discountedPatients = sumDec(yearFactors.map((f) => ppy.times(f)));
  const totalPatients = ppy.times(H);
  const assumptions: string[] = [];
  const note = (a: string): void => {
    if (!assumptions.includes(a)) assumptions.push(a);
  };

  // 1. Stages: pathway, lifecycle, product carbon.
  const pathway = stage(() => runModel(buildPathwayModel(doc), { ledger }), mapPathwayPath);
  const lc = buildLifecycleDocument(doc);
  const lifecycle = lc.doc === undefined ? undefined : stage(() => evaluateLifecycle(lc.doc as unknown as LifecycleDocumentInput, { ledger }), (p) => mapLifecyclePath(p, lc.indexes));
  const carbonFull = stage(() => carbonFootprint(buildCarbonInput(doc) as unknown as CarbonInputDocument), mapCarbonPath);
  carbonFull.assumptions.forEach(note);
  const carbon = ledger ? carbonFull : { ...carbonFull, options: carbonFull.options.map((o) => ({ ...o, ledger: [] })) };

  // 2. Threshold.
  let threshold: EvaluationReferenceData["threshold"];
  if (doc.threshold !== undefined) {
    const t = doc.threshold;
    if ("perQaly" in t) threshold = { perQaly: t.perQaly, id: "explicit", ...(t.source !== undefined ? { source: t.source } : {}) };
    else {
      const found = stage(() => thresholdFor({ jurisdiction: t.jurisdiction, on: t.on, programme: t.programme }), (p) => ["threshold", ...p]);
      threshold = { perQaly: t.bound === "lower" ? found.lower : found.upper, id: found.id, bound: t.bound, programme: t.programme, source: found.source };
    }
  }

  // 3. Per-option figures.
  const carbonValuation = doc.carbonValuation;
  let carbonValuesRef: EvaluationReferenceData["carbonValues"];
  // Monetised carbon is restated in the evaluation's price year (the year of priceBaseDate) before it is added
  // to costs in that year's prices: the carbon values' own price year (DESNZ: 2022) is never mixed in silently.
  const priceYear = String(startYear);
  const priceIndex: PriceIndexSeries = (carbonValuation?.priceIndex as PriceIndexSeries | undefined) ?? HMT_GDP_DEFLATORS;
  const rebase =
    carbonValuation === undefined
      ? undefined
      : {
          fromYear: DESNZ_CARBON_VALUES.priceYear,
          toYear: priceYear,
          factor: stage(() => rebaseFactor(priceIndex, DESNZ_CARBON_VALUES.priceYear, priceYear), (p) => ["carbonValuation", "priceIndex", ...p]),
        };
  const lifecycleById = new Map((lifecycle?.options ?? []).map((x) => [x.optionId, x] as const));
  const computed = doc.options.map((o, i): Computed => {
    const pr = pathway.options[i] as OptionResult;
    const lo = lifecycleById.get(o.id);
    const lifecyclePP = lo === undefined ? ZERO : lo.perPatient.status === "ok" ? new Dec(lo.perPatient.discounted.amount) : ZERO;
    const co = carbonFull.options[i];
    const productKgPP = co?.perPatientKgCO2e !== undefined ? new Dec(co.perPatientKgCO2e) : ZERO;
    const productKgTotal = co !== undefined ? new Dec(co.totalKgCO2e) : ZERO;
    let carbonCost: Dec | undefined;
    let carbonPv = ZERO;
    if (carbonValuation !== undefined) {
      const pathwayKgYear = new Dec(pr.perPatient.carbonKg).times(ppy);
      const byYear = new Map((co?.byYear ?? []).map((b) => [b.year, new Dec(b.kgCO2e)] as const));
      const emissions = Array.from({ length: H }, (_, y) => ({ year: startYear + y, kgCO2e: decString(pathwayKgYear.plus(byYear.get(startYear + y) ?? ZERO)) }));
      const scenario = carbonValuation.scenario ?? "central";
      const m = stage(
        () =>
          monetiseCarbon({
            emissions,
            scenarios: [scenario],
            treatment: carbonValuation.treatment,
            priceYear,
            priceIndex: { id: priceIndex.id, label: priceIndex.label, values: priceIndex.values },
            discount: {
              schedule: { id: costSchedule.id, label: costSchedule.label, steps: costSchedule.steps.map((s) => ({ fromYear: s.fromYear, rate: s.rate })) },
              baseYear: startYear,
              timing,
            },
          }),
        () => ["carbonValuation"],
      );
      m.assumptions.forEach(note);
      const sc = m.scenarios[0];
      carbonPv = new Dec(sc?.totalPresentValue?.amount ?? "0");
      carbonCost = toLedgerScale(carbonPv.div(discountedPatients));
      const firstSource = sc?.lines[0]?.source;
      carbonValuesRef ??= {
        seriesId: m.seriesId,
        priceYear: m.priceYear,
        scenario,
        treatment: carbonValuation.treatment,
        ...(firstSource !== undefined ? { source: firstSource } : {}),
        ...(rebase !== undefined
          ? { rebasing: { fromPriceYear: rebase.fromYear, toPriceYear: rebase.toYear, factor: rebase.factor, indexId: priceIndex.id, indexLabel: priceIndex.label, ...(priceIndex.source !== undefined ? { indexSource: priceIndex.source } : {}) } }
          : {}),
      };
    }
    const ext = carbonValuation?.treatment === "externality" && carbonCost !== undefined ? carbonCost : ZERO;
    return {
      lifecycle: lifecyclePP,
      npc: lo === undefined ? ZERO : new Dec(lo.presentCost.amount),
      pathway: pr,
      carbonExt: ext,
      ...(carbonCost !== undefined ? { carbonCost } : {}),
      carbonPv: ext.isZero() ? ZERO : carbonPv,
      productKgPP,
      productKgTotal,
    };
  });
  const whole = computed.map((c) => c.lifecycle.plus(new Dec(c.pathway.perPatient.costs.discounted)).plus(c.carbonExt));
  const comparatorIndex = doc.options.findIndex((o) => o.isComparator === true);
  const comparatorId = doc.options[comparatorIndex]!.id;

  // 4. Cost-effectiveness on whole-pathway cost and QALYs per patient.
  const cea: CeaOption[] = doc.options.map((o, i) => ({ id: o.id, label: o.label, cost: decString(whole[i]!), effect: computed[i]!.pathway.perPatient.qalys.discounted }));
  const incremental = incrementalAnalysis(cea);
  const pairwise = pairwiseComparison(cea, { comparator: comparatorId });
  let nmb: NetMonetaryBenefitResult | undefined;
  if (threshold !== undefined) nmb = netMonetaryBenefit(cea, { thresholds: threshold.perQaly, comparator: comparatorId });
  const nmbRows = new Map((nmb?.byThreshold[0]?.options ?? []).map((r) => [r.id, r] as const));

  // 5. Social value and sustainability gates.
  const social = new Map<string, SocialValueResult>();
  if (doc.socialValue !== undefined) {
    const framework = doc.socialValue;
    doc.options.forEach((o, i) => {
      if (o.isComparator === true && o.socialValue === undefined) return;
      social.set(o.id, stage(() => scoreSocialValue({ ...framework, commitments: o.socialValue?.commitments ?? [] } as SocialValueInputDocument), (p) => (p[0] === "commitments" ? ["options", i, "socialValue", ...p] : ["socialValue", ...p])));
    });
  }
  const gates: readonly SustainabilityGate[] = (doc.sustainabilityGates as readonly SustainabilityGate[] | undefined) ?? NHS_SUSTAINABILITY_GATES;
  const useGates = Object.keys(doc.criterionGates ?? {}).length > 0 || doc.options.some((o) => o.evidence !== undefined);
  const gateResults = new Map<string, SustainabilityGatesResult>();
  if (useGates) {
    doc.options.forEach((o, i) => {
      if (o.isComparator === true && o.evidence === undefined) return;
      const evidence: SupplierEvidence = { supplierId: o.id, ...(o.evidence ?? {}) };
      gateResults.set(o.id, stage(() => evaluateSustainabilityGates(evidence, gates), (p) => (p[0] === "evidence" ? ["options", i, "evidence", ...p.slice(1)] : ["sustainabilityGates", ...p.slice(1)])));
    });
  }
  const gateRecords: PassFailRecord[] = [];
  for (const [criterionId, g] of Object.entries(doc.criterionGates ?? {})) {
    const list = typeof g === "string" ? [g] : g;
    for (const i of tenderOptionIndexes(doc)) {
      const o = doc.options[i]!;
      const r = gateResults.get(o.id);
      const outcomes = list.map((id) => r?.gates.find((x) => x.gateId === id)).filter((x) => x !== undefined);
      const passed = outcomes.length === list.length && outcomes.every((x) => x.pass);
      const reason = outcomes.map((x) => `${x.label}: ${x.reason}`).join("; ");
      gateRecords.push({ criterionId, optionId: o.id, passed, reason: reason === "" ? "no evidence provided" : reason });
    }
  }

  // 6. Metrics → tender values.
  const evaluated: EvaluatedOption[] = doc.options.map((o, i) => {
    const c = computed[i]!;
    const pp = c.pathway.perPatient;
    const pathwayKgPP = new Dec(pp.carbonKg);
    const pathwayKgTotal = new Dec(c.pathway.population?.carbonKg ?? "0");
    const row = nmbRows.get(o.id);
    const byCategory = Object.fromEntries(Object.entries(pp.costs.byCategory).map(([k, v]) => [k, v.discounted]));
    const sv = social.get(o.id);
    const gr = gateResults.get(o.id);
    return {
      optionId: o.id,
      supplier: o.supplier,
      label: o.label,
      isComparator: o.isComparator === true,
      lot: o.lot ?? "default",
      ...(o.price !== undefined ? { price: o.price } : {}),
      costs: {
        lifecycle: decString(c.lifecycle),
        pathway: pp.costs.discounted,
        carbonExternality: decString(c.carbonExt),
        wholePathway: decString(whole[i]!),
        lifecycleNetPresentCost: decString(c.npc),
        wholePathwayPopulation: decString(c.npc.plus(new Dec(c.pathway.population?.costs.discounted ?? "0")).plus(c.carbonPv)),
        byCategory,
      },
      qalysPerPatient: pp.qalys.discounted,
      lifeYearsPerPatient: pp.lifeYears.discounted,
      eventsPerPatient: pp.events,
      carbon: {
        pathwayKgPerPatient: decString(pathwayKgPP),
        productKgPerPatient: decString(c.productKgPP),
        kgPerPatient: decString(pathwayKgPP.plus(c.productKgPP)),
        kgTotal: decString(pathwayKgTotal.plus(c.productKgTotal)),
        ...(c.carbonCost !== undefined ? { costPerPatient: decString(c.carbonCost) } : {}),
      },
      ...(row !== undefined ? { netMonetaryBenefitPerPatient: row.nmb } : {}),
      ...(row?.incrementalNmb !== undefined ? { incrementalNetMonetaryBenefitPerPatient: row.incrementalNmb } : {}),
      ...(sv !== undefined ? { socialValue: sv } : {}),
      ...(gr !== undefined ? { sustainabilityGates: gr } : {}),
      metrics: {},
    };
  });
  const metricIssues: VbpIssue[] = [];
  const values = new Map<string, Record<string, string>>();
  for (const e of evaluated) values.set(e.optionId, {});
  for (const [criterionId, name] of Object.entries(doc.criterionMetrics ?? {})) {
    const m = readMetricName(name);
    if (m === undefined) continue;
    if (m.arg !== undefined) {
      const key = m.arg;
      const known = evaluated.some((e) => (m.base === "costCategoryPerPatient" ? key in e.costs.byCategory : key in e.eventsPerPatient));
      if (!known) {
        const all = [...new Set(evaluated.flatMap((e) => Object.keys(m.base === "costCategoryPerPatient" ? e.costs.byCategory : e.eventsPerPatient)))];
        metricIssues.push({
          code: "unknown_reference",
          path: ["criterionMetrics", criterionId],
          message: `no option's pathway has ${m.base === "costCategoryPerPatient" ? "a cost category" : "an event"} "${key}" (found: ${all.join(", ") || "none"})`,
        });
        continue;
      }
    }
    for (const e of evaluated) (values.get(e.optionId) as Record<string, string>)[criterionId] = decString(new Dec(metricValue(m.base, m.arg, e)).toDecimalPlaces(m.decimalPlaces, Dec.ROUND_HALF_EVEN));
  }
  if (metricIssues.length > 0) throw new VbpInputError(metricIssues);
  const priceDerived = new Set(Object.entries(doc.criterionMetrics ?? {}).flatMap(([id, name]) => (isPriceDerivedMetric(name) ? [id] : [])));
  const withMetricsAll: EvaluatedOption[] = evaluated.map((e) => ({ ...e, metrics: values.get(e.optionId) ?? {} }));

  // 7. Tender.
  const tenderIdx = tenderOptionIndexes(doc);
  const ownPassFail = doc.tender.passFail?.length ?? 0;
  // The scoring module's own overtaking answers treat each criterion's value as an independent input; here the
  // values are derived from shared inputs (a price feeds several criteria), so they are solved through the whole
  // job instead (evaluateParsed, { overtaking: true }).
  const built = buildTender(doc, values, gateRecords);
  const settings = { ...(built.settings ?? {}), overtaking: false, ...(mode.solving === true ? { rankReversal: false } : {}) };
  const criteria = classifyCriteria(built.criteria, doc.criterionMetrics);
  const tender = stage(() => scoreTender({ ...built, criteria, settings }), (p) => mapTenderPath(p, tenderIdx, ownPassFail));
  // A bid excluded before price is opened shows no price-derived figure anywhere: its price, lifecycle and
  // whole-pathway cost, NMB and the metrics derived from them are withheld, and cost-effectiveness is re-run
  // without it.
  const sealed = new Set(tender.lots.flatMap((l) => l.options.filter((o) => o.status === "excluded" && o.totalPoints === undefined).map((o) => o.optionId)));
  const indexById = new Map(doc.options.map((o, i) => [o.id, i] as const));
  const warnings: VbpIssue[] = tender.warnings.map((w) => ({ ...w, path: mapTenderPath(w.path, tenderIdx, ownPassFail) }));
  for (const lot of tender.lots) {
    for (const o of lot.options) for (const f of o.flags) warnings.push({ code: "policy", severity: "warning", path: ["options", indexById.get(o.optionId) ?? 0, "price"], message: `${o.supplier} (${o.label}): ${f.message}` });
  }

  const withMetrics: EvaluatedOption[] = withMetricsAll.map((e) => (sealed.has(e.optionId) ? sealOption(e, priceDerived) : e));
  let costEffectiveness = { incremental, pairwise, ...(nmb !== undefined ? { netMonetaryBenefit: nmb } : {}) };
  if (sealed.size > 0) {
    const open = cea.filter((c) => !sealed.has(c.id));
    const nmbOpen = threshold !== undefined ? netMonetaryBenefit(open, { thresholds: threshold.perQaly, comparator: comparatorId }) : undefined;
    costEffectiveness = { incremental: incrementalAnalysis(open), pairwise: pairwiseComparison(open, { comparator: comparatorId }), ...(nmbOpen !== undefined ? { netMonetaryBenefit: nmbOpen } : {}) };
  }
  const lifecycleShown = lifecycle === undefined || sealed.size === 0 ? lifecycle : { ...lifecycle, options: lifecycle.options.filter((o) => !sealed.has(o.optionId)) };

  const policies: WeightPolicy[] = (doc.tender.settings?.policies ?? []).map((p) => (typeof p === "string" ? WEIGHT_POLICIES[p] : p));
  const referenceData: EvaluationReferenceData = {
    discounting: { costs: costSchedule, health: healthSchedule, timing },
    ...(threshold !== undefined ? { threshold } : {}),
    carbonFactors: carbonFull.factorsUsed,
    ...(carbonValuesRef !== undefined ? { carbonValues: carbonValuesRef } : {}),
    weightPolicies: policies,
    sustainabilityGates: useGates ? gates.map((g) => ({ id: g.id, label: g.label, ...(g.source !== undefined ? { source: g.source } : {}) })) : [],
  };
  const base = {
    title: doc.title,
    currency: doc.currency,
    priceBaseDate: doc.priceBaseDate,
    horizonYears: H,
    patientsPerYear: doc.patientsPerYear,
    totalPatients: decString(totalPatients),
    discountedPatients: decString(discountedPatients.toDecimalPlaces(LEDGER_SCALE, Dec.ROUND_HALF_EVEN)),
    comparatorId,
    options: withMetrics,
    costEffectiveness,
    tender,
    referenceData,
  };
  const summaries = options.summaries === false ? [] : assessmentSummaries(tender, { individualMarks: options.individualMarks === true }).map((summary) => ({ summary, markdown: assessmentSummaryMarkdown(summary) }));
  return {
    ...base,
    ranking: rankingRows(base),
    explanations: explainOptions(base),
    assessmentSummaries: summaries,
    stages: { pathway, ...(lifecycleShown !== undefined ? { lifecycle: lifecycleShown } : {}), carbon },
    warnings,
    assumptions,
  };
}

/** The option as shown when its price was not opened: no price, nothing computed from it. */
function sealOption(e: EvaluatedOption, priceDerived: ReadonlySet<string>): EvaluatedOption {
  const { price: _price, netMonetaryBenefitPerPatient: _nmb, incrementalNetMonetaryBenefitPerPatient: _inmb, costs, metrics, ...rest } = e;
  const { lifecycle: _l, wholePathway: _w, lifecycleNetPresentCost: _n, wholePathwayPopulation: _p, ...keptCosts } = costs;
  return {
    ...rest,
    priceNotOpened: true,
    costs: keptCosts,
    metrics: Object.fromEntries(Object.entries(metrics).filter(([id]) => !priceDerived.has(id))),
  };
}

function metricValue(base: string, arg: string | undefined, e: EvaluatedOption): string {
  switch (base) {
    case "wholePathwayCostPerPatient":
      return e.costs.wholePathway ?? "0";
    case "lifecycleCostPerPatient":
      return e.costs.lifecycle ?? "0";
    case "pathwayCostPerPatient":
      return e.costs.pathway;
    case "lifecycleNetPresentCost":
      return e.costs.lifecycleNetPresentCost ?? "0";
    case "qalysPerPatient":
      return e.qalysPerPatient;
    case "lifeYearsPerPatient":
      return e.lifeYearsPerPatient;
    case "netMonetaryBenefitPerPatient":
      return e.netMonetaryBenefitPerPatient ?? "0";
    case "incrementalNetMonetaryBenefitPerPatient":
      return e.incrementalNetMonetaryBenefitPerPatient ?? "0";
    case "carbonKgPerPatient":
      return e.carbon.kgPerPatient;
    case "carbonKgTotal":
      return e.carbon.kgTotal;
    case "carbonCostPerPatient":
      return e.carbon.costPerPatient ?? "0";
    case "socialValueScore":
      return e.socialValue?.normalised ?? "0";
    case "costCategoryPerPatient":
      return e.costs.byCategory[arg ?? ""] ?? "0";
    case "eventsPerPatient":
      return e.eventsPerPatient[arg ?? ""] ?? "0";
    default:
      return "0";
  }
}
