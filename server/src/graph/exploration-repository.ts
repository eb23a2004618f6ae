import neo4j, { type Driver, type Record as Neo4jRecord, type Node } from "neo4j-driver";
import type {
  ExpansionOption,
  Expansions,
  Graph,
  NodeLookupResult,
  PathMode,
  PathsResult,
} from "../../../contract/graph-contract";
import { AppError, notFound } from "../errors/app-error";
import {
  ALL_PATHS_QUERIES,
  EXPANSIONS_QUERY,
  LOOKUP_QUERY,
  MAX_PATH_HOPS,
  PATH_ENDS_QUERY,
  SHORTEST_PATHS_QUERIES,
  SOURCE_CLAIMS_QUERY,
} from "./graph-queries";
import { assignNodeIds, recordsToGraph } from "./records-to-graph";
import { recordsToPaths } from "./records-to-paths";
import { type ReadSettings, runRead } from "./run-read";
import { toPlainValue } from "./to-plain-value";

export interface ExplorationRepositoryOptions extends ReadSettings {
  /** Hard cap on relationships in one answer. */
  maxEdges: number;
}

export interface PathsRequest {
  from: string;
  to: string;
  mode: PathMode;
  maxHops: number;
  limit: number;
}

/** The reads behind exploring: what an expansion would add, paths, reopening a view, a source's claims. */
export class ExplorationRepository {
  constructor(
    private readonly driver: Driver,
    private readonly options: ExplorationRepositoryOptions,
  ) {}

  private read(query: string, params: Record<string, unknown>, signal?: AbortSignal) {
    return runRead(this.driver, this.options, query, params, signal);
  }

  async expansions(id: string, signal?: AbortSignal): Promise<Expansions> {
    const { records } = await this.read(EXPANSIONS_QUERY, { id }, signal);
    const record = records[0];
    if (!record) throw notFound(`No node has the id "${id}".`);
    const node: Node = record.get("n");
    const options = (record.get("options") as { type: string; direction: "out" | "in"; count: unknown }[])
      .map((option): ExpansionOption => ({ ...option, count: Number(toPlainValue(option.count)) }))
      .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type) || a.direction.localeCompare(b.direction));
    return {
      nodeId: assignNodeIds([node]).get(node.elementId) as string,
      neighbourCount: Number(toPlainValue(record.get("neighbourCount"))),
      options,
    };
  }

  async paths(request: PathsRequest, signal?: AbortSignal): Promise<PathsResult> {
    const { from, to, mode, maxHops, limit } = request;
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
    const query = (mode === "shortest" ? SHORTEST_PATHS_QUERIES : ALL_PATHS_QUERIES)[maxHops - 1];
    if (query === undefined) throw new AppError("VALIDATION", 400, `maxHops must be 1 to ${MAX_PATH_HOPS}.`);
    const { records } = await this.read(query, { fromElementId, toElementId, pathFetch: neo4j.int(limit + 1) }, signal);
    const kept = records.slice(0, limit);
    const { paths, graph } = recordsToPaths(kept, "p", {
      maxNodes: limit * (MAX_PATH_HOPS + 1),
      maxEdges: limit * MAX_PATH_HOPS,
    });
    return { mode, maxHops, paths, graph, truncated: records.length > limit };
  }

  async lookup(ids: readonly string[], signal?: AbortSignal): Promise<NodeLookupResult> {
    const wanted = [...new Set(ids)];
    const { records } = await this.read(
      LOOKUP_QUERY,
      { ids: wanted, edgeFetch: neo4j.int(this.options.maxEdges + 1) },
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
      { id, claimFetch: neo4j.int(limit + 1), claimLimit: neo4j.int(limit) },
      signal,
    );
    const record = records[0];
    if (!record) throw notFound(`No Source has the id "${id}".`);
    const graph = recordsToGraph([record], { maxNodes: 2 * limit, maxEdges: limit });
    return { ...graph, truncated: graph.truncated || record.get("moreClaims") === true };
  }
}
