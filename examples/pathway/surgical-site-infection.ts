/**
 * Worked example (a): a device that changes an acute episode of care.
 *
 * ILLUSTRATIVE FIGURES ONLY — round numbers chosen to make the hand calculation easy to follow; they are not
 * NHS reference costs or trial results. Replace each with a sourced figure (the `source` field) before use.
 *
 * Pathway (one surgical episode): surgery (theatre, 3 bed-days, a standard dressing) → surgical site
 * infection (SSI) with probability 5% → 7 extra bed-days and antibiotics, a QALY loss of 0.02 → 30% of those
 * readmitted (5 more bed-days). Options:
 * - `standard` (comparator): standard dressing.
 * - `npwt`: a negative-pressure wound therapy dressing replaces the standard dressing (£120), relative risk of
 *   SSI 0.6, half a bed-day shorter stay.
 * - `silver`: an antimicrobial dressing used alongside the standard one; relative risk of SSI 0.8; its
 *   lifecycle cost per patient (£60, computed elsewhere) is supplied as a decimal.
 * Volumes: 1,000, 1,100 and 1,200 patients in years 1–3.
 */
import { addTo, defineModel, defineNode, defineOption, defineParameters, defineTree, item, multiplyBy, param, replaceItem, type PathwayModel } from "../../src/index.js";

/** Builds the illustrative surgical-site-infection model. */
export function surgicalSiteInfectionModel(): PathwayModel {
  const parameters = defineParameters({
    p_ssi: { value: "0.05", label: "Risk of surgical site infection (illustrative)" },
    p_readmit: { value: "0.3", label: "Readmission given SSI (illustrative)" },
    c_bed_day: { value: 345, unit: "GBP", label: "Cost of a bed-day (illustrative)" },
    los: { value: 3, unit: "days", label: "Length of stay after surgery (illustrative)" },
    los_ssi: { value: 7, unit: "days", label: "Extra length of stay with SSI (illustrative)" },
    qaly_loss_ssi: { value: "-0.02", label: "QALY loss from an SSI (illustrative)" },
    kg_bed_day: { value: 30, unit: "kgCO2e", label: "Carbon per bed-day (illustrative)" },
  });

  const tree = defineTree("surgery", [
    defineNode("surgery", {
      label: "Surgery and post-operative stay",
      items: [
        item("theatre", "theatre", 1, 1200, { label: "Theatre session" }),
        item("bed-day", "bed-days", param("los"), param("c_bed_day"), { carbonKgPerUnit: param("kg_bed_day") }),
        item("dressing", "consumables", 1, 5, { label: "Standard dressing", carbonKgPerUnit: "0.2" }),
      ],
      branches: [
        { to: "ssi", probability: param("p_ssi") },
        { to: "healed", probability: "rest" },
      ],
    }),
    defineNode("ssi", {
      label: "Surgical site infection",
      items: [item("bed-day", "bed-days", param("los_ssi"), param("c_bed_day"), { carbonKgPerUnit: param("kg_bed_day") }), item("antibiotics", "drugs", 1, 150)],
      qalys: param("qaly_loss_ssi"),
      events: [{ name: "ssi", count: 1 }],
      branches: [
        { to: "readmission", probability: param("p_readmit") },
        { to: "resolved", probability: "rest" },
      ],
    }),
    defineNode("readmission", {
      label: "Readmission",
      items: [item("bed-day", "bed-days", 5, param("c_bed_day"), { carbonKgPerUnit: param("kg_bed_day") })],
      events: [{ name: "readmission", count: 1 }],
    }),
    defineNode("resolved", { label: "SSI resolved" }),
    defineNode("healed", { label: "Healed without infection" }),
  ]);

  return defineModel({
    id: "ssi-dressings",
    label: "Wound dressings after surgery: surgical site infection pathway (illustrative)",
    currency: "GBP",
    parameters,
    tree,
    options: [
      defineOption("standard", { label: "Standard dressing (current practice)", isComparator: true }),
      defineOption("npwt", {
        label: "Negative-pressure wound therapy dressing",
        effects: [
          replaceItem({ node: "surgery", item: "dressing" }, item("npwt", "consumables", 1, 120, { label: "NPWT dressing", carbonKgPerUnit: "1.5" })),
          multiplyBy({ node: "surgery", branch: "ssi" }, "0.6", { note: "relative risk of SSI (illustrative)" }),
          addTo({ node: "surgery", item: "bed-day", field: "quantity" }, "-0.5", { note: "half a day shorter stay (illustrative)" }),
        ],
      }),
      defineOption("silver", {
        label: "Antimicrobial silver dressing",
        effects: [multiplyBy({ node: "surgery", branch: "ssi" }, "0.8")],
        extraCosts: [{ id: "silver-dressing", label: "Lifecycle cost per patient (from the lifecycle model)", category: "consumables", amount: "60.00" }],
      }),
    ],
    volumes: { patientsPerYear: [1000, 1100, 1200] },
  });
}
