import { describe, expect, it } from "vitest";
import { csvField, renderCsv, renderMarkdown, renderTable } from "../../src/cli/format.js";

describe("CLI renderers", () => {
  it("aligned text table: columns padded to the widest cell, numbers right-aligned", () => {
    expect(renderTable({ headers: ["Option", "Cost"], rows: [["A", "£1.00"], ["Longer", "£100.00"]], align: ["left", "right"] })).toBe(
      "Option     Cost\n------  -------\nA         £1.00\nLonger  £100.00\n",
    );
  });
  it("CSV per RFC 4180: quotes fields with commas, quotes or line breaks, doubles inner quotes, CRLF records", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('say "hi", then go')).toBe('"say ""hi"", then go"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField(" padded")).toBe('" padded"');
    expect(renderCsv({ headers: ["a", "b"], rows: [["1", "x,y"]] })).toBe('a,b\r\n1,"x,y"\r\n');
  });
  it("Markdown escapes pipes and line breaks, and right-aligns numeric columns", () => {
    expect(renderMarkdown({ headers: ["a", "n"], rows: [["x|y\nz", "1"]], align: ["left", "right"] })).toBe("| a | n |\n| --- | ---: |\n| x\\|y<br>z | 1 |\n");
  });
});
