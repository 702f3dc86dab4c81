import Papa from "papaparse";

/** Most data rows a CSV file may hold (a national catalogue is a few tens of thousands of products). */
export const CSV_MAX_ROWS = 200_000;
/** Longest cell accepted, in characters. */
export const CSV_MAX_CELL = 10_000;

/**
 * One data row of a CSV file: its cells by column name and the file line it starts on (1-based, header is
 * line 1), so every problem can be reported where a person would look for it.
 *
 * @category Interop
 * @example
 * ```ts
 * const row: CsvRecord = { line: 2, cells: { id: "p-1", price: "12.50" } };
 * ```
 */
export interface CsvRecord {
  /** File line the row starts on (1-based; the header is line 1). */
  readonly line: number;
  /** Cell text by column name (trimmed); a column left empty is absent. */
  readonly cells: Readonly<Record<string, string>>;
}

/**
 * A problem with one row (or the file) of a CSV input: the line, the row's id when it has one, the column,
 * and the rule broken.
 *
 * @category Interop
 * @example
 * ```ts
 * const p: CsvRowProblem = { line: 7, id: "p-0006", column: "price", message: "must be a decimal number > 0, got \"abc\"" };
 * ```
 */
export interface CsvRowProblem {
  /** File line of the row (1-based; 1 is the header; 0 for a problem with the whole file). */
  readonly line: number;
  /** The row's `id` cell, when it has one. */
  readonly id?: string;
  /** The column, or the document path, the problem is in. */
  readonly column?: string;
  /** The rule broken, in words a procurement officer can act on. */
  readonly message: string;
}

/**
 * `line 7 (p-0006) price: must be …` — one problem as one line of text.
 *
 * @category Interop
 * @example
 * ```ts
 * formatCsvProblem({ line: 7, id: "p-6", column: "price", message: "must be > 0" });
 * //=> "line 7 (id p-6) price: must be > 0"
 * ```
 */
export function formatCsvProblem(p: CsvRowProblem): string {
  const where = p.line > 0 ? `line ${p.line}` : "file";
  return `${where}${p.id !== undefined ? ` (id ${p.id})` : ""}${p.column !== undefined ? ` ${p.column}` : ""}: ${p.message}`;
}

/** The records of a CSV file, and the problems that stopped rows (or the whole file) from being read. */
export interface CsvRecords {
  /** Column names, in file order. */
  readonly columns: readonly string[];
  /** Data rows that could be read (blank lines are skipped). */
  readonly records: readonly CsvRecord[];
  /** Rows that could not be read (wrong number of cells, unterminated quote, too long), and file problems. */
  readonly problems: readonly CsvRowProblem[];
}

/**
 * Reads CSV text (RFC 4180; papaparse) into records keyed by the header row, keeping each row's file line.
 * A row with the wrong number of cells, an unterminated quote or an over-long cell is reported, not
 * guessed at; duplicate or empty column names are a file problem.
 */
export function readCsvRecords(text: string, options: { readonly delimiter?: string } = {}): CsvRecords {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: { data: string[]; line: number; errors: string[] }[] = [];
  let counted = 0;
  let line = 1;
  let start = 0;
  let tooMany = false;
  Papa.parse<string[]>(body, {
    delimiter: options.delimiter ?? ",",
    skipEmptyLines: false,
    step: (r, parser) => {
      // The row began where the previous one ended; count the line breaks up to there.
      for (; counted < start; counted++) {
        const c = body.charCodeAt(counted);
        if (c === 10 || (c === 13 && body.charCodeAt(counted + 1) !== 10)) line++;
      }
      rows.push({ data: r.data, line, errors: r.errors.map((e) => e.message) });
      start = r.meta.cursor;
      if (rows.length > CSV_MAX_ROWS + 1) {
        tooMany = true;
        parser.abort();
      }
    },
  });
  const problems: CsvRowProblem[] = [];
  if (tooMany) problems.push({ line: 0, message: `more than ${CSV_MAX_ROWS} rows; split the file` });
  const header = rows.shift();
  if (header === undefined || header.data.every((c) => c.trim() === "")) {
    return { columns: [], records: [], problems: [...problems, { line: 1, message: "the file has no header row" }] };
  }
  const columns = header.data.map((c) => c.trim());
  const seen = new Set<string>();
  columns.forEach((c, i) => {
    if (c === "") problems.push({ line: 1, column: `column ${i + 1}`, message: "empty column name" });
    else if (seen.has(c)) problems.push({ line: 1, column: c, message: "column named twice" });
    seen.add(c);
  });
  if (problems.length > 0) return { columns, records: [], problems };
  const records: CsvRecord[] = [];
  for (const r of rows) {
    if (r.data.length === 1 && r.data[0]!.trim() === "") continue;
    const idAt = columns.indexOf("id");
    const id = idAt >= 0 ? r.data[idAt]?.trim() || undefined : undefined;
    if (r.errors.length > 0) {
      problems.push({ line: r.line, ...(id !== undefined ? { id } : {}), message: `cannot read the row: ${r.errors.join("; ")}` });
      continue;
    }
    if (r.data.length !== columns.length) {
      problems.push({ line: r.line, ...(id !== undefined ? { id } : {}), message: `has ${r.data.length} cells, the header has ${columns.length}` });
      continue;
    }
    const long = r.data.findIndex((c) => c.length > CSV_MAX_CELL);
    if (long >= 0) {
      problems.push({ line: r.line, ...(id !== undefined ? { id } : {}), column: columns[long]!, message: `cell longer than ${CSV_MAX_CELL} characters` });
      continue;
    }
    const cells: Record<string, string> = {};
    r.data.forEach((c, i) => {
      const v = c.trim();
      if (v !== "") Object.defineProperty(cells, columns[i]!, { value: v, enumerable: true, writable: false });
    });
    records.push({ line: r.line, cells });
  }
  return { columns, records, problems };
}
