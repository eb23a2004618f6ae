import type { Phrase, Step } from "./lexicon";
import type { Token } from "./tokenize";

const GAP = 4;
const HARD_STOP = new Set([".", ";", ":", "!", "?", ","]);

/** The end (exclusive token index) of `phrase` matched at `at`, or -1. */
export function matchPhrase(tokens: readonly Token[], at: number, phrase: Phrase, limit = tokens.length): number {
  return matchSteps(tokens, at, phrase.steps, 0, limit);
}

function matchSteps(
  tokens: readonly Token[],
  at: number,
  steps: readonly Step[],
  index: number,
  limit: number,
): number {
  const step = steps[index];
  if (step === undefined) return at;
  if (step.kind === "gap") {
    for (let skip = 0; skip <= GAP; skip++) {
      const skipped = tokens[at + skip - 1];
      // "40,000": a comma between digits is part of a number, not a break.
      const inNumber =
        skipped?.fold === "," &&
        /^\d+$/.test(tokens[at + skip - 2]?.text ?? "") &&
        /^\d+$/.test(tokens[at + skip]?.text ?? "");
      if (skip > 0 && (skipped === undefined || (HARD_STOP.has(skipped.fold) && !inNumber))) break;
      const end = matchSteps(tokens, at + skip, steps, index + 1, limit);
      if (end >= 0) return end;
    }
    return -1;
  }
  let best = -1;
  for (const alternative of step.alternatives) {
    const end = matchWords(tokens, at, alternative.words, alternative.prefix, limit);
    if (end < 0) continue;
    const rest = matchSteps(tokens, end, steps, index + 1, limit);
    if (rest > best) best = rest;
  }
  return best;
}

function matchWords(tokens: readonly Token[], at: number, words: readonly string[], prefix: boolean, limit: number) {
  if (at + words.length > limit) return -1;
  for (let i = 0; i < words.length; i++) {
    const token = tokens[at + i];
    const word = words[i] ?? "";
    if (token === undefined) return -1;
    const last = i === words.length - 1;
    if (last && prefix ? !token.fold.startsWith(word) : token.fold !== word) return -1;
  }
  return at + words.length;
}

/** Every match of any of `phrases` in tokens [from, to), longest first at each position, not overlapping. */
export function findPhrases(
  tokens: readonly Token[],
  phrases: readonly Phrase[],
  from = 0,
  to = tokens.length,
): { start: number; end: number; phrase: Phrase }[] {
  const found: { start: number; end: number; phrase: Phrase }[] = [];
  for (let at = from; at < to; at++) {
    let best: { start: number; end: number; phrase: Phrase } | undefined;
    for (const phrase of phrases) {
      const end = matchPhrase(tokens, at, phrase, to);
      if (end > at && (best === undefined || end > best.end)) best = { start: at, end, phrase };
    }
    if (best) {
      found.push(best);
      at = best.end - 1;
    }
  }
  return found;
}
