/**
 * Escaping of supplier- and user-controlled text where it is written into documents that other programs
 * interpret: Markdown (which passes raw HTML through to the page) and spreadsheets (which run formulas).
 */

const HTML = /[&<>]/g;
const HTML_ENTITY: Readonly<Record<string, string>> = Object.freeze({ "&": "&amp;", "<": "&lt;", ">": "&gt;" });

/**
 * Text for Markdown: `&`, `<` and `>` become HTML entities, so text such as `<script>` or `<img onerror=…>`
 * shows as written instead of becoming HTML in the rendered page (CommonMark passes raw HTML through;
 * entities render as the characters). Without `<` no tag, and so no attribute, can start.
 */
export function escapeMarkdownText(text: string): string {
  return text.replace(HTML, (c) => HTML_ENTITY[c] ?? c);
}

/**
 * A text cell made safe to open in a spreadsheet (OWASP "CSV injection"): a cell starting with `=`, `+`,
 * `-`, `@`, a tab or a carriage return is prefixed with a single quote, so Excel, LibreOffice and Google Sheets
 * show it as text instead of evaluating it as a formula. Apply to text columns only; numbers stay numbers.
 */
export function spreadsheetSafeText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
