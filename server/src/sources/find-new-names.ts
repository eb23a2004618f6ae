/**
 * Capitalised names the graph does not know: one entity per name and its shorter forms
 * ("Huawei Technologies", "Huawei"), a former name in parentheses as an alias, and a suggested
 * label with the reason for it (class noun, company suffix, model code, maker of a chip...).
 */
import { slugOf } from "../claims/fold-name";
import { type EntityTable, type Mention, NAME_LIKE, type NameWords, pushMention } from "./entity-table";
import type { CompiledLexicon } from "./lexicon";
import { findPhrases } from "./match-phrase";
import { foldWord, type Token } from "./tokenize";

const NOUN_PHRASE_LINKS = new Set(["de", "d'", "du", "of", "et", "and"]);

export function findCandidates(
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
  const places = new Set((names.places ?? []).map((place) => place.split(/\s+/).map(foldWord).join(" ")));
  const afterPlaceCue = new Set(findPhrases(tokens, lexicon.placeCues).map((cue) => cue.end));
  const months = new Set(lexicon.raw.dates.months.map(foldWord));
  const demonymWords = new Set(demonyms);
  // People: a role or title before the name or in an apposition after it, a common given name,
  // or two words right after a speaker's verb or "selon" / "according to".
  const outletNouns = new Set(lexicon.raw.attribution.outletNouns.map(foldWord));
  const givenNames = new Set((names.givenNames ?? []).map(foldWord));
  const roles = findPhrases(tokens, lexicon.personRoles);
  const roleEnds = new Set(roles.map((role) => role.end));
  const roleStarts = new Set(roles.map((role) => role.start));
  // "Engineers at Brisk say…": the party's people opening a sentence are not a name.
  const partyStarts = new Set(findPhrases(tokens, lexicon.party).map((cue) => cue.start));
  const speakerEnds = new Set(
    [...findPhrases(tokens, lexicon.speakerVerbs), ...findPhrases(tokens, lexicon.named)].map((cue) => cue.end),
  );
  /** A person's last name → that person's key: "Ms Thorley" after "Wenna Thorley". */
  const surnames = new Map<string, string>();
  const byName = new Map<string, string>();
  /** First word of a two-word name → that name's key. */
  const longForms = new Map<string, string>();
  const isPerson = (first: number, last: number): boolean => {
    const before = tokens[first - 1];
    // "le directeur financier X", "CEO X", "Ms X", "M. X".
    const roleBefore =
      roleEnds.has(first) ||
      (before !== undefined &&
        roleEnds.has(first - 1) &&
        (before.text === "." ||
          (/^\p{Ll}/u.test(before.text) &&
            !lexicon.stopwords.has(before.fold) &&
            !NOUN_PHRASE_LINKS.has(before.fold) &&
            !/'$/.test(before.text))));
    // "X, directrice des achats de Y", "X, the company's chief executive", "X, an Orlo spokesperson".
    let roleAfter = false;
    if (tokens[last]?.text === ",")
      for (let k = last + 1; k <= last + 5 && k < tokens.length && !roleAfter; k++) {
        if (roleStarts.has(k)) roleAfter = true;
        else if (/^[.,;:()!?«»"]$/.test(tokens[k]?.text ?? "")) break;
      }
    const count = last - first;
    const given = count >= 2 && count <= 3 && givenNames.has(tokens[first]?.fold ?? "");
    const spoken = count === 2 && speakerEnds.has(first);
    return roleBefore || roleAfter || given || spoken;
  };
  const opensLineAt = (at: number) =>
    at === 0 || text.slice(tokens[at - 1]?.end ?? 0, tokens[at]?.start ?? 0).includes("\n");
  for (let i = 0; i < tokens.length; i++) {
    if (covered.has(i) || !NAME_LIKE.test(tokens[i]?.text ?? "")) continue;
    // "Jusqu'ici", "Lorsqu'il" opening a sentence: an elided word is never a name.
    if (/'$/.test(tokens[i]?.text ?? "")) continue;
    // "le journal Le Quotidien du Nord": a capitalised article inside a sentence opens a title,
    // which may hold "du", "de", "of" between capitalised words.
    const title =
      lexicon.raw.anaphora.definite.includes(tokens[i]?.fold ?? "") &&
      /^\p{Ll}/u.test(tokens[i - 1]?.text ?? "") &&
      !text.slice(tokens[i - 1]?.end ?? 0, tokens[i]?.start ?? 0).includes("\n");
    let end = i;
    while (end < tokens.length && !covered.has(end)) {
      const t = tokens[end];
      if (!t) break;
      const titleLink =
        title &&
        end > i + 1 &&
        ["de", "du", "des", "of"].includes(t.fold) &&
        /^\p{Lu}/u.test(tokens[end + 1]?.text ?? "");
      const continues =
        titleLink || NAME_LIKE.test(t.text) || (end > i && /^\d{1,4}$/.test(t.text) && !/^(19|20)\d\d$/.test(t.text));
      // A name never runs across a line ("…from Tarn" ending a headline, "Lumora…" opening the next).
      const newLine = end > i && text.slice(tokens[end - 1]?.end ?? 0, t.start).includes("\n");
      if (!continues || newLine) break;
      end++;
    }
    let first = i;
    // "The Register", "Le Monde": a capitalised article inside a sentence is part of the title,
    // as it is wherever a title so named before is met again.
    const keepsArticle =
      lexicon.raw.anaphora.definite.includes(tokens[i]?.fold ?? "") &&
      end > i + 1 &&
      (title ||
        (/^[\p{L},]/u.test(tokens[i - 1]?.text ?? "") && !opensLineAt(i)) ||
        byName.has(
          tokens
            .slice(i, end)
            .map((t) => t.fold)
            .join(" "),
        ));
    if (!keepsArticle) while (first < end && notNames.has(tokens[first]?.fold ?? "")) first++;
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
    if (words.length === 1 && partyStarts.has(first)) continue;
    // "North American customers": a run ending in a demonym before a lower-case noun is an adjective.
    if (
      words.length > 1 &&
      demonymWords.has(words[words.length - 1]?.fold ?? "") &&
      /^\p{Ll}/u.test(tokens[last]?.text ?? "")
    )
      continue;
    if (
      words.length > 1 &&
      words.every((t) => t.text.length > 1 && t.text === t.text.toUpperCase() && !/\d/.test(t.text))
    )
      continue;
    const nextToken = tokens[last];
    const definedHere = nextToken?.text === "(" && definitions.some((d) => d.start === last + 1);
    if (head.text.length === 1 && words.length === 1 && !definedHere) continue;
    // A wire's dateline, "PARIS, 2 décembre (Agence Lumen) -": a city in capitals opening a line.
    const opensLine = first === 0 || text.slice(tokens[first - 1]?.end ?? 0, head.start).includes("\n");
    if (
      opensLine &&
      words.length === 1 &&
      head.text.length > 3 &&
      head.text === head.text.toUpperCase() &&
      nextToken?.text === ","
    )
      continue;
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
    const key =
      byName.get(base) ??
      byName.get(folded) ??
      shortFormOf(baseWords, byName, longForms) ??
      (words.length === 1 ? surnames.get(head.fold) : undefined) ??
      `new:${slugOf(name) || folded}`;
    byName.set(base, key);
    byName.set(folded, key);
    // "Corvane Cloud" … "Corvane": one company, whichever comes first (not "Halden H9", a model code).
    const head0 = baseWords[0];
    if (baseWords.length === 2 && head0 && !baseWords.some((t) => /\d/.test(t.text)) && !longForms.has(head0.fold))
      longForms.set(head0.fold, key);
    // A place: a city or region of the list, or a name after "à", "in", "près de", or opening a
    // dateline ("Lyon, 3 novembre -"). A listed place is never a company; a name only ever met
    // as a place is dropped at the end unless a claim uses it.
    const listedPlace = places.has(folded);
    const datelineAfter = tokens[last + 1];
    const placeContext =
      afterPlaceCue.has(first) ||
      (opensLine &&
        nextToken?.text === "," &&
        datelineAfter !== undefined &&
        (/^\d/.test(datelineAfter.text) || months.has(datelineAfter.fold)));
    const { label, reason } = listedPlace
      ? { label: "Place", reason: "place list" }
      : acronymOf
        ? { label: "Technology", reason: `defined as "${acronymOf}"` }
        : suggestLabel(tokens, first, last, words.length !== baseWords.length, lexicon, text, (at) => {
            const m = mentions.find((x) => x.first <= at && at < x.last);
            return m?.entities[0] ? table.get(m.entities[0])?.label : undefined;
          });
    // A name with a clue to its kind ("à Velda Systems", "au fondeur Sunlit") is not a place.
    if (listedPlace || (placeContext && reason === "default")) table.asPlace.add(key);
    else table.notAsPlace.add(key);
    // "(Agence Lumen)", "Harbour News Agency": a title opening or ending with an outlet's noun is an
    // outlet, not a company.
    const tail = words[words.length - 1];
    if (
      !listedPlace &&
      reason === "default" &&
      words.length > 1 &&
      (outletNouns.has(head.fold) || (tail !== undefined && outletNouns.has(tail.fold)))
    )
      table.asOutlet.add(key);
    if (!listedPlace && reason === "default" && isPerson(first, last)) {
      table.asPerson.add(key);
      const surname = words[words.length - 1];
      if (words.length > 1 && surname) surnames.set(surname.fold, key);
    }
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
    // A company suffix ("Halden Semiconductor") outweighs a class noun after a shorter form ("Halden accelerators").
    if (
      (listedPlace && entity.labelReason !== "place list") ||
      (entity.labelReason === "default" && reason !== "default") ||
      (reason === "company suffix" && entity.label !== "Company")
    ) {
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
  text: string,
  labelAt: (at: number) => string | undefined,
): { label: string; reason: string } {
  // A line ends a headline that has no final stop: its words do not describe the next line's names.
  const lineBreakAfter = (k: number) => text.slice(tokens[k]?.end ?? 0, tokens[k + 1]?.start ?? 0).includes("\n");
  if (corporateSuffix) return { label: "Company", reason: "company suffix" };
  const before = tokens[first - 1];
  if (before && ["de", "d'", "du", "of", "by", "from", "par", "a", "au", "aux", "chez"].includes(before.fold)) {
    const made = labelAt(first - 2);
    if (made === "Chip" || made === "Product") return { label: "Company", reason: `maker: "${made} ${before.text} …"` };
    return { label: "Company", reason: "default" };
  }
  for (let k = first - 1; k >= Math.max(0, first - 8); k--) {
    const t = tokens[k];
    if (!t || /^[.,;:()!?]$/.test(t.text) || labelAt(k) !== undefined || lineBreakAfter(k)) break;
    if (lexicon.stopwords.has(t.fold) && !NOUN_PHRASE_LINKS.has(t.fold)) break;
    const label = lexicon.classNoun.get(t.fold);
    if (label && label !== "Policy") return { label, reason: `class noun "${t.text}"` };
  }
  // "Doubao app", "the Nimbra cloud platform": a class noun right after the name, or after one modifier.
  const modifier = tokens[last];
  const afterAt =
    modifier &&
    /^\p{Ll}/u.test(modifier.text) &&
    !lexicon.stopwords.has(modifier.fold) &&
    !lexicon.classNoun.has(modifier.fold)
      ? [last, last + 1]
      : [last];
  for (const at of afterAt) {
    const after = tokens[at];
    const afterLabel = after ? lexicon.classNoun.get(after.fold) : undefined;
    if (after && (afterLabel === "Chip" || afterLabel === "Product"))
      return { label: afterLabel, reason: `class noun "${after.text}"` };
  }
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

/**
 * The key of the name a two-word name shortens or lengthens: "Corvane" after "Corvane Cloud", or
 * "Corvane Cloud" after "Corvane", when neither word is a model code and no other name starts so.
 */
function shortFormOf(
  words: readonly Token[],
  byName: ReadonlyMap<string, string>,
  longForms: ReadonlyMap<string, string>,
): string | undefined {
  const head = words[0];
  if (!head || words.some((t) => /\d/.test(t.text))) return undefined;
  if (words.length === 1) return longForms.get(head.fold);
  if (words.length === 2 && !longForms.has(head.fold)) return byName.get(head.fold);
  return undefined;
}
