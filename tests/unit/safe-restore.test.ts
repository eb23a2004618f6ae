import { describe, expect, it } from "vitest";
import { CliError } from "../../scripts/neo4j/cli-error";
import { databaseVerdict } from "../../scripts/neo4j/database-online";
import { adminFailureReason } from "../../scripts/neo4j/neo4j-admin";
import { neo4jLayout } from "../../scripts/neo4j/neo4j-layout";
import { sideLayout } from "../../scripts/neo4j/side-store";
import { applyMoves, type Move, planStoreSwap, preRestoreName } from "../../scripts/neo4j/store-swap";

describe("planStoreSwap", () => {
  const options = {
    liveDataDir: "/p/.neo4j/home/data",
    sideDataDir: "/p/.neo4j/home-restore/data",
    asideDir: "/p/backups/pre-restore-20261128-205037",
    database: "neo4j",
  };

  it("sets the live store files and transaction logs aside, then brings the side ones in; the system database stays", () => {
    const plan = planStoreSwap({ ...options, exists: () => true });
    expect(plan.setAside).toEqual([
      { from: "/p/.neo4j/home/data/databases/neo4j", to: "/p/backups/pre-restore-20261128-205037/databases/neo4j" },
      {
        from: "/p/.neo4j/home/data/transactions/neo4j",
        to: "/p/backups/pre-restore-20261128-205037/transactions/neo4j",
      },
    ]);
    expect(plan.bringIn).toEqual([
      { from: "/p/.neo4j/home-restore/data/databases/neo4j", to: "/p/.neo4j/home/data/databases/neo4j" },
      { from: "/p/.neo4j/home-restore/data/transactions/neo4j", to: "/p/.neo4j/home/data/transactions/neo4j" },
    ]);
    const everyPath = [...plan.setAside, ...plan.bringIn].flatMap((move) => [move.from, move.to]);
    expect(everyPath.some((path) => path.includes("system"))).toBe(false);
  });

  it("sets aside only the live folders that exist", () => {
    const plan = planStoreSwap({ ...options, exists: (path) => path.includes("/databases/") });
    expect(plan.setAside.map((move) => move.from)).toEqual(["/p/.neo4j/home/data/databases/neo4j"]);
    expect(plan.bringIn).toHaveLength(2);
  });
});

describe("preRestoreName", () => {
  it("names the set-aside folder after the time, with a suffix when that name is taken", () => {
    expect(preRestoreName("20261128-205037", () => false)).toBe("pre-restore-20261128-205037");
    const taken = new Set(["pre-restore-20261128-205037", "pre-restore-20261128-205037-2"]);
    expect(preRestoreName("20261128-205037", (name) => taken.has(name))).toBe("pre-restore-20261128-205037-3");
  });
});

describe("applyMoves", () => {
  const moves: Move[] = [
    { from: "live/db", to: "aside/db" },
    { from: "live/tx", to: "aside/tx" },
    { from: "side/db", to: "live/db" },
    { from: "side/tx", to: "live/tx" },
  ];

  it("makes every move in order", () => {
    const made: string[] = [];
    applyMoves(moves, (from, to) => made.push(`${from}->${to}`));
    expect(made).toEqual(["live/db->aside/db", "live/tx->aside/tx", "side/db->live/db", "side/tx->live/tx"]);
  });

  it("puts back what it moved, in reverse order, when a move fails", () => {
    const made: string[] = [];
    const attempt = () =>
      applyMoves(moves, (from, to) => {
        if (from === "side/tx") throw new Error("disk full");
        made.push(`${from}->${to}`);
      });
    expect(attempt).toThrow(CliError);
    expect(attempt).toThrow(/side\/tx to live\/tx failed \(disk full\); everything moved was put back/);
    expect(made.slice(-3)).toEqual(["live/db->side/db", "aside/tx->live/tx", "aside/db->live/db"]);
  });

  it("says where each folder is when putting back fails too", () => {
    const attempt = () =>
      applyMoves(moves, (from) => {
        if (from === "side/db" || from === "aside/tx") throw new Error("gone");
      });
    expect(attempt).toThrow(/live\/tx is now at aside\/tx.*Move them back by hand/);
  });
});

describe("adminFailureReason", () => {
  it("keeps neo4j-admin's reason and drops the staging paths and progress", () => {
    const garbage = [
      "Failed to load database 'neo4j': Not a valid Neo4j archive: /w/.neo4j/home-restore/dump/neo4j.dump",
      "Load failed for databases: 'neo4j'",
      "Run with '--verbose' for a more detailed error message.",
    ].join("\n");
    expect(adminFailureReason(garbage)).toBe("Not a valid Neo4j archive");
    const truncated = [
      "Files: 1/57, data:  0.0%",
      "Done: 56 files, 2.629MiB processed in 0.273 seconds.",
      "Failed to load database 'neo4j': Unable to load database: ZstdIOException: Truncated source",
      "Load failed for databases: 'neo4j'",
    ].join("\n");
    expect(adminFailureReason(truncated)).toBe("Unable to load database: ZstdIOException: Truncated source");
  });

  it("falls back to the last line that is not a log entry, and to nothing on no output", () => {
    expect(adminFailureReason("Something broke\n2026-12-04 22:32:55.606+0000 INFO  [o.n.x] done\n")).toBe(
      "Something broke",
    );
    expect(adminFailureReason("")).toBeUndefined();
  });
});

describe("databaseVerdict", () => {
  const row = (name: string, currentStatus: string, statusMessage = "") => ({
    name,
    requestedStatus: "online",
    currentStatus,
    statusMessage,
  });

  it("is online when every database asked to be online is", () => {
    expect(databaseVerdict([row("neo4j", "online"), row("system", "online")], "neo4j")).toEqual({ state: "online" });
  });

  it("names an offline database and Neo4j's reason", () => {
    const verdict = databaseVerdict(
      [
        row("neo4j", "offline", "An error occurred! Unable to start `DatabaseId{a540d9bd[neo4j]}`."),
        row("system", "online"),
      ],
      "neo4j",
    );
    expect(verdict).toEqual({
      state: "failed",
      problem: 'the database "neo4j" is offline: An error occurred! Unable to start `DatabaseId{a540d9bd[neo4j]}`',
    });
  });

  it("names a quarantined database", () => {
    expect(databaseVerdict([row("neo4j", "quarantined", "store damaged")])).toEqual({
      state: "failed",
      problem: 'the database "neo4j" is quarantined: store damaged',
    });
  });

  it("waits while a database is still starting", () => {
    expect(databaseVerdict([row("neo4j", "starting"), row("system", "online")]).state).toBe("starting");
  });

  it("fails when the configured database does not exist", () => {
    const verdict = databaseVerdict([row("neo4j", "online"), row("system", "online")], "graph");
    expect(verdict.state).toBe("failed");
    expect(verdict.state === "failed" && verdict.problem).toMatch(/no database "graph".*NEO4J_DATABASE/);
  });

  it("ignores a database stopped on purpose", () => {
    const stopped = { name: "old", requestedStatus: "offline", currentStatus: "offline", statusMessage: "" };
    expect(databaseVerdict([row("neo4j", "online"), stopped])).toEqual({ state: "online" });
  });
});

describe("sideLayout", () => {
  it("puts the side home next to the live one, so its store moves in by renaming", () => {
    const live = neo4jLayout("/p");
    const side = sideLayout(live);
    expect(side.homeDir).toBe("/p/.neo4j/home-restore");
    expect(side.dataDir).toBe("/p/.neo4j/home-restore/data");
    expect(side.libDir).toBe(live.libDir);
  });
});
