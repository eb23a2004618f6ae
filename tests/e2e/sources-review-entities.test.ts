/**
 * Re-point and merge during the review, in Chromium with the mouse and keyboard, on a private
 * Neo4j (port 7701) holding the seed. A FICTIONAL English article names ByteDance twice without
 * the graph knowing it: by "TikTok" (the app, a node of the graph, where the company is meant)
 * and by a romanised name the graph has never seen ("Zijie Tiaodong", a candidate new entity).
 * The analyst re-points the TikTok chip to ByteDance (no alias: the mention was read wrong) and
 * merges Zijie Tiaodong into ByteDance (its name becomes an alias). Escape closes a picker and
 * gives the focus back to its button; axe's WCAG 2.2 AA rules hold with a picker open (with hits,
 * and with none), in both themes. After the commit the graph has no Zijie Tiaodong node, the
 * claims hang on ByteDance, ByteDance's aliases hold "Zijie Tiaodong" and not "TikTok", and the
 * top bar's search finds ByteDance by its new alias.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { PrivateNeo4j } from "../../scripts/neo4j/private-neo4j";
import { useAppInBrowser } from "../support/app-in-browser";
import { axeViolations } from "../support/axe";
import { pageProblems, useTopbarTool } from "../support/browser";
import { openWithToken, reviewCards } from "../support/review-cards";

/** FICTIONAL: invented statements about real names, written for this test. */
const ARTICLE = [
  "Zijie Tiaodong sources its chips from Huawei, according to Reuters.",
  "TikTok sources its servers from Huawei.",
  "Zijie Tiaodong is based in China.",
  "This report is fictional and was written for a test.",
].join(" ");
const OUTLET = "Fictional Harbour Wire";

const TOKEN = "review-entities-token";
let page: Page;
const session = useAppInBrowser({
  privateNeo4j: { name: "review-entities", boltPort: 7701 },
  env: { APP_TOKEN: TOKEN, WRITE_TOKEN: "", RATE_LIMIT_MAX: "100000" },
});

const chip = (name: string) =>
  page
    .getByTestId("intake-entity")
    .filter({ has: page.locator(".intake-chip-name", { hasText: new RegExp(`^${name}$`) }) });

async function pick(name: string, query: string, node: string): Promise<void> {
  await chip(name).getByTestId("intake-repoint").click();
  const search = chip(name).getByTestId("intake-repoint-search");
  await expect.poll(() => search.evaluate((input) => input === document.activeElement)).toBe(true);
  await page.keyboard.type(query);
  const hit = chip(name).getByTestId("intake-repoint-hit").filter({ hasText: node });
  await hit.first().waitFor({ timeout: 10_000 });
  await hit.first().click();
}

describe("re-point and merge entities during the review", () => {
  it("re-points a mention read as the wrong node, merges a new name into the right one", async () => {
    page = await openWithToken(session.browser, session.app.baseUrl, TOKEN);
    await useTopbarTool(page, "sources-button");
    await page.getByTestId("new-article").click();
    await page.getByTestId("intake-text").click();
    await page.keyboard.insertText(ARTICLE);
    await page.getByTestId("intake-title").click();
    await page.keyboard.type("Fictional: Zijie Tiaodong's chips and servers");
    await page.getByTestId("intake-outlet").click();
    await page.keyboard.type(OUTLET);
    await page.getByTestId("intake-published").click();
    await page.keyboard.type("2025-05-01");
    await page.getByTestId("intake-language").selectOption("en");
    await page.getByTestId("intake-propose").click();
    await expect.poll(() => page.getByTestId("intake-item").count(), { timeout: 30_000 }).toBeGreaterThan(2);

    // How each resolved: TikTok, a node of the graph by its name; Zijie Tiaodong, a new Company.
    await expect.poll(() => chip("TikTok").textContent()).toMatch(/graph: same name.*Re-point…/);
    expect(await chip("Zijie Tiaodong").textContent()).toMatch(/Company.*Merge into…/);
    expect(
      await chip("Zijie Tiaodong")
        .getByRole("button", { name: "Merge into… a node of the graph: Zijie Tiaodong" })
        .count(),
    ).toBe(1);
    expect(
      await chip("TikTok").getByRole("button", { name: "Re-point… TikTok to another node of the graph" }).count(),
    ).toBe(1);
    const before = (await reviewCards(page)).map((card) => card.triple);
    expect(before).toEqual(
      expect.arrayContaining(["TikTok SOURCES_FROM Huawei Technologies", "Zijie Tiaodong BASED_IN China"]),
    );

    // Escape closes a picker without a choice and gives the focus back to its button.
    await chip("TikTok").getByTestId("intake-repoint").click();
    await chip("TikTok").getByTestId("intake-repoint-search").waitFor();
    await page.keyboard.type("Byte");
    await chip("TikTok").getByTestId("intake-repoint-hit").first().waitFor({ timeout: 10_000 });
    // The review with a picker open and its hits: axe's WCAG 2.2 AA rules, both themes.
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForFunction((theme) => document.documentElement.dataset.theme === theme, scheme);
      expect(await axeViolations(page, '[data-testid="intake"]'), `picker, ${scheme} theme`).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: "light" });
    await page.keyboard.press("Escape");
    await expect.poll(() => chip("TikTok").getByTestId("intake-repoint-search").count()).toBe(0);
    expect(await page.getByTestId("intake").isVisible()).toBe(true);
    await expect
      .poll(() =>
        chip("TikTok")
          .getByTestId("intake-repoint")
          .evaluate((button) => button === document.activeElement),
      )
      .toBe(true);

    // A search the graph has no node for says so; axe holds on that picker too, both themes.
    await chip("TikTok").getByTestId("intake-repoint").click();
    await chip("TikTok").getByTestId("intake-repoint-search").waitFor();
    await page.keyboard.type("Qzxv nothing fictional");
    await chip("TikTok").getByTestId("intake-repoint-none").waitFor({ timeout: 10_000 });
    expect(await chip("TikTok").getByTestId("intake-repoint-hit").count()).toBe(0);
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForFunction((theme) => document.documentElement.dataset.theme === theme, scheme);
      expect(await axeViolations(page, '[data-testid="intake"]'), `picker without hits, ${scheme} theme`).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: "light" });
    await page.keyboard.press("Escape");
    await expect.poll(() => chip("TikTok").getByTestId("intake-repoint-search").count()).toBe(0);

    // Re-point: the claims that named TikTok name ByteDance; no alias is planned.
    await pick("TikTok", "ByteDance", "ByteDance (Company)");
    await expect.poll(() => chip("TikTok").count()).toBe(0);
    expect(await chip("ByteDance").textContent()).toContain("graph: picked by the analyst");
    expect(await chip("ByteDance").getByTestId("intake-chip-alias").count()).toBe(0);

    // Merge: Zijie Tiaodong becomes ByteDance, its name an alias at commit.
    await pick("Zijie Tiaodong", "Byte", "ByteDance (Company)");
    await expect.poll(() => chip("Zijie Tiaodong").count()).toBe(0);
    await expect
      .poll(() => chip("ByteDance").getByTestId("intake-chip-alias").textContent())
      .toBe("alias at commit: Zijie Tiaodong");
    expect(await chip("ByteDance").textContent()).toContain("merged into ByteDance");

    const after = await reviewCards(page);
    expect(after.map((card) => card.triple)).toEqual(
      expect.arrayContaining(["ByteDance SOURCES_FROM Huawei Technologies", "ByteDance BASED_IN China"]),
    );
    expect(after.map((card) => card.triple).join("\n")).not.toMatch(/TikTok|Zijie/);

    // Accept every claim (they are right now), with the mouse.
    for (const card of after) {
      await page.locator(`[data-testid="intake-item"][data-item="${card.id}"] [data-action="accept"]`).click();
    }
    await expect
      .poll(() => page.locator('[data-testid="intake-item"][data-status="accepted"]').count())
      .toBe(after.length);
    await expect.poll(() => page.getByTestId("intake-save").textContent(), { timeout: 10_000 }).toMatch(/Draft saved/);
    await page.getByTestId("intake-commit").click();
    const report = page.getByTestId("intake-report");
    await report.waitFor({ timeout: 30_000 }).catch(async (error: unknown) => {
      throw new Error(
        `no commit report (${String(error)}): ${await page.getByTestId("intake-report-slot").innerText()}`,
      );
    });
    expect(await report.locator("h3").textContent()).toBe("Committed");
    // No entity was created: ByteDance took the merged name.
    expect(await report.locator('[data-count="entities"] td').first().textContent()).toBe("0");
    expect(await report.getByTestId("intake-aliases").innerText()).toBe("Zijie Tiaodong is now an alias of ByteDance");
    // Every merge reported, by name, once each.
    await report.locator(".intake-merges-details summary").click();
    const merges = (await report.getByTestId("intake-merges").innerText()).split("\n");
    expect(merges).toContain("ByteDance: already in the graph (same id)");
    expect(new Set(merges).size).toBe(merges.length);
    expect(pageProblems(page)).toEqual([]);
  });

  it("the graph holds no duplicate: the claims are ByteDance's, its new alias is recorded, TikTok is not one", async () => {
    const { records } = await session.app.driver.executeQuery(
      `MATCH (b:Entity {id: 'bytedance'})
       RETURN b.aliases AS aliases,
              COUNT { MATCH (n:Entity) WHERE n.name = 'Zijie Tiaodong' } AS duplicates,
              COUNT { MATCH (b)-[:BASED_IN]->(:Entity {id: 'china'}) } AS basedIn,
              COUNT { MATCH (:Entity {id: 'tiktok'})-[:SOURCES_FROM]->() } AS tiktokSources`,
      {},
      { database: (session.neo4j as PrivateNeo4j).connection.database },
    );
    const row = records[0]?.toObject() as {
      aliases: string[];
      duplicates: unknown;
      basedIn: unknown;
      tiktokSources: unknown;
    };
    expect(row.aliases).toContain("Zijie Tiaodong");
    expect(row.aliases).not.toContain("TikTok");
    expect(Number(row.duplicates)).toBe(0);
    expect(Number(row.basedIn)).toBe(1);
    expect(Number(row.tiktokSources)).toBe(0);

    // The analyst finds ByteDance by its new alias.
    await page.getByTestId("intake-close").click();
    await page.getByTestId("search-input").click();
    await page.keyboard.type("Zijie Tiaodong");
    const hit = page.getByTestId("search-hit").first();
    await hit.waitFor({ timeout: 10_000 });
    expect(await hit.textContent()).toContain("ByteDance");
    expect(pageProblems(page)).toEqual([]);
    await page.close();
  });
});
