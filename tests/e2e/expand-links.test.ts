/**
 * Expanding a node whose neighbours are densely joined (decision 0006, "links among a hub's top
 * neighbours"): the answer carries at most expansionLinkCap relationships among the new neighbours
 * (100 for up to 50 neighbours), the status line says more were left out, and its button adds them
 * all. On a private Neo4j (7712) holding the seed and a fictional cartel: a hub with eight members,
 * each member supplying and owning every other one (112 relationships among them, over the 100 an
 * expansion of eight sends).
 * Set EXPAND_SHOTS=/some/dir to keep screenshots at 1366x768 and 1920x1080.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import neo4j from "neo4j-driver";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { ALL_LINKS } from "../../client/src/expand/node-expander";
import { MORE_LINKS_NOTE } from "../../client/src/explorer/add-commands";
import { expansionLinkCap } from "../../contract/request-schemas";
import { createDriver } from "../../server/src/neo4j/create-driver";
import { useAppInBrowser } from "../support/app-in-browser";
import { axeViolations } from "../support/axe";
import { clickElement, pageProblems, startFrom } from "../support/browser";

const SHOTS = process.env.EXPAND_SHOTS;
const MEMBERS = 8;
const AMONG = MEMBERS * (MEMBERS - 1) * 2;
const HUB = "fictional-cartel-hub";

const session = useAppInBrowser({ privateNeo4j: { name: "expand-links", boltPort: 7712 } });

beforeAll(async () => {
  const driver = createDriver((session.neo4j as NonNullable<typeof session.neo4j>).connection);
  try {
    await driver.executeQuery(
      `CREATE (hub:Company:Entity {id: $hub, name: 'Fictional Cartel Hub'})
       WITH hub
       UNWIND range(1, $members) AS i
       CREATE (:Company:Entity {id: 'fictional-cartel-' + i, name: 'Fictional Member ' + i})-[:SOURCES_FROM]->(hub)`,
      { hub: HUB, members: neo4j.int(MEMBERS) },
    );
    await driver.executeQuery(
      `MATCH (a:Entity), (b:Entity)
       WHERE a.id STARTS WITH 'fictional-cartel-' AND b.id STARTS WITH 'fictional-cartel-'
         AND a.id <> b.id AND a.id <> $hub AND b.id <> $hub
       CREATE (a)-[:SOURCES_FROM]->(b), (a)-[:OWNS]->(b)`,
      { hub: HUB },
    );
  } finally {
    await driver.close();
  }
});

async function shoot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: join(SHOTS, `${name}-${width}x${height}.png`) });
  }
}

describe("expanding a node whose neighbours are densely joined", () => {
  it("sends up to the cap of links among them, says more were left out, and adds the rest on request", async () => {
    const page = await session.open();
    await page.setViewportSize({ width: 1366, height: 768 });
    await startFrom(page, [HUB]);
    await clickElement(page, HUB, 2);
    const status = page.getByTestId("status");
    await status.filter({ hasText: /^Added/ }).waitFor();
    const cap = expansionLinkCap(MEMBERS);
    expect(await page.getByTestId("status-text").innerText()).toBe(
      `Added ${MEMBERS} nodes, ${MEMBERS + cap} relationships${MORE_LINKS_NOTE}`,
    );
    expect(await page.evaluate(() => window.cy.edges().length)).toBe(MEMBERS + cap);
    const button = page.getByTestId("status-action");
    expect(await button.innerText()).toBe(ALL_LINKS);
    await page.evaluate(() => window.cy.fit());
    await shoot(page, "expand-links-capped");
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(await axeViolations(page, "#status")).toEqual([]);

    await button.click();
    await status.filter({ hasText: `Added 0 nodes, ${AMONG - cap} relationships` }).waitFor();
    expect(await page.evaluate(() => window.cy.edges().length)).toBe(MEMBERS + AMONG);
    expect(await button.count()).toBe(0);
    await shoot(page, "expand-links-all");

    // One step each: undo takes the added links back, then the expansion.
    await page.keyboard.press("Control+z");
    await expect.poll(() => page.evaluate(() => window.cy.edges().length)).toBe(MEMBERS + cap);
    expect(pageProblems(page)).toEqual([]);
  });
});
