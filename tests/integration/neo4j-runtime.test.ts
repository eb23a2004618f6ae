import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CliError } from "../../scripts/neo4j/cli-error";
import { fetchNeo4j, isNeo4jDownloaded } from "../../scripts/neo4j/fetch-neo4j";
import { startLocalNeo4j } from "../../scripts/neo4j/local-neo4j";
import { localNeo4jSettings } from "../../scripts/neo4j/local-neo4j-settings";
import { neo4jLayout } from "../../scripts/neo4j/neo4j-layout";
import { runningNeo4jPid } from "../../scripts/neo4j/neo4j-process";
import { projectRoot } from "../../scripts/project-root";

const pom = join(projectRoot, "scripts", "neo4j", "pom.xml");
let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "neo4j-runtime-"));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const settings = (uri: string, extra: Record<string, string> = {}) =>
  localNeo4jSettings({ NEO4J_URI: uri, NEO4J_PASSWORD: "long-enough-password", ...extra });

describe("db:start", () => {
  it("starts nothing when NEO4J_URI points at a remote server", async () => {
    const layout = neo4jLayout(scratch);
    await expect(startLocalNeo4j(layout, settings("neo4j+s://example.databases.neo4j.io"), pom)).resolves.toBe(
      "remote",
    );
    expect(isNeo4jDownloaded(layout)).toBe(false);
  });

  describe("with the Bolt port taken by another program", () => {
    let blocker: Server;
    let port: number;
    // db:start tries Bolt's handshake on it: the connections are dropped at the end, unanswered.
    const sockets = new Set<Socket>();
    beforeAll(async () => {
      blocker = createServer((socket) => {
        sockets.add(socket);
        socket.on("error", () => {});
      });
      await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", () => resolve()));
      port = (blocker.address() as { port: number }).port;
    });
    afterAll(
      () =>
        new Promise<void>((resolve) => {
          for (const socket of sockets) socket.destroy();
          blocker.close(() => resolve());
        }),
    );

    it("fails at once with a one-line cause naming the port", async () => {
      const attempt = startLocalNeo4j(neo4jLayout(scratch), settings(`bolt://127.0.0.1:${port}`), pom);
      await expect(attempt).rejects.toThrow(CliError);
      await expect(attempt).rejects.toThrow(new RegExp(`port ${port} on 127.0.0.1 is taken`));
    });
  });

  it("reports a failed download with its cause and the log to read, and leaves no half download", async () => {
    const layout = neo4jLayout(scratch, "0.0.0-no-such-version");
    const error = await fetchNeo4j(layout, pom).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message).toMatch(/Maven could not fetch Neo4j 0\.0\.0-no-such-version/);
    const logFile = (error as CliError).logFile as string;
    expect(readFileSync(logFile, "utf8")).toMatch(/org\.neo4j:neo4j:(jar|pom):0\.0\.0-no-such-version/);
    expect(isNeo4jDownloaded(layout)).toBe(false);
  }, 120_000);

  it("says Maven is missing in one line instead of failing obscurely", async () => {
    const layout = neo4jLayout(scratch, "0.0.0-no-maven");
    const savedPath = process.env.PATH;
    process.env.PATH = join(scratch, "empty-bin");
    try {
      await expect(fetchNeo4j(layout, pom)).rejects.toThrow(/Maven \(mvn\) is needed/);
    } finally {
      process.env.PATH = savedPath;
    }
  });

  it("gives up after NEO4J_START_TIMEOUT with the log to read, and leaves no server running", async () => {
    // A second home that borrows the jars the global set-up fetched, on a free port.
    const home = join(scratch, "timeout-home");
    const layout = neo4jLayout(home);
    const fetched = neo4jLayout(projectRoot);
    mkdirSync(layout.root, { recursive: true });
    symlinkSync(join(fetched.libDir, ".."), join(layout.libDir, ".."));
    const port = await freePort();
    const error = await startLocalNeo4j(
      layout,
      settings(`bolt://127.0.0.1:${port}`, { NEO4J_START_TIMEOUT: "1" }),
      pom,
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message).toBe("Neo4j did not accept Bolt connections within 1 s");
    expect((error as CliError).logFile).toBe(layout.neo4jLog);
    expect(runningNeo4jPid(layout)).toBeUndefined();
    // No Java process with this home is left (pgrep exits 1 when nothing matches).
    expect(spawnSync("pgrep", ["-f", "--", `--home-dir=${layout.homeDir}`]).status).toBe(1);
  }, 90_000);
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
