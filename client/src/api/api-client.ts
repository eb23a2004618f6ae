import { z } from "zod";
import { type Article, type ArticleSummary, articleEndpoints } from "../../../contract/article-endpoints";
import { claimsEndpoints } from "../../../contract/claims-endpoints";
import { CSRF_TOKEN_HEADER } from "../../../contract/csrf-token";
import { cypherEndpoints } from "../../../contract/cypher-endpoints";
import { type Endpoint, endpointUrl, type PathParams, type QueryValues } from "../../../contract/endpoint";
import { explorationEndpoints } from "../../../contract/exploration-endpoints";
import {
  type AsOfQuery,
  apiErrorSchema,
  type CypherRequest,
  type CypherResult,
  type Direction,
  type Expansions,
  type Graph,
  type GraphSchemaInfo,
  type Health,
  type LibraryQueryDto,
  type Neighbours,
  type NodeDetails,
  type NodeLookupResult,
  type PathDirection,
  type PathMode,
  type PathsResult,
  type RelationshipClaims,
  type SavedView,
  type SavedViewSummary,
  type SaveViewRequest,
  type SearchResult,
} from "../../../contract/graph-contract";
import { graphEndpoints } from "../../../contract/graph-endpoints";
import { probeEndpoints } from "../../../contract/probe-endpoints";
import { type ViewLinks, viewEndpoints } from "../../../contract/view-endpoints";
import {
  type AddRelationshipTypeRequest,
  type EditRelationshipTypeRequest,
  type RelationshipType,
  vocabularyEndpoints,
} from "../../../contract/vocabulary-endpoints";
import { ApiRequestError } from "./api-request-error";

export interface NeighbourQuery {
  limit?: number;
  types?: readonly string[];
  direction?: Direction;
  /** Most relationships among the neighbours; absent, the server's default for `limit` (expansionLinkCap). */
  links?: number;
}

export interface PathsQuery {
  from: string;
  to: string;
  mode?: PathMode;
  /** 1 to 6. */
  maxHops?: number;
  /** `either` (the default) or `directed`: each hop along its arrow. */
  direction?: PathDirection;
  /** Paths at most, 1 to 100. */
  limit?: number;
  /** Ranked paths to skip (paging). */
  offset?: number;
}

/** The only module that calls `fetch`: one function per endpoint, answers checked against the contract. */
export interface ApiClient {
  /** The graph, or (with `knownAt` / `holdsAt`) the relationships known or holding on that day, every node kept. */
  getGraph(limit?: number, asOf?: AsOfQuery): Promise<Graph>;
  getNode(id: string): Promise<NodeDetails>;
  getNeighbours(id: string, query?: NeighbourQuery): Promise<Neighbours>;
  search(text: string, limit?: number, signal?: AbortSignal): Promise<SearchResult>;
  /** Readiness (`/api/ready`): resolves on 200 and on 503 (Neo4j down, server shutting down); rejects when there is none. */
  getHealth(): Promise<Health>;
  /** Runs a read-only Cypher query; aborting the signal cancels it on the server too. */
  runCypher(request: CypherRequest, signal?: AbortSignal): Promise<CypherResult>;
  /** Labels, relationship types, property keys and procedures, for the editor's completion. */
  getSchema(): Promise<GraphSchemaInfo>;
  /** The ready-made queries of cypher/queries. */
  getQueries(): Promise<LibraryQueryDto[]>;
  /** What expanding a node would add, per relationship type and direction, before fetching anything. */
  getExpansions(id: string): Promise<Expansions>;
  /** Shortest paths, or all simple paths up to maxHops; `paths: []` when none is that short. */
  getPaths(query: PathsQuery, signal?: AbortSignal): Promise<PathsResult>;
  /** The nodes a view names, the relationships among them, and the ids that no longer exist. */
  lookupNodes(ids: readonly string[]): Promise<NodeLookupResult>;
  /** The claims behind a relationship (by its `id` property), first reported first, and where they disagree. */
  getRelationshipClaims(id: string): Promise<RelationshipClaims>;
  /** Every relationship a Source vouches for, with both ends. */
  getSourceClaims(sourceId: string, limit?: number): Promise<Graph>;
  /** Saved views, most recently saved first. */
  listViews(): Promise<SavedViewSummary[]>;
  getView(id: string): Promise<SavedView>;
  /** Saving under an existing name replaces that view. */
  saveView(request: SaveViewRequest): Promise<SavedView>;
  deleteView(id: string): Promise<void>;
  /** Where links to saved views point (PUBLIC_BASE_URL, or the page's own address). */
  viewLinks(): Promise<ViewLinks>;
  /** The relationship types, built-in and added, with their relationships' counts. */
  listVocabulary(signal?: AbortSignal): Promise<RelationshipType[]>;
  /** Adds a type; `writeToken` when the server wants one the browser's login does not carry. */
  addRelationshipType(request: AddRelationshipTypeRequest, writeToken?: string): Promise<RelationshipType>;
  /** Replaces a type's description, direction or trigger phrases. */
  editRelationshipType(
    name: string,
    request: EditRelationshipTypeRequest,
    writeToken?: string,
  ): Promise<RelationshipType>;
  /** The articles claims were read in, newest first. */
  listArticles(signal?: AbortSignal): Promise<ArticleSummary[]>;
  /** One article: its text (or null) and its claims as highlights. */
  getArticle(id: string, signal?: AbortSignal): Promise<Article>;
}

interface RequestOptions {
  signal?: AbortSignal | undefined;
  /** Error statuses whose body is still the answer (health's 503). */
  acceptedErrorStatuses?: readonly number[];
  /** Sent as JSON with POST when present. */
  body?: unknown;
  /** Overrides the method (GET, or POST with a body): DELETE, or PUT with a body. */
  method?: "DELETE" | "PUT";
  /** Extra request headers (a write's CSRF token). */
  headers?: Record<string, string>;
}

export function createApiClient(baseUrl = ""): ApiClient {
  /** The URL of a call: path and query from the contract's endpoint table, never written here. */
  const url = <E extends Endpoint>(endpoint: E, params: PathParams<E>, query?: QueryValues<E>): string =>
    `${baseUrl}${endpointUrl(endpoint, params, query)}`;

  // Writes carry a CSRF token read same-origin, never only the browser's cached login: fetched
  // once, and again once if the server refuses it (a restart with another APP_TOKEN).
  let csrfToken: Promise<string> | undefined;
  const freshCsrfToken = (): Promise<string> => {
    const { csrfToken: endpoint } = probeEndpoints;
    csrfToken = requestJson(url(endpoint, {}), endpoint.answer).then(({ token }) => token);
    csrfToken.catch(() => {
      csrfToken = undefined;
    });
    return csrfToken;
  };
  const write = async <T>(href: string, schema: z.ZodType<T>, options: RequestOptions): Promise<T> => {
    const send = async (token: string) =>
      requestJson(href, schema, { ...options, headers: { ...options.headers, [CSRF_TOKEN_HEADER]: token } });
    try {
      return await send(await (csrfToken ?? freshCsrfToken()));
    } catch (error) {
      if (!(error instanceof ApiRequestError) || error.status !== 403) throw error;
      return send(await freshCsrfToken());
    }
  };

  const { graph, node, neighbors, search } = graphEndpoints;
  const { expansions, lookup, paths, sourceClaims } = explorationEndpoints;
  const views = viewEndpoints;
  return {
    getGraph: (limit, asOf = {}) =>
      requestJson(url(graph, {}, { limit, knownAt: asOf.knownAt, holdsAt: asOf.holdsAt }), graph.answer),
    getNode: (id) => requestJson(url(node, { id }), node.answer),
    getNeighbours: (id, query = {}) =>
      requestJson(
        url(
          neighbors,
          { id },
          {
            limit: query.limit,
            types: query.types?.length ? query.types.join(",") : undefined,
            direction: query.direction,
            links: query.links,
          },
        ),
        neighbors.answer,
      ),
    search: (text, limit, signal) => requestJson(url(search, {}, { q: text, limit }), search.answer, { signal }),
    getHealth: () =>
      requestJson(url(probeEndpoints.readiness, {}), probeEndpoints.readiness.answer, { acceptedErrorStatuses: [503] }),
    runCypher: (request, signal) =>
      requestJson(url(cypherEndpoints.run, {}), cypherEndpoints.run.answer, { signal, body: request }),
    getSchema: () => requestJson(url(cypherEndpoints.schema, {}), cypherEndpoints.schema.answer),
    getQueries: async () =>
      (await requestJson(url(cypherEndpoints.queries, {}), cypherEndpoints.queries.answer)).queries,
    getExpansions: (id) => requestJson(url(expansions, { id }), expansions.answer),
    getPaths: (query, signal) => {
      const { from, to, mode, direction, maxHops, limit, offset } = query;
      return requestJson(url(paths, {}, { from, to, mode, direction, maxHops, limit, offset }), paths.answer, {
        signal,
      });
    },
    lookupNodes: (ids) => requestJson(url(lookup, {}), lookup.answer, { body: { ids } }),
    getRelationshipClaims: (id) =>
      requestJson(url(claimsEndpoints.relationshipClaims, { id }), claimsEndpoints.relationshipClaims.answer),
    getSourceClaims: (sourceId, limit) =>
      requestJson(url(sourceClaims, { id: sourceId }, { limit }), sourceClaims.answer),
    listViews: async () => (await requestJson(url(views.list, {}), views.list.answer)).views,
    getView: (id) => requestJson(url(views.get, { id }), views.get.answer),
    saveView: (request) => write(url(views.save, {}), views.save.answer, { body: request }),
    // 204: no body to check.
    deleteView: (id) => write(url(views.delete, { id }), z.undefined(), { method: "DELETE" }),
    viewLinks: () => requestJson(url(views.links, {}), views.links.answer),
    listVocabulary: async (signal) =>
      (await requestJson(url(vocabularyEndpoints.list, {}), vocabularyEndpoints.list.answer, { signal })).types,
    addRelationshipType: (request, writeToken) =>
      write(url(vocabularyEndpoints.add, {}), vocabularyEndpoints.add.answer, {
        body: request,
        headers: bearer(writeToken),
      }),
    editRelationshipType: (name, request, writeToken) =>
      write(url(vocabularyEndpoints.edit, { name }), vocabularyEndpoints.edit.answer, {
        body: request,
        headers: bearer(writeToken),
      }),
    listArticles: async (signal) =>
      (await requestJson(url(articleEndpoints.list, {}), articleEndpoints.list.answer, { signal })).articles,
    getArticle: (id, signal) => requestJson(url(articleEndpoints.get, { id }), articleEndpoints.get.answer, { signal }),
  };
}

/** A write token typed by the analyst, sent as a bearer token; none: the browser's own login. */
const bearer = (token: string | undefined): Record<string, string> =>
  token?.trim() ? { Authorization: `Bearer ${token.trim()}` } : {};

/** One request, its answer checked against `schema`; failures as ApiRequestError. */
export async function requestJson<T>(href: string, schema: z.ZodType<T>, options: RequestOptions = {}): Promise<T> {
  const { signal, acceptedErrorStatuses = [], body, method, headers = {} } = options;
  const init: RequestInit = { headers: { Accept: "application/json", ...headers }, signal: signal ?? null };
  if (method) init.method = method;
  if (body !== undefined) {
    init.method = method ?? "POST";
    init.headers = { Accept: "application/json", "Content-Type": "application/json", ...headers };
    init.body = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(href, init);
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiRequestError("NETWORK", `Cannot reach the API server (${describe(error)}).`, true, 0);
  }
  const answer: unknown = await response.json().catch((error: unknown) => {
    if (signal?.aborted) throw error;
    return undefined;
  });
  const path = new URL(href, window.location.href).pathname;

  if (!response.ok && !acceptedErrorStatuses.includes(response.status)) {
    const failure = apiErrorSchema.safeParse(answer);
    if (failure.success) {
      const { code, message, retriable, details } = failure.data.error;
      throw new ApiRequestError(code, message, retriable, response.status, details);
    }
    const statusText = response.statusText ? ` ${response.statusText}` : "";
    throw new ApiRequestError(
      response.status >= 500 ? "INTERNAL" : "BAD_RESPONSE",
      `The API answered ${response.status}${statusText} for ${path}.`,
      response.status >= 500,
      response.status,
    );
  }
  const parsed = schema.safeParse(answer);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join(".")}` : "";
    throw new ApiRequestError(
      "BAD_RESPONSE",
      `Unexpected answer from ${path}${where}: ${issue?.message ?? "does not match the contract"}.`,
      false,
      response.status,
    );
  }
  return parsed.data;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
