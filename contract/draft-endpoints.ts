/**
 * Drafts: an article an analyst is turning into claims, saved server-side as they work (hidden
 * from the graph like saved views), then committed through the claims ingestion.
 */
import { z } from "zod";
import { claimsFileSchema } from "./claims-file";
import { defineEndpoint } from "./endpoint";
import { EXTRACT_MAX_CHARACTERS } from "./extract-endpoints";
import { certaintySchema, claimStanceSchema, ingestReportSchema, sourceGradeSchema } from "./graph-contract";

export const draftIdSchema = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, "a draft id (letters, digits, hyphens)");

const short = (max: number) => z.string().max(max);

/**
 * How long a cue's kind and words may be in a draft. A kind can carry the engine's explanation
 * ("headline only (a title drops the body's hedges: …)"), so it has room for a sentence.
 */
export const DRAFT_CUE_LIMITS = { kind: 200, text: 500 } as const;

/** Words that produced a proposal, with their offsets in the draft's text. */
export const draftCueSchema = z.object({
  kind: short(DRAFT_CUE_LIMITS.kind),
  text: short(DRAFT_CUE_LIMITS.text),
  start: z.number(),
  end: z.number(),
});

/** An entity a draft's claims refer to: one of the graph's (why it matched), or a new one. */
export const draftEntitySchema = z.object({
  /** What the draft's claims name it by (the graph's id, or the new entity's slug). */
  id: short(120),
  name: short(300),
  label: short(60),
  known: z.boolean(),
  /** How it was resolved: "same id", "same name", "alias …", "picked by the analyst", or why a new entity got its label. */
  why: short(300),
  aliases: z.array(short(300)).max(50).default([]),
  /**
   * Names of new entities the analyst merged into this node of the graph: the commit records them
   * as its aliases (a re-pointed mention is not an alias, and is not listed here).
   */
  mergedNames: z.array(short(300)).max(50).optional(),
  mentions: z
    .array(z.object({ start: z.number(), end: z.number(), text: short(300) }))
    .max(500)
    .default([]),
});
export type DraftEntity = z.infer<typeof draftEntitySchema>;

/** A source a draft's claims are attributed to. */
export const draftSourceSchema = z.object({
  id: short(120),
  name: short(300),
  grade: sourceGradeSchema,
  known: z.boolean().default(false),
  kind: short(100).optional(),
});
export type DraftSource = z.infer<typeof draftSourceSchema>;

/** One claim under review: as loose as an edit in progress; the commit validates it. */
export const draftItemSchema = z.object({
  id: short(64),
  origin: z.enum(["proposal", "manual"]),
  status: z.enum(["pending", "accepted", "rejected"]),
  subject: short(300),
  predicate: short(100),
  object: short(300),
  source: short(120),
  stance: claimStanceSchema,
  certainty: certaintySchema,
  quote: short(4000),
  quoteEn: short(4000).default(""),
  quantities: z.record(z.string().max(60), z.number()).default({}),
  validFrom: short(10).optional(),
  republishes: short(120).optional(),
  /** Where the quote is in the text (UTF-16 offsets, end exclusive). */
  start: z.number(),
  end: z.number(),
  cues: z.array(draftCueSchema).max(100).default([]),
});
export type DraftItem = z.infer<typeof draftItemSchema>;

/** What the analyst has typed and decided so far. */
export const draftContentSchema = z.object({
  text: z.string().max(EXTRACT_MAX_CHARACTERS),
  file: short(300).optional(),
  title: short(500),
  url: short(2000).default(""),
  /** YYYY-MM-DD (or YYYY, YYYY-MM), or "" while unknown. */
  published: short(10).default(""),
  /** fr, en, or "" to detect. */
  language: short(12).default(""),
  outlet: draftSourceSchema,
  /** Filled once proposals arrived. */
  detectedLanguage: z.enum(["fr", "en", "unknown"]).optional(),
  notices: z.array(short(1000)).max(50).default([]),
  entities: z.array(draftEntitySchema).max(5000).default([]),
  sources: z.array(draftSourceSchema).max(500).default([]),
  items: z.array(draftItemSchema).max(5000).default([]),
});
export type DraftContent = z.infer<typeof draftContentSchema>;

export const draftStatusSchema = z.enum(["open", "committed"]);

export const draftSummarySchema = z.object({
  id: draftIdSchema,
  title: z.string(),
  status: draftStatusSchema,
  revision: z.number().int().nonnegative(),
  itemCount: z.number().int().nonnegative(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Who created the draft and who saved it last (accounts mode; null in token mode and for older drafts). */
  createdBy: z.string().nullable().default(null),
  updatedBy: z.string().nullable().default(null),
});
export type DraftSummary = z.infer<typeof draftSummarySchema>;

export const draftSchema = draftSummarySchema.extend({
  content: draftContentSchema,
  /** After a commit: the report of the ingestion and the article's id. */
  committed: z
    .object({
      at: z.string(),
      articleId: z.string(),
      report: ingestReportSchema,
      /** Who committed it (accounts mode): the claims record them as who entered them. */
      by: z.string().nullable().default(null),
    })
    .nullable(),
});
export type Draft = z.infer<typeof draftSchema>;

export const putDraftRequestSchema = z.object({
  /** The revision this save is based on: 0 for a new draft. A stale one is 409 CONFLICT with the newer draft. */
  revision: z.number().int().nonnegative(),
  content: draftContentSchema,
});
export type PutDraftRequest = z.infer<typeof putDraftRequestSchema>;

export const commitDraftRequestSchema = z.object({ revision: z.number().int().nonnegative() });

export const commitDraftAnswerSchema = z.object({
  draft: draftSchema,
  report: ingestReportSchema,
  /** True when the ingestion created, merged or changed nothing (the article was committed before). */
  nothingChanged: z.boolean(),
  /** The ids of the relationships the committed claims stand behind, for the canvas. */
  relationshipIds: z.array(z.string()),
  nodeIds: z.array(z.string()),
});
export type CommitDraftAnswer = z.infer<typeof commitDraftAnswerSchema>;

export const outletListSchema = z.object({
  outlets: z.array(z.object({ id: z.string(), name: z.string(), aliases: z.array(z.string()), grade: z.string() })),
});
export type OutletList = z.infer<typeof outletListSchema>;

export const draftEndpoints = {
  list: defineEndpoint({
    method: "GET",
    path: "/api/drafts",
    answer: z.object({ drafts: z.array(draftSummarySchema) }),
    summary: "Drafts, most recently saved first.",
  }),
  outlets: defineEndpoint({
    method: "GET",
    path: "/api/draft-outlets",
    answer: outletListSchema,
    summary: "The graph's Source nodes (id, name, aliases, grade), for a draft's outlet picker.",
  }),
  get: defineEndpoint({
    method: "GET",
    path: "/api/drafts/:id",
    params: { id: draftIdSchema },
    answer: draftSchema,
    summary: "One draft with its text and review.",
  }),
  put: defineEndpoint({
    method: "PUT",
    path: "/api/drafts/:id",
    params: { id: draftIdSchema },
    body: putDraftRequestSchema,
    answer: draftSchema,
    summary: "Creates (revision 0) or updates a draft; 409 CONFLICT with the newer draft when the revision is stale.",
  }),
  delete: defineEndpoint({
    method: "DELETE",
    path: "/api/drafts/:id",
    params: { id: draftIdSchema },
    answer: null,
    summary: "Deletes a draft (204); the claims it committed stay.",
  }),
  commit: defineEndpoint({
    method: "POST",
    path: "/api/drafts/:id/commit",
    params: { id: draftIdSchema },
    body: commitDraftRequestSchema,
    answer: commitDraftAnswerSchema,
    summary: "Ingests the draft's accepted claims as a claims file (behind WRITE_TOKEN): all or nothing, idempotent.",
    writes: "write-token",
  }),
  claimsFile: defineEndpoint({
    method: "GET",
    path: "/api/drafts/:id/claims-file",
    params: { id: draftIdSchema },
    answer: claimsFileSchema,
    summary: "The claims file a draft committed (as a download); 404 before its commit.",
  }),
} as const;
