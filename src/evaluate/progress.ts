/**
 * The stages of {@link evaluate}, in the order they run, as reported to `onProgress`.
 *
 * @category Evaluate
 * @example
 * ```ts
 * EVALUATION_STAGES[0]; //=> "validate"
 * ```
 */
export const EVALUATION_STAGES = Object.freeze(["validate", "pathway", "lifecycle", "carbon", "cost-effectiveness", "tender", "result", "summaries"] as const);

/**
 * One stage of {@link evaluate} (see {@link EVALUATION_STAGES}).
 *
 * @category Evaluate
 * @example
 * ```ts
 * const stage: EvaluationStage = "lifecycle";
 * ```
 */
export type EvaluationStage = (typeof EVALUATION_STAGES)[number];

/**
 * How far an evaluation has got: the stage running, and how many of the run's options it has processed.
 * Stages that work option by option (lifecycle costs, the written result) report each option; the others
 * report once, when done. `done` never decreases within a stage, and stages come in the order of
 * {@link EVALUATION_STAGES}, so `(stageIndex + done / total) / stages` is the fraction of the run done.
 *
 * @category Evaluate
 * @example
 * ```ts
 * const p: EvaluationProgress = { stage: "lifecycle", stageIndex: 2, stages: 8, done: 512, total: 997 };
 * const fraction = (p.stageIndex + p.done / p.total) / p.stages; // 0.314…
 * ```
 */
export interface EvaluationProgress {
  /** The stage running. */
  readonly stage: EvaluationStage;
  /** Its position in {@link EVALUATION_STAGES} (0-based). */
  readonly stageIndex: number;
  /** How many stages a run has ({@link EVALUATION_STAGES}.length). */
  readonly stages: number;
  /** Options of the run this stage has processed. */
  readonly done: number;
  /** Options in the run (the valid options of a catalogue). */
  readonly total: number;
}

/** @internal Reports a stage's progress; a no-op without a callback, so the stages call it freely. */
export type StageReporter = (stage: EvaluationStage, done: number) => void;

/** @internal A reporter over an optional callback, for a run of `total` options. */
export function stageReporter(onProgress: ((progress: EvaluationProgress) => void) | undefined, total: number): StageReporter {
  if (onProgress === undefined) return () => undefined;
  return (stage, done) => onProgress({ stage, stageIndex: EVALUATION_STAGES.indexOf(stage), stages: EVALUATION_STAGES.length, done, total });
}
