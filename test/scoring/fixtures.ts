/**
 * A small tender used across the scoring tests, hand-computed.
 *
 * Criteria (global weights): quality 60 = q1 36 (60% of 60) + q2 24 (40% of 60); social value 10; price 30.
 * Scales: q1, q2 on "0-5" (top 5); social value on "nhs-vbp-5" (top 4). Price: relative to lowest, 30 × Pmin / P.
 *
 * | option | price  | q1 | q2 | sv | q1 pts        | q2 pts        | sv pts      | price pts            | total |
 * |--------|--------|----|----|----|---------------|---------------|-------------|----------------------|-------|
 * | A      | 10000  | 4  | 5  | 3  | 36×4/5 = 28.8 | 24×5/5 = 24   | 10×3/4=7.5  | 30×8000/10000 = 24   | 84.3  |
 * | B      |  8000  | 3  | 3  | 2  | 21.6          | 14.4          | 5           | 30                   | 71    |
 * | C      | 12500  | 5  | 4  | 4  | 36            | 19.2          | 10          | 30×8000/12500 = 19.2 | 84.4  |
 */
export function handTender(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const levels: Record<string, [string, string, string]> = { A: ["4", "5", "3"], B: ["3", "3", "2"], C: ["5", "4", "4"] };
  const crit = ["q1", "q2", "sv"];
  const evaluatorScores = Object.entries(levels).flatMap(([o, ls]) =>
    ls.flatMap((level, i) => [
      { criterionId: crit[i], optionId: o, evaluatorId: "E1", level, reason: `E1 on ${crit[i]} for ${o}` },
      { criterionId: crit[i], optionId: o, evaluatorId: "E2", level, reason: `E2 on ${crit[i]} for ${o}` },
    ]),
  );
  const consensus = Object.entries(levels).flatMap(([o, ls]) => ls.map((level, i) => ({ criterionId: crit[i], optionId: o, level, reason: `Panel agreed ${level} on ${crit[i]} for ${o}` })));
  return {
    criteria: [
      {
        id: "quality",
        label: "Quality",
        kind: "group",
        weight: "60",
        children: [
          { id: "q1", label: "1.1 Clinical outcomes", kind: "qualitative", weight: "60", scale: "0-5", tag: "patient-and-staff" },
          { id: "q2", label: "1.2 Training and support", kind: "qualitative", weight: "40", scale: "0-5", tag: "efficiency" },
        ],
      },
      { id: "sv", label: "Social value", kind: "qualitative", weight: "10", scale: "nhs-vbp-5", tag: "social-value" },
      { id: "price", label: "Price", kind: "price", weight: "30", tag: "whole-life-cost", formula: { formula: "relative-to-lowest" } },
    ],
    options: [
      { id: "A", supplier: "Acme Medical", label: "Infusion pump A", price: "10000" },
      { id: "B", supplier: "Beta Health", label: "Infusion pump B", price: "8000" },
      { id: "C", supplier: "Cardio Ltd", label: "Infusion pump C", price: "12500" },
    ],
    evaluatorScores,
    consensus,
    ...extra,
  };
}
