/**
 * Attribution phrases (issue #20): an article that credits another outlet for what it reports
 * ("selon Reuters", "d'après l'AFP", "according to Reuters", "as first reported by Reuters",
 * "Reuters reported") is that outlet's story, not a new origin. Matched on accent- and case-folded
 * text against the names and aliases of the known sources, as whole words.
 */
import { normaliseQuote } from "./near-copies";

/** Every Source's names, for attributions: a claim may credit an outlet that no other claim cites. */
export const SOURCE_NAMES_QUERY = `
MATCH (s:Source)
RETURN s.id AS id, coalesce(s.name, s.id) AS name, coalesce(s.aliases, []) AS aliases`;

/** A Source as attributions name it. */
export interface NamedSource {
  id: string;
  name: string;
  aliases: readonly string[];
}

/** Words that may stand between a French attribution and the outlet's name: "selon l'agence Reuters". */
const FR_FILLER = "(?:(?:l |la |le |les |l agence |agence |le journal |le quotidien |le site )?)";
const EN_FILLER = "(?:(?:the |news agency |the news agency )?)";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The patterns for one folded name `name` (already normalised): before it, or after it. */
function patternsFor(name: string): RegExp[] {
  const n = escapeRegExp(name);
  return [
    new RegExp(`(?:^| )(?:selon|d apres|citant|cite par|rapporte|rapportee par|revele) ${FR_FILLER}${n}(?: |$)`),
    new RegExp(
      `(?:^| )(?:according to|as first reported by|first reported by|reported by|citing) ${EN_FILLER}${n}(?: |$)`,
    ),
    new RegExp(`(?:^| )${n} (?:reported|reports|has reported|first reported|a rapporte|a revele|rapporte)(?: |$)`),
  ];
}

interface CompiledSource {
  id: string;
  names: { name: string; patterns: RegExp[] }[];
}

/** Each source's folded names and their patterns, made once per list of sources. */
const compiledLists = new WeakMap<readonly NamedSource[], CompiledSource[]>();
function compiled(sources: readonly NamedSource[]): CompiledSource[] {
  const known = compiledLists.get(sources);
  if (known) return known;
  const list = sources.map((source) => ({
    id: source.id,
    names: [...new Set([source.name, ...source.aliases].map(normaliseQuote).filter((name) => name.length >= 2))].map(
      (name) => ({ name, patterns: patternsFor(name) }),
    ),
  }));
  compiledLists.set(sources, list);
  return list;
}

/**
 * The source a text attributes its story to, or null: the first by position in the text when it
 * names several. `exceptId` (the claim's own outlet) never counts: "Le Monde reported" in Le Monde
 * is no attribution.
 */
export function attributedSource(text: string, sources: readonly NamedSource[], exceptId?: string): string | null {
  const folded = normaliseQuote(text);
  if (folded === "") return null;
  let best: { id: string; at: number } | null = null;
  for (const source of compiled(sources)) {
    if (source.id === exceptId) continue;
    for (const { name, patterns } of source.names) {
      if (!folded.includes(name)) continue;
      for (const pattern of patterns) {
        const match = pattern.exec(folded);
        if (match && (best === null || match.index < best.at)) best = { id: source.id, at: match.index };
      }
    }
  }
  return best?.id ?? null;
}

/** The rows of SOURCE_NAMES_QUERY as named sources. */
export function namedSourcesOf(records: readonly { get(key: string): unknown }[]): NamedSource[] {
  return records.map((record) => ({
    id: String(record.get("id")),
    name: String(record.get("name")),
    aliases: (record.get("aliases") as unknown[]).filter((alias): alias is string => typeof alias === "string"),
  }));
}
