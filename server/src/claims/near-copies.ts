/**
 * Near-copies between quotes (issue #20): a story copied from another outlet without saying so
 * counts once with it. Quotes are normalised (case, accents, punctuation, spacing), cut into word
 * shingles, and compared by their shingle sets. A relationship has few claims, so the exact sets
 * decide; MinHash signatures estimate the same resemblance for comparisons across many quotes.
 */

/** Lower case, accents off, punctuation as spaces, runs of spaces as one: what a copy keeps of a text. */
export function normaliseQuote(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The text's word k-shingles (runs of k words); a text shorter than k words is one shingle. */
export function shingles(text: string, k = 3): Set<string> {
  const words = normaliseQuote(text)
    .split(" ")
    .filter((word) => word !== "");
  const result = new Set<string>();
  if (words.length === 0) return result;
  if (words.length < k) {
    result.add(words.join(" "));
    return result;
  }
  for (let index = 0; index + k <= words.length; index++) result.add(words.slice(index, index + k).join(" "));
  return result;
}

/** |A ∩ B| / |A ∪ B|: 1 for the same shingles, 0 for none in common. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const shingle of a) if (b.has(shingle)) shared++;
  return shared / (a.size + b.size - shared);
}

/** |A ∩ B| / min(|A|, |B|): 1 when one text is all inside the other (a copy cut short). */
export function containment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const smaller = Math.min(a.size, b.size);
  if (smaller === 0) return 0;
  let shared = 0;
  for (const shingle of a) if (b.has(shingle)) shared++;
  return shared / smaller;
}

/** 32-bit FNV-1a of a string, mixed with a seed: the MinHash family's hash functions. */
function hash(text: string, seed: number): number {
  let value = (0x811c9dc5 ^ seed) >>> 0;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  value ^= value >>> 16;
  value = Math.imul(value, 0x85ebca6b) >>> 0;
  value ^= value >>> 13;
  return value >>> 0;
}

/** The MinHash signature of a shingle set: per hash function, the smallest hash of its shingles. */
export function minHash(set: ReadonlySet<string>, size = 64): Uint32Array {
  const signature = new Uint32Array(size).fill(0xffffffff);
  for (const shingle of set) {
    for (let seed = 0; seed < size; seed++) {
      const value = hash(shingle, seed * 0x9e3779b1);
      if (value < (signature[seed] as number)) signature[seed] = value;
    }
  }
  return signature;
}

/** The share of equal places of two signatures: an estimate of the sets' Jaccard resemblance. */
export function estimatedJaccard(a: Uint32Array, b: Uint32Array): number {
  const size = Math.min(a.length, b.length);
  if (size === 0) return 0;
  let equal = 0;
  for (let index = 0; index < size; index++) if (a[index] === b[index]) equal++;
  return equal / size;
}

/** Resemblance from which two quotes count as one text copied. */
export const NEAR_COPY_JACCARD = 0.6;
/** Containment from which a shorter quote counts as cut from the longer one (at least MIN_SHINGLES shingles). */
export const NEAR_COPY_CONTAINMENT = 0.85;
const MIN_SHINGLES = 6;

/** A quote prepared for comparisons. */
export interface QuotePrint {
  shingles: Set<string>;
}

export function quotePrint(text: string): QuotePrint {
  return { shingles: shingles(text) };
}

/**
 * True when the two quotes are the same text, copied near-verbatim: a resemblance (Jaccard) of 0.6
 * or more, or one of six shingles or more almost all
 * inside the other. Short quotes ("Oui.") never count as copies of each other by containment alone.
 */
export function isNearCopy(a: QuotePrint, b: QuotePrint): boolean {
  if (a.shingles.size === 0 || b.shingles.size === 0) return false;
  const resemblance = jaccard(a.shingles, b.shingles);
  if (resemblance >= NEAR_COPY_JACCARD) return true;
  return (
    Math.min(a.shingles.size, b.shingles.size) >= MIN_SHINGLES &&
    containment(a.shingles, b.shingles) >= NEAR_COPY_CONTAINMENT
  );
}
