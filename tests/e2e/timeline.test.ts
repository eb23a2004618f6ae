/**
 * The story over time in Chromium (issue #20), on a private Neo4j (port 7683) holding the seed and
 * the fictional story (tests/fixtures/story/, files 01 to 06; 07 is ingested later for the watches):
 * the timeline strip stepped with the keyboard and played, the canvas at each step (which story
 * relationships are drawn, their certainty's line style, contested and denied marks, what is new),
 * the link keeping the range and the axis, the change list between two dates against the story's
 * hand-written list, its CSV, the watch badge after an ingest, axe on the strip and the panel (a
 * change selected) in both themes, and screenshots at 1366×768 and 1920×1080.
 */
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeViewState } from "../../client/src/explorer/view-url";
import { graphSchema } from "../../contract/graph-contract";
import { timelineSchema } from "../../contract/timeline-endpoints";
import { type PrivateNeo4j, startPrivateNeo4j } from "../../scripts/neo4j/private-neo4j";
import { projectRoot } from "../../scripts/project-root";
import { withArticleText } from "../../scripts/seed/seed-database";
import { ingestClaims } from "../../server/src/claims/ingest-claims";
import { createDriver } from "../../server/src/neo4j/create-driver";
import { Neo4jDatabase } from "../../server/src/neo4j/neo4j-database";
import { axeViolations } from "../support/axe";
import { elementPosition, launchBrowser, openApp, pageProblems, useTopbarTool } from "../support/browser";
import { type RunningApp, startTestApp } from "../support/test-app";

const STORY = join(projectRoot, "tests", "fixtures", "story");
const SHOTS = process.env.TIMELINE_SHOTS ?? join(tmpdir(), "timeline-shots");

let neo4j: PrivateNeo4j | undefined;
let app: RunningApp | undefined;
let browser: Browser | undefined;
let page: Page;

async function ingestStoryFile(name: string): Promise<void> {
  if (!neo4j) throw new Error("no Neo4j");
  const driver = createDriver(neo4j.connection);
  try {
    const { file } = withArticleText(readFileSync(join(STORY, name), "utf8"), join(STORY, "articles"));
    const report = await ingestClaims(
      new Neo4jDatabase(driver, { database: neo4j.connection.database, queryTimeoutMs: 60_000 }),
      file,
    );
    if (!report.written) throw new Error(`${name} was not ingested: ${JSON.stringify(report.problems)}`);
  } finally {
    await driver.close();
  }
}

beforeAll(async () => {
  neo4j = await startPrivateNeo4j({ name: "timeline-ui", boltPort: 7683 });
  const files = readdirSync(STORY)
    .filter((name) => /^0[1-6]-.*\.json$/.test(name))
    .sort();
  expect(files).toHaveLength(6);
  for (const name of files) await ingestStoryFile(name);
  app = await startTestApp({ neo4j: neo4j.connection, env: { APP_TOKEN: "", RATE_LIMIT_MAX: "100000" } });
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await neo4j?.stop();
}, 120_000);

const baseUrl = () => (app as RunningApp).baseUrl;
/** Waits for what the page shows: the machine runs other suites too, so give the server time. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000 });

/** The story's relationships (their claims ids) as the canvas draws them. */
const STORY_RELATIONSHIPS = {
  ordered: "velmora-ordered-quillon-qx9",
  makes: "quillon-makes-quillon-qx9",
  sourcesFrom: "velmora-sources-from-quillon",
  imposes: "ostrelia-imposes-ostrelia-export-rule-14",
  restricts: "ostrelia-export-rule-14-restricts-quillon-qx9",
} as const;

interface DrawnEdge {
  certainty: string;
  line: string;
  contested: boolean;
  fresh: boolean;
  denied: boolean;
}

/**
 * The story's relationships drawn, by claims id: certainty, line as drawn, contested, new, denied.
 * Zoomed out, dotted lines are drawn as dashes shorter than their gaps (client/src/canvas/
 * screen-dashes.ts): those read as dotted, dashes longer than their gaps as dashed.
 */
const storyEdges = (target: Page): Promise<Record<string, DrawnEdge>> =>
  target.evaluate((ids) => {
    const found: Record<string, DrawnEdge> = {};
    const lineOf = (style: string, pattern: unknown): string => {
      if (style !== "dashed") return style;
      const [dash, gap] = (Array.isArray(pattern) ? pattern : String(pattern).split(/\s+/)).map((part) =>
        Number.parseFloat(String(part)),
      );
      return dash !== undefined && gap !== undefined && dash < gap ? "dotted" : "dashed";
    };
    window.cy.edges().forEach((edge) => {
      const id = edge.data("props")?.id as string | undefined;
      if (!id || !ids.includes(id)) return;
      found[id] = {
        certainty: String(edge.data("props").certainty),
        line: lineOf(String(edge.style("line-style")), edge.style("line-dash-pattern")),
        contested: edge.hasClass("contested"),
        fresh: edge.hasClass("timeline-new"),
        denied: edge.hasClass("timeline-denied"),
      };
    });
    return found;
  }, Object.values(STORY_RELATIONSHIPS) as string[]);

const edge = (certainty: string, marks: Partial<Omit<DrawnEdge, "certainty" | "line">> = {}): DrawnEdge => ({
  certainty,
  line: { confirmed: "solid", reported: "dashed", speculative: "dotted" }[certainty] ?? "?",
  contested: false,
  fresh: false,
  denied: false,
  ...marks,
});

/** What the API says was known on a day, to compare the canvas with. */
async function knownOn(day: string): Promise<{ nodes: string[]; edges: string[] }> {
  const response = await fetch(`${baseUrl()}/api/graph?knownAt=${day}`);
  const graph = graphSchema.parse(await response.json());
  return { nodes: graph.nodes.map((node) => node.data.id).sort(), edges: graph.edges.map((e) => e.data.id).sort() };
}
const drawn = (target: Page) =>
  target.evaluate(() => ({
    nodes: window.cy
      .nodes()
      .map((node) => node.id())
      .sort(),
    edges: window.cy
      .edges()
      .map((edge) => edge.id())
      .sort(),
  }));

const rangeText = (target: Page) => target.getByTestId("timeline-range").innerText();
const waitForRange = (target: Page, text: string) =>
  expect.poll(() => rangeText(target), { timeout: 20_000 }).toBe(text);

/** Opens the strip from the time bar and waits for its articles. */
async function openStrip(target: Page): Promise<number> {
  await target.getByTestId("timeline-toggle").click();
  await expect.poll(() => target.getByTestId("timeline-article").count(), { timeout: 20_000 }).toBeGreaterThan(0);
  return target.getByTestId("timeline-article").count();
}

describe("the timeline strip in Chromium", () => {
  it("puts every dated article on the strip, with its title and outlet on hover, and leaves the canvas most of a 1366×768 window", async () => {
    page = await openApp(browser as Browser, baseUrl());
    await page.setViewportSize({ width: 1366, height: 768 });
    const timeline = timelineSchema.parse(await (await fetch(`${baseUrl()}/api/timeline`)).json());
    const dated = timeline.articles.filter((article) => article.publishedAt !== null);
    expect(dated.length).toBeGreaterThanOrEqual(6);
    await expect(openStrip(page)).resolves.toBe(dated.length);
    await expect(page.getByTestId("timeline-empty").isHidden()).resolves.toBe(true);

    const first = page.locator('[data-testid="timeline-article"][data-article="story-northwind-order-2021"]');
    const box = await first.boundingBox();
    if (!box) throw new Error("the first story article has no mark");
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await poll(() => page.getByTestId("timeline-tip").innerText()).toContain("Velmora orders QX-9");
    await expect(page.getByTestId("timeline-tip").innerText()).resolves.toContain("Northwind Wire");

    const canvas = await page.getByTestId("canvas").boundingBox();
    const strip = await page.getByTestId("timeline-strip").boundingBox();
    if (!canvas || !strip) throw new Error("no canvas or strip");
    // Under the canvas, not over it; the canvas keeps at least 80% of the workspace's height.
    expect(canvas.y + canvas.height).toBeLessThanOrEqual(strip.y + 1);
    expect(canvas.height / (canvas.height + strip.height)).toBeGreaterThan(0.8);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, "strip-1366x768.png") });
    expect(pageProblems(page)).toEqual([]);
  });

  it("steps the story article by article with the arrow keys: the canvas shows what was known, restyles and marks at each step", async () => {
    const first = page.locator('[data-testid="timeline-article"][data-article="story-northwind-order-2021"]');
    const box = await first.boundingBox();
    if (!box) throw new Error("the first story article has no mark");
    const graphReads: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.pathname === "/api/graph") graphReads.push(url.searchParams.get("knownAt") ?? "today");
    });
    const readsOf = (day: string) => graphReads.filter((read) => read === day).length;
    // A click on an article's mark shows what was known on its day.
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await waitForRange(page, "2021-03-02");
    // The next article's day is read while the analyst looks at this one, and the step uses that read.
    await poll(() => readsOf("2021-03-03")).toBe(1);
    expect(await drawn(page)).toEqual(await knownOn("2021-03-02"));
    expect(await storyEdges(page)).toEqual({
      [STORY_RELATIONSHIPS.ordered]: edge("reported", { fresh: true }),
      [STORY_RELATIONSHIPS.makes]: edge("confirmed", { fresh: true }),
      [STORY_RELATIONSHIPS.sourcesFrom]: edge("speculative", { fresh: true }),
    });
    await expect(page.getByTestId("timeline-track").evaluate((node) => node === document.activeElement)).resolves.toBe(
      true,
    );

    // The republished story and the copy: the same relationships, nothing new.
    for (const day of ["2021-03-03", "2021-03-04"]) {
      await page.keyboard.press("ArrowRight");
      await waitForRange(page, day);
      expect(readsOf(day)).toBe(1);
      expect(await storyEdges(page)).toEqual({
        [STORY_RELATIONSHIPS.ordered]: edge("reported"),
        [STORY_RELATIONSHIPS.makes]: edge("confirmed"),
        [STORY_RELATIONSHIPS.sourcesFrom]: edge("speculative"),
      });
    }

    // The rule: two relationships appear, new.
    await page.keyboard.press("ArrowRight");
    await waitForRange(page, "2021-09-15");
    expect(await drawn(page)).toEqual(await knownOn("2021-09-15"));
    expect(await storyEdges(page)).toEqual({
      [STORY_RELATIONSHIPS.ordered]: edge("reported"),
      [STORY_RELATIONSHIPS.makes]: edge("confirmed"),
      [STORY_RELATIONSHIPS.sourcesFrom]: edge("speculative"),
      [STORY_RELATIONSHIPS.imposes]: edge("confirmed", { fresh: true }),
      [STORY_RELATIONSHIPS.restricts]: edge("confirmed", { fresh: true }),
    });

    // A second outlet on its own: another quantity contests the order; the supply is now reported.
    await page.keyboard.press("ArrowRight");
    await waitForRange(page, "2022-02-10");
    expect(await storyEdges(page)).toMatchObject({
      [STORY_RELATIONSHIPS.ordered]: edge("reported", { contested: true }),
      [STORY_RELATIONSHIPS.sourcesFrom]: edge("reported"),
    });

    // The denial: the supply is contested and faded (its latest claim denies it).
    await page.keyboard.press("ArrowRight");
    await waitForRange(page, "2022-11-20");
    expect(await drawn(page)).toEqual(await knownOn("2022-11-20"));
    expect(await storyEdges(page)).toMatchObject({
      [STORY_RELATIONSHIPS.sourcesFrom]: edge("reported", { contested: true, denied: true }),
      [STORY_RELATIONSHIPS.restricts]: edge("confirmed"),
    });
    const faded = await page.evaluate(
      (id) =>
        Number(
          window.cy
            .edges()
            .filter((item) => item.data("props")?.id === id)
            .style("opacity"),
        ),
      STORY_RELATIONSHIPS.sourcesFrom,
    );
    expect(faded).toBeLessThan(0.5);

    // With Shift the range's start moves: back to the rule's day, the range spans to the denial.
    await page.keyboard.press("Shift+ArrowLeft");
    await page.keyboard.press("Shift+ArrowLeft");
    await waitForRange(page, "2021-09-15 → 2022-11-20");
    expect(pageProblems(page)).toEqual([]);
  });

  it("keeps the range and the axis in the link: a new page opens on them, strip open", async () => {
    await page.waitForFunction(() => document.body.dataset.viewUrl === "current");
    const state = await decodeViewState(new URL(page.url()).hash);
    expect(state).toMatchObject({ knownAt: "2022-11-20", timelineFrom: "2021-09-15" });
    const again = await openApp(browser as Browser, page.url());
    await expect.poll(() => again.getByTestId("timeline-strip").isVisible(), { timeout: 20_000 }).toBe(true);
    await waitForRange(again, "2021-09-15 → 2022-11-20");
    // New in the range: the rule's relationships (first reported 2021-09-15), not the order (2021-03-02).
    await poll(async () => (await storyEdges(again))[STORY_RELATIONSHIPS.imposes]?.fresh).toBe(true);
    expect((await storyEdges(again))[STORY_RELATIONSHIPS.ordered]?.fresh).toBe(false);
    expect(await drawn(again)).toEqual(await knownOn("2022-11-20"));
    await again.close();
  });

  it("plays the timeline article by article and stops at the last", async () => {
    const timeline = timelineSchema.parse(await (await fetch(`${baseUrl()}/api/timeline`)).json());
    const days = [
      ...new Set(
        timeline.articles
          .filter((article) => article.publishedAt !== null)
          .map((article) => (article.publishedAt as string).padEnd(10, "-01").slice(0, 10))
          .sort(),
      ),
    ];
    await page.keyboard.press("End");
    await waitForRange(page, days.at(-1) as string);
    await page.evaluate(() => {
      const seen: string[] = [];
      const times: number[] = [];
      Object.assign(window, { seen, times });
      const output = document.querySelector("[data-testid=timeline-range]") as HTMLElement;
      new MutationObserver(() => {
        seen.push(output.textContent ?? "");
        times.push(performance.now());
      }).observe(output, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    await page.getByTestId("timeline-speed").selectOption("4");
    await page.getByTestId("timeline-play").click();
    await poll(() => page.getByTestId("timeline-play").innerText()).toBe("Pause");
    await expect
      .poll(() => page.getByTestId("timeline-play").innerText(), { timeout: 60_000, interval: 250 })
      .toBe("Play");
    const { seen, times } = await page.evaluate(() => {
      const { seen, times } = window as unknown as { seen: string[]; times: number[] };
      return { seen, times };
    });
    expect([...new Set(seen)]).toEqual(days);
    // Printed, not asserted: each step after the first is the 250 ms pause (4 articles/s), then the
    // as-of graph fetched and the canvas redrawn; what is above 250 ms is the fetch and the redraw.
    const steps = times.slice(1).map((time, index) => Math.round(time - (times[index] as number) - 250));
    console.log(`timeline step, fetch + redraw (ms, seed + story): ${steps.join(", ")}`);
    expect(await drawn(page)).toEqual(await knownOn(days.at(-1) as string));
    expect(pageProblems(page)).toEqual([]);
  });
});

describe("the held-on axis", () => {
  it("fades a relationship whose validity ended instead of taking it off, and says when it ended", async () => {
    // A page of its own: the specs after this one go on with the first page as it was.
    const held = await openApp(browser as Browser, baseUrl());
    await held.setViewportSize({ width: 1366, height: 768 });
    await openStrip(held);
    const restricts = STORY_RELATIONSHIPS.restricts;
    const ended = () =>
      held.evaluate((id) => {
        const edge = window.cy.edges().filter((item) => item.data("props")?.id === id);
        return edge.empty()
          ? null
          : { ended: edge.hasClass("timeline-ended"), opacity: Number(edge.style("opacity")), id: edge.id() };
      }, restricts);
    await held.locator('.time-mode[data-mode="held"]').click();
    await poll(() => held.locator('.time-mode[data-mode="held"]').getAttribute("aria-pressed")).toBe("true");
    // While the rule holds (September 2021 to June 2022), its restriction is drawn as usual.
    const gazette = held.locator('[data-testid="timeline-article"][data-article="story-harbour-gazette-order-2022"]');
    await gazette.click();
    await waitForRange(held, "2022-02-10");
    await poll(() => ended()).toMatchObject({ ended: false, opacity: 1 });
    // After 30 June 2022 it no longer holds: the API leaves it out, the canvas keeps it, faded.
    await held.keyboard.press("ArrowRight");
    await waitForRange(held, "2022-11-20");
    await poll(() => ended().then((edge) => edge?.ended)).toBe(true);
    expect((await ended())?.opacity).toBeLessThan(0.5);
    const graph = graphSchema.parse(await (await fetch(`${baseUrl()}/api/graph?holdsAt=2022-11-20`)).json());
    expect(graph.edges.some((item) => item.data.props.id === restricts)).toBe(false);
    // The denied supply fades too.
    expect((await storyEdges(held))[STORY_RELATIONSHIPS.sourcesFrom]?.denied).toBe(true);
    await poll(() => held.getByTestId("status").textContent()).toMatch(/faded: no longer holding then/);
    // Its panel gives the day it ended.
    const at = await elementPosition(held, (await ended())?.id as string);
    await held.mouse.click(at.x, at.y);
    await poll(() => held.getByTestId("details-panel").innerText()).toContain("2022-06-30");
    await held.screenshot({ path: join(SHOTS, "held-ended-1366x768.png") });
    // Back on the known axis, nothing is faded for its validity.
    await held.locator('.time-mode[data-mode="known"]').click();
    await poll(() => ended().then((edge) => edge?.ended)).toBe(false);
    expect(pageProblems(held)).toEqual([]);
    await held.close();
  });
});

interface ExpectedChange {
  kind: string;
  relationshipId: string | null;
  entityIds: string[];
}
interface ExpectedPair {
  query: { from: string; to: string; axis: string };
  changes: ExpectedChange[];
}
const expected = JSON.parse(readFileSync(join(STORY, "expected-changes.json"), "utf8")) as { pairs: ExpectedPair[] };

/** The change list as the panel shows it: kind and relationship (or entity) of each item, in order. */
const listed = (target: Page) =>
  target.getByTestId("change-item").evaluateAll((items) =>
    items.map((item) => ({
      kind: (item as HTMLElement).dataset.kind,
      relationshipId: (item as HTMLElement).dataset.relationship ?? null,
    })),
  );

async function compare(target: Page, from: string, to: string): Promise<void> {
  await target.getByTestId("changes-from").fill(from);
  await target.getByTestId("changes-to").fill(to);
  await target.getByTestId("changes-run").click();
}

describe("what changed between two dates", () => {
  it("lists the changes between two dates, grouped by kind, as the story's hand-written list has them", async () => {
    await page.getByTestId("timeline-compare").click();
    await poll(() => page.getByTestId("changes-panel").isVisible()).toBe(true);
    for (const pair of expected.pairs) {
      await compare(page, pair.query.from, pair.query.to);
      await expect
        .poll(() => page.getByTestId("changes-summary").innerText(), { timeout: 20_000 })
        .toContain(`on ${pair.query.from} and on ${pair.query.to}`);
      const want = pair.changes.map((change) => ({ kind: change.kind, relationshipId: change.relationshipId }));
      // Grouped by kind in the contract's order, each group in the server's order.
      const order = [
        "new-relationship",
        "certainty-raised",
        "certainty-lowered",
        "newly-corroborated",
        "newly-contested",
        "denied",
        "validity-ended",
        "new-entity",
        "alias-merged",
      ];
      const grouped = order.flatMap((kind) => want.filter((change) => change.kind === kind));
      expect(await listed(page)).toEqual(grouped);
    }
    await expect(page.getByTestId("change-claim").count()).resolves.toBeGreaterThan(0);
    await expect(page.getByTestId("change-claim").first().innerText()).resolves.toMatch(/reported \d{4}/);
  });

  it("marks a change picked on the canvas", async () => {
    const denied = page.locator('[data-testid="change-item"][data-kind="denied"] [data-testid="change-pick"]');
    await denied.click();
    await expect(denied.getAttribute("aria-pressed")).resolves.toBe("true");
    const marked = await page.evaluate(() =>
      window.cy
        .elements(".change-mark")
        .map((element) => (element.isEdge() ? String(element.data("props")?.id) : element.id()))
        .sort(),
    );
    expect(marked).toEqual(["quillon", "velmora", STORY_RELATIONSHIPS.sourcesFrom].sort());
  });

  it("says when the dates were swapped or lie in the future", async () => {
    await compare(page, "2022-12-31", "2021-12-31");
    await poll(() => page.getByTestId("changes-notices").innerText()).toMatch(/swap/i);
    await expect(page.getByTestId("changes-summary").innerText()).resolves.toContain("on 2021-12-31 and on 2022-12-31");
    await compare(page, "2021-12-31", "2999-01-01");
    await poll(() => page.getByTestId("changes-notices").innerText()).toMatch(/future|today/i);
  });

  it("exports the list as a CSV evidence table, UTF-8 with a byte order mark", async () => {
    await compare(page, "2021-12-31", "2022-12-31");
    await poll(() => page.getByTestId("changes-summary").innerText()).toContain("on 2022-12-31");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("changes-export").click()]);
    expect(download.suggestedFilename()).toBe("changes-known-2021-12-31-to-2022-12-31.csv");
    const path = await download.path();
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^change,what,relationship type,before,after,claim reported,outlet,/);
    expect(lines.some((line) => line.startsWith("Denied,") && line.includes("Velmora press office"))).toBe(true);
  });

  it("passes axe on the strip and the change panel, a change selected, in both themes; screenshots at 1366×768 and 1920×1080", async () => {
    // A change picked: its button pressed, the canvas marking it.
    const pick = page.locator('[data-testid="change-item"][data-kind="denied"] [data-testid="change-pick"]');
    await pick.click();
    await poll(() => pick.getAttribute("aria-pressed")).toBe("true");
    for (const theme of ["light", "dark"]) {
      if (theme === "dark") await useTopbarTool(page, "theme-button");
      await poll(() => page.evaluate(() => document.documentElement.dataset.theme ?? "light")).toBe(theme);
      expect(await axeViolations(page, "[data-testid=timeline-strip]")).toEqual([]);
      expect(await axeViolations(page, "[data-testid=changes-panel]")).toEqual([]);
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.screenshot({ path: join(SHOTS, `changes-${theme}-1366x768.png`) });
      await page.setViewportSize({ width: 1920, height: 1080 });
      await page.screenshot({ path: join(SHOTS, `changes-${theme}-1920x1080.png`) });
    }
    await useTopbarTool(page, "theme-button");
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByTestId("changes-close").click();
  });
});

describe("watches", () => {
  it("counts what changed for a watched node after an ingest; removed ones are listed as removed; 'Mark seen' clears the badge", async () => {
    await page.keyboard.press("End");
    // Back to today, so every node is drawn.
    await page.getByTestId("time-now").click();
    await poll(() => rangeText(page)).toMatch(/^(.* → )?today$/i);
    const at = await elementPosition(page, "velmora");
    await page.mouse.click(at.x, at.y);
    const watch = page.getByTestId("details-panel").getByTestId("watch-button");
    await expect(watch.innerText()).resolves.toBe("Watch");
    await watch.click();
    await poll(() => watch.innerText()).toBe("Watching");
    // The details sheet may cover the other node: close it and fit the graph first.
    await page.getByLabel("Close details").click();
    await page.getByTestId("fit-button").click();
    await poll(() => page.getByTestId("details-panel").isHidden()).toBe(true);
    await expect
      .poll(
        () =>
          elementPosition(page, "ostrelia").then(
            () => true,
            () => false,
          ),
        { timeout: 10_000 },
      )
      .toBe(true);
    const other = await elementPosition(page, "ostrelia");
    await page.mouse.click(other.x, other.y);
    await page.getByTestId("details-panel").getByTestId("watch-button").click();
    await poll(() => page.getByTestId("details-panel").getByTestId("watch-button").innerText()).toBe("Watching");
    await expect(page.getByTestId("watch-count").isHidden()).resolves.toBe(true);

    await ingestStoryFile("07-ledger-after.json");
    // A watched node deleted meanwhile (by another tool): listed as removed, not an error.
    const driver = createDriver((neo4j as PrivateNeo4j).connection);
    try {
      await driver.executeQuery(
        "MATCH (n {id: $id}) DETACH DELETE n",
        { id: "ostrelia" },
        {
          database: (neo4j as PrivateNeo4j).connection.database,
        },
      );
    } finally {
      await driver.close();
    }

    await page.getByTestId("watch-changes").click();
    await expect.poll(() => page.getByTestId("watch-count").innerText(), { timeout: 20_000 }).not.toBe("0");
    await expect(page.getByTestId("watch-count").isVisible()).resolves.toBe(true);
    const items = await page
      .getByTestId("watch-panel")
      .getByTestId("change-item")
      .evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).dataset.kind));
    expect(items).toContain("new-relationship");
    await expect(page.getByTestId("watch-panel").innerText()).resolves.toContain("CO_DEVELOPS");
    await expect(page.getByTestId("watch-removed").innerText()).resolves.toMatch(/Removed: .*Ostrelia/);
    expect(await axeViolations(page, "[data-testid=watch-panel]")).toEqual([]);
    await page.screenshot({ path: join(SHOTS, "watches-1366x768.png") });

    await page.getByTestId("watch-seen").click();
    await poll(() => page.getByTestId("watch-count").isHidden()).toBe(true);
    expect(pageProblems(page)).toEqual([]);
  });
});
