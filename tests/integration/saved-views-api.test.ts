import { randomUUID } from "node:crypto";
import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  apiErrorSchema,
  graphSchema,
  nodeLookupResultSchema,
  type SavedView,
  savedViewListSchema,
  savedViewSchema,
  searchResultSchema,
  type ViewState,
} from "../../contract/graph-contract";
import { META_LABELS } from "../../server/src/claims/claims-queries";
import { getJson, type JsonResponse, postJson, type RunningApp, startTestApp } from "../support/test-app";

/** Every view this file saves is named with this prefix, and deleted afterwards. */
const PREFIX = `test-saved-views-${randomUUID().slice(0, 8)}-`;

let app: RunningApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.driver.executeQuery("MATCH (v:SavedView) WHERE v.name STARTS WITH $prefix DELETE v", { prefix: PREFIX });
  await app.close();
});

const url = (path: string) => `${app.baseUrl}/api${path}`;
const api = (path: string) => getJson(url(path));
const save = (body: unknown) => postJson(url("/views"), body);

async function remove(id: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url(`/views/${encodeURIComponent(id)}`), { method: "DELETE" });
  return { status: response.status, text: await response.text() };
}

async function myViewCount(): Promise<number> {
  const { records } = await app.driver.executeQuery(
    "MATCH (v:SavedView) WHERE v.name STARTS WITH $prefix RETURN count(v) AS n",
    { prefix: PREFIX },
    { routing: neo4j.routing.READ },
  );
  return Number(records[0]?.get("n"));
}

function state(nodeIds: string[]): ViewState {
  return {
    v: 1,
    nodes: nodeIds.map((id, index) => ({ id, x: index * 100, y: 40 - index * 50, pinned: index === 0 })),
    hiddenEdges: [],
    filters: { hiddenLabels: ["Source"], hiddenTypes: [], hiddenCertainties: ["speculative"], source: "reuters" },
    layout: "dagre",
    viewport: { zoom: 1.5, x: 10, y: -20 },
    selected: nodeIds[0] ?? null,
  };
}

function expectValidationError(response: JsonResponse, status = 400) {
  expect(response.status).toBe(status);
  return apiErrorSchema.parse(response.body).error;
}

/** SavedView nodes must stay out of every graph endpoint while they exist. */
async function expectViewInvisible(view: SavedView) {
  const graph = graphSchema.parse((await api("/graph?limit=5000")).body);
  const { records } = await app.driver.executeQuery(
    `MATCH (n) WHERE NOT n:${META_LABELS} RETURN count(n) AS n`,
    {},
    { routing: neo4j.routing.READ },
  );
  expect(graph.nodes).toHaveLength(Number(records[0]?.get("n")));
  expect(graph.nodes.filter((node) => node.data.labels.includes("SavedView"))).toEqual([]);
  expect(graph.nodes.map((node) => node.data.id)).not.toContain(view.id);

  const search = searchResultSchema.parse((await api(`/search?q=${encodeURIComponent(view.name)}`)).body);
  expect(search.hits.filter((hit) => hit.node.data.labels.includes("SavedView"))).toEqual([]);

  for (const path of [`/nodes/${view.id}`, `/nodes/${view.id}/neighbors`, `/nodes/${view.id}/expansions`]) {
    expect((await api(path)).status, path).toBe(404);
  }
  expect((await api(`/paths?from=${view.id}&to=a100`)).status).toBe(404);
  const lookup = nodeLookupResultSchema.parse((await postJson(url("/nodes/lookup"), { ids: [view.id] })).body);
  expect(lookup).toEqual({ graph: { nodes: [], edges: [], truncated: false }, missing: [view.id] });
  const exported = graphSchema.parse((await api("/export?format=json&limit=5000")).body);
  expect(exported.nodes.filter((node) => node.data.labels.includes("SavedView"))).toEqual([]);
}

describe("saved views", () => {
  it("round trip: create, list, open, replace by name, delete; never visible as graph nodes", async () => {
    const name = `${PREFIX}round-trip`;
    const created = await save({ name, state: state(["bytedance", "huawei", "ascend-910b"]) });
    expect(created.status).toBe(201);
    const view = savedViewSchema.parse(created.body);
    expect(view).toMatchObject({ name, nodeCount: 3, state: state(["bytedance", "huawei", "ascend-910b"]) });
    expect(view.createdAt).toBe(view.updatedAt);
    expect(Number.isNaN(Date.parse(view.createdAt))).toBe(false);

    const other = savedViewSchema.parse((await save({ name: `${PREFIX}newer`, state: state(["a100"]) })).body);
    const list = savedViewListSchema.parse((await api("/views")).body).views;
    const mine = list.filter((summary) => summary.name.startsWith(PREFIX));
    expect(mine.map((summary) => summary.name)).toEqual([other.name, name]);
    expect(mine[1]).toEqual({
      id: view.id,
      name,
      nodeCount: 3,
      createdAt: view.createdAt,
      updatedAt: view.updatedAt,
    });

    const opened = await api(`/views/${view.id}`);
    expect(opened.status).toBe(200);
    expect(savedViewSchema.parse(opened.body)).toEqual(view);

    await expectViewInvisible(view);

    const replaced = await save({ name: `  ${name} `, state: state(["doubao", "a100"]) });
    expect(replaced.status).toBe(200);
    const replacement = savedViewSchema.parse(replaced.body);
    expect(replacement).toMatchObject({ id: view.id, name, createdAt: view.createdAt, nodeCount: 2 });
    expect(Date.parse(replacement.updatedAt)).toBeGreaterThan(Date.parse(view.updatedAt));
    expect(savedViewSchema.parse((await api(`/views/${view.id}`)).body).state.nodes.map((node) => node.id)).toEqual([
      "doubao",
      "a100",
    ]);
    expect(await myViewCount()).toBe(2);
    const relisted = savedViewListSchema.parse((await api("/views")).body).views;
    expect(relisted.filter((summary) => summary.name.startsWith(PREFIX)).map((summary) => summary.id)).toEqual([
      view.id,
      other.id,
    ]);

    expect(await remove(view.id)).toEqual({ status: 204, text: "" });
    expect((await api(`/views/${view.id}`)).status).toBe(404);
    expect(apiErrorSchema.parse((await api(`/views/${view.id}`)).body).error.code).toBe("NOT_FOUND");
    expect((await remove(view.id)).status).toBe(404);
    expect(await remove(other.id)).toEqual({ status: 204, text: "" });
    expect(await myViewCount()).toBe(0);
    const graph = graphSchema.parse((await api("/graph?limit=5000")).body);
    expect(graph.nodes.filter((node) => node.data.labels.includes("SavedView"))).toEqual([]);
  });

  it("returns 404 NOT_FOUND for an unknown view", async () => {
    expect(expectValidationError(await api(`/views/${randomUUID()}`), 404).code).toBe("NOT_FOUND");
  });

  it("takes a state larger than the other routes allow, up to 1 MB", async () => {
    const before = await myViewCount();
    const ids = Array.from({ length: 5000 }, (_, index) => `node-with-a-rather-long-identifier-${index}`);
    const body = { name: `${PREFIX}large`, state: state(ids) };
    expect(JSON.stringify(body).length).toBeGreaterThan(300_000);
    const response = await save(body);
    expect(response.status).toBe(201);
    expect(savedViewSchema.parse(response.body).nodeCount).toBe(5000);
    expect(await remove(savedViewSchema.parse(response.body).id)).toEqual({ status: 204, text: "" });

    const tooLarge = await save({
      name: `${PREFIX}too-large`,
      state: { ...state(ids), hiddenEdges: ["x".repeat(1_100_000)] },
    });
    expectValidationError(tooLarge, 413);
    expect(await myViewCount()).toBe(before);
  });

  it("refuses bad bodies with 400 and the zod issues, writing nothing", async () => {
    const before = await myViewCount();
    const cases: [string, unknown, string][] = [
      ["no name", { state: state(["bytedance"]) }, "name"],
      ["a blank name", { name: "   ", state: state(["bytedance"]) }, "name"],
      ["no state", { name: `${PREFIX}no-state` }, "state"],
      ["an unknown state version", { name: `${PREFIX}v2`, state: { ...state(["bytedance"]), v: 2 } }, "state.v"],
      [
        "a node without a position",
        { name: `${PREFIX}no-x`, state: { ...state([]), nodes: [{ id: "bytedance", y: 1 }] } },
        "state.nodes.0.x",
      ],
      [
        "an unknown certainty",
        { name: `${PREFIX}certainty`, state: { ...state([]), filters: { hiddenCertainties: ["rumour"] } } },
        "state.filters.hiddenCertainties.0",
      ],
    ];
    for (const [what, body, path] of cases) {
      const error = expectValidationError(await save(body));
      expect(error.code, what).toBe("VALIDATION");
      const details = error.details as { path: string; message: string }[];
      expect(
        details.map((detail) => detail.path),
        what,
      ).toContain(path);
    }
    const notJson = await postJson(url("/views"), "{ not json");
    expect(expectValidationError(notJson).code).toBe("VALIDATION");
    expect(await myViewCount()).toBe(before);
  });
});
