import { bench, describe } from "vitest";
import { scoreTender } from "../src/scoring/index.js";
import { scoringLot } from "./catalogue-fixtures.mjs";

const lot200 = scoringLot(200, 30, 10, { rankReversal: false, overtaking: false });
const lot200full = scoringLot(200, 30, 10, {});
const catalogue = scoringLot(10_000, 2, 2, { rankReversal: false, overtaking: false });

describe("scoreTender", () => {
  bench("lot: 200 options × 40 criteria (scores, gates, ranking)", () => {
    scoreTender(lot200);
  }, { iterations: 3, warmupIterations: 1 });
  bench("lot: 200 options × 40 criteria + rank reversal + overtaking", () => {
    scoreTender(lot200full);
  }, { iterations: 2, warmupIterations: 0 });
  bench("catalogue: 10,000 options × 4 criteria + price", () => {
    scoreTender(catalogue);
  }, { iterations: 2, warmupIterations: 0 });
});
