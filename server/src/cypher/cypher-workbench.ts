import type { CypherResult, GraphSchemaInfo, LibraryQueryDto } from "../../../contract/graph-contract";
import type { Neo4jDatabase } from "../neo4j/neo4j-database";
import { loadQueryLibrary } from "./load-query-library";
import { ReadVerdictCache } from "./read-verdict-cache";
import { type CypherLimits, runReadOnlyCypher } from "./run-read-only-cypher";
import { readGraphSchema } from "./schema-reader";

/** What the workbench's routes ask of the database and the disk: an analyst's query, the live schema, the library. */
export class CypherWorkbench {
  private readonly limits: CypherLimits;

  constructor(
    private readonly database: Neo4jDatabase,
    limits: Omit<CypherLimits, "verdicts">,
    /** The analysts' query library (cypher/queries). */
    private readonly queriesDir: string,
  ) {
    this.limits = { ...limits, verdicts: new ReadVerdictCache() };
  }

  run(query: string, params: { [key: string]: unknown }, signal: AbortSignal): Promise<CypherResult> {
    return runReadOnlyCypher(this.database, query, params, this.limits, signal);
  }

  schema(): Promise<GraphSchemaInfo> {
    return readGraphSchema(this.database);
  }

  queries(): Promise<LibraryQueryDto[]> {
    return loadQueryLibrary(this.queriesDir);
  }
}
