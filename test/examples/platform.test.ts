import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer, DEFAULT_LIMITS } from "../../examples/platform/server.js";

const TENDER = readFileSync("examples/tender/tender.json", "utf8");
const app = buildServer();
let base = "";

beforeAll(async () => {
  await app.listen({ host: "127.0.0.1", port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await app.close();
});

const post = (body: string | Uint8Array, type = "application/json") => fetch(`${base}/evaluate`, { method: "POST", headers: { "content-type": type }, body });

async function stillServes(): Promise<void> {
  const r = await post(TENDER);
  expect(r.status).toBe(200);
  const body = (await r.json()) as { ranking: { optionId: string }[]; report: string };
  expect(body.ranking.length).toBe(8);
  expect(body.report).toContain("## Ranked value table");
}

describe("examples/platform: an HTTP service on loopback", () => {
  it("evaluates an uploaded tender: scores and the report", async () => {
    await stillServes();
  });

  it("refuses an oversized body with 413, and keeps serving", async () => {
    const r = await post(" ".repeat(DEFAULT_LIMITS.maxBodyBytes + 1));
    expect(r.status).toBe(413);
    await stillServes();
  });

  it("refuses deep nesting with 400 before parsing it, and keeps serving", async () => {
    const deep = `${"[".repeat(200_000)}${"]".repeat(200_000)}`;
    const r = await post(deep);
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: string }).error).toMatch(/nested deeper than 64/);
    await stillServes();
  });

  it("refuses huge iteration counts (horizon, cycles, options) with 422 and every error, and keeps serving", async () => {
    const doc = JSON.parse(TENDER);
    doc.horizonYears = 1_000_000_000;
    const r1 = await post(JSON.stringify(doc));
    expect(r1.status).toBe(422);
    expect(JSON.stringify(await r1.json())).toContain("/horizonYears");

    const many = JSON.parse(TENDER);
    const offer = { id: "", supplier: "S", label: "L", price: "1" };
    many.options = [many.options[0], ...Array.from({ length: 2000 }, (_, i) => ({ ...offer, id: `x${i}` }))];
    const r2 = await post(JSON.stringify(many));
    expect(r2.status).toBe(422);
    expect(((await r2.json()) as { error: string }).error).toMatch(/at most 500 options/);
    await stillServes();
  });

  it("refuses malformed JSON, the wrong content type and a non-object with 4xx, and keeps serving", async () => {
    expect((await post("{\"title\": ")).status).toBe(400);
    expect((await post(TENDER, "text/plain")).status).toBe(415);
    expect((await post("[1,2,3]")).status).toBe(422);
    const proto = await post('{"__proto__": {"polluted": true}, "title": "x"}');
    expect(proto.status).toBe(422);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await stillServes();
  });
});
