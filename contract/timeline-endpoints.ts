/**
 * The story over time (issue #20): the timeline of articles and claims, what changed between two
 * dates (or two articles), and the analyst's watches with what changed for them since last looked.
 */
import { z } from "zod";
import { defineEndpoint } from "./endpoint";
import { certaintySchema, claimStanceSchema, isoDaySchema, partialDateSchema } from "./graph-contract";
import { nodeIdSchema } from "./request-schemas";

/* ---------- Timeline ---------- */

/** The outlet that published an article, or that a claim is attributed to (a `Source`). */
export const timelineOutletSchema = z.object({ id: z.string(), name: z.string() });
export type TimelineOutlet = z.infer<typeof timelineOutletSchema>;

/** An article as a mark on the timeline, at its publication date. */
export const timelineArticleSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** The Source that published it; null when the article names none. */
  outlet: timelineOutletSchema.nullable(),
  /** BCP 47 language of the article (`fr`, `en`); null when unknown. */
  language: z.string().nullable(),
  /** As precise as the article gives it; null for an undated article (not on the strip). */
  publishedAt: partialDateSchema.nullable(),
  /** Claims read in it. */
  claimCount: z.number().int().nonnegative(),
});
export type TimelineArticle = z.infer<typeof timelineArticleSchema>;

/** One claim as a tick on the timeline, at its `reportedAt`. */
export const timelineTickSchema = z.object({
  claimId: z.string(),
  /** The navigable relationship (an edge's `data.props.id`). */
  relationshipId: z.string(),
  /** The relationship's ends: node `id`s (an edge's `data.source` / `data.target`). */
  sourceId: z.string(),
  targetId: z.string(),
  /** The relationship type: `ORDERED`. */
  type: z.string(),
  certainty: certaintySchema,
  stance: claimStanceSchema,
  reportedAt: partialDateSchema,
  /** When the claim says it starts / stops holding; null when it does not say. */
  validFrom: partialDateSchema.nullable(),
  validTo: partialDateSchema.nullable(),
  /** The article it was read in; null when none was recorded. */
  articleId: z.string().nullable(),
  /** The Source the claim is attributed to. */
  outletId: z.string(),
});
export type TimelineTick = z.infer<typeof timelineTickSchema>;

/**
 * `GET /api/timeline`: every article (published first first, undated last) and every claim as a
 * tick (reported first first). `range` spans the dated articles and ticks (first days / last days
 * of partial dates); `empty` says why there is nothing to play, else null.
 */
export const timelineSchema = z.object({
  articles: z.array(timelineArticleSchema),
  ticks: z.array(timelineTickSchema),
  range: z.object({ from: isoDaySchema, to: isoDaySchema }).nullable(),
  empty: z.string().nullable(),
});
export type Timeline = z.infer<typeof timelineSchema>;

/* ---------- Changes ---------- */

/**
 * The two axes of a date: `known` compares what had been reported by D1 and by D2 (claims'
 * `reportedAt`); `held` compares what held on D1 and on D2 (claims' validity), on all claims.
 */
export const changeAxisSchema = z.enum(["known", "held"]);
export type ChangeAxis = z.infer<typeof changeAxisSchema>;

export const CHANGE_KINDS = [
  "new-relationship",
  "certainty-raised",
  "certainty-lowered",
  "newly-corroborated",
  "newly-contested",
  "denied",
  "validity-ended",
  "new-entity",
  "alias-merged",
] as const;
/**
 * What changed: a relationship first reported (or first held); its strongest certainty up or down;
 * a new independent origin (not a new outlet: republishes, near-copies and attributions count
 * once); a new disagreement on a quantity; a claim denying it; its validity over; an entity first
 * seen; an entity named by a new name that was merged into it.
 */
export const changeKindSchema = z.enum(CHANGE_KINDS);
export type ChangeKind = z.infer<typeof changeKindSchema>;

/** A claim behind a change: enough for the list and an evidence table. */
export const changeClaimSchema = z.object({
  id: z.string(),
  relationshipId: z.string(),
  stance: claimStanceSchema,
  certainty: certaintySchema,
  reportedAt: partialDateSchema,
  validFrom: partialDateSchema.nullable(),
  validTo: partialDateSchema.nullable(),
  outlet: timelineOutletSchema,
  articleId: z.string().nullable(),
  quote: z.string(),
  quoteLang: z.string(),
  quoteEn: z.string().nullable(),
  quantities: z.record(z.string(), z.number()),
});
export type ChangeClaim = z.infer<typeof changeClaimSchema>;

/** One change between the two dates. */
export const changeSchema = z.object({
  kind: changeKindSchema,
  /** The relationship it is about (an edge's `data.props.id`); null for new-entity and alias-merged. */
  relationshipId: z.string().nullable(),
  /** The relationship type, when about a relationship. */
  type: z.string().nullable(),
  /** The nodes it is about: a relationship's two ends (source, target), or the entity. */
  entityIds: z.array(z.string()),
  /** In words: "ByteDance ORDERED H20: certainty raised from reported to confirmed". */
  label: z.string(),
  /** What it was and what it is: certainties, a new name, a validity's end; null when not a value. */
  before: z.string().nullable(),
  after: z.string().nullable(),
  /** For newly-corroborated: the names of the independent origins added; else empty. */
  origins: z.array(z.string()).default([]),
  /** The claims that made the change (those counting at D2 and not at D1), first reported first. */
  claims: z.array(changeClaimSchema),
});
export type Change = z.infer<typeof changeSchema>;

/**
 * `GET /api/changes`: either `from`/`to` (days) or `fromArticle`/`toArticle` (article ids: the
 * state after each article's publication day); `to` defaults to today. D2 before D1 is swapped
 * (`swapped: true`); a date after today is taken as today (`clamped: true`). `notices` says so in
 * words.
 */
export const changesQuerySchema = z.object({
  from: isoDaySchema.optional(),
  to: isoDaySchema.optional(),
  fromArticle: nodeIdSchema.optional(),
  toArticle: nodeIdSchema.optional(),
  axis: changeAxisSchema.default("known"),
});
export type ChangesQuery = z.input<typeof changesQuerySchema>;

export const changeListSchema = z.object({
  /** The days compared, after swapping and clamping. */
  from: isoDaySchema,
  to: isoDaySchema,
  axis: changeAxisSchema,
  swapped: z.boolean(),
  clamped: z.boolean(),
  notices: z.array(z.string()),
  /** Grouped by relationship then by kind (CHANGE_KINDS' order); entities after. */
  changes: z.array(changeSchema),
});
export type ChangeList = z.infer<typeof changeListSchema>;

/* ---------- Watches ---------- */

export const watchKindSchema = z.enum(["node", "relationship", "view"]);
export type WatchKind = z.infer<typeof watchKindSchema>;

/** `POST /api/watches`: watch a node (`id`), a relationship (`id` or element id) or a saved view (its id). */
export const watchRequestSchema = z.object({ kind: watchKindSchema, target: nodeIdSchema });
export type WatchRequest = z.input<typeof watchRequestSchema>;

export const watchIdSchema = z.string().min(1).max(100);

export const watchSchema = z.object({
  id: z.string(),
  kind: watchKindSchema,
  /** The watched node's or relationship's `id`, or the saved view's id. */
  target: z.string(),
  /** Its name now ("ByteDance", "ByteDance ORDERED H20", the view's name), or the last name known. */
  label: z.string(),
  /** `removed`: what it watches was deleted since (listed, never an error). */
  status: z.enum(["active", "removed"]),
  createdAt: z.string(),
  /** When its owner last marked the changes seen (ISO date-time); the watch's creation until then. */
  seenAt: z.string(),
});
export type Watch = z.infer<typeof watchSchema>;

export const watchListSchema = z.object({ watches: z.array(watchSchema) });
export type WatchList = z.infer<typeof watchListSchema>;

/** A change for what is watched: the change, and the watches (ids) it concerns. */
export const watchedChangeSchema = changeSchema.extend({ watchIds: z.array(z.string()) });
export type WatchedChange = z.infer<typeof watchedChangeSchema>;

/**
 * `GET /api/watches/changes`: what changed for the watched nodes, relationships and views since
 * the owner last looked (claims entered after `since`: the state before them against now).
 */
export const watchChangesSchema = z.object({
  /** The badge: how many changes. */
  count: z.number().int().nonnegative(),
  /** The oldest `seenAt` of the watches (ISO date-time); null without watches. */
  since: z.string().nullable(),
  changes: z.array(watchedChangeSchema),
  /** Watches whose target was deleted: listed here too, so the badge's list can say so. */
  removed: z.array(watchSchema),
});
export type WatchChanges = z.infer<typeof watchChangesSchema>;

export const watchSeenSchema = z.object({ seenAt: z.string() });
/** `POST /api/watches/seen` takes an empty JSON object. */
export const watchSeenRequestSchema = z.object({});

/* ---------- Endpoints ---------- */

export const timelineEndpoints = {
  timeline: defineEndpoint({
    method: "GET",
    path: "/api/timeline",
    answer: timelineSchema,
    summary: "Every article at its publication date and every claim as a tick; `empty` says why nothing is dated.",
    examples: [{ name: "timeline", summary: "The story's articles and claims" }],
  }),
  changes: defineEndpoint({
    method: "GET",
    path: "/api/changes",
    query: changesQuerySchema,
    answer: changeListSchema,
    summary: "What changed between two dates or two articles, on the known or held axis, each change with its claims.",
    errors: [{ status: 404, code: "NOT_FOUND", when: "`fromArticle` or `toArticle` names no article." }],
    examples: [{ name: "between-dates", summary: "Known by 2024-01-01 against now", query: { from: "2024-01-01" } }],
  }),
} as const;

/** Watches: what an analyst follows, and what changed for it since they last looked. */
export const watchEndpoints = {
  list: defineEndpoint({
    method: "GET",
    path: "/api/watches",
    answer: watchListSchema,
    summary: "The signed-in analyst's watches (in token mode, the shared ones), removed targets included.",
  }),
  watch: defineEndpoint({
    method: "POST",
    path: "/api/watches",
    body: watchRequestSchema,
    answer: watchSchema,
    summary: "Watches a node, a relationship or a saved view: 201 when new, 200 when already watched.",
    writes: "guarded",
    access: "viewer",
    errors: [{ status: 404, code: "NOT_FOUND", when: "Nothing of that kind has that id." }],
    answers: [{ status: 201, description: "A new watch.", schema: watchSchema }],
  }),
  unwatch: defineEndpoint({
    method: "DELETE",
    path: "/api/watches/:id",
    params: { id: watchIdSchema },
    answer: null,
    summary: "Stops a watch (204).",
    writes: "guarded",
    access: "viewer",
    answers: [{ status: 204, description: "The watch is gone." }],
  }),
  changes: defineEndpoint({
    method: "GET",
    path: "/api/watches/changes",
    answer: watchChangesSchema,
    summary: "What changed for the watched things since their owner last looked: the badge count and the changes.",
  }),
  seen: defineEndpoint({
    method: "POST",
    path: "/api/watches/seen",
    body: watchSeenRequestSchema,
    answer: watchSeenSchema,
    summary: "Marks every change of the caller's watches seen, now.",
    writes: "guarded",
    access: "viewer",
  }),
} as const;
