import { runDeclaredAnalyses, type DeclaredAnalyses } from "../../uncertainty/dsa/declaredAnalyses.js";
import { EXIT, type CliCommand } from "../command.js";
import { renderAs, type Table } from "../format.js";
import { readDocumentCommand } from "../input.js";
import type { CliIo } from "../io.js";

const HELP = `Usage: vbp dsa <file.json | -> [options]

Runs the deterministic sensitivity analyses declared in a model document's "uncertainty" section on the
compiled model: one-way (low/high from "oneWay.ranges" or the distributions' percentiles) with tornado data
on incremental net monetary benefit, two-way grids ("twoWay"), scenarios ("scenarios") and threshold
(break-even) analyses ("thresholds").

Arguments:
  <file.json>          the model document (JSON); "-" reads standard input

Options:
  -f, --format <fmt>   table (default), json, csv (the tornado bars) or md
      --max-bytes <n>  largest input accepted, in bytes (default 20971520 = 20 MB)
  -h, --help           show this help

Exit codes: 0 ok, 1 invalid input (every problem printed as "path: message"), 2 usage error.
`;

const num = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(2) : v.toPrecision(6));

function tables(r: DeclaredAnalyses): { title: string; table: Table }[] {
  const out: { title: string; table: Table }[] = [];
  for (const t of r.tornadoes) {
    out.push({
      title: `Tornado: incremental NMB of ${t.output.optionId} at ${t.output.threshold ?? 0} per QALY (base ${t.base === undefined ? "n/a" : num(t.base)})`,
      table: {
        headers: ["Option", "Parameter", "Low", "High", "NMB at low", "NMB at high", "Swing"],
        rows: t.bars.map((b) => [t.output.optionId, b.parameter, num(b.low), num(b.high), num(b.outputAtLow), num(b.outputAtHigh), num(b.swing)]),
        align: ["left", "left", "right", "right", "right", "right", "right"],
      },
    });
  }
  if (r.scenarios !== undefined) {
    const s = r.scenarios;
    out.push({
      title: "Scenarios: cost and QALYs per patient",
      table: {
        headers: ["Scenario", ...s.base.flatMap((b) => [`${b.optionId} cost`, `${b.optionId} QALYs`])],
        rows: [["base case", ...s.base.flatMap((b) => [num(b.costs), num(b.qalys)])], ...s.scenarios.map((x) => [x.label, ...x.figures.flatMap((f) => [num(f.costs), num(f.qalys)])])],
      },
    });
  }
  for (const g of r.twoWay) {
    out.push({
      title: `Two-way ${g.id}: cost per patient of each option, ${g.x.parameter} × ${g.y.parameter}`,
      table: {
        headers: [g.x.parameter, g.y.parameter, ...(g.cells[0]?.[0]?.figures ?? []).map((f) => f.optionId)],
        rows: g.cells.flatMap((row, i) => row.map((c, j) => [num(g.x.values[i]!), num(g.y.values[j]!), ...(c.figures?.map((f) => num(f.costs)) ?? [c.problem ?? ""])])),
      },
    });
  }
  if (r.thresholds.length > 0) {
    out.push({ title: "Threshold (break-even) analyses", table: { headers: ["Analysis", "Result", "Evaluations"], rows: r.thresholds.map((t) => [t.spec.id, t.summary, String(t.evaluations)]) } });
  }
  return out;
}

async function runDsa(argv: readonly string[], io: CliIo): Promise<number> {
  const args = await readDocumentCommand(argv, io, { name: "dsa", help: HELP, booleanFlags: [] });
  if (typeof args === "number") return args;
  const r = runDeclaredAnalyses(args.json);
  if (args.format === "json") {
    io.stdout(`${JSON.stringify(r, null, 2)}\n`);
    return EXIT.ok;
  }
  if (args.format === "csv") {
    io.stdout(renderAs("csv", { headers: ["option", "parameter", "low", "high", "outputAtLow", "outputAtHigh", "swing"], rows: r.tornadoes.flatMap((t) => t.bars.map((b) => [t.output.optionId, b.parameter, String(b.low), String(b.high), String(b.outputAtLow), String(b.outputAtHigh), String(b.swing)])) }));
    return EXIT.ok;
  }
  const all = tables(r);
  if (all.length === 0) io.stdout("The document declares no deterministic analyses (uncertainty.oneWay, twoWay, scenarios or thresholds).\n");
  io.stdout(all.map((t) => (args.format === "md" ? `## ${t.title}\n\n` : `${t.title}\n\n`) + renderAs(args.format === "md" ? "md" : "table", t.table)).join("\n"));
  return EXIT.ok;
}

/** `vbp dsa <file>`: the deterministic sensitivity analyses a document declares. */
export const dsaCommand: CliCommand = Object.freeze({
  name: "dsa",
  summary: "one-way/tornado, two-way, scenario and threshold analyses declared in a model document",
  help: HELP,
  run: runDsa,
});
