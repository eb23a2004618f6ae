import { z } from "zod";

const configSchema = z.object({
  NEO4J_URI: z.string().min(1).default("bolt://127.0.0.1:7687"),
  NEO4J_USERNAME: z.string().min(1).default("neo4j"),
  NEO4J_PASSWORD: z.string().default(""),
  NEO4J_DATABASE: z.string().min(1).default("neo4j"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** How long one graph query may run before Neo4j stops it. */
  QUERY_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  /** The Cypher workbench's limits. */
  CYPHER_ROW_CAP: z.coerce.number().int().positive().default(1_000),
  CYPHER_MAX_RESPONSE_BYTES: z.coerce.number().int().positive().default(5_000_000),
  CYPHER_MAX_QUERY_LENGTH: z.coerce.number().int().positive().default(20_000),
  CYPHER_MAX_CONCURRENT_PER_CLIENT: z.coerce.number().int().positive().default(2),
});

export interface AppConfig {
  neo4j: { uri: string; username: string; password: string; database: string };
  port: number;
  logLevel: z.infer<typeof configSchema>["LOG_LEVEL"];
  queryTimeoutMs: number;
  cypher: { rowCap: number; maxResponseBytes: number; maxQueryLength: number; maxConcurrentPerClient: number };
}

/** Parses the environment once, at start-up; a bad value stops the process with a clear message. */
export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const value = parsed.data;
  return {
    neo4j: {
      uri: value.NEO4J_URI,
      username: value.NEO4J_USERNAME,
      password: value.NEO4J_PASSWORD,
      database: value.NEO4J_DATABASE,
    },
    port: value.PORT,
    logLevel: value.LOG_LEVEL,
    queryTimeoutMs: value.QUERY_TIMEOUT_MS,
    cypher: {
      rowCap: value.CYPHER_ROW_CAP,
      maxResponseBytes: value.CYPHER_MAX_RESPONSE_BYTES,
      maxQueryLength: value.CYPHER_MAX_QUERY_LENGTH,
      maxConcurrentPerClient: value.CYPHER_MAX_CONCURRENT_PER_CLIENT,
    },
  };
}
