import type { Source } from "../reference/source.js";
import { PPN_002, PPN_06_20 } from "./sources.js";
import { BUILT_IN_THEMES } from "./builtInThemes.js";

/**
 * One social value theme (PPN 06/20) or mission (PPN 002).
 *
 * @example
 * ```ts
 * const t: SocialValueTheme = { id: "fighting-climate-change", label: "Fighting climate change", description: "Effective stewardship of the environment." };
 * ```
 */
export interface SocialValueTheme {
  /** Theme id used by criteria and commitments. */
  readonly id: string;
  /** Name as published. */
  readonly label: string;
  /** The policy outcomes the theme covers, in brief. */
  readonly description: string;
}

/**
 * A published set of social value themes, with its source.
 *
 * @example
 * ```ts
 * SOCIAL_VALUE_THEME_SETS["ppn-06-20"].themes.length; //=> 5
 * ```
 */
export interface SocialValueThemeSet {
  /** Set id. */
  readonly id: string;
  /** Human name. */
  readonly label: string;
  /** Themes in published order. */
  readonly themes: readonly SocialValueTheme[];
  /** Where the themes come from. */
  readonly source: Source;
}

/**
 * Ids of the bundled social value theme sets.
 *
 * @example
 * ```ts
 * const id: SocialValueThemeSetId = "ppn-002";
 * ```
 */
export type SocialValueThemeSetId = "ppn-06-20" | "ppn-002";

/**
 * Social value theme sets the library ships.
 *
 * - `ppn-06-20`: the five themes of the PPN 06/20 social value model (COVID-19 recovery; tackling economic
 *   inequality; fighting climate change; equal opportunity; wellbeing). The NHS adopted this model from April
 *   2022 with a minimum 10% net zero and social value weighting and "Fighting climate change" in every tender.
 * - `ppn-002`: the PPN 002 (February 2025; central government from 1 October 2025) model, organised under the
 *   Government's five missions.
 *
 * @example
 * ```ts
 * SOCIAL_VALUE_THEME_SETS["ppn-002"].themes.map((t) => t.id)[4]; //=> "build-an-nhs-fit-for-the-future"
 * ```
 */
export const SOCIAL_VALUE_THEME_SETS: Readonly<Record<SocialValueThemeSetId, SocialValueThemeSet>> = /* @__PURE__ */ Object.freeze({
  "ppn-06-20": themeSet("ppn-06-20", "PPN 06/20 social value model themes", PPN_06_20, {
    "covid-19-recovery": "Help local communities to manage and recover from the impact of COVID-19.",
    "tackling-economic-inequality": "Create new businesses, new jobs and new skills; increase supply chain resilience and capacity.",
    "fighting-climate-change": "Effective stewardship of the environment (required in every NHS tender).",
    "equal-opportunity": "Reduce the disability employment gap; tackle workforce inequality.",
    "wellbeing": "Improve health and wellbeing; improve community cohesion.",
  }),
  "ppn-002": themeSet("ppn-002", "PPN 002 social value model missions", PPN_002, {
    "kickstart-economic-growth": "Jobs, skills, SME and VCSE supply chain opportunity, resilient supply chains.",
    "clean-energy-superpower": "Net zero, environmental protection and clean energy.",
    "take-back-our-streets": "Safer communities.",
    "break-down-barriers-to-opportunity": "Employment and skills for those furthest from the labour market; workforce equality.",
    "build-an-nhs-fit-for-the-future": "Health and wellbeing of the workforce and communities.",
  }),
});

/** A bundled set: the themes scoring reads ({@link BUILT_IN_THEMES}) with each one's description, and the source. */
/* @__NO_SIDE_EFFECTS__ */
function themeSet(id: SocialValueThemeSetId, label: string, source: Source, descriptions: Readonly<Record<string, string>>): SocialValueThemeSet {
  const themes = BUILT_IN_THEMES[id].map((t) => Object.freeze({ id: t.id, label: t.label, description: descriptions[t.id] as string }));
  return Object.freeze({ id, label, source, themes: Object.freeze(themes) });
}
