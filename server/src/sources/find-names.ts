import { EntityTable, type Mention, type NameWords, pushMention } from "./entity-table";
import { findCandidates } from "./find-new-names";
import type { CompiledLexicon, Lexicon } from "./lexicon";
import type { KnownEntity } from "./proposal";
import { foldWord, type Token } from "./tokenize";

export type { Mention, NameWords };
export { EntityTable };

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

interface Entry {
  words: string[];
  caseSensitive: string[] | null;
  key: string;
}

/** Finds the graph's names, the countries and new capitalised names in `tokens`. */
export function findNames(
  text: string,
  tokens: readonly Token[],
  lexicon: CompiledLexicon,
  shared: Lexicon,
  names: NameWords,
  known: readonly KnownEntity[],
  table: EntityTable,
  reserved: ReadonlySet<number>,
): Mention[] {
  const index = new Map<string, Entry[]>();
  const cjk: { alias: string; key: string }[] = [];
  /** The entity each registered name (folded words) stands for. */
  const seen = new Map<string, string>();
  const register = (alias: string, key: string) => {
    if (CJK.test(alias)) {
      cjk.push({ alias: alias.normalize("NFKC"), key });
      return;
    }
    const aliasTokens = tokenizeName(alias);
    const words = aliasTokens.map((token) => token.fold);
    const head = words[0];
    if (head === undefined) return;
    if (!seen.has(words.join(" "))) seen.set(words.join(" "), key);
    const caseSensitive =
      alias.length <= 3 && alias === alias.toUpperCase() ? aliasTokens.map((token) => token.text) : null;
    const entries = index.get(head);
    if (entries) entries.push({ words, caseSensitive, key });
    else index.set(head, [{ words, caseSensitive, key }]);
  };
  for (const entity of known) {
    const key = `id:${entity.id}`;
    table.add({
      key,
      id: entity.id,
      name: entity.name,
      label: entity.label,
      labelReason: "graph",
      known: true,
      aliases: [...entity.aliases],
      mentions: [],
    });
    for (const alias of [entity.name, ...entity.aliases]) register(alias, key);
  }
  for (const country of shared.countries) {
    const all = [country.name, ...country.aliases];
    // A country the graph knows is the graph's entity, for its name and its demonyms ("chinois").
    const inGraph = all
      .map((alias) =>
        seen.get(
          tokenizeName(alias)
            .map((t) => t.fold)
            .join(" "),
        ),
      )
      .find((key) => key !== undefined);
    if (inGraph) {
      table.countries.set(country.id, inGraph);
      continue;
    }
    const key = `country:${country.id}`;
    table.countries.set(country.id, key);
    table.add({
      key,
      id: country.id,
      name: country.name,
      label: "Country",
      labelReason: "country list",
      known: false,
      aliases: country.aliases,
      mentions: [],
    });
    for (const alias of all) register(alias, key);
  }
  const mentions: Mention[] = [];
  const covered = new Set<number>(reserved);
  for (let i = 0; i < tokens.length; i++) {
    if (covered.has(i)) continue;
    const token = tokens[i];
    if (!token) continue;
    let best: { end: number; key: string } | undefined;
    for (const entry of index.get(token.fold) ?? []) {
      const end = i + entry.words.length;
      let ok = end <= tokens.length;
      for (let k = 0; ok && k < entry.words.length; k++) {
        const t = tokens[i + k];
        ok =
          t !== undefined &&
          t.fold === entry.words[k] &&
          (!entry.caseSensitive || t.text.normalize("NFKC") === entry.caseSensitive[k]);
      }
      if (ok && (!best || end > best.end)) best = { end, key: entry.key };
    }
    // "Tokyo Ledger", "China Mobile": a country's name or capital that goes on as a name is part of it.
    const next = tokens[best?.end ?? 0];
    const goesOn =
      best?.key.startsWith("country:") &&
      next !== undefined &&
      /^\p{Lu}/u.test(next.text) &&
      !lexicon.nonNames.has(next.fold) &&
      !lexicon.stopwords.has(next.fold) &&
      !text.slice(tokens[best.end - 1]?.end ?? 0, next.start).match(/[\n,.;:()]/);
    if (best && !goesOn) {
      pushMention(mentions, table, tokens, text, i, best.end, [best.key], "name");
      for (let k = i; k < best.end; k++) covered.add(k);
      i = best.end - 1;
    }
  }
  for (const { alias, key } of cjk) {
    for (let at = text.indexOf(alias); at >= 0; at = text.indexOf(alias, at + alias.length)) {
      const first = tokens.findIndex((t) => t.end > at);
      const last = tokens.findIndex((t) => t.start >= at + alias.length);
      const end = last < 0 ? tokens.length : last;
      if (first < 0 || covered.has(first)) continue;
      mentions.push({ entities: [key], first, last: end, start: at, end: at + alias.length, kind: "name" });
      table.get(key)?.mentions.push({ start: at, end: at + alias.length, text: alias });
      for (let k = first; k < end; k++) covered.add(k);
    }
  }
  const demonyms = shared.countries.flatMap((country) => country.demonyms.map(foldWord));
  findCandidates(text, tokens, lexicon, names, table, covered, mentions, demonyms);
  return mentions.sort((a, b) => a.first - b.first);
}

function tokenizeName(name: string): Token[] {
  const words = name.match(/[^\s]+/g) ?? [];
  let offset = 0;
  return words.flatMap((word) => {
    const parts = word.split(/(?<=['’])|(?=['’]s$)|(?=[,()])|(?<=[,()])/u).filter(Boolean);
    return parts.map((part) => {
      const token = { text: part, fold: foldWord(part), start: offset, end: offset + part.length, word: true };
      offset += part.length;
      return token;
    });
  });
}
