/**
 * The vocabulary of relationship types: the built-in ones (PREDICATES) and those analysts add in
 * the app, stored in Neo4j as hidden `RelationshipType` nodes. Ingestion accepts a claim's
 * predicate only when it is in this vocabulary; the proposals engine reads each type's trigger
 * phrases beside the lexicon files'.
 */
import { z } from "zod";
import { ENTITY_LABELS, entityLabelSchema, predicateSchema, RELATIONSHIP_TYPE_NAME_RULE } from "./claims-file";
import { defineEndpoint } from "./endpoint";

export { RELATIONSHIP_TYPE_NAME_RULE };
export const relationshipTypeNameSchema = predicateSchema;

/** The languages trigger phrases are written in (the lexicon's languages). */
export const TRIGGER_LANGUAGES = ["fr", "en"] as const;
export type TriggerLanguage = (typeof TRIGGER_LANGUAGES)[number];
export const TRIGGER_MAX_LENGTH = 120;
export const TRIGGER_MAX_COUNT = 40;
/** Flags a stored type's phrase may carry (cypher/lexicon/README.md); the others are the built-in types'. */
export const TRIGGER_FLAGS = ["reverse"] as const;

/**
 * What is wrong with a trigger phrase in the lexicon's syntax, or null: it needs a word to match
 * (a phrase of gaps and flags alone would match anywhere), balanced parentheses, no empty
 * alternative, and only the flags a stored type may use.
 */
export function triggerPhraseProblem(phrase: string): string | null {
  const text = phrase.trim();
  if (text === "") return "a trigger phrase may not be empty";
  if (text.length > TRIGGER_MAX_LENGTH) return `a trigger phrase is at most ${TRIGGER_MAX_LENGTH} characters`;
  if (/[\n\r\t]/.test(phrase)) return "a trigger phrase is one line";
  let depth = 0;
  for (const character of text) {
    depth += character === "(" ? 1 : character === ")" ? -1 : 0;
    if (depth < 0 || depth > 1) return `"${text}": parentheses group one alternative, "(a b|c)", and do not nest`;
  }
  if (depth !== 0) return `"${text}": a parenthesis is not closed`;
  const chunks = text.match(/\([^)]*\)|\S+/g) ?? [];
  let words = 0;
  for (const chunk of chunks) {
    const flag = /^\{(\w*)\}$/.exec(chunk);
    if (flag) {
      if (!(TRIGGER_FLAGS as readonly string[]).includes(flag[1] ?? ""))
        return `"${text}": ${chunk} is not a flag a type added in the app may use (only {reverse})`;
      continue;
    }
    if (/[{}]/.test(chunk)) return `"${text}": braces only write a flag, {reverse}, on its own`;
    if (chunk === "*") continue;
    const body = chunk.startsWith("(") ? chunk.slice(1, -1) : chunk;
    const alternatives = body.split("|");
    if (alternatives.some((alternative) => alternative.trim() === "" || alternative.trim() === "*"))
      return `"${text}": "${chunk}" has an empty alternative`;
    words++;
  }
  if (words === 0) return `"${text}": a trigger phrase needs at least one word to match`;
  return null;
}

const triggerPhraseSchema = z
  .string()
  .max(TRIGGER_MAX_LENGTH * 2)
  .superRefine((phrase, context) => {
    const problem = triggerPhraseProblem(phrase);
    if (problem) context.addIssue({ code: "custom", message: problem });
  })
  .transform((phrase) => phrase.trim().replace(/\s+/g, " "));

const phraseList = z
  .array(triggerPhraseSchema)
  .max(TRIGGER_MAX_COUNT, `at most ${TRIGGER_MAX_COUNT} trigger phrases per language`)
  .refine((list) => new Set(list).size === list.length, "the same trigger phrase is listed twice");

/** Trigger phrases per language. */
export const triggersSchema = z
  .object({ fr: phraseList.default([]), en: phraseList.default([]) })
  .strict()
  .describe("Trigger phrases per language, in the lexicon's pattern syntax");
export type Triggers = z.infer<typeof triggersSchema>;

const labelList = z.array(entityLabelSchema).max(ENTITY_LABELS.length).default([]);
const description = z.string().trim().min(1, "a description is needed: what the relationship means").max(500);
const direction = z.string().trim().max(200);

/** One relationship type, as GET /api/vocabulary lists it. */
export const relationshipTypeSchema = z.object({
  name: relationshipTypeNameSchema,
  description: z.string(),
  /** What subject → object means, "buyer → seller"; empty when nobody wrote it. */
  direction: z.string(),
  /** Labels the subject and the object may take; empty: any. */
  subjectLabels: z.array(z.string()),
  objectLabels: z.array(z.string()),
  /** Trigger phrases stored in the app (the proposals engine also reads the lexicon files'). */
  triggers: z.object({ fr: z.array(z.string()), en: z.array(z.string()) }),
  /** The lexicon files' phrases for this type (built-in types), read-only here. */
  lexiconTriggers: z.object({ fr: z.array(z.string()), en: z.array(z.string()) }),
  builtIn: z.boolean(),
  createdBy: z.string(),
  /** ISO-8601; null for a built-in type the database has not stored yet. */
  createdAt: z.string().nullable(),
  /** Relationships of this type in the graph. */
  relationships: z.number().int().nonnegative(),
});
export type RelationshipType = z.infer<typeof relationshipTypeSchema>;

export const vocabularySchema = z.object({ types: z.array(relationshipTypeSchema) });
export type Vocabulary = z.infer<typeof vocabularySchema>;

/** POST /api/vocabulary: a new type. */
export const addRelationshipTypeRequestSchema = z
  .object({
    name: relationshipTypeNameSchema,
    description,
    direction: direction.default(""),
    subjectLabels: labelList,
    objectLabels: labelList,
    triggers: triggersSchema.default({ fr: [], en: [] }),
    createdBy: z.string().trim().min(1).max(120).optional().describe("Who adds it (defaults to analyst)"),
  })
  .strict();
export type AddRelationshipTypeRequest = z.input<typeof addRelationshipTypeRequestSchema>;

/** POST /api/vocabulary/:name: a type's description, direction or triggers (what is sent is replaced). */
export const editRelationshipTypeRequestSchema = z
  .object({ description: description.optional(), direction: direction.optional(), triggers: triggersSchema.optional() })
  .strict();
export type EditRelationshipTypeRequest = z.input<typeof editRelationshipTypeRequestSchema>;

export const vocabularyEndpoints = {
  list: defineEndpoint({
    method: "GET",
    path: "/api/vocabulary",
    answer: vocabularySchema,
    summary: "Relationship types (built-in and added), by name, each with its relationships' count.",
  }),
  add: defineEndpoint({
    method: "POST",
    path: "/api/vocabulary",
    body: addRelationshipTypeRequestSchema,
    answer: relationshipTypeSchema,
    summary: "Adds a relationship type (201); 409 when the name is taken, 400 when it is not UPPER_SNAKE.",
    writes: "write-token",
  }),
  edit: defineEndpoint({
    method: "POST",
    path: "/api/vocabulary/:name",
    params: { name: relationshipTypeNameSchema },
    body: editRelationshipTypeRequestSchema,
    answer: relationshipTypeSchema,
    summary: "Replaces a type's description, direction or trigger phrases.",
    writes: "write-token",
  }),
} as const;
