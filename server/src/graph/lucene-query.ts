const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** Typos forgiven per word: none under 4 characters (too many near words), one up to 5, two from 6. */
export function fuzzyEdits(word: string): number {
  return word.length < 4 ? 0 : word.length < 6 ? 1 : 2;
}

const escapedWords = (text: string) =>
  text
    .trim()
    .toLowerCase() // also keeps a typed AND, OR or NOT from acting as an operator
    .split(/\s+/)
    .filter((word) => word !== "")
    .map((word) => ({ word, escaped: word.replace(LUCENE_SPECIAL, (char) => `\\${char}`) }));

/**
 * Turns what an analyst types into a safe Lucene query for the full-text index:
 * every special character escaped, each word matched exactly (boosted most), as a prefix, or
 * with a typo or two (long enough words), and all words required. "huawei asc" finds
 * "Huawei Ascend 910B"; "huawie" finds "Huawei".
 */
export function luceneQuery(text: string): string {
  return escapedWords(text)
    .map(({ word, escaped }) => {
      const edits = fuzzyEdits(word);
      return edits === 0 ? `(${escaped}^4 OR ${escaped}*^2)` : `(${escaped}^4 OR ${escaped}*^2 OR ${escaped}~${edits})`;
    })
    .join(" AND ");
}

/** Any word near any typed word: what to suggest when the whole query finds nothing. */
export function luceneNearQuery(text: string): string {
  return escapedWords(text)
    .filter(({ word }) => word.length >= 3)
    .map(({ escaped }) => `${escaped}~2`)
    .join(" OR ");
}
