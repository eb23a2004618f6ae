/**
 * The lexicon with the stored vocabulary's trigger phrases added: a type an analyst added in the
 * app (or phrases added to a built-in type) gets proposals on the next extraction, beside what the
 * lexicon files hold. Pure: the same lexicon and types give the same engine, so extraction stays
 * deterministic and offline (the types are read from the graph like its entities).
 */
import { ENTITY_LABELS } from "../../../contract/claims-file";
import type { RelationshipType } from "../../../contract/vocabulary-endpoints";
import { compilePhrase, type Lexicon, type RelationType } from "./lexicon";

type StoredType = Pick<RelationshipType, "name" | "subjectLabels" | "objectLabels" | "triggers">;

/** A type's ends: the labels it names, or any entity label when it names none. */
const ends = (labels: readonly string[]): string[] => (labels.length > 0 ? [...labels] : [...ENTITY_LABELS]);

export function withStoredTypes(lexicon: Lexicon, stored: readonly StoredType[]): Lexicon {
  const withPhrases = stored.filter((type) => type.triggers.fr.length > 0 || type.triggers.en.length > 0);
  if (withPhrases.length === 0) return lexicon;
  const types: Record<string, RelationType | undefined> = { ...lexicon.types };
  for (const type of withPhrases)
    types[type.name] ??= { subject: ends(type.subjectLabels), object: ends(type.objectLabels) };
  // Sorted by name, so the phrases' order (and so the proposals') does not depend on the query's.
  const sorted = [...withPhrases].sort((a, b) => a.name.localeCompare(b.name));
  const languages = new Map(
    [...lexicon.languages].map(([language, compiled]) => {
      const added = sorted.flatMap((type) =>
        (type.triggers[language as "fr" | "en"] ?? []).map((text) => ({
          predicate: type.name,
          phrase: compilePhrase(text),
        })),
      );
      return [language, added.length === 0 ? compiled : { ...compiled, relations: [...compiled.relations, ...added] }];
    }),
  );
  return { ...lexicon, types, languages };
}
