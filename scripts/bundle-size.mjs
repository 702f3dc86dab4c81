// Browser bundle sizes of what a platform imports from the published package: each import is bundled with
// esbuild for the browser, minified, and gzipped, exactly as a consumer's build would (the package resolves
// to itself through its own "exports", so the built dist/ and its `sideEffects: false` are what is measured).
import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/**
 * The imports a platform writes: the target each should meet (gzip bytes), and the ceiling the check
 * enforces. Where the ceiling is above the target, the target is not met yet: the check prints the gap and
 * fails on any growth past the ceiling.
 */
export const BUNDLE_BUDGETS = [
  { code: 'import { money } from "vbp-score";', name: "money", targetGzip: 20 * 1024, maxGzip: 20 * 1024 },
  // 118.6 KB (was 127.4 KB; 144.4 KB before zod/mini): the schemas carry only a key to their description
  // (`withMeta(schema, "area:field")`); the text lives in `…Descriptions.ts` tables that only JSON Schema
  // generation and the published classic schemas import.
  // 119.9 KB (was 122.4 KB after the engine's narrow registers and tree PSA sharing landed): the scoring
  // module's overtaking analysis, the engine's run over draws and the schema of a caller's own threshold data
  // are loaded only by the entries that use them.
  // 118.7 KB (was 120.1 KB after the one-draw engine and the PSA's draws path landed): the price formulas'
  // descriptive texts come only with the public PRICE_FORMULAS registry; scoring uses their arithmetic alone.
  // 117.6 KB (was 119.2 KB): an object schema's properties take their description keys from the object's key
  // and their own names (`describedShape(key, shape)`), not one key string each.
  // 118.4 KB, 121,248 B (was 119.9 KB, 122,766 B): texts that scoring and model runs never read come only with
  // the public registries that hold them: the social value themes' descriptions and PPN sources
  // (SOCIAL_VALUE_THEME_SETS; scoring reads BUILT_IN_THEMES), the within-cycle methods' texts
  // (WITHIN_CYCLE_METHODS), the qualitative scales' notes and source (QUALITATIVE_SCALES; BUILT_IN_SCALES), the
  // value functions' parameter descriptions (VALUE_FUNCTIONS; VALUE_FUNCTION_RULES); the library's own money
  // texts use formatMoneyFixed, so formatAmount's Intl handling stays out; `describedObject(key, shape)` writes
  // an object schema's key once. With the lighter whole-job stages that landed beside it: 119.4 KB.
  { code: 'import { evaluate } from "vbp-score";', name: "evaluate", targetGzip: 120 * 1024, maxGzip: 120 * 1024 },
];

/** Bundles one import for the browser; returns minified and gzip bytes and the bytes per package. */
export async function bundleSize(code) {
  const name = /import \{ (\w+) \}/.exec(code)?.[1] ?? "x";
  const r = await build({
    stdin: { contents: `${code}\nglobalThis.__keep = ${name};`, resolveDir: root, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    metafile: true,
    logLevel: "error",
  });
  const out = r.outputFiles[0].contents;
  const inputs = Object.values(r.metafile.outputs)[0].inputs;
  const byPackage = {};
  for (const [file, v] of Object.entries(Object.values(r.metafile.outputs)[0].inputs)) {
    const pkg = file.includes("node_modules/") ? file.split("node_modules/").at(-1).split("/")[0] : "vbp-score";
    byPackage[pkg] = (byPackage[pkg] ?? 0) + v.bytesInOutput;
  }
  const zodLocales = Object.keys(Object.values(r.metafile.outputs)[0].inputs).filter((f) => /zod\/v4\/locales\/(?!en\.js)/.test(f) && r.metafile.outputs[Object.keys(r.metafile.outputs)[0]].inputs[f].bytesInOutput > 0);
  // zod's classic API (method chains, its JSON Schema processors) comes only with the published schemas, which
  // `evaluate` does not use: the library validates with zod/mini.
  const zodClassic = Object.keys(inputs).filter((f) => /zod\/v4\/classic\//.test(f) && inputs[f].bytesInOutput > 0);
  return { minified: out.length, gzip: gzipSync(out).length, byPackage, zodLocales, zodClassic };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const b of BUNDLE_BUDGETS) {
    const s = await bundleSize(b.code);
    console.log(`${b.code}  ${(s.gzip / 1024).toFixed(1)} KB gzip (${(s.minified / 1024).toFixed(1)} KB minified; target ${b.targetGzip / 1024} KB) ${JSON.stringify(s.byPackage)}`);
  }
}
