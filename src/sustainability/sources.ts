import type { Source } from "../reference/source.js";

/**
 * Where the bundled sustainability figures come from. Kept in one place so a reader can audit every citation,
 * and so each figure's `source` is the same frozen object wherever it is used.
 */

const CONVERSION_FACTORS_COLLECTION = "https://www.gov.uk/government/collections/government-conversion-factors-for-company-reporting";

/** DESNZ/BEIS "Greenhouse gas reporting: conversion factors 2022" (condensed set, version 2.0). */
export const DESNZ_GHG_FACTORS_2022: Source = Object.freeze({
  publisher: "Department for Business, Energy and Industrial Strategy (BEIS) with Defra",
  title: "Greenhouse gas reporting: conversion factors 2022 (condensed set, UK electricity and fuels tabs)",
  publishedOn: "2022-06-22",
  validFrom: "2022-01-01",
  url: CONVERSION_FACTORS_COLLECTION,
  note:
    "Use for activity in calendar year 2022. publishedOn is the version 2.0 date. Electricity generation 0.19338, T&D 0.01769 kgCO2e/kWh and natural gas 0.18254 kgCO2e/kWh (gross CV) as restated by the 2023 summaries (e.g. ITPEnergised, 'New UK grid emissions factors 2023'). One secondary summary (Inenco, June 2023) prints 0.19388, a transposition.",
});

/** DESNZ "Greenhouse gas reporting: conversion factors 2023". */
export const DESNZ_GHG_FACTORS_2023: Source = Object.freeze({
  publisher: "Department for Energy Security and Net Zero (DESNZ)",
  title: "Greenhouse gas reporting: conversion factors 2023 (condensed set, UK electricity and fuels tabs)",
  publishedOn: "2023-06-07",
  validFrom: "2023-01-01",
  url: CONVERSION_FACTORS_COLLECTION,
  note: "Use for activity in calendar year 2023. Electricity generation 0.20707 (0.207074 unrounded), T&D 0.01792 kgCO2e/kWh; natural gas 0.18293 kgCO2e/kWh (gross CV). The electricity factor reflects the 2021 grid mix (a standard two-year lag).",
});

/** DESNZ "Greenhouse gas reporting: conversion factors 2024". */
export const DESNZ_GHG_FACTORS_2024: Source = Object.freeze({
  publisher: "Department for Energy Security and Net Zero (DESNZ)",
  title: "Greenhouse gas reporting: conversion factors 2024 (condensed set, UK electricity and water supply tabs)",
  publishedOn: "2024-07-08",
  validFrom: "2024-01-01",
  url: CONVERSION_FACTORS_COLLECTION,
  note: "Use for activity in calendar year 2024. Electricity generation 0.20705 kgCO2e/kWh; water supply 0.15311 kgCO2e/m³. Publication was delayed from the usual June date by the 2024 general election; the publishedOn day (8 July 2024) is not verified against the gov.uk page.",
});

/** DESNZ "Greenhouse gas reporting: conversion factors 2025". */
export const DESNZ_GHG_FACTORS_2025: Source = Object.freeze({
  publisher: "Department for Energy Security and Net Zero (DESNZ)",
  title: "Greenhouse gas reporting: conversion factors 2025 (condensed set, UK electricity and water supply tabs)",
  publishedOn: "2025-06-10",
  validFrom: "2025-01-01",
  url: CONVERSION_FACTORS_COLLECTION,
  note: "Use for activity in calendar year 2025. Electricity generation 0.177 kgCO2e/kWh (about 15% below 2024); water supply 0.17088 kgCO2e/m³.",
});

/** DESNZ carbon values for policy appraisal (November 2023 data tables, Table 3). */
export const DESNZ_CARBON_VALUES_2023: Source = Object.freeze({
  publisher: "Department for Energy Security and Net Zero (DESNZ)",
  title: "Valuation of energy use and greenhouse gas emissions for appraisal: data tables 1–19, Table 3 (carbon values, £/tCO2e, 2022 prices)",
  publishedOn: "2023-11-01",
  url: "https://www.gov.uk/government/publications/valuation-of-energy-use-and-greenhouse-gas-emissions-for-appraisal",
  note:
    "Single consolidated series (replaced the traded/non-traded split). Central values as published, rounded to the penny. Low and high are 50% and 150% of central (the published low/high columns are the same ratios rounded to the penny, so they can differ from 0.5×/1.5× of the rounded central by up to £0.005). Supplementary guidance to the HM Treasury Green Book. Published November 2023 (the day in publishedOn is not verified).",
});

/** Cabinet Office PPN 06/20 (social value model with five themes). */
export const PPN_06_20: Source = Object.freeze({
  publisher: "Cabinet Office",
  title: "Procurement Policy Note 06/20: Taking account of social value in the award of central government contracts (social value model)",
  publishedOn: "2020-09-24",
  validFrom: "2021-01-01",
  url: "https://www.gov.uk/government/publications/procurement-policy-note-0620-taking-account-of-social-value-in-the-award-of-central-government-contracts",
  note: "Adopted by the NHS in April 2022 with a minimum 10% net zero and social value weighting and 'Fighting climate change' included in every tender. Replaced by PPN 002 for central government from October 2025. Issued September 2020 (the day in publishedOn is not verified).",
});

/** Cabinet Office PPN 002 (social value model aligned with the Government's five missions). */
export const PPN_002: Source = Object.freeze({
  publisher: "Cabinet Office",
  title: "PPN 002: Taking account of social value in the award of central government contracts (social value model)",
  publishedOn: "2025-02-13",
  validFrom: "2025-10-01",
  url: "https://www.gov.uk/government/publications/ppn-002-taking-account-of-social-value-in-the-award-of-contracts",
  note: "Minimum 10% social value weighting; outcomes, model award criteria and standard reporting metrics under the five missions. Applies to central government procurements under the Procurement Act 2023; other authorities may apply it.",
});

/** NHS England Net Zero Supplier Roadmap. */
export const NHS_NET_ZERO_SUPPLIER_ROADMAP: Source = Object.freeze({
  publisher: "NHS England",
  title: "Greener NHS: Net Zero Supplier Roadmap",
  publishedOn: "2021-10-01",
  url: "https://www.england.nhs.uk/greenernhs/get-involved/suppliers/",
  note:
    "April 2022: minimum 10% net zero and social value weighting in all procurements. April 2023: carbon reduction plan (PPN 06/21 form) for contracts above £5m a year. April 2024: carbon reduction plan required for all procurements. April 2027: global CRP and targets aligned to NHS net zero. April 2028: product-level carbon footprints. 2030: only suppliers that can show progress. First published in 2021 (the day in publishedOn is not verified).",
});

/** NHS England Evergreen Sustainable Supplier Assessment. */
export const NHS_EVERGREEN: Source = Object.freeze({
  publisher: "NHS England",
  title: "Evergreen Sustainable Supplier Assessment",
  publishedOn: "2023-06-30",
  url: "https://www.england.nhs.uk/greenernhs/get-involved/suppliers/evergreen-sustainable-supplier-assessment/",
  note: "Self-assessment on the Atamis platform giving a maturity level from 1 to 4, valid for 12 months; live from June 2023 (publishedOn is the date NHS procurement hubs announced it). NHS England states the score was not designed as a procurement award criterion; using it as a gate is the buyer's policy choice.",
});
