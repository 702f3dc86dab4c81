import { readFileSync } from "node:fs";
import { bench, describe } from "vitest";
import { evaluate } from "../src/evaluate/index.js";
import { evaluationCatalogue } from "./catalogue-fixtures.mjs";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = any;

const tender: Doc = JSON.parse(readFileSync("examples/tender/tender.json", "utf8"));

// 10,000 options: current practice + 9,999 products (the document limit is 10,000 options).
const big = evaluationCatalogue(9_999);

describe("evaluate: the whole job", () => {
  bench("worked tender (5 options, 3 evaluators, summaries)", () => {
    evaluate(tender);
  });
  bench(
    "catalogue of 10,000 options (no summaries, rank reversal and overtaking off)",
    () => {
      evaluate(big, { summaries: false });
    },
    { iterations: 2, warmupIterations: 0, time: 0 },
  );
});
