import { formatMoney, type Money } from "../../money/money.js";
import { evaluateValidatedLifecycle } from "../../lifecycle/evaluate.js";
import type { LifecycleLedgerRow, LifecyclePayback, LifecycleResult, LifecycleUnitCost } from "../../lifecycle/result.js";
import { safeParseLifecycleDocument } from "../../lifecycle/schema.js";
import type { Source } from "../../reference/source.js";
import { EXIT, type CliCommand } from "../command.js";
import { renderAs, type Table } from "../format.js";
import { readDocumentCommand, reportIssues } from "../input.js";
import { streamCsv, streamJson, streamNdjson } from "../stream.js";
import type { CliIo } from "../io.js";

const HELP = `Usage: vbp lifecycle <file.json | -> [options]

Evaluates a lifecycle cost document: whole-life cost, net present cost (NPC), equivalent annual cost (EAC),
cost per use and payback against the comparator, for every option.

Arguments:
  <file.json>          the document (JSON); "-" reads standard input

Options:
  -f, --format <fmt>   table (default), json, ndjson, csv or md (json, ndjson and csv stream)
      --ledger         also print every cash flow (csv: print only the ledger)
      --max-bytes <n>  largest input accepted, in bytes (default 20971520 = 20 MB)
  -h, --help           show this help

Exit codes: 0 ok, 1 invalid input (every problem printed as "path: message"), 2 usage error.
`;

function paybackText(p: LifecyclePayback | undefined, unit: string): string {
  if (p === undefined) return "";
  if (p.status === "paid-back") return `${unit} ${p.period}`;
  return p.status;
}

function perUseText(u: LifecycleUnitCost, show: (m: Money) => string): string {
  return u.status === "ok" ? show(u.discounted) : "";
}

function sourceText(s: string | Source | undefined): string {
  if (s === undefined) return "";
  return typeof s === "string" ? s : `${s.publisher}: ${s.title} (${s.publishedOn})`;
}

/** The options × figures table. Human formats show money to the penny; CSV keeps every digit. */
export function summaryTable(r: LifecycleResult, exact: boolean): Table {
  const show = (m: Money) => (exact ? m.amount : formatMoney(m));
  const unit = r.period;
  const hasComparator = r.comparatorId !== undefined;
  const headers = ["Option", "Supplier", "Whole-life cost", "Net present cost", "EAC", "Per use (NPC)"];
  if (hasComparator) headers.push("Payback", "Payback (disc.)");
  if (exact) headers.push("Currency");
  const rows = r.options.map((o) => {
    const cells = [
      o.isComparator && !exact ? `${o.name} (comparator)` : o.name,
      o.supplier ?? "",
      show(o.undiscounted),
      show(o.presentCost),
      show(o.equivalentAnnualCost),
      perUseText(o.perUse, show),
    ];
    if (hasComparator) cells.push(paybackText(o.payback?.undiscounted, unit), paybackText(o.payback?.discounted, unit));
    if (exact) cells.push(r.currency);
    return cells;
  });
  const align = headers.map((h) => (["Option", "Supplier", "Currency"].includes(h) ? "left" : "right") as "left" | "right");
  return { headers, rows, align };
}

function ledgerHeaders(r: LifecycleResult): string[] {
  return ["Option", "Item", "Kind", r.period === "month" ? "Month" : "Year", "Period start", "t", "Quantity", "Unit", "Unit cost", "Undiscounted", "Discount factor", "Discounted", "Note", "Source"];
}

/** The ledger's cells, one cash flow at a time (read in order: no table of every row is built). */
function* ledgerCells(r: LifecycleResult, exact: boolean): Generator<string[]> {
  const money = (v: string) => (exact ? v : formatMoney({ amount: v, currency: r.currency as Money["currency"] }));
  const factor = (v: string) => (exact ? v : Number(v).toFixed(6));
  const ledger = r.ledger ?? [];
  for (let i = 0; i < ledger.length; i++) yield ledgerCellsOf(ledger[i]!, exact, money, factor);
}

function ledgerCellsOf(x: LifecycleLedgerRow, exact: boolean, money: (v: string) => string, factor: (v: string) => string): string[] {
  return [
    x.optionId,
    x.itemId,
    x.kind,
    String(x.period),
    x.periodStart,
    x.t,
    exact ? x.quantity : trimDecimal(x.quantity),
    x.unit,
    exact ? x.unitCost : trimDecimal(x.unitCost),
    money(x.undiscounted),
    factor(x.discountFactor),
    money(x.discounted),
    x.note ?? "",
    sourceText(x.source),
  ];
}

/** The ledger as a table: one row per cash flow. */
export function ledgerTable(r: LifecycleResult, exact: boolean): Table {
  const headers = ledgerHeaders(r);
  const rows = [...ledgerCells(r, exact)];
  const right = new Set([3, 5, 6, 8, 9, 10, 11]);
  return { headers, rows, align: headers.map((_, i) => (right.has(i) ? "right" : "left")) };
}

/** At most 6 decimal places, for reading (CSV and JSON keep every digit). */
function trimDecimal(v: string): string {
  const point = v.indexOf(".");
  if (point < 0 || v.length - point - 1 <= 6) return v;
  return `${String(Number(v).toFixed(6)).replace(/\.?0+$/, "")}…`;
}

function* concat<T, U>(a: readonly T[], b: readonly U[]): Generator<T | U> {
  for (let i = 0; i < a.length; i++) yield a[i]!;
  for (let i = 0; i < b.length; i++) yield b[i]!;
}

function describeRun(r: LifecycleResult): string {
  const t = r.discounting.timing;
  return (
    `Discounting: ${r.discounting.schedule.label} (${r.discounting.schedule.id}), ${t.position} of period, ${t.compounding} compounding; ` +
    `price base ${r.priceBaseDate}; horizon ${r.horizonYears} years (${r.periods} ${r.period === "month" ? "monthly" : "yearly"} periods); ` +
    `amounts in ${r.currency}${r.comparatorId !== undefined ? `; payback against ${r.comparatorId}` : ""}.`
  );
}

async function runLifecycle(argv: readonly string[], io: CliIo): Promise<number> {
  const args = await readDocumentCommand(argv, io, { name: "lifecycle", help: HELP, booleanFlags: ["ledger"], formats: ["table", "json", "ndjson", "csv", "md"] });
  if (typeof args === "number") return args;
  const { format, json, label } = args;
  const values = { ledger: args.flags.ledger };
  const doc = safeParseLifecycleDocument(json);
  if (!doc.success) return reportIssues(io, label, doc.error.issues);
  const withLedger = values.ledger === true;
  const result = evaluateValidatedLifecycle(doc.data, { ledger: withLedger });
  // Machine formats stream: a ledger at catalogue scale has millions of rows, never built as one string.
  if (format === "json") {
    streamJson(io, result);
    return EXIT.ok;
  }
  if (format === "ndjson") {
    // One line per option, then (with --ledger) one per cash flow.
    streamNdjson(io, withLedger ? concat(result.options, result.ledger ?? []) : result.options);
    return EXIT.ok;
  }
  if (format === "csv") {
    if (withLedger) streamCsv(io, ledgerHeaders(result), ledgerCells(result, true));
    else io.stdout(renderAs("csv", summaryTable(result, true)));
    return EXIT.ok;
  }
  // (xlsx is not among this command's formats: it is refused with the others before the document is read)
  if (format === "xlsx") return EXIT.usage;
  const heading = (text: string) => (format === "md" ? `## ${text}\n\n` : `${text}\n\n`);
  io.stdout(heading("Lifecycle cost by option"));
  io.stdout(renderAs(format, summaryTable(result, false)));
  io.stdout(`\n${describeRun(result)}\n`);
  if (withLedger) {
    io.stdout(`\n${heading("Ledger")}`);
    io.stdout(renderAs(format, ledgerTable(result, false)));
  }
  return EXIT.ok;
}

/**
 * `vbp lifecycle <file.json | ->`: evaluates a lifecycle cost document and prints the options table
 * (or JSON, CSV, Markdown), optionally with the ledger.
 */
export const lifecycleCommand: CliCommand = Object.freeze({
  name: "lifecycle",
  summary: "whole-life cost, NPC, EAC, cost per use and payback of each option in a lifecycle document",
  help: HELP,
  run: runLifecycle,
});
