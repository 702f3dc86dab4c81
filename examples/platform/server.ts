/**
 * A minimal procurement-platform service embedding vbp-score (fastify): POST a tender (an evaluation
 * document, JSON) to /evaluate and get back the ranked scores and the Markdown report.
 *
 * The upload is checked in layers, cheapest first, so a hostile upload costs little and is answered 4xx:
 *   1. body size (fastify bodyLimit)                                           → 413
 *   2. JSON nesting depth, counted on the raw text before JSON.parse           → 400
 *   3. the published JSON Schema (vbp-score/schema/evaluation-document.json,
 *      the same file documentJsonSchema() builds), with Ajv                    → 422 with every error
 *   4. service limits on work (options, pathway size)                          → 422
 *   5. the library's own validation inside evaluate (every issue with a path)  → 422
 * The event loop is free again after each answer, so the service keeps serving.
 *
 * Run: npx tsx examples/platform/server.ts (listens on 127.0.0.1:8787), then
 *   curl -s -X POST -H 'content-type: application/json' --data-binary @examples/tender/tender.json http://127.0.0.1:8787/evaluate
 */
import Fastify, { type FastifyInstance } from "fastify";
import Ajv2020 from "ajv/dist/2020.js";
import { documentJsonSchema, evaluationMarkdownReport, safeEvaluate, formatIssue } from "../../src/index.js";

/** Limits of this service (a platform sets its own). */
export interface PlatformLimits {
  /** Largest upload, bytes. */
  readonly maxBodyBytes: number;
  /** Deepest JSON nesting accepted. */
  readonly maxDepth: number;
  /** Most options (bids and comparator) in one tender. */
  readonly maxOptions: number;
  /** Most pathway tree nodes plus Markov states. */
  readonly maxPathwayElements: number;
}

/** Defaults: a tender of a few hundred bids fits easily. */
export const DEFAULT_LIMITS: PlatformLimits = Object.freeze({ maxBodyBytes: 2 * 1024 * 1024, maxDepth: 64, maxOptions: 500, maxPathwayElements: 2000 });

/** The deepest nesting of `[`/`{` in JSON text, counted without parsing (strings skipped); stops past `limit`. */
export function jsonDepth(text: string, limit: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth++;
      if (depth > max) max = depth;
      if (max > limit) return max;
    } else if (c === 93 || c === 125) depth--;
  }
  return max;
}

function count(value: unknown, key: string): number {
  const v = (value as Record<string, unknown> | undefined)?.[key];
  return Array.isArray(v) ? v.length : 0;
}

/** Builds the service (not listening): `await app.listen({ host: "127.0.0.1", port: 0 })` to start it. */
export function buildServer(limits: PlatformLimits = DEFAULT_LIMITS): FastifyInstance {
  const app = Fastify({ bodyLimit: limits.maxBodyBytes, logger: false });
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validateDocument = ajv.compile(documentJsonSchema("evaluation-document"));

  // JSON only: any other content type is answered 415.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_req, body, done) => {
    const text = body as string;
    const depth = jsonDepth(text, limits.maxDepth);
    if (depth > limits.maxDepth) return done(Object.assign(new Error(`JSON nested deeper than ${limits.maxDepth} levels`), { statusCode: 400 }), undefined);
    try {
      done(null, JSON.parse(text));
    } catch (e) {
      done(Object.assign(new Error(`invalid JSON: ${(e as Error).message}`), { statusCode: 400 }), undefined);
    }
  });

  app.get("/health", async () => ({ ok: true }));

  app.post("/evaluate", async (request, reply) => {
    const doc = request.body;
    if (typeof doc !== "object" || doc === null || Array.isArray(doc)) return reply.code(422).send({ error: "the body must be an evaluation document (a JSON object)" });
    if (!validateDocument(doc)) {
      const errors = (validateDocument.errors ?? []).slice(0, 100).map((e) => `${e.instancePath || "(root)"}: ${e.message ?? "invalid"}`);
      return reply.code(422).send({ error: "the document does not match the evaluation-document schema", errors });
    }
    const options = count(doc, "options");
    const pathway = (doc as { pathway?: { tree?: { nodes?: unknown[] }; markov?: { states?: unknown[] }[] } }).pathway;
    const elements = (pathway?.tree?.nodes?.length ?? 0) + (pathway?.markov ?? []).reduce((s, m) => s + (m.states?.length ?? 0), 0);
    if (options > limits.maxOptions) return reply.code(422).send({ error: `at most ${limits.maxOptions} options per request, got ${options}` });
    if (elements > limits.maxPathwayElements) return reply.code(422).send({ error: `at most ${limits.maxPathwayElements} pathway nodes and states, got ${elements}` });
    const r = safeEvaluate(doc);
    if (!r.success) return reply.code(422).send({ error: "invalid evaluation document", issues: r.error.issues.slice(0, 200).map(formatIssue) });
    return reply.send({
      title: r.data.title,
      ranking: r.data.ranking.map((x) => ({ rank: x.rank ?? null, status: x.status, optionId: x.optionId, supplier: x.supplier, product: x.label, total: x.total, points: x.points })),
      report: evaluationMarkdownReport(r.data),
    });
  });

  app.setErrorHandler((error: Error & { statusCode?: number }, _request, reply) => {
    const status = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    void reply.code(status).send({ error: status === 500 ? "internal error" : error.message });
  });
  return app;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const app = buildServer();
  await app.listen({ host: "127.0.0.1", port: Number(process.env.PORT ?? 8787) });
  console.log(`vbp-score platform example on http://127.0.0.1:${String(Number(process.env.PORT ?? 8787))}/evaluate`);
}
