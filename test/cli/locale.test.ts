import { describe, expect, it } from "vitest";
import { callerLocale } from "../../src/cli/locale.js";
import { evaluate, formatEvaluationTable } from "../../src/index.js";
import { tenderDoc } from "../evaluate/helpers.js";

describe("money in CLI tables follows the caller's locale", () => {
  it("reads LC_ALL, LC_MONETARY, then LANG; C and POSIX keep the fixed form", () => {
    expect(callerLocale({ LANG: "de_DE.UTF-8" })).toBe("de-DE");
    expect(callerLocale({ LC_ALL: "fr_CH.UTF-8@euro", LANG: "en_GB.UTF-8" })).toBe("fr-CH");
    expect(callerLocale({ LC_MONETARY: "en_IN", LANG: "C" })).toBe("en-IN");
    expect(callerLocale({ LANG: "C.UTF-8" })).toBeUndefined();
    expect(callerLocale({ LANG: "POSIX" })).toBeUndefined();
    expect(callerLocale({})).toBeUndefined();
    expect(callerLocale({ LANG: "!!" })).toBeUndefined();
  });

  it("formats the ranked table's money in that locale, exactly (en-GB equals the fixed form)", () => {
    const result = evaluate(tenderDoc());
    expect(formatEvaluationTable(result, { locale: "en-GB" })).toBe(formatEvaluationTable(result));
    const de = formatEvaluationTable(result, { locale: "de-DE" });
    const cost = result.ranking[0]!.wholePathwayCostPerPatient;
    const [whole, frac = ""] = Number(cost).toFixed(2).split(".");
    expect(de).toContain(`${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ".")},${frac}\u00a0£`);
  });
});
