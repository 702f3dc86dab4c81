// Catalogue-scale benchmark of the whole job and the modules' limits.
//
//   npm run bench:catalogue                 # every case (builds dist first)
//   node --expose-gc bench/catalogue.mjs evaluate-10k scoring-10k   # some cases, on an existing build
//   ROUNDS=6 node --expose-gc bench/catalogue.mjs evaluate-10k      # and 5 more runs of each, in steady state
//   PROCESSES=7 node --expose-gc bench/catalogue.mjs evaluate-10k   # the first run in 7 fresh processes (min / median / max)
//
// Each case runs in its own Node process, so its peak memory (maxRSS) is its own. Times are reported as a
// ratio to a yardstick measured in the same process (a JSON round trip — stringify + parse — of the same
// document), never as absolute targets: the machine's speed and load cancel out.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const CASES = {
  "evaluate-10k": "evaluate: catalogue of 10,000 options (worked tender's pathway, no summaries)",
  "evaluate-10k-full": "evaluate: the same catalogue with full detail (explanations, score trees with traces, stage results)",
  "evaluate-100k": "evaluate: catalogue of 100,000 options (no summaries)",
  "scoring-10k": "scoreTender: 10,000 bids × (2 qualitative with evaluator records + 2 quantitative) + price; rank reversal and overtaking off",
  "scoring-10k-default": "scoreTender: the same lot with the default settings (rank reversal and overtaking on)",
  "lifecycle-imaging-10k": "evaluateLifecycle: 10,000 copies of the imaging example (ledger on)",
  "lifecycle-10k-ledger": "evaluateLifecycle: 10,000 options × 20 items × 10 years with the ledger",
  "lifecycle-50k-ledger": "evaluateLifecycle: 50,000 options × 20 items × 10 years with the ledger",
};

const MB = 1024 * 1024;

/** A whole-number setting from the environment (ROUNDS, PROCESSES): `fallback` when unset, an error naming it when not a whole number ≥ 1. */
function countFromEnv(name, fallback) {
  const text = process.env[name];
  if (text === undefined || text === "") return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || text.trim() !== text) throw new Error(`${name} must be a whole number of at least 1 (got "${text}")`);
  return n;
}
const CATALOGUE_RUN = { summaries: false, detail: "compact", invalidOptions: "exclude" };
const now = () => performance.now() / 1000;
// CPU seconds of this process (user + system): on a shared, loaded machine wall time stretches with other
// processes' load while CPU time does not, so the CPU ratio is the steadier figure (both are reported).
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

async function runCase(name) {
  // VBP_DIST: another build to measure (e.g. a copy of the build before a change), default ./dist.
  const lib = await import(process.env.VBP_DIST !== undefined ? new URL(`file://${process.env.VBP_DIST}/index.js`).href : "../dist/index.js");
  const fx = await import("./catalogue-fixtures.mjs");
  let input;
  let run;
  switch (name) {
    // A catalogue run: no summaries, compact detail, invalid options excluded (what a document of kind
    // "catalogue" gets by default; passed as options so that builds without `kind` take the same call).
    case "evaluate-10k":
      input = fx.evaluationCatalogue(9_999);
      run = () => lib.evaluate(input, CATALOGUE_RUN);
      break;
    case "evaluate-10k-full":
      input = fx.evaluationCatalogue(9_999);
      run = () => lib.evaluate(input, { summaries: false, detail: "full" });
      break;
    case "evaluate-100k":
      input = fx.evaluationCatalogue(99_999);
      run = () => lib.evaluate(input, CATALOGUE_RUN);
      break;
    case "scoring-10k":
      input = fx.scoringLot(10_000, 2, 2, { rankReversal: false, overtaking: false });
      run = () => lib.scoreTender(input);
      break;
    case "scoring-10k-default":
      input = fx.scoringLot(10_000, 2, 2, {});
      run = () => lib.scoreTender(input);
      break;
    case "lifecycle-imaging-10k":
      input = fx.imagingCopies(10_000);
      run = () => lib.evaluateLifecycle(input);
      break;
    case "lifecycle-10k-ledger":
      input = fx.lifecycleCatalogue(10_000, 20, 10);
      run = () => lib.evaluateLifecycle(input, { ledger: true });
      break;
    case "lifecycle-50k-ledger":
      input = fx.lifecycleCatalogue(50_000, 20, 10);
      run = () => lib.evaluateLifecycle(input, { ledger: true });
      break;
    default:
      throw new Error(`unknown case ${name}`);
  }
  globalThis.gc?.();
  const baseline = process.memoryUsage().rss;
  const t0 = now();
  const c0 = cpu();
  let result = run();
  const seconds = now() - t0;
  const cpuSeconds = cpu() - c0;
  const held = process.memoryUsage();
  // Peak memory of the input and the run alone, read before the yardstick allocates copies of the input.
  const peakRssMB = process.resourceUsage().maxRSS / 1024;
  const options = Array.isArray(result?.options) ? result.options.length : Array.isArray(result?.lots) ? result.lots.reduce((n, l) => n + l.options.length, 0) : undefined;
  const excluded = Array.isArray(result?.excluded) ? result.excluded.length : 0;
  // The yardstick runs on the same heap as the run did (the result released), so neither is favoured.
  // eslint-disable-next-line no-useless-assignment -- releases the result before the yardstick
  result = undefined;
  globalThis.gc?.();
  // Yardstick: a JSON round trip of the same document, best of 3.
  let yardstick = Infinity;
  let yardstickCpu = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = now();
    const c0 = cpu();
    JSON.parse(JSON.stringify(input));
    yardstick = Math.min(yardstick, now() - t0);
    yardstickCpu = Math.min(yardstickCpu, cpu() - c0);
  }

  // Steady state (ROUNDS=n, n > 1): the run again n − 1 times, each paired with a round trip right after it, so
  // both sides of every ratio share the moment's load. The first run above includes V8 compiling the
  // library's code (a one-off cost of a process); these rounds do not.
  const rounds = [];
  for (let r = 1; r < countFromEnv("ROUNDS", 1); r++) {
    globalThis.gc?.();
    const t0 = now();
    const c0 = cpu();
    run();
    const s = now() - t0;
    const c = cpu() - c0;
    globalThis.gc?.();
    const t1 = now();
    const c1 = cpu();
    JSON.parse(JSON.stringify(input));
    const ys = now() - t1;
    const yc = cpu() - c1;
    rounds.push({ seconds: s, ratio: s / ys, cpuSeconds: c, cpuRatio: c / yc });
  }

  return {
    name,
    seconds,
    yardstick,
    ratio: seconds / yardstick,
    cpuSeconds,
    yardstickCpu,
    cpuRatio: cpuSeconds / yardstickCpu,
    inputRssMB: baseline / MB,
    peakRssMB,
    resultHeapMB: held.heapUsed / MB,
    options,
    excluded,
    rounds,
  };
}

/** min / median of some figures, to `digits` places. */
function minMedian(xs, digits) {
  const s = [...xs].sort((a, b) => a - b);
  const median = s.length % 2 === 1 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return `${s[0].toFixed(digits)} / ${median.toFixed(digits)}`;
}

const argv = process.argv.slice(2);
if (argv[0] === "--child") {
  const r = await runCase(argv[1]);
  process.stdout.write(JSON.stringify(r) + "\n");
} else {
  const timeout = Number(argv.find((a) => a.startsWith("--timeout="))?.slice(10) ?? 300);
  const names = argv.filter((a) => !a.startsWith("--"));
  const selected = names.length > 0 ? names : Object.keys(CASES);
  const self = fileURLToPath(import.meta.url);
  const rows = [];
  // PROCESSES=n: each case in n fresh processes one after another. A first run's ratio swings with what else the
  // machine is doing at that moment (it leans on the second core, where V8 compiles the library's code and
  // helps the collector, more than the round trip does), so one process says little: the spread of n does.
  const processes = countFromEnv("PROCESSES", 1);
  countFromEnv("ROUNDS", 1); // checked here too, before any case runs
  for (const name of selected) {
    if (!(name in CASES)) throw new Error(`unknown case ${name}; cases: ${Object.keys(CASES).join(", ")}`);
    console.log(CASES[name]);
    const firsts = [];
    for (let k = 0; k < processes; k++) {
      const p = spawnSync(process.execPath, ["--expose-gc", "--max-old-space-size=8192", self, "--child", name], { encoding: "utf8", timeout: timeout * 1000, maxBuffer: 16 * MB });
      if (p.status !== 0) {
        const why = p.error?.code === "ETIMEDOUT" || p.signal === "SIGTERM" ? `did not finish in ${timeout} s` : `failed (exit ${p.status ?? p.signal}): ${(p.stderr || "").trim().split("\n").slice(0, 6).join(" | ").slice(0, 600)}`;
        rows.push({ name, failed: why });
        console.log(`  ${why}`);
        break;
      }
      const r = JSON.parse(p.stdout.trim().split("\n").at(-1));
      rows.push(r);
      firsts.push(r);
      console.log(
        `  ${r.seconds.toFixed(2)} s = ${r.ratio.toFixed(1)}× a JSON round trip of its input (${r.yardstick.toFixed(3)} s); ` +
          (r.cpuRatio !== undefined ? `CPU ${r.cpuSeconds.toFixed(2)} s = ${r.cpuRatio.toFixed(1)}× the round trip's CPU (${r.yardstickCpu.toFixed(3)} s); ` : "") +
          `peak RSS ${r.peakRssMB.toFixed(0)} MB (input alone ${r.inputRssMB.toFixed(0)} MB; heap holding the result ${r.resultHeapMB.toFixed(0)} MB)` +
          (r.options !== undefined ? `; ${r.options} options in the result` : "") +
          (r.excluded ? `, ${r.excluded} excluded` : ""),
      );
      if (r.rounds?.length > 0) {
        const rs = r.rounds;
        console.log(
          `  steady state, ${rs.length} more runs each paired with a round trip (min / median): ${minMedian(rs.map((x) => x.seconds), 2)} s = ` +
            `${minMedian(rs.map((x) => x.ratio), 2)}× wall; CPU ${minMedian(rs.map((x) => x.cpuSeconds), 2)} s = ${minMedian(rs.map((x) => x.cpuRatio), 2)}×`,
        );
      }
    }
    if (firsts.length > 1) {
      const spread = (xs, digits) => `${minMedian(xs, digits)} / ${Math.max(...xs).toFixed(digits)}`;
      console.log(
        `  first run in ${firsts.length} fresh processes (min / median / max): ${spread(firsts.map((x) => x.seconds), 2)} s = ${spread(firsts.map((x) => x.ratio), 2)}× wall; ` +
          `CPU ${spread(firsts.map((x) => x.cpuRatio), 2)}×`,
      );
    }
  }
  if (argv.includes("--json")) console.log(JSON.stringify(rows, null, 1));
}
