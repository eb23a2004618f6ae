import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { Express } from "express";
import type { Driver } from "neo4j-driver";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { listEndpoints } from "../../contract/api-endpoints";
import { type AppConfig, loadAppConfig } from "../../server/src/config/app-config";
import { createApp } from "../../server/src/create-app";
import { buildOpenApiDocument, type DocumentedEndpoint, openApiPath } from "../../server/src/openapi/openapi-document";
import { registeredRoutes } from "../support/registered-routes";

const TOKEN = "an-app-token-of-the-openapi-test";

function buildApp(config: AppConfig): Express {
  // Nothing connects while the app is built: the checks below stop before any route asks Neo4j.
  return createApp({ driver: {} as Driver, config, logger: pino({ level: "silent" }), queriesDir: "cypher/queries" });
}

const document = buildOpenApiDocument(loadAppConfig({}));
const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
);
const responsesOf = (operation: { [key: string]: unknown }) =>
  operation.responses as { [status: string]: { description?: string; headers?: object; content?: object } };

describe("the OpenAPI document generated from the endpoint table", () => {
  it("is a valid OpenAPI 3.1 document for a third-party validator, whatever the sign-in mode", async () => {
    for (const env of [{}, { APP_TOKEN: TOKEN }, { WRITE_TOKEN: TOKEN }]) {
      const validator = new Validator();
      const result = await validator.validate(structuredClone(buildOpenApiDocument(loadAppConfig(env))));
      expect(result.errors ?? [], JSON.stringify(env)).toEqual([]);
      expect(result.valid).toBe(true);
      expect(validator.version).toBe("3.1");
    }
  });

  it("has JSON Schemas that compile, every $ref resolving inside the document", () => {
    const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
    ajv.addSchema({ $id: "https://graph-explorer.invalid/openapi", components: document.components });
    const text = JSON.stringify(document);
    for (const [, ref] of text.matchAll(/"\$ref":"([^"]+)"/g)) {
      expect(ref, "refers inside the document").toMatch(/^#\/components\/schemas\//);
      const name = decodeURIComponent((ref as string).split("/").pop() as string);
      expect(document.components.schemas, ref).toHaveProperty([name]);
    }
    for (const { path, method, operation } of operations) {
      for (const [status, response] of Object.entries(responsesOf(operation))) {
        const schema = (response.content as { "application/json"?: { schema?: object } } | undefined)?.[
          "application/json"
        ]?.schema;
        if (!schema) continue;
        const wrapped = JSON.parse(
          JSON.stringify(schema).replaceAll('"#/components/', '"https://graph-explorer.invalid/openapi#/components/'),
        );
        expect(() => ajv.compile(wrapped), `${method} ${path} ${status}`).not.toThrow();
      }
    }
  });

  it("documents every route the app registers under /api, and registers every documented one", () => {
    const registered = registeredRoutes(buildApp(loadAppConfig({})))
      .filter((route) => route.split(" ")[1]?.startsWith("/api/"))
      .map((route) => {
        const [method, path] = route.split(" ") as [string, string];
        return `${method} ${openApiPath(path)}`;
      });
    const documented = operations.map(({ path, method }) => `${method.toUpperCase()} ${path}`);
    expect([...new Set(registered)].sort()).toEqual([...documented].sort());
    expect(operations.length).toBe(listEndpoints().length);
  });

  it("names each operation once, with parameters for every {name} of its path", () => {
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, operation } of operations) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      const parameters = (operation.parameters as { name: string; in: string }[]).filter((p) => p.in === "path");
      expect(parameters.map((parameter) => parameter.name).sort(), path).toEqual(inPath);
    }
  });

  it("lists the shared failures where they apply: 401 behind the token, 429 with Retry-After, 413 with a body", () => {
    const tokenMode = buildOpenApiDocument(loadAppConfig({ APP_TOKEN: TOKEN }));
    const tokenOperations = Object.entries(tokenMode.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
    );
    for (const { path, method, operation } of tokenOperations) {
      const responses = responsesOf(operation);
      const label = `${method.toUpperCase()} ${path}`;
      expect(responses["500"], label).toBeDefined();
      if (path === "/api/health") {
        expect(responses["401"], label).toBeUndefined();
        expect(operation.security, label).toEqual([{}]);
        continue;
      }
      expect(responses["401"], label).toBeDefined();
      expect(responses["429"]?.headers, label).toHaveProperty(["Retry-After"]);
      expect(responses["504"], label).toBeDefined();
      if (operation.requestBody) expect(responses["413"], label).toBeDefined();
      if (path.includes("{")) expect(responses["404"], label).toBeDefined();
    }
  });

  it("describes this server's limits from its configuration", () => {
    const custom = buildOpenApiDocument(
      loadAppConfig({ RATE_LIMIT_MAX: "77", REQUEST_BODY_MAX_BYTES: "4096", CYPHER_ROW_CAP: "123" }),
    );
    const description = String(custom.info.description);
    expect(description).toContain("77 API requests per 60 s");
    expect(description).toContain("Request bodies: 4 KiB");
    expect(description).toContain("Workbench rows per answer: 123 (`CYPHER_ROW_CAP`)");
  });

  it("gives example requests that the endpoint's own schemas accept", () => {
    const examples = listEndpoints().flatMap(({ area, name, endpoint }) =>
      ((endpoint as DocumentedEndpoint).examples ?? []).map((example) => ({
        label: `${area}.${name}`,
        endpoint,
        example,
      })),
    );
    expect(examples.length).toBeGreaterThanOrEqual(10);
    for (const { label, endpoint, example } of examples) {
      for (const [name, value] of Object.entries(example.params ?? {}))
        expect(endpoint.params?.[name]?.safeParse(value).success, `${label} :${name}`).toBe(true);
      const query = Object.fromEntries(Object.entries(example.query ?? {}).map(([key, value]) => [key, String(value)]));
      if (endpoint.query) expect(endpoint.query.safeParse(query).error, label).toBeUndefined();
      else expect(example.query, label).toBeUndefined();
      if (endpoint.body) expect(endpoint.body.safeParse(example.body).error, label).toBeUndefined();
    }
  });
});

describe("the document's security and write marks, checked against the running app", () => {
  const config = loadAppConfig({ APP_TOKEN: TOKEN });
  const app = buildApp(config);
  const withToken = buildOpenApiDocument(config);

  async function send(method: string, path: string, headers: { [name: string]: string }) {
    const server = app.listen(0, "127.0.0.1");
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    const { port } = server.address() as { port: number };
    try {
      const url = `http://127.0.0.1:${port}${path.replace(/\{\w+\}/g, "example")}`;
      const response = await fetch(url, {
        method: method.toUpperCase(),
        headers: { "content-type": "application/json", ...headers },
        ...(method === "get" ? {} : { body: "{}" }),
      });
      const body = (await response.text()).slice(0, 2000);
      return { status: response.status, code: /"code":"(\w+)"/.exec(body)?.[1] };
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  it("answers 401 without the token exactly where the document asks for one", async () => {
    const mismatched: string[] = [];
    for (const [path, methods] of Object.entries(withToken.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const open = JSON.stringify(operation.security) === "[{}]";
        const { status } = await send(method, path, {});
        const documented = Boolean(responsesOf(operation)["401"]);
        if ((status === 401) !== !open || documented !== !open)
          mismatched.push(`${method.toUpperCase()} ${path}: answered ${status}, documented open: ${open}`);
      }
    }
    expect(mismatched).toEqual([]);
  });

  it("refuses a cross-site write exactly where the document says the write guard runs", async () => {
    const mismatched: string[] = [];
    for (const [path, methods] of Object.entries(withToken.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        if (method === "get") continue;
        const guarded = JSON.stringify(operation.security).includes("csrfToken");
        const answer = await send(method, path, {
          authorization: `Bearer ${TOKEN}`,
          "sec-fetch-site": "cross-site",
          origin: "https://elsewhere.example",
        });
        // Served in another mode only (accounts): the route answers 404 before any guard here.
        if (answer.status === 404 && answer.code === "NOT_FOUND") continue;
        const refused = answer.status === 403 && answer.code === "WRITE_FORBIDDEN";
        if (refused !== guarded)
          mismatched.push(
            `${method.toUpperCase()} ${path}: answered ${answer.status} ${answer.code}, documented guarded: ${guarded}`,
          );
      }
    }
    expect(mismatched).toEqual([]);
  });
});

describe("the document's write-token marks, checked against the running app", () => {
  const config = loadAppConfig({ AUTH_MODE: "token", APP_TOKEN: TOKEN, WRITE_TOKEN: `${TOKEN}-for-writes` });
  const app = buildApp(config);
  const document = buildOpenApiDocument(config);

  it("refuses the app token alone (401) exactly where the document asks for WRITE_TOKEN", async () => {
    const server = app.listen(0, "127.0.0.1");
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    const { port } = server.address() as { port: number };
    const mismatched: string[] = [];
    try {
      for (const [path, methods] of Object.entries(document.paths)) {
        for (const [method, operation] of Object.entries(methods)) {
          if (method === "get") continue;
          const answer = await fetch(`http://127.0.0.1:${port}${path.replace(/\{\w+\}/g, "example")}`, {
            method: method.toUpperCase(),
            headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` },
            body: "{}",
          });
          const code = /"code":"(\w+)"/.exec(await answer.text())?.[1];
          // Served in another mode only (accounts): 404 before any check here.
          if (answer.status === 404 && code === "NOT_FOUND") continue;
          const documented = String(responsesOf(operation)["401"]?.description ?? "").includes("WRITE_TOKEN");
          if ((answer.status === 401) !== documented)
            mismatched.push(
              `${method.toUpperCase()} ${path}: ${answer.status} ${code}, documented WRITE_TOKEN: ${documented}`,
            );
        }
      }
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    expect(mismatched).toEqual([]);
  });
});

describe("the document's security in accounts mode, checked against the running app", () => {
  const config = loadAppConfig({ AUTH_MODE: "accounts" });
  const app = buildApp(config);
  const accounts = buildOpenApiDocument(config);

  it("answers 401 without a session or key exactly where the document asks for one, and names the role", async () => {
    const server = app.listen(0, "127.0.0.1");
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    const { port } = server.address() as { port: number };
    const mismatched: string[] = [];
    try {
      for (const [path, methods] of Object.entries(accounts.paths)) {
        for (const [method, operation] of Object.entries(methods)) {
          const open = JSON.stringify(operation.security) === "[{}]";
          const answer = await fetch(`http://127.0.0.1:${port}${path.replace(/\{\w+\}/g, "example")}`, {
            method: method.toUpperCase(),
            headers: { "content-type": "application/json" },
            ...(method === "get" ? {} : { body: "{}" }),
          });
          await answer.body?.cancel();
          if ((answer.status === 401) === open) mismatched.push(`${method.toUpperCase()} ${path}: ${answer.status}`);
          if (!open && typeof operation["x-required-role"] !== "string") mismatched.push(`${path}: no role`);
        }
      }
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    expect(mismatched).toEqual([]);
  });
});
