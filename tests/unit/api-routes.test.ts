import type { Express } from "express";
import type { Driver } from "neo4j-driver";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { listEndpoints } from "../../contract/api-endpoints";
import { loadAppConfig } from "../../server/src/config/app-config";
import { createApp } from "../../server/src/create-app";

interface Layer {
  route?: { path: unknown; methods: { [method: string]: boolean } };
  handle?: { stack?: Layer[] };
  rawPath?: unknown;
}

/** Every route the app registers, as `METHOD /path`, mount paths included. */
function registeredRoutes(stack: readonly Layer[], prefix = ""): string[] {
  return stack.flatMap((layer) => {
    if (layer.route) {
      const path = typeof layer.route.path === "string" ? `${prefix}${layer.route.path}` : String(layer.route.path);
      return Object.keys(layer.route.methods)
        .filter((method) => method !== "_all" && layer.route?.methods[method])
        .map((method) => `${method.toUpperCase()} ${path}`);
    }
    const inner = layer.handle?.stack;
    if (!inner) return [];
    const mount = typeof layer.rawPath === "string" && layer.rawPath !== "/" ? layer.rawPath : "";
    return registeredRoutes(inner, `${prefix}${mount}`);
  });
}

function buildApp(): Express {
  // Nothing connects while the app is built: routes get repositories over a driver they never call here.
  const driver = {} as Driver;
  return createApp({
    driver,
    config: loadAppConfig({}),
    logger: pino({ level: "silent" }),
    queriesDir: "cypher/queries",
  });
}

const apiRoutes = () =>
  registeredRoutes((buildApp() as unknown as { router: { stack: Layer[] } }).router.stack).filter((route) =>
    route.split(" ")[1]?.startsWith("/api/"),
  );
const tableRoutes = () => listEndpoints().map(({ endpoint }) => `${endpoint.method} ${endpoint.path}`);

describe("the API's routes and the contract's endpoint table", () => {
  it("registers every endpoint of the table, and no API route outside it", () => {
    expect([...new Set(apiRoutes())].sort()).toEqual([...new Set(tableRoutes())].sort());
  });

  it("registers each route once, and the table names each method and path once", () => {
    const registered = apiRoutes();
    expect(registered.length).toBe(new Set(registered).size);
    expect(tableRoutes().length).toBe(new Set(tableRoutes()).size);
  });

  it("gives a schema for each :name of a path, and none for a name the path lacks", () => {
    const mismatched = listEndpoints().filter(({ endpoint }) => {
      const names = [...endpoint.path.matchAll(/:(\w+)/g)].map((match) => match[1]).sort();
      return JSON.stringify(names) !== JSON.stringify(Object.keys(endpoint.params ?? {}).sort());
    });
    expect(mismatched.map(({ area, name }) => `${area}.${name}`)).toEqual([]);
  });

  it("gives a body schema to every POST and PUT and none to a GET or DELETE", () => {
    const wrong = listEndpoints().filter(({ endpoint }) =>
      endpoint.method === "POST" || endpoint.method === "PUT"
        ? endpoint.body === undefined
        : endpoint.body !== undefined,
    );
    expect(wrong.map(({ area, name }) => `${area}.${name}`)).toEqual([]);
  });
});
