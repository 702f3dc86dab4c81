/**
 * Renderers for tabular CLI output: aligned text, RFC 4180 CSV and GitHub-flavoured Markdown. Pure functions
 * over a header row and string cells, reusable by every command.
 */

/** Column alignment in text and Markdown tables. */
export type Align = "left" | "right";

/** A table: header labels, rows of cells (strings), and optional per-column alignment (default left). */
export interface Table {
  /** Column labels. */
  readonly headers: readonly string[];
  /** Rows of cells; each row has one cell per header. */
  readonly rows: readonly (readonly string[])[];
  /** Alignment per column; missing entries are left-aligned. */
  readonly align?: readonly Align[];
}

/** Output formats every tabular command supports. */
export const OUTPUT_FORMATS = ["table", "json", "csv", "md"] as const;

/** One of {@link OUTPUT_FORMATS}. */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Display width of a string: code points (good enough for the Latin text and symbols we print). */
function width(text: string): number {
  return [...text].length;
}

function pad(text: string, to: number, align: Align): string {
  const fill = " ".repeat(Math.max(0, to - width(text)));
  return align === "right" ? fill + text : text + fill;
}

/**
 * Aligned plain-text table: columns padded to their widest cell, two spaces apart, a rule under the header.
 *
 * @example
 * renderTable({ headers: ["Option", "Cost"], rows: [["A", "£1.00"]], align: ["left", "right"] });
 * //=> "Option   Cost\n------  -----\nA       £1.00\n"
 */
export function renderTable(table: Table): string {
  const widths = table.headers.map((h, i) => Math.max(width(h), ...table.rows.map((r) => width(r[i] ?? ""))));
  const line = (cells: readonly string[]) =>
    widths
      .map((w, i) => pad(cells[i] ?? "", w, table.align?.[i] ?? "left"))
      .join("  ")
      .replace(/\s+$/, "");
  const out = [line(table.headers), widths.map((w) => "-".repeat(w)).join("  "), ...table.rows.map(line)];
  return `${out.join("\n")}\n`;
}

/**
 * One CSV field per RFC 4180 §2: quoted when it holds a comma, a double quote, CR or LF (or starts/ends with
 * a space), with inner quotes doubled.
 *
 * @example
 * csvField('say "hi", then go'); //=> '"say ""hi"", then go"'
 */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * RFC 4180 CSV: a header record, then one record per row, CRLF line breaks (including after the last record).
 *
 * @example
 * renderCsv({ headers: ["a", "b"], rows: [["1", "x,y"]] }); //=> 'a,b\r\n1,"x,y"\r\n'
 */
export function renderCsv(table: Table): string {
  return [table.headers, ...table.rows].map((r) => `${r.map(csvField).join(",")}\r\n`).join("");
}

/**
 * GitHub-flavoured Markdown table; `|` and line breaks in cells are escaped.
 *
 * @example
 * renderMarkdown({ headers: ["a"], rows: [["x|y"]] }); //=> "| a |\n| --- |\n| x\\|y |\n"
 */
export function renderMarkdown(table: Table): string {
  const cell = (v: string) => v.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
  const line = (cells: readonly string[]) => `| ${table.headers.map((_, i) => cell(cells[i] ?? "")).join(" | ")} |`;
  const rule = `| ${table.headers.map((_, i) => (table.align?.[i] === "right" ? "---:" : "---")).join(" | ")} |`;
  return `${[line(table.headers), rule, ...table.rows.map(line)].join("\n")}\n`;
}

/**
 * Renders a table in a tabular format (`table`, `csv` or `md`).
 *
 * @example
 * renderAs("csv", { headers: ["a"], rows: [["1"]] }); //=> "a\r\n1\r\n"
 */
export function renderAs(format: Exclude<OutputFormat, "json">, table: Table): string {
  if (format === "csv") return renderCsv(table);
  if (format === "md") return renderMarkdown(table);
  return renderTable(table);
}
