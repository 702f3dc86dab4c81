/**
 * Node-only entry: file and CLI helpers live here so the core stays free of I/O.
 *
 * @packageDocumentation
 */
export * from "./index.js";
