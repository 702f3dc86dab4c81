import { decString, toLedgerScale } from "../_lib/decimal.js";
import type { VbpIssue, VbpPath } from "../errors/issue.js";
import { safely, VbpInputError, type SafeResult } from "../errors/VbpInputError.js";
import { bundledThresholdFor } from "../reference/thresholds.js";
import { assessmentSummaries, assessmentSummaryMarkdown } from "../scoring/summary.js";
import { WEIGHT_POLICIES, type WeightPolicy } from "../scoring/policies.js";
import type { EvaluateOptions, EvaluationDetail, EvaluationReferenceData, EvaluationResult } from "./result.js";
import { explainOptions, rankingRows } from "./_internal/explain.js";
import { prepareEvaluation, type PreparedEvaluation } from "./_internal/validate.js";
import { evaluationContext } from "./_internal/context.js";
import { pathwayStage } from "./_internal/pathwayStage.js";
import { lifecycleStage } from "./_internal/lifecycleStage.js";
import { carbonStage } from "./_internal/carbonStage.js";
import { optionFigures } from "./_internal/figures.js";
import { costEffectivenessStage } from "./_internal/costEffectivenessStage.js";
import { sustainabilityStage } from "./_internal/sustainabilityStage.js";
import { metricsStage } from "./_internal/metricsStage.js";
import { tenderStage } from "./_internal/tenderStage.js";
import { writeOption } from "./_internal/writeResult.js";
import { priceDerivedCriteria, sealedBids, sealOption } from "./_internal/sealed.js";
import { overtakingFor } from "./_internal/overtakingRun.js";
import { stageReporter } from "./progress.js";

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
 * Validation happens once, first: every problem in the document is found in one pass, and no engine runs
 * on invalid input. A tender (the default `kind`) fails whole on any problem; a catalogue (`kind:
 * "catalogue"`, or `invalidOptions: "exclude"`) evaluates every valid option and lists each invalid one in
 * `excluded` by id, index and rule. A catalogue is "compact" by default: the figures, metrics, scores and
 * ranking, without per-option explanations, score-tree traces and stage results (ask with `detail: "full"`).
 * Time and memory grow linearly with the options (see the whole-job guide for measured figures).
 *
 * A bid excluded before its price is opened shows no figure derived from the price (no lifecycle or
 * whole-pathway cost, no NMB, no price-derived metric) and is left out of the cost-effectiveness analysis.
 * With `{ overtaking: true }`, each ranked bid gets what it would need to overtake the bid above it, solved
 * through the whole job: one input of the bid moved at a time (price, units per patient, a relative risk, a
 * lifecycle quantity, a product carbon factor, a moderated level), every stage re-run, every criterion it
 * feeds re-scored, and the stated answer checked by applying it (`result.overtaking`).
 *
 * @param document - an evaluation document (validated here; see {@link evaluationDocumentSchema})
 * @param options - `{ ledger, summaries, detail, invalidOptions, overtaking, individualMarks }`
 * @returns the {@link EvaluationResult}
 * @throws VbpInputError listing every problem with its path in the document
 * @example
 * ```ts
 * const result = evaluate(JSON.parse(readFileSync("examples/tender/tender.json", "utf8")));
 * result.ranking[0]?.supplier; // the supplier of the most advantageous tender
 * formatEvaluationTable(result);
 * ```
 */
export function evaluate(document: unknown, options: EvaluateOptions = {}): EvaluationResult {
  return evaluateWithValues(document, options).result;
}

/**
 * @internal {@link evaluate}, with the raw value of every metric-fed criterion for every option, including
 * the price-derived values a bid excluded before price does not show (the award analyses re-score the tender
 * with gates that may pass in a draw).
 */
export function evaluateWithValues(document: unknown, options: EvaluateOptions = {}): { result: EvaluationResult; values: ReadonlyMap<string, Readonly<Record<string, string>>> } {
  // The one validation pass: every problem at once, no engine run; a catalogue sets invalid options aside.
  const prepared = prepareEvaluation(document, options.invalidOptions);
  stageReporter(options.onProgress, prepared.doc.options.length)("validate", prepared.doc.options.length);
  const toInput = (p: VbpPath): VbpPath => (p[0] === "options" && typeof p[1] === "number" ? ["options", prepared.inputIndex[p[1]] ?? p[1], ...p.slice(2)] : p);
  try {
    const run = runStages(prepared, options, { scoreTrees: options.overtaking === true ? "full" : undefined });
    if (options.overtaking !== true) return run;
    return { ...run, result: overtakingFor(run.result, run.prepared, document, (p) => runStages(p, { summaries: false, ledger: false }, { solving: true, scoreTrees: "full" }).result) };
  } catch (e) {
    // Problems only the stages can find (a value rule of the pathway, a metric no option has).
    if (e instanceof VbpInputError) throw new VbpInputError(e.issues.map((i) => ({ ...i, path: toInput(i.path) })));
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

/** Internal switches of a run. */
interface RunMode {
  /** A re-run inside the overtaking solver: the ranking and score trees alone are read. */
  readonly solving?: boolean;
  /** Score trees to build, whatever the detail (the overtaking solver compares leaves). */
  readonly scoreTrees?: "full" | undefined;
}

/**
 * The stages in order, on typed values: pathway, lifecycle and carbon → figures per option (exact
 * decimals) → cost-effectiveness → social value and gates → metrics → tender → the written result.
 * Returns the document as the stages used it (after any exclusion the pathway's rules forced).
 */
function runStages(
  initial: PreparedEvaluation,
  options: EvaluateOptions,
  mode: RunMode = {},
): { result: EvaluationResult; prepared: PreparedEvaluation; values: ReadonlyMap<string, Readonly<Record<string, string>>> } {
  const kind = initial.doc.kind ?? "tender";
  const detail: EvaluationDetail = options.detail ?? (kind === "catalogue" ? "compact" : "full");
  const full = detail === "full";
  const solving = mode.solving === true;
  const ledger = options.ledger ?? false;

  // 1. Pathway (may exclude options of a catalogue whose effects break a value rule), lifecycle, carbon.
  const pathway = pathwayStage(initial, ledger);
  const { doc, inputIndex, excluded } = pathway.prepared;
  const n = doc.options.length;
  const report = stageReporter(solving ? undefined : options.onProgress, n);
  report("pathway", n);
  const ctx = evaluationContext(doc);
  // The lifecycle stage's breakdowns are shown with full detail alone.
  const lifecycle = lifecycleStage(doc, ledger, full, (done) => report("lifecycle", done));
  report("lifecycle", n);
  // The carbon ledger is shown only with full detail and the ledger asked for.
  const carbon = carbonStage(doc, ctx, pathway.result.options, ledger && full, full);
  report("carbon", n);
  const assumptions = [...carbon.assumptions];
  const threshold = thresholdOf(doc);
  const figures = optionFigures(doc, pathway.result.options, lifecycle, carbon);
  const comparatorId = doc.options.find((o) => o.isComparator === true)!.id;

  // 2. Cost-effectiveness on whole-pathway cost and QALYs per patient.
  const cea = costEffectivenessStage(
    doc,
    figures.map((f) => f.wholePathway),
    figures.map((f) => f.qalys),
    comparatorId,
    threshold?.perQaly,
  );

  report("cost-effectiveness", n);
  // 3. Social value and sustainability gates; 4. metrics → tender values; 5. the tender.
  const sustainability = sustainabilityStage(doc, full);
  const sources = doc.options.map((o, i) => {
    const nmb = cea.nmbRows.get(o.id);
    const social = sustainability.social.get(o.id);
    return { figures: figures[i]!, ...(nmb !== undefined ? { nmb } : {}), ...(social !== undefined ? { social } : {}) };
  });
  const values = metricsStage(doc, sources);
  const scored = tenderStage(doc, values, sustainability.gateRecords, full || mode.scoreTrees === "full" ? "full" : "top-level", solving);
  // A bid excluded before price is opened shows no price-derived figure anywhere, and cost-effectiveness is
  // re-run without it.
  const sealed = sealedBids(scored.tender);
  const priceDerived = priceDerivedCriteria(doc);
  const ceaShown =
    sealed.size === 0
      ? cea
      : costEffectivenessStage(
          doc,
          figures.map((f) => f.wholePathway),
          figures.map((f) => f.qalys),
          comparatorId,
          threshold?.perQaly,
          (id) => !sealed.has(id),
          cea,
        );

  report("tender", n);

  // 6. The result, written once.
  const written = doc.options.map((o, i) => {
    const s = sources[i]!;
    const w = writeOption(o, s.figures, values.get(o.id) ?? {}, s.nmb, full ? s.social : undefined, full ? sustainability.gateResults.get(o.id) : undefined);
    report("result", i + 1);
    return sealed.has(o.id) ? sealOption(w, priceDerived) : w;
  });
  const policies: WeightPolicy[] = (doc.tender.settings?.policies ?? []).map((p) => (typeof p === "string" ? WEIGHT_POLICIES[p] : p));
  const referenceData: EvaluationReferenceData = {
    discounting: { costs: ctx.costSchedule, health: ctx.healthSchedule, timing: ctx.timing },
    ...(threshold !== undefined ? { threshold } : {}),
    carbonFactors: carbon.footprint.factorsUsed,
    ...(carbon.carbonValues !== undefined ? { carbonValues: carbon.carbonValues } : {}),
    weightPolicies: policies,
    sustainabilityGates: sustainability.useGates ? sustainability.gates.map((g) => ({ id: g.id, label: g.label, ...(g.source !== undefined ? { source: g.source } : {}) })) : [],
  };
  const toInput = (p: VbpPath): VbpPath => (p[0] === "options" && typeof p[1] === "number" ? ["options", inputIndex[p[1]] ?? p[1], ...p.slice(2)] : p);
  const warnings: VbpIssue[] = scored.warnings.map((w) => ({ ...w, path: toInput(w.path) }));
  if (excluded.length > 0) {
    warnings.unshift({
      code: "invalid_value",
      severity: "warning",
      path: ["options"],
      message: `${excluded.length} invalid option${excluded.length === 1 ? " was" : "s were"} excluded (see excluded): ${excluded
        .slice(0, 10)
        .map((e) => e.optionId ?? `options[${e.index}]`)
        .join(", ")}${excluded.length > 10 ? ", …" : ""}`,
    });
  }
  const base = {
    title: doc.title,
    kind,
    detail,
    excluded,
    currency: doc.currency,
    priceBaseDate: doc.priceBaseDate,
    horizonYears: doc.horizonYears,
    patientsPerYear: doc.patientsPerYear,
    totalPatients: decString(ctx.totalPatients),
    discountedPatients: decString(toLedgerScale(ctx.discountedPatients)),
    comparatorId,
    options: written,
    costEffectiveness: { incremental: ceaShown.incremental, pairwise: ceaShown.pairwise, ...(ceaShown.nmb !== undefined ? { netMonetaryBenefit: ceaShown.nmb } : {}) },
    tender: scored.tender,
    referenceData,
  };
  const summaries =
    !solving && (options.summaries ?? full) ? assessmentSummaries(scored.tender, { individualMarks: options.individualMarks === true }).map((summary) => ({ summary, markdown: assessmentSummaryMarkdown(summary) })) : [];
  report("summaries", n);
  const lifecycleShown = lifecycle.result === undefined || sealed.size === 0 ? lifecycle.result : { ...lifecycle.result, options: lifecycle.result.options.filter((o) => !sealed.has(o.optionId)) };
  // Made only when shown (compact results show no stage results).
  const footprint = (): NonNullable<EvaluationResult["stages"]>["carbon"] => (ledger ? carbon.footprint : { ...carbon.footprint, options: carbon.footprint.options.map((o) => ({ ...o, ledger: [] })) });
  const result: EvaluationResult = {
    ...base,
    ranking: rankingRows(base),
    explanations: full && !solving ? explainOptions(base) : [],
    assessmentSummaries: summaries,
    ...(full ? { stages: { pathway: pathway.result, ...(lifecycleShown !== undefined ? { lifecycle: lifecycleShown } : {}), carbon: footprint() } } : {}),
    warnings,
    assumptions,
  };
  return { result, prepared: pathway.prepared, values };
}

/** The cost-effectiveness threshold: explicit, or looked up in the dated data (checked while validating). */
function thresholdOf(doc: PreparedEvaluation["doc"]): EvaluationReferenceData["threshold"] {
  const t = doc.threshold;
  if (t === undefined) return undefined;
  if ("perQaly" in t) return { perQaly: t.perQaly, id: "explicit", ...(t.source !== undefined ? { source: t.source } : {}) };
  const found = bundledThresholdFor({ jurisdiction: t.jurisdiction, on: t.on, programme: t.programme });
  return { perQaly: t.bound === "lower" ? found.lower : found.upper, id: found.id, bound: t.bound, programme: t.programme, source: found.source };
}
