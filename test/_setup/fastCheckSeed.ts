import fc from "fast-check";
import { inject } from "vitest";

// Every fast-check property in this run uses the seed chosen once in fastCheckSeed.global.ts. fast-check
// reports the seed and the counterexample's path on failure ("{ seed: …, path: … }"); running again with
// FC_SEED=<seed> replays it. A property that needs its own seed may still pass one explicitly. Runners that
// skip the global setup (mutation testing) get FC_SEED or the fixed CI seed.
const provided = inject("fcSeed") as number | undefined;
const seed = provided ?? (process.env.FC_SEED !== undefined && process.env.FC_SEED !== "" ? Number(process.env.FC_SEED) : 20261201);
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
