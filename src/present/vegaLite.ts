/**
 * Vega-Lite specifications as plain JSON: the types every chart builder returns, and the shared look.
 *
 * @module
 */
import { VbpInputError } from "../errors/VbpInputError.js";
import type { VbpIssue, VbpPath } from "../errors/issue.js";

/**
 * A JSON value: what a Vega-Lite specification is made of.
 *
 * @example
 * ```ts
 * const v: JsonValue = { mark: "bar", data: { values: [{ x: 1 }] } };
 * ```
 * @category Charts
 */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * A Vega-Lite v5 specification (plain JSON; `JSON.stringify` gives the file Vega-Lite 5 and 6 read). The
 * chart builders embed their data (`data.values`), so a specification is complete on its own.
 *
 * @example
 * ```ts
 * const spec: VegaLiteSpec = scoreBreakdownChart([{ option: "A", criterion: "Price", points: 40 }]);
 * spec.$schema; //=> "https://vega.github.io/schema/vega-lite/v5.json"
 * ```
 * @category Charts
 */
export interface VegaLiteSpec {
  /** The Vega-Lite schema the specification follows. */
  readonly $schema: string;
  /** Everything else, as Vega-Lite defines it. */
  readonly [key: string]: JsonValue;
}

/**
 * The Vega-Lite schema URL the chart builders write (an identifier only: nothing fetches it).
 *
 * @example
 * ```ts
 * VEGA_LITE_SCHEMA; //=> "https://vega.github.io/schema/vega-lite/v5.json"
 * ```
 * @category Charts
 */
export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

/**
 * The Jupyter MIME type of a Vega-Lite v5 specification.
 *
 * @example
 * ```ts
 * ({ [VEGA_LITE_MIME]: spec }); // a display bundle JupyterLab draws as a chart
 * ```
 * @category Charts
 */
export const VEGA_LITE_MIME = "application/vnd.vegalite.v5+json";

/**
 * Options every chart builder takes.
 *
 * @example
 * ```ts
 * const o: ChartOptions = { title: "Tender points", width: 480 };
 * ```
 * @category Charts
 */
export interface ChartOptions {
  /** Chart title (each builder has a default). */
  readonly title?: string;
  /** Plot width in pixels (default 480). */
  readonly width?: number;
  /** Plot height in pixels (each builder has a default). */
  readonly height?: number;
}

/** Shared look: system fonts only (nothing to fetch), readable on paper. */
const CONFIG: JsonValue = {
  font: "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif",
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 12, gridColor: "#e5e7eb" },
  legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 260, titleLimit: 320 },
  title: { fontSize: 14, anchor: "start" },
};

/** Assembles a complete specification with the shared look. @internal */
export function spec(options: ChartOptions, defaults: { title: string; height: number; description: string }, body: Record<string, JsonValue>): VegaLiteSpec {
  const width = options.width ?? 480;
  const height = options.height ?? defaults.height;
  checkSize(width, ["width"]);
  checkSize(height, ["height"]);
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: defaults.description,
    title: options.title ?? defaults.title,
    width,
    height,
    config: CONFIG,
    ...body,
  };
}

function checkSize(v: number, path: VbpPath): void {
  if (!Number.isFinite(v) || v < 10 || v > 10_000) {
    throw new VbpInputError([{ code: "invalid_value", path, message: `must be a number of pixels from 10 to 10000, got ${String(v)}` }]);
  }
}

/** Collects issues for a chart input; throws them all at once. @internal */
export class IssueList {
  readonly issues: VbpIssue[] = [];
  add(code: VbpIssue["code"], path: VbpPath, message: string): void {
    this.issues.push({ code, path, message });
  }
  /** A finite number (a decimal string is accepted and converted). */
  finite(v: unknown, path: VbpPath): number {
    const n = typeof v === "string" && v.trim() !== "" ? Number(v) : v;
    if (typeof n !== "number" || !Number.isFinite(n)) {
      this.add("invalid_type", path, `must be a finite number, got ${describe(v)}`);
      return 0;
    }
    return n;
  }
  /** A probability in [0, 1]. */
  probability(v: unknown, path: VbpPath): number {
    const n = this.finite(v, path);
    if (n < 0 || n > 1) this.add("invalid_value", path, `must be a probability from 0 to 1, got ${n}`);
    return n;
  }
  /** A non-empty string. */
  text(v: unknown, path: VbpPath): string {
    if (typeof v !== "string" || v.trim() === "") {
      this.add("invalid_type", path, `must be a non-empty string, got ${describe(v)}`);
      return "";
    }
    return v;
  }
  /** A non-empty array. */
  list(v: unknown, path: VbpPath, what: string): readonly unknown[] {
    if (!Array.isArray(v)) {
      this.add("invalid_type", path, `must be an array of ${what}, got ${describe(v)}`);
      return [];
    }
    if (v.length === 0) this.add("too_small", path, `must hold at least one ${what.replace(/s$/, "")}`);
    return v;
  }
  throwIfAny(): void {
    if (this.issues.length > 0) throw new VbpInputError(this.issues);
  }
}

/** A value as quoted in a message. @internal */
export function describe(v: unknown): string {
  if (v === undefined) return "nothing";
  if (v === null) return "null";
  if (typeof v === "number") return String(v);
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (Array.isArray(v)) return "an array";
  return typeof v;
}
