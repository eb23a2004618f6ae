import type { IngestReport } from "../../../contract/graph-contract";
import { currentPrincipal } from "../http/auth-context";
import type { Neo4jDatabase } from "../neo4j/neo4j-database";
import { ingestClaims } from "./ingest-claims";

/** Writes claims files into the database: what the ingest route is given instead of a driver. */
export class ClaimsIngester {
  constructor(private readonly database: Neo4jDatabase) {}

  /**
   * A claims file as JSON text; aborting rolls its transaction back. New claims record who entered
   * them: `enteredBy`, else the signed-in user the route runs for (accounts mode).
   */
  ingest(body: string, signal: AbortSignal, enteredBy = currentPrincipal()?.name): Promise<IngestReport> {
    return ingestClaims(this.database, body, { signal, ...(enteredBy ? { enteredBy } : {}) });
  }
}
