import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useAppInBrowser } from "../support/app-in-browser";
import { pageProblems } from "../support/browser";

let page: Page;

const SLOW_QUERY = "UNWIND range(1, 100000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x)";

const session = useAppInBrowser();

/** Small UI helpers in the spirit of Excalidraw's: what an analyst does, in the workbench's words. */
const UI = {
  async openWorkbench(): Promise<void> {
    await page.getByTestId("workbench-toggle").click();
    await page.getByTestId("cypher-editor").waitFor();
  },
  editorText(): Promise<string> {
    return page.locator('[data-testid="cypher-editor"] .cm-content').innerText();
  },
  /** Replaces the editor's text at once (no typing, so no completion pops up). */
  async setQuery(text: string): Promise<void> {
    await page.locator('[data-testid="cypher-editor"] .cm-content').focus();
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText(text);
  },
  async setParams(text: string): Promise<void> {
    await page.getByTestId("params-input").fill(text);
  },
  async summaryMatching(pattern: RegExp, timeout = 15_000): Promise<string> {
    const summary = page.getByTestId("result-summary").filter({ hasText: pattern });
    await summary.waitFor({ timeout });
    return summary.innerText();
  },
  tableRows(): Promise<number> {
    return page.locator('[data-testid="result-table"] tbody tr').count();
  },
  async resultJson(): Promise<{
    rowCount: number;
    graph: { edges: Array<{ data: { props: { sources?: unknown } } }> };
  }> {
    await page.getByTestId("tab-json").click();
    const text = await page.locator('[data-testid="result-json"] pre').innerText();
    await page.getByTestId("tab-table").click();
    return JSON.parse(text);
  },
};

/** Console errors other than the browser's own line for an expected 4xx answer. */
function unexpectedProblems(): string[] {
  return pageProblems(page).filter((problem) => !/Failed to load resource: .* status of 4\d\d/.test(problem));
}

async function count(query: string): Promise<number> {
  const { records } = await session.app.driver.executeQuery(query);
  return Number(records[0]?.get(0));
}

describe("the Cypher workbench in Chromium", () => {
  it("completes a label from the live schema, runs with Ctrl+Enter, and shows the graph and the rows", async () => {
    page = await session.open();
    await UI.openWorkbench();
    const companies = await count("MATCH (n:Company) RETURN count(n)");

    await page.locator('[data-testid="cypher-editor"] .cm-content').click();
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Delete");
    await page.keyboard.type("MATCH (n:Com");
    const option = page.locator(".cm-tooltip-autocomplete li[aria-selected]");
    await option.filter({ hasText: ":Company" }).waitFor();
    // CodeMirror ignores Enter for a moment after the list changes (its interactionDelay), as for a person.
    await page.waitForTimeout(250);
    await page.keyboard.press("Enter");
    await page.keyboard.type(") RETURN n ORDER BY n.name");
    expect(await UI.editorText()).toBe("MATCH (n:Company) RETURN n ORDER BY n.name");

    await page.getByTestId("result-mode").getByText("Replace").click();
    await page.locator('[data-testid="cypher-editor"] .cm-content').click();
    await page.keyboard.press("Control+Enter");
    await UI.summaryMatching(new RegExp(`^${companies} rows · ${companies} nodes`));

    expect(await UI.tableRows()).toBe(companies);
    await expect(page.getByTestId("result-table").innerText()).resolves.toMatch(/ByteDance\s*Company/);
    const drawn = await page.evaluate(() => ({
      nodes: window.cy.nodes().length,
      labels: [...new Set(window.cy.nodes().map((node) => String(node.data("label"))))],
      bytedance: window.cy.getElementById("bytedance").nonempty(),
    }));
    expect(drawn).toEqual({ nodes: companies, labels: ["Company"], bytedance: true });

    // A node cell selects its node on the canvas.
    await page.locator('[data-testid="result-table"] .cell-node[data-node-id="huawei"]').click();
    await page.waitForFunction(() => window.cy.$(":selected").id() === "huawei");
    await page.getByTestId("details-panel").filter({ hasText: "Huawei" }).waitFor();

    // Sorting by the column header, then the other way.
    const header = page.locator('[data-testid="result-table"] .sort-button', { hasText: /^n$/ });
    const first = () => page.locator('[data-testid="result-table"] tbody tr .cell-caption').first().innerText();
    await header.click();
    const ascending = await first();
    await page.locator('[data-testid="result-table"] th[aria-sort="ascending"]').waitFor();
    await header.click();
    await expect.poll(first).not.toBe(ascending);
    expect(unexpectedProblems()).toEqual([]);
  });

  it("marks a syntax error in the editor and shows the server's CYPHER_SYNTAX with its line and column", async () => {
    await UI.setQuery("MATCH (n:Company)\nRETRUN n");
    await page.locator('[data-testid="cypher-editor"] .cm-lintRange-error').first().waitFor();

    await page.getByTestId("run-button").click();
    const error = page.getByTestId("workbench-error");
    await error.waitFor();
    await expect(page.getByTestId("error-code").innerText()).resolves.toBe("CYPHER_SYNTAX");
    await expect(page.getByTestId("error-location").innerText()).resolves.toMatch(/^Line 2, column \d+$/);
    await UI.summaryMatching(/failed/);
  });

  it("refuses a write with WRITE_FORBIDDEN, and invalid parameter JSON without sending anything", async () => {
    await UI.setQuery("CREATE (n:Company {name: 'Nope'}) RETURN n");
    await page.getByTestId("run-button").click();
    await page.getByTestId("error-code").filter({ hasText: "WRITE_FORBIDDEN" }).waitFor();
    expect(await count("MATCH (n:Company {name: 'Nope'}) RETURN count(n)")).toBe(0);

    const sent: string[] = [];
    page.on("request", (request) => {
      if (request.url().endsWith("/api/cypher")) sent.push(request.url());
    });
    await UI.setQuery("MATCH (n) WHERE n.id = $id RETURN n");
    await UI.setParams('{"id": huawei}');
    await page.getByTestId("run-button").click();
    await page
      .getByTestId("params-error")
      .filter({ hasText: /not valid JSON/ })
      .waitFor();
    await page.waitForTimeout(300);
    expect(sent).toEqual([]);
    await UI.setParams("{}");
  });

  it("cancels a slow query: says Cancelled, stops it in Neo4j, and is ready for the next one", async () => {
    await UI.setQuery(SLOW_QUERY);
    await page.getByTestId("run-button").click();
    await UI.summaryMatching(/Running/);
    await expect(page.getByTestId("run-button").isDisabled()).resolves.toBe(true);
    await page.waitForTimeout(500);
    await page.getByTestId("cancel-button").click();
    await UI.summaryMatching(/^Cancelled$/, 3_000);
    await expect(page.getByTestId("cancel-button").isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId("run-button").isEnabled()).resolves.toBe(true);

    // The server stops the query too (well before Neo4j's own timeout would).
    const stillRunning = async () =>
      (
        await session.app.driver.executeQuery("SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery")
      ).records.filter((record) => String(record.get("currentQuery")).includes("range(1, 100000000)")).length;
    const deadline = Date.now() + 5_000;
    while ((await stillRunning()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(await stillRunning()).toBe(0);

    await UI.setQuery("RETURN 1 AS one");
    await page.keyboard.press("Control+Enter");
    await UI.summaryMatching(/^1 row/);
    await expect(page.getByTestId("result-table").innerText()).resolves.toMatch(/one\s*[\s\S]*1/);
  });

  it("says when the server cut the answer short, and why", async () => {
    await UI.setQuery("UNWIND range(1, 5000) AS x RETURN x");
    await page.keyboard.press("Control+Enter");
    await UI.summaryMatching(/^1,000 rows/);
    const notice = page.getByTestId("result-truncated");
    await expect(notice.isVisible()).resolves.toBe(true);
    await expect(notice.innerText()).resolves.toMatch(/^Truncated: .*1,000/);
    expect(await UI.tableRows()).toBe(1000);
  });

  it("runs the claims-by-source library query with its parameter changed to engadget", async () => {
    await page.getByTestId("tab-library").click();
    await page.locator('[data-testid="library-item"][data-query-id="claims-by-source"]').click();
    const form = page.getByTestId("library-form");
    await form.waitFor();
    const source = page.getByTestId("library-param-source");
    await expect(source.inputValue()).resolves.toBe("reuters");
    await expect(page.getByTestId("library-param-limit").getAttribute("type")).resolves.toBe("number");
    await source.fill("engadget");
    await page.getByTestId("library-run").click();

    const expected = await count("MATCH ()-[r]->() WHERE 'engadget' IN r.sources RETURN count(r)");
    expect(expected).toBeGreaterThan(0);
    await UI.summaryMatching(new RegExp(`^${expected} rows?`));
    expect(await UI.tableRows()).toBe(expected);
    const result = await UI.resultJson();
    expect(result.rowCount).toBe(expected);
    expect(result.graph.edges.length).toBe(expected);
    for (const edge of result.graph.edges) expect(edge.data.props.sources).toContain("engadget");
    // What ran is in the editor, to adapt.
    await expect(UI.editorText()).resolves.toContain("$source IN r.sources");
    await expect(page.getByTestId("params-input").inputValue()).resolves.toContain('"engadget"');
  });

  it("keeps the history across a reload; a click loads an entry back with its parameters", async () => {
    await page.reload();
    await page.waitForFunction(() => document.body.dataset.graphState === "ready", undefined, { timeout: 30_000 });
    await UI.openWorkbench();
    await page.getByTestId("tab-history").click();
    const items = page.getByTestId("history-list-item");
    await expect(items.first().innerText()).resolves.toContain("$source IN r.sources");
    const entry = items.filter({ hasText: "RETURN 1 AS one" }).first();
    await entry.click();
    await expect(UI.editorText()).resolves.toBe("RETURN 1 AS one");
    await expect(page.getByTestId("params-input").inputValue()).resolves.toBe("{}");

    await items.first().click();
    await expect(page.getByTestId("params-input").inputValue()).resolves.toContain('"engadget"');
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("workbench").isHidden()).resolves.toBe(true);
    expect(unexpectedProblems()).toEqual([]);
  });
});
