/**
 * Finding a node by id must stay an index seek on big graphs (the shared :Entity label), and that
 * plumbing label must never reach what analysts see.
 */
import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphSchema, nodeDetailsSchema } from "../../contract/graph-contract";
import { META_LABELS } from "../../server/src/claims/claims-queries";
import { NEIGHBORS_QUERY, NODE_QUERY, PATH_ENDS_QUERY } from "../../server/src/graph/graph-queries";
import { getJson, type RunningApp, startTestApp } from "../support/test-app";

let app: RunningApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

/** Every operator name of a query's plan, nested ones included. */
async function planOperators(query: string, params: Record<string, unknown>): Promise<string[]> {
  const { summary } = await app.driver.executeQuery(`EXPLAIN ${query}`, params, { routing: neo4j.routing.READ });
  const names: string[] = [];
  const walk = (plan: { operatorType: string; children: unknown[] }) => {
    names.push(plan.operatorType);
    for (const child of plan.children) walk(child as typeof plan);
  };
  if (summary.plan) walk(summary.plan as unknown as { operatorType: string; children: unknown[] });
  return names;
}

/** Expanding ByteDance as the app does: 9 neighbours at most, the default cap of links among them. */
const EXPANSION_PARAMS = {
  id: "bytedance",
  types: null,
  direction: "both",
  neighbourFetch: neo4j.int(10),
  neighbourLimit: neo4j.int(9),
  linkFetch: neo4j.int(101),
  linkLimit: neo4j.int(100),
};

describe("lookup by id", () => {
  it("every node of the seed carries the lookup label", async () => {
    const { records } = await app.driver.executeQuery(
      `MATCH (n) WHERE NOT n:${META_LABELS} AND NOT n:Entity RETURN count(n) AS without`,
    );
    expect(Number(records[0]?.get("without"))).toBe(0);
  });

  it.each([
    ["node details", NODE_QUERY, { id: "bytedance", relationshipFetch: neo4j.int(10) }],
    ["expansion", NEIGHBORS_QUERY, EXPANSION_PARAMS],
    ["path ends", PATH_ENDS_QUERY, { from: "doubao", to: "a100" }],
  ])("%s finds the node with an index seek on :Entity(id)", async (_name, query, params) => {
    const operators = await planOperators(query, params);
    expect(operators.some((operator) => operator.startsWith("NodeUniqueIndexSeek"))).toBe(true);
  });

  it("reads no other node once the index seek has found it", async () => {
    const { summary } = await app.driver.executeQuery(`PROFILE ${NEIGHBORS_QUERY}`, EXPANSION_PARAMS, {
      routing: neo4j.routing.READ,
    });
    const scanned: number[] = [];
    const walk = (plan: { operatorType: string; rows: number; children: unknown[] }) => {
      if (plan.operatorType.startsWith("AllNodesScan")) scanned.push(plan.rows);
      for (const child of plan.children) walk(child as typeof plan);
    };
    if (summary.profile)
      walk(summary.profile as unknown as { operatorType: string; rows: number; children: unknown[] });
    expect(scanned.length).toBeGreaterThan(0); // the fallback is planned...
    expect(scanned.every((rows) => rows === 0)).toBe(true); // ...and never runs
  });

  it("leaves the lookup label out of every label the API shows", async () => {
    const details = nodeDetailsSchema.parse((await getJson(`${app.baseUrl}/api/nodes/bytedance`)).body);
    expect(details.node.data.labels).toEqual(["Company"]);
    expect(details.node.data.label).toBe("Company");
    const graph = graphSchema.parse((await getJson(`${app.baseUrl}/api/graph`)).body);
    expect(graph.nodes.length).toBeGreaterThan(0);
    expect(graph.nodes.filter((node) => node.data.labels.includes("Entity"))).toEqual([]);
  });

  it("still finds a node by its element id", async () => {
    const { records } = await app.driver.executeQuery("MATCH (n:Company {id: 'huawei'}) RETURN elementId(n) AS id");
    const elementId = records[0]?.get("id") as string;
    const { status, body } = await getJson(`${app.baseUrl}/api/nodes/${encodeURIComponent(elementId)}`);
    expect(status).toBe(200);
    expect(nodeDetailsSchema.parse(body).node.data.id).toBe("huawei");
  });
});
