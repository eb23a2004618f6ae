import { z } from "zod";
import { asOfQuerySchema, pathModeSchema } from "../../../contract/graph-contract";
import { MAX_PATH_HOPS } from "../graph/graph-queries";

const limit = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback);

export const graphQuerySchema = asOfQuerySchema.extend({ limit: limit(500, 5000) });

export const nodeIdSchema = z.string().min(1).max(512);

export const nodeQuerySchema = z.object({ limit: limit(200, 1000) });

const relationshipType = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "a relationship type such as SOURCES_FROM");

export const neighborsQuerySchema = z.object({
  limit: limit(100, 1000),
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
  direction: z.enum(["out", "in", "both"]).default("both"),
});

export const searchQuerySchema = z.object({
  q: z.string().trim().min(1, "type something to search for").max(200),
  limit: limit(10, 50),
});

export const pathsQuerySchema = z.object({
  from: nodeIdSchema,
  to: nodeIdSchema,
  mode: pathModeSchema.default("shortest"),
  maxHops: z.coerce.number().int().min(1).max(MAX_PATH_HOPS).default(4),
  limit: limit(25, 100),
});

export const sourceClaimsQuerySchema = z.object({ limit: limit(200, 1000) });

export const savedViewIdSchema = z.string().min(1).max(100);
