import type { CompiledLexicon } from "./lexicon";
import { findPhrases, matchPhrase } from "./match-phrase";
import type { Token } from "./tokenize";
import { foldWord } from "./tokenize";

/** A number the text gives, with what it counts and the words that said so. */
export interface QuantityMention {
  key: string;
  value: number;
  currency?: string;
  /** "delivered" and other follow-ups attach to an earlier proposal with a quantity. */
  followUp: boolean;
  start: number;
  end: number;
  cue: string;
}

const NUMBER =
  /(?<![\p{L}\p{N}])(?<cur>US\$|[$€£¥])?\s?(?<num>\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+|\d+(?:[.,]\d+)?)(?![\p{L}\p{N}]|[.,]\d)/gu;

function parseNumber(raw: string): number {
  if (/^\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+$/.test(raw)) return Number(raw.replace(/[ \u00a0\u202f.,]/g, ""));
  return Number(raw.replace(",", "."));
}

const foldedList = (list: readonly string[]) => list.map((phrase) => foldWord(phrase));

/** Quantities and sums in the tokens [first, last) of `text` (one sentence). */
export function readQuantities(
  text: string,
  tokens: readonly Token[],
  first: number,
  last: number,
  lexicon: CompiledLexicon,
): QuantityMention[] {
  const start = tokens[first]?.start ?? 0;
  const end = tokens[last - 1]?.end ?? 0;
  const sentence = text.slice(start, end);
  const found: QuantityMention[] = [];
  const { multipliers, currencies, atLeast, atMost, approximately } = lexicon.raw.quantities;
  const candidates: { numText: string; value: number; numStart: number; numEnd: number; cur?: string }[] = [];
  for (const match of sentence.matchAll(NUMBER)) {
    const numStart = start + (match.index ?? 0);
    candidates.push({
      numText: match.groups?.num ?? "",
      value: parseNumber(match.groups?.num ?? ""),
      numStart,
      numEnd: numStart + match[0].length,
      cur: match.groups?.cur,
    });
  }
  candidates.push(...numbersInWords(tokens, first, last, lexicon));
  candidates.sort((a, b) => a.numStart - b.numStart);
  for (const candidate of candidates) {
    const { numText, numStart, numEnd } = candidate;
    let value = candidate.value;
    if (!Number.isFinite(value)) continue;
    let at = tokens.findIndex((token, index) => index >= first && index < last && token.start >= numEnd);
    if (at < 0) at = last;
    let cueEnd = numEnd;
    let currency = candidate.cur ? currencies[candidate.cur] : undefined;
    const next = tokens[at];
    if (next && at < last && multipliers[next.fold] !== undefined) {
      value *= multipliers[next.fold] ?? 1;
      cueEnd = next.end;
      at++;
    }
    let skip = at;
    const between = tokens[skip];
    if (between && skip < last && ["de", "d'", "of"].includes(between.fold)) skip++;
    const currencyToken = tokens[skip];
    if (!currency && currencyToken && skip < last && currencies[currencyToken.fold]) {
      currency = currencies[currencyToken.fold];
      cueEnd = currencyToken.end;
    }
    let key: string | undefined;
    if (currency) key = "amount";
    else {
      // Past a name and one lower-case modifier: "25,000 Araxa Q9 inference chips".
      let modifiers = 0;
      for (let probe = at; probe < Math.min(skip + 6, last); probe++) {
        if (probe > skip + 1 && !/^\p{Lu}|\d/u.test(tokens[probe - 1]?.text ?? "")) {
          const word = tokens[probe - 1];
          if (modifiers > 0 || !word?.word || lexicon.stopwords.has(word.fold)) break;
          modifiers++;
        }
        const unit = lexicon.units.find((entry) => matchPhrase(tokens, probe, entry.phrase, last) > probe);
        if (unit) {
          key = unit.key;
          cueEnd = tokens[matchPhrase(tokens, probe, unit.phrase, last) - 1]?.end ?? cueEnd;
          break;
        }
      }
    }
    const before = foldWord(sentence.slice(Math.max(0, numStart - start - 24), numStart - start)).trim();
    const ending = (list: readonly string[]) => foldedList(list).some((phrase) => before.endsWith(phrase));
    const numIndex = tokens.findIndex((token) => token.start >= numStart);
    const followUp = lexicon.followUps.find(
      (entry) => findPhrases(tokens, [entry.phrase], Math.max(first, numIndex - 6), numIndex).length > 0,
    );
    const isYear = /^(19|20)\d\d$/.test(numText) && !key && !currency;
    if (isYear) continue;
    if (!key && !followUp) continue;
    let finalKey = followUp ? followUp.key : (key ?? "quantity");
    if (!followUp && ending(atLeast)) finalKey += "AtLeast";
    else if (!followUp && ending(atMost)) finalKey += "AtMost";
    else if (!followUp && ending(approximately)) finalKey += "Approximately";
    found.push({
      key: finalKey,
      value,
      ...(currency ? { currency } : {}),
      followUp: followUp !== undefined,
      start: numStart,
      end: cueEnd,
      cue: text.slice(numStart, cueEnd),
    });
  }
  return found;
}

/**
 * Numbers written in words, in the tokens [first, last): "deux" (millions), "trois cent" (mille),
 * "twelve", "two hundred". The multiplier after them ("millions", "mille") is read as after digits.
 * A lone "un", "une", "one" is an article unless a multiplier follows ("un million").
 */
function numbersInWords(
  tokens: readonly Token[],
  first: number,
  last: number,
  lexicon: CompiledLexicon,
): { numText: string; value: number; numStart: number; numEnd: number }[] {
  const { numberWords, multipliers } = lexicon.raw.quantities;
  const found: { numText: string; value: number; numStart: number; numEnd: number }[] = [];
  let k = first;
  while (k < last) {
    const startAt = k;
    let value = 0;
    let current = 0;
    while (k < last && numberWords[tokens[k]?.fold ?? ""] !== undefined) {
      const n = numberWords[tokens[k]?.fold ?? ""] ?? 0;
      if (n === 100) current = Math.max(current, 1) * 100;
      else current += n;
      k++;
    }
    value += current;
    if (k === startAt) {
      k++;
      continue;
    }
    const lone = k === startAt + 1 && value === 1;
    const multiplied = multipliers[tokens[k]?.fold ?? ""] !== undefined;
    if (lone && !multiplied) continue;
    const from = tokens[startAt];
    const to = tokens[k - 1];
    if (from && to) found.push({ numText: "", value, numStart: from.start, numEnd: to.end });
  }
  return found;
}
