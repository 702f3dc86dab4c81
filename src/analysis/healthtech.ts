import { describedShape, withMeta } from "../schema/withMeta.js";
import { onFirstUse } from "../schema/onFirstUse.js";
import * as z from "zod/mini";
import { Dec, decString, sumDec } from "../_lib/decimal.js";
import { fail } from "../errors/VbpInputError.js";
import { formatMoney } from "../money/money.js";
import type { CurrencyCode } from "../money/currencies.js";
import { parseWith } from "../schema/issues.js";
import { currencySchema, decimalSchema, idSchema, nonNegativeDecimalSchema, textSchema } from "../schema/primitives.js";

/**
 * One option for the NICE HealthTech tables: its per-patient costs by category and its outcomes, unaggregated.
 *
 * @example
 * ```ts
 * const device: HealthTechOption = {
 *   id: "device-x", label: "Device X",
 *   costs: [{ category: "device", amount: "450" }, { category: "bed-days", amount: "1200" }],
 *   outcomes: [{ outcome: "infections", value: "2.1" }, { outcome: "patient-experience", value: "improved" }],
 * };
 * ```
 */
export interface HealthTechOption {
  /** Identifier, unique in the table. */
  readonly id: string;
  /** Human name (column or row heading). */
  readonly label?: string;
  /** Costs per patient by category (each category at most once); a category not listed costs 0. */
  readonly costs: readonly {
    /** Cost category id, e.g. `"device"`, `"bed-days"`. */
    readonly category: string;
    /** Cost per patient in this category (decimal string or finite number). */
    readonly amount: string | number;
  }[];
  /** Outcomes (numbers or short text), each at most once; an outcome not listed is shown as not reported. */
  readonly outcomes?: readonly {
    /** Outcome id, e.g. `"ssi"`. */
    readonly outcome: string;
    /** The value: a number, or short text such as "improved". */
    readonly value: string | number;
  }[];
}

/**
 * A row heading for the tables: a cost category or an outcome, with its label (and unit for outcomes).
 *
 * @example
 * ```ts
 * const h: HealthTechHeading = { id: "infections", label: "Surgical site infections", unit: "per 100 patients" };
 * ```
 */
export interface HealthTechHeading {
  /** Identifier used in the options' `costs[].category` or `outcomes[].outcome`. */
  readonly id: string;
  /** Human name. */
  readonly label?: string;
  /** Unit (outcomes), e.g. "per 100 patients", "days". */
  readonly unit?: string;
}

/**
 * Input of {@link costConsequenceTable}.
 *
 * @example
 * ```ts
 * const input: CostConsequenceInput = { currency: "GBP", options: [device, usualCare] };
 * ```
 */
export interface CostConsequenceInput {
  /** Currency of every cost. */
  readonly currency: string;
  /** The options, in column order. */
  readonly options: readonly HealthTechOption[];
  /** Cost categories in row order with labels; default: every category used, in order of first appearance. */
  readonly costCategories?: readonly HealthTechHeading[];
  /** Outcomes in row order with labels and units; default: every outcome used, in order of first appearance. */
  readonly outcomes?: readonly HealthTechHeading[];
}

/**
 * A cost-consequence table (NICE HealthTech): costs by category and outcomes listed side by side for each
 * option, with no aggregation of outcomes into a single measure. Plain data; see
 * {@link renderCostConsequenceMarkdown}.
 *
 * @example
 * ```ts
 * const t: CostConsequenceTable = costConsequenceTable(input);
 * t.totalCost; //=> ["1650", "1900"]
 * ```
 */
export interface CostConsequenceTable {
  /** Currency of every amount. */
  readonly currency: CurrencyCode;
  /** The options (columns), in input order. */
  readonly columns: readonly {
    /** The option's id. */
    readonly id: string;
    /** The option's label (its id when none was given). */
    readonly label: string;
  }[];
  /** One row per cost category: amounts per patient, one per column ("0" where an option has none). */
  readonly costRows: readonly {
    /** Cost category id. */
    readonly category: string;
    /** Row heading (the category's label, or its id). */
    readonly label: string;
    /** Amount per patient for each column, decimal strings. */
    readonly values: readonly string[];
  }[];
  /** Sum of the cost rows per column (costs only; outcomes are never combined with costs). */
  readonly totalCost: readonly string[];
  /** One row per outcome: values per column as given, `null` where an option does not report it. */
  readonly outcomeRows: readonly {
    /** Outcome id. */
    readonly outcome: string;
    /** Row heading (the outcome's label, or its id). */
    readonly label: string;
    /** Unit, when given. */
    readonly unit?: string;
    /** Value for each column as given, or `null` where the option does not report it. */
    readonly values: readonly (string | null)[];
  }[];
}

const headingSchema = /* @__PURE__ */ onFirstUse(() => z.strictObject(describedShape("analysis/healthtech:heading", {
  id: idSchema(),
  label: z.optional(textSchema(200)),
  unit: z.optional(textSchema(100)),
})));

const outcomeValueSchema = /* @__PURE__ */ onFirstUse(() => withMeta(z
  .union([z.pipe(z.number().check(z.refine(Number.isFinite, { message: "must be a finite number" })), z.transform((n) => String(n))), z.string().check(z.minLength(1), z.maxLength(200))]), "analysis/healthtech:outcomeValue"));

const optionSchema = /* @__PURE__ */ onFirstUse(() => z.strictObject(describedShape("analysis/healthtech:option", {
  id: idSchema(),
  label: z.optional(textSchema(300)),
  costs: z
    .array(z.strictObject(describedShape("analysis/healthtech:option.costs", { category: idSchema(), amount: decimalSchema() }))).check(z.maxLength(200), z.superRefine((costs, ctx) => duplicates(costs.map((c) => c.category), "category", ctx))),
  outcomes: z.optional(z
    .array(z.strictObject({ outcome: withMeta(idSchema(), "analysis/healthtech:option.outcomes.outcome"), value: outcomeValueSchema() })).check(z.maxLength(200), z.superRefine((outcomes, ctx) => duplicates(outcomes.map((o) => o.outcome), "outcome", ctx)))),
})));

function duplicates(ids: readonly string[], key: string, ctx: z.core.$RefinementCtx): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) ctx.addIssue({ code: "custom", path: [i, key], message: `must be unique, got "${id}" again`, params: { vbpCode: "duplicate_id" } });
    seen.add(id);
  });
}

const optionsSchema = /* @__PURE__ */ onFirstUse(() => withMeta(z
  .array(optionSchema()).check(z.minLength(1), z.maxLength(1000), z.superRefine((options, ctx) => duplicates(options.map((o) => o.id), "id", ctx))), "analysis/healthtech:options"));

const ccaSchema = /* @__PURE__ */ onFirstUse(() => z
  .strictObject(describedShape("analysis/healthtech:cca", {
    currency: currencySchema(),
    options: optionsSchema(),
    costCategories: z.optional(z.array(headingSchema()).check(z.maxLength(200))),
    outcomes: z.optional(z.array(headingSchema()).check(z.maxLength(200))),
  }, "options")).check(z.superRefine((input, ctx) => {
    const listed = (headings: readonly { id: string }[] | undefined, used: (o: (typeof input.options)[number]) => readonly string[], key: string, itemKey: string, field: string) => {
      if (headings === undefined) return;
      const known = new Set(headings.map((h) => h.id));
      input.options.forEach((o, i) =>
        used(o).forEach((id, j) => {
          if (!known.has(id)) ctx.addIssue({ code: "custom", path: ["options", i, itemKey, j, field], message: `must be one of the ids in ${key}, got "${id}"`, params: { vbpCode: "unknown_reference" } });
        }),
      );
    };
    listed(input.costCategories, (o) => o.costs.map((c) => c.category), "costCategories", "costs", "category");
    listed(input.outcomes, (o) => (o.outcomes ?? []).map((c) => c.outcome), "outcomes", "outcomes", "outcome");
  })));

function headings(given: readonly z.output<ReturnType<typeof headingSchema>>[] | undefined, used: readonly string[]): readonly z.output<ReturnType<typeof headingSchema>>[] {
  if (given !== undefined) return given;
  return [...new Set(used)].map((id) => ({ id }));
}

/**
 * Builds a cost-consequence table (NICE HealthTech programme; NICE PMG36 §4.2.11–4.2.13 on cost-comparison and
 * cost-consequence presentation): each option's per-patient costs by category and its outcomes side by side,
 * unaggregated, so the reader weighs the consequences. Amounts are exact decimal strings.
 *
 * @param input - currency, options (columns), optional row order and labels for cost categories and outcomes
 * @returns the table as plain data
 * @throws VbpInputError for invalid amounts, duplicate ids, or a category/outcome not in the given headings
 * @example
 * ```ts
 * const t = costConsequenceTable({
 *   currency: "GBP",
 *   options: [
 *     { id: "usual", costs: [{ category: "bed-days", amount: 1900 }], outcomes: [{ outcome: "ssi", value: "4.0" }] },
 *     { id: "dressing", costs: [{ category: "device", amount: 45 }, { category: "bed-days", amount: 1600 }], outcomes: [{ outcome: "ssi", value: "2.5" }] },
 *   ],
 * });
 * t.costRows.map((r) => r.values); //=> [["1900", "1600"], ["0", "45"]]
 * t.totalCost;                      //=> ["1900", "1645"]
 * ```
 */
export function costConsequenceTable(input: CostConsequenceInput): CostConsequenceTable {
  const s = parseWith(ccaSchema(), input);
  const categories = headings(s.costCategories, s.options.flatMap((o) => o.costs.map((c) => c.category)));
  const outcomes = headings(s.outcomes, s.options.flatMap((o) => (o.outcomes ?? []).map((c) => c.outcome)));
  const costRows = categories.map((h) =>
    Object.freeze({
      category: h.id,
      label: h.label ?? h.id,
      values: Object.freeze(s.options.map((o) => decString(new Dec(o.costs.find((c) => c.category === h.id)?.amount ?? 0)))),
    }),
  );
  const totalCost = s.options.map((o) => decString(sumDec(o.costs.map((c) => new Dec(c.amount)))));
  const outcomeRows = outcomes.map((h) =>
    Object.freeze({
      outcome: h.id,
      label: h.label ?? h.id,
      ...(h.unit === undefined ? {} : { unit: h.unit }),
      values: Object.freeze(s.options.map((o) => (o.outcomes ?? []).find((c) => c.outcome === h.id)?.value ?? null)),
    }),
  );
  return Object.freeze({
    currency: s.currency as CurrencyCode,
    columns: Object.freeze(s.options.map((o) => Object.freeze({ id: o.id, label: o.label ?? o.id }))),
    costRows: Object.freeze(costRows),
    totalCost: Object.freeze(totalCost),
    outcomeRows: Object.freeze(outcomeRows),
  });
}

/**
 * Input of {@link costComparisonTable}.
 *
 * @example
 * ```ts
 * const input: CostComparisonInput = { currency: "GBP", comparator: "usual", population: 1200, options: [usual, dressing] };
 * ```
 */
export interface CostComparisonInput {
  /** Currency of every cost. */
  readonly currency: string;
  /** Id of the comparator option (current practice). */
  readonly comparator: string;
  /** Number of patients the population figures are for (e.g. per year in England), ≥ 0. */
  readonly population: string | number;
  /** The options, including the comparator, in row order. Costs are per patient; outcomes are ignored. */
  readonly options: readonly HealthTechOption[];
}

/**
 * One row of a cost-comparison table.
 *
 * @example
 * ```ts
 * const row: CostComparisonRow = { id: "dressing", label: "Dressing", costPerPatient: "1645", incrementalPerPatient: "-255", incrementalPopulation: "-306000", direction: "cost-saving" };
 * ```
 */
export interface CostComparisonRow {
  /** The option's id. */
  readonly id: string;
  /** The option's label (its id when none was given). */
  readonly label: string;
  /** Total cost per patient (sum of its categories). */
  readonly costPerPatient: string;
  /** Cost per patient minus the comparator's (negative = saving). */
  readonly incrementalPerPatient: string;
  /** Incremental cost per patient × population. */
  readonly incrementalPopulation: string;
  /** `"cost-saving"` (< 0), `"cost-incurring"` (> 0), `"cost-neutral"` (= 0), or `"comparator"` for the comparator itself. */
  readonly direction: "cost-saving" | "cost-incurring" | "cost-neutral" | "comparator";
}

/**
 * A cost-comparison table (NICE HealthTech): incremental cost per patient and for the population against the
 * comparator. Plain data; see {@link renderCostComparisonMarkdown}.
 *
 * @example
 * ```ts
 * const t: CostComparisonTable = costComparisonTable(input);
 * t.rows[1].direction; //=> "cost-saving"
 * ```
 */
export interface CostComparisonTable {
  /** Currency of every amount. */
  readonly currency: CurrencyCode;
  /** Id of the comparator. */
  readonly comparator: string;
  /** Number of patients the population figures are for. */
  readonly population: string;
  /** One row per option, in input order (the comparator included). */
  readonly rows: readonly CostComparisonRow[];
}

const ccSchema = /* @__PURE__ */ onFirstUse(() => z
  .strictObject(describedShape("analysis/healthtech:cc", {
    currency: currencySchema(),
    comparator: idSchema(),
    population: nonNegativeDecimalSchema(),
    options: optionsSchema(),
  }, "options")).check(z.superRefine((input, ctx) => {
    if (!input.options.some((o) => o.id === input.comparator)) {
      ctx.addIssue({ code: "custom", path: ["comparator"], message: `must be the id of one of the options, got "${input.comparator}"`, params: { vbpCode: "unknown_reference" } });
    }
  })));

/**
 * Builds a cost-comparison table (NICE HealthTech cost-comparison analysis, used when the technology is shown
 * to give similar or greater benefits at similar or lower cost; NICE PMG36 §4.2.11–4.2.13): for each option the
 * cost per patient, the incremental cost per patient against the comparator and for the population
 * (× `population`), and whether it is cost-saving or cost-incurring. Exact decimals.
 *
 * @param input - currency, comparator id, population size and the options (costs per patient by category)
 * @returns the table as plain data
 * @throws VbpInputError for invalid amounts, duplicate ids, a negative population or an unknown comparator
 * @example
 * ```ts
 * const t = costComparisonTable({
 *   currency: "GBP", comparator: "usual", population: 1200,
 *   options: [
 *     { id: "usual", costs: [{ category: "bed-days", amount: 1900 }] },
 *     { id: "dressing", costs: [{ category: "device", amount: 45 }, { category: "bed-days", amount: 1600 }] },
 *   ],
 * });
 * t.rows[1].incrementalPerPatient; //=> "-255"
 * t.rows[1].incrementalPopulation; //=> "-306000"
 * ```
 */
export function costComparisonTable(input: CostComparisonInput): CostComparisonTable {
  const s = parseWith(ccSchema(), input);
  const population = new Dec(s.population);
  const totals = s.options.map((o) => sumDec(o.costs.map((c) => new Dec(c.amount))));
  const index = s.options.findIndex((o) => o.id === s.comparator);
  const base = totals[index] ?? fail({ code: "unknown_reference", path: ["comparator"], message: `no option has id "${s.comparator}"` });
  const rows = s.options.map((o, i) => {
    const total = totals[i] as Dec;
    const delta = total.minus(base);
    const direction = i === index ? "comparator" : delta.isZero() ? "cost-neutral" : delta.isNegative() ? "cost-saving" : "cost-incurring";
    return Object.freeze({
      id: o.id,
      label: o.label ?? o.id,
      costPerPatient: decString(total),
      incrementalPerPatient: decString(delta),
      incrementalPopulation: decString(delta.times(population)),
      direction,
    } satisfies CostComparisonRow);
  });
  return Object.freeze({ currency: s.currency as CurrencyCode, comparator: s.comparator, population: decString(population), rows: Object.freeze(rows) });
}

function cell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

function money(amount: string, currency: CurrencyCode, decimals: number | undefined): string {
  if (decimals !== undefined && !(Number.isInteger(decimals) && decimals >= 0 && decimals <= 20)) {
    fail({ code: "invalid_value", path: ["settings", "decimals"], message: `must be a whole number from 0 to 20, got ${String(decimals)}` });
  }
  return formatMoney({ amount, currency }, decimals === undefined ? {} : { decimals });
}

/**
 * Presentation settings for the Markdown renderers.
 *
 * @example
 * ```ts
 * const s: MarkdownTableSettings = { decimals: 0 };
 * ```
 */
export interface MarkdownTableSettings {
  /** Decimal places for money (half-even); default the currency's minor unit. */
  readonly decimals?: number;
}

/**
 * Renders a cost-consequence table as Markdown: options as columns; cost categories, total cost, then outcomes
 * as rows. Money is rounded half-even for display only.
 *
 * @param table - from {@link costConsequenceTable}
 * @param settings - optional `{ decimals }` for money
 * @returns a GitHub-flavoured Markdown table
 * @example
 * ```ts
 * renderCostConsequenceMarkdown(costConsequenceTable({ currency: "GBP", options: [{ id: "a", costs: [{ category: "device", amount: 10 }] }] }));
 * //=> "| | a |\n|---|---:|\n| **Costs per patient** | |\n| device | £10.00 |\n| **Total cost per patient** | **£10.00** |\n"
 * ```
 */
export function renderCostConsequenceMarkdown(table: CostConsequenceTable, settings: MarkdownTableSettings = {}): string {
  const n = table.columns.length;
  const blank = " |".repeat(n);
  const lines = [`| |${table.columns.map((c) => ` ${cell(c.label)} |`).join("")}`, `|---|${"---:|".repeat(n)}`];
  lines.push(`| **Costs per patient** |${blank}`);
  for (const r of table.costRows) lines.push(`| ${cell(r.label)} |${r.values.map((v) => ` ${money(v, table.currency, settings.decimals)} |`).join("")}`);
  lines.push(`| **Total cost per patient** |${table.totalCost.map((v) => ` **${money(v, table.currency, settings.decimals)}** |`).join("")}`);
  if (table.outcomeRows.length > 0) {
    lines.push(`| **Outcomes** |${blank}`);
    for (const r of table.outcomeRows) {
      const label = r.unit === undefined ? r.label : `${r.label} (${r.unit})`;
      lines.push(`| ${cell(label)} |${r.values.map((v) => ` ${v === null ? "not reported" : cell(v)} |`).join("")}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

/**
 * Renders a cost-comparison table as Markdown: one row per option with cost per patient, incremental cost per
 * patient and for the population, and the direction. Money is rounded half-even for display only.
 *
 * @param table - from {@link costComparisonTable}
 * @param settings - optional `{ decimals }` for money
 * @returns a GitHub-flavoured Markdown table
 * @example
 * ```ts
 * renderCostComparisonMarkdown(costComparisonTable({ currency: "GBP", comparator: "a", population: 10, options: [{ id: "a", costs: [{ category: "x", amount: 5 }] }, { id: "b", costs: [{ category: "x", amount: 3 }] }] }));
 * //=> "| Option | Cost per patient | Incremental cost per patient | Incremental cost, population of 10 | Result |\n|---|---:|---:|---:|---|\n| a | £5.00 | — | — | comparator |\n| b | £3.00 | -£2.00 | -£20.00 | cost-saving |\n"
 * ```
 */
export function renderCostComparisonMarkdown(table: CostComparisonTable, settings: MarkdownTableSettings = {}): string {
  const lines = [
    `| Option | Cost per patient | Incremental cost per patient | Incremental cost, population of ${table.population} | Result |`,
    "|---|---:|---:|---:|---|",
  ];
  for (const r of table.rows) {
    const isComparator = r.direction === "comparator";
    lines.push(
      `| ${cell(r.label)} | ${money(r.costPerPatient, table.currency, settings.decimals)} | ${isComparator ? "—" : money(r.incrementalPerPatient, table.currency, settings.decimals)} | ${isComparator ? "—" : money(r.incrementalPopulation, table.currency, settings.decimals)} | ${r.direction} |`,
    );
  }
  return `${lines.join("\n")}\n`;
}
