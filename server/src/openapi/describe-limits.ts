import { EXTRACT_MAX_CHARACTERS } from "../../../contract/extract-endpoints";
import { MAX_PATH_HOPS } from "../../../contract/request-schemas";
import type { AppConfig } from "../config/app-config";

/** The settings the reference describes: the server's own, so the numbers are this server's. */
export type OpenApiConfig = Pick<
  AppConfig,
  "queryTimeoutMs" | "requestTimeoutMs" | "graphMaxEdges" | "http" | "auth" | "cypher"
>;

const bytes = (count: number) =>
  count >= 1_048_576 && count % 1_048_576 === 0
    ? `${count / 1_048_576} MiB`
    : count >= 1024 && count % 1024 === 0
      ? `${count / 1024} KiB`
      : `${count.toLocaleString("en-US")} bytes`;
const seconds = (ms: number) => `${(ms / 1000).toLocaleString("en-US")} s`;
const count = (value: number) => value.toLocaleString("en-US");

/** The limits of this server, as a Markdown list for the document's description, with the setting that changes each. */
export function describeLimits(config: OpenApiConfig): string {
  const { http, cypher } = config;
  const rows: [string, string][] = [
    [
      `${count(http.rateLimit.max)} API requests per ${seconds(http.rateLimit.windowMs)} per address; then 429 RATE_LIMITED with Retry-After`,
      "RATE_LIMIT_MAX, RATE_LIMIT_WINDOW_MS",
    ],
    [
      `${count(http.authFailureLimit.max)} wrong tokens per ${seconds(http.authFailureLimit.windowMs)} per address; then 429 RATE_LIMITED with Retry-After`,
      "AUTH_FAILURE_MAX, AUTH_FAILURE_WINDOW_MS",
    ],
    [
      `Every request is answered within ${seconds(config.requestTimeoutMs)} (else 504 DB_TIMEOUT)`,
      "REQUEST_TIMEOUT_MS",
    ],
    [`One Neo4j query runs at most ${seconds(config.queryTimeoutMs)}`, "QUERY_TIMEOUT_MS"],
    [`Request bodies: ${bytes(http.bodyMaxBytes)} (else 413)`, "REQUEST_BODY_MAX_BYTES"],
    [`POST /api/views bodies: ${bytes(http.viewBodyMaxBytes)}`, "VIEW_BODY_MAX_BYTES"],
    [`POST /api/claims and POST /api/extract bodies: ${bytes(http.claimsBodyMaxBytes)}`, "CLAIMS_BODY_MAX_BYTES"],
    [`An article sent to POST /api/extract: ${count(EXTRACT_MAX_CHARACTERS)} characters`, "fixed"],
    [`Relationships in one graph answer: ${count(config.graphMaxEdges)} (then \`truncated: true\`)`, "GRAPH_MAX_EDGES"],
    [`Hops of a path search (maxHops): ${MAX_PATH_HOPS}`, "fixed"],
    [`Workbench rows per answer: ${count(cypher.rowCap)}`, "CYPHER_ROW_CAP"],
    [
      `Workbench answer size: ${bytes(cypher.maxResponseBytes)} (else 422 QUERY_TOO_LARGE)`,
      "CYPHER_MAX_RESPONSE_BYTES",
    ],
    [`Workbench query length: ${count(cypher.maxQueryLength)} characters`, "CYPHER_MAX_QUERY_LENGTH"],
    [`Workbench parameter nesting: ${cypher.maxParamDepth} levels`, "CYPHER_MAX_PARAM_DEPTH"],
    [
      `Workbench queries in flight per address: ${cypher.maxConcurrentPerClient} (then 429)`,
      "CYPHER_MAX_CONCURRENT_PER_CLIENT",
    ],
    [
      `Workbench graph view: ${count(cypher.maxGraphElements)} nodes and as many relationships`,
      "CYPHER_MAX_GRAPH_ELEMENTS",
    ],
    [
      `Workbench query nesting and UNIONs: ${cypher.maxDepth} levels, ${cypher.maxUnions} UNIONs`,
      "CYPHER_MAX_DEPTH, CYPHER_MAX_UNIONS",
    ],
    [
      `Workbench queries refused for memory (422): ${cypher.memoryFailureLimit.max} per ${seconds(cypher.memoryFailureLimit.windowMs)} per address, then 429`,
      "CYPHER_MEMORY_FAILURE_MAX, CYPHER_MEMORY_FAILURE_WINDOW_MS",
    ],
  ];
  return rows.map(([limit, setting]) => `- ${limit} (${setting === "fixed" ? "fixed" : `\`${setting}\``})`).join("\n");
}
