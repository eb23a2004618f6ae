import { scanCypher } from "./scan-cypher";

/**
 * Splits a .cypher file into statements at top-level semicolons, the way cypher-shell does:
 * a `;` inside a string, a backtick-quoted name or a comment does not end a statement.
 * Comments are kept inside their statement; statements that hold nothing but comments are dropped.
 */
export function splitCypherStatements(text: string): string[] {
  const statements: string[] = [];
  let current = "";
  let hasCode = false;
  for (const segment of scanCypher(text)) {
    if (segment.kind !== "code") {
      current += segment.text;
      if (segment.kind !== "comment") hasCode = true;
      continue;
    }
    const parts = segment.text.split(";");
    parts.forEach((part, index) => {
      if (index > 0) {
        if (hasCode) statements.push(current.trim());
        current = "";
        hasCode = false;
      }
      current += part;
      if (part.trim() !== "") hasCode = true;
    });
  }
  if (hasCode) statements.push(current.trim());
  return statements;
}
