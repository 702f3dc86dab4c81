import { onFirstUse } from "../schema/onFirstUse.js";
import type * as z from "zod/mini";
import type { DescriptionTable } from "../schema/describe.js";
import { SCHEMA_DESCRIPTION_TABLES } from "../schema/descriptions.js";
import { EVALUATE_VALIDATE_DESCRIPTIONS } from "./_internal/validateDescriptions.js";
import { PATHWAY_DESCRIPTIONS } from "../pathway/schemaDescriptions.js";
import { LIFECYCLE_DESCRIPTIONS } from "../lifecycle/schemaDescriptions.js";
import { SUSTAINABILITY_DESCRIPTIONS } from "../sustainability/schemasDescriptions.js";
import { SCORING_DESCRIPTIONS } from "../scoring/schemaDescriptions.js";
import { SCORING_FUNCTIONS_DESCRIPTIONS } from "../scoring/functions/schemasDescriptions.js";
import { REFERENCE_THRESHOLDS_DESCRIPTIONS } from "../reference/thresholdsDescriptions.js";
import { UNCERTAINTY_DESCRIPTIONS } from "../uncertainty/schemaDescriptions.js";

/**
 * @internal The descriptions (and other JSON Schema metadata) of the schemas in schema.ts, by the key each
 * schema names in its `withMeta` call. Kept apart from the schemas so that code which only validates does not
 * carry the text: they are attached when a JSON Schema is generated.
 */
export const EVALUATE_DESCRIPTIONS = /* @__PURE__ */ onFirstUse((): Readonly<Record<string, z.core.GlobalMeta>> => ({
  "evaluate:option": { description: "One option: a supplier's offer, or current practice (the comparator)." },
  "evaluate:option.id": { description: "Option identifier, unique in the document; also its id in the pathway, lifecycle, carbon and tender results." },
  "evaluate:option.supplier": { description: "Supplier name (current practice: the incumbent or \"Current practice\")." },
  "evaluate:option.label": { description: "Product or offer name." },
  "evaluate:option.isComparator": { description: "True for current practice: the reference for incremental analysis; shown in the tables but not scored in the tender. Exactly one option is the comparator." },
  "evaluate:option.lot": { description: "Lot the option is offered for (when the tender declares lots)." },
  "evaluate:option.price": { description: "Bid price per unit in the document currency (> 0); scored by the tender's price criterion." },
  "evaluate:option.unitsPerPatient": { description: "Units of the product used per patient: adds the lifecycle item \"bid price × units per patient\" for every patient (needs price)." },
  "evaluate:option.lifecycle": { description: "Further lifecycle costs of the option (lifecycle module cost items)." },
  "evaluate:option.lifecycle.items": { description: "Lifecycle cost items (staff time to apply, disposal, training, maintenance...), as in a lifecycle document." },
  "evaluate:option.carbon": { description: "The product's carbon activities by stage; patient volume is the document's patientsPerYear." },
  "evaluate:option.evidence": { description: "The supplier's sustainability evidence, checked by the sustainability gates." },
  "evaluate:option.socialValue": { description: "The supplier's social value offer." },
  "evaluate:option.socialValue.commitments": { description: "Social value commitments, scored against the document's socialValue framework." },
  "evaluate:option.values": { description: "Raw values for quantitative criteria that no computed metric feeds, by criterion id." },
  "evaluate:option.note": { description: "Free-text note." },
  "evaluate:threshold": { description: "Cost-effectiveness threshold per QALY. No default: required when a metric uses net monetary benefit." },
  "evaluate:threshold#2": { description: "An explicit threshold." },
  "evaluate:threshold.perQaly": { description: "Willingness to pay per QALY gained, in the document currency." },
  "evaluate:threshold.source": { description: "Where the figure comes from (recorded with the results)." },
  "evaluate:threshold#3": { description: "A lookup in the dated threshold data (thresholdFor)." },
  "evaluate:threshold.jurisdiction": { description: "ISO 3166 code of the jurisdiction, e.g. GB-ENG." },
  "evaluate:threshold.programme": { description: "Evaluation programme the tender falls under (e.g. healthtech for a device procurement, technology-appraisal for medicines): thresholds differ by programme, so it is required." },
  "evaluate:threshold.on": { description: "Decision date: the threshold in force on that day is used." },
  "evaluate:threshold.bound": { description: "Which end of the published range to use." },
  "evaluate:metricName": {
    description:
      "A computed metric: wholePathwayCostPerPatient, lifecycleCostPerPatient, pathwayCostPerPatient, lifecycleNetPresentCost, qalysPerPatient, lifeYearsPerPatient, netMonetaryBenefitPerPatient, incrementalNetMonetaryBenefitPerPatient, carbonKgPerPatient, carbonKgTotal, carbonCostPerPatient, socialValueScore, costCategoryPerPatient:<category> or eventsPerPatient:<event>.",
  },
  "evaluate:doc.$schema": { description: "Optional address of this JSON Schema, for editors." },
  "evaluate:doc.kind": {
    description:
      "What the run is. tender (default): any invalid option fails the whole run, listing every problem. catalogue: every valid option is evaluated and each invalid one is reported by id with the rule it breaks (result.excluded).",
  },
  "evaluate:doc.title": { description: "Title of the evaluation, e.g. the lot name." },
  "evaluate:doc.currency": { description: "ISO 4217 currency of every amount." },
  "evaluate:doc.priceBaseDate": { description: "Price base date and start of year 1 (YYYY-MM-DD); its calendar year starts the carbon horizon." },
  "evaluate:doc.horizonYears": { description: "Horizon in whole years (1–100): patient entry years, lifecycle horizon and carbon horizon." },
  "evaluate:doc.discounting": {
    description: "Discount schedules for costs (lifecycle and pathway) and health (QALYs, life years), and the timing convention. Unset keys: NICE 3.5%, start of period, annual.",
  },
  "evaluate:doc.patientsPerYear": { description: "Patients treated a year, constant over the horizon (> 0)." },
  "evaluate:doc.pathway": { description: "The shared patient pathway (pathway module model, without options, discounting, volumes and currency: those come from this document)." },
  "evaluate:doc.options": { description: "The options: exactly one comparator (current practice) and the offers (at most 100,000)." },
  "evaluate:doc.tender": { description: "The tender (scoring module), without options: criteria, evaluator scores, consensus, pass/fail records, gates and settings." },
  "evaluate:doc.criterionMetrics": { description: "Which computed metric feeds each quantitative criterion: { criterionId: metric }." },
  "evaluate:doc.criterionGates": { description: "Pass/fail criteria decided by sustainability gates: { criterionId: gateId }; the gate outcome and reason become the tender's pass/fail record." },
  "evaluate:doc.criterionGates#2": { description: "A gate id, or several (all must pass)." },
  "evaluate:doc.sustainabilityGates": { description: "Sustainability gates (default: the NHS gates: carbon reduction plan, Evergreen level 1, net zero commitment)." },
  "evaluate:doc.socialValue": { description: "The buyer's social value framework: themes and weighted metrics (options carry their commitments)." },
  "evaluate:doc.carbon": { description: "Emission factor year rule and caller factors for the product carbon footprint." },
  "evaluate:doc.carbonValuation": { description: "Monetise carbon with the DESNZ carbon values for appraisal." },
  "evaluate:doc.carbonValuation.treatment": { description: "externality: monetised carbon is added to whole-pathway cost (EU 2014/24 Art. 68); criterion: it is only the metric carbonCostPerPatient." },
  "evaluate:doc.carbonValuation.scenario": { description: "DESNZ carbon value scenario (default central)." },
  "evaluate:doc.carbonValuation.priceIndex": { description: "Deflator used to re-base the carbon values (2022 prices) to the evaluation's price year, the year of priceBaseDate (default: HM Treasury GDP deflators shipped with the library). It must cover both years." },
  "evaluate:document": { title: "vbp-score evaluation document", description: "One document for the whole job: pathway, lifecycle costs, carbon, social value, gates and the tender." },
}));

/** @internal Every description table the evaluation document schemas need. */
export const EVALUATE_DESCRIPTION_TABLES = /* @__PURE__ */ onFirstUse((): readonly DescriptionTable[] => [EVALUATE_DESCRIPTIONS(), EVALUATE_VALIDATE_DESCRIPTIONS(), PATHWAY_DESCRIPTIONS(), LIFECYCLE_DESCRIPTIONS(), SUSTAINABILITY_DESCRIPTIONS(), SCORING_DESCRIPTIONS(), SCORING_FUNCTIONS_DESCRIPTIONS(), REFERENCE_THRESHOLDS_DESCRIPTIONS(), UNCERTAINTY_DESCRIPTIONS(), ...SCHEMA_DESCRIPTION_TABLES()]);
