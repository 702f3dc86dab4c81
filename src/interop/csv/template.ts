import { CSV_LAYOUTS, type CsvLayoutId } from "./layouts.js";
import { renderCsvTable } from "../../evaluate/present.js";

/**
 * The template of a CSV layout: a header row and example rows, ready to fill in (RFC 4180, CRLF).
 *
 * @category Interop
 * @example
 * ```ts
 * csvTemplate("evaluator-scores").split("\r\n")[0];
 * //=> "criterionId,optionId,evaluatorId,level,reason"
 * ```
 */
export function csvTemplate(layout: CsvLayoutId): string {
  const t = CSV_LAYOUTS[layout].template;
  return renderCsvTable({ headers: t.header, rows: t.rows, align: t.header.map(() => "left") });
}

/**
 * The column guide of a CSV layout as Markdown: what each row becomes, and per column whether it is
 * required, what it holds and an example.
 *
 * @category Interop
 * @example
 * ```ts
 * csvLayoutGuide("catalogue").startsWith("# Option catalogue"); //=> true
 * ```
 */
export function csvLayoutGuide(layout: CsvLayoutId): string {
  const l = CSV_LAYOUTS[layout];
  const esc = (s: string) => s.replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const rows = l.columns.map((c) => `| \`${c.name}\` | ${c.required ? "yes" : "no"} | ${esc(c.description)} | ${c.example === "" ? "" : `\`${c.example}\``} |`);
  return [`# ${l.title}`, "", l.description, "", "| column | required | what it holds | example |", "| --- | --- | --- | --- |", ...rows, "", `Template: \`vbp template ${l.id}\`.`, ""].join("\n");
}
