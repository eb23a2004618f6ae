/** Reads the lexicon's data files (cypher/lexicon/*.json) once and compiles them. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  compileLexicon,
  countriesSchema,
  type Lexicon,
  languageLexiconSchema,
  nameWordsSchema,
  relationTypesSchema,
} from "./lexicon";

export const LEXICON_DIR = join(import.meta.dirname, "..", "..", "..", "cypher", "lexicon");
export const LEXICON_LANGUAGES = ["fr", "en"] as const;

const readJson = (dir: string, file: string): unknown => JSON.parse(readFileSync(join(dir, file), "utf8"));

let cached: Lexicon | undefined;

/** The lexicon in `dir` (default cypher/lexicon/); a file that does not fit its schema throws, naming it. */
export function loadLexicon(dir: string = LEXICON_DIR): Lexicon {
  if (dir === LEXICON_DIR && cached) return cached;
  const parse = <T>(file: string, schema: { parse(value: unknown): T }): T => {
    try {
      return schema.parse(readJson(dir, file));
    } catch (error) {
      throw new Error(`cypher/lexicon/${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const lexicon: Lexicon = {
    types: parse("relations.json", relationTypesSchema).types,
    names: parse("names.json", nameWordsSchema),
    countries: parse("countries.json", countriesSchema).countries,
    languages: new Map(
      LEXICON_LANGUAGES.map((language) => [language, compileLexicon(parse(`${language}.json`, languageLexiconSchema))]),
    ),
  };
  if (dir === LEXICON_DIR) cached = lexicon;
  return lexicon;
}
