import type { CliCommand } from "../command.js";
import { evaluateCommand } from "./evaluate.js";
import { lifecycleCommand } from "./lifecycle.js";
import { reportCommand } from "./report.js";

/**
 * The registry of `vbp` commands, by name. Adding a command is one file in this folder and one line here.
 */
export const COMMANDS: Readonly<Record<string, CliCommand>> = Object.freeze({
  [lifecycleCommand.name]: lifecycleCommand,
  [evaluateCommand.name]: evaluateCommand,
  [reportCommand.name]: reportCommand,
});
