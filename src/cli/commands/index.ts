import type { CliCommand } from "../command.js";
import { awardCommand } from "./award.js";
import { evaluateCommand } from "./evaluate.js";
import { lifecycleCommand } from "./lifecycle.js";
import { dsaCommand } from "./dsa.js";
import { mergeCommand } from "./merge.js";
import { psaCommand } from "./psa.js";
import { schemaCommand } from "./schema.js";
import { templateCommand } from "./template.js";
import { reportCommand } from "./report.js";

/**
 * The registry of `vbp` commands, by name. Adding a command is one file in this folder and one line here.
 */
export const COMMANDS: Readonly<Record<string, CliCommand>> = Object.freeze({
  [lifecycleCommand.name]: lifecycleCommand,
  [evaluateCommand.name]: evaluateCommand,
  [psaCommand.name]: psaCommand,
  [mergeCommand.name]: mergeCommand,
  [dsaCommand.name]: dsaCommand,
  [awardCommand.name]: awardCommand,
  [templateCommand.name]: templateCommand,
  [schemaCommand.name]: schemaCommand,
  [reportCommand.name]: reportCommand,
});
