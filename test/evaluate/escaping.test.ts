import { describe, expect, it } from "vitest";
import { evaluate, evaluationCsv, evaluationMarkdownReport } from "../../src/index.js";
import { tenderDoc } from "./helpers.js";

// Supplier-controlled text that would become live HTML in a rendered Markdown report, or a formula when the
// CSV is opened in a spreadsheet (OWASP "CSV injection").
const HOSTILE_SUPPLIER = '<img src=x onerror="alert(1)">Acme';
const HOSTILE_LABEL = "=HYPERLINK(\"https://evil.example\",\"click\")";

function hostileResult() {
  const doc = tenderDoc();
  doc.title = "Dressings <script>alert('t')</script> & more";
  doc.options[1].supplier = HOSTILE_SUPPLIER;
  doc.options[1].label = HOSTILE_LABEL;
  doc.options[2].supplier = "@SUM(1+1)";
  doc.options[3].supplier = "-2+3";
  doc.options[4].supplier = "\tTabbed";
  return evaluate(doc, { summaries: true });
}

describe("Markdown report escapes raw HTML in every text field", () => {
  const md = evaluationMarkdownReport(hostileResult(), { summaries: true });

  it("no raw tag from the document reaches the Markdown", () => {
    expect(md).not.toContain("<img");
    expect(md).not.toContain("<script");
    expect(md).not.toMatch(/<[a-z/]/i);
  });

  it("the text is still shown, as entities a Markdown renderer displays literally", () => {
    expect(md).toContain("# Dressings &lt;script&gt;alert('t')&lt;/script&gt; &amp; more");
    expect(md).toContain('&lt;img src=x onerror="alert(1)"&gt;Acme');
  });
});

describe("CSV output", () => {
  const result = hostileResult();
  const lines = evaluationCsv(result).split("\r\n");

  it("has an option-id column to join on", () => {
    expect(lines[0]!.startsWith("Option id,")).toBe(true);
    const ids = lines.slice(1, -1).map((l) => l.split(",")[0]);
    expect(ids.sort()).toEqual(result.ranking.map((r) => r.optionId).sort());
  });

  it("prefixes text cells a spreadsheet would run as a formula with a quote", () => {
    const body = lines.join("\n");
    expect(body).toContain(`"'=HYPERLINK(""https://evil.example"",""click"")"`);
    expect(body).toContain(",'@SUM(1+1),");
    expect(body).toContain(",'-2+3,");
    expect(body).toContain(`,'\tTabbed,`);
    expect(body).not.toMatch(/(^|,)[=+@]/m);
  });

  it("leaves numeric cells (negative NMB included) as numbers", () => {
    const nmbColumn = lines[0]!.split(",").indexOf("NMB/patient (GBP)");
    const values = lines.slice(1, -1).map((l) => l.split(",").at(nmbColumn - lines[0]!.split(",").length));
    expect(values.every((v) => v === "" || /^-?\d+(\.\d+)?$/.test(v!))).toBe(true);
  });
});
