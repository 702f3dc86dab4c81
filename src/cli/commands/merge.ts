import { mergePsa } from "../../uncertainty/mergePsa.js";
import { psaFromJson } from "../../uncertainty/psaJson.js";
import { EXIT, UsageError, type CliCommand } from "../command.js";
import { OUTPUT_FORMATS } from "../format.js";
import { parseMaxBytes, readJsonInput } from "../input.js";
import type { CliIo } from "../io.js";
import { checkEvppiRequest, parseEvppiGroups, parseThresholds, writePsa } from "../psaOutput.js";
import { VbpInputError } from "../../errors/VbpInputError.js";
import { formatFlag, parseCommandArgs } from "../args.js";

const HELP = `Usage: vbp merge <shard.json…> [options]

Merges the shard files written by "vbp psa <file> --shard i/n --format json" (same document, seed and
iterations) into one PSA result, identical to a single run. Every shard must be present once.

Options:
      --thresholds <l,…> willingness-to-pay values per QALY for the CEAC and EVPI table
      --evppi <group>    EVPPI of a parameter group at the thresholds ("id,id,…" or "name=id,id,…"; repeat
                         for more groups), on the merged draws; table or md formats
  -f, --format <fmt>     table (default), json (the merged PSA file), csv or md
  -o, --output <file>    write to a file instead of standard output
      --max-bytes <n>    largest shard file accepted, in bytes (default 1073741824 = 1 GB)
  -h, --help             show this help

Exit codes: 0 ok, 1 invalid input (a shard missing, repeated or from another analysis), 2 usage error.
`;

async function runMerge(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(argv, { thresholds: { type: "string" }, evppi: { type: "string", multiple: true }, format: { type: "string", short: "f" }, output: { type: "string", short: "o" }, "max-bytes": { type: "string" }, help: { type: "boolean", short: "h" } });
  const { values, positionals } = parsed;
  if (values.help === true) {
    io.stdout(HELP);
    return EXIT.ok;
  }
  const format = formatFlag(values.format, OUTPUT_FORMATS, "table");
  if (positionals.length === 0) throw new UsageError("give the shard files to merge: vbp merge shard-1.json shard-2.json …");
  const thresholds = parseThresholds(values.thresholds);
  const groups = parseEvppiGroups(values.evppi);
  checkEvppiRequest(groups, thresholds, format, false);
  const maxBytes = values["max-bytes"] === undefined ? 1024 * 1024 * 1024 : parseMaxBytes(values["max-bytes"]);
  const parts = [];
  for (const path of positionals) {
    try {
      parts.push(psaFromJson(await readJsonInput(path, io, maxBytes)));
    } catch (e) {
      if (e instanceof VbpInputError) throw new VbpInputError(e.issues.map((x) => ({ ...x, path: [path, ...x.path] })));
      throw e;
    }
  }
  let merged;
  try {
    merged = mergePsa(parts);
  } catch (e) {
    if (e instanceof VbpInputError) throw new VbpInputError(e.issues.map((x) => ({ ...x, path: typeof x.path[0] === "number" ? [positionals[x.path[0]]!, ...x.path.slice(1)] : x.path })));
    throw e;
  }
  await writePsa(io, merged, format, thresholds, values.output, groups);
  return EXIT.ok;
}

/** `vbp merge <shards…>`: joins PSA shard files into the result of a single run. */
export const mergeCommand: CliCommand = Object.freeze({
  name: "merge",
  summary: "merge PSA shard files (from vbp psa --shard i/n --format json) into one result",
  help: HELP,
  run: runMerge,
});
