/**
 * The proposals engine's vocabulary, as the data files in cypher/lexicon/ hold it: trigger phrases
 * per relationship type, certainty and attribution cues, quantity words, per language. Phrases are
 * compiled here once; the engine never holds a phrase in code.
 */
import { z } from "zod";
import { PREDICATES } from "../../../contract/claims-file";
import { foldWord, tokenize } from "./tokenize";

const phrases = z.array(z.string().min(1));
const labelsSchema = z.array(z.string());

export const relationTypesSchema = z.object({
  note: z.string().optional(),
  types: z.partialRecord(
    z.enum(PREDICATES),
    z.object({
      /** What the type means and what subject → object reads as: the vocabulary's seed (npm run db:seed). */
      description: z.string().optional(),
      direction: z.string().optional(),
      subject: labelsSchema,
      object: labelsSchema,
      objectHint: z.string().optional(),
      nounPhraseObject: z.boolean().optional(),
      pairwise: z.boolean().optional(),
    }),
  ),
});

export const countriesSchema = z.object({
  note: z.string().optional(),
  countries: z.array(
    z.object({ id: z.string(), name: z.string(), aliases: z.array(z.string()), demonyms: z.array(z.string()) }),
  ),
});

export const languageLexiconSchema = z.object({
  language: z.string(),
  note: z.string().optional(),
  stopwords: z.array(z.string()),
  capitalisedNonNames: z.array(z.string()),
  relations: z.partialRecord(z.enum(PREDICATES), phrases),
  certainty: z.object({
    speculative: phrases,
    reported: phrases,
    conditional: z.object({
      endings: z.array(z.string()),
      irregular: z.array(z.string()),
      notConditional: z.array(z.string()),
    }),
  }),
  attribution: z.object({
    named: phrases,
    speakerVerbs: phrases,
    /** Verbs by which an outlet speaks ("reported", "a révélé"): their speaker is cited, not quoted. */
    outletVerbs: phrases.default([]),
    /** People of a party who speak for it ("engineers at Brisk", "un ingénieur de Nerida"): the party is quoted, not cited. */
    party: phrases.default([]),
    /** Nouns that introduce an outlet ("trade publication ChipWire reported", "le site S a révélé"). */
    outletNouns: z.array(z.string()).default([]),
    unnamed: z.record(z.string(), phrases),
    continuation: phrases,
    republishes: phrases,
    denial: phrases,
    /** What a denial may name to deny the sentence before it ("denied the report", "a démenti ces informations"). */
    deniedReports: phrases,
    spokesperson: phrases,
    /**
     * Words before a trigger that make it a noun in a denial ("a démenti toute commande de Nuvéa",
     * "denied any order from Corvane"): the denial is of the earlier claim of that type.
     */
    nominal: z.array(z.string()).default([]),
  }),
  anaphora: z.object({
    numerals: z.record(z.string(), z.number()),
    numeralDeterminers: z.array(z.string()),
    demonstratives: z.array(z.string()),
    definite: z.array(z.string()),
    skipAdjectives: z.array(z.string()),
    /** Plural subject pronouns ("elles", "they") that stand for the last thing of the right kind. */
    pronouns: z.array(z.string()).default([]),
    /**
     * Nouns for a supplier ("supplier", "fournisseur"): opening a sentence with no complement ("The
     * supplier, Araxa, declined…"), the supplier of the last order or supply the article told of.
     */
    supplierNouns: z.array(z.string()).default([]),
  }),
  classNouns: z.record(z.string(), z.array(z.string())),
  policyAdjectives: z.array(z.string()),
  definitions: z.array(z.string()),
  /** Words right before a name that make it a place ("à Lyon", "in Austin", "près de Lille"). */
  placeCues: phrases.default([]),
  /** A person's roles and titles ("directeur financier X", "X, the company's chief executive", "Ms X"). */
  personRoles: phrases.default([]),
  introducers: z.array(z.string()),
  quantities: z.object({
    multipliers: z.record(z.string(), z.number()),
    /** Numbers written in words: units and tens ("deux", "twelve") and the hundred ("cent", "hundred": 100). */
    numberWords: z.record(z.string(), z.number()).default({}),
    atLeast: z.array(z.string()),
    atMost: z.array(z.string()),
    approximately: z.array(z.string()),
    currencies: z.record(z.string(), z.string()),
    units: z.array(z.object({ key: z.string(), phrases: z.array(z.string()) })),
    followUps: z.array(z.object({ key: z.string(), phrases })),
  }),
  dates: z.object({
    thisYear: z.array(z.string()),
    lastYear: z.array(z.string()),
    nextYear: z.array(z.string()),
    thisMonth: z.array(z.string()),
    today: z.array(z.string()),
    yesterday: z.array(z.string()),
    yearPrefix: z.array(z.string()),
    months: z.array(z.string()),
  }),
  clauseBreaks: z.array(z.string()),
  /** Relative pronouns: a modal verb before one does not qualify what follows it. */
  relatives: z.array(z.string()),
  fronted: phrases,
});

type FileRelationTypes = z.infer<typeof relationTypesSchema>["types"];
export type RelationType = NonNullable<FileRelationTypes[keyof FileRelationTypes]>;
/** The types the engine may propose, by name: the built-in ones of relations.json and the stored vocabulary's. */
export type RelationTypes = Readonly<Partial<Record<string, RelationType>>>;
export type Countries = z.infer<typeof countriesSchema>["countries"];
export type LanguageLexicon = z.infer<typeof languageLexiconSchema>;

/** One step of a phrase: one of several word sequences, or a gap of a few words. */
export type Step = { kind: "words"; alternatives: { words: string[]; prefix: boolean }[] } | { kind: "gap" };
export interface Phrase {
  readonly text: string;
  readonly steps: Step[];
  readonly flags: ReadonlySet<string>;
}

/**
 * Compiles "s'approvisionn* en * aupres de|chez" into steps over folded words: "a|b" is one word
 * or the other, "(a b|c)" lets an alternative have several words, "w*" is any word starting "w",
 * a lone "*" is a gap of up to four words, "{reverse}" and other braces are flags.
 */
export function compilePhrase(text: string): Phrase {
  const flags = new Set<string>();
  const steps: Step[] = [];
  for (const chunk of text.trim().match(/\([^)]*\)|\S+/g) ?? []) {
    const flag = /^\{(\w+)\}$/.exec(chunk);
    if (flag?.[1]) {
      flags.add(flag[1]);
      continue;
    }
    if (chunk === "*") {
      steps.push({ kind: "gap" });
      continue;
    }
    const group = chunk.startsWith("(") && chunk.endsWith(")");
    const alternatives = (group ? chunk.slice(1, -1) : chunk).split("|").map((raw) => {
      const alternative = raw.trim();
      const prefix = alternative.endsWith("*");
      const body = prefix ? alternative.slice(0, -1) : alternative;
      const words = /^['’]s$/.test(body) ? ["'s"] : tokenize(body).map((token) => token.fold);
      return { words, prefix };
    });
    steps.push({ kind: "words", alternatives });
  }
  return { text, steps, flags };
}

/** A language's lexicon with its phrases compiled and its word lists folded. */
export interface CompiledLexicon {
  readonly language: string;
  readonly raw: LanguageLexicon;
  readonly relations: { predicate: string; phrase: Phrase }[];
  readonly speculative: Phrase[];
  readonly reported: Phrase[];
  readonly named: Phrase[];
  readonly speakerVerbs: Phrase[];
  readonly outletVerbs: Phrase[];
  readonly party: Phrase[];
  readonly unnamed: { id: string; phrase: Phrase }[];
  readonly continuation: Phrase[];
  readonly republishes: Phrase[];
  readonly denial: Phrase[];
  readonly deniedReports: Phrase[];
  readonly spokesperson: Phrase[];
  readonly nominal: ReadonlySet<string>;
  readonly fronted: Phrase[];
  readonly followUps: { key: string; phrase: Phrase }[];
  readonly units: { key: string; phrase: Phrase }[];
  readonly stopwords: ReadonlySet<string>;
  readonly nonNames: ReadonlySet<string>;
  readonly classNoun: ReadonlyMap<string, string>;
  readonly policyAdjectives: Phrase[];
  readonly definitions: Phrase[];
  readonly placeCues: Phrase[];
  readonly personRoles: Phrase[];
  readonly introducers: ReadonlySet<string>;
  readonly relatives: ReadonlySet<string>;
  readonly pronouns: ReadonlySet<string>;
  readonly clauseBreaks: Phrase[];
  readonly conditional: { endings: string[]; irregular: ReadonlySet<string>; not: ReadonlySet<string> };
}

const all = (list: readonly string[]) => list.map(compilePhrase);
const foldAll = (list: readonly string[]) => new Set(list.map((word) => foldWord(word)));

export function compileLexicon(raw: LanguageLexicon): CompiledLexicon {
  const classNoun = new Map<string, string>();
  for (const [label, nouns] of Object.entries(raw.classNouns))
    for (const noun of nouns) classNoun.set(foldWord(noun), label);
  return {
    language: raw.language,
    raw,
    relations: Object.entries(raw.relations).flatMap(([predicate, list]) =>
      (list ?? []).map((text) => ({ predicate, phrase: compilePhrase(text) })),
    ),
    speculative: all(raw.certainty.speculative),
    reported: all(raw.certainty.reported),
    named: all(raw.attribution.named),
    speakerVerbs: all(raw.attribution.speakerVerbs),
    outletVerbs: all(raw.attribution.outletVerbs),
    party: all(raw.attribution.party),
    unnamed: Object.entries(raw.attribution.unnamed).flatMap(([id, list]) =>
      list.map((text) => ({ id, phrase: compilePhrase(text) })),
    ),
    continuation: all(raw.attribution.continuation),
    republishes: all(raw.attribution.republishes),
    denial: all(raw.attribution.denial),
    deniedReports: all(raw.attribution.deniedReports),
    spokesperson: all(raw.attribution.spokesperson),
    nominal: foldAll(raw.attribution.nominal),
    fronted: all(raw.fronted),
    followUps: raw.quantities.followUps.flatMap((entry) =>
      entry.phrases.map((text) => ({ key: entry.key, phrase: compilePhrase(text) })),
    ),
    units: raw.quantities.units
      .flatMap((entry) => entry.phrases.map((text) => ({ key: entry.key, phrase: compilePhrase(text) })))
      .sort((a, b) => b.phrase.steps.length - a.phrase.steps.length),
    stopwords: foldAll(raw.stopwords),
    nonNames: foldAll(raw.capitalisedNonNames),
    classNoun,
    policyAdjectives: all(raw.policyAdjectives),
    definitions: all(raw.definitions),
    placeCues: all(raw.placeCues),
    personRoles: all(raw.personRoles),
    introducers: foldAll(raw.introducers),
    relatives: foldAll(raw.relatives),
    pronouns: foldAll(raw.anaphora.pronouns),
    clauseBreaks: all(raw.clauseBreaks),
    conditional: {
      endings: raw.certainty.conditional.endings,
      irregular: foldAll(raw.certainty.conditional.irregular),
      not: foldAll(raw.certainty.conditional.notConditional),
    },
  };
}

/** Everything the engine reads from cypher/lexicon/: relationship types, countries, languages. */
export interface Lexicon {
  readonly types: RelationTypes;
  readonly names: {
    corporateSuffixes: readonly string[];
    notNames: readonly string[];
    places?: readonly string[];
    givenNames?: readonly string[];
  };
  readonly countries: Countries;
  readonly languages: ReadonlyMap<string, CompiledLexicon>;
}

export const nameWordsSchema = z.object({
  note: z.string().optional(),
  corporateSuffixes: z.array(z.string()),
  notNames: z.array(z.string()),
  /** Cities and regions: a new name that is one of them is a place, never a company. */
  places: z.array(z.string()).default([]),
  /** Common given names: a new name opening with one is a person, never a company. */
  givenNames: z.array(z.string()).default([]),
});
