/**
 * The claims file: what `npm run ingest -- file.json` reads and `POST /api/claims` takes.
 * schemas/claims-file.schema.json is generated from this schema (npm run claims:schema) and a unit
 * test checks the two agree. Checks that need the clock or the other entries of the file (dates
 * in the future, references between entries) are made by the ingester, not here.
 */
import { z } from "zod";
import { certaintySchema, claimStanceSchema, partialDateSchema, sourceGradeSchema } from "./graph-contract";

/**
 * The built-in relationship types: the seed of the vocabulary (cypher/lexicon/relations.json holds
 * their descriptions). Analysts add more in the app (POST /api/vocabulary); a claim may state any
 * type of the stored vocabulary, which ingestion checks.
 */
export const PREDICATES = [
  "SOURCES_FROM",
  "PREVIOUSLY_USED",
  "REPORTEDLY_OUTPERFORMS",
  "MAKES",
  "OWNS",
  "DEVELOPS",
  "POPULAR_IN",
  "ORDERED",
  "CO_DEVELOPS",
  "IMPOSES",
  "RESTRICTS",
  "MAY_COUNTER",
  "COULD_IMPROVE",
  "OPERATES_PLATFORM",
  "BASED_IN",
  "CITES",
] as const;

/** A relationship type's name: UPPER_SNAKE, as Cypher writes relationship types. */
export const RELATIONSHIP_TYPE_NAME = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;
export const RELATIONSHIP_TYPE_NAME_MAX = 60;
export const RELATIONSHIP_TYPE_NAME_RULE =
  "a relationship type is UPPER_SNAKE: capital letters and digits in words joined by single underscores, starting with a letter (ORDERED, SOURCES_FROM), at most 60 characters";
export const predicateSchema = z
  .string()
  .max(RELATIONSHIP_TYPE_NAME_MAX, RELATIONSHIP_TYPE_NAME_RULE)
  .regex(RELATIONSHIP_TYPE_NAME, RELATIONSHIP_TYPE_NAME_RULE)
  .describe("A relationship type of the vocabulary (the built-in ones or one added in the app)");

/** Labels an entity of a claims file may take (sources are declared apart, as `Source`). */
export const ENTITY_LABELS = ["Company", "Chip", "Product", "Country", "Policy", "Technology"] as const;
export const entityLabelSchema = z.enum(ENTITY_LABELS);

/** A stable slug: `bytedance`, `ascend-910b`. */
export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "a slug: lower-case letters and digits joined by single hyphens")
  .max(120);

const MAX_QUOTE = 4000;
/** An article's full text, in characters (UTF-16 code units): a long feature article, not a book. */
export const MAX_ARTICLE_TEXT = 200_000;
const text = (max: number) => z.string().trim().min(1).max(max);

/** Further properties to set on a node or relationship: names as Cypher keys, plain values. */
const extraPropertiesSchema = z
  .record(
    z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, "a property name such as formerName"),
    z.union([z.string().max(MAX_QUOTE), z.number(), z.boolean(), z.array(z.string().max(MAX_QUOTE)).max(50)]),
  )
  .default({});

/** An outlet, agency or document that claims are attributed to: a `Source` node. */
export const sourceEntrySchema = z
  .object({
    id: slugSchema,
    name: text(300),
    grade: sourceGradeSchema.describe("Reliability, A (completely reliable) to F (cannot be judged)"),
    kind: text(100).optional(),
    url: z.url().max(2000).optional(),
    author: text(300).optional(),
    publishedAt: partialDateSchema.optional(),
    aliases: z.array(text(300)).max(50).default([]),
    description: text(2000).optional(),
    properties: extraPropertiesSchema,
  })
  .strict();

/** Something the claims are about; resolved to an existing node by id, name or alias when one matches. */
export const entityEntrySchema = z
  .object({
    id: slugSchema.optional().describe("Defaults to a slug of the name"),
    name: text(300),
    label: entityLabelSchema,
    aliases: z.array(text(300)).max(50).default([]),
    description: text(2000).optional(),
    properties: extraPropertiesSchema,
  })
  .strict();

/** One statement of one source: subject -[predicate]-> object, in the source's words. */
export const claimEntrySchema = z
  .object({
    subject: text(300).describe("An entity or source of this file, or a node of the graph, by id, name or alias"),
    predicate: predicateSchema,
    object: text(300).describe("As subject"),
    source: slugSchema.describe("The id of an entry of `sources`"),
    stance: claimStanceSchema.default("asserts"),
    certainty: certaintySchema,
    quote: text(MAX_QUOTE).describe("The sentence(s) verbatim, in their language"),
    quoteLang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "a language tag such as fr or zh-Hans"),
    quoteEn: text(MAX_QUOTE)
      .optional()
      .describe("English rendering, when someone has written one: never machine-invented"),
    quantities: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/), z.number()).default({}),
    reportedAt: partialDateSchema.describe("When the source reported it"),
    validFrom: partialDateSchema.optional().describe("When the claim says it starts to hold"),
    validTo: partialDateSchema.optional().describe("When the claim says it stops holding"),
    author: text(300).optional(),
    url: z.url().max(2000).optional(),
    republishes: slugSchema.optional().describe("The source whose story this one republishes: they count once"),
    note: text(2000)
      .optional()
      .describe(
        "The curator's note: context, how the quote was read, a doubt. Never the source's words, never in quoteEn",
      ),
    properties: extraPropertiesSchema.describe("Further properties of the relationship (item, scope...)"),
  })
  .strict();

/** The document the claims were read in: an `Article` node, published by one of `sources`. */
export const articleEntrySchema = z
  .object({
    id: slugSchema,
    title: text(500),
    source: slugSchema.describe("The id of the entry of `sources` that published it"),
    language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/),
    publishedAt: partialDateSchema,
    url: z.url().max(2000).optional(),
    file: text(300).optional(),
    text: z
      .string()
      .max(MAX_ARTICLE_TEXT)
      .refine((value) => value.trim() !== "", "the article's text is empty: leave `text` out instead")
      .optional()
      .describe(
        "The article's full text: stored on the Article node, and each claim's quote is located in it (character offsets)",
      ),
  })
  .strict();

export const claimsFileSchema = z
  .object({
    $schema: z.string().optional(),
    format: z.literal("claims/1"),
    /** Say so plainly when the file is made up (test fixtures). */
    fictional: z.boolean().default(false),
    note: text(2000).optional(),
    article: articleEntrySchema,
    sources: z.array(sourceEntrySchema).min(1).max(500),
    entities: z.array(entityEntrySchema).max(5000).default([]),
    claims: z.array(claimEntrySchema).min(1).max(5000),
  })
  .strict();

export type ClaimsFile = z.infer<typeof claimsFileSchema>;
export type SourceEntry = z.infer<typeof sourceEntrySchema>;
export type EntityEntry = z.infer<typeof entityEntrySchema>;
export type ClaimEntry = z.infer<typeof claimEntrySchema>;
export type Predicate = z.infer<typeof predicateSchema>;

/** The JSON Schema of a claims file, as committed in schemas/claims-file.schema.json. */
export function claimsFileJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(claimsFileSchema, { io: "input" }),
    $id: "https://graph-explorer.local/schemas/claims-file.schema.json",
    title: "Claims file",
    description:
      "Claims read in one article, with their sources and the entities they are about (npm run ingest, POST /api/claims).",
  };
}
