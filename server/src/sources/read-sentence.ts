/**
 * What a sentence's wording says about its claims: how certain (conditional, "selon", "pourrait",
 * "reportedly", "may"), who says so ("Selon Reuters", "according to people cited by Reuters"),
 * whether it relays another outlet's story, and whether it is a denial.
 */
import type { Certainty } from "../../../contract/graph-contract";
import { slugOf } from "../claims/fold-name";
import type { Mention } from "./find-names";
import type { CompiledLexicon } from "./lexicon";
import { findPhrases, matchPhrase } from "./match-phrase";
import type { Cue, ProposedSource } from "./proposal";
import type { Sentence } from "./split-sentences";
import { foldWord, type Token } from "./tokenize";

const NAME_LIKE = /^(?:\p{Lu}|\d+\p{Lu})/u;

const cueOf = (kind: string, tokens: readonly Token[], text: string, start: number, end: number): Cue => {
  const from = tokens[start]?.start ?? 0;
  const to = tokens[end - 1]?.end ?? from;
  return { kind, text: text.slice(from, to), start: from, end: to };
};

/** A named source after an attribution cue: its token span and name. */
export interface NamedSource {
  source: ProposedSource;
  first: number;
  last: number;
  cue: Cue;
  /** Named after "citing", "relayant": the story relayed, not the teller. */
  republish?: boolean;
  /** A publication ("le quotidien Le Signal"): what a later "selon le journal" refers back to. */
  outlet?: boolean;
  /** "selon le journal": the outlet last named, which the caller fills in (or drops when none). */
  refersBack?: boolean;
}

/** Capitalised words from `at`: the name a cue introduces ("Selon Reuters", "cited by Bloomberg News"). */
function nameAt(tokens: readonly Token[], at: number, limit: number): number {
  let end = at;
  // "Le Quotidien du Nord", "The Bank of Kyoto": a title opened by a capitalised article may hold a
  // "du", "de", "of" between capitalised words.
  const title = /^(Le|La|Les|The)$/.test(tokens[at]?.text ?? "");
  while (
    end < limit &&
    (NAME_LIKE.test(tokens[end]?.text ?? "") ||
      (title &&
        end > at + 1 &&
        ["de", "du", "des", "of"].includes(tokens[end]?.fold ?? "") &&
        /^\p{Lu}/u.test(tokens[end + 1]?.text ?? "")))
  )
    end++;
  return end;
}

/**
 * Named attributions of a sentence, found before entity names so that a source is not also taken
 * for an entity. "according to three people cited by Reuters" names Reuters.
 */
export function findNamedSources(
  text: string,
  tokens: readonly Token[],
  sentence: Sentence,
  lexicon: CompiledLexicon,
): NamedSource[] {
  const found: NamedSource[] = [];
  const outletNouns = new Set(lexicon.raw.attribution.outletNouns.map((noun) => foldWord(noun)));
  for (const cue of findPhrases(tokens, lexicon.republishes, sentence.first, sentence.last)) {
    const end = nameAt(tokens, cue.end, sentence.last);
    if (end === cue.end) continue;
    const name = text.slice(tokens[cue.end]?.start ?? 0, tokens[end - 1]?.end ?? 0);
    found.push({
      source: { id: slugOf(name), name, kind: "named" },
      first: cue.end,
      last: end,
      cue: cueOf("republishes", tokens, text, cue.start, end),
      republish: true,
    });
  }
  for (const cue of findPhrases(tokens, lexicon.named, sentence.first, sentence.last)) {
    if (
      found.some(
        (f) =>
          f.republish && f.cue.start <= (tokens[cue.start]?.start ?? 0) && (tokens[cue.start]?.start ?? 0) < f.cue.end,
      )
    )
      continue;
    const unnamed = lexicon.unnamed.find(
      (entry) => matchPhrase(tokens, cue.end, entry.phrase, sentence.last) > cue.end,
    );
    // "according to the Harbor Times", "d'après le quotidien Le Courrier", "cités par le site
    // Semicontexte": past the lower-case words that describe the name.
    // Past an outlet noun, an adjective too: "selon le quotidien économique Le Signal".
    const pastDescription = (from: number) => {
      let k = from;
      let outlet = false;
      while (
        k < Math.min(sentence.last, from + (outlet ? 4 : 3)) &&
        /^\p{Ll}/u.test(tokens[k]?.text ?? "") &&
        (lexicon.stopwords.has(tokens[k]?.fold ?? "") ||
          lexicon.classNoun.has(tokens[k]?.fold ?? "") ||
          outletNouns.has(tokens[k]?.fold ?? "") ||
          outlet)
      ) {
        if (outletNouns.has(tokens[k]?.fold ?? "")) outlet = true;
        k++;
      }
      return k;
    };
    const namesOutlet = (from: number, to: number) => tokens.slice(from, to).some((t) => outletNouns.has(t.fold));
    let at = pastDescription(cue.end);
    const citedBy = findPhrases(tokens, lexicon.named, at, Math.min(sentence.last, cue.end + 12)).find((later) =>
      NAME_LIKE.test(tokens[pastDescription(later.end)]?.text ?? ""),
    );
    if (citedBy) at = pastDescription(citedBy.end);
    else if (unnamed) {
      found.push({
        source: { id: unnamed.id, name: unnamedName(unnamed.id), kind: "unnamed" },
        first: cue.end,
        last: cue.end,
        cue: cueOf("attribution", tokens, text, cue.start, matchPhrase(tokens, cue.end, unnamed.phrase, sentence.last)),
      });
      continue;
    }
    const end = nameAt(tokens, at, sentence.last);
    if (end === at) {
      // "Selon le journal, …": no name after the outlet noun, so the outlet last named (which
      // the sentences' reading in order gives).
      if (at > cue.end && namesOutlet(cue.end, at))
        found.push({
          source: { id: "", name: "", kind: "named" },
          first: at,
          last: at,
          cue: cueOf("attribution", tokens, text, cue.start, at),
          refersBack: true,
        });
      continue;
    }
    const name = text.slice(tokens[at]?.start ?? 0, tokens[end - 1]?.end ?? 0);
    found.push({
      source: { id: slugOf(name), name, kind: "named" },
      first: at,
      last: end,
      cue: cueOf("attribution", tokens, text, cue.start, end),
      // An outlet: introduced by an outlet noun, or a title opened by its article ("Le Signal").
      outlet: namesOutlet(cue.end, at) || /^(Le|La|Les|The)$/.test(tokens[at]?.text ?? ""),
    });
  }
  for (const cue of findPhrases(tokens, lexicon.party, sentence.first, sentence.last)) {
    const end = nameAt(tokens, cue.end, sentence.last);
    if (end === cue.end) continue;
    const name = text.slice(tokens[cue.end]?.start ?? 0, tokens[end - 1]?.end ?? 0);
    found.push({
      source: { id: slugOf(name), name, kind: "speaker" },
      first: cue.end,
      last: end,
      cue: cueOf("attribution", tokens, text, cue.start, end),
    });
  }
  return found;
}

export const unnamedName = (id: string) => (id === "unnamed-reports" ? "Unnamed reports" : "Unnamed sources");

/** Splits "Reutersdeux" after "Selon" into "Reuters" and "deux" when the tail is a common word. */
export function unglueAfterCues(tokens: Token[], lexicon: CompiledLexicon): Token[] {
  // Only after a one-word cue ("selon", "per"): "de Xles" is too common a shape to cut.
  const lastWords = new Set(
    lexicon.named.flatMap((phrase) => {
      const step = phrase.steps[0];
      return phrase.steps.length === 1 && step?.kind === "words"
        ? step.alternatives.filter((a) => a.words.length === 1).map((a) => a.words[0] ?? "")
        : [];
    }),
  );

  const out: Token[] = [];
  const common = [...lexicon.stopwords].filter(
    (word) => (word.length >= 3 || ["le", "la", "un"].includes(word)) && /^\p{L}+$/u.test(word),
  );
  for (const token of tokens) {
    const previous = out[out.length - 1];
    if (previous && lastWords.has(previous.fold) && /^\p{Lu}/u.test(token.text) && countOf(tokens, token.fold) === 1) {
      const tail = common.find(
        (word) =>
          token.fold.endsWith(word) &&
          token.fold.length - word.length >= 3 &&
          /\p{Ll}/u.test(token.text.slice(-word.length)),
      );
      if (tail) {
        const cut = token.text.length - tail.length;
        const head = token.text.slice(0, cut);
        if (/\p{Ll}$/u.test(head) || /\p{Lu}$/u.test(head)) {
          out.push({ ...token, text: head, fold: token.fold.slice(0, cut), end: token.start + cut });
          out.push({ ...token, text: token.text.slice(cut), fold: tail, start: token.start + cut });
          continue;
        }
      }
    }
    out.push(token);
  }
  return out;
}

export interface SentenceReading {
  certainty: Certainty;
  certaintyCues: Cue[];
  /** Who says so, when the sentence names or implies someone other than the outlet. */
  source?: ProposedSource;
  sourceCue?: Cue;
  republishes?: ProposedSource;
  continues: boolean;
  /**
   * `refersBack`: the denial is of the sentence before ("denied the report", "a démenti."), not of
   * a clause of its own ("denied that…") or of something else ("a nié toute difficulté").
   */
  denial?: { cue: Cue; denier?: ProposedSource; denierKey?: string; refersBack: boolean };
}

/** Reads a sentence's certainty, attribution, relaying and denial cues. */
export function readSentence(
  text: string,
  tokens: readonly Token[],
  sentence: Sentence,
  lexicon: CompiledLexicon,
  named: readonly NamedSource[],
  mentions: readonly Mention[],
  nameOf: (key: string) => string | undefined,
): SentenceReading {
  const { first, last } = sentence;
  const cues = (kind: string, found: { start: number; end: number }[]) =>
    found.map((f) => cueOf(kind, tokens, text, f.start, f.end));
  const speculative = cues("speculative", findPhrases(tokens, lexicon.speculative, first, last));
  const reported = cues("reported", findPhrases(tokens, lexicon.reported, first, last));
  for (let i = first; i < last; i++) {
    const token = tokens[i];
    if (token && isConditional(token, lexicon) && !reported.some((c) => c.start === token.start))
      reported.push(cueOf("conditional", tokens, text, i, i + 1));
  }
  const republishes = named.find((n) => n.republish)?.source;
  let source: ProposedSource | undefined;
  let sourceCue: Cue | undefined;
  const primary = named.find((n) => !n.republish);
  if (primary) {
    source = primary.source;
    sourceCue = primary.cue;
  }
  if (!source) {
    for (const verb of findPhrases(tokens, lexicon.speakerVerbs, first, last)) {
      // A clause ending the sentence after a comma: "…, Brightway engineers said", "…, the Tokyo
      // Ledger reported on Monday", or in French with the verb first "…, a précisé Nuvéa".
      const tail = (from: number) => {
        let k = from - 1;
        while (k > first && k >= from - 3 && tokens[k]?.text !== "," && /^\p{Ll}/u.test(tokens[k]?.text ?? "")) k--;
        return tokens[k]?.text === ",";
      };
      const plainWords = (from: number, to: number) =>
        tokens.slice(from, to).every((t) => t.word && /^\p{Ll}/u.test(t.text)) && to - from <= 2;
      const speaker =
        mentions.find(
          (m) =>
            m.kind === "name" &&
            m.last <= verb.start &&
            (m.last === verb.start ||
              (tokens[m.last]?.text === "," && tokens[verb.start - 1]?.text === "," && m.last < verb.start - 1)),
        ) ??
        mentions.find(
          (m) => m.kind === "name" && m.last < verb.start && plainWords(m.last, verb.start) && tail(m.first),
        ) ??
        mentions.find((m) => m.kind === "name" && m.first >= verb.end && m.first <= verb.end + 1 && tail(verb.start));
      const key = speaker?.entities[0];
      const name = key ? nameOf(key) : undefined;
      if (speaker && name) {
        // "…, trade publication ChipWire reported", "…, the Tokyo Ledger reported": an outlet's
        // report, which the article cites; "…, Pellam said" quotes a party.
        const outletVerb = lexicon.outletVerbs.some((p) => matchPhrase(tokens, verb.start, p, last) === verb.end);
        const outletNoun = tokens
          .slice(Math.max(first, speaker.first - 2), speaker.first)
          .some((t) => lexicon.raw.attribution.outletNouns.includes(t.fold));
        // "Le Héraut a révélé…", "The Beacon reported…": an outlet's title keeps its article,
        // which the entity finder drops at the start of a sentence.
        const article = speaker.first > first ? tokens[speaker.first - 1] : undefined;
        const titled = (outletVerb || outletNoun) && article !== undefined && /^(Le|La|Les|The)$/.test(article.text);
        const title = titled ? `${article.text} ${name}` : name;
        source = { id: slugOf(title), name: title, kind: outletVerb || outletNoun ? "named" : "speaker" };
        sourceCue = cueOf(
          "attribution",
          tokens,
          text,
          Math.min(speaker.first, verb.start),
          Math.max(verb.end, speaker.last),
        );
        break;
      }
    }
  }
  if (!source) {
    const unnamed = lexicon.unnamed
      .flatMap((entry) => findPhrases(tokens, [entry.phrase], first, last).map((f) => ({ ...f, id: entry.id })))
      .sort((a, b) => b.end - b.start - (a.end - a.start))[0];
    if (unnamed) {
      source = { id: unnamed.id, name: unnamedName(unnamed.id), kind: "unnamed" };
      sourceCue = cueOf("attribution", tokens, text, unnamed.start, unnamed.end);
    }
  }
  const continuation = findPhrases(tokens, lexicon.continuation, first, Math.min(last, first + 8))[0];
  const continues = continuation !== undefined && (continuation.start <= first + 1 || source?.kind === "unnamed");
  const denialCue = findPhrases(tokens, lexicon.denial, first, last)[0];
  let denial: SentenceReading["denial"];
  if (denialCue) {
    const spokes = findPhrases(tokens, lexicon.spokesperson, first, last)[0];
    const near = spokes
      ? mentions.find((m) => m.kind === "name" && (m.first === spokes.end || m.last === spokes.start))
      : (mentions
          .filter((m) => m.kind === "name" && m.last <= denialCue.start && m.last >= denialCue.start - 3)
          .at(-1) ?? mentions.find((m) => m.kind === "name" && m.last <= denialCue.start));
    const key = near?.entities[0];
    const name = key ? nameOf(key) : undefined;
    // What is denied is the report before when the denial ends there, names it after the verb
    // ("a démenti ces informations") or within its own words ("rejected the report on Tuesday").
    const namesReport = (from: number) =>
      lexicon.deniedReports.some((phrase) => matchPhrase(tokens, from, phrase, last) > from);
    const reportInCue = Array.from(
      { length: denialCue.end - denialCue.start - 1 },
      (_, n) => denialCue.start + 1 + n,
    ).some((at) =>
      lexicon.deniedReports.some((phrase) => matchPhrase(tokens, at, phrase, denialCue.end) === denialCue.end),
    );
    denial = {
      refersBack:
        [".", ",", ";", ":", "!"].includes(tokens[denialCue.end]?.text ?? ".") ||
        namesReport(denialCue.end) ||
        reportInCue,
      cue: cueOf(
        "denial",
        tokens,
        text,
        spokes ? Math.min(spokes.start, denialCue.start) : denialCue.start,
        denialCue.end,
      ),
      ...(name && key
        ? { denier: { id: slugOf(name), name, kind: spokes ? "spokesperson" : "denier" }, denierKey: key }
        : {}),
    };
  }
  const attributed = source !== undefined || republishes !== undefined;
  const certainty: Certainty =
    speculative.length > 0 ? "speculative" : reported.length > 0 || attributed ? "reported" : "confirmed";
  return {
    certainty,
    certaintyCues: [...speculative, ...reported],
    ...(source ? { source } : {}),
    ...(sourceCue ? { sourceCue } : {}),
    ...(republishes ? { republishes } : {}),
    continues,
    ...(denial ? { denial } : {}),
  };
}

/** The French conditional by its endings ("aurait", "entraînerait"), not the imperfect ("considérait"). */
export function isConditional(token: Token, lexicon: CompiledLexicon): boolean {
  const { endings, irregular, not } = lexicon.conditional;
  if (irregular.has(token.fold)) return true;
  if (endings.length === 0 || not.has(token.fold)) return false;
  if (/ér(ait|aient)$/u.test(token.text.toLowerCase())) return false;
  return token.fold.length > 6 && endings.some((ending) => token.fold.endsWith(ending));
}

const countOf = (tokens: readonly Token[], fold: string) => tokens.filter((token) => token.fold === fold).length;
