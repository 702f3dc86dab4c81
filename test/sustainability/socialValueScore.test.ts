import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { getSocialValueInputSchema } from "../../src/sustainability/schemas.js";
import { parseWith } from "../../src/schema/issues.js";
import { safeScoreSocialValue, type SocialValueInputDocument } from "../../src/sustainability/index.js";
import { compileSocialValueScore } from "../../src/sustainability/socialValueScore.js";

// The score a catalogue run computes for each supplier (the framework read once) is the public function's
// normalised score, digit for digit, whatever the commitments.
describe("social value score with the framework read once", () => {
  const metric = (id: string) =>
    fc.record({
      id: fc.constant(id),
      label: fc.constant(`Metric ${id}`),
      unit: fc.constant("u"),
      benchmark: fc.oneof(fc.integer({ min: 1, max: 200 }), fc.constantFrom("0.5", "33.333")),
      weight: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
      direction: fc.option(fc.constantFrom("higher-is-better" as const, "lower-is-better" as const), { nil: undefined }),
      evidenceRequired: fc.option(fc.boolean(), { nil: undefined }),
    });
  const framework = fc.tuple(fc.array(metric("m1"), { minLength: 1, maxLength: 1 }), fc.array(metric("m2"), { maxLength: 1 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 20 })).map(([a, b, w1, w2]) => [
    { themeId: "t1", weight: w1, metrics: [...a, ...b] },
    { themeId: "t2", weight: w2, metrics: a.map((m) => ({ ...m })) },
  ]);
  const commitment = fc.record({
    theme: fc.constantFrom("t1", "t2"),
    metric: fc.constantFrom("m1", "m2"),
    target: fc.oneof(fc.integer({ min: 0, max: 300 }), fc.constantFrom("0.5", "33.333", "1e2")),
    evidence: fc.option(fc.constantFrom([], [{ kind: "plan", reference: "section 6" }]), { nil: undefined }),
  });
  it("equals scoreSocialValue(...).normalised", () => {
    let checked = 0;
    fc.assert(
      fc.property(framework, fc.array(commitment, { maxLength: 8 }), (themes, made) => {
        const customThemes = [
          { id: "t1", label: "Theme 1" },
          { id: "t2", label: "Theme 2" },
        ];
        const commitments = made.map((c, i) => ({ id: `c${i}`, themeId: c.theme, metricId: c.metric, description: "a commitment", unit: "u", target: c.target, ...(c.evidence !== undefined ? { evidence: c.evidence } : {}) }));
        const doc = { customThemes, themes, commitments } as unknown as SocialValueInputDocument;
        const r = safeScoreSocialValue(doc);
        fc.pre(r.success);
        checked++;
        const parsed = parseWith(getSocialValueInputSchema(), doc);
        expect(compileSocialValueScore(parsed)(parsed.commitments)).toBe(r.success ? r.data.normalised : undefined);
      }),
    );
    // Most generated documents are valid (the property is not vacuous).
    expect(checked).toBeGreaterThan(50);
  });
});
