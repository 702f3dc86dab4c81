import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { JUPYTER_DISPLAY, VEGA_LITE_MIME, evaluationTable, richChart, richEvaluation, richTable, tornadoChart } from "../../src/index.js";
import { tenderResult } from "./helpers.js";

describe("rich display in notebooks", () => {
  it("richTable: an HTML table (escaped) and aligned text, through Symbol.for('Jupyter.display')", () => {
    const d = richTable({ headers: ["Name", "Points"], rows: [["<A>", "1"]], align: ["left", "right"] }, "Caption");
    expect(JUPYTER_DISPLAY).toBe(Symbol.for("Jupyter.display"));
    const bundle = (d as unknown as Record<symbol, () => Record<string, unknown>>)[Symbol.for("Jupyter.display")]!();
    expect(bundle).toEqual({
      "text/plain": "Caption\n\nName  Points\n----  ------\n<A>        1\n",
      "text/html": '<table><caption>Caption</caption><thead><tr><th>Name</th><th class="num">Points</th></tr></thead><tbody><tr><td>&lt;A&gt;</td><td class="num">1</td></tr></tbody></table>',
    });
    expect(d.bundle).toBe(bundle);
    expect(Object.isFrozen(d)).toBe(true);
  });

  it("richChart: the Vega-Lite v5 MIME bundle with a plain-text fallback", () => {
    const spec = tornadoChart({ output: "ICER", base: 1, bars: [{ parameter: "p", low: 0, high: 1, outputAtLow: 0, outputAtHigh: 2 }] });
    const bundle = richChart(spec)[JUPYTER_DISPLAY]();
    expect(VEGA_LITE_MIME).toBe("application/vnd.vegalite.v5+json");
    expect(bundle[VEGA_LITE_MIME]).toBe(spec);
    expect(bundle["text/plain"]).toBe("[Vega-Lite chart: Tornado: ICER]");
  });

  it("richEvaluation: the ranked table and every explanation, small (not the whole result)", () => {
    const result = tenderResult();
    const bundle = richEvaluation(result)[JUPYTER_DISPLAY]();
    const html = bundle["text/html"] as string;
    expect((html.match(/<tr>/g) ?? []).length).toBe(evaluationTable(result).rows.length + 1);
    expect((html.match(/<details>/g) ?? []).length).toBe(result.explanations.length);
    expect(html.length).toBeLessThan(JSON.stringify(result).length / 5);
    expect(bundle["text/plain"]).toContain("Aldgate Medical Ltd");
  });
});

describe("browser-safe core", () => {
  it("only the Node-only entry and the CLI import vega", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith(".ts")) files.push(p);
      }
    };
    walk("src");
    const importers = files.filter((f) => /from\s+["']vega(-lite)?["']|import\(\s*["']vega/.test(readFileSync(f, "utf8")));
    expect(importers).toEqual([join("src", "svg.ts")]);
    // The CLI reaches vega only through a lazy import of the Node-only entry.
    expect(readFileSync(join("src", "cli", "commands", "report.ts"), "utf8")).toContain('await import("../../svg.js")');
  });
});
