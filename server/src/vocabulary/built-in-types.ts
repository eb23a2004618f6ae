/**
 * The built-in relationship types as the lexicon files describe them (cypher/lexicon/relations.json
 * for meaning and ends, fr.json and en.json for trigger phrases): the seed of the vocabulary, and
 * what GET /api/vocabulary shows for a built-in type the database has not stored yet.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PREDICATES } from "../../../contract/claims-file";
import type { Triggers } from "../../../contract/vocabulary-endpoints";

export interface BuiltInType {
  name: string;
  description: string;
  direction: string;
  subjectLabels: string[];
  objectLabels: string[];
  lexiconTriggers: Triggers;
}

export const LEXICON_DIR = join(import.meta.dirname, "..", "..", "..", "cypher", "lexicon");

interface FileType {
  description?: string;
  direction?: string;
  subject?: string[];
  object?: string[];
}

const readJson = (dir: string, file: string): unknown => JSON.parse(readFileSync(join(dir, file), "utf8"));
const relationsOf = (value: unknown): Record<string, string[] | undefined> =>
  ((value as { relations?: Record<string, string[]> }).relations ?? {}) as Record<string, string[] | undefined>;

let cached: BuiltInType[] | undefined;

/** The built-in types, in PREDICATES' order; a type relations.json does not describe gets its name only. */
export function builtInTypes(dir: string = LEXICON_DIR): BuiltInType[] {
  if (dir === LEXICON_DIR && cached) return cached;
  const types = (readJson(dir, "relations.json") as { types: Record<string, FileType | undefined> }).types;
  const fr = relationsOf(readJson(dir, "fr.json"));
  const en = relationsOf(readJson(dir, "en.json"));
  const list = PREDICATES.map((name): BuiltInType => {
    const type = types[name];
    return {
      name,
      description: type?.description ?? name,
      direction: type?.direction ?? "",
      subjectLabels: type?.subject ?? [],
      objectLabels: type?.object ?? [],
      lexiconTriggers: { fr: fr[name] ?? [], en: en[name] ?? [] },
    };
  });
  if (dir === LEXICON_DIR) cached = list;
  return list;
}
