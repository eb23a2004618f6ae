import type { CompiledLexicon } from "./lexicon";
import { foldWord } from "./tokenize";

/** A date the sentence gives, as precise as it says it (2024, 2024-03, 2024-03-05). */
export interface DateMention {
  date: string;
  start: number;
  end: number;
  cue: string;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Dates in `sentence` (starting at `offset` of the text); relative ones ("cette année") need `published`. */
export function resolveDates(
  sentence: string,
  offset: number,
  lexicon: CompiledLexicon,
  published: string | undefined,
): DateMention[] {
  const folded = foldWord(sentence);
  const found: DateMention[] = [];
  const year = published ? Number(published.slice(0, 4)) : undefined;
  const month = published && published.length >= 7 ? published.slice(0, 7) : undefined;
  const add = (index: number, length: number, date: string) =>
    found.push({
      date,
      start: offset + index,
      end: offset + index + length,
      cue: sentence.slice(index, index + length),
    });
  const relative: [readonly string[], () => string | undefined][] = [
    [lexicon.raw.dates.thisYear, () => (year ? String(year) : undefined)],
    [lexicon.raw.dates.lastYear, () => (year ? String(year - 1) : undefined)],
    [lexicon.raw.dates.nextYear, () => (year ? String(year + 1) : undefined)],
    [lexicon.raw.dates.thisMonth, () => month],
    [lexicon.raw.dates.today, () => (published && published.length === 10 ? published : undefined)],
    [
      lexicon.raw.dates.yesterday,
      () => {
        if (published?.length !== 10) return undefined;
        const day = new Date(`${published}T00:00:00Z`);
        day.setUTCDate(day.getUTCDate() - 1);
        return day.toISOString().slice(0, 10);
      },
    ],
  ];
  for (const [phrases, resolve] of relative) {
    for (const phrase of [...phrases].sort((a, b) => b.length - a.length)) {
      const key = foldWord(phrase);
      const index = new RegExp(`(?<![\\p{L}])${key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}])`, "u").exec(
        folded,
      );
      const date = resolve();
      if (index && date && !found.some((f) => f.start <= offset + index.index && offset + index.index < f.end)) {
        add(index.index, key.length, date);
        break;
      }
    }
  }
  const months = lexicon.raw.dates.months.map((name) => foldWord(name));
  const monthAlt = months.join("|");
  const full = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:(\\d{1,2})(?:er)? (${monthAlt}) ((?:19|20)\\d\\d)|(${monthAlt}) (\\d{1,2}),? ((?:19|20)\\d\\d)|(${monthAlt}) ((?:19|20)\\d\\d)|((?:19|20)\\d\\d)-(\\d\\d)-(\\d\\d))`,
    "gu",
  );
  for (const m of folded.matchAll(full)) {
    const index = m.index ?? 0;
    if (found.some((f) => f.start <= offset + index && offset + index < f.end)) continue;
    let date: string;
    if (m[1] && m[2] && m[3]) date = `${m[3]}-${pad(months.indexOf(m[2]) + 1)}-${pad(Number(m[1]))}`;
    else if (m[4] && m[5] && m[6]) date = `${m[6]}-${pad(months.indexOf(m[4]) + 1)}-${pad(Number(m[5]))}`;
    else if (m[7] && m[8]) date = `${m[8]}-${pad(months.indexOf(m[7]) + 1)}`;
    else date = `${m[9]}-${m[10]}-${m[11]}`;
    add(index, m[0].length, date);
  }
  const prefixes = lexicon.raw.dates.yearPrefix.map((p) => foldWord(p)).join("|");
  for (const m of folded.matchAll(new RegExp(`(?<![\\p{L}])(?:${prefixes}) ((?:19|20)\\d\\d)(?![\\p{N}])`, "gu"))) {
    const index = m.index ?? 0;
    if (found.some((f) => f.start <= offset + index + m[0].length - 4 && offset + index < f.end)) continue;
    add(index, m[0].length, m[1] ?? "");
  }
  return found;
}
