// The HTML report opened in a real browser: Debian's Chromium, driven by playwright-core (no downloaded
// browser). Skipped, with a message, only when Chromium is absent on a developer's machine; in CI
// (CI=true) a missing Chromium fails the suite, since .ci/run installs it.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluationHtmlReportWithCharts } from "../../src/svg.js";
import { tenderResult } from "./helpers.js";

const CHROMIUM = "/usr/bin/chromium";
const present = existsSync(CHROMIUM);
const inCi = process.env.CI === "true";
const ARTIFACTS = resolve("test-artifacts");

if (!present) {
  if (inCi) throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium package (.ci/run does) so the HTML report is checked in a browser`);
  console.warn(`browser test SKIPPED: ${CHROMIUM} not found (apt-get install chromium to run it; CI always runs it)`);
}

describe.skipIf(!present)("HTML report in headless Chromium", () => {
  let context: BrowserContext;
  let profile: string;
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  let file: string;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const html = await evaluationHtmlReportWithCharts(
      tenderResult((doc) => {
        // Text that would run if it were not escaped.
        doc.options[2].label = `${doc.options[2].label} <script>console.error("escaped?")</script>`;
      }),
    );
    file = join(ARTIFACTS, "report.html");
    writeFileSync(file, html);
    profile = mkdtempSync(join(tmpdir(), "vbp-chromium-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
      viewport: { width: 1280, height: 900 },
    });
    // Every request goes through here: the page's own file is served, anything else is counted and refused.
    await context.route("**/*", async (route) => {
      const url = route.request().url();
      if (url.startsWith("file:") || url.startsWith("data:")) return route.continue();
      requests.push(url);
      return route.abort();
    });
    context.on("request", (r) => {
      const url = r.url();
      if (!url.startsWith("file:") && !url.startsWith("data:") && !requests.includes(url)) requests.push(url);
    });
  });

  afterAll(async () => {
    await context?.close();
    if (profile !== undefined) rmSync(profile, { recursive: true, force: true });
  });

  it("renders its tables and charts with no console error and no network request; screenshot kept", async () => {
    const page = await context.newPage();
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") consoleErrors.push(`${m.type()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => consoleErrors.push(`pageerror: ${e.message}`));
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });

    // Tables: the ranked value table has a row per option, with the winner first.
    const ranking = page.locator("#ranking table tbody tr");
    // The worked tender has two lots (seven bids and current practice); the first column is the lot.
    expect(await ranking.count()).toBe(8);
    expect(await ranking.first().locator("td").nth(2).innerText()).toBe("Aldgate Medical Ltd");
    expect(await page.locator("#summaries section.summary").count()).toBe(7);

    // Charts: three inline SVGs, laid out with a real size, holding bars.
    const figures = page.locator("figure svg");
    expect(await figures.count()).toBe(3);
    for (let i = 0; i < 3; i++) {
      const box = await figures.nth(i).boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(200);
      expect(box?.height ?? 0).toBeGreaterThan(80);
      expect(await figures.nth(i).locator("path").count()).toBeGreaterThan(3);
    }
    expect(await page.locator("#chart-score-breakdown text", { hasText: "Aldgate" }).count()).toBeGreaterThan(0);

    // The hostile label shows as text; nothing ran.
    expect(await page.locator("script").count()).toBe(0);
    expect(await page.locator("#ranking").innerText()).toContain('<script>console.error("escaped?")</script>');

    await page.screenshot({ path: join(ARTIFACTS, "report.png"), fullPage: true });
    await page.emulateMedia({ media: "print" });
    await page.pdf({ path: join(ARTIFACTS, "report.pdf"), format: "A4" });
    await page.close();

    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
    expect(existsSync(join(ARTIFACTS, "report.png"))).toBe(true);
  });

  it("would notice a request or a console error (the checks above can fail)", async () => {
    const page = await context.newPage();
    const seen: string[] = [];
    page.on("console", (m) => void (m.type() === "error" && seen.push(m.text())));
    const before = requests.length;
    await page.goto(pathToFileURL(file).href);
    await page.evaluate(`{
      const img = document.createElement("img");
      img.src = "https://example.org/pixel.png";
      document.body.append(img);
      console.error("boom");
    }`);
    await page.waitForTimeout(500);
    await page.close();
    expect(requests.slice(before)).toEqual(["https://example.org/pixel.png"]);
    requests.length = before;
    expect(seen).toContain("boom");
  });
});
