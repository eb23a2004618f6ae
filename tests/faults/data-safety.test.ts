/**
 * Data safety on a private Neo4j (port 7692): data survives a stop and a start, and a backup
 * (neo4j-admin dump) restored over a changed database gives back exactly the graph it saved.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CliError } from "../../scripts/neo4j/cli-error";
import { dumpDatabase, latestBackup, loadDatabase } from "../../scripts/neo4j/neo4j-backup";
import { type PrivateNeo4j, startPrivateNeo4j } from "../../scripts/neo4j/private-neo4j";
import { createDriver } from "../../server/src/neo4j/create-driver";

let neo4j: PrivateNeo4j;
let backups: string;

beforeAll(async () => {
  neo4j = await startPrivateNeo4j({ name: "data-safety", boltPort: 7692 });
  backups = mkdtempSync(join(tmpdir(), "graph-backups-"));
});
afterAll(async () => {
  await neo4j?.stop();
  rmSync(backups, { recursive: true, force: true });
});

/** Everything in the graph, as sorted plain text: labels and properties of every node, every relationship. */
async function snapshot(): Promise<{ nodes: string[]; relationships: string[] }> {
  const driver: Driver = createDriver(neo4j.connection);
  try {
    const nodes = await driver.executeQuery(
      "MATCH (n) RETURN elementId(n) AS key, labels(n) AS labels, properties(n) AS props",
    );
    const relationships = await driver.executeQuery(
      "MATCH (a)-[r]->(b) RETURN elementId(a) AS from, type(r) AS type, properties(r) AS props, elementId(b) AS to",
    );
    const text = (value: unknown) =>
      JSON.stringify(value, (_key, inner) => (typeof inner === "bigint" ? `${inner}n` : inner));
    // An element id is "4:<database id>:<number>"; the number is what the store files keep.
    const storeId = (elementId: string) => elementId.split(":").at(-1);
    const sortedProps = (props: Record<string, unknown>) => Object.fromEntries(Object.entries(props).sort());
    return {
      nodes: nodes.records
        .map((record) =>
          text([storeId(record.get("key")), [...record.get("labels")].sort(), sortedProps(record.get("props"))]),
        )
        .sort(),
      relationships: relationships.records
        .map((record) =>
          text([
            storeId(record.get("from")),
            record.get("type"),
            sortedProps(record.get("props")),
            storeId(record.get("to")),
          ]),
        )
        .sort(),
    };
  } finally {
    await driver.close();
  }
}

describe("the database files", () => {
  it("survive a stop and a start: the same nodes, labels, properties and relationships", async () => {
    const before = await snapshot();
    expect(before.nodes.length).toBeGreaterThanOrEqual(24);
    expect(before.relationships.length).toBeGreaterThanOrEqual(32);
    await neo4j.stop();
    await neo4j.start();
    expect(await snapshot()).toEqual(before);
  });
});

describe("db:backup and db:restore", () => {
  it("refuse to run while Neo4j runs, saying how to stop it", () => {
    const attempt = () => dumpDatabase(neo4j.layout, "neo4j", backups);
    expect(attempt).toThrow(CliError);
    expect(attempt).toThrow(/Neo4j is running \(pid \d+\).*npm run db:stop/);
  });

  it("round-trip the graph exactly, over a database changed in between", async () => {
    const saved = await snapshot();
    await neo4j.stop();
    const file = dumpDatabase(neo4j.layout, "neo4j", backups);
    expect(latestBackup(backups, "neo4j")).toBe(file);
    expect(file).toMatch(/neo4j-\d{8}-\d{6}\.dump$/);
    await neo4j.start();

    // Change everything the restore has to undo: a node gone, a property changed, a node added.
    const driver = createDriver(neo4j.connection);
    try {
      await driver.executeQuery("MATCH (n {id: 'h20'}) DETACH DELETE n");
      await driver.executeQuery("MATCH (n {id: 'huawei'}) SET n.name = 'changed'");
      await driver.executeQuery("CREATE (:Company {id: 'not-in-backup'})");
    } finally {
      await driver.close();
    }
    expect(await snapshot()).not.toEqual(saved);

    await neo4j.stop();
    loadDatabase(neo4j.layout, "neo4j", file);
    await neo4j.start();
    expect(await snapshot()).toEqual(saved);
  });
});
