/**
 * Finding each claim's quote in its article's text, as character offsets into that text (UTF-16
 * code units, `end` exclusive, as JavaScript's `slice` and the DOM's ranges count them).
 *
 * A quote is copied by hand or by a tool, so it may differ from the text in ways a reader would
 * not see: curly or straight apostrophes and quotation marks, a line break or a no-break space
 * where the quote has a space, composed or decomposed accents (é as one code point or as e and a
 * combining accent). Each quote is looked for exactly first, then with those differences folded
 * away, then (for scripts written without spaces, where a line break can fall between any two
 * characters) with every space ignored. Offsets always point into the original text.
 */

export interface QuoteSpan {
  start: number;
  end: number;
}

/** A text folded for matching, and where each of its characters came from in the original. */
interface Folded {
  text: string;
  /** For each folded character, the offset of the original character(s) it stands for... */
  starts: number[];
  /** ...and the offset just after them. */
  ends: number[];
}

const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u02BC\u0060\u00B4]/;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/;
const SPACE = /\s/u;
const COMBINING = /\p{M}/u;

/** One cluster (a base character and the combining marks after it), folded. */
function foldCluster(cluster: string): string {
  const composed = cluster.normalize("NFC");
  if (composed.length === 1 && SINGLE_QUOTES.test(composed)) return "'";
  if (composed.length === 1 && DOUBLE_QUOTES.test(composed)) return '"';
  return composed;
}

/** Folds quote marks and accent encodings; runs of white space become one space, or nothing. */
function fold(text: string, spaces: "one" | "none"): Folded {
  const folded: Folded = { text: "", starts: [], ends: [] };
  let index = 0;
  while (index < text.length) {
    const codePoint = text.codePointAt(index) as number;
    let next = index + (codePoint > 0xffff ? 2 : 1);
    if (SPACE.test(text[index] as string)) {
      while (next < text.length && SPACE.test(text[next] as string)) next++;
      const previous = folded.text.at(-1);
      if (spaces === "one" && previous !== undefined && previous !== " ") {
        folded.text += " ";
        folded.starts.push(index);
        folded.ends.push(next);
      }
      index = next;
      continue;
    }
    while (next < text.length && COMBINING.test(String.fromCodePoint(text.codePointAt(next) as number)))
      next += (text.codePointAt(next) as number) > 0xffff ? 2 : 1;
    const cluster = foldCluster(text.slice(index, next));
    for (const char of cluster) {
      for (let unit = 0; unit < char.length; unit++) {
        folded.text += char[unit];
        folded.starts.push(index);
        folded.ends.push(next);
      }
    }
    index = next;
  }
  return folded;
}

/** A quote's own folding, trimmed: a space at either end of it is not part of the sentence. */
const foldQuote = (quote: string, spaces: "one" | "none") => fold(quote.trim(), spaces).text.trim();

/** The first folded character that stands for an original offset at or after `from` (starts only grow). */
function firstAtOrAfter(starts: readonly number[], from: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((starts[middle] as number) < from) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The first place at or after `from` (an offset of the original text) where `needle` is in `folded`. */
function findFolded(folded: Folded, needle: string, from: number): QuoteSpan | null {
  if (needle === "") return null;
  const at = folded.text.indexOf(needle, firstAtOrAfter(folded.starts, from));
  if (at === -1) return null;
  return { start: folded.starts[at] as number, end: folded.ends[at + needle.length - 1] as number };
}

/** Locates quotes in one text, reusing the folded forms of the text for every quote. */
export class QuoteLocator {
  private readonly foldedText = new Map<"one" | "none", Folded>();

  constructor(private readonly text: string) {}

  private folded(spaces: "one" | "none"): Folded {
    let folded = this.foldedText.get(spaces);
    if (folded === undefined) {
      folded = fold(this.text, spaces);
      this.foldedText.set(spaces, folded);
    }
    return folded;
  }

  /** The first occurrence of `quote` at or after offset `from`: exact, else folded; null when absent. */
  find(quote: string, from = 0): QuoteSpan | null {
    const exact = quote.trim();
    if (exact === "") return null;
    const at = this.text.indexOf(exact, from);
    if (at !== -1) return { start: at, end: at + exact.length };
    return (
      findFolded(this.folded("one"), foldQuote(quote, "one"), from) ??
      findFolded(this.folded("none"), foldQuote(quote, "none"), from)
    );
  }
}

/**
 * Locates the quotes of a file's claims, in file order. A quote that occurs more than once is
 * taken at its first occurrence at or after the previous located claim's start (claims are
 * usually listed as they are read; several claims read in one sentence share its offsets), and
 * from the top of the text when there is none after it. Null for a quote the text does not hold.
 */
export function locateQuotes(text: string, quotes: readonly string[]): (QuoteSpan | null)[] {
  const locator = new QuoteLocator(text);
  let cursor = 0;
  return quotes.map((quote) => {
    const span = locator.find(quote, cursor) ?? (cursor > 0 ? locator.find(quote, 0) : null);
    if (span !== null) cursor = span.start;
    return span;
  });
}
