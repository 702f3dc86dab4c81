import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { evaluate, formatCsvProblem } from "../../src/index.js";
import { evaluationWorkbook, evaluatorScoreWorkbook, readEvaluatorScoresXlsx } from "../../src/node/index.js";
import { tenderDoc } from "../evaluate/helpers.js";

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe("evaluationWorkbook", () => {
  it("has ranking, score breakdown, ledger and assumptions sheets that agree with the result", async () => {
    const doc = tenderDoc();
    doc.options[1].supplier = "=HYPERLINK(\"https://evil.example\")";
    const result = evaluate(doc, { ledger: true });
    const wb = await load(await evaluationWorkbook(result));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Ranking", "Score breakdown", "Ledger", "Assumptions"]);
    const ranking = wb.getWorksheet("Ranking")!;
    expect(ranking.getRow(1).getCell(3).value).toBe("Option id");
    expect(ranking.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const ids = [];
    for (let r = 2; r <= ranking.rowCount; r++) ids.push(ranking.getRow(r).getCell(3).text);
    expect(ids).toEqual(result.ranking.map((r) => r.optionId));
    // Supplier text is a text cell, never a formula.
    const supplierCells = [];
    for (let r = 2; r <= ranking.rowCount; r++) supplierCells.push(ranking.getRow(r).getCell(4));
    expect(supplierCells.some((c) => c.text.startsWith("=HYPERLINK"))).toBe(true);
    expect(supplierCells.every((c) => c.formula === undefined && c.type !== ExcelJS.ValueType.Formula)).toBe(true);
    // Money cells are numbers with a currency format, equal to the exact figures.
    const first = result.ranking[0]!;
    const costCol = ranking.getRow(1).values as unknown[];
    const at = costCol.findIndex((h) => typeof h === "string" && h.startsWith("Whole-pathway cost"));
    expect(ranking.getRow(2).getCell(at).value).toBeCloseTo(Number(first.wholePathwayCostPerPatient), 9);
    expect(ranking.getRow(2).getCell(at).numFmt).toContain("GBP");
    // Score breakdown: one row per option and criterion; points sum to each option's total.
    const breakdown = wb.getWorksheet("Score breakdown")!;
    let sumA = 0;
    for (let r = 2; r <= breakdown.rowCount; r++) if (breakdown.getRow(r).getCell(1).text === first.optionId) sumA += Number(breakdown.getRow(r).getCell(6).value);
    expect(sumA).toBeCloseTo(Number(first.total), 9);
    // Ledger: the lines of each option's whole-pathway cost, and the lifecycle cash flows.
    const ledger = wb.getWorksheet("Ledger")!;
    expect(ledger.rowCount).toBeGreaterThan(result.options.length * 4);
    const assumptions = wb.getWorksheet("Assumptions")!;
    expect(assumptions.getRow(2).getCell(2).text).toBe(result.title);
  });
});

describe("readEvaluatorScoresXlsx", () => {
  it("reads a filled score sheet back, reporting each bad cell as Sheet!Cell", async () => {
    const blank = await evaluatorScoreWorkbook([
      { criterionId: "ease-of-use", optionId: "a", evaluatorId: "ann" },
      { criterionId: "ease-of-use", optionId: "b", evaluatorId: "ann" },
      { criterionId: "ease-of-use", optionId: "c", evaluatorId: "ann" },
    ]);
    const wb = await load(blank);
    const ws = wb.getWorksheet("Scores")!;
    ws.getCell("D2").value = 3;
    ws.getCell("E2").value = "Clear instructions, trial nurses applied it first time.";
    ws.getCell("D3").value = 2; // no reason: required
    ws.getCell("D4").value = { formula: "1+2", result: 3 } as ExcelJS.CellFormulaValue;
    ws.getCell("E4").value = "Formula typed by mistake";
    const back = await readEvaluatorScoresXlsx(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    expect(back.records).toEqual([{ criterionId: "ease-of-use", optionId: "a", evaluatorId: "ann", level: "3", reason: "Clear instructions, trial nurses applied it first time." }]);
    expect(back.problems.map(formatCsvProblem)).toEqual(["line 3 (id b) Scores!E3: is required (string)", "line 4 (id c) Scores!D4: is a formula; type the value"]);
  });

  it("reports an unknown header cell by its reference, and a file that is not a workbook", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Panel scores");
    ws.addRow(["criterionId", "optionId", "evaluator", "level", "reason"]);
    const r = await readEvaluatorScoresXlsx(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    expect(r.problems.map(formatCsvProblem)).toEqual([
      "line 1 'Panel scores'!C1: unknown column \"evaluator\"; the evaluator-scores layout has criterionId, optionId, evaluatorId, level, reason",
      "line 1 evaluatorId: required column is missing",
    ]);
    const junk = await readEvaluatorScoresXlsx(new TextEncoder().encode("not a zip"));
    expect(junk.problems[0]!.message).toMatch(/^not a readable XLSX workbook/);
  });
});
