import { listEndpoints } from "../../../contract/api-endpoints";
import { API_ERROR_CASES, type ApiErrorCase, type ErrorScope } from "../../../contract/api-errors";
import { type Endpoint, endpointAccess } from "../../../contract/endpoint";
import type { EndpointDocs, EndpointExample } from "../../../contract/endpoint-docs";
import { apiErrorSchema } from "../../../contract/graph-contract";
import packageJson from "../../../package.json" with { type: "json" };
import { describeLimits, type OpenApiConfig } from "./describe-limits";
import { SECURITY_SCHEMES, securityFor } from "./security-schemes";
import { type JsonSchema, OpenApiSchemas } from "./zod-to-openapi-schema";

export type OpenApiDocument = {
  openapi: "3.1.0";
  info: JsonSchema;
  tags: { name: string }[];
  paths: { [path: string]: { [method: string]: JsonSchema } };
  components: JsonSchema & { schemas: { [name: string]: JsonSchema } };
};

/** An endpoint of the table with what it may add for the reference. */
export type DocumentedEndpoint = Endpoint & EndpointDocs;

/** Express' `/api/nodes/:id` as OpenAPI writes it: `/api/nodes/{id}`. */
export const openApiPath = (path: string): string => path.replace(/:(\w+)/g, "{$1}");

const pascal = (...words: string[]) =>
  words.map((word) => word.replace(/(^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_m, _s, c: string) => c.toUpperCase())).join("");

/** Accounts mode (issue #17): users sign in, scripts send API keys; else token mode (APP_TOKEN). */
const accountsMode = (config: OpenApiConfig) => (config.auth as { mode?: unknown }).mode === "accounts";

/** Needs no credentials: in token mode what is served before the APP_TOKEN check, in accounts mode what the table calls public. */
const isOpen = (endpoint: DocumentedEndpoint, accounts: boolean) =>
  accounts ? endpoint.access === "public" : endpoint.open === true;

/** The write checks an endpoint runs: its own, else by method (a GET none, any other the write guard). */
export const writesOf = (endpoint: DocumentedEndpoint) =>
  endpoint.writes ?? (endpoint.method === "GET" ? "none" : "guarded");

/** Which of the shared failures an endpoint may answer. */
function scopesOf(endpoint: DocumentedEndpoint, accounts: boolean): Set<ErrorScope> {
  const scopes = new Set<ErrorScope>(["all"]);
  if (!isOpen(endpoint, accounts)) scopes.add("token");
  // Everything but liveness is under /api's rate limit and deadline.
  if (endpoint.open !== true) scopes.add("api");
  if (endpoint.params || endpoint.query || endpoint.body) scopes.add("input");
  if (endpoint.body) scopes.add("body");
  const writes = writesOf(endpoint);
  if (writes !== "none") scopes.add("write");
  if (writes === "write-token") scopes.add("write-token");
  if (endpoint.params) scopes.add("lookup");
  if (endpoint.neo4j !== false && !isOpen(endpoint, accounts)) scopes.add("neo4j");
  return scopes;
}

const RETRY_AFTER = {
  description: "Seconds to wait before trying again.",
  schema: { type: "integer", minimum: 1 },
};

/** The error shape with `code` narrowed to the codes one status carries (the whole shape: viewers show examples from it). */
function errorShape(apiError: JsonSchema, codes: readonly string[]): JsonSchema {
  const shape = structuredClone(apiError) as { properties: { error: { properties: { [key: string]: JsonSchema } } } };
  shape.properties.error.properties.code = { type: "string", enum: [...codes] };
  shape.properties.error.properties.details = {
    description: "What exactly was wrong, when the code says more: { path, message } per problem for VALIDATION.",
  };
  return shape as unknown as JsonSchema;
}

function errorResponses(
  endpoint: DocumentedEndpoint,
  accounts: boolean,
  apiError: JsonSchema,
): { [status: string]: JsonSchema } {
  const scopes = scopesOf(endpoint, accounts);
  const cases: ApiErrorCase[] = [
    ...API_ERROR_CASES.filter((errorCase) => scopes.has(errorCase.scope)),
    ...(endpoint.errors ?? []).map((error) => ({ ...error, code: error.code as ApiErrorCase["code"] })),
  ];
  const byStatus = new Map<number, ApiErrorCase[]>();
  for (const errorCase of cases) byStatus.set(errorCase.status, [...(byStatus.get(errorCase.status) ?? []), errorCase]);
  const responses: { [status: string]: JsonSchema } = {};
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    const codes = [...new Set(list.map((errorCase) => errorCase.code))];
    responses[String(status)] = {
      description: list.map((errorCase) => `**${errorCase.code}**: ${errorCase.when}`).join("\n\n"),
      ...(list.some((errorCase) => errorCase.retryAfter) ? { headers: { "Retry-After": RETRY_AFTER } } : {}),
      content: {
        "application/json": {
          schema: errorShape(apiError, codes),
          example: {
            error: {
              code: list[0]?.code,
              message: "What went wrong, in words for the analyst.",
              retriable: list[0]?.retryAfter === true,
            },
          },
        },
      },
    };
  }
  return responses;
}

function exampleValues(endpoint: DocumentedEndpoint, pick: (example: EndpointExample) => unknown) {
  const examples = (endpoint.examples ?? []).filter((example) => pick(example) !== undefined);
  if (examples.length === 0) return undefined;
  return Object.fromEntries(
    examples.map((example) => [example.name, { summary: example.summary, value: pick(example) }]),
  );
}

/**
 * A parameter's value in the endpoint's first example, the one a viewer fills its form with (the
 * others are listed with the request body, or in the table); one example's values belong together.
 */
function firstExample(endpoint: DocumentedEndpoint, pick: (example: EndpointExample) => unknown): unknown {
  const [first] = endpoint.examples ?? [];
  return first === undefined ? undefined : pick(first);
}

function parametersOf(endpoint: DocumentedEndpoint, schemas: OpenApiSchemas, hint: string): JsonSchema[] {
  const parameters: JsonSchema[] = [];
  for (const [name, schema] of Object.entries(endpoint.params ?? {})) {
    const example = firstExample(endpoint, (each) => each.params?.[name]);
    parameters.push({
      name,
      in: "path",
      required: true,
      schema: schemas.convert(schema, "input", `${hint}${pascal(name)}`),
      ...(example === undefined ? {} : { example }),
    });
  }
  if (endpoint.query) {
    const query = schemas.convert(endpoint.query, "input", `${hint}Query`);
    const properties = (query.properties ?? {}) as { [name: string]: JsonSchema };
    const required = new Set((query.required ?? []) as string[]);
    for (const [name, schema] of Object.entries(properties)) {
      const { description, ...rest } = schema;
      const example = firstExample(endpoint, (each) => each.query?.[name]);
      parameters.push({
        name,
        in: "query",
        required: required.has(name),
        ...(typeof description === "string" ? { description } : {}),
        schema: rest,
        ...(example === undefined ? {} : { example }),
      });
    }
  }
  return parameters;
}

function successResponses(endpoint: DocumentedEndpoint, schemas: OpenApiSchemas, hint: string) {
  const responses: { [status: string]: JsonSchema } = {};
  if (endpoint.answer) {
    responses["200"] = {
      description: endpoint.summary,
      content: { "application/json": { schema: schemas.convert(endpoint.answer, "output", `${hint}Answer`) } },
    };
  } else if (!endpoint.answers?.length) {
    responses[endpoint.method === "DELETE" ? "204" : "200"] = { description: endpoint.summary };
  }
  for (const answer of endpoint.answers ?? []) {
    const content: JsonSchema = {};
    if (answer.schema)
      content["application/json"] = { schema: schemas.convert(answer.schema, "output", `${hint}${answer.status}`) };
    for (const mediaType of answer.mediaTypes ?? []) content[mediaType] = {};
    responses[String(answer.status)] = {
      description: answer.description,
      ...(Object.keys(content).length > 0 ? { content } : {}),
    };
  }
  return responses;
}

function signIn(tokens: { accounts: boolean; appToken: boolean }): string {
  if (tokens.accounts)
    return "Users sign in (accounts mode); scripts send an API key as `Authorization: Bearer <key>`.";
  if (tokens.appToken)
    return "This server needs APP_TOKEN on every request but GET /api/health: scripts send `Authorization: Bearer <token>`, browsers log in with HTTP Basic.";
  return "This server runs without APP_TOKEN: reads are open; ingesting claims needs WRITE_TOKEN as `Authorization: Bearer <token>`.";
}

function accessKind(endpoint: DocumentedEndpoint, accounts: boolean) {
  if (isOpen(endpoint, accounts)) return "open" as const;
  const writes = writesOf(endpoint);
  return writes === "none" ? ("token" as const) : writes;
}

/**
 * The OpenAPI 3.1 document of this server's API, generated from the contract's endpoint table:
 * every endpoint, its parameters, body and answers from its zod schemas, the failures it may
 * answer, the auth schemes and this server's limits (from its configuration).
 */
export function buildOpenApiDocument(config: OpenApiConfig): OpenApiDocument {
  const schemas = new OpenApiSchemas();
  const apiError = schemas.convert(apiErrorSchema, "output", "ApiError");
  const accounts = accountsMode(config);
  const tokens = {
    accounts,
    appToken: config.auth.appToken !== undefined,
    writeToken: config.auth.writeToken !== undefined,
  };
  const paths: OpenApiDocument["paths"] = {};
  const tags = new Set<string>();
  for (const { area, name, endpoint: tableEntry } of listEndpoints()) {
    const endpoint = tableEntry as DocumentedEndpoint;
    const hint = pascal(area, name);
    tags.add(area);
    const bodyExamples = exampleValues(endpoint, (example) => example.body);
    const operation: JsonSchema = {
      operationId: `${area}.${name}`,
      tags: [area],
      summary: endpoint.summary,
      ...(accounts && !isOpen(endpoint, accounts)
        ? {
            description: `Accounts mode: needs the role **${endpointAccess(endpoint)}** or above.`,
            "x-required-role": endpointAccess(endpoint),
          }
        : {}),
      security: securityFor(accessKind(endpoint, accounts), tokens),
      parameters: parametersOf(endpoint, schemas, hint),
      ...(endpoint.body
        ? {
            requestBody: {
              required: true,
              content: {
                "application/json": {
                  schema: schemas.convert(endpoint.body, "input", `${hint}Body`),
                  ...(bodyExamples ? { examples: bodyExamples } : {}),
                },
              },
            },
          }
        : {}),
      responses: { ...successResponses(endpoint, schemas, hint), ...errorResponses(endpoint, accounts, apiError) },
    };
    const path = openApiPath(endpoint.path);
    paths[path] = { ...paths[path], [endpoint.method.toLowerCase()]: operation };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Graph Explorer API",
      version: packageJson.version,
      summary: packageJson.description,
      description: [
        "Generated from the contract's endpoint table (contract/*-endpoints.ts) and its zod schemas: what is listed here is what this server registers.",
        "",
        "**Errors.** Every failure is `{ error: { code, message, retriable, details? } }` with a stable `code`; a retriable one carries Retry-After. Never a 200 carrying a failure.",
        "",
        `**Sign-in.** ${signIn(tokens)} Writes made with a browser's credentials also need the page's X-CSRF-Token (GET /api/csrf-token).`,
        "",
        "**Limits of this server** (set in its environment):",
        "",
        describeLimits(config),
      ].join("\n"),
    },
    tags: [...tags].map((tag) => ({ name: tag })),
    paths,
    components: {
      schemas: { ApiError: apiError, ...schemas.components },
      securitySchemes: SECURITY_SCHEMES,
    },
  };
}
