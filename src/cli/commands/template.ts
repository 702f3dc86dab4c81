import { CSV_LAYOUTS, type CsvLayoutId } from "../../interop/csv/layouts.js";
import { csvLayoutGuide, csvTemplate } from "../../interop/csv/template.js";
import { EXIT, UsageError, type CliCommand } from "../command.js";
import type { CliIo } from "../io.js";
import { parseCommandArgs } from "../args.js";

const NAMES = Object.keys(CSV_LAYOUTS) as CsvLayoutId[];

const HELP = `Usage: vbp template <layout> [--guide]

Prints the CSV template of a layout (header and example rows), ready to fill in; --guide prints the column
guide instead (Markdown: each column, whether it is required, what it holds, an example).

Layouts:
${NAMES.map((n) => `  ${n.padEnd(17)} ${CSV_LAYOUTS[n].title}`).join("\n")}

Options:
      --guide   print the column guide (Markdown) instead of the template
  -h, --help    show this help
`;

async function runTemplate(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(argv, { guide: { type: "boolean" }, help: { type: "boolean", short: "h" } });
  if (parsed.values.help === true) {
    io.stdout(HELP);
    return EXIT.ok;
  }
  const [name, ...extra] = parsed.positionals;
  if (name === undefined) throw new UsageError(`name a layout: ${NAMES.join(", ")}`);
  if (extra.length > 0) throw new UsageError(`expected one layout, got ${parsed.positionals.length}`);
  if (!NAMES.includes(name as CsvLayoutId)) throw new UsageError(`unknown layout "${name}"; layouts: ${NAMES.join(", ")}`);
  io.stdout(parsed.values.guide === true ? csvLayoutGuide(name as CsvLayoutId) : csvTemplate(name as CsvLayoutId));
  return EXIT.ok;
}

/** `vbp template <layout>`: the CSV template (or column guide) of a layout. */
export const templateCommand: CliCommand = Object.freeze({
  name: "template",
  summary: "CSV template of a layout (catalogue, lifecycle-lines, evaluator-scores), or its column guide",
  help: HELP,
  run: runTemplate,
});
