import type { TestProject } from "vitest/node";

/**
 * Chooses one fast-check seed for the whole run and hands it to every test file (see fastCheckSeed.ts).
 *
 * - `FC_SEED=<integer>` replays a run exactly (the seed is printed on every failure by fast-check).
 * - With `CI` set (and no `FC_SEED`), the fixed seed below: CI never fails by chance.
 * - Otherwise a fresh random seed, printed here, so local runs keep exploring new cases.
 */
export const CI_SEED = 20261201;

declare module "vitest" {
  export interface ProvidedContext {
    fcSeed: number;
  }
}

export default function setup(project: TestProject): void {
  const fromEnv = process.env.FC_SEED?.trim();
  const ci = process.env.CI !== undefined && process.env.CI !== "" && process.env.CI !== "false" && process.env.CI !== "0";
  let seed: number;
  let why: string;
  if (fromEnv !== undefined && fromEnv !== "") {
    seed = Number(fromEnv);
    if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, got ${JSON.stringify(fromEnv)}`);
    why = "from FC_SEED";
  } else if (ci) {
    seed = CI_SEED;
    why = "fixed for CI";
  } else {
    seed = Math.floor(Math.random() * 0x7fffffff);
    why = "random for this local run";
  }
  console.log(`fast-check seed ${seed} (${why}); replay with FC_SEED=${seed}`);
  project.provide("fcSeed", seed);
}
