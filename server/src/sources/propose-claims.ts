/**
 * The proposals engine: from an article's text, its publication date and language, and the
 * entities the graph knows, the claims it seems to state, each with the cue words and character
 * offsets that produced it. Deterministic and offline; every phrase comes from the lexicon's data.
 */
import type { Predicate } from "../../../contract/claims-file";
import type { Certainty } from "../../../contract/graph-contract";
import { detectLanguage } from "./detect-language";
import { EntityTable, findNames } from "./find-names";
import { demonymIndex, findReferences, type Memory } from "./find-references";
import type { Lexicon } from "./lexicon";
import { findPhrases } from "./match-phrase";
import type { Cue, Proposal, Proposals, ProposalsInput, ProposedEntity, ProposedSource } from "./proposal";
import { readQuantities } from "./read-quantities";
import { findNamedSources, type NamedSource, readSentence, unglueAfterCues } from "./read-sentence";
import { relateSentence } from "./relate-sentence";
import { resolveDates } from "./resolve-dates";
import { SEPARATORS } from "./sentence-context";
import { type Sentence, splitSentences } from "./split-sentences";
import { foldWord, type Token, tokenize } from "./tokenize";

const DEFAULT_OUTLET = { id: "this-article", name: "This article" };

export function proposeClaims(input: ProposalsInput, lexicon: Lexicon): Proposals {
  const { text } = input;
  const guess = detectLanguage(text);
  const language = input.language ?? guess.language;
  const outlet = input.outlet ?? DEFAULT_OUTLET;
  const notices: string[] = [];
  const table = new EntityTable();
  const known = input.known ?? [];
  const base = { languageScores: guess.scores, outlet, language };
  const lang = language === "unknown" ? undefined : lexicon.languages.get(language);
  if (!lang) {
    const any = lexicon.languages.get("en");
    if (!any) throw new Error("the lexicon has no English");
    const tokens = tokenize(text);
    findNames(text, tokens, any, lexicon, lexicon.names, known, table, new Set());
    notices.push(
      "The language is not recognised as French or English: only the graph's entities found by name are listed; no relationships, certainty or quantities are proposed.",
    );
    const entities = [...table.byKey.values()].filter((e) => e.known && e.mentions.length > 0);
    return {
      ...base,
      language: "unknown",
      notices,
      entities,
      sources: [{ ...outlet, kind: "outlet" }],
      proposals: [],
      unplacedQuantities: [],
    };
  }
  if (!input.published) notices.push('No publication date: "this year" and other relative dates are left unresolved.');
  const tokens = unglueAfterCues(tokenize(text), lang);
  const sentences = splitSentences(text, tokens);
  const headlines = findHeadlines(text, tokens, sentences, input.title);
  const named = new Map<number, NamedSource[]>();
  const reserved = new Set<number>();
  for (const sentence of sentences) {
    const found = findNamedSources(text, tokens, sentence, lang);
    named.set(sentence.index, found);
    for (const n of found) for (let k = n.first; k < n.last; k++) reserved.add(k);
  }
  /** The outlet last named ("le quotidien Le Signal", "…, The Beacon reported"): what "selon le journal" means. */
  let lastOutlet: ProposedSource | undefined;
  reserveOutletNames(tokens, named, reserved);
  const mentions = findNames(text, tokens, lang, lexicon, lexicon.names, known, table, reserved);
  const demonyms = demonymIndex(lexicon, table);
  const memory: Memory = { recent: [], makes: new Map(), basedIn: new Map(), policies: [], policyCountry: new Map() };
  const sources = new Map<string, ProposedSource>([[outlet.id, { ...outlet, kind: "outlet" }]]);
  const proposals: Proposal[] = [];
  const descriptions = new WeakSet<Proposal>();
  const fromHeadline = new WeakMap<Proposal, Sentence>();
  const unplaced: Proposals["unplacedQuantities"] = [];
  let previous: { sentence: Sentence; source?: ProposedSource; sourceCue?: Cue; proposals: Proposal[] } | undefined;
  for (const sentence of sentences) {
    const names = mentions.filter((m) => m.first >= sentence.first && m.last <= sentence.last);
    const references = findReferences(
      text,
      tokens,
      sentence.first,
      sentence.last,
      names,
      lang,
      demonyms,
      table,
      memory,
    );
    const all = [
      ...names.filter((m) => !references.some((r) => r.first <= m.first && m.last <= r.last && r.kind === "policy")),
      ...references,
    ].sort((a, b) => a.first - b.first);
    const namedHere = (named.get(sentence.index) ?? []).flatMap((n) =>
      n.refersBack ? (lastOutlet ? [{ ...n, source: lastOutlet }] : []) : [n],
    );
    const reading = readSentence(text, tokens, sentence, lang, namedHere, all, (key) => table.get(key)?.name);
    let { source, sourceCue } = reading;
    // "according to the Harbour Tech Review" … "The Harbour Tech Review reported": one outlet,
    // whether a sentence's capital made its article part of the title or not.
    if (source?.kind === "named") {
      const bare = source.id.replace(/^(le|la|les|the)-/, "");
      const same = [...sources.values()].find(
        (s) => s.kind === "named" && s.id !== source?.id && s.id.replace(/^(le|la|les|the)-/, "") === bare,
      );
      if (same) source = same;
    }
    // An outlet named with its noun or its title's article, or speaking with an outlet's verb.
    const primary = namedHere.find((n) => !n.republish);
    if (source?.kind === "named" && (primary ? primary.outlet || primary.refersBack : true)) lastOutlet = source;
    let quoteStart = sentence.start;
    const inherited =
      !source && reading.continues && previous?.source && previous.sentence.paragraph === sentence.paragraph;
    if (inherited && previous) {
      source = previous.source;
      sourceCue = previous.sourceCue;
      quoteStart = previous.sentence.start;
    }
    const quote = text.slice(quoteStart, sentence.end);
    const relations = relateSentence({ text, tokens, sentence, mentions: all, lang, lexicon, table, memory, demonyms });
    const made: Proposal[] = [];
    // Where a modal stops: a relative pronoun, or a new clause (", and …", ", mais …", "; …").
    const clauses = [
      ...tokens
        .slice(sentence.first, sentence.last)
        .filter((t, k, list) => t.text === ";" || (t.text === "," && SEPARATORS.has(list[k + 1]?.fold ?? "")))
        .map((t) => t.start),
      ...findPhrases(tokens, lang.clauseBreaks, sentence.first, sentence.last).map((f) => tokens[f.start]?.start ?? 0),
    ];
    const relatives = [
      ...tokens
        .slice(sentence.first, sentence.last)
        .filter((t) => lang.relatives.has(t.fold))
        .map((t) => t.start),
      ...clauses,
    ];
    /** "X restricts A, and analysts say it could hit B": a source named in a later clause is not A's. */
    const sourceOf = (at: number) =>
      sourceCue && !inherited && sourceCue.start > at && clauses.some((r) => r > at && r < sourceCue.start)
        ? undefined
        : source;
    let attributed = source !== undefined || reading.republishes !== undefined;
    /** A modal or conditional qualifies the clause it is in: not across "which", "qui", ", and". */
    const certaintyAt = (at: number): Certainty => {
      const applies = reading.certaintyCues.filter(
        (c) => !relatives.some((r) => r > Math.min(c.end, at) && r < Math.max(c.start, at)),
      );
      if (applies.some((c) => c.kind === "speculative")) return "speculative";
      return applies.length > 0 || attributed ? "reported" : "confirmed";
    };
    for (const relation of relations) {
      const descriptive = relation.descriptive;
      const triggerAt = relation.cues.find((c) => c.kind === "trigger")?.start ?? sentence.start;
      const ownSource = sourceOf(triggerAt);
      attributed = ownSource !== undefined || reading.republishes !== undefined;
      const proposal: Proposal = {
        subject: relation.subject,
        predicate: relation.predicate,
        object: relation.object,
        certainty: descriptive
          ? "confirmed"
          : inherited && certaintyAt(triggerAt) === "confirmed"
            ? "reported"
            : certaintyAt(triggerAt),
        stance: "asserts",
        source: descriptive || !ownSource ? outlet.id : ownSource.id,
        quote: descriptive ? text.slice(sentence.start, sentence.end) : quote,
        quoteStart: descriptive ? sentence.start : quoteStart,
        quoteEnd: sentence.end,
        additionalEvidence: [],
        quantities: {},
        properties: { ...relation.properties },
        cues: [
          ...relation.cues,
          ...(descriptive
            ? []
            : reading.certaintyCues.filter(
                (c) => !relatives.some((r) => r > Math.min(c.end, triggerAt) && r < Math.max(c.start, triggerAt)),
              )),
          ...(!descriptive && sourceCue && ownSource
            ? [{ ...sourceCue, kind: inherited ? "attribution (previous sentence)" : "attribution" }]
            : []),
        ],
      };
      if (!descriptive && reading.republishes) {
        proposal.republishes = reading.republishes.id;
        sources.set(reading.republishes.id, reading.republishes);
      }
      made.push(proposal);
      if (descriptive) descriptions.add(proposal);
    }
    if (source && !inherited) sources.set(source.id, source);
    if (source && !inherited && source.kind !== "speaker") {
      proposals.push(citation(outlet.id, source.id, text, sentence, sourceCue));
    }
    if (reading.denial) {
      const denier = reading.denial.denier ?? {
        id: "unnamed-spokesperson",
        name: "Unnamed spokesperson",
        kind: "spokesperson",
      };
      sources.set(denier.id, denier);
      const denialCue = reading.denial.cue;
      // "a démenti toute commande de Nuvéa": a trigger used as a noun names what is denied; it is
      // not a claim of its own.
      const afterCue = tokens.findIndex((t) => t.start >= denialCue.end);
      const nouns = findPhrases(
        tokens,
        lang.relations.map((r) => r.phrase),
        afterCue < 0 ? sentence.last : afterCue,
        sentence.last,
      ).filter((f) => lang.nominal.has(tokens[f.start - 1]?.fold ?? ""));
      const nounPredicates = lang.relations
        .filter((r) => nouns.some((f) => f.phrase === r.phrase))
        .map((r) => r.predicate);
      const nominal = made.filter((p) => {
        const trigger = p.cues.find((c) => c.kind === "trigger");
        return trigger !== undefined && nouns.some((f) => tokens[f.start]?.start === trigger.start);
      });
      const own = made.filter((p) => !isDescriptive(p, outlet.id) && !nominal.includes(p));
      let denied: Proposal[];
      if (own.length > 0) denied = own;
      else if (reading.denial.refersBack && nouns.length === 0)
        denied = (previous?.proposals ?? []).filter(
          (p) => p.source !== outlet.id || p.certainty !== "confirmed" || p.cues.some((c) => c.kind === "trigger"),
        );
      else if (nounPredicates.length > 0)
        denied = deniedEarlier(
          proposals,
          all.filter((m) => m.start >= denialCue.end).flatMap((m) => m.entities),
          reading.denial.denierKey,
          nounPredicates,
          table,
          sentences.find((s) => s.paragraph === sentence.paragraph - 1)?.start ?? sentence.start,
        );
      else denied = [];
      if (nominal.length > 0) made.splice(0, made.length, ...made.filter((p) => !nominal.includes(p)));
      const denials = denied.map((p) => ({
        ...p,
        stance: "denies" as const,
        source: denier.id,
        certainty: reading.certaintyCues.length > 0 ? p.certainty : ("confirmed" as const),
        quote: text.slice(sentence.start, sentence.end),
        quoteStart: sentence.start,
        quoteEnd: sentence.end,
        cues: [...p.cues.filter((c) => c.kind === "trigger"), reading.denial?.cue ?? p.cues[0]].filter(
          (c): c is Cue => c !== undefined,
        ),
      }));
      if (own.length > 0) made.splice(0, made.length, ...made.filter((p) => !own.includes(p)), ...denials);
      else made.push(...denials);
    }
    const dates = resolveDates(text.slice(sentence.start, sentence.end), sentence.start, lang, input.published);
    const stated = made.filter((p) => !descriptions.has(p) && p.cues.some((c) => c.kind === "trigger"));
    for (const date of dates.slice(0, 1)) {
      for (const p of stated) {
        p.validFrom = date.date;
        p.cues.push({ kind: "date", text: date.cue, start: date.start, end: date.end });
      }
    }
    for (const quantity of readQuantities(text, tokens, sentence.first, sentence.last, lang)) {
      // "Tarsus 5 processors", "Vega 40": a model number is part of a name, not a quantity.
      if (names.some((m) => m.start <= quantity.start && quantity.start < m.end)) continue;
      const cue: Cue = { kind: "quantity", text: quantity.cue, start: quantity.start, end: quantity.end };
      let target: Proposal | undefined;
      if (quantity.followUp) {
        target = [...proposals, ...made]
          .filter(
            (p) =>
              Object.keys(p.quantities).some((k) => k.startsWith("quantity")) &&
              p.quoteEnd >= (previous?.sentence.start ?? sentence.start) - 2000,
          )
          .at(-1);
      } else {
        target = stated
          .map((p) => ({
            p,
            distance: Math.abs((p.cues.find((c) => c.kind === "trigger")?.start ?? 0) - quantity.start),
          }))
          .sort((a, b) => a.distance - b.distance)[0]?.p;
      }
      if (target && target.quantities[quantity.key] === undefined) {
        target.quantities[quantity.key] = quantity.value;
        if (quantity.currency) target.properties.currency = quantity.currency;
        target.cues.push(cue);
        if (
          quantity.followUp &&
          !target.additionalEvidence.includes(text.slice(sentence.start, sentence.end)) &&
          target.quoteEnd < sentence.start
        ) {
          target.additionalEvidence.push(text.slice(sentence.start, sentence.end));
        }
      } else
        unplaced.push({
          key: quantity.key,
          value: quantity.value,
          text: quantity.cue,
          start: quantity.start,
          end: quantity.end,
        });
    }
    if (headlines.has(sentence.index)) for (const p of made) fromHeadline.set(p, sentence);
    proposals.push(...made);
    for (const m of all) for (const key of m.entities) memory.recent.push({ key, sentence: sentence.index });
    previous = {
      sentence,
      ...(source ? { source } : {}),
      ...(sourceCue ? { sourceCue } : {}),
      proposals: made,
    };
  }
  // A person is a speaker, never a party to a claim: "…from Orlo, said Piers Vantree" lists no third party.
  const person = (key: string) => table.asPerson.has(key) && table.get(key)?.known === false;
  const merged = mergeProposals(readHeadlines(proposals, fromHeadline, text, descriptions)).filter(
    (p) => !person(p.subject) && !person(p.object),
  );
  const used = new Set(merged.flatMap((p) => [p.subject, p.object]));
  // A place no claim uses ("signée à Lyon", a city of the list) is not an entity to propose.
  const unusedPlace = (e: ProposedEntity) =>
    !e.known && (e.label === "Place" || (table.asPlace.has(e.key) && !table.notAsPlace.has(e.key)));
  // An outlet the article cites ("…, The Beacon reported") is a source, not a new entity.
  const outletIds = new Set([...sources.values()].filter((s) => s.kind === "named").map((s) => s.id));
  const unusedOutlet = (e: ProposedEntity) =>
    !e.known &&
    (table.asOutlet.has(e.key) ||
      ["", "le-", "la-", "les-", "the-"].some((article) => outletIds.has(`${article}${e.id}`)));
  // A person ("le directeur financier X", "said Jane X") is a speaker: the claims file has no Person label.
  const unusedPerson = (e: ProposedEntity) => !e.known && table.asPerson.has(e.key);
  const entities = [...table.byKey.values()].filter(
    (e) =>
      used.has(e.key) ||
      (e.mentions.length > 0 &&
        !e.key.startsWith("country:") &&
        !unusedPlace(e) &&
        !unusedOutlet(e) &&
        !unusedPerson(e)),
  );
  return {
    ...base,
    language,
    notices,
    entities,
    sources: [...sources.values()].filter(
      (s) => s.id === outlet.id || merged.some((p) => p.source === s.id || p.object === s.id || p.republishes === s.id),
    ),
    proposals: merged,
    unplacedQuantities: unplaced,
  };
}

function isDescriptive(p: Proposal, outlet: string): boolean {
  return p.source === outlet && p.certainty === "confirmed" && !p.cues.some((c) => c.kind === "trigger");
}

function citation(outlet: string, source: string, text: string, sentence: Sentence, cue: Cue | undefined): Proposal {
  return {
    subject: outlet,
    predicate: "CITES" as Predicate,
    object: source,
    certainty: "confirmed",
    stance: "asserts",
    source: outlet,
    quote: text.slice(sentence.start, sentence.end),
    quoteStart: sentence.start,
    quoteEnd: sentence.end,
    additionalEvidence: [],
    quantities: {},
    properties: {},
    cues: cue ? [{ ...cue, kind: "citation" }] : [],
  };
}

/** One proposal per claim: the same statement by the same source with the same certainty keeps its other sentences as additional evidence. */
export function mergeProposals(proposals: readonly Proposal[]): Proposal[] {
  const byKey = new Map<string, Proposal>();
  for (const p of proposals) {
    const key = [p.subject, p.predicate, p.object, p.certainty, p.source, p.stance, p.republishes ?? ""].join("\u0000");
    const kept = byKey.get(key);
    if (!kept) {
      byKey.set(key, {
        ...p,
        additionalEvidence: [...p.additionalEvidence],
        quantities: { ...p.quantities },
        cues: [...p.cues],
      });
      continue;
    }
    if (p.quote !== kept.quote && !kept.additionalEvidence.includes(p.quote)) kept.additionalEvidence.push(p.quote);
    for (const [k, v] of Object.entries(p.quantities)) if (kept.quantities[k] === undefined) kept.quantities[k] = v;
    kept.validFrom ??= p.validFrom;
    kept.cues.push(...p.cues);
  }
  return [...byKey.values()];
}

/**
 * Headlines: the line that repeats the given title, or a paragraph of one short sentence without a
 * final stop ("ByteDance s'appuie sur Huawei pour du matériel optimisé pour l'IA"). A question is
 * not a headline that states anything, and is left to the sentence rules.
 */
export function findHeadlines(
  text: string,
  tokens: readonly Token[],
  sentences: readonly Sentence[],
  title: string | undefined,
): Set<number> {
  const fold = (s: string) => foldWord(s).replace(/\s+/g, " ").trim();
  const wanted = title ? fold(title) : undefined;
  const headlines = new Set<number>();
  for (const sentence of sentences) {
    const alone = sentences.filter((s) => s.paragraph === sentence.paragraph).length === 1;
    if (!alone) continue;
    const line = text.slice(sentence.start, sentence.end);
    if (wanted !== undefined && fold(line) === wanted) {
      headlines.add(sentence.index);
      continue;
    }
    const last = tokens[sentence.last - 1]?.text ?? "";
    const words = tokens.slice(sentence.first, sentence.last).filter((t) => t.word).length;
    if (!/^[.!?…:;»"”]$/.test(last) && words >= 3 && words <= 20) headlines.add(sentence.index);
  }
  return headlines;
}

/**
 * A headline sums up the body and drops its hedges ("ByteDance s'appuie sur Huawei" for a body that
 * says "entraînerait", "pourrait"). A headline proposal the body also states (same subject,
 * predicate, object and stance) is dropped: the body's sentence carries the claim and its certainty,
 * and gets the headline as a cue. One the body does not state is kept, at most `reported`, with a
 * cue saying so: the analyst decides. A description in passing (demonym, possessive) is kept as is.
 */
export function readHeadlines(
  proposals: readonly Proposal[],
  fromHeadline: WeakMap<Proposal, Sentence>,
  text: string,
  descriptions: WeakSet<Proposal> = new WeakSet(),
): Proposal[] {
  const body = proposals.filter((p) => !fromHeadline.has(p));
  const same = (a: Proposal, b: Proposal) =>
    a.subject === b.subject && a.predicate === b.predicate && a.object === b.object && a.stance === b.stance;
  const kept: Proposal[] = [];
  for (const p of proposals) {
    const headline = fromHeadline.get(p);
    if (!headline) {
      kept.push(p);
      continue;
    }
    const cue = (kind: string): Cue => ({
      kind,
      text: text.slice(headline.start, headline.end),
      start: headline.start,
      end: headline.end,
    });
    const stated = body.filter((b) => same(b, p));
    if (stated.length > 0) {
      for (const b of stated) b.cues.push(cue("headline (restates this claim; the body's wording sets the certainty)"));
      continue;
    }
    // A description in passing ("Le japonais Minato Denki…") has no hedge to drop: it stays as it is.
    if (descriptions.has(p)) {
      kept.push({ ...p, cues: [...p.cues, cue("headline (the outlet's description in passing)")] });
      continue;
    }
    kept.push({
      ...p,
      certainty: p.certainty === "confirmed" ? "reported" : p.certainty,
      cues: [...p.cues, cue("headline only (a title drops the body's hedges: reported until the body states it)")],
    });
  }
  return kept;
}

/**
 * What "X a démenti toute commande de Y", "X denied any order from Y" denies: the latest earlier
 * claims of the noun's type (from the previous paragraph on) about Y whose sentence names X too.
 * A denial of something the article did not claim ("a nié toute difficulté", "denied that it had
 * dropped Y") denies nothing: without a trigger, the engine cannot tell what is denied.
 */
function deniedEarlier(
  proposals: readonly Proposal[],
  named: readonly string[],
  denier: string | undefined,
  predicates: readonly Predicate[],
  table: EntityTable,
  from: number,
): Proposal[] {
  const targets = named.filter((key) => key !== denier);
  if (targets.length === 0 || !denier) return [];
  const mentionedIn = (key: string, p: Proposal) =>
    (table.get(key)?.mentions ?? []).some((m) => m.start >= p.quoteStart && m.end <= p.quoteEnd);
  const candidates = proposals.filter(
    (p) =>
      p.quoteStart >= from &&
      p.stance === "asserts" &&
      p.predicate !== "CITES" &&
      p.cues.some((c) => c.kind === "trigger") &&
      predicates.includes(p.predicate) &&
      targets.some((key) => p.subject === key || p.object === key) &&
      mentionedIn(denier, p),
  );
  const latest = candidates.at(-1)?.quoteStart;
  return candidates.filter((p) => p.quoteStart === latest);
}

/**
 * A named source's title met again without a cue ("interrogés par Le Signal", "The Beacon said")
 * is that source, not a new entity: its words are kept from the entity finder.
 */
function reserveOutletNames(
  tokens: readonly Token[],
  named: ReadonlyMap<number, readonly NamedSource[]>,
  reserved: Set<number>,
): void {
  const titles = [...named.values()]
    .flat()
    .filter((n) => n.outlet && n.last > n.first)
    .map((n) => tokens.slice(n.first, n.last).map((t) => t.fold));
  for (let i = 0; i < tokens.length; i++) {
    if (reserved.has(i)) continue;
    const title = titles.find((words) =>
      words.every(
        (w, k) => tokens[i + k]?.fold === w && /^\p{Lu}/u.test(tokens[i + k]?.text ?? "") && !reserved.has(i + k),
      ),
    );
    if (!title) continue;
    // Only the whole name: "Le Signal" is not the start of "Le Signal Group".
    if (/^\p{Lu}/u.test(tokens[i + title.length]?.text ?? "")) continue;
    for (let k = i; k < i + title.length; k++) reserved.add(k);
    i += title.length - 1;
  }
}
