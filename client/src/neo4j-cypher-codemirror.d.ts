/**
 * The package ships its types at src/codemirror.d.ts but its "exports" map hides them from
 * TypeScript's bundler resolution: point the bare specifier at them.
 */
declare module "@neo4j-cypher/codemirror" {
  export * from "@neo4j-cypher/codemirror/src/codemirror.d.ts";
}
