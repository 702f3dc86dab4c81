import { evaluationCsv, evaluationMarkdownReport, formatEvaluationTable } from "../../evaluate/present.js";
import type { EvaluationOption } from "../../evaluate/document.js";
import { readCatalogueCsv } from "../../interop/csv/catalogue.js";
import { evaluateCatalogueRows } from "../../interop/csv/evaluateCatalogue.js";
import { readEvaluatorScoresCsv } from "../../interop/csv/evaluatorScores.js";
import { readLifecycleLinesCsv } from "../../interop/csv/lifecycleLines.js";
import { formatCsvProblem, type CsvRowProblem } from "../../interop/csv/records.js";
import { EXIT, UsageError } from "../command.js";
import { OUTPUT_FORMATS } from "../format.js";
import { DEFAULT_MAX_BYTES, InvalidInputError, parseMaxBytes, readJsonInput } from "../input.js";
import { FileUnreadableError, InputTooLargeError, type CliIo } from "../io.js";
import { evaluationProgressBar } from "../progress.js";
import { callerLocale } from "../locale.js";
import { evaluationWorkbook, readEvaluatorScoresXlsx } from "../../node/xlsx.js";
import { isXlsxPath, workbookSink } from "../workbookOutput.js";
import { formatFlag, parseCommandArgs } from "../args.js";

/** Help text for the catalogue options of `vbp evaluate`. */
export const CATALOGUE_HELP = `
Catalogue mode: vbp evaluate <tender.json> --options <catalogue.csv> [--lifecycle <lines.csv>] [--scores <scores.csv>]
  --options <file.csv>    evaluate the products of a catalogue CSV (vbp template catalogue) against the
                          tender: every invalid row is reported on stderr with its line, id and the rule
                          broken and left out; the valid rows are evaluated; exit 3 when rows were left out
  --lifecycle <file.csv>  add lifecycle cost lines (vbp template lifecycle-lines) to the options they name
  --scores <file.csv>     add evaluator scores (vbp template evaluator-scores) to the tender; a .xlsx
                          workbook in the same layout is read too (its first sheet), every problem
                          named by its cell (Scores!D7)
`;

/** Whether `vbp evaluate` was asked for catalogue mode. */
export function isCatalogueRun(argv: readonly string[]): boolean {
  return argv.some((a) => a === "--options" || a.startsWith("--options="));
}

async function readWorkbook(io: CliIo, path: string, maxBytes: number): Promise<Uint8Array> {
  if (io.readFileBytes === undefined) throw new UsageError(`cannot read the workbook ${path} here`);
  try {
    return await io.readFileBytes(path, maxBytes);
  } catch (e) {
    if (e instanceof InputTooLargeError) throw new InvalidInputError(path, [e.message]);
    if (e instanceof FileUnreadableError) throw new UsageError(e.message);
    throw e;
  }
}

async function readText(io: CliIo, path: string, maxBytes: number): Promise<string> {
  try {
    return await io.readFile(path, maxBytes);
  } catch (e) {
    if (e instanceof InputTooLargeError) throw new InvalidInputError(path, [e.message]);
    if (e instanceof FileUnreadableError) throw new UsageError(e.message);
    throw e;
  }
}

function fileFailure(io: CliIo, label: string, problems: readonly CsvRowProblem[]): number {
  io.stderr(`${label}: ${problems.length === 1 ? "1 problem" : `${problems.length} problems`}\n`);
  for (const p of problems) io.stderr(`${label}: ${formatCsvProblem(p)}\n`);
  return EXIT.invalidInput;
}

/**
 * `vbp evaluate <tender.json> --options <catalogue.csv>`: a catalogue evaluated against a tender. The ranked
 * table (or JSON, CSV, Markdown) goes to standard output; every excluded row goes to standard error as
 * `catalogue.csv: line 7 (id p-0006) price: must be > 0, got -1`; exit 3 when any row was excluded.
 */
export async function runCatalogueEvaluate(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(argv, {
    options: { type: "string" },
    lifecycle: { type: "string" },
    scores: { type: "string" },
    format: { type: "string", short: "f" },
    "max-bytes": { type: "string" },
    summaries: { type: "boolean" },
    ledger: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  const v = parsed.values;
  const format = formatFlag(v.format, [...OUTPUT_FORMATS, "xlsx"], "table");
  const workbook = format === "xlsx" ? workbookSink(io) : undefined;
  if (parsed.positionals.length !== 1) throw new UsageError("catalogue mode takes one tender document: vbp evaluate <tender.json> --options <catalogue.csv>");
  const tenderPath = parsed.positionals[0]!;
  const maxBytes = v["max-bytes"] === undefined ? DEFAULT_MAX_BYTES * 5 : parseMaxBytes(v["max-bytes"]);
  const catalogueFile = v.options!;
  // On a terminal: the files being read, then every option through every stage of the evaluation.
  const progress = evaluationProgressBar(io);
  try {
    progress.phase(`reading ${tenderPath}`);
    const tender = await readJsonInput(tenderPath, io, maxBytes);
    if (typeof tender !== "object" || tender === null || Array.isArray(tender)) throw new InvalidInputError(tenderPath, ["the tender must be an evaluation document (a JSON object)"]);
    progress.phase(`checking the rows of ${catalogueFile}`);
    const rows = readCatalogueCsv(await readText(io, catalogueFile, maxBytes));
    const header = rows.problems.filter((p) => p.line <= 1);
    if (header.length > 0) return fileFailure(io, catalogueFile, header);
    let doc = tender as Record<string, unknown>;
    let options: readonly EvaluationOption[] = rows.options;
    if (v.lifecycle !== undefined) {
      progress.phase(`reading ${v.lifecycle}`);
      const lines = readLifecycleLinesCsv(await readText(io, v.lifecycle, maxBytes));
      const known = new Set([...rows.lineOf.keys(), ...(Array.isArray(doc.options) ? (doc.options as { id?: unknown }[]).map((o) => String(o.id)) : [])]);
      const unknown: CsvRowProblem[] = [...lines.byOption.keys()].filter((id) => !known.has(id)).map((id) => ({ line: 0, id, column: "optionId", message: `no option "${id}" in the tender or the catalogue` }));
      // A bad cost line would understate its option's cost: the run stops with every problem listed.
      if (lines.problems.length + unknown.length > 0) return fileFailure(io, v.lifecycle, [...lines.problems, ...unknown]);
      const withLines = (o: EvaluationOption): EvaluationOption => {
        const more = lines.byOption.get(o.id);
        return more === undefined ? o : { ...o, lifecycle: { ...o.lifecycle, items: [...(o.lifecycle?.items ?? []), ...more] } };
      };
      options = options.map(withLines);
      if (Array.isArray(doc.options)) doc = { ...doc, options: (doc.options as EvaluationOption[]).map((o) => (typeof o === "object" && o !== null ? withLines(o) : o)) };
    }
    if (v.scores !== undefined) {
      progress.phase(`reading ${v.scores}`);
      const scores = isXlsxPath(v.scores) ? await readEvaluatorScoresXlsx(await readWorkbook(io, v.scores, maxBytes)) : readEvaluatorScoresCsv(await readText(io, v.scores, maxBytes));
      if (scores.problems.length > 0) return fileFailure(io, v.scores, scores.problems);
      const t = (doc.tender ?? {}) as Record<string, unknown>;
      doc = { ...doc, tender: { ...t, evaluatorScores: [...(Array.isArray(t.evaluatorScores) ? t.evaluatorScores : []), ...scores.records] } };
    }
    progress.phase(`evaluating ${options.length} options`);
    const run = evaluateCatalogueRows(doc, { ...rows, options }, { ledger: v.ledger === true, summaries: v.summaries === true || format === "json", onProgress: progress.onProgress });
    progress.stop();
    const result = run.result;
    if (format === "json") io.stdout(`${JSON.stringify({ rows: run.rows, evaluated: run.evaluated, excluded: run.excluded, result }, null, 2)}\n`);
    else if (format === "csv") io.stdout(evaluationCsv(result));
    else if (format === "md") io.stdout(evaluationMarkdownReport(result, { summaries: v.summaries === true }));
    else if (workbook !== undefined) workbook(await evaluationWorkbook(result));
    else io.stdout(`${result.title}\n\nRanked value table (${run.evaluated} of ${run.rows} catalogue rows evaluated)\n\n${formatEvaluationTable(result, { locale: callerLocale() })}`);
    if (run.excluded.length > 0) {
      io.stderr(`${catalogueFile}: ${run.excluded.length} of ${run.rows} rows excluded, ${run.evaluated} evaluated\n`);
      for (const x of run.excluded) for (const p of x.problems) io.stderr(`${catalogueFile}: ${formatCsvProblem(p)}\n`);
      return EXIT.excluded;
    }
    return EXIT.ok;
  } finally {
    progress.stop();
  }
}
