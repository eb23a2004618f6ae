/**
 * Neo4jDatabase.readOnce: one read in an auto-commit transaction (the expansion's read), against
 * the development Neo4j through a proxy that can cut the path to it. It only reads.
 */
import neo4j, { type Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localTarget } from "../../scripts/neo4j/local-target";
import { projectRoot } from "../../scripts/project-root";
import { loadAppConfig } from "../../server/src/config/app-config";
import { loadEnvFile } from "../../server/src/config/load-env-file";
import { createDriver } from "../../server/src/neo4j/create-driver";
import { Neo4jDatabase } from "../../server/src/neo4j/neo4j-database";
import { TcpProxy } from "../support/tcp-proxy";

let proxy: TcpProxy;
let driver: Driver;
let database: Neo4jDatabase;

beforeAll(async () => {
  loadEnvFile(projectRoot);
  const config = loadAppConfig();
  const target = localTarget(config.neo4j.uri);
  proxy = new TcpProxy(target.host, target.port);
  await proxy.up();
  driver = createDriver({ ...config.neo4j, uri: `bolt://127.0.0.1:${proxy.port}` });
  database = new Neo4jDatabase(driver, { database: config.neo4j.database, queryTimeoutMs: 30_000 });
});
afterAll(async () => {
  await driver.close();
  await proxy.down();
});

/** Long enough that only a stop ends it within the test (about a minute on this machine). */
const SLOW_QUERY = "UNWIND range(1, 2000000000) AS x WITH x WHERE x = -1 RETURN count(x) AS none";

describe("Neo4jDatabase.readOnce", () => {
  it("answers as the managed read does, parameters included", async () => {
    const query = "UNWIND range(1, $n) AS x RETURN x, $word AS word";
    const params = { n: neo4j.int(3), word: "fictional" };
    const once = await database.readOnce(query, params);
    const managed = await database.read(query, params);
    expect(once.records.map((record) => record.toObject())).toEqual(managed.records.map((record) => record.toObject()));
    expect(once.records.map((record) => record.get("x").toNumber())).toEqual([1, 2, 3]);
  });

  it("tries again while Neo4j cannot be reached for a moment, and answers once it can", async () => {
    await proxy.down();
    const started = Date.now();
    const answer = database.readOnce("RETURN 1 AS one");
    const back = new Promise((resolve) => setTimeout(resolve, 300)).then(() => proxy.up());
    const { records } = await answer.finally(() => back);
    expect(records[0]?.get("one").toNumber()).toBe(1);
    // The first try failed (nothing listened): the answer came from a later one, a second or so on.
    expect(Date.now() - started).toBeGreaterThanOrEqual(700);
  });

  it("fails at once on an error that would come again", async () => {
    const started = Date.now();
    await expect(database.readOnce("RETURN 1 +")).rejects.toMatchObject({
      code: "Neo.ClientError.Statement.SyntaxError",
    });
    // No retry: the driver's first wait is 1 s.
    expect(Date.now() - started).toBeLessThan(700);
  });

  it("stops the query in Neo4j when its signal is aborted", async () => {
    const controller = new AbortController();
    const started = Date.now();
    const answer = database.readOnce(SLOW_QUERY, {}, controller.signal);
    setTimeout(() => controller.abort(), 500);
    await expect(answer).rejects.toBeDefined();
    expect(Date.now() - started).toBeLessThan(10_000);
    // Neo4j no longer runs it.
    await expect
      .poll(async () => {
        const { records } = await database.read(
          "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $marker RETURN count(*) AS running",
          { marker: "range(1, 2000000000)" },
        );
        return records[0]?.get("running").toNumber();
      })
      .toBe(0);
    await expect(database.readOnce(SLOW_QUERY, {}, AbortSignal.abort())).rejects.toBeDefined();
  });
});
