import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { type RequestHandler, Router } from "express";
import { docsEndpoints } from "../../../contract/docs-endpoints";
import { route } from "../http/route";
import type { OpenApiConfig } from "./describe-limits";
import { buildOpenApiDocument } from "./openapi-document";

const VIEWER_DIR = join(import.meta.dirname, "viewer");
const SWAGGER_UI_DIR = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));

/** The files the reference page loads, by the name it asks for: the viewer's own, and ours. */
const ASSETS: { readonly [name: string]: string } = {
  "swagger-ui.css": join(SWAGGER_UI_DIR, "swagger-ui.css"),
  "swagger-ui-bundle.js": join(SWAGGER_UI_DIR, "swagger-ui-bundle.js"),
  "api-docs.js": join(VIEWER_DIR, "api-docs.js"),
  "api-docs.css": join(VIEWER_DIR, "api-docs.css"),
};

/** `/api/docs/assets/<name>`: only the files above, from this origin (the CSP allows no other). */
export function docsAssets(): RequestHandler {
  return (req, res, next) => {
    const file = Object.hasOwn(ASSETS, req.path.slice(1)) ? ASSETS[req.path.slice(1)] : undefined;
    if (file === undefined || (req.method !== "GET" && req.method !== "HEAD")) return next();
    res.sendFile(file, { maxAge: "1h" }, (error) => {
      if (error) next(error);
    });
  };
}

/**
 * `GET /api/openapi.json`, the OpenAPI document of this server (built once: the table and the
 * settings do not change while it runs), and `GET /api/docs`, the page to browse it.
 */
export function openApiRoutes(config: OpenApiConfig): Router {
  const router = Router();
  const document = JSON.stringify(buildOpenApiDocument(config));
  route(router, docsEndpoints.openapi, (_req, res) => {
    res.type("application/json").send(document);
  });
  route(router, docsEndpoints.viewer, (_req, res) => {
    res.sendFile(join(VIEWER_DIR, "index.html"));
  });
  router.use("/api/docs/assets", docsAssets());
  return router;
}
