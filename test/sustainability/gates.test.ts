import { describe, expect, it } from "vitest";
import { formatIssue, VbpInputError } from "../../src/errors/index.js";
import { evaluateSustainabilityGates, NHS_SUSTAINABILITY_GATES, type SustainabilityGate } from "../../src/sustainability/index.js";

function problems(f: () => unknown): string[] {
  try {
    f();
    return [];
  } catch (e) {
    if (e instanceof VbpInputError) return e.issues.map(formatIssue);
    throw e;
  }
}

describe("evaluateSustainabilityGates", () => {
  it("NHS gates: CRP published, Evergreen ≥ 1, net zero commitment published", () => {
    const pass = evaluateSustainabilityGates(
      {
        supplierId: "acme",
        documents: { "carbon-reduction-plan": { published: true, url: "https://acme.example/crp" }, "net-zero-commitment": { published: true, targetYear: 2045 } },
        assessments: { evergreen: 2 },
      },
      NHS_SUSTAINABILITY_GATES,
    );
    expect(pass.passAll).toBe(true);
    expect(pass.gates.map((g) => g.reason)).toEqual([
      "carbon-reduction-plan published at https://acme.example/crp",
      "evergreen level 2 meets the minimum 1",
      "net-zero-commitment published (target 2045)",
    ]);
    expect(pass.gates[0]!.source?.publisher).toBe("NHS England");

    const fail = evaluateSustainabilityGates({ supplierId: "beta", documents: { "carbon-reduction-plan": { published: false } }, assessments: { evergreen: 0 } }, NHS_SUSTAINABILITY_GATES);
    expect(fail.passAll).toBe(false);
    expect(fail.gates.map((g) => [g.gateId, g.pass, g.reason])).toEqual([
      ["carbon-reduction-plan", false, "carbon-reduction-plan provided but not published"],
      ["evergreen-level-1", false, "evergreen level 0 is below the minimum 1"],
      ["net-zero-commitment", false, "no net-zero-commitment provided"],
    ]);
    expect(evaluateSustainabilityGates({ supplierId: "gamma" }, NHS_SUSTAINABILITY_GATES).gates[1]!.reason).toBe("no evergreen assessment level given (minimum 1)");
  });

  it("gates are data: a target-year limit, a URL requirement and a caller function rule", () => {
    const gates: SustainabilityGate[] = [
      { id: "nz-2045", label: "Net zero by 2045", rule: { kind: "document-published", document: "net-zero-commitment", latestTargetYear: 2045, requireUrl: true } },
      { id: "iso", label: "ISO 14001", rule: { kind: "custom", evaluate: (ev) => ({ pass: (ev.assessments?.["iso14001"] ?? 0) >= 1, reason: "ISO 14001 certificate held" }) } },
    ];
    const r = evaluateSustainabilityGates({ supplierId: "a", documents: { "net-zero-commitment": { published: true, url: "https://a.example/nz", targetYear: 2050 } }, assessments: { iso14001: 1 } }, gates);
    expect(r.gates.map((g) => [g.pass, g.reason])).toEqual([
      [false, "net-zero-commitment target year 2050 is later than 2045"],
      [true, "ISO 14001 certificate held"],
    ]);
  });

  it("malformed evidence or gates are input errors with paths", () => {
    expect(problems(() => evaluateSustainabilityGates({ supplierId: "a", assessments: { evergreen: -1 } }, NHS_SUSTAINABILITY_GATES))).toEqual(["evidence.assessments.evergreen: must be ≥ 0, got -1"]);
    expect(
      problems(() =>
        evaluateSustainabilityGates({ supplierId: "a" }, [
          { id: "x", label: "x", rule: { kind: "minimum-level", assessment: "evergreen", minimum: 1 } },
          { id: "x", label: "x", rule: { kind: "document-published" } as never },
        ]),
      ),
    ).toEqual(["gates[1].rule.document: is required (string)", 'gates[1].id: duplicate gate id "x"']);
  });
});
