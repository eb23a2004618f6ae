import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractAnswerSchema } from "../../contract/extract-endpoints";
import { apiErrorSchema } from "../../contract/graph-contract";
import { postJson, type RunningApp, startTestApp } from "../support/test-app";

const SEED_ARTICLE = "/work/shared/sources/article-bytedance-huawei-ascend.fr.txt";

let app: RunningApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const extract = (body: unknown) => postJson(`${app.baseUrl}/api/extract`, body);
const counts = async () => {
  const { records } = await app.driver.executeQuery(
    "CALL { MATCH (n) RETURN count(n) AS nodes } CALL { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels",
  );
  return JSON.stringify(records[0]?.toObject());
};

describe("POST /api/extract", () => {
  it("returns a draft claims file for an article, naming the graph's entities by id, and writes nothing", async () => {
    const before = await counts();
    const text = readFileSync(SEED_ARTICLE, "utf8");
    const { status, body } = await extract({ text, published: "2024", source: "Example outlet" });
    expect(status).toBe(200);
    const answer = extractAnswerSchema.parse(body);
    expect(answer.language).toBe("fr");
    expect(answer.draft.claims.length).toBeGreaterThan(20);
    const subjects = new Set(answer.draft.claims.map((claim) => claim.subject));
    expect(subjects.has("bytedance") || subjects.has("bytedance".toLowerCase())).toBe(true);
    expect(answer.draft.claims.every((claim) => Array.isArray(claim.properties.cues))).toBe(true);
    expect(await counts()).toBe(before);
  });

  it("says plainly when the language is neither French nor English", async () => {
    const { status, body } = await extract({
      text: "Huawei hat angeblich in diesem Jahr Chips an ByteDance geliefert, berichten mehrere Zeitungen.",
    });
    expect(status).toBe(200);
    const answer = extractAnswerSchema.parse(body);
    expect(answer.language).toBe("unknown");
    expect(answer.notices.join(" ")).toMatch(/not recognised as French or English/);
    expect(answer.draft.claims).toEqual([]);
  });

  it.each([
    ["an empty text", { text: "   " }, /the text is empty/],
    ["binary bytes", { text: "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR" }, /binary/],
    ["an unknown language", { text: "Hallo Welt", language: "de" }, /language must be fr or en/],
    ["no text at all", {}, /text/],
  ])("refuses %s with 400 VALIDATION", async (_name, request, message) => {
    const { status, body } = await extract(request);
    expect(status).toBe(400);
    const { error } = apiErrorSchema.parse(body);
    expect(error.code).toBe("VALIDATION");
    expect(JSON.stringify(error)).toMatch(message);
  });

  it("refuses a 10 MB paste over the body limit, saying so", async () => {
    const { status, body } = await extract({ text: "a".repeat(10 * 1024 * 1024) });
    expect(status).toBe(413);
    const { error } = apiErrorSchema.parse(body);
    expect(error.code).toBe("VALIDATION");
    expect(error.message).toMatch(/too large/);
  });
});
