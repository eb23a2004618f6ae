import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../scripts/project-root";
import { splitCypherStatements } from "../../server/src/cypher/split-cypher-statements";

describe("splitCypherStatements", () => {
  it("splits at top-level semicolons and trims", () => {
    expect(splitCypherStatements("MATCH (n) RETURN n;\n\nRETURN 1 ;")).toEqual(["MATCH (n) RETURN n", "RETURN 1"]);
  });

  it("keeps semicolons inside strings, backtick names and comments", () => {
    const text = [
      "// a comment; not a split",
      "RETURN 'a;b' AS x, \"c;d\" AS `we;ird`;",
      "/* block; comment */ RETURN 2;",
    ].join("\n");
    expect(splitCypherStatements(text)).toEqual([
      "// a comment; not a split\nRETURN 'a;b' AS x, \"c;d\" AS `we;ird`",
      "/* block; comment */ RETURN 2",
    ]);
  });

  it("honours backslash escapes in strings, as the French apostrophes need", () => {
    expect(splitCypherStatements("RETURN 'l\\'IA; ok';RETURN 3")).toEqual(["RETURN 'l\\'IA; ok'", "RETURN 3"]);
  });

  it("drops statements that hold only comments or white space", () => {
    expect(splitCypherStatements("// header only\n;  ;\n/* x */")).toEqual([]);
  });

  it("finds one statement per query file of the query library", () => {
    const dir = join(projectRoot, "cypher", "queries");
    for (const file of readdirSync(dir).filter((name) => name.endsWith(".cypher"))) {
      expect(splitCypherStatements(readFileSync(join(dir, file), "utf8")), file).toHaveLength(1);
    }
  });
});
