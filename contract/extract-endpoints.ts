import { z } from "zod";
import { claimEntrySchema, claimsFileSchema } from "./claims-file";
import { defineEndpoint } from "./endpoint";
import { partialDateSchema } from "./graph-contract";

/** NUL and the other C0 controls but tab, line breaks and form feed, and U+FFFD (bytes that were not UTF-8). */
const isBinaryCharacter = (character: string): boolean => {
  const code = character.codePointAt(0) ?? 0;
  return (code < 0x20 && ![0x09, 0x0a, 0x0b, 0x0c, 0x0d].includes(code)) || code === 0xfffd;
};

/** The longest article POST /api/extract reads, in characters (about 30,000 words). */
export const EXTRACT_MAX_CHARACTERS = 200_000;

export const extractRequestSchema = z
  .object({
    text: z
      .string()
      .max(
        EXTRACT_MAX_CHARACTERS,
        `an article may be at most ${EXTRACT_MAX_CHARACTERS.toLocaleString("en-US")} characters`,
      )
      .refine((text) => text.trim().length > 0, "the text is empty")
      .refine(
        (text) => ![...text].some(isBinaryCharacter),
        "the text contains binary data (control characters or undecodable bytes): send the article's text, not a file's bytes",
      ),
    published: partialDateSchema.optional().describe('YYYY, YYYY-MM or YYYY-MM-DD: resolves "this year"'),
    language: z
      .string()
      .optional()
      .refine(
        (language) => language === undefined || language === "fr" || language === "en",
        "language must be fr or en (leave it out to detect it)",
      ),
    source: z.string().trim().min(1).max(300).optional().describe("The outlet that published the article"),
    title: z.string().trim().min(1).max(500).optional(),
  })
  .strict();
export type ExtractRequest = z.infer<typeof extractRequestSchema>;

/** A draft claims file: the claims file's shape, with no claim yet allowed (nothing proposed). */
export const claimsDraftSchema = claimsFileSchema.extend({ claims: z.array(claimEntrySchema).max(5000) });

const spanSchema = z.object({ start: z.number(), end: z.number() });

/** What the review page shows beside the draft: where each proposal was read, and how each mention resolved. */
export const extractReviewSchema = z.object({
  /** One per claim of the draft, in its order: the quote's offsets in the text and the cue words. */
  claims: z.array(spanSchema.extend({ cues: z.array(spanSchema.extend({ kind: z.string(), text: z.string() })) })),
  /** The entities the text mentions: the graph's (and why each matched) and new ones (with a suggested label). */
  entities: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      label: z.string(),
      known: z.boolean(),
      /** "same id", "same name", "alias …" for the graph's; why the label for a new one. */
      why: z.string(),
      aliases: z.array(z.string()),
      mentions: z.array(spanSchema.extend({ text: z.string() })),
    }),
  ),
  /** The sources the draft attributes claims to; `known` when a Source node of the graph. */
  sources: z.array(z.object({ id: z.string(), name: z.string(), grade: z.string(), known: z.boolean() })),
});
export type ExtractReview = z.infer<typeof extractReviewSchema>;

export const extractAnswerSchema = z.object({
  language: z.enum(["fr", "en", "unknown"]),
  languageScores: z.object({ fr: z.number(), en: z.number() }),
  notices: z.array(z.string()),
  draft: claimsDraftSchema,
  review: extractReviewSchema,
});
export type ExtractAnswer = z.infer<typeof extractAnswerSchema>;

/** Proposals from an article: read-only, nothing is written. */
export const extractEndpoints = {
  extract: defineEndpoint({
    method: "POST",
    path: "/api/extract",
    // Read-only: proposes claims, writes nothing.
    access: "viewer",
    body: extractRequestSchema,
    answer: extractAnswerSchema,
    summary: "Proposes claims from an article's text (offline, deterministic) as a draft claims file; writes nothing.",
    writes: "none",
    examples: [
      {
        name: "fictional-article",
        summary: "A short fictional article (invented companies) in English",
        body: {
          text: "Fictional example. Lumora Systems, a chip designer based in Norvia, said on Monday that it sources its accelerators from Tarn Foundry. Analysts reported that Tarn Foundry supplies Huawei as well.",
          published: "2025-03",
          source: "Example Wire (fictional)",
          title: "Lumora Systems names its foundry",
        },
      },
    ],
  }),
} as const;
