/**
 * Splits a .cypher file into statements at top-level semicolons, the way cypher-shell does:
 * a `;` inside a string, a backtick-quoted name or a comment does not end a statement.
 * Comments are kept inside their statement; statements that hold nothing but comments are dropped.
 */
export function splitCypherStatements(text: string): string[] {
  const statements: string[] = [];
  let current = "";
  let i = 0;
  while (i < text.length) {
    const char = text[i] as string;
    const next = text[i + 1];
    if (char === "/" && next === "/") {
      const end = text.indexOf("\n", i);
      const stop = end === -1 ? text.length : end;
      current += text.slice(i, stop);
      i = stop;
    } else if (char === "/" && next === "*") {
      const end = text.indexOf("*/", i + 2);
      const stop = end === -1 ? text.length : end + 2;
      current += text.slice(i, stop);
      i = stop;
    } else if (char === "'" || char === '"' || char === "`") {
      const stop = endOfQuoted(text, i, char);
      current += text.slice(i, stop);
      i = stop;
    } else if (char === ";") {
      statements.push(current);
      current = "";
      i += 1;
    } else {
      current += char;
      i += 1;
    }
  }
  statements.push(current);
  return statements.map((statement) => statement.trim()).filter((statement) => stripComments(statement).trim() !== "");
}

/** Index just past the closing quote; a backslash escapes the next character in strings. */
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

function stripComments(statement: string): string {
  return statement.replace(/\/\/[^\n]*/g, "").replace(/\/\*[\s\S]*?\*\//g, "");
}
