import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../scripts/project-root";
import { loadAppConfig } from "../../server/src/config/app-config";
import { loadQueryLibrary } from "../../server/src/cypher/load-query-library";
import { checkPlan, checkQueryText } from "../../server/src/cypher/read-only-gate";
import { codeOnly } from "../../server/src/cypher/scan-cypher";
import { nestingDepth } from "../../server/src/routes/cypher-routes";

const LIMITS = { maxDepth: 120, maxUnions: 100 };

describe("checkQueryText", () => {
  it("returns the single statement without its trailing semicolon", () => {
    expect(checkQueryText("MATCH (n) RETURN n;  ", LIMITS)).toBe("MATCH (n) RETURN n");
  });

  it("refuses two statements, an empty query and a USE clause", () => {
    expect(() => checkQueryText("RETURN 1; RETURN 2", LIMITS)).toThrow(/one statement at a time; this request holds 2/);
    expect(() => checkQueryText("  // nothing\n", LIMITS)).toThrow(/empty/);
    expect(() => checkQueryText("USE system SHOW USERS", LIMITS)).toThrow(/USE is not available/);
    expect(() => checkQueryText("CALL { use neo4j MATCH (n) RETURN n } RETURN n", LIMITS)).toThrow(/USE/);
  });

  it("does not mistake USE or semicolons inside strings, names and comments for code", () => {
    expect(checkQueryText("MATCH (n) WHERE n.note = 'USE it; now' RETURN n.`USE x` // USE y;", LIMITS)).toContain(
      "RETURN",
    );
  });

  it("refuses nesting past maxDepth and UNIONs past maxUnions with 400 VALIDATION naming the limit", () => {
    const limits = { maxDepth: 10, maxUnions: 2 };
    expect(() => checkQueryText(`RETURN ${"[".repeat(11)}1${"]".repeat(11)}`, limits)).toThrow(
      expect.objectContaining({
        code: "VALIDATION",
        status: 400,
        message: expect.stringMatching(/11 levels.*at most 10/),
      }),
    );
    expect(checkQueryText(`RETURN ${"[".repeat(10)}1${"]".repeat(10)}`, limits)).toContain("RETURN");
    expect(() =>
      checkQueryText("RETURN 1 AS x UNION RETURN 2 AS x UNION RETURN 3 AS x UNION RETURN 4 AS x", limits),
    ).toThrow(/joins 4 parts with UNION, where at most 3/);
  });

  it("lets every query of the analysts' library through with the default limits", async () => {
    const library = await loadQueryLibrary(join(projectRoot, "cypher", "queries"));
    expect(library.length).toBeGreaterThan(0);
    const { maxDepth, maxUnions } = loadAppConfig({}).cypher;
    for (const entry of library)
      expect(() => checkQueryText(entry.query, { maxDepth, maxUnions }), entry.name).not.toThrow();
  });
});

describe("codeOnly", () => {
  it("blanks strings, quoted names and comments but keeps offsets", () => {
    const text = "RETURN 'a' AS `b` // c";
    const masked = codeOnly(text);
    expect(masked).toHaveLength(text.length);
    expect(masked.trim()).toBe("RETURN     AS");
  });
});

describe("checkPlan", () => {
  const plan = (operatorType: string, details = "", children: unknown[] = []) => ({
    operatorType,
    arguments: { Details: details },
    children,
  });
  const summary = (queryType: string, root: unknown) => ({ queryType, plan: root }) as never;
  const nested = (child: unknown) => summary("r", plan("ProduceResults@neo4j", "", [plan("Apply@neo4j", "", [child])]));
  const check = (value: never) => () => checkPlan(value, "neo4j");

  it("lets plain reads and allowed procedures through", () => {
    expect(check(nested(plan("ProcedureCall@neo4j", "db.labels() :: (label :: STRING)")))).not.toThrow();
  });

  it("refuses writes, schema changes, administration, and anything not confirmed as a read", () => {
    expect(check(summary("rw", plan("Create@neo4j")))).toThrow(/would write/);
    expect(check(summary("s", plan("CreateIndex@neo4j")))).toThrow(/change the schema/);
    expect(check(summary("s", plan("ProcedureCall@neo4j", "dbms.listConfig() :: ...")))).toThrow(/Administration/);
    expect(check(summary("", plan("ProduceResults@neo4j")))).toThrow(/could not confirm/);
    expect(check(summary("r", false as never))).toThrow(/could not confirm/);
  });

  it("refuses LOAD CSV, other procedures and SHOW SETTINGS anywhere in the plan", () => {
    expect(check(nested(plan("LoadCSV@neo4j")))).toThrow(/LOAD CSV/);
    expect(check(nested(plan("ProcedureCall@neo4j", "apoc.load.json($url) :: (value :: MAP)")))).toThrow(
      /apoc\.load\.json is not available/,
    );
    expect(check(nested(plan("ShowSettings@neo4j")))).toThrow(/SHOW and TERMINATE/);
    expect(check(nested(plan("TerminateTransactions@neo4j")))).toThrow(/SHOW and TERMINATE/);
  });

  it("looks into subqueries that Neo4j plans inside expressions and shows only as text", () => {
    const projection = (details: string) => nested(plan("Projection@neo4j", details));
    expect(check(projection('[x IN $l | COLLECT { LOAD CSV FROM "file:///etc/passwd" AS l RETURN l }] AS r'))).toThrow(
      /LOAD CSV/,
    );
    expect(
      check(
        projection("[x IN $l | COLLECT { ResolvedCall(db.stats.retrieve(section :: STRING) :: data) RETURN data }]"),
      ),
    ).toThrow(/db\.stats\.retrieve is not available/);
    expect(check(projection("COUNT { ResolvedCall(db.labels() :: label :: STRING) RETURN label }"))).not.toThrow();
  });

  it("refuses batches that commit on their own (CALL IN TRANSACTIONS), even when they only read", () => {
    const batches = (operator: string) =>
      nested(plan(operator, "IN TRANSACTIONS OF 1000 ROWS ON ERROR FAIL", [plan("Argument@neo4j")]));
    expect(check(batches("TransactionApply@neo4j"))).toThrow(/IN TRANSACTIONS is not available/);
    expect(check(batches("TransactionForeach@neo4j"))).toThrow(/IN TRANSACTIONS is not available/);
  });

  it("refuses operators that run against another database", () => {
    expect(check(summary("r", plan("ProduceResults@system")))).toThrow(/configured database only/);
  });
});

describe("nestingDepth", () => {
  it("counts list and map levels and stops past the limit", () => {
    expect(nestingDepth({ a: 1 }, 10)).toBe(1);
    expect(nestingDepth({ a: [{ b: [1] }] }, 10)).toBe(4);
    let deep: unknown = 1;
    for (let level = 0; level < 1_000; level += 1) deep = [deep];
    expect(nestingDepth(deep, 32)).toBe(33);
  });
});
