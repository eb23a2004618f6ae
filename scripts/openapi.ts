/**
 * `npm run openapi [file]`: writes the OpenAPI 3.1 document of the API (what GET /api/openapi.json
 * serves) to a file for offline use, by default dist/openapi.json, with the limits of the
 * configuration in .env and the environment.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { loadAppConfig } from "../server/src/config/app-config";
import { loadEnvFile } from "../server/src/config/load-env-file";
import { buildOpenApiDocument } from "../server/src/openapi/openapi-document";
import { projectRoot } from "./project-root";

loadEnvFile(projectRoot);
const file = resolve(process.argv[2] ?? resolve(projectRoot, "dist", "openapi.json"));
const document = buildOpenApiDocument(loadAppConfig());
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
const operations = Object.values(document.paths).reduce((sum, methods) => sum + Object.keys(methods).length, 0);
console.log(`Wrote ${file}: OpenAPI ${document.openapi}, ${operations} operations.`);
