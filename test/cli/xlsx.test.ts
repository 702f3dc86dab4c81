import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import type { CliIo, OutputFile } from "../../src/cli/io.js";
import { evaluate } from "../../src/index.js";
import { evaluatorScoreWorkbook } from "../../src/node/index.js";
import { memoryIo } from "./helpers.js";

const TENDER = "examples/tender/tender.json";
const dir = mkdtempSync(join(tmpdir(), "vbp-xlsx-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** memoryIo that can also write `-o` files and read workbooks from disk. */
function fileIo(): ReturnType<typeof memoryIo> {
  const io = memoryIo();
  const openOutput = async (path: string): Promise<OutputFile> => {
    const chunks: Uint8Array[] = [];
    return {
      write: (c) => void chunks.push(typeof c === "string" ? new TextEncoder().encode(c) : c),
      close: async () => writeFileSync(path, Buffer.concat(chunks)),
    };
  };
  const extra: Partial<CliIo> = { openOutput, readFileBytes: async (path) => readFileSync(path) };
  return Object.assign(io, extra);
}

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return wb;
}

describe("vbp evaluate --format xlsx", () => {
  it("writes the procurement workbook (ranking, score breakdown, ledger, assumptions) with -o", async () => {
    const out = join(dir, "evaluation.xlsx");
    const io = fileIo();
    const code = await run(["evaluate", TENDER, "--format", "xlsx", "--ledger", "-o", out], io);
    expect(io.err()).toBe("");
    expect(code).toBe(0);
    const wb = await load(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Ranking", "Score breakdown", "Ledger", "Assumptions"]);
    const expected = evaluate(JSON.parse(readFileSync(TENDER, "utf8")));
    const ranking = wb.getWorksheet("Ranking")!;
    const ids: string[] = [];
    const totals: string[] = [];
    for (let r = 2; r <= ranking.rowCount; r++) {
      ids.push(ranking.getRow(r).getCell(3).text);
      totals.push(ranking.getRow(r).getCell(6).text);
    }
    expect(ids).toEqual(expected.ranking.map((r) => r.optionId));
    // Totals are numbers in the sheet (sortable), equal to the result's exact decimals to double precision.
    expected.ranking.forEach((r, i) => {
      if (r.total !== undefined) expect(Number(totals[i])).toBeCloseTo(Number(r.total), 9);
    });
    // --ledger adds every lifecycle cash flow to the Ledger sheet.
    expect(wb.getWorksheet("Ledger")!.rowCount).toBeGreaterThan(expected.options.length * 4 + 1);
  });

  it("refuses to write a workbook to a terminal (no -o): usage error before evaluating", async () => {
    const io = memoryIo();
    expect(await run(["evaluate", TENDER, "--format", "xlsx"], io)).toBe(2);
    expect(io.err()).toContain("--format xlsx writes a workbook: give -o <file.xlsx>");
    expect(io.out()).toBe("");
  });
});

describe("vbp evaluate … --scores <scores.xlsx>", () => {
  it("reads evaluator scores back from a workbook and reports each bad cell by its reference (exit 1)", async () => {
    const catalogue = readFileSync("examples/catalogue/catalogue.csv", "utf8").split("\r\n").slice(0, 4).join("\r\n");
    const csv = join(dir, "catalogue.csv");
    writeFileSync(csv, `${catalogue}\r\n`);
    const sheet = join(dir, "scores.xlsx");
    writeFileSync(sheet, await evaluatorScoreWorkbook([{ criterionId: "ease-of-use", optionId: "p-0001", evaluatorId: "ann" }]));
    const io = fileIo();
    const code = await run(["evaluate", "examples/catalogue/tender.json", "--options", csv, "--scores", sheet], io);
    expect(code).toBe(1);
    expect(io.err().trim().split("\n")).toEqual([
      `${sheet}: 2 problems`,
      `${sheet}: line 2 (id p-0001) Scores!D2: is required`,
      `${sheet}: line 2 (id p-0001) Scores!E2: is required (string)`,
    ]);
  });
});
