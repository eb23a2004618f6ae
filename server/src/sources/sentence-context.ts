/** What the readers of one sentence share: its tokens and mentions, the lexicon, the article's memory. */
import type { Predicate } from "../../../contract/claims-file";
import type { EntityTable, Mention } from "./find-names";
import type { demonymIndex, Memory } from "./find-references";
import type { CompiledLexicon, Lexicon } from "./lexicon";
import type { Cue } from "./proposal";
import type { Sentence } from "./split-sentences";
import type { Token } from "./tokenize";

export interface Relation {
  subject: string;
  predicate: Predicate;
  object: string;
  /** Said in passing by the outlet (apposition, possessive, adjective): confirmed whatever the verb's mood. */
  descriptive: boolean;
  properties: Record<string, string>;
  cues: Cue[];
}

export interface SentenceContext {
  text: string;
  tokens: readonly Token[];
  sentence: Sentence;
  mentions: readonly Mention[];
  lang: CompiledLexicon;
  lexicon: Lexicon;
  table: EntityTable;
  memory: Memory;
  demonyms: ReturnType<typeof demonymIndex>;
}

/** An apposition: ", le propriétaire de TikTok," after its head mention. */
export interface Segment {
  head: Mention;
  first: number;
  last: number;
}

export const DETERMINERS = new Set(["le", "la", "les", "l'", "un", "une", "the", "a", "an"]);
export const SEPARATORS = new Set([",", "et", "and", "&", "ou", "or"]);
export const STOPS = new Set([".", ";", ":", "!", "?"]);

/** Parentheses and appositions of the sentence: their tokens, and the appositions with their heads. */
export function findAsides(context: SentenceContext): { aside: Set<number>; segments: Segment[] } {
  const { tokens, sentence, mentions } = context;
  const aside = new Set<number>();
  const segments: Segment[] = [];
  for (let i = sentence.first; i < sentence.last; i++) {
    if (tokens[i]?.text !== "(") continue;
    let j = i;
    while (j < sentence.last && tokens[j]?.text !== ")") aside.add(j++);
    aside.add(j);
  }
  for (const head of mentions) {
    // "Halden, a Dutch company,", and a reference: "La start-up, soutenue par le fonds Altam,".
    if ((head.kind !== "name" && head.kind !== "anaphor") || tokens[head.last]?.text !== ",") continue;
    const opener = tokens[head.last + 1];
    const possessiveOpener = mentions.some((m) => m.first === head.last + 1 && tokens[m.last]?.fold === "'s");
    // ", which runs…," / ", qui exploite…,": a relative clause says something of its head in passing too.
    const relative = opener !== undefined && context.lang.relatives.has(opener.fold);
    // ", filiale du groupe Marlis,", ", unit of Marlis,": a bare noun with its complement, closed by a comma.
    const bareNoun =
      opener !== undefined &&
      /^\p{Ll}/u.test(opener.text) &&
      !context.lang.stopwords.has(opener.fold) &&
      ["de", "du", "d'", "des", "of"].includes(tokens[head.last + 2]?.fold ?? "");
    // ", contrôlée depuis 2024 par le fonds X,", ", owned since 2019 by X,": a participle with its
    // agent within a few words, before any comma.
    const agentMark = tokens
      .slice(head.last + 2, Math.min(sentence.last, head.last + 7))
      .find((t) => t.text === "," || STOPS.has(t.text) || ["par", "by"].includes(t.fold));
    const participial =
      opener !== undefined &&
      /^\p{Ll}/u.test(opener.text) &&
      !context.lang.stopwords.has(opener.fold) &&
      !relative &&
      (["par", "by"].includes(agentMark?.fold ?? "") ||
        // ", based in Singapore,", ", basée à Lyon,": a past participle and its preposition.
        (/(?:ed|é|ée|és|ées)$/u.test(opener.text) &&
          ["in", "at", "near", "by", "a", "en", "au", "aux", "dans", "pres", "par"].includes(
            tokens[head.last + 2]?.fold ?? "",
          )));
    // French "a" after a name is the verb ("X, filiale de Y, a commandé…"), not the English article.
    const determiner =
      opener !== undefined &&
      DETERMINERS.has(opener.fold) &&
      !(context.lang.language === "fr" && ["a", "an", "the"].includes(opener.fold));
    if (!opener || (!determiner && !possessiveOpener && !relative && !bareNoun && !participial)) continue;
    let close = head.last + 2;
    while (
      close < sentence.last &&
      close < head.last + 16 &&
      tokens[close]?.text !== "," &&
      !STOPS.has(tokens[close]?.text ?? "")
    )
      close++;
    // "…, made by Tessaro Foundry, a Taiwanese chipmaker." closes at the end of the sentence.
    const endsSentence = close >= sentence.last || STOPS.has(tokens[close]?.text ?? "");
    if (tokens[close]?.text !== "," && !(endsSentence && !relative && !bareNoun && !participial)) continue;
    segments.push({ head, first: head.last + 1, last: close });
    for (let k = head.last; k <= close; k++) aside.add(k);
  }
  return { aside, segments };
}
