import { safeEvaluate } from "../../evaluate/evaluate.js";
import { evaluationProgressBar } from "../progress.js";
import { evaluationCsvTable, evaluationMarkdownReport, formatEvaluationTable, pathwayResultsTable, renderCsvTable, renderMarkdownTable, renderTextTable } from "../../evaluate/present.js";
import type { EvaluationResult } from "../../evaluate/result.js";
import { formatIssue } from "../../errors/issue.js";
import { streamCsv, streamJson, streamNdjson } from "../stream.js";
import { safeRunModel } from "../../pathway/runModel.js";
import { EXIT, UsageError, type CliCommand } from "../command.js";
import { readDocumentCommand, reportIssues } from "../input.js";
import type { CliIo } from "../io.js";
import { CATALOGUE_HELP, isCatalogueRun, runCatalogueEvaluate } from "./evaluateCatalogue.js";
import { callerLocale } from "../locale.js";
import { evaluationWorkbook } from "../../node/xlsx.js";
import { workbookSink } from "../workbookOutput.js";

const HELP = `Usage: vbp evaluate <file.json | -> [options]

Runs the whole job on an evaluation document: patient pathway + lifecycle costs + carbon →
cost-effectiveness → tender scores → ranking → explanations, and prints the ranked value table
(rank, supplier, total, points per criterion, whole-pathway cost per patient, QALYs, NMB,
kgCO2e per patient, gates) with each option's explanation.

A plain pathway model document (the pathway module's schema: tree/markov + options) is also accepted:
its results table is printed (cost, QALYs, life years, carbon and events per patient).

Arguments:
  <file.json>          the document (JSON); "-" reads standard input

Options:
  -f, --format <fmt>   table (default), json, ndjson, csv, md (the full Markdown report) or xlsx (a
                       workbook with Ranking, Score breakdown, Ledger and Assumptions sheets; needs
                       -o <file.xlsx> or standard output redirected to a file; --ledger adds every cash flow);
                       json, ndjson and csv are written as they are produced (never one big string)
                       ndjson: one line per ranked row, then one per excluded option
      --summaries      also print the assessment summaries (Procurement Act 2023 s50)
      --ledger         keep the pathway, lifecycle and carbon ledgers in --format json
      --engine <e>     for a plain pathway model: float64 (default; each ledger line the Float64 value as
                       exact decimal text, each total the exact sum of its lines) or exact (the Decimal
                       audit engine, 50 significant digits)
      --full           full detail for a catalogue (explanations, score trees, stage results)
      --compact        compact detail for a tender (figures, scores and ranking only)
      --exclude-invalid  evaluate the valid options and report the invalid ones (default for kind "catalogue")
      --fail-invalid     any invalid option fails the run (default for a tender)
      --overtaking     solve what each ranked bid needs to overtake the one above it, through the whole
                       evaluation (re-runs it a few dozen times per bid)
      --individual-marks  show each evaluator's own level and reason in the assessment summaries
      --max-bytes <n>  largest input accepted, in bytes (default 20971520 = 20 MB)
  -h, --help           show this help

Exit codes: 0 ok, 1 invalid input (every problem printed as "path: message"), 2 usage error,
3 some options or catalogue rows were invalid and excluded (each printed on stderr with its rules and line;
the rest is in the output).
${CATALOGUE_HELP}`;

function isPathwayModel(json: unknown): boolean {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return false;
  const o = json as Record<string, unknown>;
  return !("tender" in o) && !("pathway" in o) && ("tree" in o || "markov" in o);
}

async function runEvaluate(argv: readonly string[], io: CliIo): Promise<number> {
  if (isCatalogueRun(argv)) return runCatalogueEvaluate(argv, io);
  const args = await readDocumentCommand(argv, io, { name: "evaluate", help: HELP, booleanFlags: ["summaries", "ledger", "full", "compact", "exclude-invalid", "fail-invalid", "overtaking", "individual-marks"], formats: ["table", "json", "ndjson", "csv", "md", "xlsx"], stringOptions: ["engine"] });
  if (typeof args === "number") return args;
  const { format, json, label } = args;
  const values = { summaries: args.flags.summaries, ledger: args.flags.ledger };
  const withSummaries = values.summaries === true;

  const engine = args.values?.engine;
  if (engine !== undefined && engine !== "float64" && engine !== "exact") throw new UsageError(`--engine must be float64 or exact, got "${engine}"`);
  if (isPathwayModel(json)) {
    if (format === "xlsx") throw new UsageError("--format xlsx is for evaluation documents; a pathway model's results are json, csv, md or table");
    const r = safeRunModel(json, { ledger: values.ledger === true, ...(engine !== undefined ? { engine } : {}) });
    if (!r.success) return reportIssues(io, label, r.error.issues);
    if (format === "json" || format === "ndjson") streamJson(io, r.data);
    else if (format === "csv") io.stdout(renderCsvTable(pathwayResultsTable(r.data)));
    else if (format === "md") io.stdout(`## Pathway results per patient: ${r.data.modelId}\n\n${renderMarkdownTable(pathwayResultsTable(r.data))}`);
    else io.stdout(`Pathway results per patient: ${r.data.modelId} (${r.data.currency}, discounted: costs ${r.data.discounting.costs}, health ${r.data.discounting.health})\n\n${renderTextTable(pathwayResultsTable(r.data))}`);
    return EXIT.ok;
  }

  if (engine !== undefined) throw new UsageError("--engine applies to a plain pathway model document; an evaluation document runs its pathway on the default Float64 engine");
  const f = args.flags;
  const workbook = format === "xlsx" ? workbookSink(io) : undefined;
  if (f.full === true && f.compact === true) throw new UsageError("--full and --compact cannot both be given");
  if (f["exclude-invalid"] === true && f["fail-invalid"] === true) throw new UsageError("--exclude-invalid and --fail-invalid cannot both be given");
  const detail = f.full === true ? "full" : f.compact === true ? "compact" : undefined;
  const invalidOptions = f["exclude-invalid"] === true ? "exclude" : f["fail-invalid"] === true ? "fail" : undefined;
  // On a terminal: every option through every stage (a catalogue of thousands takes a while).
  const progress = evaluationProgressBar(io);
  const evaluated = (): ReturnType<typeof safeEvaluate> => safeEvaluate(json, {
    onProgress: progress.onProgress,
    ledger: values.ledger === true,
    ...(withSummaries || (format === "json" && detail !== "compact") ? { summaries: true } : {}),
    ...(detail !== undefined ? { detail } : {}),
    ...(invalidOptions !== undefined ? { invalidOptions } : {}),
    ...(f.overtaking === true ? { overtaking: true } : {}),
    ...(f["individual-marks"] === true ? { individualMarks: true } : {}),
  });
  let r: ReturnType<typeof safeEvaluate>;
  try {
    r = evaluated();
  } finally {
    progress.stop();
  }
  if (!r.success) return reportIssues(io, label, r.error.issues);
  const result = r.data;
  const done = (): number => reportExcluded(io, label, result.excluded);
  if (format === "json") {
    streamJson(io, result);
    return done();
  }
  if (format === "ndjson") {
    streamNdjson(io, [...result.ranking, ...result.excluded.map((e) => ({ status: "invalid", ...e }))]);
    return done();
  }
  if (format === "csv") {
    const t = evaluationCsvTable(result);
    streamCsv(io, t.headers, t.rows);
    return done();
  }
  if (format === "md") {
    io.stdout(evaluationMarkdownReport(result, { summaries: withSummaries }));
    return done();
  }
  if (workbook !== undefined) {
    workbook(await evaluationWorkbook(result));
    return done();
  }
  io.stdout(`${result.title}\n\nRanked value table\n\n`);
  io.stdout(formatEvaluationTable(result, { locale: callerLocale() }));
  io.stdout("\nWhy each option scored as it did\n");
  for (const e of result.explanations) {
    io.stdout(`\n${e.headline}\n`);
    for (const l of e.lines) io.stdout(`  - ${l}\n`);
  }
  if (result.warnings.length > 0) {
    io.stdout("\nWarnings\n");
    for (const w of result.warnings) io.stdout(`  - ${w.message}\n`);
  }
  if (withSummaries) {
    io.stdout("\nAssessment summaries\n");
    for (const s of result.assessmentSummaries) io.stdout(`\n${s.markdown}`);
  }
  return done();
}

/** Invalid options left out of a catalogue run: each on stderr with its rules; exit 3. */
function reportExcluded(io: CliIo, label: string, excluded: EvaluationResult["excluded"]): number {
  if (excluded.length === 0) return EXIT.ok;
  io.stderr(`${label}: ${excluded.length} invalid option${excluded.length === 1 ? "" : "s"} excluded (the others were evaluated):\n`);
  for (const e of excluded) {
    for (const i of e.issues) io.stderr(`  ${e.optionId ?? "(no id)"} (options[${e.index}]): ${formatIssue(i)}\n`);
  }
  return EXIT.excluded;
}

/**
 * `vbp evaluate <file.json | ->`: the whole job on an evaluation document (ranked value table and
 * explanations; JSON, CSV or a Markdown report), or the results table of a plain pathway model.
 */
export const evaluateCommand: CliCommand = Object.freeze({
  name: "evaluate",
  summary: "the whole job: pathway + lifecycle + carbon → cost-effectiveness → scores → ranked value table (or a pathway model's results)",
  help: HELP,
  run: runEvaluate,
});
