/**
 * Phrases that refer to entities without naming them, and phrases that name policies:
 * "les deux entreprises chinoises", "these products", "les dernières puces de Huawei",
 * "restrictions commerciales américaines", "US export controls".
 */

import { slugOf } from "../claims/fold-name";
import type { EntityTable, Mention } from "./find-names";
import type { CompiledLexicon, Lexicon } from "./lexicon";
import { matchPhrase } from "./match-phrase";
import { foldWord, type Token } from "./tokenize";

/** What the engine remembers of the article read so far. */
export interface Memory {
  /** Entity keys in the order they were last mentioned, with the sentence. */
  recent: { key: string; sentence: number }[];
  makes: Map<string, string[]>;
  basedIn: Map<string, string>;
  policies: string[];
  /** The country that imposes a policy, when the article says so ("imposées par les États-Unis"). */
  policyCountry: Map<string, string>;
  /** Entity keys by the folded first word of their name, built once when first needed. */
  firstWords?: Map<string, string[]>;
  /** The subject of the last order or supply read ("The supplier, X, …" is its supplier). */
  lastBuyer?: string;
}

/** Demonyms ("chinois", "Chinese") to the key of their country's entity in `table`, once names are found. */
export function demonymIndex(
  shared: Lexicon,
  table: EntityTable,
): Map<string, { country: string; caseSensitive: string | null }> {
  const map = new Map<string, { country: string; caseSensitive: string | null }>();
  for (const country of shared.countries)
    for (const demonym of country.demonyms)
      map.set(foldWord(demonym), {
        country: table.countries.get(country.id) ?? `country:${country.id}`,
        caseSensitive: demonym.length <= 4 && demonym === demonym.toUpperCase() ? demonym : null,
      });
  return map;
}

export function demonymAt(
  tokens: readonly Token[],
  at: number,
  demonyms: ReturnType<typeof demonymIndex>,
): string | undefined {
  const token = tokens[at];
  const entry = token ? demonyms.get(token.fold) : undefined;
  if (!token || !entry) return undefined;
  if (entry.caseSensitive && token.text !== entry.caseSensitive) return undefined;
  return entry.country;
}

const labelOf = (table: EntityTable, key: string) => table.get(key)?.label;

/** Anaphors and policy phrases in tokens [first, last); they never overlap a name. */
export function findReferences(
  text: string,
  tokens: readonly Token[],
  first: number,
  last: number,
  names: readonly Mention[],
  lexicon: CompiledLexicon,
  demonyms: ReturnType<typeof demonymIndex>,
  table: EntityTable,
  memory: Memory,
): Mention[] {
  const found: Mention[] = [];
  const { numerals, numeralDeterminers, demonstratives, definite, skipAdjectives } = lexicon.raw.anaphora;
  const named = (at: number) => names.find((m) => m.first === at);
  const inName = (at: number) => names.some((m) => m.first <= at && at < m.last);
  const skip = new Set(skipAdjectives.map(foldWord));
  const english = lexicon.language === "en";
  for (let i = first; i < last; i++) {
    const token = tokens[i];
    if (!token) continue;
    if (inName(i)) {
      const country = names.find((m) => m.first === i && labelOf(table, m.entities[0] ?? "") === "Country");
      const policy =
        english && country ? policyAt(text, tokens, i, last, lexicon, demonyms, names, table, memory) : undefined;
      if (policy) {
        found.push(policy);
        i = policy.last - 1;
      }
      continue;
    }
    const label = lexicon.classNoun.get(token.fold);
    if (label === "Policy") {
      const policy = policyAt(text, tokens, i, last, lexicon, demonyms, names, table, memory);
      if (policy) {
        found.push(policy);
        i = policy.last - 1;
      }
      continue;
    }
    const policyAdjective = lexicon.policyAdjectives.some((p) => matchPhrase(tokens, i, p, last) > i);
    if (
      english &&
      (demonymAt(tokens, i, demonyms) ||
        policyAdjective ||
        names.some((m) => m.first === i && labelOf(table, m.entities[0] ?? "") === "Country"))
    ) {
      const policy = policyAt(text, tokens, i, last, lexicon, demonyms, names, table, memory);
      if (policy) {
        found.push(policy);
        i = policy.last - 1;
        continue;
      }
    }
    if (!label) continue;
    // The class noun followed by a name is that name's noun ("les puces Ascend 910B"), not a reference.
    let after = i + 1;
    while (after < last && (tokens[after]?.fold === "ia" || tokens[after]?.fold === "ai")) after++;
    if (named(after)) continue;
    let back = i - 1;
    let country: string | undefined = demonymAt(tokens, i + 1, demonyms);
    let end = country ? i + 2 : i + 1;
    // "Le fondeur taïwanais Lianhe": the noun and its demonym introduce the name after them.
    if (country && named(end)) continue;
    while (back >= first && (skip.has(tokens[back]?.fold ?? "") || demonymAt(tokens, back, demonyms))) {
      country ??= demonymAt(tokens, back, demonyms);
      back--;
    }
    const det = tokens[back]?.fold ?? "";
    const numeral = numerals[det];
    let entities: string[] = [];
    let start = back;
    if (numeral !== undefined) {
      if (numeralDeterminers.includes(tokens[back - 1]?.fold ?? "")) start = back - 1;
      entities = lastOf(memory, table, label, numeral, country);
    } else if (demonstratives.includes(det) && /[sx]$/.test(token.fold)) {
      entities = lastSentenceOf(memory, table, label);
    } else if (
      definite.includes(det) &&
      back === first &&
      !/[sx]$/.test(token.fold) &&
      !["de", "d'", "du", "of"].includes(tokens[end]?.fold ?? "")
    ) {
      // "The platform was launched…", "Le groupe, basé en Belgique…": a sentence opening on a
      // singular class noun speaks of the last entity of that label.
      // The entity introduced with the same noun ("le groupe industriel Marlis" … "Le groupe"), else
      // the first of that label in the last sentence that named one (its subject, most often).
      const latest = [...memory.recent].reverse().find((r) => labelOf(table, r.key) === label);
      if (!latest) continue;
      const sameNoun = [...memory.recent]
        .reverse()
        .find(
          (r) =>
            r.sentence >= latest.sentence - 1 &&
            labelOf(table, r.key) === label &&
            foldWord(table.get(r.key)?.labelReason ?? "").includes(`"${token.fold}"`),
        );
      const topic = memory.recent.find((r) => r.sentence === latest.sentence && labelOf(table, r.key) === label);
      entities = [(sameNoun ?? topic ?? latest).key];
    } else if (
      definite.includes(det) &&
      ["par", "by"].includes(tokens[back - 1]?.fold ?? "") &&
      !named(end) &&
      !/[sx]$/.test(token.fold) &&
      !["de", "d'", "du", "of"].includes(tokens[end]?.fold ?? "")
    ) {
      // The agent of a passive: "ont été commandés par le groupe", "were bought by the company":
      // the sentence's own entity of that label named before it, else the last one named.
      const inSentence = names.find((m) => m.last <= back && labelOf(table, m.entities[0] ?? "") === label);
      const latest = [...memory.recent].reverse().find((r) => labelOf(table, r.key) === label);
      const key = inSentence?.entities[0] ?? latest?.key;
      if (!key) continue;
      entities = [key];
      start = back;
    } else if (definite.includes(det) || (english && det === "'s")) {
      const ofAt = english && det === "'s" ? back - 1 : end;
      const maker =
        english && det === "'s"
          ? names.find((m) => m.last === back)
          : ["de", "d'", "du", "of"].includes(tokens[ofAt]?.fold ?? "")
            ? named(ofAt + 1)
            : undefined;
      const makerKey = maker?.entities[0];
      if (!maker || !makerKey) continue;
      const made = (memory.makes.get(makerKey) ?? []).filter((key) => labelOf(table, key) === label);
      const latest = memory.recent.filter((r) => made.includes(r.key)).at(-1);
      if (!latest) continue;
      entities = [latest.key];
      if (english && det === "'s") start = maker.first;
      else end = maker.last;
    } else continue;
    if (entities.length === 0) continue;
    found.push({
      entities,
      first: start,
      last: end,
      start: tokens[start]?.start ?? 0,
      end: tokens[end - 1]?.end ?? 0,
      kind: "anaphor",
      ...(country ? { country } : {}),
    });
    i = end - 1;
  }
  return found;
}

function lastOf(memory: Memory, table: EntityTable, label: string, count: number, country?: string): string[] {
  const distinct: string[] = [];
  for (const { key } of [...memory.recent].reverse()) {
    if (labelOf(table, key) === label && !distinct.includes(key)) distinct.push(key);
  }
  const inCountry = country ? distinct.filter((key) => memory.basedIn.get(key) === country) : [];
  const pool = inCountry.length >= count ? inCountry : distinct;
  return pool.length >= count ? pool.slice(0, count).reverse() : [];
}

function lastSentenceOf(memory: Memory, table: EntityTable, label: string): string[] {
  const latest = [...memory.recent].reverse().find((r) => labelOf(table, r.key) === label);
  if (!latest) return [];
  return [
    ...new Set(
      memory.recent.filter((r) => r.sentence === latest.sentence && labelOf(table, r.key) === label).map((r) => r.key),
    ),
  ];
}

function policyAt(
  text: string,
  tokens: readonly Token[],
  i: number,
  last: number,
  lexicon: CompiledLexicon,
  demonyms: ReturnType<typeof demonymIndex>,
  names: readonly Mention[],
  table: EntityTable,
  memory: Memory,
): Mention | undefined {
  const english = lexicon.language === "en";
  let at = i;
  let country: string | undefined;
  let head: string | undefined;
  let adjectives = 0;
  if (english) {
    country = demonymAt(tokens, at, demonyms);
    const countryName = names.find((m) => m.first === at);
    if (!country && countryName) country = countryName.entities[0];
    at = countryName ? countryName.last : country ? at + 1 : at;
    while (at < last) {
      const adjective = lexicon.policyAdjectives.map((p) => matchPhrase(tokens, at, p, last)).find((end) => end > at);
      if (adjective === undefined) break;
      adjectives++;
      at = adjective;
    }
    if (lexicon.classNoun.get(tokens[at]?.fold ?? "") !== "Policy") return undefined;
    head = tokens[at]?.fold;
    at++;
  } else {
    head = tokens[at]?.fold;
    at++;
    while (at < last) {
      const adjective = lexicon.policyAdjectives.map((p) => matchPhrase(tokens, at, p, last)).find((end) => end > at);
      if (adjective === undefined) break;
      adjectives++;
      at = adjective;
    }
    country = demonymAt(tokens, at, demonyms);
    if (country) at++;
  }
  if (!head) return undefined;
  if (!country && adjectives === 0) {
    // "the rules", "ces règles", "these controls": the policy last named.
    const det = tokens[i - 1]?.fold ?? "";
    const { definite, demonstratives } = lexicon.raw.anaphora;
    const latest = memory.policies.at(-1);
    if (!latest || (!definite.includes(det) && !demonstratives.includes(det))) return undefined;
    const start = tokens[i - 1]?.start ?? 0;
    const end = tokens[at - 1]?.end ?? start;
    return { entities: [latest], first: i - 1, last: at, start, end, kind: "anaphor" };
  }
  const start = tokens[i]?.start ?? 0;
  const end = tokens[at - 1]?.end ?? start;
  const name = text.slice(start, end);
  // "les règles d'exportation imposées par les États-Unis" … "les règles américaines": one policy
  // when the head noun is the same and the countries do not differ.
  const sameHead = memory.policies.find(
    (key) =>
      table.get(key)?.labelReason === `policy noun "${head}"` &&
      (!country || (memory.policyCountry.get(key) ?? country) === country),
  );
  const key = sameHead ?? `policy:${slugOf(name)}`;
  if (country && !memory.policyCountry.has(key)) memory.policyCountry.set(key, country);
  const entity = table.add({
    key,
    id: slugOf(name),
    name,
    label: "Policy",
    labelReason: `policy noun "${head}"`,
    known: false,
    aliases: [],
    mentions: [],
  });
  if (entity.name !== name && !entity.aliases.includes(name)) entity.aliases.push(name);
  entity.mentions.push({ start, end, text: name });
  if (!memory.policies.includes(key)) memory.policies.push(key);
  return { entities: [key], first: i, last: at, start, end, kind: "policy", ...(country ? { country } : {}) };
}
