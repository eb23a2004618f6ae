import type { Token } from "./tokenize";

/** A sentence: its token range [first, last) and character span, and the paragraph it is in. */
export interface Sentence {
  readonly index: number;
  readonly paragraph: number;
  readonly first: number;
  readonly last: number;
  readonly start: number;
  readonly end: number;
}

const ABBREVIATIONS = new Set([
  "inc",
  "corp",
  "ltd",
  "co",
  "mr",
  "mrs",
  "ms",
  "dr",
  "st",
  "m",
  "mme",
  "jr",
  "sr",
  "vs",
  "etc",
  "no",
  "u.s",
  "n°",
]);

/** Sentences by paragraph (a line break ends one) and by final mark followed by a capital or digit. */
export function splitSentences(text: string, tokens: readonly Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  let first = 0;
  let paragraph = 0;
  const close = (last: number, nextParagraph: boolean) => {
    const head = tokens[first];
    const tail = tokens[last - 1];
    if (head && tail && last > first) {
      sentences.push({ index: sentences.length, paragraph, first, last, start: head.start, end: tail.end });
    }
    first = last;
    if (nextParagraph) paragraph++;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const next = tokens[i + 1];
    if (!token) continue;
    if (next && text.slice(token.end, next.start).includes("\n")) {
      close(i + 1, true);
      continue;
    }
    if (!/^[.!?…]$/.test(token.text) || !next) continue;
    const previous = tokens[i - 1];
    const abbreviation =
      previous && (ABBREVIATIONS.has(previous.fold) || /^\p{Lu}$/u.test(previous.text)) && token.text === ".";
    const closes = /^["»”)]$/.test(next.text);
    if (closes) continue;
    if (!abbreviation && /^[\p{Lu}\p{N}«"“]/u.test(next.text)) close(i + 1, false);
  }
  close(tokens.length, false);
  return sentences;
}
