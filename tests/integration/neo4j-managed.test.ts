import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startLocalNeo4j } from "../../scripts/neo4j/local-neo4j";
import { localNeo4jSettings } from "../../scripts/neo4j/local-neo4j-settings";
import { neo4jLayout } from "../../scripts/neo4j/neo4j-layout";
import { runningNeo4jPid } from "../../scripts/neo4j/neo4j-process";
import { type PrivateNeo4j, startPrivateNeo4j } from "../../scripts/neo4j/private-neo4j";
import { unsupportedVersion } from "../../scripts/neo4j/probe-bolt";
import { projectRoot } from "../../scripts/project-root";
import { createDriver } from "../../server/src/neo4j/create-driver";

/**
 * NEO4J_MANAGED against a Neo4j the project did not start: a private server on port 7684 stands in
 * for Neo4j Desktop or `docker run neo4j:5`. The home the checks run with is a fresh folder that never
 * held a server, so anything they started would show as its pid.
 */
const PORT = 7684;
const pom = join(projectRoot, "scripts", "neo4j", "pom.xml");
let other: PrivateNeo4j;
let scratch: string;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), "neo4j-managed-"));
  other = await startPrivateNeo4j({ name: "managed", boltPort: PORT, seed: false });
}, 240_000);
afterAll(async () => {
  await other?.stop();
  rmSync(scratch, { recursive: true, force: true });
}, 120_000);

const uri = `bolt://127.0.0.1:${PORT}`;
const settings = (extra: Record<string, string>) =>
  localNeo4jSettings({ NEO4J_URI: uri, NEO4J_PASSWORD: other.connection.password, ...extra });

describe("NEO4J_MANAGED with a Neo4j already listening", () => {
  it("auto (the default) uses it as it is, says so with its version, and starts nothing", async () => {
    const said = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      const layout = neo4jLayout(scratch);
      await expect(startLocalNeo4j(layout, settings({}), pom)).resolves.toBe("external");
      expect(said).toHaveBeenCalledWith(
        expect.stringMatching(
          new RegExp(`^Using the Neo4j already running at ${uri}, version 5\\.\\d+\\.\\d+( community)?\\.$`),
        ),
      );
      expect(runningNeo4jPid(layout)).toBeUndefined();
    } finally {
      said.mockRestore();
    }
  });

  it("never uses it too; always refuses the taken port", async () => {
    const quiet = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      await expect(startLocalNeo4j(neo4jLayout(scratch), settings({ NEO4J_MANAGED: "never" }), pom)).resolves.toBe(
        "external",
      );
    } finally {
      quiet.mockRestore();
    }
    await expect(startLocalNeo4j(neo4jLayout(scratch), settings({ NEO4J_MANAGED: "always" }), pom)).rejects.toThrow(
      `port ${PORT} on 127.0.0.1 is taken by another program`,
    );
  });

  it("npm run db:start says it uses that Neo4j and that its database is online", () => {
    const run = spawnSync(
      join(projectRoot, "node_modules", ".bin", "tsx"),
      [join(projectRoot, "scripts", "db-start.ts")],
      {
        cwd: projectRoot,
        encoding: "utf8",
        timeout: 60_000,
        env: { ...process.env, NEO4J_URI: uri, NEO4J_PASSWORD: other.connection.password, NEO4J_DATABASE: "neo4j" },
      },
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`Using the Neo4j already running at ${uri}, version 5\\.`));
    expect(run.stdout).toMatch(/Its database is online; the project will not stop it/);
  });

  it("npm run db:seed leaves someone else's graph alone unless told --force", async () => {
    const driver = createDriver(other.connection);
    try {
      await driver.executeQuery(
        "CREATE (:Fictional {name: 'A fictional record of someone else'})",
        {},
        {
          database: "neo4j",
        },
      );
    } finally {
      await driver.close();
    }
    const seed = (...args: string[]) =>
      spawnSync(
        join(projectRoot, "node_modules", ".bin", "tsx"),
        [join(projectRoot, "scripts", "db-seed.ts"), ...args],
        {
          cwd: projectRoot,
          encoding: "utf8",
          timeout: 120_000,
          env: { ...process.env, NEO4J_URI: uri, NEO4J_PASSWORD: other.connection.password, NEO4J_DATABASE: "neo4j" },
        },
      );
    const refused = seed();
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(
      /db:seed: the database "neo4j" at bolt:\/\/127\.0\.0\.1:7684 holds 1 nodes this project did not seed .*--force/,
    );
    const forced = seed("--force");
    expect(forced.stderr).toBe("");
    expect(forced.status).toBe(0);
    expect(forced.stdout).toMatch(/^Seeded: /m);
    // Seeded once, it is the project's: seeding again needs nothing more.
    expect(seed().status).toBe(0);
  }, 240_000);

  // Last: wrong passwords count towards Neo4j's lock-out of the user.
  it("names refused credentials plainly", async () => {
    await expect(
      startLocalNeo4j(neo4jLayout(scratch), settings({ NEO4J_PASSWORD: "not-the-password" }), pom),
    ).rejects.toThrow(
      /a Neo4j at 127\.0\.0\.1:7684 refuses the credentials in NEO4J_USERNAME and NEO4J_PASSWORD \(user "neo4j"\)/,
    );
  });
});

describe("NEO4J_MANAGED with no Neo4j there", () => {
  let http: Server;
  let httpPort: number;
  const sockets = new Set<Socket>();
  beforeAll(async () => {
    // A web server where a Neo4j was expected: it answers, but not in Bolt.
    http = createServer((socket) => {
      sockets.add(socket);
      socket.on("error", () => {}); // the driver hangs up as it likes
      socket.on("close", () => sockets.delete(socket));
      socket.end("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
    });
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", () => resolve()));
    httpPort = (http.address() as { port: number }).port;
  });
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        http.close(() => resolve());
      }),
  );

  it("says a program that is not Neo4j holds the port", async () => {
    const attempt = startLocalNeo4j(neo4jLayout(scratch), settings({ NEO4J_URI: `bolt://127.0.0.1:${httpPort}` }), pom);
    await expect(attempt).rejects.toThrow(
      new RegExp(`port ${httpPort} on 127\\.0\\.0\\.1 is taken by another program that is not Neo4j`),
    );
    expect(runningNeo4jPid(neo4jLayout(scratch))).toBeUndefined();
  });

  it("never refuses to start one when nothing answers", async () => {
    const free = await new Promise<number>((resolve) => {
      const probe = createServer();
      probe.listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    await expect(
      startLocalNeo4j(
        neo4jLayout(scratch),
        settings({ NEO4J_URI: `bolt://127.0.0.1:${free}`, NEO4J_MANAGED: "never" }),
        pom,
      ),
    ).rejects.toThrow(/nothing answers at bolt:\/\/127\.0\.0\.1:\d+ and NEO4J_MANAGED=never/);
  });
});

describe("supported versions", () => {
  it("takes 5.x and calendar versions, refuses 4.x and older with the reason", () => {
    expect(unsupportedVersion("5.26.12")).toBeUndefined();
    expect(unsupportedVersion("2025.10.1")).toBeUndefined();
    expect(unsupportedVersion("4.4.30")).toMatch(
      /Neo4j 4\.4\.30 is not supported: .*5 \(5\.26 LTS\) or a calendar version/,
    );
    expect(unsupportedVersion("3.5.35")).toMatch(/not supported/);
  });
});
