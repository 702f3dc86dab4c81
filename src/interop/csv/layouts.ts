import { COST_ITEM_KINDS } from "../../lifecycle/document.js";

/**
 * One column of a CSV layout.
 *
 * @category Interop
 * @example
 * ```ts
 * const c: CsvColumn = { name: "price", required: true, description: "Bid price per unit.", example: "142.00" };
 * ```
 */
export interface CsvColumn {
  /** Column name as written in the header row; `<…>` marks a part the user fills in (a column family). */
  readonly name: string;
  /** Whether every row must give a value. */
  readonly required: boolean;
  /** What the cell holds and the rule it must meet. */
  readonly description: string;
  /** A value, as in the template. */
  readonly example: string;
}

/**
 * A CSV layout the library reads: its columns (and column families such as `effect:<op>:<target>`), and
 * template rows.
 *
 * @category Interop
 * @example
 * ```ts
 * CSV_LAYOUTS.catalogue.columns[0].name; //=> "id"
 * ```
 */
export interface CsvLayout {
  /** Layout name, as in `vbp template <layout>`. */
  readonly id: CsvLayoutId;
  /** One line: what the file is. */
  readonly title: string;
  /** What each row becomes. */
  readonly description: string;
  /** The columns, fixed ones first, then the families. */
  readonly columns: readonly CsvColumn[];
  /** Template: header and example rows. */
  readonly template: {
    /** Column names, in order. */
    readonly header: readonly string[];
    /** Example rows, one cell per header column. */
    readonly rows: readonly (readonly string[])[];
  };
}

/**
 * The CSV layouts: `catalogue` (one row per product), `lifecycle-lines` (one row per lifecycle cost line)
 * and `evaluator-scores` (one row per evaluator's score).
 *
 * @category Interop
 * @example
 * ```ts
 * const id: CsvLayoutId = "catalogue";
 * ```
 */
export type CsvLayoutId = "catalogue" | "lifecycle-lines" | "evaluator-scores";

const EFFECT_OPS = ["set", "multiply", "add", "hazardRatio"] as const;
const CARBON_STAGES = ["embodied", "transport", "energy", "consumables", "waste", "pathway"] as const;

/**
 * Every CSV layout, by name. Templates (`vbp template <layout>`) and the column guide are generated from
 * these definitions, and the readers check rows against them, so the documentation cannot drift.
 *
 * @category Interop
 * @example
 * ```ts
 * Object.keys(CSV_LAYOUTS); //=> ["catalogue", "lifecycle-lines", "evaluator-scores"]
 * ```
 */
export const CSV_LAYOUTS: Readonly<Record<CsvLayoutId, CsvLayout>> = Object.freeze({
  catalogue: Object.freeze({
    id: "catalogue",
    title: "Option catalogue: one row per product offered",
    description:
      "Each row becomes one option of the evaluation document (its `options` array), checked against the option schema on its own; a bad row is reported with its line and id and left out, the others are evaluated.",
    columns: Object.freeze([
      { name: "id", required: true, description: "Product (option) id, unique in the file and the tender: letters, digits, . _ : -.", example: "p-0001" },
      { name: "supplier", required: true, description: "Supplier name.", example: "Acme Medical Ltd" },
      { name: "label", required: true, description: "Product name.", example: "Acme SealPro 10" },
      { name: "price", required: true, description: "Bid price per unit in the tender's currency, a decimal > 0 (no currency sign, no thousands separator).", example: "129.50" },
      { name: "unitsPerPatient", required: false, description: "Units used per patient, a decimal > 0 (adds price × units to every patient's cost).", example: "1" },
      { name: "lot", required: false, description: "Lot the product is offered for, when the tender has lots.", example: "" },
      { name: "comparator", required: false, description: "yes for current practice (the reference; at most one in tender and file together), otherwise empty or no.", example: "" },
      { name: "serviceLifeYears", required: false, description: "Service life in whole years (for capital equipment).", example: "" },
      { name: "note", required: false, description: "Free text.", example: "" },
      {
        name: "effect:<op>:<target>",
        required: false,
        description: `An effect on the pathway; <op> is one of ${EFFECT_OPS.join(", ")} and <target> names what it changes as key=value pairs joined by & (keys: parameter, node, branch, item, field, event, state), e.g. effect:multiply:node=surgery&branch=ssi. The cell is the operand, a decimal; empty means no effect.`,
        example: "0.6",
      },
      {
        name: "lifecycle:<kind>:<basis>",
        required: false,
        description: `A lifecycle cost line of quantity 1; <kind> is one of ${COST_ITEM_KINDS.join(", ")}; <basis> is fixed, per-use or per-patient. The cell is the unit cost, a decimal ≥ 0.`,
        example: "2.40",
      },
      {
        name: "carbon:<stage>",
        required: false,
        description: `kgCO2e per patient for one stage of the product's life; <stage> is one of ${CARBON_STAGES.join(", ")}. A decimal ≥ 0, as stated by the supplier.`,
        example: "1.8",
      },
      { name: "value:<criterionId>", required: false, description: "Raw value for a quantitative criterion that no computed metric feeds, a decimal.", example: "" },
    ]),
    template: Object.freeze({
      header: ["id", "supplier", "label", "price", "unitsPerPatient", "effect:multiply:node=surgery&branch=ssi", "lifecycle:staff-time:per-patient", "lifecycle:disposal:per-patient", "carbon:embodied", "carbon:transport", "note"],
      rows: [
        ["p-0001", "Acme Medical Ltd", "Acme SealPro 10", "129.50", "1", "0.6", "8.00", "0.30", "1.8", "0.3", ""],
        ["p-0002", "Borealis Health AB", "Borealis NPWT Mini", "118", "1", "0.7", "6.40", "0.25", "1.5", "0.4", "7-day wear"],
      ],
    }),
  }),
  "lifecycle-lines": Object.freeze({
    id: "lifecycle-lines",
    title: "Lifecycle cost lines: one row per cost line of an option",
    description: "Each row becomes one lifecycle cost item of the option named in optionId (added to the option's lifecycle.items).",
    columns: Object.freeze([
      { name: "optionId", required: true, description: "The option (product) the line belongs to.", example: "p-0001" },
      { name: "id", required: true, description: "Line id, unique within its option.", example: "service" },
      { name: "kind", required: true, description: `One of ${COST_ITEM_KINDS.join(", ")}.`, example: "maintenance" },
      { name: "label", required: true, description: "What the cost is.", example: "Annual service contract" },
      { name: "unitCost", required: false, description: "Cost of one unit, a decimal ≥ 0 (required except for residual-value).", example: "1200" },
      { name: "quantity", required: false, description: "Units per occurrence, per use or per patient; default 1.", example: "1" },
      { name: "quantityUnit", required: false, description: "unit (default), kWh, hour or minute (minute: unitCost is per hour).", example: "unit" },
      { name: "basis", required: false, description: "fixed (default), per-use or per-patient.", example: "fixed" },
      { name: "frequency", required: false, description: "For fixed lines: once, yearly, every-n-years or monthly.", example: "yearly" },
      { name: "everyYears", required: false, description: "Interval for every-n-years, whole years.", example: "" },
      { name: "year", required: false, description: "For a once line: the year it happens (1 = first year).", example: "" },
      { name: "startYear", required: false, description: "First year the line applies (default 1).", example: "" },
      { name: "endYear", required: false, description: "Last year the line applies (default: the horizon).", example: "" },
      { name: "escalationRate", required: false, description: "Real price change a year as a fraction (0.02 is +2%).", example: "0.02" },
      { name: "source", required: false, description: "Where the figure comes from.", example: "Supplier quote 2026-03" },
    ]),
    template: Object.freeze({
      header: ["optionId", "id", "kind", "label", "unitCost", "quantity", "quantityUnit", "basis", "frequency", "escalationRate", "source"],
      rows: [
        ["p-0001", "service", "maintenance", "Annual service contract", "1200", "1", "unit", "fixed", "yearly", "0.02", "Supplier quote 2026-03"],
        ["p-0001", "apply", "staff-time", "Nurse time to apply (band 5)", "48", "10", "minute", "per-patient", "", "", "NHS pay scales 2026"],
      ],
    }),
  }),
  "evaluator-scores": Object.freeze({
    id: "evaluator-scores",
    title: "Evaluator scores: one row per evaluator, criterion and option",
    description: "Each row becomes one record of the tender's evaluatorScores (moderated into a consensus by the tender's rules).",
    columns: Object.freeze([
      { name: "criterionId", required: true, description: "A qualitative criterion of the tender.", example: "ease-of-use" },
      { name: "optionId", required: true, description: "The option scored.", example: "p-0001" },
      { name: "evaluatorId", required: true, description: "Who scored it.", example: "panel-clinical-lead" },
      { name: "level", required: true, description: "A level of the criterion's scale (e.g. 0–4 on the NHS VBP five-point scale).", example: "3" },
      { name: "reason", required: false, description: "Why: the evidence the score rests on (shown in assessment summaries).", example: "Applied correctly first time by all trial nurses." },
    ]),
    template: Object.freeze({
      header: ["criterionId", "optionId", "evaluatorId", "level", "reason"],
      rows: [
        ["ease-of-use", "p-0001", "panel-clinical-lead", "3", "Applied correctly first time by all trial nurses."],
        ["ease-of-use", "p-0001", "panel-procurement-lead", "4", "Strong written evidence of training support."],
      ],
    }),
  }),
});

/** @internal Effect operations a catalogue column may name. */
export const CATALOGUE_EFFECT_OPS: readonly string[] = EFFECT_OPS;
/** @internal Carbon stages a catalogue column may name. */
export const CATALOGUE_CARBON_STAGES: readonly string[] = CARBON_STAGES;
