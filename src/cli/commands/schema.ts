import { readFile } from "node:fs/promises";
import { documentJsonSchema, JSON_SCHEMA_NAMES, type JsonSchemaName } from "../../interop/jsonSchema.js";
import { EXIT, UsageError, type CliCommand } from "../command.js";
import type { CliIo } from "../io.js";
import { parseCommandArgs } from "../args.js";

/** Result schemas ship as files only (generated from the result types at build time). */
const RESULT_NAMES = ["evaluation-result", "lifecycle-result", "pathway-result"] as const;

const HELP = `Usage: vbp schema <name>

Prints one of the JSON Schemas the package ships (vbp-score/schema/<name>.json), each with a versioned $id:
the input documents (generated from the library's schemas) and the results.

Names:
${[...JSON_SCHEMA_NAMES, ...RESULT_NAMES].map((n) => `  ${n}`).join("\n")}

Options:
  -h, --help   show this help
`;

/** The shipped file: beside dist/ in the package (../schema), or at the repository root from src/. */
async function shippedFile(name: string): Promise<string | undefined> {
  for (const rel of ["../schema/", "../../../schema/"]) {
    try {
      return await readFile(new URL(`${rel}${name}.json`, import.meta.url), "utf8");
    } catch {
      // try the next place
    }
  }
  return undefined;
}

async function runSchema(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(argv, { help: { type: "boolean", short: "h" } });
  if (parsed.values.help === true) {
    io.stdout(HELP);
    return EXIT.ok;
  }
  const [name, ...extra] = parsed.positionals;
  const all: readonly string[] = [...JSON_SCHEMA_NAMES, ...RESULT_NAMES];
  if (name === undefined) throw new UsageError(`name a schema: ${all.join(", ")}`);
  if (extra.length > 0) throw new UsageError(`expected one schema name, got ${parsed.positionals.length}`);
  if (!all.includes(name)) throw new UsageError(`unknown schema "${name}"; schemas: ${all.join(", ")}`);
  if ((JSON_SCHEMA_NAMES as readonly string[]).includes(name)) {
    io.stdout(`${JSON.stringify(documentJsonSchema(name as JsonSchemaName), null, 2)}\n`);
    return EXIT.ok;
  }
  const text = await shippedFile(name);
  if (text === undefined) throw new UsageError(`the ${name} schema file is not built (npm run build writes schema/)`);
  io.stdout(text);
  return EXIT.ok;
}

/** `vbp schema <name>`: prints a shipped JSON Schema. */
export const schemaCommand: CliCommand = Object.freeze({
  name: "schema",
  summary: "print a shipped JSON Schema (input documents and results), with its versioned $id",
  help: HELP,
  run: runSchema,
});
