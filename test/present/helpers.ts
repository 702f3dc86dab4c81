import { readFileSync } from "node:fs";
import { compile } from "vega-lite";
import { evaluate, type EvaluationResult, type VegaLiteSpec } from "../../src/index.js";
import type { Doc } from "../evaluate/helpers.js";

/** The worked tender, evaluated with its ledgers and summaries (every chart has data). */
export function tenderResult(edit: (doc: Doc) => void = () => {}): EvaluationResult {
  const doc = JSON.parse(readFileSync("examples/tender/tender.json", "utf8"));
  edit(doc);
  return evaluate(doc, { ledger: true, summaries: true });
}

/** Compiles a specification with Vega-Lite and returns every warning and error it logged. */
export function vegaLiteProblems(spec: VegaLiteSpec): string[] {
  const problems: string[] = [];
  const logger = {
    level: () => logger,
    error: (...m: unknown[]) => (problems.push(`error: ${m.join(" ")}`), logger),
    warn: (...m: unknown[]) => (problems.push(`warn: ${m.join(" ")}`), logger),
    info: () => logger,
    debug: () => logger,
  };
  try {
    compile(spec as never, { logger: logger as never });
  } catch (e) {
    problems.push(`threw: ${(e as Error).message}`);
  }
  return problems;
}
