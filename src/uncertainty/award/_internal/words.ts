/** A share as a percentage in words a reader takes in at a glance: "71.3%", "under 0.1%", "over 99.9%". */
export function pctText(p: number): string {
  if (p === 0) return "0%";
  if (p === 1) return "100%";
  if (p < 0.001) return "under 0.1%";
  if (p > 0.999) return "over 99.9%";
  return `${(Math.round(p * 1000) / 10).toFixed(1)}%`;
}

/** A probability in everyday words (after the IPCC likelihood scale, Mastrandrea et al. 2010, Table 1). */
export function probabilityWords(p: number): string {
  if (p >= 0.99) return "virtually certain";
  if (p >= 0.9) return "very likely";
  if (p >= 0.66) return "likely";
  if (p >= 0.33) return "about as likely as not";
  if (p >= 0.1) return "unlikely";
  if (p >= 0.01) return "very unlikely";
  return "exceptionally unlikely";
}
