// Package check: the built ESM and CJS entries load in plain Node, export the same public names, and
// compute the same exact figure. Run after `npm run build` (part of `npm test`).
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

const require = createRequire(import.meta.url);
const esm = await import("../dist/index.js");
const cjs = require("../dist/index.cjs");

const fail = (msg) => {
  console.error(`check-package: ${msg}`);
  process.exit(1);
};

const esmNames = Object.keys(esm).sort();
const cjsNames = Object.keys(cjs).sort();
if (esmNames.length < 10) fail(`ESM entry exports only ${esmNames.length} names`);
if (JSON.stringify(esmNames) !== JSON.stringify(cjsNames)) fail("ESM and CJS entries export different names");

const df = (lib) => lib.discountFactor(lib.DISCOUNT_SCHEDULES["green-book"], 31);
if (df(esm) !== df(cjs)) fail("ESM and CJS compute different discount factors");
if (!df(esm).startsWith("0.34590136951679")) fail(`unexpected Green Book year-31 factor ${df(esm)}`);

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const cli = readFileSync(new URL("../dist/cli.js", import.meta.url), "utf8");
if (!cli.startsWith("#!/usr/bin/env node")) fail("dist/cli.js has no shebang");
if (pkg.bin.vbp !== "./dist/cli.js") fail("bin.vbp does not point at dist/cli.js");

console.log(`check-package: ESM and CJS agree on ${esmNames.length} exports; CLI present`);
