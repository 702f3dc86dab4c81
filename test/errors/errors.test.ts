import { describe, expect, it } from "vitest";
import { formatIssue, formatPath, VbpInputError } from "../../src/index.js";

describe("errors", () => {
  it("format paths the way JavaScript writes them", () => {
    expect(formatPath(["options", 2, "lifecycle", "consumables", 0, "unitCost"])).toBe("options[2].lifecycle.consumables[0].unitCost");
    expect(formatPath([])).toBe("(root)");
    expect(formatPath(["values", "2023/24"])).toBe('values["2023/24"]');
  });

  it("lists every issue in the message", () => {
    const e = new VbpInputError([
      { code: "too_small", path: ["horizonYears"], message: "must be ≥ 1, got 0" },
      { code: "unknown_reference", path: ["comparatorId"], message: 'no option has id "x"' },
    ]);
    expect(e.message).toBe('Invalid input (2 problems):\n  - horizonYears: must be ≥ 1, got 0\n  - comparatorId: no option has id "x"');
    expect(e.issues.map(formatIssue)).toEqual(["horizonYears: must be ≥ 1, got 0", 'comparatorId: no option has id "x"']);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe("VbpInputError");
  });
});
