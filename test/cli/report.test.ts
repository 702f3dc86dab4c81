import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { nodeIo } from "../../src/cli/io.js";
import { memoryIo } from "./helpers.js";

const TENDER = "examples/tender/tender.json";

describe("vbp report", () => {
  it("--html <file> writes one standalone page with the ranking, three charts and the summaries", async () => {
    const written: Record<string, string> = {};
    const io = { ...memoryIo(), writeFile: async (path: string, text: string) => void (written[path] = text) };
    expect(await run(["report", TENDER, "--html", "out.html"], io)).toBe(0);
    const html = written["out.html"]!;
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect((html.match(/<figure /g) ?? []).length).toBe(3);
    expect(html).toContain('<section id="summaries">');
    expect(html).not.toMatch(/<script/i);
    expect(io.err()).toMatch(/^vbp report: wrote out\.html \(\d+ KB\)\n$/);
    expect(io.out()).toBe("");
  });

  it("writes a real file through the Node host", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vbp-report-"));
    try {
      const out = join(dir, "report.html");
      const host = nodeIo();
      let err = "";
      expect(await run(["report", TENDER, "--html", out], { ...host, stderr: (t) => void (err += t) })).toBe(0);
      expect(readFileSync(out, "utf8")).toContain("Ranked value table");
      expect(err).toContain("wrote");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("--html - prints the page; --no-summaries leaves the summaries out; without --html it prints Markdown", async () => {
    const page = memoryIo();
    expect(await run(["report", TENDER, "--html", "-", "--no-summaries"], page)).toBe(0);
    expect(page.out()).toContain("<!DOCTYPE html>");
    expect(page.out()).not.toContain('<section id="summaries">');
    const md = memoryIo();
    expect(await run(["report", TENDER], md)).toBe(0);
    expect(md.out()).toMatch(/^# Single-use negative pressure wound therapy/);
    expect(md.out()).toContain("## Assessment summaries");
  });

  it("usage errors exit 2; an invalid document exits 1 with every problem", async () => {
    const none = memoryIo();
    expect(await run(["report"], none)).toBe(2);
    expect(none.err()).toContain("missing the document");
    const flag = memoryIo();
    expect(await run(["report", TENDER, "--pdf"], flag)).toBe(2);
    const readOnly = memoryIo();
    expect(await run(["report", TENDER, "--html", "x.html"], readOnly)).toBe(2);
    expect(readOnly.err()).toContain("cannot write files");
    const bad = memoryIo({ "bad.json": JSON.stringify({ title: "x" }) });
    expect(await run(["report", "bad.json", "--html", "-"], bad)).toBe(1);
    expect(bad.err()).toMatch(/^bad\.json: \d+ problems?\n/);
    const help = memoryIo();
    expect(await run(["report", "--help"], help)).toBe(0);
    expect(help.out()).toContain("--html <path>");
  });
});
