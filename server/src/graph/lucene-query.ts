const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * Turns what an analyst types into a safe Lucene query for the full-text index:
 * every special character escaped, each word matched exactly (boosted) or as a prefix,
 * and all words required. "huawei asc" finds "Huawei Ascend 910B".
 */
export function luceneQuery(text: string): string {
  const words = text
    .trim()
    .toLowerCase() // also keeps a typed AND, OR or NOT from acting as an operator
    .split(/\s+/)
    .map((word) => word.replace(LUCENE_SPECIAL, (char) => `\\${char}`))
    .filter((word) => word !== "");
  return words.map((word) => `(${word}^2 OR ${word}*)`).join(" AND ");
}
