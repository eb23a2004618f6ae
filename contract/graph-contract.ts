/**
 * The HTTP contract between server and client, as zod schemas.
 * Both sides import this file: the server to validate what it sends in tests,
 * the client to type (and check) what it receives.
 */
import { z } from "zod";

/** A property value after conversion from Neo4j: JSON-safe, 64-bit integers as numbers or strings. */
export type PropertyValue = string | number | boolean | null | PropertyValue[] | { [key: string]: PropertyValue };

export const propertyValueSchema: z.ZodType<PropertyValue> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(propertyValueSchema),
    z.record(z.string(), propertyValueSchema),
  ]),
);

export const propertiesSchema = z.record(z.string(), propertyValueSchema);
export type Properties = z.infer<typeof propertiesSchema>;

export const certaintySchema = z.enum(["confirmed", "reported", "speculative"]);
export type Certainty = z.infer<typeof certaintySchema>;

/** A calendar day, `YYYY-MM-DD`: the claims' as-of parameters and the view state's dates. */
export const isoDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD")
  .refine(
    (day) => {
      const date = new Date(`${day}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
    },
    { message: "not a calendar day" },
  );

/** Node data in Cytoscape.js form. `id` is the node's `id` property, else its Neo4j element id. */
export const nodeDataSchema = z.object({
  id: z.string(),
  elementId: z.string(),
  labels: z.array(z.string()),
  /** The first label: drives the style table. */
  label: z.string(),
  /** What to print on the canvas: `name`, else `title`, else the id. */
  caption: z.string(),
  props: propertiesSchema,
});
export type NodeData = z.infer<typeof nodeDataSchema>;

/** Edge data in Cytoscape.js form; `source` and `target` are node data ids. */
export const edgeDataSchema = z.object({
  id: z.string(),
  elementId: z.string(),
  source: z.string(),
  target: z.string(),
  type: z.string(),
  /** The relationship type in words: SOURCES_FROM becomes "sources from". */
  caption: z.string(),
  /** Copied from `props.certainty` when it is one of the known values, so styles can key on it. */
  certainty: certaintySchema.optional(),
  props: propertiesSchema,
});
export type EdgeData = z.infer<typeof edgeDataSchema>;

export const graphNodeSchema = z.object({ data: nodeDataSchema });
export const graphEdgeSchema = z.object({ data: edgeDataSchema });
export type GraphNode = z.infer<typeof graphNodeSchema>;
export type GraphEdge = z.infer<typeof graphEdgeSchema>;

/** The one graph shape of every endpoint that returns elements. */
export const graphSchema = z.object({
  nodes: z.array(graphNodeSchema),
  edges: z.array(graphEdgeSchema),
  /** True when a cap cut the answer short. */
  truncated: z.boolean(),
});
export type Graph = z.infer<typeof graphSchema>;

/**
 * `GET /api/nodes/:id/neighbors`: the node, its neighbours (`truncated` when there are more than the
 * limit), its relationships with them, and the relationships among them up to `links`
 * (`moreLinks` when some were left out).
 */
export const neighboursSchema = graphSchema.extend({ moreLinks: z.boolean() });
export type Neighbours = z.infer<typeof neighboursSchema>;

/** `GET /api/nodes/:id`: the node, its relationships with their provenance, and their other ends. */
export const nodeDetailsSchema = z.object({
  node: graphNodeSchema,
  relationships: z.array(graphEdgeSchema),
  neighbours: z.array(graphNodeSchema),
  truncated: z.boolean(),
});
export type NodeDetails = z.infer<typeof nodeDetailsSchema>;

/** How a hit matched what was typed: its name or which alias, exactly, as a prefix, by all its words, or a near miss. */
export const searchMatchSchema = z.object({
  kind: z.enum(["exact", "prefix", "words", "fuzzy"]),
  field: z.enum(["name", "alias"]),
  text: z.string(),
});
export type SearchMatch = z.infer<typeof searchMatchSchema>;

export const searchHitSchema = z.object({
  node: graphNodeSchema,
  score: z.number(),
  match: searchMatchSchema,
});
export const searchResultSchema = z.object({
  hits: z.array(searchHitSchema),
  /** When nothing matches: the nearest names the graph holds, to try instead. */
  suggestions: z.array(z.string()),
});
export type SearchHit = z.infer<typeof searchHitSchema>;
export type SearchResult = z.infer<typeof searchResultSchema>;

/** `GET /api/health`: the process is up and serving (liveness; never asks Neo4j). */
export const livenessSchema = z.object({ status: z.literal("ok") });

/** `GET /api/ready`: whether this server can answer now (Neo4j reachable, not shutting down). */
export const healthSchema = z.object({
  status: z.enum(["ok", "unavailable", "draining"]),
  neo4j: z.object({
    connected: z.boolean(),
    version: z.string().nullable(),
    edition: z.string().nullable(),
  }),
});
export type Health = z.infer<typeof healthSchema>;

export const errorCodeSchema = z.enum([
  "VALIDATION",
  "CYPHER_SYNTAX",
  /** The query would write (or change the schema). */
  "WRITE_FORBIDDEN",
  /** The query is read-only but uses something the workbench refuses (LOAD CSV, a procedure off the allow-list, SHOW/TERMINATE, USE). */
  "QUERY_FORBIDDEN",
  /** The query needs more memory or output than the server allows; retrying will not help. */
  "QUERY_TOO_LARGE",
  /** Too many requests from this client at once. */
  "RATE_LIMITED",
  /** APP_TOKEN (or WRITE_TOKEN for writes) is set and the request did not carry it. */
  "UNAUTHORIZED",
  "NOT_FOUND",
  /** What the request would create exists already (a relationship type of that name). */
  "CONFLICT",
  "DB_UNAVAILABLE",
  "DB_TIMEOUT",
  "INTERNAL",
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const apiErrorSchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    retriable: z.boolean(),
    details: z.unknown().optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

/**
 * A cell of a Cypher result table: plain values as they are (converted like properties),
 * graph values summarised so the table stays readable and links to the canvas by id.
 */
export type CellValue =
  | PropertyValue
  | { $node: { id: string; labels: string[]; caption: string } }
  | { $relationship: { id: string; type: string; source: string; target: string } }
  | { $path: { nodes: string[]; relationships: string[]; length: number } }
  | CellValue[]
  | { [key: string]: CellValue };

export const cellValueSchema: z.ZodType<CellValue> = z.lazy(() =>
  z.union([
    z.object({ $node: z.object({ id: z.string(), labels: z.array(z.string()), caption: z.string() }) }),
    z.object({
      $relationship: z.object({ id: z.string(), type: z.string(), source: z.string(), target: z.string() }),
    }),
    z.object({
      $path: z.object({ nodes: z.array(z.string()), relationships: z.array(z.string()), length: z.number() }),
    }),
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(cellValueSchema),
    z.record(z.string(), cellValueSchema),
  ]),
);

/** `POST /api/cypher` body. */
export const cypherRequestSchema = z.object({
  query: z.string(),
  params: z.record(z.string(), z.unknown()).default({}),
});
export type CypherRequest = z.input<typeof cypherRequestSchema>;

/** `POST /api/cypher` answer: the rows as a table, and every node and relationship in them as a graph. */
export const cypherResultSchema = z.object({
  columns: z.array(z.string()),
  rows: z.array(z.array(cellValueSchema)),
  graph: graphSchema,
  /** Rows returned (at most the row cap). */
  rowCount: z.number(),
  /** True when the row cap or the response size cap cut the answer short. */
  truncated: z.boolean(),
  /** Why it was cut short, in words, when it was. */
  truncatedReason: z.string().optional(),
  elapsedMs: z.number(),
});
export type CypherResult = z.infer<typeof cypherResultSchema>;

/** A query of the library in cypher/queries, for `GET /api/queries`. */
export const libraryQuerySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  query: z.string(),
  /** Example values, which also tell each parameter's type. */
  params: z.record(z.string(), propertyValueSchema),
});
export const libraryQueriesSchema = z.object({ queries: z.array(libraryQuerySchema) });
export type LibraryQueryDto = z.infer<typeof libraryQuerySchema>;

/** `GET /api/schema`: what the editor completes, and counts for the analyst. */
export const graphSchemaInfoSchema = z.object({
  labels: z.array(z.object({ label: z.string(), count: z.number() })),
  relationshipTypes: z.array(z.object({ type: z.string(), count: z.number() })),
  /** Property keys per label and per relationship type. */
  nodeProperties: z.record(z.string(), z.array(z.string())),
  relationshipProperties: z.record(z.string(), z.array(z.string())),
  propertyKeys: z.array(z.string()),
  /** Procedures the workbench allows, with their signatures. */
  procedures: z.array(z.object({ name: z.string(), signature: z.string(), description: z.string() })),
  functions: z.array(z.object({ name: z.string(), signature: z.string(), description: z.string() })),
});
export type GraphSchemaInfo = z.infer<typeof graphSchemaInfoSchema>;

/* ---------- Exploration (issue #3) ---------- */

/** Which way relationships go from a node: `out` starts at the node, `in` ends there, `both` either. */
export const directionSchema = z.enum(["out", "in", "both"]);
export type Direction = z.infer<typeof directionSchema>;

/** One way to expand a node: a relationship type in one direction, and how many neighbours it reaches. */
export const expansionOptionSchema = z.object({
  type: z.string(),
  /** `out`: the node is the start of the relationship; `in`: the end. */
  direction: directionSchema.exclude(["both"]),
  count: z.number(),
});
export type ExpansionOption = z.infer<typeof expansionOptionSchema>;

/** `GET /api/nodes/:id/expansions`: what a context menu offers, with counts, before anything is fetched. */
export const expansionsSchema = z.object({
  nodeId: z.string(),
  /** Distinct neighbours over all types and directions (what a plain expand would add at most). */
  neighbourCount: z.number(),
  options: z.array(expansionOptionSchema),
});
export type Expansions = z.infer<typeof expansionsSchema>;

/** A path as ordered node and relationship data ids (both into the answer's graph). */
export const graphPathSchema = z.object({
  nodes: z.array(z.string()),
  edges: z.array(z.string()),
  length: z.number(),
  /** The least certain hop's certainty (a hop with none recorded counts as weaker than speculative: absent). */
  weakest: certaintySchema.optional(),
});
export type GraphPath = z.infer<typeof graphPathSchema>;

export const pathModeSchema = z.enum(["shortest", "all"]);
export type PathMode = z.infer<typeof pathModeSchema>;
/** `either`: relationships walked either way; `directed`: each hop along its arrow, from `from` towards `to`. */
export const pathDirectionSchema = z.enum(["either", "directed"]);
export type PathDirection = z.infer<typeof pathDirectionSchema>;

/**
 * `GET /api/paths?from=&to=&mode=&direction=&maxHops=&offset=&limit=`: one page of the paths, ranked
 * by their weakest hop's certainty (confirmed > reported > speculative > none recorded), then length,
 * and every element on that page as a graph.
 */
export const pathsResultSchema = z.object({
  mode: pathModeSchema,
  direction: pathDirectionSchema,
  maxHops: z.number(),
  /** Paths skipped before this page. */
  offset: z.number(),
  paths: z.array(graphPathSchema),
  /** Paths found in all, counted up to `cap`. */
  total: z.number(),
  /** The most paths one search counts and ranks; when `total` reaches it there may be more. */
  cap: z.number(),
  graph: graphSchema,
  /** True when there are paths after this page (beyond `offset + paths.length`, or beyond the cap). */
  truncated: z.boolean(),
});
export type PathsResult = z.infer<typeof pathsResultSchema>;

/** `POST /api/nodes/lookup` body: the ids a shared view or a saved view names. */
export const nodeLookupRequestSchema = z.object({ ids: z.array(z.string().min(1).max(512)).max(5000) });
/** The nodes found, the relationships among them, and the ids that no longer exist. */
export const nodeLookupResultSchema = z.object({ graph: graphSchema, missing: z.array(z.string()) });
export type NodeLookupResult = z.infer<typeof nodeLookupResultSchema>;

/**
 * What the canvas shows, enough to redraw it elsewhere: in the URL (encoded by the client)
 * and in saved views (stored by the server as it is, after this check).
 */
export const viewStateSchema = z.object({
  v: z.literal(1),
  nodes: z
    .array(z.object({ id: z.string().min(1).max(512), x: z.number(), y: z.number(), pinned: z.boolean().optional() }))
    .max(5000),
  /** Relationships between shown nodes that the analyst hid. */
  hiddenEdges: z.array(z.string().max(512)).max(20000).default([]),
  filters: z
    .object({
      hiddenLabels: z.array(z.string().max(200)).max(200).default([]),
      hiddenTypes: z.array(z.string().max(200)).max(200).default([]),
      hiddenCertainties: z.array(certaintySchema).max(3).default([]),
      /** Only relationships this Source id vouches for, when set. */
      source: z.string().max(512).nullable().default(null),
      /** Claim filters (issue #6): only relationships with 2+ independent sources / contested / a claim reported on or after the day. */
      corroboratedOnly: z.boolean().optional(),
      contestedOnly: z.boolean().optional(),
      reportedSince: isoDaySchema.optional(),
    })
    .default({ hiddenLabels: [], hiddenTypes: [], hiddenCertainties: [], source: null }),
  layout: z.string().max(40).default("fcose"),
  viewport: z.object({ zoom: z.number().positive(), x: z.number(), y: z.number() }).optional(),
  selected: z.string().max(512).nullable().default(null),
  /** As-of dates of the canvas (issue #6): what was known / what held on that day; absent means today. */
  knownAt: isoDaySchema.optional(),
  holdsAt: isoDaySchema.optional(),
  /** The start of the timeline's brushed range (issue #20): relationships first seen since are marked new. */
  timelineFrom: isoDaySchema.optional(),
});
export type ViewState = z.infer<typeof viewStateSchema>;

export const savedViewSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  nodeCount: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedViewSummary = z.infer<typeof savedViewSummarySchema>;

/** `GET /api/views`. */
export const savedViewListSchema = z.object({ views: z.array(savedViewSummarySchema) });
/** `GET /api/views/:id`, and the answer of `POST /api/views`. */
export const savedViewSchema = savedViewSummarySchema.extend({ state: viewStateSchema });
export type SavedView = z.infer<typeof savedViewSchema>;
/** `POST /api/views` body: saving under an existing name replaces that view. */
export const saveViewRequestSchema = z.object({ name: z.string().trim().min(1).max(120), state: viewStateSchema });
export type SaveViewRequest = z.input<typeof saveViewRequestSchema>;

/* ---------- Claims (issue #6) ---------- */

/**
 * A date as precise as the source gives it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
 * Compared with a day, a partial date stands for its first day (a claim reported "2024" is known
 * from 2024-01-01; valid "2024" to "2024" holds 2024-01-01 to 2024-12-31: the end takes the last day).
 */
export const partialDateSchema = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "a date as YYYY, YYYY-MM or YYYY-MM-DD");

/** What a claim does with its statement. */
export const claimStanceSchema = z.enum(["asserts", "denies"]);
export type ClaimStance = z.infer<typeof claimStanceSchema>;

/** Reliability of a source, on the A (completely reliable) to F (cannot be judged) scale. */
export const sourceGradeSchema = z.enum(["A", "B", "C", "D", "E", "F"]);
export type SourceGrade = z.infer<typeof sourceGradeSchema>;

/** The `Source` a claim is attributed to (outlet, agency, or "unnamed reports"). */
export const claimSourceSchema = z.object({
  id: z.string(),
  name: z.string(),
  grade: sourceGradeSchema,
  url: z.string().nullable(),
  author: z.string().nullable(),
  publishedAt: partialDateSchema.nullable(),
});
export type ClaimSource = z.infer<typeof claimSourceSchema>;

/** The `Article` (the document ingested) a claim was read in. */
export const claimArticleSchema = z.object({
  id: z.string(),
  title: z.string(),
  url: z.string().nullable(),
  publishedAt: partialDateSchema.nullable(),
});
export type ClaimArticle = z.infer<typeof claimArticleSchema>;

/** One statement of one source about one relationship: a `Claim` node. */
export const claimSchema = z.object({
  /** Stable, derived from the content (a re-ingest finds the same id). */
  id: z.string(),
  /** The navigable relationship it is about (its `id` property). */
  relationshipId: z.string(),
  stance: claimStanceSchema,
  certainty: certaintySchema,
  /** The sentence(s) verbatim, in their language. */
  quote: z.string(),
  /** BCP 47 language of the quote: `fr`, `en`, `zh`. */
  quoteLang: z.string(),
  /** English rendering of the quote. */
  /** Null until someone writes an English rendering. */
  quoteEn: z.string().nullable(),
  /** Numbers the claim gives, by name, as on the relationship: `{ quantity: 100000, delivered: 30000 }`. */
  quantities: z.record(z.string(), z.number()),
  /** When the source reported it. */
  reportedAt: partialDateSchema,
  /** When the claim says it holds (null: open). */
  validFrom: partialDateSchema.nullable(),
  validTo: partialDateSchema.nullable(),
  source: claimSourceSchema,
  /** The Source this claim's outlet republishes (a wire story): counts once with it. */
  republishes: z.string().nullable(),
  /** The curator's note on how the quote was read (not the source's words); null when none. */
  note: z.string().nullable().default(null),
  article: claimArticleSchema.nullable(),
  /**
   * Where the quote is in the article's stored text: UTF-16 offsets, `end` exclusive; null when
   * the article has no text or the quote was not found in it. Absent from older answers.
   */
  start: z.number().int().nonnegative().nullable().default(null),
  end: z.number().int().nonnegative().nullable().default(null),
  /**
   * Who entered the claim and when (ISO date-time): the signed-in user who committed it, or the
   * OS user (or --as) of `npm run ingest`; null for claims entered before accounts, or in token mode.
   */
  enteredBy: z.string().nullable().default(null),
  enteredAt: z.string().nullable().default(null),
});
export type Claim = z.infer<typeof claimSchema>;

/**
 * The summary every relationship built from claims carries in `props` (GRAPH-MODEL.md's
 * `sources`, `evidence`, `evidence_en`, `certainty`, `asOf` keep their meaning), recomputed after
 * each ingest. Parse `edge.data.props` with it (`.safeParse`): relationships from no claim fail.
 */
export const claimSummarySchema = z.object({
  /** Source ids of the claims, first reported first. */
  sources: z.array(z.string()),
  /** The quote of the first asserting claim (the seed's evidence stays as it was). */
  evidence: z.string(),
  /**
   * The language of `evidence` (its claim's quoteLang): the panel and exports label it by this.
   * Absent on relationships summarised before it existed, until their next ingest.
   */
  evidence_lang: z.string().optional(),
  /** The English rendering of `evidence`; absent (or null) until someone writes one. */
  evidence_en: z.string().nullish(),
  /** The strongest certainty among asserting claims. */
  certainty: certaintySchema,
  asOf: z.string(),
  /**
   * Independent origins among the asserting claims that vouch for it (see relationshipOriginsSchema):
   * a republished, credited ("selon Reuters") or near-copied story counts once, with its original.
   * The canvas' line widths and "Only corroborated" read it.
   */
  independentSources: z.number(),
  claimCount: z.number(),
  firstReported: partialDateSchema,
  lastReported: partialDateSchema,
  /** A claim denies it, or two claims give different values for one quantity. */
  contested: z.boolean(),
  /** When a later claim confirmed what earlier claims only reported (a change, not a contest); else absent. */
  confirmedAt: partialDateSchema.optional(),
});
export type ClaimSummary = z.infer<typeof claimSummarySchema>;

/** One side of a contest: what it holds, and the claims (ids into `claims`) that hold it. */
export const contestSideSchema = z.object({
  /** In words: "asserts", "denies", "delivered = 30000". */
  position: z.string(),
  /** The quantity value for a quantity contest, else null. */
  value: z.number().nullable(),
  claimIds: z.array(z.string()),
});

/** A disagreement between claims of one relationship: a denial, or different values of one quantity. */
export const contestSchema = z.object({
  kind: z.enum(["denial", "quantity"]),
  /** The quantity's name for a quantity contest, else null. */
  quantity: z.string().nullable(),
  /** Two or more: for a denial, asserts then denies; for a quantity, one side per value, first reported first. */
  sides: z.array(contestSideSchema).min(2),
});
export type Contest = z.infer<typeof contestSchema>;

/**
 * Corroboration by origin (issue #20): "3 outlets, 1 independent origin (Reuters)". A claim counts
 * with another outlet's origin when it republishes it (declared), copies its quote near-verbatim,
 * or credits it ("selon Reuters", "as first reported by Reuters"). Possibilities ("could") vouch
 * for nothing when others state it, as for `independentSources`.
 */
export const relationshipOriginsSchema = z.object({
  /** Distinct outlets (claims' sources) among the asserting claims. */
  outlets: z.number().int().nonnegative(),
  independentOrigins: z.number().int().nonnegative(),
  /** The origins' names, first reported first. */
  originNames: z.array(z.string()),
  /** Per claim (asserting, vouching): its origin's source id and why. */
  byClaim: z.array(
    z.object({
      claimId: z.string(),
      origin: z.string(),
      reason: z.enum(["own", "republishes", "attribution", "near-copy"]),
    }),
  ),
});
export type RelationshipOrigins = z.infer<typeof relationshipOriginsSchema>;

/**
 * `GET /api/relationships/:id/claims` (`:id` the relationship's `id` property or its element id,
 * i.e. an edge's `data.props.id` or `data.id`): the relationship (its props carry the summary),
 * its claims first reported first, and its contests.
 */
export const relationshipClaimsSchema = z.object({
  relationship: graphEdgeSchema,
  summary: claimSummarySchema,
  claims: z.array(claimSchema),
  /** Empty unless `summary.contested`. */
  contests: z.array(contestSchema),
  /** Outlets and independent origins of the asserting claims (issue #20); absent from older answers. */
  origins: relationshipOriginsSchema.optional(),
});
export type RelationshipClaims = z.infer<typeof relationshipClaimsSchema>;

/**
 * As-of parameters of `GET /api/graph`:
 * `knownAt=D` keeps relationships with a claim reported on or before D ("what was known on D");
 * `holdsAt=D` keeps relationships with an asserting claim valid on D ("what held on D").
 * Both together: both conditions on the same claim. Each relationship kept carries the summary of
 * the claims that count on D (sources, certainty, contested, quantities); nodes are kept when one
 * of their relationships is, or when nothing about them comes from claims.
 */
export const asOfQuerySchema = z.object({
  knownAt: isoDaySchema.optional(),
  holdsAt: isoDaySchema.optional(),
});
export type AsOfQuery = z.infer<typeof asOfQuerySchema>;

/** Per kind of record an ingest touches. */
export const ingestCountSchema = z.object({
  /** New nodes or relationships. */
  created: z.number(),
  /** Found already (by id, name or alias) and updated: a new alias, a new summary. */
  merged: z.number(),
  /** Found already, nothing to change. */
  unchanged: z.number(),
});

/** An entity of the file resolved to an existing node, and why. */
export const entityMergeSchema = z.object({
  /** JSON path of the entity in the file: `$.entities[2]`. */
  path: z.string(),
  /** The name (or id) the file gives. */
  given: z.string(),
  /** The node's `id`. */
  nodeId: z.string(),
  reason: z.enum(["id", "name", "alias"]),
  /** The node's value that matched, after case and width folding. */
  matched: z.string(),
});
export type EntityMerge = z.infer<typeof entityMergeSchema>;

/** One thing wrong with a claims file; `path` is a JSON path (`$` for the whole file). */
export const ingestProblemSchema = z.object({ path: z.string(), message: z.string() });
export type IngestProblem = z.infer<typeof ingestProblemSchema>;

/**
 * What `npm run ingest` prints and `POST /api/claims` answers (200 when written; 400 VALIDATION
 * with this report as `error.details` when a problem stopped it: then `written` is false and
 * nothing was written).
 */
export const ingestReportSchema = z.object({
  written: z.boolean(),
  counts: z.object({
    entities: ingestCountSchema,
    sources: ingestCountSchema,
    articles: ingestCountSchema,
    claims: ingestCountSchema,
    relationships: ingestCountSchema,
  }),
  merges: z.array(entityMergeSchema),
  problems: z.array(ingestProblemSchema),
  /**
   * What was written but deserves a look, never a reason to refuse: a claim whose quote was not
   * found in the article's text (it is stored without offsets).
   */
  notices: z.array(ingestProblemSchema).default([]),
});
export type IngestReport = z.infer<typeof ingestReportSchema>;
