// PSA benchmarks (issue: uncertainty at speed). Run: npm run bench:psa (builds first).
// Every figure is a ratio against a yardstick measured in the same process, never an absolute target.
//  1. Cohort PSA, 4 states × 75 yearly cycles × 4 strategies, 16 uncertain parameters, 10,000 draws with
//     sampling included, one thread: runPsa vs a hand-written Float64Array loop of the same model that uses
//     the same draw matrix (same samplers, same seed). The hand loop's results are checked against runPsa.
//  2. Tree PSA, 30 nodes × 20 options, 30 beta-distributed branch probabilities, 10,000 draws: wall and CPU
//     time (best of 5).
//  3. Workers: a kept-warm pool of 2 workers (createPsaPool) against runPsa on this thread, on the same work
//     in the same process, alternated, at 10,000 draws (headline) and 50,000 draws (a large run); the pool's
//     start-up is stated separately (bit-identical results checked).
//  4. Memory: peak RSS and heap during the 10,000 × 20-option tree PSA.
// Sections: `node bench/psa.mjs [cohort] [tree] [workers]` (all by default). The machine's load average
// (os.loadavg) is printed with every figure: on a shared machine the 2-core speed-up needs 2 free cores.
import { readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { performance } from "node:perf_hooks";
import { createDrawPlan, runPsa, sampleDraws } from "../dist/index.js";
import { createPsaPool } from "../dist/node.js";

const sections = process.argv.slice(2);
const want = (s) => sections.length === 0 || sections.includes(s);
const load = () => `load average ${loadavg().map((x) => x.toFixed(2)).join(" / ")} (1/5/15 min) on ${availableParallelism()} cores`;

const N = 10000;
const SEED = 2026;

function cohortDocument() {
  const P = (id, value, distribution) => ({ id, value, distribution });
  return {
    id: "bench-cohort-psa",
    parameters: [
      P("r_wm", 0.08, { type: "gamma", shape: 64, scale: 0.00125 }),
      P("p_ms", 0.12, { type: "beta", alpha: 120, beta: 880 }),
      P("p_sd", 0.2, { type: "beta", alpha: 200, beta: 800 }),
      P("m_w", 0.0005, { type: "beta", alpha: 5, beta: 9995 }),
      P("m_m", 0.001, { type: "beta", alpha: 10, beta: 9990 }),
      P("u_w", 0.9, { type: "beta", alpha: 900, beta: 100 }),
      P("u_m", 0.7, { type: "beta", alpha: 700, beta: 300 }),
      P("u_s", 0.45, { type: "beta", alpha: 450, beta: 550 }),
      P("c_w", 78, { type: "gamma", shape: 100, scale: 0.78 }),
      P("c_m", 378, { type: "gamma", shape: 100, scale: 3.78 }),
      P("c_s", 12000, { type: "gamma", shape: 100, scale: 120 }),
      P("c_dx", 250, { type: "gamma", shape: 25, scale: 10 }),
      P("hr1", 0.9, { type: "lognormal", meanlog: Math.log(0.9), sdlog: 0.1 }),
      P("hr2", 0.8, { type: "lognormal", meanlog: Math.log(0.8), sdlog: 0.1 }),
      P("hr3", 0.7, { type: "lognormal", meanlog: Math.log(0.7), sdlog: 0.1 }),
      P("c_dev", 500, { type: "gamma", shape: 400, scale: 1.25 }),
    ],
    markov: [
      {
        id: "m",
        cycleLengthYears: 1,
        horizonYears: 75,
        startAge: 20,
        withinCycle: "none",
        states: [
          { id: "well", utility: { param: "u_w" }, items: [{ id: "gp", category: "staff", quantity: 1, unitCost: { param: "c_w" } }] },
          { id: "mild", utility: { param: "u_m" }, items: [{ id: "drug", category: "drugs", quantity: 1, unitCost: { param: "c_m" } }], onEntry: { items: [{ id: "dx", category: "tests", quantity: 1, unitCost: { param: "c_dx" } }] } },
          { id: "severe", utility: { param: "u_s" }, items: [{ id: "care", category: "staff", quantity: 1, unitCost: { param: "c_s" } }] },
          { id: "dead", dead: true },
        ],
        transitions: [
          { from: "well", to: "mild", rate: { param: "r_wm" } },
          { from: "well", to: "dead", probability: { expr: "min(1, m_w * exp(0.07 * (age - 20)))" } },
          { from: "well", to: "well", probability: "rest" },
          { from: "mild", to: "severe", probability: { param: "p_ms" } },
          { from: "mild", to: "dead", probability: { expr: "min(1, m_m * exp(0.07 * (age - 20)))" } },
          { from: "mild", to: "mild", probability: "rest" },
          { from: "severe", to: "dead", probability: { param: "p_sd" } },
          { from: "severe", to: "severe", probability: "rest" },
        ],
      },
    ],
    options: [
      { id: "current", isComparator: true },
      ...[1, 2, 3].map((k) => ({
        id: `device-${k}`,
        effects: [{ op: "hazardRatio", target: { markov: "m", from: "well", to: "mild" }, value: { param: `hr${k}` } }],
        extraCosts: [{ id: "device", amount: { expr: `c_dev * ${k}` } }],
      })),
    ],
  };
}

/** The same model, hand-written over Float64Arrays (start-of-period discounting at 3.5%, end-of-cycle counts). */
function handLoop(doc) {
  const spec = { quantities: doc.parameters.map((p) => ({ key: `parameter:${p.id}`, distribution: p.distribution })) };
  const plan = createDrawPlan(spec);
  const m = sampleDraws(plan, SEED, 0, N);
  const col = (i) => m.values.subarray(i * N, (i + 1) * N);
  const [r_wm, p_ms, p_sd, m_w, m_m, u_w, u_m, u_s, c_w, c_m, c_s, c_dx, hr1, hr2, hr3, c_dev] = doc.parameters.map((_, i) => col(i));
  const hrs = [null, hr1, hr2, hr3];
  const df = new Float64Array(76);
  for (let n = 1; n <= 75; n++) df[n] = Math.pow(1.035, -(n - 1));
  const ageFactor = new Float64Array(76);
  for (let n = 1; n <= 75; n++) ageFactor[n] = Math.exp(0.07 * (n - 1));
  const costs = [0, 1, 2, 3].map(() => new Float64Array(N));
  const qalys = [0, 1, 2, 3].map(() => new Float64Array(N));
  for (let o = 0; o < 4; o++) {
    for (let d = 0; d < N; d++) {
      let w = 1, mi = 0, s = 0;
      let c = o === 0 ? 0 : c_dev[d] * o;
      let q = 0;
      const hr = o === 0 ? 1 : hrs[o][d];
      const pwm = 1 - Math.exp(-r_wm[d] * hr);
      for (let n = 1; n <= 75; n++) {
        const pwd = Math.min(1, m_w[d] * ageFactor[n]);
        const pmd = Math.min(1, m_m[d] * ageFactor[n]);
        const toMild = w * pwm;
        const nw = w * (1 - pwm - pwd);
        const nm = mi * (1 - p_ms[d] - pmd) + toMild;
        const ns = s * (1 - p_sd[d]) + mi * p_ms[d];
        w = nw; mi = nm; s = ns;
        c += df[n] * (w * c_w[d] + mi * c_m[d] + s * c_s[d] + toMild * c_dx[d]);
        q += df[n] * (w * u_w[d] + mi * u_m[d] + s * u_s[d]);
      }
      costs[o][d] = c;
      qalys[o][d] = q;
    }
  }
  return { costs, qalys };
}

/** This thread's own CPU time in ms (process.cpuUsage() counts every thread of the process). */
function threadCpuMs() {
  if (typeof process.threadCpuUsage === "function") {
    const u = process.threadCpuUsage();
    return (u.user + u.system) / 1000;
  }
  return Number(readFileSync("/proc/thread-self/schedstat", "latin1").split(" ", 1)[0]) / 1e6;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function time(f, reps) {
  let best = Infinity;
  let bestCpu = Infinity;
  let out;
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    const c = cpuMs();
    out = f();
    best = Math.min(best, performance.now() - t);
    bestCpu = Math.min(bestCpu, cpuMs() - c);
  }
  return { ms: best, cpu: bestCpu, out };
}

const doc = cohortDocument();
if (want("cohort")) {
  // Interleaved pairs (hand loop, then runPsa) so both see the same machine load; ratios per pair, in wall
  // time and in CPU time of this process (process.cpuUsage: user + system, every thread, so the optimising
  // compiler's thread counts too), which a loaded machine inflates less. First unmeasured warm-up pairs (both
  // paths, alike): V8 optimises runPsa's functions over its first runs (each run calls most of them only a few
  // times), and the figure is the steady state of a process that runs PSAs, not its start. PSA_BENCH_WARMUP and
  // PSA_BENCH_PAIRS set the counts.
  const pairs = [];
  let hand;
  let lib;
  const warmup = Number(process.env.PSA_BENCH_WARMUP ?? 10);
  const rounds = Number(process.env.PSA_BENCH_PAIRS ?? 15);
  for (let i = 0; i < warmup; i++) {
    time(() => handLoop(doc), 1);
    time(() => runPsa(doc, { iterations: N, seed: SEED }), 1);
  }
  for (let i = 0; i < rounds; i++) {
    hand = time(() => handLoop(doc), 1);
    lib = time(() => runPsa(doc, { iterations: N, seed: SEED }), 1);
    pairs.push({ hand: hand.ms, lib: lib.ms, ratio: lib.ms / hand.ms, handCpu: hand.cpu, libCpu: lib.cpu, cpuRatio: lib.cpu / hand.cpu });
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  hand.ms = Math.min(...pairs.map((p) => p.hand));
  lib.ms = Math.min(...pairs.map((p) => p.lib));
  hand.cpu = Math.min(...pairs.map((p) => p.handCpu));
  lib.cpu = Math.min(...pairs.map((p) => p.libCpu));
  let maxRel = 0;
  for (let o = 0; o < 4; o++) {
    for (let d = 0; d < N; d += 97) {
      if (lib.out.valid[d] !== 1) continue;
      maxRel = Math.max(maxRel, Math.abs(lib.out.options[o].costs[d] - hand.out.costs[o][d]) / Math.abs(hand.out.costs[o][d]), Math.abs(lib.out.options[o].qalys[d] - hand.out.qalys[o][d]) / Math.abs(hand.out.qalys[o][d]));
    }
  }
  console.log(`cohort PSA 4 states × 75 cycles × 4 strategies, ${N} draws incl. sampling, 1 thread, ${rounds} interleaved pairs after ${warmup} warm-up pairs (${load()}):`);
  console.log(`  hand-written Float64Array loop (same draw matrix): ${hand.ms.toFixed(0)} ms wall, ${hand.cpu.toFixed(0)} ms CPU (best of ${rounds})`);
  console.log(`  runPsa (compile once, evaluateDraws):               ${lib.ms.toFixed(0)} ms wall, ${lib.cpu.toFixed(0)} ms CPU (best of ${rounds})`);
  console.log(`  wall time: ratio of the minima ${(lib.ms / hand.ms).toFixed(2)}×; per interleaved pair: min ${Math.min(...pairs.map((p) => p.ratio)).toFixed(2)}×, median ${median(pairs.map((p) => p.ratio)).toFixed(2)}× (target ≤ 2×)`);
  console.log(`  CPU time:  ratio of the minima ${(lib.cpu / hand.cpu).toFixed(2)}×; per interleaved pair: min ${Math.min(...pairs.map((p) => p.cpuRatio)).toFixed(2)}×, median ${median(pairs.map((p) => p.cpuRatio)).toFixed(2)}× (target ≤ 2×)`);
  console.log(`  largest relative difference runPsa vs hand loop (every 97th valid draw): ${maxRel.toExponential(2)}; invalid draws: ${N - lib.out.valid.reduce((a, b) => a + b, 0)}`);
}

if (want("tree")) {
  const { treeBenchModel } = await import("./psaTreeModel.mjs");
  const tree = treeBenchModel(20);
  tree.uncertainty = { distributions: Object.fromEntries(tree.parameters.map((p) => [p.id, { type: "beta", mean: Number(p.value), se: 0.02 }])) };
  let peakRss = process.memoryUsage().rss;
  const rssBefore = peakRss;
  const heapBefore = process.memoryUsage().heapUsed;
  const poll = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 5);
  const treeRun = time(() => runPsa(tree, { iterations: N, seed: SEED }), 5);
  clearInterval(poll);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  console.log(`tree PSA 30 nodes × 20 options, ${N} draws, 1 thread: ${treeRun.ms.toFixed(0)} ms wall, ${treeRun.cpu.toFixed(0)} ms CPU, best of 5 (target < 1000 ms; ${load()})`);
  console.log(`  check: option o5 cost in draw 17 = ${treeRun.out.options[5].costs[17]}, o19 mean cost = ${treeRun.out.options[19].summary.costs.mean}`);
  console.log(`memory, 10,000 draws × 20 options: peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB (was ${(rssBefore / 2 ** 20).toFixed(0)} MB before), heap held by the result ≈ ${((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20).toFixed(0)} MB (target peak < 512 MB)`);
}

if (want("workers")) {
  // The same work both ways: the cohort PSA from the same document with the same settings, both giving the
  // per-draw arrays and their summaries. One thread runs runPsa here (which prepares, i.e. parses, checks and
  // compiles, the document on every call, as a caller of runPsa gets); the pool's workers are started once and
  // prepare a document once (its first run is stated apart), then both sides are warmed (a worker sees half the
  // draws of a run, so its optimising compiler settles after a few runs).
  //
  // Two cases: 10,000 draws (the headline figure: the issue's size, about a tenth of a second on one thread, where
  // the pool's fixed costs per run weigh most) and 50,000 draws (workers are for large runs: there the fixed
  // costs are a smaller share). PSA_BENCH_WORKER_PAIRS sets the pairs of the first case (default 15); the second
  // has 9.
  //
  // Wall time needs two free cores. CPU time does not: each thread's own CPU clock (Linux
  // /proc/thread-self/schedstat, Node ≥ 23.9 process.threadCpuUsage; process.cpuUsage() counts every thread)
  // gives, per pool run, the main thread's part (S: checking, sending the run to the workers, copying the draws
  // out of the shared memory) and each worker's CPU (W1, W2, from pool.lastRun: its blocks and its share of the
  // summaries). On two free cores the run would take about S + max(W1, W2), against T1, the CPU time of runPsa on
  // one thread: the estimate T1 / (S + max W) assumes nothing else runs, and leaves out message latency and the
  // two cores sharing caches and memory bandwidth, so it is an estimate, not the measured target. The CPU of the
  // process's other threads (garbage collection, compiler) is shown too, and a second estimate counts it as
  // taken from the workers' two cores.
  const f = (x) => x.toFixed(0);
  const f1 = (x) => x.toFixed(1);
  const med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const best = (xs) => Math.min(...xs);
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const loadBefore = load();
  let t = performance.now();
  const pool = await createPsaPool({ workers: 2 });
  const startup = performance.now() - t;
  try {
    // runPsa's preparation alone (a run of one draw), for the share of T1 a kept pool does not repeat.
    const prepareMs = () => {
      const c = threadCpuMs();
      runPsa(doc, { iterations: 1, seed: SEED });
      return threadCpuMs() - c;
    };
    const workersCase = async (n, K, first) => {
      const settings = { iterations: n, seed: SEED };
      t = performance.now();
      const firstRun = await pool.run(doc, settings);
      const firstMs = performance.now() - t;
      for (let i = 0; i < (first ? 7 : 2); i++) await pool.run(doc, settings);
      for (let i = 0; i < (first ? 3 : 1); i++) runPsa(doc, settings);
      // Pairs (runPsa, then the pool), alternated so both sides see the same machine load, with a short pause
      // before each side so the other side's background work (garbage collection, compiling) is over.
      const pause = () => sleep(30);
      const one = [];
      const two = [];
      const oneCpu = [];
      const oneProc = [];
      const mainCpu = [];
      const procCpu = [];
      const prep = [];
      const runs = [];
      let last;
      let reference;
      for (let i = 0; i < K; i++) {
        await pause();
        let t1 = performance.now();
        let c = threadCpuMs();
        let p = cpuMs();
        const single = runPsa(doc, settings);
        oneCpu.push(threadCpuMs() - c);
        oneProc.push(cpuMs() - p);
        one.push(performance.now() - t1);
        await pause();
        t1 = performance.now();
        c = threadCpuMs();
        p = cpuMs();
        last = await pool.run(doc, settings);
        mainCpu.push(threadCpuMs() - c);
        procCpu.push(cpuMs() - p);
        two.push(performance.now() - t1);
        runs.push(pool.lastRun);
        prep.push(prepareMs());
        if (i === 0) reference = single;
      }
      const same = [firstRun, last].every((r) => r.options.every((o, i) => o.costs.every((v, d) => Object.is(v, reference.options[i].costs[d])) && o.qalys.every((v, d) => Object.is(v, reference.options[i].qalys[d])) && JSON.stringify(o.summary) === JSON.stringify(reference.options[i].summary)));
      console.log(`workers (cohort PSA, ${n} draws, a warm pool of 2 workers against runPsa on this thread)${first ? ", the headline figure" : ", a large run"}:`);
      console.log(`  ${first ? `pool start-up (2 workers, once): ${f(startup)} ms (pool.startupMs ${f(pool.startupMs)} ms); ` : ""}the pool's first run of ${n} draws${first ? " (each worker prepares the model, code not yet optimised)" : ""}: ${f(firstMs)} ms; load before: ${loadBefore}`);
      console.log(`  wall time, ${K} alternated pairs after warming both sides (needs 2 free cores):`);
      console.log(`    1 thread (runPsa):      best ${f(best(one))} ms, median ${f(med(one))} ms`);
      console.log(`    warm pool of 2 workers: best ${f(best(two))} ms, median ${f(med(two))} ms`);
      console.log(`    speed-up: ${(best(one) / best(two)).toFixed(2)}× best to best, ${(med(one) / med(two)).toFixed(2)}× median to median, per pair median ${med(one.map((x, i) => x / two[i])).toFixed(2)}× (target ≥ 1.7× on 2 free cores); bit-identical (draws and summaries): ${same}`);
      const wCpu = (w) => runs.map((r) => r.workers[w].cpuMs);
      const maxW = runs.map((r) => Math.max(...r.workers.map((x) => x.cpuMs)));
      const sumW = runs.map((r) => r.workers.reduce((a, x) => a + x.cpuMs, 0));
      const estimate = oneCpu.map((T1, i) => T1 / (mainCpu[i] + maxW[i]));
      const balanced = oneCpu.map((T1, i) => T1 / (mainCpu[i] + sumW[i] / 2));
      const kept = oneCpu.map((T1, i) => (T1 - prep[i]) / (mainCpu[i] + maxW[i]));
      // The process's other threads (garbage collection, compiler) run on the free core beside runPsa, but on the
      // pool's busy cores they take time from the workers: counted as shared by the two cores.
      const others = procCpu.map((x, i) => Math.max(0, x - mainCpu[i] - sumW[i]));
      const shared = oneCpu.map((T1, i) => T1 / Math.max(mainCpu[i] + maxW[i], (mainCpu[i] + sumW[i] + others[i]) / 2));
      console.log(`  CPU time per run, median of the ${K} pairs (each thread's own clock, so other processes do not inflate it much; it still varies with the load, and ticks in steps of a few ms):`);
      console.log(`    1 thread: runPsa T1 = ${f1(med(oneCpu))} ms (min ${f1(best(oneCpu))}), of which preparing the document (a run of 1 draw) ${f1(med(prep))} ms; other threads of the process (GC, compiler) ${f1(med(oneProc.map((x, i) => x - oneCpu[i])))} ms`);
      console.log(`    pool: main thread S = ${f1(med(mainCpu))} ms (min ${f1(best(mainCpu))}; its synchronous parts by wall clock, lastRun.mainMs, median ${f1(med(runs.map((r) => r.mainMs)))} ms)`);
      for (const w of [0, 1]) console.log(`    pool: worker ${w + 1} W${w + 1} = ${f1(med(wCpu(w)))} ms, ${f1(mean(runs.map((r) => r.workers[w].blocks)))} blocks and ${f(mean(runs.map((r) => r.workers[w].draws)))} draws on average, then its share of the summaries (wall while busy ${f1(med(runs.map((r) => r.workers[w].busyMs)))} ms, waiting for the other's last block ${f1(med(runs.map((r) => r.workers[w].waitMs)))} ms)`);
      console.log(`    pool: workers together ΣW = ${f1(med(sumW))} ms (${f((med(sumW) / med(oneCpu)) * 100)}% of T1), larger share max W = ${f1(med(maxW))} ms; other threads of the process ${f1(med(others))} ms; run's wall time minus the larger busy + wait (latency, start and end) ${f1(med(runs.map((r) => r.wallMs - Math.max(...r.workers.map((x) => x.busyMs + x.waitMs)))))} ms`);
      console.log(`  estimated speed-up on 2 free cores, from CPU times (an estimate, not the measured target): T1 / (S + max W) per pair: median ${med(estimate).toFixed(2)}×, range ${best(estimate).toFixed(2)}–${Math.max(...estimate).toFixed(2)}×; with perfect balance, T1 / (S + ΣW/2): median ${med(balanced).toFixed(2)}×; counting the other threads' CPU as taken from the workers' cores, T1 / max(S + max W, (S + ΣW + other) / 2): median ${med(shared).toFixed(2)}×, range ${best(shared).toFixed(2)}–${Math.max(...shared).toFixed(2)}×; without runPsa's preparation, (T1 − preparing) / (S + max W): median ${med(kept).toFixed(2)}×`);
      console.log(`  ${load()} after; the wall-time speed-up needs a load below the core count`);
    };
    await workersCase(N, Number(process.env.PSA_BENCH_WORKER_PAIRS ?? 15), true);
    await workersCase(5 * N, 9, false);
  } finally {
    await pool.close();
  }
}
