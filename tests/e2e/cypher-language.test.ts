import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useAppInBrowser } from "../support/app-in-browser";
import { pageProblems } from "../support/browser";

/**
 * The workbench editor speaks Neo4j's Cypher 5 (@neo4j-cypher/language-support): twenty queries an
 * analyst writes over the seed's model are not marked as errors and run; three broken ones are
 * marked where they break; completion comes from the live schema.
 */

let page: Page;
const session = useAppInBrowser();
const shotsDir = process.env.CYPHER_SHOTS_DIR;

/** [what it shows, the query]; $name and $limit come from the Parameters box. */
const ANALYST_QUERIES: Array<[string, string]> = [
  ["a relationship and its type", "MATCH (c)-[r]->(x) RETURN c.name, type(r), x.name LIMIT 25"],
  ["labels after a property", "MATCH (n:Company) RETURN n.name, labels(n) ORDER BY n.name"],
  [
    "variable-length paths between companies",
    "MATCH p = (a:Company {name: 'ByteDance'})-[*1..3]-(b:Company) WHERE a <> b RETURN p LIMIT 10",
  ],
  [
    "a shortest path as a list of names",
    "MATCH p = shortestPath((a:Company {id: 'bytedance'})-[*..6]-(b:Company {id: 'huawei'})) RETURN [n IN nodes(p) | n.name] AS route, length(p) AS hops",
  ],
  [
    "OPTIONAL MATCH with collect",
    "MATCH (c:Company) OPTIONAL MATCH (c)-[r:SOURCES_FROM]->(s) RETURN c.name AS company, collect(s.name) AS suppliers ORDER BY company",
  ],
  [
    "WITH, count and collect DISTINCT",
    "MATCH (c:Company)-[r]->() WITH c, count(r) AS outgoing, collect(DISTINCT type(r)) AS types WHERE outgoing > 1 RETURN c.name, outgoing, types ORDER BY outgoing DESC",
  ],
  [
    "a list comprehension over coalesce",
    "MATCH (c:Company) RETURN c.name, [alias IN coalesce(c.aliases, []) WHERE alias <> c.name | toUpper(alias)] AS otherNames",
  ],
  [
    "a CALL subquery with its scope",
    "MATCH (c:Company) CALL (c) { MATCH (c)-[r]-() RETURN count(r) AS degree } RETURN c.name, degree ORDER BY degree DESC LIMIT 5",
  ],
  [
    "certainty counts",
    "MATCH ()-[r]->() WHERE r.certainty IS NOT NULL RETURN r.certainty AS certainty, count(*) AS claims ORDER BY claims DESC",
  ],
  [
    "a $name parameter",
    "MATCH (n) WHERE n.name = $name RETURN n.name, labels(n), coalesce(n.description, '(no description)') AS description",
  ],
  [
    "datetime(), date() and a duration",
    "RETURN datetime() AS now, date() - duration('P30D') AS monthAgo, datetime({year: 2024, month: 5}).year AS year",
  ],
  [
    "CASE on a property",
    "MATCH (c:Company)-[r]->(x) RETURN c.name, type(r), CASE r.certainty WHEN 'confirmed' THEN 'solid' WHEN 'reported' THEN 'reported' ELSE 'weak' END AS strength LIMIT 20",
  ],
  [
    "UNWIND and toLower",
    "UNWIND ['ByteDance', 'Huawei', 'Nvidia'] AS wanted MATCH (c:Company) WHERE toLower(c.name) = toLower(wanted) RETURN wanted, c.id",
  ],
  [
    "COUNT { } subqueries",
    "MATCH (c:Company) WHERE COUNT { (c)-[:SOURCES_FROM]->() } > 0 RETURN c.name, COUNT { (c)--() } AS links",
  ],
  [
    "an EXISTS { } subquery",
    "MATCH (c:Company) WHERE EXISTS { MATCH (c)-[:DEVELOPS|MAKES]->(:Product) } RETURN c.name",
  ],
  [
    "string predicates and functions",
    "MATCH (n) WHERE n.name STARTS WITH 'B' OR n.name CONTAINS 'wei' OR n.name =~ '(?i)nvid.*' RETURN n.name, size(n.name) AS length, substring(n.name, 0, 3) AS prefix, replace(n.name, ' ', '_') AS slug",
  ],
  [
    "a quantified path pattern",
    "MATCH p = (a:Company) (()-[:SOURCES_FROM|ORDERED]->()){1,3} (b) RETURN a.name, b.name, length(p) AS hops LIMIT 10",
  ],
  [
    "OPTIONAL MATCH against the arrow",
    "MATCH (s:Source) OPTIONAL MATCH (s)<-[:CITES]-(a) WITH s, count(a) AS citedBy RETURN s.name, s.grade, citedBy ORDER BY citedBy DESC",
  ],
  [
    "a slice of collect",
    "MATCH (a:Company)-[r]->(b) WITH type(r) AS rel, collect(a.name + ' -> ' + b.name)[..3] AS examples, count(*) AS n RETURN rel, n, examples ORDER BY n DESC, rel",
  ],
  [
    "a $limit parameter",
    "MATCH (c:Claim) WHERE c.reportedAt IS NOT NULL RETURN c.predicate, c.certainty, c.reportedAt ORDER BY c.reportedAt DESC LIMIT $limit",
  ],
];

interface Mark {
  from: number;
  to: number;
  severity: string;
  message: string;
}

const editor = () => page.getByTestId("cypher-editor");

/** Replaces the editor's text at once, then waits until the linter has answered for that text. */
async function lintOf(query: string): Promise<Mark[]> {
  await editor().locator(".cm-content").focus();
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText(query);
  await expect.poll(() => editor().getAttribute("data-linted-text"), { timeout: 20_000 }).toBe(query);
  return JSON.parse((await editor().getAttribute("data-diagnostics")) ?? "[]") as Mark[];
}

/** Runs what the editor holds with Ctrl+Enter; the answer's HTTP status and the summary line. */
async function runWithKeyboard(): Promise<{ status: number; summary: string }> {
  const [response] = await Promise.all([
    page.waitForResponse((answer) => answer.url().endsWith("/api/cypher") && answer.request().method() === "POST"),
    page.keyboard.press("Control+Enter"),
  ]);
  const summary = page.getByTestId("result-summary");
  await expect.poll(() => summary.getAttribute("data-state")).not.toBe("running");
  return { status: response.status(), summary: await summary.innerText() };
}

/** The text under the editor's visible error marks. */
function markedText(): Promise<string> {
  return editor()
    .locator(".cm-lintRange-error")
    .allInnerTexts()
    .then((parts) => parts.join(""));
}

describe("Neo4j's Cypher 5 language support in the workbench", () => {
  it("opens the workbench with the live schema and the parameters the queries use", async () => {
    page = await session.open();
    await page.getByTestId("workbench-toggle").click();
    await editor().waitFor();
    await page.locator(".wb-editor-note", { hasText: /^Schema: \d+ labels/ }).waitFor();
    await page.getByTestId("params-input").fill('{"name": "Huawei", "limit": 5}');
    // Leaving the box hands the parameter names to the linter.
    await editor().locator(".cm-content").click();
    expect(await lintOf("MATCH (n) WHERE n.name = $name RETURN n LIMIT $limit")).toEqual([]);
  });

  for (const [what, query] of ANALYST_QUERIES) {
    it(`accepts and runs ${what}`, async () => {
      const marks = await lintOf(query);
      expect(marks.filter((mark) => mark.severity === "error")).toEqual([]);
      expect(await editor().locator(".cm-lintRange-error").count()).toBe(0);
      const { status, summary } = await runWithKeyboard();
      expect({ status, summary }).toMatchObject({ status: 200, summary: expect.stringMatching(/^\d[\d,]* rows?\b/) });
    });
  }

  it("marks a pattern left open at the clause that follows it", async () => {
    const query = "MATCH (c:Company RETURN c.name";
    const errors = (await lintOf(query)).filter((mark) => mark.severity === "error");
    // First where the parser stopped; Neo4j's analysis then adds that the query has no RETURN.
    expect(errors[0] && [query.slice(errors[0].from, errors[0].to), errors[0].message]).toEqual([
      "RETURN",
      expect.stringMatching(/^Invalid input 'RETURN': expected .*'\)'/),
    ]);
    expect(errors.slice(1).map((mark) => mark.message)).toEqual([
      expect.stringMatching(/^Query cannot conclude with MATCH/),
    ]);
    await expect.poll(markedText).toBe("RETURN");
  });

  it("marks a misspelt function, and only it", async () => {
    const query = "MATCH (c:Company)-[r]->(x) RETURN c.name, typ(r), labels(x)";
    const errors = (await lintOf(query)).filter((mark) => mark.severity === "error");
    expect(errors.map((mark) => query.slice(mark.from, mark.to))).toEqual(["typ"]);
    expect(errors[0]?.message).toMatch(/Function typ is not present/);
    await expect.poll(markedText).toBe("typ");
  });

  it("marks a variable that no clause defines, on its second line", async () => {
    const query = "MATCH (c:Company)\nRETURN d.name";
    const errors = (await lintOf(query)).filter((mark) => mark.severity === "error");
    expect(errors.map((mark) => [query.slice(mark.from, mark.to), mark.message])).toEqual([
      ["d.name", "Variable `d` not defined"],
    ]);
    await expect.poll(markedText).toBe("d.name");
    // The lint gutter carries the mark on line 2.
    await editor().locator(".cm-gutter-lint .cm-lint-marker-error").waitFor();
  });

  it("warns, without an error, of a label and a property the database does not hold", async () => {
    const query = "MATCH (c:Compny) RETURN c.nmae";
    const marks = await lintOf(query);
    expect(marks.map((mark) => [query.slice(mark.from, mark.to), mark.severity])).toEqual([
      ["Compny", "warning"],
      ["nmae", "warning"],
    ]);
  });

  it("completes a relationship type after its colon from the live schema", async () => {
    await editor().locator(".cm-content").click();
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Delete");
    await page.keyboard.type("MATCH (c:Company)-[r:SOURCES_");
    await page.locator(".cm-tooltip-autocomplete li", { hasText: ":SOURCES_FROM" }).waitFor();
    await page.keyboard.press("Escape");
  });

  it("hands a query's parameters to the linter when it is loaded from the history", async () => {
    const query = "MATCH (n) WHERE n.name = $who RETURN n.name";
    const parameterMarks = async () =>
      (JSON.parse((await editor().getAttribute("data-diagnostics")) ?? "[]") as Mark[]).filter((mark) =>
        mark.message.startsWith("Parameter $who is not defined"),
      ).length;
    await page.getByTestId("params-input").fill('{"who": "Huawei"}');
    await editor().locator(".cm-content").click();
    expect(await lintOf(query)).toEqual([]);
    expect((await runWithKeyboard()).status).toBe(200);
    // The analyst empties the box and leaves it: $who is now undefined, and the linter says so.
    await page.getByTestId("params-input").fill("{}");
    await editor().locator(".cm-content").click();
    await lintOf(`${query} `);
    await expect.poll(parameterMarks).toBe(1);
    // Loading the run back brings {"who": ...} into the box; the linter must hear of it too.
    await page.getByTestId("tab-history").click();
    await page.getByTestId("history-list-item").first().click();
    await expect.poll(() => page.getByTestId("params-input").inputValue()).toContain('"who"');
    await expect.poll(() => editor().getAttribute("data-linted-text")).toBe(query);
    await expect.poll(parameterMarks).toBe(0);
    // Back as the other cases expect it: the library beside the editor, $name and $limit in the box.
    await page.getByTestId("tab-library").click();
    await page.getByTestId("params-input").fill('{"name": "Huawei", "limit": 5}');
    await editor().locator(".cm-content").click();
  });

  it("shows a query with a lint error at 1366×768 (screenshot)", async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const query =
      "MATCH (c:Company)-[r:SOURCES_FROM]->(s)\nWHERE r.certainty IN ['confirmed', 'reported']\nRETURN c.name, type(r), s.name, typ(r) AS oops\nLIMIT $limit";
    await lintOf(query);
    await expect.poll(markedText).toBe("typ");
    // Typing the last word opened completion (it offers $limit): put it away, as the analyst would.
    await page.keyboard.press("Escape");
    await page.locator(".cm-tooltip-autocomplete").waitFor({ state: "detached" });
    await editor().locator(".cm-lintRange-error").first().hover();
    await page.locator(".cm-tooltip-lint").waitFor();
    if (shotsDir) {
      mkdirSync(shotsDir, { recursive: true });
      await page.screenshot({ path: join(shotsDir, "workbench-lint-1366x768.png") });
      await page.setViewportSize({ width: 1920, height: 1080 });
      await editor().locator(".cm-lintRange-error").first().hover();
      await page.locator(".cm-tooltip-lint").waitFor();
      await page.screenshot({ path: join(shotsDir, "workbench-lint-1920x1080.png") });
    }
    expect(pageProblems(page).filter((problem) => !/status of 4\d\d/.test(problem))).toEqual([]);
  });
});
