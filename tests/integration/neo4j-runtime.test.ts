import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CliError } from "../../scripts/neo4j/cli-error";
import { fetchNeo4j, isNeo4jDownloaded } from "../../scripts/neo4j/fetch-neo4j";
import { startLocalNeo4j } from "../../scripts/neo4j/local-neo4j";
import { localNeo4jSettings } from "../../scripts/neo4j/local-neo4j-settings";
import { neo4jLayout } from "../../scripts/neo4j/neo4j-layout";
import { projectRoot } from "../../scripts/project-root";

const pom = join(projectRoot, "scripts", "neo4j", "pom.xml");
let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "neo4j-runtime-"));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const settings = (uri: string) => localNeo4jSettings({ NEO4J_URI: uri, NEO4J_PASSWORD: "long-enough-password" });

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
    beforeAll(async () => {
      blocker = createServer();
      await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", () => resolve()));
      port = (blocker.address() as { port: number }).port;
    });
    afterAll(() => new Promise<void>((resolve) => blocker.close(() => resolve())));

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
});
