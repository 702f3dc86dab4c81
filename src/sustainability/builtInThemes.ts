import type { SocialValueThemeSetId } from "./socialValueThemes.js";

/**
 * @internal The bundled social value theme sets as scoring reads them: each theme's id and label, in published
 * order. Their descriptions and sources, which scoring never reads, come with {@link SOCIAL_VALUE_THEME_SETS}
 * (socialValueThemes.ts), so a bundle that only scores leaves those texts out.
 */
export const BUILT_IN_THEMES: Readonly<Record<SocialValueThemeSetId, readonly { readonly id: string; readonly label: string }[]>> = Object.freeze({
  "ppn-06-20": Object.freeze([
    Object.freeze({ id: "covid-19-recovery", label: "COVID-19 recovery" }),
    Object.freeze({ id: "tackling-economic-inequality", label: "Tackling economic inequality" }),
    Object.freeze({ id: "fighting-climate-change", label: "Fighting climate change" }),
    Object.freeze({ id: "equal-opportunity", label: "Equal opportunity" }),
    Object.freeze({ id: "wellbeing", label: "Wellbeing" }),
  ]),
  "ppn-002": Object.freeze([
    Object.freeze({ id: "kickstart-economic-growth", label: "Kickstart economic growth" }),
    Object.freeze({ id: "clean-energy-superpower", label: "Make Britain a clean energy superpower" }),
    Object.freeze({ id: "take-back-our-streets", label: "Take back our streets" }),
    Object.freeze({ id: "break-down-barriers-to-opportunity", label: "Break down barriers to opportunity" }),
    Object.freeze({ id: "build-an-nhs-fit-for-the-future", label: "Build an NHS fit for the future" }),
  ]),
});
