/**
 * HTML building blocks: escaping, tables, and the check that an inline SVG is inert.
 *
 * @module
 */
import { VbpInputError } from "../errors/VbpInputError.js";
import type { VbpPath } from "../errors/issue.js";
import type { EvaluationTable } from "../evaluate/present.js";

const ESCAPES: Readonly<Record<string, string>> = Object.freeze({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" });

/**
 * Escapes text for HTML element content and quoted attribute values (`& < > " '`).
 *
 * @example
 * ```ts
 * escapeHtml('<b>"A & B"</b>'); //=> "&lt;b&gt;&quot;A &amp; B&quot;&lt;/b&gt;"
 * ```
 * @category Reports
 */
export function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * Renders a table as an HTML `<table>`, every cell escaped, right-aligned columns marked with the class
 * `num`.
 *
 * @param caption - optional caption, escaped
 * @example
 * ```ts
 * renderHtmlTable({ headers: ["A"], rows: [["<1>"]], align: ["right"] });
 * //=> '<table><thead><tr><th class="num">A</th></tr></thead><tbody><tr><td class="num">&lt;1&gt;</td></tr></tbody></table>'
 * ```
 * @category Reports
 */
export function renderHtmlTable(table: EvaluationTable, caption?: string): string {
  const cls = (i: number) => (table.align[i] === "right" ? ' class="num"' : "");
  const head = table.headers.map((h, i) => `<th${cls(i)}>${escapeHtml(h)}</th>`).join("");
  const body = table.rows.map((r) => `<tr>${table.headers.map((_, i) => `<td${cls(i)}>${escapeHtml(r[i] ?? "")}</td>`).join("")}</tr>`).join("");
  return `<table>${caption !== undefined ? `<caption>${escapeHtml(caption)}</caption>` : ""}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** Markup an inline chart must not contain: anything that runs, loads or links. */
const UNSAFE_SVG = [
  { re: /<\s*script/i, what: "a <script> element" },
  { re: /<\s*foreignObject/i, what: "a <foreignObject> element" },
  { re: /<\s*(iframe|object|embed|image|use|link|style)\b/i, what: "an element that loads or styles from elsewhere" },
  { re: /\son[a-z]+\s*=/i, what: "an event-handler attribute" },
  { re: /\s(?:xlink:)?(href|src)\s*=\s*["']?\s*(?!#)/i, what: "a link to another resource" },
  { re: /url\(\s*["']?\s*(?!#)/i, what: "a url() reference to another resource" },
  { re: /javascript:/i, what: "a javascript: URL" },
] as const;

/**
 * Checks that an SVG string is a single, inert `<svg>` element (nothing that runs, loads or links) before it
 * is inlined into a page; throws a {@link VbpInputError} at `path` otherwise.
 *
 * @internal
 */
export function checkInlineSvg(svg: string, path: VbpPath): string {
  const trimmed = typeof svg === "string" ? svg.trim() : "";
  if (!/^<svg[\s>]/i.test(trimmed) || !/<\/svg>$/i.test(trimmed)) {
    throw new VbpInputError([{ code: "invalid_value", path, message: "must be one <svg>…</svg> element (render the chart with renderChartSvg)" }]);
  }
  for (const u of UNSAFE_SVG) {
    if (u.re.test(trimmed)) throw new VbpInputError([{ code: "invalid_value", path, message: `must be an inert SVG, but it holds ${u.what}` }]);
  }
  return trimmed;
}
