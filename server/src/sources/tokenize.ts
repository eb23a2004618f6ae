/** Words and marks of a text with their character offsets, and the folded form they are matched by. */
export interface Token {
  /** As written. */
  readonly text: string;
  /** Case-, accent- and width-folded, typographic apostrophes made straight. */
  readonly fold: string;
  readonly start: number;
  readonly end: number;
  /** Starts with a letter or digit (not punctuation). */
  readonly word: boolean;
}

/** Folds a word for matching: NFKC for width, accents removed, lower case, ’ as '. */
export function foldWord(word: string): string {
  return word
    .normalize("NFKC")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .normalize("NFC")
    .toLowerCase()
    .replace(/[’ʼ‘]/g, "'");
}

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[-‐.&][\p{L}\p{M}\p{N}]+)*['’]?|US\$|[^\s\p{L}\p{M}\p{N}]/gu;

/** Splits a text into tokens: "d'un" gives "d'" and "un"; "Huawei's" gives "Huawei" and "'s". */
export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const start = offset + (match.index ?? 0);
    let raw = match[0];
    const previous = tokens[tokens.length - 1];
    if (raw === "s" && previous && previous.end === start && /['’]$/.test(previous.text)) {
      tokens.pop();
      const name = previous.text.slice(0, -1);
      tokens.push(make(name, previous.start));
      tokens.push(make(previous.text.slice(-1) + raw, previous.end - 1));
      continue;
    }
    if (raw.endsWith(".") && raw.length > 1) raw = raw.slice(0, -1);
    // "Tidewater Networks' order": a plural possessive (the apostrophe before a space, after more than
    // an elided "d'", "l'", "qu'") is "'s" of its own.
    const after = text[(match.index ?? 0) + raw.length] ?? "";
    if (/^\p{Lu}.*\p{L}{3,}['’]$/u.test(raw) && /\s/u.test(after)) {
      tokens.push(make(raw.slice(0, -1), start));
      tokens.push({ ...make(raw.slice(-1), start + raw.length - 1), fold: "'s" });
      continue;
    }
    tokens.push(make(raw, start));
  }
  return tokens;
}

function make(text: string, start: number): Token {
  return { text, fold: foldWord(text), start, end: start + text.length, word: /^[\p{L}\p{N}$]/u.test(text) };
}
