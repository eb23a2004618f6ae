/** A stretch of Cypher text: code, or something whose content is not Cypher (a string, a `name`, a comment). */
export interface CypherSegment {
  kind: "code" | "string" | "name" | "comment";
  text: string;
}

/**
 * Cuts Cypher text into code and literal segments, so callers can look at the code alone:
 * a `;` or a keyword inside a string, a backtick-quoted name or a comment is not code.
 * A backslash escapes the next character in strings.
 */
export function scanCypher(text: string): CypherSegment[] {
  const segments: CypherSegment[] = [];
  let code = "";
  let i = 0;
  const push = (kind: CypherSegment["kind"], end: number) => {
    if (code !== "") segments.push({ kind: "code", text: code });
    code = "";
    segments.push({ kind, text: text.slice(i, end) });
    i = end;
  };
  while (i < text.length) {
    const char = text[i] as string;
    const next = text[i + 1];
    if (char === "/" && next === "/") {
      const end = text.indexOf("\n", i);
      push("comment", end === -1 ? text.length : end);
    } else if (char === "/" && next === "*") {
      const end = text.indexOf("*/", i + 2);
      push("comment", end === -1 ? text.length : end + 2);
    } else if (char === "'" || char === '"') {
      push("string", endOfQuoted(text, i, char));
    } else if (char === "`") {
      push("name", endOfQuoted(text, i, char));
    } else {
      code += char;
      i += 1;
    }
  }
  if (code !== "") segments.push({ kind: "code", text: code });
  return segments;
}

function endOfQuoted(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    const char = text[i];
    if (char === "\\" && quote !== "`") i += 2;
    else if (char === quote) return i + 1;
    else i += 1;
  }
  return text.length;
}

/** The text with every string, quoted name and comment blanked out: what is left is keywords and symbols. */
export function codeOnly(text: string): string {
  return scanCypher(text)
    .map((segment) => (segment.kind === "code" ? segment.text : " ".repeat(segment.text.length)))
    .join("");
}
