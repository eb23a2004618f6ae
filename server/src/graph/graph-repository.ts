import type { Node, Relationship } from "neo4j-driver";
import type {
  AsOfQuery,
  Graph,
  GraphNode,
  Health,
  Neighbours,
  NodeDetails,
  SearchResult,
} from "../../../contract/graph-contract";
import { expansionLinkCap, type NeighborsRequest } from "../../../contract/request-schemas";
import { namedSourcesOf, SOURCE_NAMES_QUERY } from "../claims/attribution";
import { CLAIMS_BY_ID_QUERY, ClaimCache, claimCountsOf, isAsOf, summariesAsOf } from "../claims/summaries-as-of";
import { notFound } from "../errors/app-error";
import { LOOKUP_LABEL } from "../neo4j/lookup-label";
import type { Neo4jDatabase } from "../neo4j/neo4j-database";
import { everyListSize, type PlannedStatement } from "../neo4j/plan-warmup";
import { assignNodeIds, nodeToElement, recordsToGraph, relationshipToElement } from "../neo4j/records-to-graph";
import { SharedReads } from "../neo4j/shared-reads";
import { neo4jInt } from "../neo4j/to-neo4j-params";
import {
  COMPONENTS_QUERY,
  GRAPH_AS_OF_QUERY,
  GRAPH_QUERY,
  NEIGHBORS_QUERY,
  NODE_QUERY,
  SEARCH_QUERY,
} from "./graph-queries";
import { luceneNearQuery, luceneQuery } from "./lucene-query";
import { rankSearchHits } from "./rank-search-hits";

export interface GraphRepositoryOptions {
  /** Hard cap on relationships in one answer, whatever the node limit. */
  maxEdges: number;
  fullTextIndex: string;
}

/** Reads the graph for the HTTP routes; the only module that runs the server's queries. */
/** The index is asked for this many times `limit`, so ranking can lift an exact name it scored low. */
const SEARCH_OVERFETCH = 4;
const SEARCH_FETCH_MAX = 200;
const SUGGESTIONS = 3;

export class GraphRepository {
  private readonly overviews = new SharedReads<Graph>();
  /** The claims as-of answers have read: a step of the timeline reads only the ones it has not. */
  private readonly claims = new ClaimCache();

  constructor(
    private readonly database: Neo4jDatabase,
    private readonly options: GraphRepositoryOptions,
  ) {}

  private read(query: string, params: Record<string, unknown>, signal?: AbortSignal) {
    return this.database.read(query, params, signal);
  }

  /**
   * `asOf`: what was known / what held on a day (issue #6); absent, the whole graph. The same
   * overview asked for while it is being read shares that read (many analysts opening the app).
   */
  graph(limit: number, signal?: AbortSignal, asOf: AsOfQuery = {}): Promise<Graph> {
    const key = JSON.stringify([limit, asOf.knownAt ?? null, asOf.holdsAt ?? null]);
    return this.overviews.read(key, signal, (shared) => this.readGraph(limit, shared, asOf));
  }

  private async readGraph(limit: number, signal: AbortSignal, asOf: AsOfQuery): Promise<Graph> {
    const maxEdges = overviewEdgeCap(limit, this.options.maxEdges);
    // As of a day, the sources' names are read beside the graph, not after it: with the claims
    // already read (a timeline step), the answer then takes one round trip, not two.
    const sourceNames = isAsOf(asOf) ? this.read(SOURCE_NAMES_QUERY, {}, signal) : null;
    // Its failure, if the graph's read did not fail first, is thrown where it is awaited below.
    sourceNames?.catch(() => undefined);
    const { records } = await this.read(
      isAsOf(asOf) ? GRAPH_AS_OF_QUERY : GRAPH_QUERY,
      {
        nodeFetch: neo4jInt(limit + 1),
        nodeLimit: neo4jInt(limit),
        edgeFetch: neo4jInt(maxEdges + 1),
        knownAt: asOf.knownAt ?? null,
        holdsAt: asOf.holdsAt ?? null,
      },
      signal,
    );
    const record = records[0];
    if (!record) return { nodes: [], edges: [], truncated: false };
    const graph = recordsToGraph([record], { maxNodes: limit, maxEdges });
    const answer = { ...graph, truncated: graph.truncated || record.get("moreNodes") === true };
    if (!isAsOf(asOf)) return answer;
    // The claims of the day's relationships came with them (ids, and whether each counts then);
    // what the summaries read of each, only for those no earlier answer has read.
    const counts = claimCountsOf(record.get("claims"));
    const missing = this.claims.missing([...new Set(counts.map((count) => count.id))]);
    const [sources, read] = await Promise.all([
      sourceNames ?? this.read(SOURCE_NAMES_QUERY, {}, signal),
      missing.length > 0 ? this.read(CLAIMS_BY_ID_QUERY, { ids: missing }, signal) : null,
    ]);
    if (read !== null) this.claims.add(read.records);
    return summariesAsOf(answer, this.claims.rows(counts), namedSourcesOf(sources.records));
  }

  async node(id: string, relationshipLimit: number, signal?: AbortSignal): Promise<NodeDetails> {
    const { records } = await this.read(NODE_QUERY, { id, relationshipFetch: neo4jInt(relationshipLimit + 1) }, signal);
    const record = records[0];
    if (!record) throw notFound(`No node has the id "${id}".`);
    const node: Node = record.get("n");
    const relationships: Relationship[] = record.get("relationships");
    const neighbours: Node[] = record.get("neighbours");
    const truncated = relationships.length > relationshipLimit;
    const kept = relationships.slice(0, relationshipLimit);
    const others = neighbours.slice(0, relationshipLimit).filter((other) => other.elementId !== node.elementId);
    const ids = assignNodeIds([node, ...others]);
    const dataId = (elementId: string) => ids.get(elementId) as string;
    const uniqueOthers = new Map(others.map((other) => [other.elementId, other]));
    return {
      node: nodeToElement(node, dataId(node.elementId)),
      relationships: kept.map((relationship) =>
        relationshipToElement(
          relationship,
          dataId(relationship.startNodeElementId),
          dataId(relationship.endNodeElementId),
        ),
      ),
      neighbours: [...uniqueOthers.values()].map((other): GraphNode => nodeToElement(other, dataId(other.elementId))),
      truncated,
    };
  }

  /**
   * What expanding a node adds. `links`: most relationships among the neighbours (absent: as many as
   * an expansion of `limit` neighbours sends, expansionLinkCap); never more than the server's cap.
   */
  async neighbors(id: string, request: NeighborsRequest, signal?: AbortSignal): Promise<Neighbours> {
    const links = Math.min(request.links ?? expansionLinkCap(request.limit), this.options.maxEdges);
    // One statement, so one auto-commit round trip rather than a managed transaction's two.
    const { records } = await this.database.readOnce(
      NEIGHBORS_QUERY,
      {
        id,
        types: request.types ?? null,
        direction: request.direction,
        neighbourFetch: neo4jInt(request.limit + 1),
        neighbourLimit: neo4jInt(request.limit),
        linkFetch: neo4jInt(links + 1),
        linkLimit: neo4jInt(links),
      },
      signal,
    );
    const record = records[0];
    if (!record) throw notFound(`No node has the id "${id}".`);
    // The centre node comes first so it keeps its own id if a neighbour claims the same one.
    const graph = recordsToGraph([record], { maxNodes: request.limit + 1, maxEdges: this.options.maxEdges });
    return {
      ...graph,
      truncated: graph.truncated || record.get("moreNeighbours") === true,
      moreLinks: record.get("moreLinks") === true,
    };
  }

  /**
   * Full-text search ranked as an analyst expects (see rankSearchHits): the index is asked for more
   * than `limit` so that an exact name it scored low still comes first. Nothing found: the nearest
   * names, to suggest.
   */
  async search(text: string, limit: number, signal?: AbortSignal): Promise<SearchResult> {
    const lucene = luceneQuery(text);
    if (lucene === "") return { hits: [], suggestions: [] };
    const found = await this.fullText(lucene, Math.min(limit * SEARCH_OVERFETCH, SEARCH_FETCH_MAX), signal);
    if (found.length > 0) {
      const hits = rankSearchHits(text, found).slice(0, limit);
      return { hits: hits.map(({ element, score, match }) => ({ node: element, score, match })), suggestions: [] };
    }
    const near = luceneNearQuery(text);
    const suggestions = near === "" ? [] : await this.fullText(near, SUGGESTIONS, signal);
    return { hits: [], suggestions: [...new Set(rankSearchHits(text, suggestions).map((hit) => hit.name))] };
  }

  private async fullText(lucene: string, limit: number, signal?: AbortSignal) {
    const { records } = await this.read(
      SEARCH_QUERY,
      { index: this.options.fullTextIndex, lucene, limit: neo4jInt(limit) },
      signal,
    );
    const nodes: Node[] = records.map((record) => record.get("node"));
    const ids = assignNodeIds(nodes);
    return records.map((record, index) => {
      const node = nodes[index] as Node;
      const element = nodeToElement(node, ids.get(node.elementId) as string);
      const aliases = element.data.props.aliases;
      return {
        element,
        name: element.data.caption,
        aliases: Array.isArray(aliases) ? aliases.filter((alias): alias is string => typeof alias === "string") : [],
        isRecord: element.data.labels.includes("Source"),
        score: record.get("score") as number,
      };
    });
  }

  /**
   * The reads to plan before the server reports ready (PlanWarmup), with parameters of the types
   * the routes send: an expansion with and without types, a node, an overview, a search; about a
   * node of the graph (an unknown id would scan every node).
   */
  async plannedStatements(): Promise<PlannedStatement[]> {
    const int = neo4jInt(1);
    const id = await sampleNodeId(this.database);
    const neighbours = {
      id,
      direction: "both",
      neighbourFetch: int,
      neighbourLimit: int,
      linkFetch: int,
      linkLimit: int,
    };
    return [
      { name: "neighbors", query: NEIGHBORS_QUERY, params: { ...neighbours, types: null } },
      // Expanding by two or more types sends a longer list: planned for up to 100 types.
      ...everyListSize({ name: "neighbors by type", query: NEIGHBORS_QUERY, params: { ...neighbours } }, "types", 100),
      { name: "node", query: NODE_QUERY, params: { id, relationshipFetch: int } },
      {
        name: "graph",
        query: GRAPH_QUERY,
        params: { nodeFetch: int, nodeLimit: int, edgeFetch: int, knownAt: null, holdsAt: null },
      },
      {
        name: "search",
        query: SEARCH_QUERY,
        params: { index: this.options.fullTextIndex, lucene: "a*", limit: int },
      },
      // A timeline step's reads (issue #20): the as-of graph on each axis (the other date null, as
      // a step sends it), the claims it has not read yet, the sources' names.
      ...(["knownAt", "holdsAt"] as const).map((axis) => ({
        name: `graph ${axis}`,
        query: GRAPH_AS_OF_QUERY,
        params: { nodeFetch: int, nodeLimit: int, edgeFetch: int, knownAt: null, holdsAt: null, [axis]: "0001-01-01" },
      })),
      // A step asks for as many ids as it has not read yet: every list size is planned.
      ...everyListSize({ name: "claims by id", query: CLAIMS_BY_ID_QUERY, params: {} }, "ids"),
      { name: "source names", query: SOURCE_NAMES_QUERY, params: {} },
    ];
  }

  /** Never throws: a Neo4j that cannot be reached is an answer, not an error. */
  async health(): Promise<Health> {
    try {
      const records = await this.database.probe(COMPONENTS_QUERY, 3000);
      const record = records[0];
      return {
        status: "ok",
        neo4j: {
          connected: true,
          version: (record?.get("version") as string | undefined) ?? null,
          edition: (record?.get("edition") as string | undefined) ?? null,
        },
      };
    } catch {
      return { status: "unavailable", neo4j: { connected: false, version: null, edition: null } };
    }
  }
}

/** The `id` of some node of the graph, for a warm-up read; "" on an empty graph. */
export async function sampleNodeId(database: Neo4jDatabase): Promise<string> {
  const { records } = await database.read(`MATCH (n:${LOOKUP_LABEL}) WHERE n.id IS NOT NULL RETURN n.id AS id LIMIT 1`);
  const id = records[0]?.get("id");
  return typeof id === "string" ? id : "";
}

/**
 * Relationships an overview of `limit` nodes carries at most. The most connected nodes of a big
 * graph are mostly joined to each other: on the bench graph the top 100 share 17,000
 * relationships, which took 1.8 s to send and would draw as a hairball. Ten per node keeps the
 * overview readable and fast; the answer says it was truncated.
 */
export const OVERVIEW_EDGES_PER_NODE = 10;

export function overviewEdgeCap(limit: number, maxEdges: number): number {
  return Math.min(maxEdges, limit * OVERVIEW_EDGES_PER_NODE);
}
