/**
 * The relationships one sentence states: trigger phrases of the lexicon between the entities
 * mentioned, plus what a description says in passing ("les puces A100 de NVIDIA" → NVIDIA makes
 * the A100; "deux sociétés chinoises" → both are based in China; "restrictions commerciales
 * américaines" → the United States imposes them). Subjects and objects are the nearest mentions
 * on either side, with the lists they head ("Google, Microsoft et Meta disposent de...").
 */
import type { Predicate } from "../../../contract/claims-file";
import { slugOf } from "../claims/fold-name";
import type { EntityTable, Mention } from "./find-names";
import { demonymAt, type demonymIndex, type Memory } from "./find-references";
import type { CompiledLexicon, Lexicon, Phrase } from "./lexicon";
import { findPhrases, matchPhrase } from "./match-phrase";
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

const DETERMINERS = new Set(["le", "la", "les", "l'", "un", "une", "the", "a", "an"]);
const SEPARATORS = new Set([",", "et", "and", "&", "ou", "or"]);
const STOPS = new Set([".", ";", ":", "!", "?"]);
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

interface Segment {
  head: Mention;
  first: number;
  last: number;
}

export function relateSentence(context: SentenceContext): Relation[] {
  const { tokens, sentence, mentions, lang, table, memory } = context;
  const relations: Relation[] = [];
  const cue = (kind: string, first: number, last: number): Cue => {
    const start = tokens[first]?.start ?? 0;
    const end = tokens[last - 1]?.end ?? start;
    return { kind, text: context.text.slice(start, end), start, end };
  };
  const add = (relation: Relation) => {
    if (relation.subject === relation.object) return;
    relations.push(relation);
    if (relation.predicate === "MAKES")
      memory.makes.set(relation.subject, [...(memory.makes.get(relation.subject) ?? []), relation.object]);
    if (relation.predicate === "BASED_IN") memory.basedIn.set(relation.subject, relation.object);
  };
  const labelOf = (key: string) => table.get(key)?.label ?? "";
  const accepts = (key: string, labels: readonly string[], hint: string | undefined, why: string) => {
    if (hint && table.get(key)?.labelReason === "default") {
      table.hint(key, hint, why);
      return true;
    }
    return labels.includes(labelOf(key));
  };

  // Asides: parentheses and appositions ("ByteDance, le propriétaire de TikTok, ...").
  const aside = new Set<number>();
  const segments: Segment[] = [];
  for (let i = sentence.first; i < sentence.last; i++) {
    if (tokens[i]?.text !== "(") continue;
    let j = i;
    while (j < sentence.last && tokens[j]?.text !== ")") aside.add(j++);
    aside.add(j);
  }
  for (const head of mentions) {
    if (head.kind !== "name" || tokens[head.last]?.text !== ",") continue;
    const opener = tokens[head.last + 1];
    const possessiveOpener = mentions.some((m) => m.first === head.last + 1 && tokens[m.last]?.fold === "'s");
    if (!opener || (!DETERMINERS.has(opener.fold) && !possessiveOpener)) continue;
    let close = head.last + 2;
    while (
      close < sentence.last &&
      close < head.last + 16 &&
      tokens[close]?.text !== "," &&
      !STOPS.has(tokens[close]?.text ?? "")
    )
      close++;
    if (tokens[close]?.text !== ",") continue;
    segments.push({ head, first: head.last + 1, last: close });
    for (let k = head.last; k <= close; k++) aside.add(k);
  }
  const modifiers = new Set<Mention>();

  // Possessives: "les puces A100 de NVIDIA", "Huawei's Ascend 910B".
  const makes = context.lexicon.types.MAKES;
  for (const { predicate, phrase } of lang.relations) {
    if (!phrase.flags.has("possessive") || !makes) continue;
    for (const found of findPhrases(tokens, [phrase], sentence.first, sentence.last)) {
      const english = found.phrase.text.includes("'s");
      const left = mentions.find((m) => m.last === found.start && m.kind === "name");
      const right = english
        ? mentions.find((m) => m.kind === "name" && m.first >= found.end && m.first <= found.end + 2)
        : mentions.find((m) => m.first === found.end && m.kind === "name");
      const [maker, made] = english ? [left, right] : [right, left];
      const makerKey = maker?.entities[0];
      const madeKey = made?.entities[0];
      if (!maker || !made || !makerKey || !madeKey) continue;
      if (!["Chip", "Product"].includes(labelOf(madeKey)) || labelOf(makerKey) !== "Company") continue;
      modifiers.add(maker);
      add({
        subject: makerKey,
        predicate,
        object: madeKey,
        descriptive: true,
        properties: {},
        cues: [cue("possessive", Math.min(maker.first, made.first), Math.max(maker.last, made.last))],
      });
    }
  }

  /** The country of "groupe chinois", "Chinese company" in tokens [from, to): a demonym beside a company noun. */
  const describedCountry = (from: number, to: number): string | undefined => {
    let country: string | undefined;
    let company = false;
    for (let k = from; k < to; k++) {
      country ??= demonymAt(tokens, k, context.demonyms);
      company ||= lang.classNoun.get(tokens[k]?.fold ?? "") === "Company";
    }
    return company ? country : undefined;
  };
  const basedIn = (subject: string, country: string, where: Cue) =>
    add({ subject, predicate: "BASED_IN", object: country, descriptive: true, properties: {}, cues: [where] });

  // Demonyms: "deux sociétés chinoises", "le groupe chinois Huawei", "the Chinese company Huawei".
  for (const m of mentions) {
    if (m.kind === "anaphor" && m.country) {
      for (const key of m.entities)
        if (labelOf(key) === "Company")
          add({
            subject: key,
            predicate: "BASED_IN",
            object: m.country,
            descriptive: true,
            properties: {},
            cues: [cue("demonym", m.first, m.last)],
          });
    }
    if (m.kind === "policy" && m.country) {
      const policy = m.entities[0];
      if (policy)
        add({
          subject: m.country,
          predicate: "IMPOSES",
          object: policy,
          descriptive: true,
          properties: {},
          cues: [cue("demonym", m.first, m.last)],
        });
    }
    const key = m.entities[0];
    if (m.kind === "name" && key && labelOf(key) === "Company") {
      let from = m.first;
      while (from > Math.max(sentence.first, m.first - 4) && tokens[from - 1]?.word) from--;
      const country = describedCountry(from, m.first);
      if (country) basedIn(key, country, cue("demonym", from, m.last));
    }
  }
  for (const segment of segments) {
    const key = segment.head.entities[0];
    const country = describedCountry(segment.first, segment.last);
    if (key && labelOf(key) === "Company" && country)
      basedIn(key, country, cue("apposition", segment.first, segment.last));
  }

  // Trigger phrases.
  const usable = (m: Mention, segment: Segment | undefined) =>
    !modifiers.has(m) && (segment ? m.first >= segment.first && m.last <= segment.last : !aside.has(m.first));
  const expand = (list: Mention[]) => [...new Set(list.flatMap((m) => m.entities))];
  const triggers = lang.relations.filter((r) => !r.phrase.flags.has("possessive"));
  const byPhrase = new Map<Phrase, Predicate>(triggers.map((r) => [r.phrase, r.predicate]));
  for (const found of findPhrases(
    tokens,
    triggers.map((r) => r.phrase),
    sentence.first,
    sentence.last,
  )) {
    const predicate = byPhrase.get(found.phrase);
    const type = predicate ? context.lexicon.types[predicate] : undefined;
    if (!predicate || !type) continue;
    const segment = segments.find((s) => found.start >= s.first && found.end <= s.last);
    if (!segment && aside.has(found.start)) continue;
    const lo = segment ? segment.first : sentence.first;
    const hi = segment ? segment.last : sentence.last;
    const left = leftList(context, found.start, lo, (m) => usable(m, segment));
    const right = rightList(context, found.end, hi, (m) => usable(m, segment), labelOf);
    const reverse = found.phrase.flags.has("reverse");
    let subjects: Mention[] = reverse ? right : left;
    let objects: Mention[] = reverse ? left : right;
    const cues: Cue[] = [cue("trigger", found.start, found.end)];
    if (found.phrase.flags.has("affected")) {
      const policy = memory.policies.at(-1);
      if (!policy) continue;
      objects = left.length > 0 ? left : segment ? [segment.head] : [];
      subjects = [{ entities: [policy], first: found.start, last: found.start, start: 0, end: 0, kind: "policy" }];
    }
    if (subjects.length === 0 && segment) subjects = [segment.head];
    if (objects.length === 0 && segment && reverse) objects = [segment.head];
    if (subjects.length === 0 && !segment) subjects = frontedSubject(context, found.start, usable);
    const why = `${predicate} (${found.phrase.text})`;
    let objectKeys = expand(objects).filter((k) => accepts(k, type.object, type.objectHint, why));
    if (objectKeys.length === 0 && type.nounPhraseObject) {
      const np = nounPhrase(context, found.end, hi, type.objectHint ?? "Product");
      if (np) {
        objectKeys = [np.key];
        cues.push(np.cue);
      }
    }
    let subjectKeys = expand(subjects);
    if (type.pairwise && subjectKeys.length === 1) {
      const partner = findPhrases(tokens, [withPhrase], found.start, hi)
        .map((w) => context.mentions.find((m) => m.first === w.end))
        .find((m) => m !== undefined);
      if (partner) subjectKeys = [...subjectKeys, ...partner.entities];
    }
    for (const m of [...subjects, ...objects]) if (m.kind === "anaphor") cues.push(cue("reference", m.first, m.last));
    const okSubjects = subjectKeys.filter((k) => accepts(k, type.subject, undefined, why));
    const okObjects = objectKeys;
    for (const subject of okSubjects)
      for (const object of okObjects) {
        const partners = type.pairwise
          ? okSubjects.filter((k) => k !== subject).map((k) => table.get(k)?.name ?? k)
          : [];
        add({
          subject,
          predicate,
          object,
          descriptive: segment !== undefined,
          properties: partners.length > 0 ? { partner: partners.join(", ") } : {},
          cues,
        });
      }
  }
  return relations;
}

const withPhrase: Phrase = {
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

function leftList(context: SentenceContext, at: number, lo: number, usable: (m: Mention) => boolean): Mention[] {
  const candidates = context.mentions.filter((m) => m.last <= at && m.first >= lo && usable(m));
  let current = candidates.at(-1);
  if (!current || breaksBetween(context, current.last, at)) return [];
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

function rightList(
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
    if (gap.length > 12 || breaksBetween(context, previous.last, next.first)) break;
    if (!gap.some((t) => SEPARATORS.has(t.fold)) || labelOf(next.entities[0] ?? "") !== label) break;
    list.push(next);
  }
  return list;
}

function frontedSubject(
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

function nounPhrase(
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
