/**
 * The engine's speed as ratios against a hand-written Float64Array loop of the same cohort model, measured
 * in interleaved rounds in one process (each round times the hand loop, then each measure, so all see the
 * same machine load), after WARMUP discarded warm-up rounds (default 2; WARMUP=0 counts them); the minimum and the
 * median of the per-round ratios are reported. Times are this
 * process's CPU time (process.cpuUsage), which other processes on a shared machine disturb less than wall time. Sick-Sicker: 4 states,
 * 75 cycles, 4 strategies, 16 parameters (examples/pathway/sick-sicker.ts).
 *
 * Run (a script, not a test; bundles the TypeScript sources first):
 *   npx esbuild bench/engineRatios.ts --bundle --platform=node --format=esm --outfile=node_modules/.cache/bench/engineRatios.mjs && node node_modules/.cache/bench/engineRatios.mjs
 *
 * Targets (issue: one compiled model, two engines): compiled.evaluate re-evaluation ≤ 20× the hand loop;
 * runModel on the JSON document with ledger off (parse + compile + run per call) ≤ 300×; a 10,000-cycle
 * horizon < 1 s. The cost with the ledger on is stated, not targeted.
 */
import { compileModel, runModel } from "../src/index.js";
import { SICK_SICKER_INPUTS, sickSickerHandLoop, sickSickerModel } from "../examples/pathway/sick-sicker.js";

const ROUNDS = Number(process.env.ROUNDS ?? 7);
// Rounds run first and discarded, so the figures are the engine's steady state (as a notebook or a server that
// calls it repeatedly sees), not V8 compiling its code: the process's CPU time counts the optimising compiler's
// and the garbage collector's background threads, which the hand loop, small and hot at once, barely needs.
const WARMUP = Number(process.env.WARMUP ?? 2);
const json = JSON.stringify(sickSickerModel());
const compiled = compileModel(JSON.parse(json));
const out = new Float64Array(8);
const scratch = new Float64Array(16);
let sink = 0;

/** Milliseconds of this process's CPU time (user + system): on a shared machine, less disturbed than wall time by other processes. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Mean CPU milliseconds per call over enough calls to use about `budget` ms of CPU (after a warm-up). */
function perCall(f: () => void, budget = 100): number {
  f();
  let reps = 1;
  for (;;) {
    const t = cpuMs();
    for (let i = 0; i < reps; i++) f();
    const ms = cpuMs() - t;
    if (ms >= budget || reps >= 1 << 24) return ms / reps;
    reps *= ms < budget / 8 ? 8 : 2;
  }
}

const long = sickSickerModel();
// The same 75 years in 10,000 cycles of 0.0075 years (rates converted over the cycle length).
const longModel = {
  ...long,
  parameters: long.parameters!.map((p) => (typeof p.value === "object" && "expr" in p.value ? { ...p, value: { expr: p.value.expr.replace(", 1)", ", 0.0075)") } } : p)),
  markov: [{ ...long.markov![0]!, cycleLengthYears: "0.0075", horizonYears: 75 }],
};
const compiledLong = compileModel(longModel);

const measures: [string, () => void, number?][] = [
  ["compiled.evaluate({}, { ledger: false }) (traces on)", () => void (sink += compiled.evaluate({}, { ledger: false }).options.length)],
  ["compiled.evaluate({}, { ledger: false, traces: false })", () => void (sink += compiled.evaluate({}, { ledger: false, traces: false }).options.length)],
  ["runModel(JSON.parse(document), { ledger: false })", () => void (sink += runModel(JSON.parse(json), { ledger: false }).options.length)],
  ["runModel(JSON.parse(document)) with the ledger", () => void (sink += runModel(JSON.parse(json)).options.length)],
];
const ratios = measures.map(() => [] as number[]);
const hands: number[] = [];
for (let r = -WARMUP; r < ROUNDS; r++) {
  const hand = perCall(() => {
    sickSickerHandLoop(SICK_SICKER_INPUTS, out, scratch);
    sink += out[0]!;
  });
  const round = measures.map(([, f]) => perCall(f) / hand);
  if (r < 0) continue;
  hands.push(hand);
  round.forEach((x, i) => ratios[i]!.push(x));
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`Sick-Sicker 4 states × 75 cycles × 4 strategies; ${ROUNDS} interleaved rounds after ${WARMUP} discarded warm-up rounds; hand loop ${(Math.min(...hands) * 1000).toFixed(1)} µs of CPU a call (min)`);
measures.forEach(([name], i) => console.log(`  ${name}: min ${Math.min(...ratios[i]!).toFixed(1)}×, median ${median(ratios[i]!).toFixed(1)}× the hand loop`));

const longTimes: number[] = [];
const longCompiled: number[] = [];
for (let r = 0; r < 3; r++) {
  let t = cpuMs();
  sink += runModel(longModel, { ledger: false }).options.length;
  longTimes.push(cpuMs() - t);
  t = cpuMs();
  sink += compiledLong.evaluate({}, { ledger: false, traces: false }).options.length;
  longCompiled.push(cpuMs() - t);
}
console.log(`10,000 cycles × 4 options: runModel (ledger off, traces on) min ${Math.min(...longTimes).toFixed(0)} ms, median ${median(longTimes).toFixed(0)} ms; compiled.evaluate (ledger and traces off) min ${Math.min(...longCompiled).toFixed(0)} ms of CPU (target < 1 s)`);
if (sink === 0.5) console.log(sink);
