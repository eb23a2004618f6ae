/**
 * Data safety on a private Neo4j (port 7692): data survives a stop and a start, a backup
 * (neo4j-admin dump) restored over a changed database gives back exactly the graph it saved, a
 * restore that fails (garbage, a truncated dump) leaves the live database as it was and online,
 * and start-up refuses to call a server "up" when its database is offline.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CliError } from "../../scripts/neo4j/cli-error";
import { findJava } from "../../scripts/neo4j/find-java";
import { runNeo4jAdmin } from "../../scripts/neo4j/neo4j-admin";
import { dumpDatabase, latestBackup, loadDatabase } from "../../scripts/neo4j/neo4j-backup";
import { runningNeo4jPid } from "../../scripts/neo4j/neo4j-process";
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
    await loadDatabase(neo4j.layout, "neo4j", file, { backupsDir: backups });
    await neo4j.start();
    expect(await snapshot()).toEqual(saved);
  }, 240_000);
});

/** A dump of the graph as it is now (the server stopped and started again around it). */
async function freshDump(): Promise<string> {
  await neo4j.stop();
  try {
    return dumpDatabase(neo4j.layout, "neo4j", backups);
  } finally {
    await neo4j.start();
  }
}

/** What a call throws, synchronously or not. */
async function failure(call: () => unknown): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
}

async function change(): Promise<void> {
  const driver = createDriver(neo4j.connection);
  try {
    await driver.executeQuery("MATCH (n {id: 'bytedance'}) SET n.name = 'changed since the backup'");
    await driver.executeQuery("CREATE (:Company {id: 'added-since-the-backup'})");
  } finally {
    await driver.close();
  }
}

describe("a restore that fails", () => {
  let good: string;
  beforeAll(async () => {
    good = await freshDump();
  });

  it("of a file that is no dump says so and leaves the live database as it was, online", async () => {
    const garbage = join(backups, "garbage.dump");
    writeFileSync(garbage, "garbage\n");
    const before = await snapshot();
    await neo4j.stop();
    const error = await failure(() => loadDatabase(neo4j.layout, "neo4j", garbage, { backupsDir: backups }));
    expect(error).toBeInstanceOf(CliError);
    // start() resolves only once the database is online.
    await neo4j.start();
    expect(await snapshot()).toEqual(before);
    expect((error as CliError).message).toMatch(/could not load garbage\.dump: Not a valid Neo4j archive/);
    expect((error as CliError).message).toMatch(/live database was not touched/);
    expect(existsSync((error as CliError).logFile ?? "")).toBe(true);
  }, 240_000);

  it("of a truncated real dump says so and leaves the live database as it was, online", async () => {
    const bytes = readFileSync(good);
    const truncated = join(backups, "truncated.dump");
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const before = await snapshot();
    expect(before.nodes.length).toBeGreaterThanOrEqual(24);
    await neo4j.stop();
    const error = await failure(() => loadDatabase(neo4j.layout, "neo4j", truncated, { backupsDir: backups }));
    expect(error).toBeInstanceOf(CliError);
    await neo4j.start();
    expect(await snapshot()).toEqual(before);
    expect((error as CliError).message).toMatch(/could not load truncated\.dump: .*Truncated/);
  }, 240_000);
});

describe("a restore that works", () => {
  it("counts what it restored and keeps the database it replaced in backups/pre-restore-*", async () => {
    const saved = await snapshot();
    const file = await freshDump();
    await change();
    const changed = await snapshot();
    expect(changed).not.toEqual(saved);

    await neo4j.stop();
    const report = await loadDatabase(neo4j.layout, "neo4j", file, { backupsDir: backups });
    expect(report.counts).toEqual({ nodes: saved.nodes.length, relationships: saved.relationships.length });
    expect(report.previousStore).toMatch(/[/\\]pre-restore-\d{8}-\d{6}(-\d+)?$/);
    const aside = report.previousStore as string;
    expect(existsSync(join(aside, "databases", "neo4j", "neostore"))).toBe(true);
    expect(existsSync(join(aside, "transactions", "neo4j"))).toBe(true);
    expect(readFileSync(join(aside, "RESTORE.txt"), "utf8")).toMatch(/To put it back/);
    // The side home it loaded into is gone.
    expect(existsSync(`${neo4j.layout.homeDir}-restore`)).toBe(false);
    await neo4j.start();
    expect(await snapshot()).toEqual(saved);

    // The store set aside is the changed database, whole: put back, it serves again.
    await neo4j.stop();
    const restored = join(backups, "restored-store");
    for (const part of ["databases", "transactions"]) {
      mkdirSync(join(restored, part), { recursive: true });
      renameSync(join(neo4j.layout.dataDir, part, "neo4j"), join(restored, part, "neo4j"));
      renameSync(join(aside, part, "neo4j"), join(neo4j.layout.dataDir, part, "neo4j"));
    }
    await neo4j.start();
    expect(await snapshot()).toEqual(changed);
    rmSync(restored, { recursive: true, force: true });
  }, 360_000);
});

describe("start-up", () => {
  it("refuses to report up while the database is offline, names the log and stops the server again", async () => {
    const before = await snapshot();
    const file = await freshDump();
    await neo4j.stop();
    // Damage the live store the way the old restore did: a truncated dump loaded over it.
    const kept = join(backups, "kept-store");
    for (const part of ["databases", "transactions"]) {
      mkdirSync(join(kept, part), { recursive: true });
      renameSync(join(neo4j.layout.dataDir, part, "neo4j"), join(kept, part, "neo4j"));
    }
    const inbox = join(backups, "truncated-inbox");
    mkdirSync(inbox, { recursive: true });
    const bytes = readFileSync(file);
    writeFileSync(join(inbox, "neo4j.dump"), bytes.subarray(0, Math.floor(bytes.length / 2)));
    const load = () =>
      runNeo4jAdmin(
        neo4j.layout,
        findJava().executable,
        ["database", "load", "neo4j", `--from-path=${inbox}`, "--overwrite-destination=true"],
        "test-broken-load",
        "load failed",
      );
    expect(load).toThrow(CliError);
    try {
      const error = await neo4j.start().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CliError);
      expect((error as CliError).message).toMatch(/database "neo4j" is (offline|quarantined)/);
      expect((error as CliError).message).toMatch(/stopped again/);
      expect((error as CliError).logFile).toBe(neo4j.layout.debugLog);
      expect(runningNeo4jPid(neo4j.layout)).toBeUndefined();
    } finally {
      await neo4j.stop();
      for (const part of ["databases", "transactions"]) {
        rmSync(join(neo4j.layout.dataDir, part, "neo4j"), { recursive: true, force: true });
        renameSync(join(kept, part, "neo4j"), join(neo4j.layout.dataDir, part, "neo4j"));
      }
      await neo4j.start();
    }
    expect(await snapshot()).toEqual(before);
  }, 360_000);
});
