// Writes the JSON Schema files the package ships (schema/<name>.json): every input document from the
// library's zod schemas (through the built documentJsonSchema), and the results from their TypeScript types
// (ts-json-schema-generator; the results have no zod schema), each with a versioned $id. Run after tsup.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createGenerator } from "ts-json-schema-generator";

const root = new URL("..", import.meta.url);
const pkg = JSON.parse(readFileSync(new URL("package.json", root), "utf8"));
const lib = await import(new URL("dist/interop/index.js", root).href);
if (lib.SCHEMA_VERSION !== pkg.version) throw new Error(`SCHEMA_VERSION ${lib.SCHEMA_VERSION} differs from package.json version ${pkg.version}`);
const out = new URL("schema/", root);
mkdirSync(out, { recursive: true });
for (const name of lib.JSON_SCHEMA_NAMES) writeFileSync(new URL(`${name}.json`, out), `${JSON.stringify(lib.documentJsonSchema(name), null, 2)}\n`);

/** Result schemas: name → the exported result type and the file that declares it. */
const RESULTS = {
  "evaluation-result": { type: "EvaluationResult", path: "src/evaluate/result.ts", title: "Evaluation result (output of evaluate and vbp evaluate --format json)" },
  "lifecycle-result": { type: "LifecycleResult", path: "src/lifecycle/result.ts", title: "Lifecycle cost result (output of evaluateLifecycle and vbp lifecycle --format json)" },
  "pathway-result": { type: "PathwayResult", path: "src/pathway/types.ts", title: "Pathway model result (output of runModel)" },
};
for (const [name, r] of Object.entries(RESULTS)) {
  const generated = createGenerator({ path: new URL(r.path, root).pathname, tsconfig: new URL("tsconfig.json", root).pathname, type: r.type, skipTypeCheck: true, expose: "export", topRef: true }).createSchema(r.type);
  const { $schema, ...rest } = generated;
  const schema = { $schema, $id: `https://unpkg.com/vbp-score@${pkg.version}/schema/${name}.json`, title: r.title, ...rest };
  writeFileSync(new URL(`${name}.json`, out), `${JSON.stringify(schema, null, 2)}\n`);
}
console.log(`schema/: ${lib.JSON_SCHEMA_NAMES.length} input documents, ${Object.keys(RESULTS).length} results`);
