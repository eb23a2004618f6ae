/**
 * Names in a text: the graph's entities by name or alias (case-, accent- and width-insensitive, so
 * "华为", "Huawei" and "HUAWEI" find one node), countries from the lexicon, and capitalised names
 * the graph does not know, each with a suggested label and the reason for it.
 */
import { slugOf } from "../claims/fold-name";
import type { CompiledLexicon, Lexicon } from "./lexicon";
import { findPhrases } from "./match-phrase";
import type { KnownEntity, ProposedEntity } from "./proposal";
import { foldWord, type Token } from "./tokenize";

export interface NameWords {
  corporateSuffixes: readonly string[];
  notNames: readonly string[];
}

/** A place in the text that refers to one or more entities. */
export interface Mention {
  entities: string[];
  first: number;
  last: number;
  start: number;
  end: number;
  kind: "name" | "anaphor" | "policy" | "noun-phrase";
  /** The demonym's country when the phrase carries one ("sociétés chinoises"). */
  country?: string;
}

const NOUN_PHRASE_LINKS = new Set(["de", "d'", "du", "of", "et", "and"]);
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const NAME_LIKE = /^(?:\p{Lu}|(?=[\p{L}\p{N}-]*\d)(?=[\p{L}\p{N}-]*\p{Lu})[\p{L}\p{N}])/u;

export class EntityTable {
  readonly byKey = new Map<string, ProposedEntity>();
  get(key: string): ProposedEntity | undefined {
    return this.byKey.get(key);
  }
  add(entity: ProposedEntity): ProposedEntity {
    const existing = this.byKey.get(entity.key);
    if (existing) return existing;
    this.byKey.set(entity.key, entity);
    return entity;
  }
  /** Gives a default-labelled entity the label a relationship suggests. */
  hint(key: string, label: string, why: string): void {
    const entity = this.byKey.get(key);
    if (entity && !entity.known && entity.labelReason === "default") {
      entity.label = label;
      entity.labelReason = why;
    }
  }
}

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
  const seen = new Set<string>();
  const register = (alias: string, key: string) => {
    if (CJK.test(alias)) {
      cjk.push({ alias: alias.normalize("NFKC"), key });
      return;
    }
    const aliasTokens = tokenizeName(alias);
    const words = aliasTokens.map((token) => token.fold);
    const head = words[0];
    if (head === undefined) return;
    seen.add(words.join(" "));
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
    if (
      all.some((alias) =>
        seen.has(
          tokenizeName(alias)
            .map((t) => t.fold)
            .join(" "),
        ),
      )
    )
      continue;
    const key = `country:${country.id}`;
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
    if (best) {
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

function pushMention(
  mentions: Mention[],
  table: EntityTable,
  tokens: readonly Token[],
  text: string,
  first: number,
  last: number,
  entities: string[],
  kind: Mention["kind"],
): Mention {
  const start = tokens[first]?.start ?? 0;
  const end = tokens[last - 1]?.end ?? start;
  const mention: Mention = { entities, first, last, start, end, kind };
  mentions.push(mention);
  for (const key of entities) table.get(key)?.mentions.push({ start, end, text: text.slice(start, end) });
  return mention;
}

function findCandidates(
  text: string,
  tokens: readonly Token[],
  lexicon: CompiledLexicon,
  names: NameWords,
  table: EntityTable,
  covered: Set<number>,
  mentions: Mention[],
  demonyms: readonly string[],
): void {
  const notNames = new Set([...names.notNames.map(foldWord), ...lexicon.nonNames, ...lexicon.stopwords, ...demonyms]);
  const suffixes = new Set(names.corporateSuffixes.map(foldWord));
  const lowercase = new Set(tokens.filter((t) => /^\p{Ll}/u.test(t.text)).map((t) => t.fold));
  const definitions = findPhrases(tokens, lexicon.definitions);
  const byName = new Map<string, string>();
  for (let i = 0; i < tokens.length; i++) {
    if (covered.has(i) || !NAME_LIKE.test(tokens[i]?.text ?? "")) continue;
    let end = i;
    while (end < tokens.length && !covered.has(end)) {
      const t = tokens[end];
      if (!t) break;
      const continues =
        NAME_LIKE.test(t.text) || (end > i && /^\d{1,4}$/.test(t.text) && !/^(19|20)\d\d$/.test(t.text));
      if (!continues) break;
      end++;
    }
    let first = i;
    while (first < end && notNames.has(tokens[first]?.fold ?? "")) first++;
    let last = end;
    while (
      last > first &&
      (lexicon.nonNames.has(tokens[last - 1]?.fold ?? "") || lexicon.stopwords.has(tokens[last - 1]?.fold ?? ""))
    )
      last--;
    i = end - 1;
    if (last <= first) continue;
    const words = tokens.slice(first, last);
    const head = words[0];
    if (!head) continue;
    const folded = words.map((t) => t.fold).join(" ");
    if (words.length === 1 && lowercase.has(head.fold)) continue;
    if (
      words.length > 1 &&
      words.every((t) => t.text.length > 1 && t.text === t.text.toUpperCase() && !/\d/.test(t.text))
    )
      continue;
    const nextToken = tokens[last];
    const definedHere = nextToken?.text === "(" && definitions.some((d) => d.start === last + 1);
    if (head.text.length === 1 && words.length === 1 && !definedHere) continue;
    const parenthesised = tokens[first - 1]?.text === "(" && tokens[last]?.text === ")";
    const definition = definitions.find((d) => d.end === first && tokens[d.start - 1]?.text === "(");
    if (definition) {
      const owner = mentions.find((m) => m.last === definition.start - 1);
      const ownerEntity = owner?.entities[0] ? table.get(owner.entities[0]) : undefined;
      if (ownerEntity) ownerEntity.aliases.push(words.map((t) => t.text).join(" "));
      for (let k = first; k < last; k++) covered.add(k);
      continue;
    }
    const acronymOf = parenthesised ? describedBefore(tokens, first - 1, lexicon) : undefined;
    const seenPrefix = seenPrefixLength(words, byName, suffixes);
    if (seenPrefix > 0 && seenPrefix < words.length) {
      const key = byName.get(
        words
          .slice(0, seenPrefix)
          .map((t) => t.fold)
          .join(" "),
      );
      if (key) {
        pushMention(mentions, table, tokens, text, first, first + seenPrefix, [key], "name");
        for (let k = first; k < first + seenPrefix; k++) covered.add(k);
        i = first + seenPrefix - 1;
        continue;
      }
    }
    let baseWords = words;
    while (baseWords.length > 1 && suffixes.has(baseWords[baseWords.length - 1]?.fold ?? ""))
      baseWords = baseWords.slice(0, -1);
    const base = baseWords.map((t) => t.fold).join(" ");
    const name = text.slice(head.start, words[words.length - 1]?.end ?? head.end);
    const key = byName.get(base) ?? byName.get(folded) ?? `new:${slugOf(name) || folded}`;
    byName.set(base, key);
    byName.set(folded, key);
    const { label, reason } = acronymOf
      ? { label: "Technology", reason: `defined as "${acronymOf}"` }
      : suggestLabel(tokens, first, last, words.length !== baseWords.length, lexicon, (at) => {
          const m = mentions.find((x) => x.first <= at && at < x.last);
          return m?.entities[0] ? table.get(m.entities[0])?.label : undefined;
        });
    const entity = table.add({
      key,
      id: slugOf(name),
      name,
      label,
      labelReason: reason,
      known: false,
      aliases: acronymOf ? [acronymOf] : [],
      mentions: [],
    });
    if (entity.labelReason === "default" && reason !== "default") {
      entity.label = label;
      entity.labelReason = reason;
    }
    if (name.length > entity.name.length && name.toLowerCase().startsWith(entity.name.toLowerCase())) {
      entity.aliases.push(entity.name);
      entity.name = name;
      entity.id = slugOf(name);
    } else if (name !== entity.name && !entity.aliases.includes(name)) entity.aliases.push(name);
    pushMention(mentions, table, tokens, text, first, last, [key], "name");
    for (let k = first; k < last; k++) covered.add(k);
  }
}

function suggestLabel(
  tokens: readonly Token[],
  first: number,
  last: number,
  corporateSuffix: boolean,
  lexicon: CompiledLexicon,
  labelAt: (at: number) => string | undefined,
): { label: string; reason: string } {
  if (corporateSuffix) return { label: "Company", reason: "company suffix" };
  const before = tokens[first - 1];
  if (before && ["de", "d'", "du", "of", "by", "from", "par", "a", "au", "aux", "chez"].includes(before.fold)) {
    const made = labelAt(first - 2);
    if (made === "Chip" || made === "Product") return { label: "Company", reason: `maker: "${made} ${before.text} …"` };
    return { label: "Company", reason: "default" };
  }
  for (let k = first - 1; k >= Math.max(0, first - 8); k--) {
    const t = tokens[k];
    if (!t || /^[.,;:()!?]$/.test(t.text) || labelAt(k) !== undefined) break;
    if (lexicon.stopwords.has(t.fold) && !NOUN_PHRASE_LINKS.has(t.fold)) break;
    const label = lexicon.classNoun.get(t.fold);
    if (label && label !== "Policy") return { label, reason: `class noun "${t.text}"` };
  }
  const after = tokens[last];
  const afterLabel = after ? lexicon.classNoun.get(after.fold) : undefined;
  if (after && (afterLabel === "Chip" || afterLabel === "Product"))
    return { label: afterLabel, reason: `class noun "${after.text}"` };
  const words = tokens.slice(first, last);
  if (words.some((t) => /\d/.test(t.text)) && words.some((t) => /\p{L}/u.test(t.text)))
    return { label: "Product", reason: "model code in the name" };
  return { label: "Company", reason: "default" };
}

/** The lower-case noun phrase just before "(ACRONYM)": "l'intelligence artificielle générative (Gen AI)". */
function describedBefore(tokens: readonly Token[], paren: number, lexicon: CompiledLexicon): string | undefined {
  const words: Token[] = [];
  for (let k = paren - 1; k >= Math.max(0, paren - 6); k--) {
    const t = tokens[k];
    if (!t?.word || !/^\p{Ll}/u.test(t.text) || lexicon.stopwords.has(t.fold)) break;
    words.unshift(t);
  }
  const head = words[0];
  const tail = words[words.length - 1];
  return head && tail && words.length >= 2
    ? `${head.text}${" "}${words
        .slice(1)
        .map((t) => t.text)
        .join(" ")}`
    : undefined;
}

/** How many leading words of a capitalised run are a name already met ("Huawei ByteDance" → 1). */
function seenPrefixLength(
  words: readonly Token[],
  byName: ReadonlyMap<string, string>,
  suffixes: ReadonlySet<string>,
): number {
  if (words.slice(1).every((t) => suffixes.has(t.fold))) return 0;
  for (let n = words.length - 1; n >= 1; n--) {
    const head = words
      .slice(0, n)
      .map((t) => t.fold)
      .join(" ");
    const rest = words
      .slice(n)
      .map((t) => t.fold)
      .join(" ");
    if (byName.has(head) && byName.has(rest)) return n;
  }
  return 0;
}
