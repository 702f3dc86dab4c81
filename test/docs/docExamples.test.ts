// Every `@example` in src/ is extracted and executed here, with the package's public exports in scope, and
// each `//=>` comment is checked against the value of the statement it follows. Examples are not copied by
// hand into tests: an example that drifts from the code fails this test.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import * as api from "../../src/index.js";
import { chancellorHivModel } from "../../examples/pathway/chancellor-hiv.js";
import { surgicalSiteInfectionModel } from "../../examples/pathway/surgical-site-infection.js";
import { handTender } from "../scoring/fixtures.js";

interface DocExample {
  readonly file: string;
  readonly line: number;
  readonly symbol: string;
  readonly code: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
}

/** The ```ts blocks after each `@example` tag of each doc comment, with the name of the declaration it documents. */
function examplesOf(file: string): DocExample[] {
  const text = readFileSync(file, "utf8");
  const out: DocExample[] = [];
  const comment = /\/\*\*[\s\S]*?\*\//g;
  for (let m = comment.exec(text); m !== null; m = comment.exec(text)) {
    const body = m[0].split("\n").map((l) => l.replace(/^\s*\/?\*+\/?\s?/, ""));
    const after = text.slice(comment.lastIndex).match(/^\s*(?:export\s+)?(?:declare\s+)?(?:async\s+)?(?:function\*?|const|let|interface|type|class|enum)\s+([A-Za-z0-9_$]+)/);
    const symbol = after?.[1] ?? "(anonymous)";
    const startLine = text.slice(0, m.index).split("\n").length;
    for (let i = 0; i < body.length; i++) {
      if (!/^@example\b/.test(body[i]!.trim())) continue;
      let j = i + 1;
      while (j < body.length && !/^```(ts|typescript)\s*$/.test(body[j]!.trim())) {
        if (body[j]!.trim().startsWith("@")) break;
        j++;
      }
      if (j >= body.length || !body[j]!.trim().startsWith("```")) continue;
      const lines: string[] = [];
      let k = j + 1;
      for (; k < body.length && body[k]!.trim() !== "```"; k++) lines.push(body[k]!);
      out.push({ file: relative(process.cwd(), file), line: startLine + j, symbol, code: lines.join("\n") });
      i = k;
    }
  }
  return out;
}

/**
 * The `//=>` comment attached to a statement (trailing on its line, or on the lines right after it), with any
 * `//` lines that continue it; or `throws` for a `// throws…` comment.
 */
function expectation(text: string, node: ts.Node): { kind: "value" | "throws"; text: string } | undefined {
  const ranges = [...(ts.getTrailingCommentRanges(text, node.end) ?? []), ...(ts.getLeadingCommentRanges(text, node.end) ?? [])];
  const seen = new Set<number>();
  const comments = ranges.filter((r) => !seen.has(r.pos) && seen.add(r.pos)).map((r) => text.slice(r.pos, r.end));
  const at = comments.findIndex((c) => c.startsWith("//=>") || c.startsWith("// throws"));
  if (at < 0) return undefined;
  if (comments[at]!.startsWith("// throws")) return { kind: "throws", text: comments[at]!.slice("// throws".length).replace(/^:\s*/, "").trim() };
  let body = comments[at]!.slice(4).trim();
  for (let k = at + 1; k < comments.length && comments[k]!.startsWith("//") && !comments[k]!.startsWith("//=>"); k++) body += ` ${comments[k]!.slice(2).trim()}`;
  return { kind: "value", text: body };
}

/** Reads the expected value: the longest leading part of the text that is a JavaScript expression. */
function expectedValue(text: string): { ok: true; value: unknown } | { ok: false } {
  const words = text.split(/(?<=\s)/);
  for (let n = words.length; n > 0; n--) {
    const candidate = words.slice(0, n).join("").trim();
    try {
      return { ok: true, value: new Function(`return (${candidate});`)() as unknown };
    } catch {
      // try a shorter prefix: the rest is prose, e.g. "2035" (1035 + 1035/1.035)
    }
  }
  return { ok: false };
}

/** Rewrites each statement followed by `//=> value` into a check of its value; returns the JS to run. */
function instrument(code: string): { js: string; checks: number } {
  const source = ts.createSourceFile("example.ts", code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const edits: { start: number; end: number; text: string }[] = [];
  let checks = 0;
  const statements = source.statements;
  statements.forEach((s) => {
    const want = expectation(code, s);
    if (want === undefined) return;
    checks++;
    const expected = JSON.stringify(want.text);
    if (want.kind === "throws") {
      edits.push({ start: s.getStart(source), end: s.end, text: `__throws(() => { ${s.getText(source)} }, ${expected});` });
    } else if (ts.isExpressionStatement(s)) {
      edits.push({ start: s.getStart(source), end: s.end, text: `__check(${s.expression.getText(source)}, ${expected});` });
    } else if (ts.isVariableStatement(s) && s.declarationList.declarations.length === 1 && ts.isIdentifier(s.declarationList.declarations[0]!.name)) {
      edits.push({ start: s.end, end: s.end, text: ` __check(${s.declarationList.declarations[0]!.name.text}, ${expected});` });
    } else {
      edits.push({ start: s.end, end: s.end, text: ` __check(__unsupported, ${expected});` });
    }
  });
  let out = code;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  // Names come from the package itself: drop its imports.
  out = out.replace(/^\s*import\s+(type\s+)?\{[^}]*\}\s+from\s+["']vbp-score[^"']*["'];?\s*$/gm, "");
  const js = ts.transpileModule(out, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
  return { js, checks };
}

/**
 * What the examples call "the caller's data" (`json`, `doc`, `model`, `tender`, `result`, …), by area: the worked
 * examples of the repository (examples/), and the small hand-computed tender of the scoring docs. Built lazily.
 */
function callerData(file: string, symbol: string): Record<string, () => unknown> {
  const read = (f: string) => readFileSync(f, "utf8");
  const healthTech = {
    device: () => ({ id: "device-x", label: "Device X", costs: [{ category: "device", amount: "450" }, { category: "bed-days", amount: "1200" }], outcomes: [{ outcome: "infections", value: "2.1" }] }),
    usualCare: () => ({ id: "usual-care", label: "Usual care", costs: [{ category: "bed-days", amount: "1900" }], outcomes: [{ outcome: "infections", value: "4.0" }] }),
    usual: () => ({ id: "usual", costs: [{ category: "bed-days", amount: 1900 }] }),
    dressing: () => ({ id: "dressing", costs: [{ category: "device", amount: 45 }, { category: "bed-days", amount: 1600 }] }),
  };
  const carbon = () => ({
    startYear: 2024,
    horizonYears: 2,
    options: [{ id: "scanner", energy: [{ id: "power", source: "grid electricity", quantity: { perYear: 1000 }, unit: "kWh", factor: { factorId: "uk-electricity-generation" } }] }],
  });
  const socialValue = () => ({ themeSet: "ppn-002", themes: [{ themeId: "build-an-nhs-fit-for-the-future", weight: 1, metrics: [{ id: "m", label: "Apprenticeship weeks", unit: "weeks", benchmark: 10 }] }], commitments: [] });
  if (file.startsWith("src/analysis/healthtech")) {
    const consequence = symbol.startsWith("CostConsequence");
    return {
      ...healthTech,
      input: () => (consequence ? { currency: "GBP", options: [healthTech.device(), healthTech.usualCare()] } : { currency: "GBP", comparator: "usual", population: 1200, options: [healthTech.usual(), healthTech.dressing()] }),
    };
  }
  if (file.startsWith("src/analysis/pathway") || file.startsWith("src/pathway") || file.startsWith("src/evaluate/present")) {
    const model = () => surgicalSiteInfectionModel();
    if (file.startsWith("src/evaluate/present")) {
      const doc = () => JSON.parse(read("examples/tender/tender.json")) as unknown;
      return { model, doc, result: () => api.evaluate(doc() as never), writeFileSync: () => () => undefined };
    }
    return {
      model,
      chancellorHivModel: () => chancellorHivModel,
      json: model,
      text: () => JSON.stringify(model()),
      result: () => api.runModel(model()),
      r: () => api.runModel(model()),
      // The states and transitions of a builder example are the caller's own: take them from the Chancellor model.
      ...pathwayPieces(),
    };
  }
  if (file.startsWith("src/present") || file.startsWith("src/node") || file.startsWith("src/uncertainty/award") || file.startsWith("src/interop/csv/evaluateCatalogue")) {
    // Charts, reports, workbooks and award analyses of the worked tender.
    const doc = () => JSON.parse(read("examples/tender/tender.json")) as unknown;
    return {
      doc,
      json: doc,
      tenderText: () => read("examples/tender/tender.json"),
      result: () => api.evaluate(doc() as never),
      tender: () => api.tenderOfEvaluation(doc()),
      readFileSync: () => readFileSync,
      writeFileSync: () => () => undefined,
    };
  }
  if (file.startsWith("src/evaluate") || file.startsWith("src/errors")) {
    const doc = () => JSON.parse(read("examples/tender/tender.json")) as unknown;
    return { doc, json: doc, text: () => read("examples/tender/tender.json"), result: () => api.evaluate(doc() as never), readFileSync: () => readFileSync };
  }
  if (file.startsWith("src/lifecycle")) {
    const doc = () => JSON.parse(read("examples/lifecycle/imaging-systems.json")) as unknown;
    return { doc, json: doc, result: () => api.evaluateLifecycle(doc() as never) };
  }
  if (file.startsWith("src/scoring")) {
    const tender = () => handTender();
    return {
      tender,
      json: tender,
      text: () => JSON.stringify(tender()),
      result: () => api.scoreTender(tender()),
      myFormula: () => api.PRICE_FORMULAS["relative-to-lowest"],
      myFunction: () => api.VALUE_FUNCTIONS.linear,
      input: () => ({
        method: "median",
        individual: [
          { evaluatorId: "E1", level: "good", reason: "Clear training plan" },
          { evaluatorId: "E2", level: "satisfactory", reason: "Outcome data from one site" },
          { evaluatorId: "E3", level: "good", reason: "Two-site outcome data" },
        ],
      }),
    };
  }
  if (file.startsWith("src/sustainability")) {
    return {
      input: carbon,
      json: carbon,
      request: socialValue,
      req: socialValue,
      ev: () => ({ supplierId: "acme", documents: { "carbon-reduction-plan": { published: true } }, assessments: { evergreen: 1 } }),
      show: () => () => undefined,
    };
  }
  return {};
}

/** Named pieces of the Chancellor HIV model and the surgical site infection tree, for the builder examples. */
function pathwayPieces(): Record<string, () => unknown> {
  const hiv = () => chancellorHivModel();
  const ssi = () => surgicalSiteInfectionModel();
  const state = (i: number) => () => hiv().markov![0]!.states[i];
  const node = (id: string) => () => ssi().tree!.nodes.find((n) => n.id === id) ?? ssi().tree!.nodes[0];
  return {
    a: state(0),
    b: state(1),
    c: state(2),
    d: state(3),
    transitions: () => hiv().markov![0]!.transitions,
    surgery: node("surgery"),
    ssi: node("ssi"),
    healed: node("healed"),
    parameters: () => ssi().parameters,
    tree: () => ssi().tree,
    comparator: () => ssi().options[0],
    deviceA: () => ssi().options[1],
  };
}

/**
 * Whether a value matches what an example shows, where a shown string ending in "…" stands for any string that
 * starts with the text before it (long sentences are shortened in the docs), in objects and arrays too.
 */
function matches(actual: unknown, shown: unknown): boolean {
  if (typeof shown === "string" && shown.endsWith("…")) return typeof actual === "string" && actual.startsWith(shown.slice(0, -1).trimEnd());
  if (Array.isArray(shown)) return Array.isArray(actual) && actual.length === shown.length && shown.every((v, i) => matches(actual[i], v));
  if (shown !== null && typeof shown === "object") {
    if (actual === null || typeof actual !== "object") return false;
    const keys = Object.keys(shown);
    return keys.length === Object.keys(actual).length && keys.every((k) => matches((actual as Record<string, unknown>)[k], (shown as Record<string, unknown>)[k]));
  }
  return Object.is(actual, shown) || (typeof actual === typeof shown && JSON.stringify(actual) === JSON.stringify(shown));
}

/** Whether the example declares a name itself (then the scope must not also pass it as a parameter). */
function declares(js: string, name: string): boolean {
  return new RegExp(`(?:const|let|var|function|class)\\s+(?:\\{[^}]*\\b|\\[[^\\]]*\\b)?${name.replace(/\$/g, "\\$")}\\b`).test(js);
}

const ROOT = join(process.cwd(), "src");
const EXAMPLES = sourceFiles(ROOT).flatMap(examplesOf);
const names = Object.keys(api);
const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => (...a: unknown[]) => Promise<unknown>;

describe("every @example in src/ runs and its //=> values hold", () => {
  it("finds the examples", () => {
    expect(EXAMPLES.length).toBeGreaterThan(300);
  });

  it.each(EXAMPLES.map((e) => [`${e.file}:${e.line} ${e.symbol}`, e] as const))("%s", async (_name, ex) => {
    const { js } = instrument(ex.code);
    const failures: string[] = [];
    const check = (actual: unknown, text: string): void => {
      const want = expectedValue(text);
      if (!want.ok) {
        failures.push(`cannot read the expected value //=> ${text}`);
        return;
      }
      try {
        expect(matches(actual, want.value) ? want.value : actual).toEqual(want.value);
      } catch {
        failures.push(`//=> ${text}\n   got ${typeof actual === "string" ? JSON.stringify(actual) : JSON.stringify(actual)}`);
      }
    };
    const own = (await import(`../../${ex.file.replace(/\.ts$/, ".js")}`)) as Record<string, unknown>;
    const data = callerData(ex.file, ex.symbol);
    const scope: Record<string, unknown> = { ...own, z, show: () => undefined };
    for (const [k, make] of Object.entries(data)) scope[k] = make();
    for (const n of names) scope[n] = (api as Record<string, unknown>)[n];
    const scopeNames = Object.keys(scope).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && !declares(js, n));
    const throws = (f: () => unknown, text: string): void => {
      try {
        f();
      } catch (e) {
        if (!(e instanceof api.VbpInputError)) failures.push(`// throws ${text}\n   threw ${String(e)}`);
        else if (text !== "" && !e.issues.some((i) => api.formatIssue(i).startsWith(text.replace(/\s*(\.\.\.|…)$/, "")))) failures.push(`// throws ${text}\n   threw ${e.issues.map(api.formatIssue).join("; ")}`);
        return;
      }
      failures.push(`// throws ${text}\n   did not throw`);
    };
    const run = new AsyncFunction(...scopeNames, "__check", "__throws", "__unsupported", js);
    const silent = { log: () => undefined, table: () => undefined };
    const original = { log: console.log, table: console.table };
    Object.assign(console, silent);
    try {
      await run(...scopeNames.map((n) => scope[n]), check, throws, undefined);
    } finally {
      Object.assign(console, original);
    }
    expect(failures).toEqual([]);
  });
});
