import { safeEvaluate } from "../../evaluate/evaluate.js";
import { evaluationCsv, evaluationMarkdownReport, formatEvaluationTable, pathwayResultsTable, renderCsvTable, renderMarkdownTable, renderTextTable } from "../../evaluate/present.js";
import { safeRunModel } from "../../pathway/runModel.js";
import { EXIT, type CliCommand } from "../command.js";
import { readDocumentCommand, reportIssues } from "../input.js";
import type { CliIo } from "../io.js";

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
  -f, --format <fmt>   table (default), json, csv or md (md: the full Markdown report)
      --summaries      also print the assessment summaries (Procurement Act 2023 s50)
      --ledger         keep the pathway, lifecycle and carbon ledgers in --format json
      --overtaking     solve what each ranked bid needs to overtake the one above it, through the whole
                       evaluation (re-runs it a few dozen times per bid)
      --individual-marks  show each evaluator's own level and reason in the assessment summaries
      --max-bytes <n>  largest input accepted, in bytes (default 20971520 = 20 MB)
  -h, --help           show this help

Exit codes: 0 ok, 1 invalid input (every problem printed as "path: message"), 2 usage error.
`;

function isPathwayModel(json: unknown): boolean {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return false;
  const o = json as Record<string, unknown>;
  return !("tender" in o) && !("pathway" in o) && ("tree" in o || "markov" in o);
}

async function runEvaluate(argv: readonly string[], io: CliIo): Promise<number> {
  const args = await readDocumentCommand(argv, io, { name: "evaluate", help: HELP, booleanFlags: ["summaries", "ledger", "overtaking", "individual-marks"] });
  if (typeof args === "number") return args;
  const { format, json, label } = args;
  const values = { summaries: args.flags.summaries, ledger: args.flags.ledger };
  const withSummaries = values.summaries === true;

  if (isPathwayModel(json)) {
    const r = safeRunModel(json, { ledger: values.ledger === true });
    if (!r.success) return reportIssues(io, label, r.error.issues);
    if (format === "json") io.stdout(`${JSON.stringify(r.data, null, 2)}\n`);
    else if (format === "csv") io.stdout(renderCsvTable(pathwayResultsTable(r.data)));
    else if (format === "md") io.stdout(`## Pathway results per patient: ${r.data.modelId}\n\n${renderMarkdownTable(pathwayResultsTable(r.data))}`);
    else io.stdout(`Pathway results per patient: ${r.data.modelId} (${r.data.currency}, discounted: costs ${r.data.discounting.costs}, health ${r.data.discounting.health})\n\n${renderTextTable(pathwayResultsTable(r.data))}`);
    return EXIT.ok;
  }

  const r = safeEvaluate(json, {
    ledger: values.ledger === true,
    summaries: withSummaries || format === "json",
    overtaking: args.flags.overtaking === true,
    individualMarks: args.flags["individual-marks"] === true,
  });
  if (!r.success) return reportIssues(io, label, r.error.issues);
  const result = r.data;
  if (format === "json") {
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    return EXIT.ok;
  }
  if (format === "csv") {
    io.stdout(evaluationCsv(result));
    return EXIT.ok;
  }
  if (format === "md") {
    io.stdout(evaluationMarkdownReport(result, { summaries: withSummaries }));
    return EXIT.ok;
  }
  io.stdout(`${result.title}\n\nRanked value table\n\n`);
  io.stdout(formatEvaluationTable(result));
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
  return EXIT.ok;
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
