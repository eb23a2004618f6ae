/**
 * What requests may ask: path segments, query strings and bodies, with their defaults and caps.
 * The server parses requests with these; the client's calls are typed by them.
 */
import { z } from "zod";
import { asOfQuerySchema, directionSchema, pathDirectionSchema, pathModeSchema } from "./graph-contract";

/** Hops a path search may span at most (`maxHops`). */
export const MAX_PATH_HOPS = 6;
/** Paths one search counts, ranks and pages through at most (`total` stops here; `offset` stays below). */
export const PATH_COUNT_CAP = 500;

const limit = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback);

/** A node's `id` property or element id (also a relationship's, a Source's). */
export const nodeIdSchema = z.string().min(1).max(512);

export const savedViewIdSchema = z.string().min(1).max(100);

export const graphQuerySchema = asOfQuerySchema.extend({ limit: limit(500, 5000) });

export const nodeQuerySchema = z.object({ limit: limit(200, 1000) });

const relationshipType = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "a relationship type such as SOURCES_FROM");

/**
 * Relationships among the new neighbours an expansion sends when `links` is not given: 100, or two
 * per neighbour asked for above 50 neighbours. An expansion answers "what is this node linked to";
 * the links among its neighbours are context. A hub's top neighbours are themselves hubs, joined by
 * thousands of relationships (2,200 among the bench supernode's top 50: 44 per node, a hairball that
 * took 0.1–0.35 s to read); the analyst asks for the rest when wanted (decision 0006).
 */
export const EXPANSION_LINKS_FLOOR = 100;
export const EXPANSION_LINKS_PER_NEIGHBOUR = 2;
/** The most relationships among the neighbours one expansion may ask for (the server's own cap may be lower). */
export const MAX_EXPANSION_LINKS = 20_000;

/** How many relationships among its neighbours an expansion of `limit` neighbours sends when `links` is not given. */
export function expansionLinkCap(limit: number): number {
  return Math.min(MAX_EXPANSION_LINKS, Math.max(EXPANSION_LINKS_FLOOR, limit * EXPANSION_LINKS_PER_NEIGHBOUR));
}

/** `types` travels as one comma-separated string: `types=SUPPLIES,OWNS`. */
export const neighborsQuerySchema = z.object({
  limit: limit(100, 1000),
  /** Most relationships among the neighbours to send (those with the node always come); absent, expansionLinkCap(limit). */
  links: z.coerce.number().int().min(0).max(MAX_EXPANSION_LINKS).optional(),
  types: z
    .string()
    .optional()
    .transform((value) =>
      value === undefined || value.trim() === ""
        ? undefined
        : value
            .split(",")
            .map((type) => type.trim())
            .filter((type) => type !== ""),
    )
    .pipe(z.array(relationshipType).max(50).optional()),
  direction: directionSchema.default("both"),
});
export type NeighborsRequest = z.output<typeof neighborsQuerySchema>;

export const searchQuerySchema = z.object({
  q: z.string().trim().min(1, "type something to search for").max(200),
  limit: limit(10, 50),
});

export const pathsQuerySchema = z.object({
  from: nodeIdSchema,
  to: nodeIdSchema,
  mode: pathModeSchema.default("shortest"),
  maxHops: z.coerce.number().int().min(1).max(MAX_PATH_HOPS).default(4),
  /** `either`: a relationship may be walked against its arrow; `directed`: only from its start to its end. */
  direction: pathDirectionSchema.default("either"),
  limit: limit(25, 100),
  /** Paths skipped before this page, in ranked order. */
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .max(PATH_COUNT_CAP - 1)
    .default(0),
});
export type PathsRequest = z.output<typeof pathsQuerySchema>;

export const sourceClaimsQuerySchema = z.object({ limit: limit(200, 1000) });

/** Every data format `GET /api/export` writes, by the name `?format=` takes. */
export const EXPORT_FORMATS = ["graphml", "cyjs", "json", "csv-nodes", "csv-edges", "markdown", "html"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * `GET /api/export`: with `node`, that node's neighbourhood (`types`, `direction`, `limit` as for
 * `/api/nodes/:id/neighbors`); without, the graph (`limit` as for `/api/graph`).
 */
export const exportQuerySchema = z.object({
  format: z.enum(EXPORT_FORMATS, { error: `format must be one of: ${EXPORT_FORMATS.join(", ")}` }),
  node: nodeIdSchema.optional(),
});
