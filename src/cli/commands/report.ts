import { safeEvaluate } from "../../evaluate/evaluate.js";
import { evaluationMarkdownReport } from "../../evaluate/present.js";
import { EXIT, UsageError, type CliCommand } from "../command.js";
import { parseMaxBytes, readJsonInput, reportIssues } from "../input.js";
import type { CliIo } from "../io.js";
import { parseCommandArgs } from "../args.js";

const HELP = `Usage: vbp report <file.json | -> [--html <out.html | ->] [options]

Runs the whole job on an evaluation document and writes its report: the ranked value table,
charts (tender points by criterion, whole-life cost by category and year, carbon by source),
cost-effectiveness, each option's explanation, assumptions and data sources, and the assessment
summaries (Procurement Act 2023 s50).

--html writes one standalone, printable HTML page: inline CSS and SVG charts, no scripts, nothing
loaded when it is opened. Without --html the report is printed as Markdown (tables, no charts).

Arguments:
  <file.json>          the evaluation document (JSON); "-" reads standard input

Options:
      --html <path>    write the HTML report to <path> ("-" prints it to standard output)
      --no-summaries   leave out the assessment summaries
      --max-bytes <n>  largest input accepted, in bytes (default 20971520 = 20 MB)
  -h, --help           show this help

Exit codes: 0 ok, 1 invalid input (every problem printed as "path: message"), 2 usage error.
`;

async function runReport(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(argv, { html: { type: "string" }, "no-summaries": { type: "boolean" }, "max-bytes": { type: "string" }, help: { type: "boolean", short: "h" } });
  const { values, positionals } = parsed;
  if (values.help === true) {
    io.stdout(HELP);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? "missing the document: vbp report <file.json | ->" : `expected one document, got ${positionals.length}: ${positionals.join(" ")}`);
  const html = values.html;
  if (html === "") throw new UsageError("--html needs a file name (or - for standard output)");
  if (html !== undefined && html !== "-" && io.writeFile === undefined) throw new UsageError("this host cannot write files: use --html - to print the page");
  const path = positionals[0]!;
  const label = path === "-" ? "<stdin>" : path;
  const json = await readJsonInput(path, io, parseMaxBytes(values["max-bytes"]));
  const summaries = values["no-summaries"] !== true;
  const r = safeEvaluate(json, { ledger: html !== undefined, summaries });
  if (!r.success) return reportIssues(io, label, r.error.issues);
  if (html === undefined) {
    io.stdout(evaluationMarkdownReport(r.data, { summaries }));
    return EXIT.ok;
  }
  // vega is loaded only here, so the other commands start without it.
  const { evaluationHtmlReportWithCharts } = await import("../../svg.js");
  const page = await evaluationHtmlReportWithCharts(r.data, { summaries });
  if (html === "-") io.stdout(page);
  else {
    try {
      await io.writeFile!(html, page);
    } catch (e) {
      throw new UsageError(`cannot write ${html}: ${(e as Error).message}`);
    }
    io.stderr(`vbp report: wrote ${html} (${Math.round(page.length / 1024)} KB)\n`);
  }
  return EXIT.ok;
}

/**
 * `vbp report <file.json | -> [--html out.html]`: the evaluation report as one standalone HTML page with
 * charts, or as Markdown.
 */
export const reportCommand: CliCommand = Object.freeze({
  name: "report",
  summary: "the evaluation report: a standalone, printable HTML page with charts (--html), or Markdown",
  help: HELP,
  run: runReport,
});
