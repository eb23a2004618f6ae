import type { IngestProblem, IngestReport } from "../../../contract/graph-contract";
import type { Neo4jDatabase } from "../neo4j/neo4j-database";
import { validateClaimsFile } from "./validate-claims-file";
import { Rejected, type WriteOptions, writeIngest } from "./write-ingest-plan";

export type { IngestStep } from "./write-ingest-plan";

export interface IngestOptions extends WriteOptions {
  now?: Date;
}

const zero = () => ({ created: 0, merged: 0, unchanged: 0 });
const emptyReport = (problems: IngestProblem[]): IngestReport => ({
  written: false,
  counts: { entities: zero(), sources: zero(), articles: zero(), claims: zero(), relationships: zero() },
  merges: [],
  problems,
  notices: [],
});

/** Another writer (a seed script, a database without the IngestLock constraint) created a node first. */
const CONFLICT_ATTEMPTS = 3;
function isConstraintConflict(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "Neo.ClientError.Schema.ConstraintValidationFailed";
}

/**
 * Validates a claims file (JSON text or parsed), then writes it in one write transaction (see
 * writeIngest): sources and entities resolved to existing nodes by id, name or alias, the Article,
 * the relationships, the Claim nodes, and each touched relationship's summary. A problem anywhere
 * rolls it all back and comes back in the report; re-ingesting the same file changes nothing.
 * The transaction is the floor's (Neo4jDatabase.write: its timeout, retried whole on transient
 * failures), like every other writer's.
 */
export async function ingestClaims(
  database: Neo4jDatabase,
  input: unknown,
  options: IngestOptions = {},
): Promise<IngestReport> {
  const validation = validateClaimsFile(input, options.now);
  if (validation.file === null) return emptyReport(validation.problems);
  const file = validation.file;
  for (let attempt = 1; ; attempt++) {
    try {
      const written = await database.write((tx) => writeIngest(tx, file, options));
      return { written: true, ...written, problems: [] };
    } catch (error) {
      if (error instanceof Rejected) return emptyReport(error.problems);
      // Read the graph again and resolve against what the other writer wrote.
      if (!isConstraintConflict(error) || attempt === CONFLICT_ATTEMPTS) throw error;
    }
  }
}
