import { runPsaParallel } from "../../node/runPsaParallel.js";
import { splitUncertaintyDocument } from "../../uncertainty/schema.js";
import { EXIT, UsageError, type CliCommand } from "../command.js";
import { OUTPUT_FORMATS } from "../format.js";
import { parseMaxBytes, readJsonInput } from "../input.js";
import type { CliIo } from "../io.js";
import { progressBar } from "../progress.js";
import { checkEvppiRequest, parseEvppiGroups, parseThresholds, parseWhole, writePsa } from "../psaOutput.js";
import { formatFlag, parseCommandArgs } from "../args.js";

const HELP = `Usage: vbp psa <file.json | -> [options]

Probabilistic sensitivity analysis of a pathway model document: draws every parameter with a distribution
(the parameters' own, or the document's "uncertainty" section: distributions, correlations) from a seeded
counter-based generator and evaluates every option on each draw. The same seed gives bit-identical results
whatever the chunk size, the number of workers or the shard split.

Arguments:
  <file.json>            the model document (JSON); "-" reads standard input

Options:
  -n, --iterations <N>   number of draws of the whole analysis (default: uncertainty.psa.iterations, else 1000)
  -s, --seed <S>         seed, a whole number (default: uncertainty.psa.seed, else 1)
      --shard <i/n>      run only shard i of n (draws split evenly); merge the shard files with "vbp merge"
  -w, --workers <k>      worker threads (default: the cores available)
      --chunk-size <c>   draws evaluated at once (default 1000; never changes the results)
      --thresholds <l,…> willingness-to-pay values per QALY for the CEAC and EVPI table
      --evppi <group>    EVPPI of a parameter group at the thresholds: "id,id,…" or "name=id,id,…" (drawn
                         parameters); repeat for more groups. Regression on the PSA draws (Strong, Oakley &
                         Brennan 2014): P-spline for 1–2 parameters, Gaussian process for 3 or more.
                         Shown with --format table or md; for shards, give it to vbp merge
  -f, --format <fmt>     table (default), json (a mergeable PSA file), csv (one row per draw and option) or md
  -o, --output <file>    write to a file instead of standard output
      --quiet            no progress bar (it is shown only on a terminal anyway)
      --max-bytes <n>    largest input accepted, in bytes (default 20971520 = 20 MB)
  -h, --help             show this help

Exit codes: 0 ok, 1 invalid input (every problem printed as "path: message"), 2 usage error.
`;

/** Parses `--shard i/n` into a draw range of `iterations`. */
export function shardRange(text: string, iterations: number): { start: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const i = m === null ? NaN : Number(m[1]);
  const n = m === null ? NaN : Number(m[2]);
  if (!(i >= 1 && n >= 1 && i <= n && n <= iterations)) throw new UsageError(`--shard must be i/n with 1 ≤ i ≤ n ≤ iterations (e.g. 2/8), got "${text}"`);
  const start = Math.floor(((i - 1) * iterations) / n);
  return { start, count: Math.floor((i * iterations) / n) - start };
}

async function runPsaCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(argv, {
    iterations: { type: "string", short: "n" },
    seed: { type: "string", short: "s" },
    shard: { type: "string" },
    workers: { type: "string", short: "w" },
    "chunk-size": { type: "string" },
    thresholds: { type: "string" },
    evppi: { type: "string", multiple: true },
    format: { type: "string", short: "f" },
    output: { type: "string", short: "o" },
    quiet: { type: "boolean" },
    "max-bytes": { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  const { values, positionals } = parsed;
  if (values.help === true) {
    io.stdout(HELP);
    return EXIT.ok;
  }
  const format = formatFlag(values.format, OUTPUT_FORMATS, "table");
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? "missing the model document: vbp psa <file.json | ->" : `expected one document, got ${positionals.length}`);
  const iterationsFlag = parseWhole("iterations", values.iterations, 1, 100_000_000);
  const seedFlag = parseWhole("seed", values.seed, 0, Number.MAX_SAFE_INTEGER);
  const workers = parseWhole("workers", values.workers, 1, 256);
  const chunkSize = parseWhole("chunk-size", values["chunk-size"], 1, 1_000_000);
  const json = await readJsonInput(positionals[0]!, io, parseMaxBytes(values["max-bytes"]));
  const { uncertainty } = splitUncertaintyDocument(json);
  const iterations = iterationsFlag ?? uncertainty.psa?.iterations ?? 1000;
  const seed = seedFlag ?? uncertainty.psa?.seed ?? 1;
  const thresholds = parseThresholds(values.thresholds, uncertainty.psa?.thresholds ?? []);
  const draws = values.shard !== undefined ? shardRange(values.shard, iterations) : undefined;
  const groups = parseEvppiGroups(values.evppi);
  checkEvppiRequest(groups, thresholds, format, draws !== undefined);
  const total = draws?.count ?? iterations;
  // A bar on a terminal only (cli-progress): piped, redirected or --quiet runs write nothing to standard error.
  const bar = values.quiet === true ? undefined : progressBar(io, total, { unit: "draws" });
  bar?.update(0, "");
  let psa;
  try {
    psa = await runPsaParallel(json, {
      iterations,
      seed,
      ...(draws !== undefined ? { draws } : {}),
      ...(workers !== undefined ? { workers } : {}),
      ...(chunkSize !== undefined ? { chunkSize } : {}),
      ...(bar !== undefined ? { onProgress: (p: { done: number }) => bar.update(p.done, "") } : {}),
    });
  } finally {
    bar?.stop();
  }
  await writePsa(io, psa, format, draws === undefined ? thresholds : [], values.output, groups);
  return EXIT.ok;
}

/**
 * `vbp psa <file>`: probabilistic sensitivity analysis (optionally one shard of it), as a table, a mergeable
 * JSON file or per-draw CSV.
 */
export const psaCommand: CliCommand = Object.freeze({
  name: "psa",
  summary: "probabilistic sensitivity analysis (seeded; shards with --shard i/n, merged by vbp merge)",
  help: HELP,
  run: runPsaCommand,
});
