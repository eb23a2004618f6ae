import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localTarget } from "../../scripts/neo4j/local-target";
import { projectRoot } from "../../scripts/project-root";
import { loadAppConfig } from "../../server/src/config/app-config";
import { loadEnvFile } from "../../server/src/config/load-env-file";
import { TcpProxy } from "../support/tcp-proxy";
import { getJson, postJson, type RunningApp, startTestApp } from "../support/test-app";

let proxy: TcpProxy;
let app: RunningApp;

beforeAll(async () => {
  loadEnvFile(projectRoot);
  const target = localTarget(loadAppConfig().neo4j.uri);
  proxy = new TcpProxy(target.host, target.port);
  await proxy.up();
  app = await startTestApp({ neo4j: { uri: `bolt://127.0.0.1:${proxy.port}` } });
});
afterAll(async () => {
  await app.close();
  await proxy.down();
});

describe("when Neo4j goes away and comes back", () => {
  it("answers 503 while it is gone and recovers by itself, without a restart", async () => {
    expect((await getJson(`${app.baseUrl}/api/ready`)).status).toBe(200);
    expect((await getJson(`${app.baseUrl}/api/graph?limit=5`)).status).toBe(200);

    await proxy.down();
    expect((await getJson(`${app.baseUrl}/api/ready`)).status).toBe(503);
    const during = await getJson(`${app.baseUrl}/api/nodes/bytedance`);
    expect(during.status).toBe(503);
    expect(during.body).toMatchObject({ error: { code: "DB_UNAVAILABLE", retriable: true } });
    const cypherDuring = await postJson(`${app.baseUrl}/api/cypher`, { query: "RETURN 1 AS one" });
    expect(cypherDuring.status).toBe(503);
    expect(cypherDuring.body).toMatchObject({ error: { code: "DB_UNAVAILABLE" } });

    await proxy.up();
    expect((await getJson(`${app.baseUrl}/api/ready`)).status).toBe(200);
    const after = await getJson(`${app.baseUrl}/api/nodes/bytedance`);
    expect(after.status).toBe(200);
  });
});
