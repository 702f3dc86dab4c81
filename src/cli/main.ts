import { run } from "./run.js";

// The `vbp` executable (bundled to dist/cli.js with a shebang by tsup).
process.exitCode = await run(process.argv.slice(2));
