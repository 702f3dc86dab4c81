import type { Source } from "../reference/source.js";
import { PPN_002, PPN_06_20 } from "./sources.js";

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
export const SOCIAL_VALUE_THEME_SETS: Readonly<Record<SocialValueThemeSetId, SocialValueThemeSet>> = Object.freeze({
  "ppn-06-20": Object.freeze({
    id: "ppn-06-20",
    label: "PPN 06/20 social value model themes",
    source: PPN_06_20,
    themes: Object.freeze([
      Object.freeze({ id: "covid-19-recovery", label: "COVID-19 recovery", description: "Help local communities to manage and recover from the impact of COVID-19." }),
      Object.freeze({
        id: "tackling-economic-inequality",
        label: "Tackling economic inequality",
        description: "Create new businesses, new jobs and new skills; increase supply chain resilience and capacity.",
      }),
      Object.freeze({ id: "fighting-climate-change", label: "Fighting climate change", description: "Effective stewardship of the environment (required in every NHS tender)." }),
      Object.freeze({ id: "equal-opportunity", label: "Equal opportunity", description: "Reduce the disability employment gap; tackle workforce inequality." }),
      Object.freeze({ id: "wellbeing", label: "Wellbeing", description: "Improve health and wellbeing; improve community cohesion." }),
    ]),
  }),
  "ppn-002": Object.freeze({
    id: "ppn-002",
    label: "PPN 002 social value model missions",
    source: PPN_002,
    themes: Object.freeze([
      Object.freeze({ id: "kickstart-economic-growth", label: "Kickstart economic growth", description: "Jobs, skills, SME and VCSE supply chain opportunity, resilient supply chains." }),
      Object.freeze({ id: "clean-energy-superpower", label: "Make Britain a clean energy superpower", description: "Net zero, environmental protection and clean energy." }),
      Object.freeze({ id: "take-back-our-streets", label: "Take back our streets", description: "Safer communities." }),
      Object.freeze({ id: "break-down-barriers-to-opportunity", label: "Break down barriers to opportunity", description: "Employment and skills for those furthest from the labour market; workforce equality." }),
      Object.freeze({ id: "build-an-nhs-fit-for-the-future", label: "Build an NHS fit for the future", description: "Health and wellbeing of the workforce and communities." }),
    ]),
  }),
} as const satisfies Record<string, SocialValueThemeSet>);
