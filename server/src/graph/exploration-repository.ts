import type { Record as Neo4jRecord, Node } from "neo4j-driver";
import type {
  Certainty,
  ExpansionOption,
  Expansions,
  Graph,
  GraphPath,
  NodeLookupResult,
  PathsResult,
} from "../../../contract/graph-contract";
import { MAX_PATH_HOPS, PATH_COUNT_CAP, type PathsRequest } from "../../../contract/request-schemas";
import { AppError, notFound } from "../errors/app-error";
import type { Neo4jDatabase } from "../neo4j/neo4j-database";
import type { PlannedStatement } from "../neo4j/plan-warmup";
import { assignNodeIds, recordsToGraph } from "../neo4j/records-to-graph";
import { recordsToPaths } from "../neo4j/records-to-paths";
import { neo4jInt } from "../neo4j/to-neo4j-params";
import { toPlainValue } from "../neo4j/to-plain-value";
import { expansionsQuery, LOOKUP_QUERY, PATH_ENDS_QUERY, PATHS_QUERIES, SOURCE_CLAIMS_QUERY } from "./graph-queries";
import { sampleNodeId } from "./graph-repository";

export interface ExplorationRepositoryOptions {
  /** Hard cap on relationships in one answer. */
  maxEdges: number;
}

/**
 * Up to this many relationships, a node's expansions count distinct neighbours exactly (a pass over
 * its relationships, a few ms); above, from the degrees Neo4j keeps per type (see EXPANSIONS_QUERY).
 */
export const EXACT_EXPANSION_LIMIT = 1000;
const PLAIN_NAME = /^[\p{L}\p{N}_]+$/u;

/** The reads behind exploring: what an expansion would add, paths, reopening a view, a source's claims. */
export class ExplorationRepository {
  /** The relationship types big nodes are counted by; refreshed whenever the database has others. */
  private relationshipTypes: string[] = [];

  constructor(
    private readonly database: Neo4jDatabase,
    private readonly options: ExplorationRepositoryOptions,
  ) {}

  private read(query: string, params: Record<string, unknown>, signal?: AbortSignal) {
    return this.database.read(query, params, signal);
  }

  /**
   * The reads to plan before the server reports ready (PlanWarmup): the expansion menu's query as
   * the first request will send it, with the database's relationship types read now (otherwise the
   * first menu of a big node plans two queries: one without the types, then one with them).
   */
  async plannedStatements(): Promise<PlannedStatement[]> {
    const { records } = await this.read(
      "CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType",
      {},
    );
    this.relationshipTypes = records.map((record) => record.get("relationshipType") as string);
    const types = this.relationshipTypes;
    const plainNames = types.every((type) => PLAIN_NAME.test(type));
    return [
      {
        name: "expansions",
        query: expansionsQuery(plainNames ? types : []),
        params: {
          id: await sampleNodeId(this.database),
          types: plainNames ? types : [],
          exactLimit: neo4jInt(EXACT_EXPANSION_LIMIT),
        },
      },
    ];
  }

  async expansions(id: string, signal?: AbortSignal): Promise<Expansions> {
    let record = await this.readExpansions(id, signal);
    const databaseTypes = record.get("relationshipTypes") as string[];
    if (record.get("options") === null && !sameNames(databaseTypes, this.relationshipTypes)) {
      // A big node, counted by type: with the database's types as they are now.
      this.relationshipTypes = databaseTypes;
      record = await this.readExpansions(id, signal);
    }
    const node: Node = record.get("n");
    type Option = { type: string; direction: ExpansionOption["direction"]; count: unknown };
    const exact = record.get("options") as Option[] | null;
    const byDegree = (record.get("degreeRows") as { type: string; out: unknown; in: unknown }[]).flatMap((row) =>
      (["out", "in"] as const).map((direction): Option => ({ type: row.type, direction, count: row[direction] })),
    );
    const options = (exact ?? byDegree)
      .map((option): ExpansionOption => ({ ...option, count: Number(toPlainValue(option.count)) }))
      .filter((option) => option.count > 0)
      .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type) || a.direction.localeCompare(b.direction));
    return {
      nodeId: assignNodeIds([node]).get(node.elementId) as string,
      neighbourCount: Number(toPlainValue(record.get("neighbourCount"))),
      options,
    };
  }

  private async readExpansions(id: string, signal?: AbortSignal): Promise<Neo4jRecord> {
    const types = this.relationshipTypes;
    // Type names go into the query text here, quoted; a database with a name outside letters,
    // digits and underscores (written by another tool) is counted the exact way instead.
    const plainNames = types.every((type) => PLAIN_NAME.test(type));
    const { records } = await this.read(
      expansionsQuery(plainNames ? types : []),
      {
        id,
        types: plainNames ? types : [],
        exactLimit: neo4jInt(plainNames ? EXACT_EXPANSION_LIMIT : Number.MAX_SAFE_INTEGER),
      },
      signal,
    );
    const record = records[0];
    if (!record) throw notFound(`No node has the id "${id}".`);
    return record;
  }

  async paths(request: PathsRequest, signal?: AbortSignal): Promise<PathsResult> {
    const { from, to, mode, direction, maxHops, limit, offset } = request;
    if (from === to)
      throw new AppError("VALIDATION", 400, "A path needs two different nodes: from and to are the same.");
    const ends = (await this.read(PATH_ENDS_QUERY, { from, to }, signal)).records[0];
    const fromElementId = ends?.get("fromElementId") as string | null;
    const toElementId = ends?.get("toElementId") as string | null;
    const unknown = [fromElementId === null ? from : undefined, toElementId === null ? to : undefined];
    const missing = unknown.filter((id) => id !== undefined).map((id) => `"${id}"`);
    if (missing.length > 0) throw notFound(`No node has the id ${missing.join(" nor ")}.`);
    if (fromElementId === toElementId) {
      throw new AppError("VALIDATION", 400, "A path needs two different nodes: from and to name the same node.");
    }
    const query = PATHS_QUERIES[mode][direction][maxHops - 1];
    if (query === undefined) throw new AppError("VALIDATION", 400, `maxHops must be 1 to ${MAX_PATH_HOPS}.`);
    const { records } = await this.read(
      query,
      {
        fromElementId,
        toElementId,
        pathCap: neo4jInt(PATH_COUNT_CAP + 1),
        offset: neo4jInt(offset),
        end: neo4jInt(offset + limit),
      },
      signal,
    );
    // No path at all: no row. An empty page: one row whose p is null, for the total.
    const found = Number(toPlainValue(records[0]?.get("total") ?? 0));
    const kept = records.filter((record) => record.get("p") !== null);
    const { paths, graph } = recordsToPaths(kept, "p", {
      maxNodes: limit * (MAX_PATH_HOPS + 1),
      maxEdges: limit * MAX_PATH_HOPS,
    });
    const certainties = new Map(graph.edges.map((edge) => [edge.data.id, edge.data.certainty]));
    return {
      mode,
      direction,
      maxHops,
      offset,
      paths: paths.map((path) => withWeakest(path, certainties)),
      total: Math.min(found, PATH_COUNT_CAP),
      cap: PATH_COUNT_CAP,
      graph,
      truncated: found > offset + paths.length,
    };
  }

  async lookup(ids: readonly string[], signal?: AbortSignal): Promise<NodeLookupResult> {
    const wanted = [...new Set(ids)];
    const { records } = await this.read(
      LOOKUP_QUERY,
      { ids: wanted, edgeFetch: neo4jInt(this.options.maxEdges + 1) },
      signal,
    );
    // One row always: the query aggregates.
    const record = records[0] as Neo4jRecord;
    const found: Node[] = record.get("found");
    const foundIds = new Set(found.flatMap((node) => [node.elementId, node.properties.id]));
    const graph = recordsToGraph([record], { maxNodes: found.length, maxEdges: this.options.maxEdges });
    return { graph, missing: wanted.filter((id) => !foundIds.has(id)) };
  }

  async sourceClaims(id: string, limit: number, signal?: AbortSignal): Promise<Graph> {
    const { records } = await this.read(
      SOURCE_CLAIMS_QUERY,
      { id, claimFetch: neo4jInt(limit + 1), claimLimit: neo4jInt(limit) },
      signal,
    );
    const record = records[0];
    if (!record) throw notFound(`No Source has the id "${id}".`);
    const graph = recordsToGraph([record], { maxNodes: 2 * limit, maxEdges: limit });
    return { ...graph, truncated: graph.truncated || record.get("moreClaims") === true };
  }
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  const sortedB = [...b].sort();
  return a.length === b.length && [...a].sort().every((name, index) => name === sortedB[index]);
}

const CERTAINTY_ORDER: readonly Certainty[] = ["speculative", "reported", "confirmed"];

/** The path with its weakest hop's certainty; none when a hop has no certainty recorded. */
function withWeakest(path: GraphPath, certainties: ReadonlyMap<string, Certainty | undefined>): GraphPath {
  const ranks = path.edges.map((id) => {
    const certainty = certainties.get(id);
    return certainty === undefined ? -1 : CERTAINTY_ORDER.indexOf(certainty);
  });
  const weakest = CERTAINTY_ORDER[Math.min(...ranks)];
  return weakest === undefined ? path : { ...path, weakest };
}
