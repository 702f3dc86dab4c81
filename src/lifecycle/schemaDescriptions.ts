import { onFirstUse } from "../schema/onFirstUse.js";
import type * as z from "zod/mini";
import type { DescriptionTable } from "../schema/describe.js";
import { SCHEMA_DESCRIPTION_TABLES } from "../schema/descriptions.js";

/**
 * @internal The descriptions (and other JSON Schema metadata) of the schemas in schema.ts, by the key each
 * schema names in its `withMeta` call. Kept apart from the schemas so that code which only validates does not
 * carry the text: they are attached when a JSON Schema is generated.
 */
export const LIFECYCLE_DESCRIPTIONS = /* @__PURE__ */ onFirstUse((): Readonly<Record<string, z.core.GlobalMeta>> => ({
  "lifecycle:volume": { description: "A yearly volume: one decimal ≥ 0 for every year, or an array with exactly one value per year of the horizon (year 1 first)." },
  "lifecycle:indexSeries": { description: "A price index series used to restate item prices given in another price year to the price base." },
  "lifecycle:indexSeries.id": { description: "Identifier of the index series, recorded with results." },
  "lifecycle:indexSeries.label": { description: "Human name of the index." },
  "lifecycle:indexSeries.values": { description: "Index value by price-year label, e.g. {\"2023\": 100, \"2026\": 108.5}; labels such as \"2024/25\" work too." },
  "lifecycle:indexSeries.values#2": { description: "Index value (> 0) for this price year." },
  "lifecycle:indexSeries.source": { description: "Where the index comes from." },
  "lifecycle:itemSource": { description: "Where the figure comes from: free text (e.g. \"supplier quote 2026-03\") or a structured source." },
  "lifecycle:costItem": { description: "One lifecycle cost item: a unit cost times a quantity driver, at a frequency, over a window of the horizon." },
  "lifecycle:costItem.id": { description: "Identifier of the item, unique within its option." },
  "lifecycle:costItem.kind": { description: "Kind of cost: acquisition, installation, training, licence, consumable, maintenance, energy, staff-time, storage, spares, downtime, disposal, residual-value or other." },
  "lifecycle:costItem.label": { description: "Human description of the item." },
  "lifecycle:costItem.unitCost": {
    description:
      "Cost of one unit at the item's price year (≥ 0). Energy: tariff per kWh; staff time: wage rate per hour. Required except for residual-value, where it is the value recovered at the horizon (omit for straight-line over the service life).",
  },
  "lifecycle:costItem.quantity": { description: "Units per occurrence, per use or per patient (see basis); default 1. Energy: kWh; staff time: minutes or hours (see quantityUnit)." },
  "lifecycle:costItem.quantityUnit": { description: "Unit of quantity. \"minute\" means unitCost is per hour and the costed quantity is quantity/60 hours; the others are labels." },
  "lifecycle:costItem.basis": { description: "What quantity is multiplied by: fixed (per occurrence), per-use (× uses in the period) or per-patient (× patients in the period)." },
  "lifecycle:costItem.frequency": {
    description:
      "How often a fixed item occurs: once, yearly, every-n-years (with everyYears) or monthly. Default: once for acquisition, installation, training, disposal and residual-value, yearly otherwise. Omit for per-use and per-patient items (they accrue with volume in every period).",
  },
  "lifecycle:costItem.everyYears": { description: "Interval in years for frequency every-n-years." },
  "lifecycle:costItem.year": { description: "For a once item: the year it happens (1 = first year of the horizon)." },
  "lifecycle:costItem.date": { description: "For a once item: the date it happens (within the horizon); it is booked in the period containing the date." },
  "lifecycle:costItem.startYear": { description: "First year (1-based, inclusive) the item applies; default 1." },
  "lifecycle:costItem.endYear": { description: "Last year (inclusive) the item applies; default the horizon's last year." },
  "lifecycle:costItem.startDate": { description: "First date the item applies (alternative to startYear); the whole period containing it counts." },
  "lifecycle:costItem.endDate": { description: "Last date the item applies (alternative to endYear); the whole period containing it counts." },
  "lifecycle:costItem.escalationRate": { description: "Real price change per year as a fraction (0.02 is +2% a year), applied as (1+g)^(year−1) on each anniversary of the price base." },
  "lifecycle:costItem.priceYear": { description: "Price year of unitCost if not the price base year; restated with the document's indexation series." },
  "lifecycle:option": { description: "One option compared: a product offered by a supplier, or current practice." },
  "lifecycle:option.id": { description: "Identifier of the option, unique in the document." },
  "lifecycle:option.name": { description: "Name of the option (product, system, current practice)." },
  "lifecycle:option.supplier": { description: "Supplier offering the option." },
  "lifecycle:option.serviceLifeYears": { description: "Service life in whole years. When shorter than the horizon, acquisition, installation, training and disposal items recur each cycle; residual value covers the unexpired life." },
  "lifecycle:option.usesPerYear": { description: "Uses (procedures, scans) per year for this option; overrides volumes.usesPerYear." },
  "lifecycle:option.patientsPerYear": { description: "Patients per year for this option; overrides volumes.patientsPerYear." },
  "lifecycle:option.items": { description: "The option's cost items." },
  "lifecycle:documentShape.$schema": { description: "Optional address of this JSON Schema, for editors." },
  "lifecycle:documentShape.currency": { description: "ISO 4217 currency of every amount in the document." },
  "lifecycle:documentShape.priceBaseDate": { description: "Price base and discounting date (start of year 1), YYYY-MM-DD." },
  "lifecycle:documentShape.priceBaseYear": { description: "Price-year label of the price base in the index series; default the calendar year of priceBaseDate." },
  "lifecycle:documentShape.horizonYears": { description: "Length of the appraisal in whole years (1–200)." },
  "lifecycle:documentShape.period": { description: "Granularity of the cash-flow ledger: year (default) or month." },
  "lifecycle:documentShape.discounting": { description: "How cash flows are discounted to the price base date." },
  "lifecycle:documentShape.discounting.schedule": { description: "A bundled schedule id (nice-3.5, nice-1.5, green-book, green-book-health, none) or an inline schedule." },
  "lifecycle:documentShape.volumes": { description: "Activity volumes that drive per-use and per-patient items." },
  "lifecycle:documentShape.volumes.usesPerYear": { description: "Uses per year shared by all options unless an option states its own." },
  "lifecycle:documentShape.volumes.patientsPerYear": { description: "Patients per year shared by all options unless an option states its own." },
  "lifecycle:documentShape.comparatorId": { description: "Id of the option that is current practice; payback is measured against it." },
  "lifecycle:documentShape.options": { description: "The options compared." },
  "lifecycle:document": { title: "vbp-score lifecycle document", description: "A whole-life cost comparison of options over a horizon (EU 2014/24 Art. 68 life-cycle costing)." },
}));

/** @internal Every description table the lifecycle document schemas need. */
export const LIFECYCLE_DESCRIPTION_TABLES = /* @__PURE__ */ onFirstUse((): readonly DescriptionTable[] => [LIFECYCLE_DESCRIPTIONS(), ...SCHEMA_DESCRIPTION_TABLES()]);
