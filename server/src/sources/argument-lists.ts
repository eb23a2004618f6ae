/**
 * Subjects and objects around a trigger phrase: the nearest mention on either side within the
 * clause, with the list it heads ("Google, Microsoft et Meta"), a fronted clause's subject ("Pour
 * éviter…, ByteDance…"), or an unnamed noun phrase ("un modèle d'IA personnalisé").
 */
import { slugOf } from "../claims/fold-name";
import type { Mention } from "./find-names";
import type { Phrase } from "./lexicon";
import { findPhrases, matchPhrase } from "./match-phrase";
import type { Cue } from "./proposal";
import { DETERMINERS, SEPARATORS, type SentenceContext, STOPS } from "./sentence-context";

const NP_STOPS = new Set([
  ",",
  ".",
  ";",
  ":",
  "et",
  "and",
  "pour",
  "afin",
  "qui",
  "que",
  "to",
  "with",
  "avec",
  "which",
  "that",
  "en",
  "in",
  "dans",
  "de",
  "of",
]);

export const withPhrase: Phrase = {
  text: "avec|with",
  steps: [
    {
      kind: "words",
      alternatives: [
        { words: ["avec"], prefix: false },
        { words: ["with"], prefix: false },
      ],
    },
  ],
  flags: new Set(),
};

function breaksBetween(context: SentenceContext, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (STOPS.has(context.tokens[k]?.text ?? "")) return true;
  return findPhrases(context.tokens, context.lang.clauseBreaks, from, to).length > 0;
}

export function leftList(context: SentenceContext, at: number, lo: number, usable: (m: Mention) => boolean): Mention[] {
  const candidates = context.mentions.filter((m) => m.last <= at && m.first >= lo && usable(m));
  let current = candidates.at(-1);
  if (!current || breaksBetween(context, current.last, at)) return [];
  // "A restricts B, and they could hit C": the pronoun is the subject, not B.
  for (let k = current.last; k < at; k++) if (context.lang.pronouns.has(context.tokens[k]?.fold ?? "")) return [];
  const list = [current];
  for (let k = candidates.length - 2; k >= 0; k--) {
    const before = candidates[k];
    if (!before || !onlySeparators(context, before.last, current.first)) break;
    list.unshift(before);
    current = before;
  }
  return list;
}

function onlySeparators(context: SentenceContext, from: number, to: number): boolean {
  let depth = 0;
  for (let k = from; k < to; k++) {
    const t = context.tokens[k]?.text ?? "";
    if (t === "(") depth++;
    else if (t === ")") depth--;
    else if (depth === 0 && !SEPARATORS.has(context.tokens[k]?.fold ?? "")) return false;
  }
  return true;
}

export function rightList(
  context: SentenceContext,
  at: number,
  hi: number,
  usable: (m: Mention) => boolean,
  labelOf: (key: string) => string,
): Mention[] {
  const candidates = context.mentions.filter((m) => m.first >= at && m.last <= hi && usable(m));
  const first = candidates[0];
  if (!first || breaksBetween(context, at, first.first)) return [];
  const list = [first];
  const label = labelOf(first.entities[0] ?? "");
  for (const next of candidates.slice(1)) {
    const previous = list[list.length - 1];
    if (!previous) break;
    const gap = context.tokens.slice(previous.last, next.first);
    // A list's items are separated by commas, "and" and a few words ("and other American
    // chipmakers"), not by a clause ("…, and analysts say they could also hit Corvane").
    const words = gap.filter((t) => !SEPARATORS.has(t.fold)).length;
    const newClause = gap.some((t, k) => t.text === "," && ["and", "et"].includes(gap[k + 1]?.fold ?? ""));
    if (gap.length > 12 || (newClause && words > 4) || breaksBetween(context, previous.last, next.first)) break;
    if (!gap.some((t) => SEPARATORS.has(t.fold)) || labelOf(next.entities[0] ?? "") !== label) break;
    list.push(next);
  }
  return list;
}

export function frontedSubject(
  context: SentenceContext,
  at: number,
  usable: (m: Mention, s: undefined) => boolean,
): Mention[] {
  const { tokens, sentence, lang } = context;
  if (!lang.fronted.some((p) => matchPhrase(tokens, sentence.first, p, sentence.last) > sentence.first)) return [];
  let comma = at;
  while (comma < sentence.last && tokens[comma]?.text !== ",") comma++;
  const subject = context.mentions.find((m) => m.first > comma && usable(m, undefined));
  return subject ? [subject] : [];
}

export function nounPhrase(
  context: SentenceContext,
  at: number,
  hi: number,
  label: string,
): { key: string; cue: Cue } | undefined {
  const { tokens, table } = context;
  let k = at;
  while (
    k < Math.min(hi, at + 5) &&
    !DETERMINERS.has(tokens[k]?.fold ?? "") &&
    !["des", "d'un", "d'une"].includes(tokens[k]?.fold ?? "")
  )
    k++;
  if (k >= hi || k >= at + 5) return undefined;
  k++;
  const first = k;
  while (k < hi && k < first + 6) {
    const t = tokens[k];
    if (!t || NP_STOPS.has(t.fold) || context.mentions.some((m) => m.first === k)) {
      if (
        t &&
        (t.fold === "d'" || t.fold === "de" || t.fold === "of") &&
        k > first &&
        k + 1 < hi &&
        tokens[k + 1]?.word
      ) {
        k++;
        continue;
      }
      break;
    }
    k++;
  }
  if (k === first) return undefined;
  const start = tokens[first]?.start ?? 0;
  const end = tokens[k - 1]?.end ?? start;
  const name = context.text.slice(start, end);
  const key = `np:${slugOf(name)}`;
  const entity = table.add({
    key,
    id: slugOf(name),
    name,
    label,
    labelReason: "noun phrase",
    known: false,
    aliases: [],
    mentions: [],
  });
  entity.mentions.push({ start, end, text: name });
  return { key, cue: { kind: "noun phrase", text: name, start, end } };
}
