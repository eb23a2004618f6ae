import { codeOnly } from "./scan-cypher";

/** How hard a statement is on Neo4j's parser, measured on its text alone. */
export interface CypherMeasure {
  /**
   * An upper bound of the depth of the statement's syntax tree: each bracket level and CASE counts
   * one, each operator of a chain within a level (`a + b + c`, `NOT NOT x`, `m.a.b`) one more.
   * Neo4j's parser and rewriters recurse on that tree and overflow their stack (it then answers
   * nothing for a long time and logs a stack trace per query) somewhere between 250 and 600.
   */
  depth: number;
  /** UNION and UNION ALL, at any level: 800 of them overflow the driver's plan reader. */
  unions: number;
}

const TOKEN =
  /[A-Za-z_][\w$]*|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\.\.|<>|!=|<=|>=|=~|->|<-|\|\||::|[()[\]{}.,+\-*/%^=<>|:;$]/g;

const OPEN = new Set(["(", "[", "{", "CASE"]);
const CLOSE = new Set([")", "]", "}", "END"]);
const OPERATORS = new Set([
  "+",
  "-",
  "*",
  "/",
  "%",
  "^",
  "=",
  "<>",
  "!=",
  "<",
  "<=",
  ">",
  ">=",
  "=~",
  "||",
  "->",
  "<-",
  ".",
  "AND",
  "OR",
  "XOR",
  "NOT",
  "IN",
  "IS",
  "CONTAINS",
  "STARTS",
  "ENDS",
]);
/** Tokens after which a new expression begins at the same level. */
const EXPRESSION_BREAKS = new Set([
  ",",
  "|",
  ";",
  "MATCH",
  "OPTIONAL",
  "WHERE",
  "RETURN",
  "WITH",
  "UNWIND",
  "ORDER",
  "BY",
  "SKIP",
  "LIMIT",
  "CALL",
  "YIELD",
  "UNION",
  "WHEN",
  "THEN",
  "ELSE",
  "AS",
  "DISTINCT",
  "FOREACH",
]);

interface Level {
  /** Operators in the expression being read at this level. */
  operators: number;
  /** The deepest child level met in that expression. */
  deepestChild: number;
  /** The deepest expression of this level so far. */
  deepest: number;
}

const close = (level: Level) => Math.max(level.deepest, level.operators + level.deepestChild);

/** Measures a statement; strings, quoted names and comments do not count. */
export function measureCypher(statement: string): CypherMeasure {
  const tokens = codeOnly(statement).match(TOKEN) ?? [];
  const stack: Level[] = [{ operators: 0, deepestChild: 0, deepest: 0 }];
  let unions = 0;
  let previous = "";
  for (const raw of tokens) {
    // After `.` or `:` a word is a property, label or key (`n.end`, `:Match`), not a keyword.
    const isWord = /^[A-Za-z_]/.test(raw);
    const token = isWord && (previous === "." || previous === ":") ? "name" : raw.toUpperCase();
    previous = raw;
    const level = stack.at(-1) as Level;
    if (token === "UNION") unions += 1;
    if (OPEN.has(token)) {
      stack.push({ operators: 0, deepestChild: 0, deepest: 0 });
    } else if (CLOSE.has(token) && stack.length > 1) {
      stack.pop();
      const parent = stack.at(-1) as Level;
      parent.deepestChild = Math.max(parent.deepestChild, 1 + close(level));
    } else if (EXPRESSION_BREAKS.has(token)) {
      level.deepest = close(level);
      level.operators = 0;
      level.deepestChild = 0;
    } else if (OPERATORS.has(token)) {
      level.operators += 1;
    }
  }
  // Brackets left open (a syntax error Neo4j will name) still count as deep as they went.
  let depth = 0;
  while (stack.length > 0) {
    const level = stack.pop() as Level;
    depth = close(level) + (stack.length > 0 ? 1 : 0);
    const parent = stack.at(-1);
    if (parent) parent.deepestChild = Math.max(parent.deepestChild, depth);
  }
  return { depth, unions };
}
