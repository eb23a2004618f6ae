import type { SearchMatch } from "../../../contract/graph-contract";

/** What ranking needs of a node the full-text index found. */
export interface SearchCandidate {
  name: string;
  aliases: readonly string[];
  /** Sources and articles rank after the entities they talk about. */
  isRecord: boolean;
  /** Lucene's score: the last tie-break. */
  score: number;
}

/** Case, accents, width and spacing do not matter: "HUAWEI", "Huawéi" and "ｈｕａｗｅｉ" are one. */
export function foldForSearch(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

const words = (text: string) => text.split(/[\s\-_/.,;:()'’"]+/).filter((word) => word !== "");

/** Edits (insert, delete, substitute, swap two neighbours) between two words. */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      (rows[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

const KIND_ORDER: Record<SearchMatch["kind"], number> = { exact: 0, prefix: 1, words: 2, fuzzy: 3 };

/** How one name or alias matches what was typed, and how close a fuzzy match is (0 for the others). */
function matchOf(query: string, text: string, field: SearchMatch["field"]): SearchMatch & { distance: number } {
  const folded = foldForSearch(text);
  if (folded === query) return { kind: "exact", field, text, distance: 0 };
  if (folded.startsWith(query)) return { kind: "prefix", field, text, distance: 0 };
  const own = words(folded);
  const typed = words(query);
  if (typed.every((word) => own.some((candidate) => candidate.startsWith(word))))
    return { kind: "words", field, text, distance: 0 };
  const distance = typed.reduce(
    (sum, word) =>
      sum + Math.min(...own.map((candidate) => editDistance(word, candidate.slice(0, word.length + 2))), word.length),
    0,
  );
  return { kind: "fuzzy", field, text, distance };
}

/** The best way a node matches: its name or one of its aliases, exact before prefix before words before fuzzy. */
export function bestMatch(
  typed: string,
  candidate: Pick<SearchCandidate, "name" | "aliases">,
): SearchMatch & {
  distance: number;
} {
  const query = foldForSearch(typed);
  const options = [
    matchOf(query, candidate.name, "name"),
    ...candidate.aliases.map((alias) => matchOf(query, alias, "alias")),
  ];
  return options.reduce((best, option) =>
    KIND_ORDER[option.kind] < KIND_ORDER[best.kind] || (option.kind === best.kind && option.distance < best.distance)
      ? option
      : best,
  );
}

/**
 * Orders what the index found the way an analyst expects: an exact name or alias first, then names
 * that start with what was typed, then names holding every typed word, then near misses (typos),
 * closest first; within each, entities before the sources and articles that talk about them, then
 * Lucene's score. Each hit says how it matched.
 */
export function rankSearchHits<C extends SearchCandidate>(
  typed: string,
  candidates: readonly C[],
): (C & { match: SearchMatch })[] {
  return candidates
    .map((candidate, index) => ({ candidate, index, match: bestMatch(typed, candidate) }))
    .sort(
      (a, b) =>
        KIND_ORDER[a.match.kind] - KIND_ORDER[b.match.kind] ||
        a.match.distance - b.match.distance ||
        Number(a.candidate.isRecord) - Number(b.candidate.isRecord) ||
        b.candidate.score - a.candidate.score ||
        a.index - b.index,
    )
    .map(({ candidate, match: { distance: _distance, ...match } }) => ({ ...candidate, match }));
}
