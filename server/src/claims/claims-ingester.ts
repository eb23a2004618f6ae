import type { Driver } from "neo4j-driver";
import type { IngestReport } from "../../../contract/graph-contract";
import { currentPrincipal } from "../http/auth-context";
import { ingestClaims } from "./ingest-claims";

/** Writes claims files into the database: what the ingest route is given instead of a driver. */
export class ClaimsIngester {
  constructor(
    private readonly driver: Driver,
    private readonly database: string,
  ) {}

  /**
   * A claims file as JSON text; aborting rolls its transaction back. New claims record who entered
   * them: `enteredBy`, else the signed-in user the route runs for (accounts mode).
   */
  ingest(body: string, signal: AbortSignal, enteredBy = currentPrincipal()?.name): Promise<IngestReport> {
    return ingestClaims(this.driver, this.database, body, { signal, ...(enteredBy ? { enteredBy } : {}) });
  }
}
