/**
 * The scale-out path (issue #19 item 6): a routing URI (`neo4j://`), as a cluster or Aura
 * (`neo4j+s://`) takes, works against the single local server too. The driver asks the server for
 * its routing table; reads go to a reader and writes to the writer, which here are one server.
 */
import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphSchema, savedViewSchema } from "../../contract/graph-contract";
import { type RunningApp, startTestApp } from "../support/test-app";

let app: RunningApp;
let routingUri: string;

beforeAll(async () => {
  const probe = await startTestApp();
  const uri = new URL(probe.config.neo4j.uri);
  await probe.close();
  routingUri = `neo4j://${uri.host}`;
  app = await startTestApp({ neo4j: { uri: routingUri } });
});
afterAll(async () => {
  await app?.close();
});

describe("a routing URI against the local server", () => {
  it("gets a routing table that names the server as reader and writer", async () => {
    const { records } = await app.driver.executeQuery(
      "CALL dbms.routing.getRoutingTable({}) YIELD servers RETURN servers",
      {},
      {
        database: app.config.neo4j.database,
        routing: neo4j.routing.READ,
      },
    );
    const servers = (records[0]?.get("servers") ?? []) as Array<{ role: string }>;
    const roles = servers.map((server) => server.role).sort();
    expect(roles).toEqual(["READ", "ROUTE", "WRITE"]);
  });

  it("serves the graph (reads routed to a reader) and saves a view (a write routed to the writer)", async () => {
    expect(app.config.neo4j.uri).toBe(routingUri);
    const graph = graphSchema.parse(await (await fetch(`${app.baseUrl}/api/graph`)).json());
    expect(graph.nodes.length).toBeGreaterThan(0);

    const name = `routing-uri-check-${Date.now()}`;
    const saved = await fetch(`${app.baseUrl}/api/views`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name, state: { v: 1, nodes: [{ id: "bytedance", x: 0, y: 0 }] } }),
    });
    expect(saved.status).toBe(201);
    const view = savedViewSchema.parse(await saved.json());
    expect((await fetch(`${app.baseUrl}/api/views/${view.id}`, { method: "DELETE" })).status).toBe(204);
  });
});
