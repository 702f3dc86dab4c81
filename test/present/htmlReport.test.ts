import { describe, expect, it } from "vitest";
import { escapeHtml, evaluationHtmlReport, renderHtmlTable } from "../../src/index.js";
import { issuesOf } from "../evaluate/helpers.js";
import { tenderResult } from "./helpers.js";

const HOSTILE = `<script>alert("x")</script><img src=x onerror=alert(1)>`;

describe("HTML report", () => {
  const result = tenderResult();
  const html = evaluationHtmlReport(result);

  it("is one standalone page: no scripts, no external references, a strict content security policy", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:|\/\/)/i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
  });

  it("holds the ranking, explanations, assumptions and data sources, and every assessment summary", () => {
    for (const id of ["ranking", "cost-effectiveness", "breakdown", "explanations", "sources", "summaries"]) expect(html).toContain(`<section id="${id}">`);
    for (const r of result.ranking) expect(html).toContain(escapeHtml(r.supplier));
    for (const e of result.explanations) expect(html).toContain(escapeHtml(e.headline));
    expect(html).toContain("Discounting: costs NICE reference case 3.5%");
    for (const s of result.assessmentSummaries) expect(html).toContain(`id="summary-${s.summary.optionId}"`);
    expect(evaluationHtmlReport(result, { summaries: false })).not.toContain('<section id="summaries">');
  });

  it("escapes every text from the document", () => {
    const evil = tenderResult((doc) => {
      doc.title = HOSTILE;
      doc.options[1].supplier = HOSTILE;
      doc.options[1].label = `"quoted" & 'single'`;
    });
    const page = evaluationHtmlReport(evil);
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/<img/i);
    expect(page).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(page).toContain("&quot;quoted&quot; &amp; &#39;single&#39;");
    expect(page).toContain(`<title>${escapeHtml(HOSTILE)}</title>`);
  });

  it("accepts only inert SVG charts, naming the chart at fault", () => {
    const svg = (inner: string) => `<svg xmlns="http://www.w3.org/2000/svg">${inner}</svg>`;
    expect(issuesOf(() => evaluationHtmlReport(result, { charts: [{ id: "a", title: "a", svg: "<div></div>" }] }))[0]!.path).toEqual(["charts", 0, "svg"]);
    for (const bad of ["<script>x</script>", '<a href="https://example.org">x</a>', '<rect onload="x()"/>', "<foreignObject></foreignObject>", '<rect style="fill:url(https://x)"/>', '<image xlink:href="data:x"/>']) {
      expect(() => evaluationHtmlReport(result, { charts: [{ id: "a", title: "a", svg: svg(bad) }] }), bad).toThrow(/inert SVG/);
    }
    const ok = evaluationHtmlReport(result, { charts: [{ id: "a b", title: "<T>", svg: svg('<rect fill="url(#g)" width="1" height="1"/>') }] });
    expect(ok).toContain('<figure id="chart-a-b" role="img" aria-label="&lt;T&gt;">');
  });

  it("renders tables with every cell escaped and numbers right-aligned", () => {
    expect(renderHtmlTable({ headers: ["Name", "Points"], rows: [["<b>A</b>", "1.00"]], align: ["left", "right"] }, "Cap & co")).toBe(
      '<table><caption>Cap &amp; co</caption><thead><tr><th>Name</th><th class="num">Points</th></tr></thead><tbody><tr><td>&lt;b&gt;A&lt;/b&gt;</td><td class="num">1.00</td></tr></tbody></table>',
    );
  });
});

describe("Markdown report", () => {
  it("shows HTML in the document as text instead of passing it through", async () => {
    const { evaluationMarkdownReport } = await import("../../src/index.js");
    const md = evaluationMarkdownReport(tenderResult((doc) => (doc.options[1].supplier = HOSTILE)), { summaries: true });
    expect(md).not.toMatch(/<script|<img/i);
    expect(md).toContain("&lt;script&gt;alert(\"x\")&lt;/script&gt;");
    // A document without markup reads exactly as before.
    expect(evaluationMarkdownReport(tenderResult(), { summaries: true })).not.toContain("&lt;");
  });
});
