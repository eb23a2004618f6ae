/**
 * Corroborated and contested relationships in Chromium, on a private Neo4j holding the seed and the
 * fictional later report: the canvas marks, the details panel's claims with the two sides of a
 * contest side by side, and the legend's claim filters with undo and the link.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { decodeViewState } from "../../client/src/explorer/view-url";
import { clickElement, edgeId, pageProblems } from "../support/browser";
import { useClaimsAppInBrowser } from "../support/claims-app-in-browser";

const session = useClaimsAppInBrowser();
let page: Page;

/** Clicks a relationship and checks the click reached it (a missed click fails here, not in a panel timeout). */
async function selectEdge(target: Page, source: string, type: string, to: string): Promise<void> {
  const id = await edgeId(target, source, type, to);
  await clickElement(target, id);
  await target.waitForFunction((edge) => window.cy.getElementById(edge).selected(), id, { timeout: 5_000 });
}

const shownEdges = (target: Page): Promise<string[]> =>
  target.evaluate(() =>
    window.cy
      .edges()
      // style() applies a style change not drawn yet; visible() alone may answer from before it.
      .filter((edge) => edge.style("display") !== "none" && edge.visible())
      .map((edge) => `${edge.data("source")} ${edge.data("type")} ${edge.data("target")}`)
      .sort(),
  );

describe("a contested relationship in Chromium", () => {
  it("draws contested relationships marked and corroborated ones wider, and the legend counts them", async () => {
    page = await session.open();
    const marked = await page.evaluate(() => {
      const describe = (selector: string) =>
        window.cy
          .edges(selector)
          .map((edge) => `${edge.data("source")} ${edge.data("type")} ${edge.data("target")}`)
          .sort();
      const ordered = window.cy.edges('[type = "ORDERED"]');
      const single = window.cy.edges('[type = "MAKES"]').first();
      return {
        contested: describe(".contested"),
        corroborated: describe(".corroborated"),
        orderedWidth: Number.parseFloat(ordered.style("width")),
        singleWidth: Number.parseFloat(single.style("width")),
        orderedLabel: String(ordered.style("label")),
      };
    });
    expect(marked.contested).toEqual(["bytedance ORDERED ascend-910b", "huawei CO_DEVELOPS bytedance-huawei-ai-model"]);
    // Reuters and the Ledger; the Syndicate republishes the Ledger and counts once with it.
    expect(marked.corroborated).toContain("bytedance SOURCES_FROM huawei");
    expect(marked.orderedWidth).toBeGreaterThan(marked.singleWidth);
    expect(marked.orderedLabel).toMatch(/ordered\s+⚠ contested/);

    const legend = page.getByTestId("legend-claims");
    await expect(legend.getByTestId("legend-contestedOnly").getByTestId("legend-count").innerText()).resolves.toBe("2");
    await expect(legend.getByTestId("legend-corroboratedOnly").getByTestId("legend-count").innerText()).resolves.toBe(
      String(marked.corroborated.length),
    );
    expect(pageProblems(page)).toEqual([]);
  });

  it("shows the two sides of a different delivered quantity side by side, with their sources, grades and dates", async () => {
    await selectEdge(page, "bytedance", "ORDERED", "ascend-910b");
    const panel = page.getByTestId("details-panel");
    await panel.getByTestId("claim-list").waitFor();
    await expect(panel.getByTestId("contested-badge").innerText()).resolves.toMatch(/contested/);
    await expect(panel.getByTestId("independent-sources").innerText()).resolves.toBe("2 independent sources");

    const contest = panel.getByTestId("contest");
    await expect(contest.getAttribute("data-kind")).resolves.toBe("quantity");
    const sides = contest.getByTestId("contest-side");
    await expect(sides.count()).resolves.toBe(2);
    const [first, second] = [await sides.nth(0).innerText(), await sides.nth(1).innerText()];
    expect(first).toMatch(/delivered 30,000[\s\S]*F[\s\S]*ByteDance s'appuie sur Huawei[\s\S]*2024/);
    expect(second).toMatch(/delivered 20,000[\s\S]*B[\s\S]*The Fictional Ledger[\s\S]*2025-03-10/);
    // Side by side: the second side starts level with the first, to its right.
    const [left, right] = [await sides.nth(0).boundingBox(), await sides.nth(1).boundingBox()];
    expect(right?.x).toBeGreaterThan((left?.x ?? 0) + (left?.width ?? 0) - 1);
    expect(Math.abs((right?.y ?? 0) - (left?.y ?? 0))).toBeLessThan(2);

    // The seed's order (reported) and its stated delivery (confirmed) are two claims; then the later report.
    const claims = panel.getByTestId("claim");
    await expect(claims.count()).resolves.toBe(3);
    await expect(claims.nth(0).getByTestId("claim-quote").innerText()).resolves.toContain("aurait commandé");
    const french = claims.nth(1);
    await expect(french.getByTestId("source-grade").innerText()).resolves.toBe("F");
    await expect(french.getByTestId("claim-quote").getAttribute("lang")).resolves.toBe("fr");
    await expect(french.getByTestId("claim-quote").innerText()).resolves.toContain("reçu 30 000 puces");
    await expect(french.getByTestId("claim-quote-en").innerText()).resolves.toContain("received 30,000");
    await expect(french.getByTestId("claim-note").innerText()).resolves.toMatch(/^Curator's note[\s\S]*indicative/);
    await expect(claims.nth(2).innerText()).resolves.toMatch(/The Fictional Ledger[\s\S]*2025-03-10/);
    expect(pageProblems(page)).toEqual([]);
  });

  it("shows a denial against the assertion, the denial quoted in Chinese with its English rendering", async () => {
    await selectEdge(page, "huawei", "CO_DEVELOPS", "bytedance-huawei-ai-model");
    const panel = page.getByTestId("details-panel");
    await panel.getByTestId("claim-list").waitFor();
    const contest = panel.getByTestId("contest");
    await expect(contest.getAttribute("data-kind")).resolves.toBe("denial");
    const sides = contest.getByTestId("contest-side");
    await expect(sides.nth(0).innerText()).resolves.toMatch(/^asserts/);
    await expect(sides.nth(1).innerText()).resolves.toMatch(/^denies[\s\S]*Huawei press office[\s\S]*2025-03-10/);
    const denial = panel.locator('[data-testid="claim"]:has([data-testid="claim-denies"])');
    await expect(denial.getByTestId("claim-quote").getAttribute("lang")).resolves.toBe("zh");
    await expect(denial.getByTestId("claim-quote").innerText()).resolves.toContain("华为没有与字节跳动共同开发");
    await expect(denial.getByTestId("claim-quote-en").innerText()).resolves.toMatch(/not co-developing any AI model/);
  });

  it("labels each relationship's evidence with the language its quote is in", async () => {
    // What is checked here is the panel, not the click (the other specs click): select by id.
    const show = async (source: string, type: string, target: string) => {
      const id = await edgeId(page, source, type, target);
      await page.evaluate((edge) => {
        window.cy.elements(":selected").unselect();
        window.cy.getElementById(edge).select();
      }, id);
    };
    const panel = page.getByTestId("details-panel");
    await show("huawei", "MAKES", "ascend-910c");
    await panel.getByText("Verbatim, English original").waitFor();
    await expect(panel.getByTestId("evidence-fr").getAttribute("lang")).resolves.toBe("en");
    await show("bytedance", "SOURCES_FROM", "huawei");
    await panel.getByText("Verbatim, French original").waitFor();
    await expect(panel.getByTestId("evidence-fr").getAttribute("lang")).resolves.toBe("fr");
  });

  it("filters to only contested relationships from the legend, undoes it, and keeps it in the link", async () => {
    await page.getByRole("button", { name: "Close details" }).click();
    await page.getByTestId("details-panel").waitFor({ state: "hidden" });
    const everything = await shownEdges(page);
    const row = page.getByTestId("legend-contestedOnly");
    await row.click();
    // The legend marks the row once the filter is on the canvas: read what is shown after that.
    await page.waitForFunction(
      () => document.querySelector('[data-testid="legend-contestedOnly"]')?.getAttribute("aria-pressed") === "true",
    );
    await expect
      .poll(() => shownEdges(page))
      .toEqual(["bytedance ORDERED ascend-910b", "huawei CO_DEVELOPS bytedance-huawei-ai-model"]);
    // The link follows the view once changes settle ("current" names the view with the filter on).
    await page.waitForFunction(() => document.body.dataset.viewUrl === "current");
    const { hash } = new URL(page.url());
    expect((await decodeViewState(hash)).filters.contestedOnly).toBe(true);

    await page.keyboard.press("Control+z");
    await page.waitForFunction(
      () => document.querySelector('[data-testid="legend-contestedOnly"]')?.getAttribute("aria-pressed") === "false",
    );
    await expect.poll(() => shownEdges(page)).toEqual(everything);

    // The link opens with the filter on.
    const linked = await session.open(hash);
    await expect.poll(() => shownEdges(linked)).toHaveLength(2);
    expect(pageProblems(linked)).toEqual([]);
    await linked.close();
    expect(pageProblems(page)).toEqual([]);
  });
});
