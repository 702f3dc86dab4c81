import { safely } from "../../errors/VbpInputError.js";
import { renderCsvTable, renderMarkdownTable, renderTextTable, type EvaluationTable } from "../../evaluate/present.js";
import { awardUncertainty, type AwardUncertaintyOptions, type AwardUncertaintyResult } from "../../uncertainty/award/awardUncertainty.js";
import { EXIT, UsageError, type CliCommand } from "../command.js";
import { readDocumentCommand, readJsonInput, reportIssues } from "../input.js";
import type { CliIo } from "../io.js";

const HELP = `Usage: vbp award <file.json | -> [options]

How sure is the award? Simulates the award under uncertainty: weights (SMAA-2), uncertain bid prices, measured values and
pass/fail outcomes, and uncertain values of an evaluation document (pathway parameters, lifecycle, carbon
and social value figures), carried through the tender's own scoring rules in every draw.
Prints, per lot, the summary in words and per bid the probability of winning, its rank distribution and
what drives it. Accepts an evaluation document (the raw values come from its exact evaluation) or a tender.

Arguments:
  <file.json>               the document (JSON); "-" reads standard input

Options:
      --iterations <n>      number of draws (default 10000)
      --seed <s>            seed, a whole number (default 1); the same seed gives the same result
      --uncertainty <file>  JSON { "weights": {...}, "inputs": [...], "documentValues": [...],
                            "correlations": [...], "pathwayDistributions": true } stating what is
                            uncertain: weights, bid prices and raw values, and (for an evaluation
                            document) lifecycle, carbon, social value figures and pathway parameters by
                            path, e.g. "pathway.parameters.p_ssi.value"; correlations between drawn
                            pathway parameters as for a PSA ({ "parameters": [ids], "matrix": [[…]] })
                            (default: the top-level weights, with no weight information)
                            The distributions the document's pathway declares on its parameters
                            (pathway.parameters[i].distribution) are drawn too, with the PSA's values
                            for the same seed; a parameter may not also be stated under documentValues
      --no-pathway-distributions
                            do not draw the pathway's own parameter distributions (only what
                            --uncertainty states)
  -f, --format <fmt>        table (default), json, csv or md
      --max-bytes <n>       largest input accepted, in bytes (default 20971520 = 20 MB)
  -h, --help                show this help

Exit codes: 0 ok, 1 invalid input (every problem printed as "path: message"), 2 usage error.
`;

function wholeNumber(v: string | undefined, name: string, fallback: number): number {
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v)) throw new UsageError(`--${name} must be a whole number, got "${v}"`);
  return Number(v);
}

function rows(r: AwardUncertaintyResult): EvaluationTable {
  const out: string[][] = [];
  for (const lot of r.lots) {
    for (const b of lot.bids) {
      const d = b.drivers[0];
      out.push([
        lot.lotId,
        b.supplier,
        b.label,
        b.baseRank === undefined ? "excluded" : String(b.baseRank),
        (b.probabilityOfWinning * 100).toFixed(1) + "%",
        (1.96 * b.standardError * 100).toFixed(1) + "%",
        b.rankAcceptability.map((x) => (x * 100).toFixed(1) + "%").join(" "),
        d === undefined ? "" : `${d.label} (${d.spearman > 0 ? "+" : "−"}${Math.abs(d.spearman).toFixed(2)})`,
      ]);
    }
  }
  return { headers: ["lot", "supplier", "product", "base rank", "P(win)", "± (95%)", "rank acceptability (1st, 2nd, …)", "main driver"], rows: out, align: ["left", "left", "left", "right", "right", "right", "left", "left"] };
}

async function runAward(argv: readonly string[], io: CliIo): Promise<number> {
  const args = await readDocumentCommand(argv, io, { name: "award", help: HELP, booleanFlags: ["no-pathway-distributions"], stringOptions: ["iterations", "seed", "uncertainty"] });
  if (typeof args === "number") return args;
  const v = args.values ?? {};
  const iterations = wholeNumber(v.iterations, "iterations", 10000);
  const seed = wholeNumber(v.seed, "seed", 1);
  let spec: Pick<AwardUncertaintyOptions, "weights" | "inputs" | "documentValues" | "correlations" | "pathwayDistributions"> = { weights: { groups: ["root"] } };
  if (v.uncertainty !== undefined) {
    const raw = await readJsonInput(v.uncertainty, io, 20 * 1024 * 1024);
    if (raw === null || typeof raw !== "object" || Array.isArray(raw)) throw new UsageError(`--uncertainty must name a JSON object { "weights": …, "inputs": […], "documentValues": […] }`);
    spec = raw as typeof spec;
  }
  // An evaluation document is analysed as a whole (its raw values come from its exact evaluation and follow
  // any uncertain document values); a tender is scored as it is.
  const r = safely(() => awardUncertainty(args.json, { ...spec, ...(args.flags["no-pathway-distributions"] === true ? { pathwayDistributions: false } : {}), iterations, seed }));
  if (!r.success) return reportIssues(io, args.label, r.error.issues);
  const table = rows(r.data);
  if (args.format === "json") io.stdout(`${JSON.stringify(r.data, null, 2)}\n`);
  else if (args.format === "csv") io.stdout(renderCsvTable(table));
  else if (args.format === "md") io.stdout(`${r.data.lots.map((l) => `## ${l.label}\n\n${l.summary}\n`).join("\n")}\n${renderMarkdownTable(table)}\n${r.data.lots.flatMap((l) => l.bids.map((b) => `- ${b.explanation}`)).join("\n")}\n`);
  else io.stdout(`${r.data.lots.map((l) => `${l.label}\n${l.summary}\n`).join("\n")}\n${renderTextTable(table)}\n${r.data.lots.flatMap((l) => l.bids.map((b) => `* ${b.explanation}`)).join("\n")}\n`);
  return EXIT.ok;
}

/** `vbp award`: the probability that each bid wins, under uncertain weights and inputs. */
export const awardCommand: CliCommand = {
  name: "award",
  summary: "how sure is the award: probability that each bid wins under uncertain weights, prices and values",
  help: HELP,
  run: runAward,
};
