import { z } from "zod";
import { CliError } from "./cli-error";

const memorySize = z.string().regex(/^\d+[kmgKMG]$/, 'a size such as "512m" or "1g"');

const settingsSchema = z.object({
  NEO4J_URI: z.string().default("bolt://127.0.0.1:7687"),
  NEO4J_USERNAME: z.string().default("neo4j"),
  NEO4J_PASSWORD: z.string().min(8, "Neo4j wants a password of at least 8 characters"),
  /** The database the app uses: start-up waits until it is online. Unset: every database Neo4j starts. */
  NEO4J_DATABASE: z.string().min(1).optional(),
  NEO4J_HEAP_SIZE: memorySize.default("512m"),
  NEO4J_PAGECACHE_SIZE: memorySize.default("256m"),
  NEO4J_TRANSACTION_MEMORY_MAX: memorySize.default("256m"),
  NEO4J_START_TIMEOUT: z.coerce.number().int().positive().default(120),
  /**
   * auto: use a Neo4j that already answers at a local NEO4J_URI, start the project's own only when
   * nothing listens; always: the project's own or an error; never: only one that already runs.
   */
  NEO4J_MANAGED: z.enum(["auto", "always", "never"]).default("auto"),
});

/** Settings of a local Neo4j; NEO4J_MANAGED unset (as private test servers leave it) means "always". */
export type LocalNeo4jSettings = Omit<z.infer<typeof settingsSchema>, "NEO4J_MANAGED"> & {
  NEO4J_MANAGED?: "auto" | "always" | "never";
};

export function localNeo4jSettings(env: NodeJS.ProcessEnv = process.env): LocalNeo4jSettings {
  const parsed = settingsSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new CliError(`bad settings in .env or the environment: ${problems.join("; ")}`);
  }
  return parsed.data;
}
