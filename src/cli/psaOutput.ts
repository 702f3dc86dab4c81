import { writeFile } from "node:fs/promises";
import { ceac } from "../uncertainty/analyses/ceac.js";
import { evpi } from "../uncertainty/analyses/evpi.js";
import { evppi } from "../uncertainty/analyses/evppi.js";
import { VbpInputError } from "../errors/VbpInputError.js";
import { nmbSummary } from "../uncertainty/analyses/nmbSummary.js";
import type { PsaResult } from "../uncertainty/psa.js";
import { psaToJson } from "../uncertainty/psaJson.js";
import type { DrawSummary } from "../uncertainty/summary.js";
import { UsageError } from "./command.js";
import { renderAs, type OutputFormat, type Table } from "./format.js";
import type { CliIo } from "./io.js";

/** Parses `--thresholds 20000,30000`. */
export function parseThresholds(text: string | undefined, fallback: readonly number[] = []): readonly number[] {
  if (text === undefined) return fallback;
  const values = text.split(",").map((t) => t.trim());
  if (values.some((v) => !/^\d+(\.\d+)?$/.test(v))) throw new UsageError(`--thresholds must be numbers ≥ 0 separated by commas, got "${text}"`);
  return values.map(Number);
}

/** Parses a whole number flag within limits. */
export function parseWhole(name: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max.toLocaleString("en-GB")}, got "${text}"`);
  return Number(text);
}

const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(2) : v.toPrecision(6));
const withCi = (s: DrawSummary) => `${fmt(s.mean)} (${fmt(s.lower)} to ${fmt(s.upper)})`;

/** The per-option summary table (means with 95% credible intervals), then CEAC and EVPI at the thresholds. */
export function psaTables(psa: PsaResult, thresholds: readonly number[]): { title: string; table: Table }[] {
  const out: { title: string; table: Table }[] = [];
  out.push({
    title: `PSA: ${psa.count.toLocaleString("en-GB")} draws (of ${psa.iterations.toLocaleString("en-GB")}, from draw ${psa.start}), seed ${psa.seed}; mean (95% credible interval) per patient`,
    table: {
      headers: ["Option", `Cost (${psa.currency})`, "QALYs", "Life years", "kgCO2e", "MCSE of cost"],
      rows: psa.options.map((o) => [o.isComparator ? `${o.optionId} (comparator)` : o.optionId, withCi(o.summary.costs), withCi(o.summary.qalys), withCi(o.summary.lifeYears), withCi(o.summary.carbonKg), fmt(o.summary.costs.mcse)]),
      align: ["left", "right", "right", "right", "right", "right"],
    },
  });
  if (thresholds.length > 0) {
    const c = ceac(psa, thresholds);
    const e = evpi(psa, thresholds);
    out.push({
      title: "Probability of the highest net monetary benefit (CEAC) and EVPI",
      table: {
        headers: ["Threshold per QALY", ...psa.options.map((o) => `P(${o.optionId})`), `EVPI per patient (${psa.currency})`, ...(e.patients !== undefined ? [`EVPI population (${psa.currency})`] : [])],
        rows: thresholds.map((t, i) => [String(t), ...c.options.map((o) => o.probability[i]!.toFixed(3)), e.points[i]!.perPatient.toFixed(2), ...(e.points[i]!.population !== undefined ? [e.points[i]!.population!.toFixed(0)] : [])]),
        align: ["right", ...psa.options.map(() => "right" as const), "right", "right"],
      },
    });
    const nmb = nmbSummary(psa, thresholds);
    out.push({
      title: `Net monetary benefit per patient (${psa.currency}): mean (95% credible interval); incremental against ${nmb.comparatorId}`,
      table: {
        headers: ["Threshold per QALY", "Option", "NMB", "SD", "Incremental NMB"],
        rows: nmb.points.flatMap((p) => p.options.map((o) => [String(p.threshold), o.optionId, withCi(o.nmb), fmt(o.nmb.sd), o.optionId === nmb.comparatorId ? "" : withCi(o.incremental)])),
        align: ["right", "left", "right", "right", "right"],
      },
    });
  }
  if (psa.conditions.length > 0) {
    out.push({
      title: "Draws left out (they broke a model rule)",
      table: { headers: ["Rule", "Path", "Draws", "First draw"], rows: psa.conditions.map((c) => [c.message, c.path.join("."), String(c.count), String(c.firstDraw)]) },
    });
  }
  return out;
}

/** Per-draw rows (long format: one row per draw and option, with the drawn parameters). */
export function psaCsvTable(psa: PsaResult): Table {
  const ids = psa.parameters.ids;
  const rows: string[][] = [];
  for (let i = 0; i < psa.count; i++) {
    const params = ids.map((_, p) => String(psa.parameters.values[p * psa.count + i]));
    for (const o of psa.options) rows.push([String(psa.start + i), o.optionId, String(o.costs[i]), String(o.qalys[i]), String(o.lifeYears[i]), String(o.carbonKg[i]), String(psa.valid[i]), ...params]);
  }
  return { headers: ["draw", "option", "costs", "qalys", "lifeYears", "carbonKg", "valid", ...ids], rows };
}

/** A parameter group named for the EVPPI table. */
export interface EvppiGroup {
  readonly name: string;
  readonly parameters: readonly string[];
}

/** Parses repeated `--evppi [name=]id,id,…` flags. */
export function parseEvppiGroups(texts: readonly string[] | undefined): readonly EvppiGroup[] {
  return (texts ?? []).map((text) => {
    const m = /^(?:([^=,\s]+)=)?([^=\s]+)$/.exec(text.trim());
    const ids = m === null ? [] : m[2]!.split(",").map((x) => x.trim());
    if (m === null || ids.some((x) => x === "")) throw new UsageError(`--evppi must be a parameter group "id,id,…" or "name=id,id,…" (drawn parameter ids, no spaces), got "${text}"`);
    return { name: m[1] ?? ids.join("+"), parameters: ids };
  });
}

/** Checks that EVPPI groups come with thresholds, on a whole analysis, in a format that shows tables. */
export function checkEvppiRequest(groups: readonly EvppiGroup[], thresholds: readonly number[], format: OutputFormat, shard: boolean): void {
  if (groups.length === 0) return;
  if (shard) throw new UsageError("--evppi needs every draw of the analysis: run the shards with --format json, then vbp merge <shards…> --thresholds … --evppi …");
  if (thresholds.length === 0) throw new UsageError("--evppi needs --thresholds (willingness-to-pay values per QALY), or uncertainty.psa.thresholds in the document");
  if (format === "json" || format === "csv") throw new UsageError(`--evppi is shown with --format table or md, not ${format} (a json file can be analysed again with vbp merge <file> --evppi …)`);
}

/** EVPPI of each group at each threshold (Strong, Oakley & Brennan 2014 regression; see \`evppi\`). */
export function evppiTable(psa: PsaResult, groups: readonly EvppiGroup[], thresholds: readonly number[]): { title: string; table: Table } {
  const rows: string[][] = [];
  const methods = new Set<string>();
  for (const g of groups) {
    let e;
    try {
      e = evppi(psa, { parameters: g.parameters, thresholds });
    } catch (err) {
      if (err instanceof VbpInputError) throw new UsageError(`--evppi ${g.name}: ${err.issues.map((i) => i.message).join("; ")}`);
      throw err;
    }
    methods.add(e.method);
    for (const p of e.points) rows.push([g.name, g.parameters.join(", "), String(p.threshold), p.perPatient.toFixed(2), ...(p.population !== undefined ? [p.population.toFixed(0)] : psa.discountedPatients !== undefined ? [""] : [])]);
  }
  return {
    title: `EVPPI per parameter group (${[...methods].join("; ")}; ${psa.count.toLocaleString("en-GB")} draws)`,
    table: {
      headers: ["Group", "Parameters", "Threshold per QALY", `EVPPI per patient (${psa.currency})`, ...(psa.discountedPatients !== undefined ? [`EVPPI population (${psa.currency})`] : [])],
      rows,
      align: ["left", "left", "right", "right", "right"],
    },
  };
}

/** Writes a PSA result in the chosen format to standard output or a file (with EVPPI tables for the groups). */
export async function writePsa(io: CliIo, psa: PsaResult, format: OutputFormat, thresholds: readonly number[], output: string | undefined, groups: readonly EvppiGroup[] = []): Promise<void> {
  let text: string;
  if (format === "json") text = `${JSON.stringify(psaToJson(psa))}\n`;
  else if (format === "csv") text = renderAs("csv", psaCsvTable(psa));
  else text = [...psaTables(psa, thresholds), ...(groups.length > 0 ? [evppiTable(psa, groups, thresholds)] : [])].map((t) => (format === "md" ? `## ${t.title}\n\n` : `${t.title}\n\n`) + renderAs(format, t.table)).join("\n");
  if (output === undefined) io.stdout(text);
  else await writeFile(output, text, "utf8");
}
