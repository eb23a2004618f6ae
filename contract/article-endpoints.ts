import { z } from "zod";
import { defineEndpoint } from "./endpoint";
import { certaintySchema, claimStanceSchema, partialDateSchema, sourceGradeSchema } from "./graph-contract";

/** An article's id (its `Article` node's `id`, a slug). */
export const articleIdSchema = z.string().min(1).max(200);

/** The outlet that published an article: its `Source` node. */
export const articleOutletSchema = z.object({
  id: z.string(),
  /** The Source's name, or its id when the graph has no such Source. */
  name: z.string(),
  grade: sourceGradeSchema.nullable(),
});

/** One article of the graph, as the Sources view lists it. */
export const articleSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  outlet: articleOutletSchema,
  publishedAt: partialDateSchema.nullable(),
  /** BCP 47 language of the article: `fr`, `en`, `zh`. */
  language: z.string(),
  url: z.string().nullable(),
  claimCount: z.number().int().nonnegative(),
  /** The article's full text is stored (else only its claims' sentences are). */
  hasText: z.boolean(),
});
export type ArticleSummary = z.infer<typeof articleSummarySchema>;

/** `GET /api/articles`: newest first (by publication date, then title). */
export const articleListSchema = z.object({ articles: z.array(articleSummarySchema) });
export type ArticleList = z.infer<typeof articleListSchema>;

/** One claim read in an article: where its sentence is, and the relationship it is about. */
export const articleHighlightSchema = z.object({
  claimId: z.string(),
  /** The relationship's element id: the canvas' edge id (`data.id`). */
  relationshipId: z.string(),
  /** The relationship's own `id` property (`data.props.id`, the claims' `relationshipId`). */
  relationshipKey: z.string(),
  /** The ends' node ids, as the canvas names nodes. */
  subjectId: z.string(),
  objectId: z.string(),
  subject: z.string(),
  /** The relationship type, as written in the graph (`SOURCES_FROM`). */
  predicate: z.string(),
  /** The type in words, as the canvas captions it (`sources from`). */
  predicateCaption: z.string(),
  object: z.string(),
  certainty: certaintySchema,
  stance: claimStanceSchema,
  /** The relationship is contested (a denial, or different numbers), whichever claim says so. */
  contested: z.boolean(),
  /** Who the claim is attributed to (a Source). */
  source: z.object({ id: z.string(), name: z.string(), grade: sourceGradeSchema.nullable() }),
  quote: z.string(),
  quoteLang: z.string(),
  /** UTF-16 offsets of the quote in `text`, `end` exclusive; null when not located (or no text). */
  start: z.number().int().nonnegative().nullable(),
  end: z.number().int().nonnegative().nullable(),
});
export type ArticleHighlight = z.infer<typeof articleHighlightSchema>;

/** `GET /api/articles/:id`: the article, its text (null when not stored), its claims in reading order. */
export const articleSchema = articleSummarySchema.extend({
  text: z.string().nullable(),
  highlights: z.array(articleHighlightSchema),
});
export type Article = z.infer<typeof articleSchema>;

/** The articles claims were read in, and each one's text with its claims' places. */
export const articleEndpoints = {
  list: defineEndpoint({
    method: "GET",
    path: "/api/articles",
    answer: articleListSchema,
    summary: "The articles of the graph, newest first, with their outlet, claim count and whether the text is stored.",
  }),
  get: defineEndpoint({
    method: "GET",
    path: "/api/articles/:id",
    params: { id: articleIdSchema },
    answer: articleSchema,
    summary: "One article: its text (or null) and its claims as highlights with offsets and relationships.",
  }),
} as const;
