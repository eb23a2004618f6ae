import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listEndpoints } from "../../contract/api-endpoints";
import { endpointUrl, type PathParams, type QueryValues } from "../../contract/endpoint";
import type { DocumentedEndpoint, OpenApiDocument } from "../../server/src/openapi/openapi-document";
import { buildOpenApiDocument, openApiPath } from "../../server/src/openapi/openapi-document";
import { type RunningApp, startTestApp } from "../support/test-app";

const TOKEN = "a-token-for-the-scripting-examples";
const EXAMPLES_DIR = join(import.meta.dirname, "..", "..", "docs", "api", "examples");
const DOC_ID = "https://graph-explorer.invalid/openapi";

let app: RunningApp;
let document: OpenApiDocument;

beforeAll(async () => {
  // Token mode without a token: the API is open to these read-only requests.
  app = await startTestApp({ env: { AUTH_MODE: "token", APP_TOKEN: "", WRITE_TOKEN: "" } });
  const answer = await fetch(`${app.baseUrl}/api/openapi.json`);
  expect(answer.status).toBe(200);
  document = (await answer.json()) as OpenApiDocument;
});
afterAll(() => app?.close());

/** Checks a JSON answer against the document's schema for that operation and status. */
function answerMatches(path: string, method: string, status: number, body: unknown): string[] {
  const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
  ajv.addSchema({ $id: DOC_ID, components: document.components });
  const operation = document.paths[path]?.[method] as
    | { responses: { [status: string]: { content?: object } } }
    | undefined;
  if (!operation) return [`${method.toUpperCase()} ${path} is not documented`];
  const { responses } = operation;
  const schema = (responses[String(status)]?.content as { "application/json"?: { schema: object } } | undefined)?.[
    "application/json"
  ]?.schema;
  if (!schema) return [`no JSON schema documented for ${method.toUpperCase()} ${path} ${status}`];
  const validate = ajv.compile(
    JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', `"${DOC_ID}#/components/`)),
  );
  return validate(body) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

describe("GET /api/openapi.json on the running app", () => {
  it("serves a valid OpenAPI 3.1 document, the one built from this server's configuration", async () => {
    const result = await new Validator().validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(document).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument(app.config))));
  });

  it("answers each documented example request with the documented answer shape, on the seed graph", async () => {
    const examples = listEndpoints().flatMap(({ area, name, endpoint }) =>
      ((endpoint as DocumentedEndpoint).examples ?? []).map((example) => ({
        label: `${area}.${name}/${example.name}`,
        endpoint,
        example,
      })),
    );
    expect(examples.length).toBeGreaterThanOrEqual(10);
    const problems: string[] = [];
    for (const { label, endpoint, example } of examples) {
      const url = endpointUrl(
        endpoint,
        (example.params ?? {}) as PathParams<typeof endpoint>,
        example.query as QueryValues<typeof endpoint>,
      );
      const answer = await fetch(`${app.baseUrl}${url}`, {
        method: endpoint.method,
        ...(example.body === undefined
          ? {}
          : { headers: { "content-type": "application/json" }, body: JSON.stringify(example.body) }),
      });
      const body = await answer.json();
      if (answer.status !== 200) {
        problems.push(`${label}: ${answer.status} ${JSON.stringify(body).slice(0, 300)}`);
        continue;
      }
      for (const problem of answerMatches(openApiPath(endpoint.path), endpoint.method.toLowerCase(), 200, body))
        problems.push(`${label}: ${problem}`);
    }
    expect(problems).toEqual([]);
  });

  it("documents the error answers it gives: an unknown node is 404 NOT_FOUND, a bad limit 400 VALIDATION", async () => {
    const missing = await fetch(`${app.baseUrl}/api/nodes/no-such-node-anywhere`);
    expect(missing.status).toBe(404);
    expect(answerMatches("/api/nodes/{id}", "get", 404, await missing.json())).toEqual([]);
    const invalid = await fetch(`${app.baseUrl}/api/graph?limit=0`);
    expect(invalid.status).toBe(400);
    expect(answerMatches("/api/graph", "get", 400, await invalid.json())).toEqual([]);
  });
});

describe("GET /api/docs", () => {
  it("serves the reference page and the viewer's files from this origin, under the app's CSP", async () => {
    const page = await fetch(`${app.baseUrl}/api/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    const html = await page.text();
    const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map((match) => match[1] as string);
    expect(scripts).toEqual(["/api/docs/assets/swagger-ui-bundle.js", "/api/docs/assets/api-docs.js"]);
    expect(html).not.toMatch(/<script>|https?:\/\//);
    for (const asset of [...scripts, "/api/docs/assets/swagger-ui.css", "/api/docs/assets/api-docs.css"]) {
      const answer = await fetch(`${app.baseUrl}${asset}`);
      expect(answer.status, asset).toBe(200);
      expect(answer.headers.get("content-type"), asset).toMatch(asset.endsWith(".js") ? /javascript/ : /text\/css/);
    }
    expect((await fetch(`${app.baseUrl}/api/docs/assets/package.json`)).status).toBe(404);
  });
});

describe("the scripting examples in docs/api/examples", () => {
  /** Runs a script without blocking this process, which also serves the app it calls. */
  const run = (command: string, args: string[], env: { [name: string]: string }) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(
        command,
        args,
        {
          encoding: "utf8",
          timeout: 60_000,
          env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
        },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
          resolve({ status: code, stdout, stderr });
        },
      );
    });

  it("Python (urllib + json): lists a company's suppliers and the shortest paths to another", async () => {
    const result = await run("python3", [join(EXAMPLES_DIR, "suppliers.py"), "ByteDance", "Nvidia"], {
      GRAPH_EXPLORER_URL: app.baseUrl,
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("ByteDance sources from:\n  Huawei Technologies (reported)");
    expect(result.stdout).toMatch(/Shortest paths from ByteDance to NVIDIA: [1-9]/);
    expect(result.stdout).toContain("ByteDance - ");
  });

  it("shell (curl + jq): lists the suppliers and saves the neighbourhood as CSV", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "api-example-")), "edges.csv");
    const result = await run("sh", [join(EXAMPLES_DIR, "suppliers.sh"), "ByteDance", out], {
      GRAPH_EXPLORER_URL: app.baseUrl,
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("ByteDance sources from:\n  Huawei Technologies (reported)");
    const csv = readFileSync(out, "utf8").trim().split("\n");
    expect(csv[0]).toMatch(/^id,source,target,type,certainty/);
    expect(result.stdout).toContain(`Saved ${csv.length - 1} relationships around bytedance`);
  });

  describe("on a server that needs a token", () => {
    let guarded: RunningApp;
    beforeAll(async () => {
      guarded = await startTestApp({ env: { AUTH_MODE: "token", APP_TOKEN: TOKEN, WRITE_TOKEN: "" } });
    });
    afterAll(() => guarded?.close());

    it("both send GRAPH_EXPLORER_TOKEN as a bearer token, and say the API's error when it is missing", async () => {
      const out = join(mkdtempSync(join(tmpdir(), "api-example-")), "edges.csv");
      const scripts: [string, string[]][] = [
        ["python3", [join(EXAMPLES_DIR, "suppliers.py")]],
        ["sh", [join(EXAMPLES_DIR, "suppliers.sh"), "ByteDance", out]],
      ];
      for (const [command, args] of scripts) {
        const refused = await run(command, args, { GRAPH_EXPLORER_URL: guarded.baseUrl });
        expect(refused.status, command).toBe(1);
        expect(refused.stderr, command).toMatch(/^The API refused: 401 UNAUTHORIZED: /);
        const signed = await run(command, args, { GRAPH_EXPLORER_URL: guarded.baseUrl, GRAPH_EXPLORER_TOKEN: TOKEN });
        expect(signed.status, `${command}: ${signed.stderr}`).toBe(0);
        expect(signed.stdout, command).toContain("ByteDance sources from:");
      }
    });
  });
});
