/**
 * Reading the Sources review in a browser spec: each proposal card as the analyst sees it (its
 * triple, status, certainty and source), screenshots at the two window sizes the house checks,
 * and where the keyboard focus is and whether it shows.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";

export interface ReviewCard {
  /** The card's data-item (p1, p2… for proposals, m… for claims added by hand). */
  id: string;
  /** "Subject PREDICATE Object", as the card names it. */
  triple: string;
  status: string;
  certainty: string;
  /** The source's name as the card says it ("source: …"). */
  source: string;
}

/** Every card of the review, in the page's order. */
export function reviewCards(page: Page): Promise<ReviewCard[]> {
  return page.getByTestId("intake-item").evaluateAll((cards) =>
    cards.map((card) => {
      const label = card.getAttribute("aria-label") ?? "";
      const facts = [...card.querySelectorAll(".intake-facts > span")].map((span) => span.textContent ?? "");
      return {
        id: card.getAttribute("data-item") ?? "",
        triple: label.replace(/: [^:]+$/, ""),
        status: card.getAttribute("data-status") ?? "",
        certainty: card.querySelector(".intake-facts .badge")?.textContent ?? "",
        source: (facts.find((text) => text.startsWith("source: ")) ?? "").slice("source: ".length),
      };
    }),
  );
}

/** Screenshots of the page at 1366×768 and 1920×1080 into `dir` (when set), back to 1366×768 after. */
export async function shootBothSizes(page: Page, dir: string | undefined, name: string): Promise<void> {
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: join(dir, `${name}-${width}x${height}.png`) });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

/** The focused element (its test id, else id, else tag and text) and whether it draws a visible outline or ring. */
export function focusedElement(page: Page): Promise<{ id: string; visible: boolean }> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { id: "body", visible: false };
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) > 0;
    const ring = style.boxShadow !== "none" && style.boxShadow !== "";
    const name =
      element.dataset.testid ||
      element.id ||
      `${element.tagName.toLowerCase()}:${(element.getAttribute("aria-label") ?? element.textContent ?? "").trim().slice(0, 40)}`;
    return { id: name, visible: outline || ring };
  });
}

/**
 * A page on an app in token mode (`APP_TOKEN` set, which is also the write token when WRITE_TOKEN
 * is not: a commit needs it), at `width`×`height`, once the first graph is drawn; page errors,
 * console errors and failed responses are kept for pageProblems.
 */
export async function openWithToken(
  browser: Browser,
  baseUrl: string,
  token: string,
  viewport = { width: 1366, height: 768 },
): Promise<Page> {
  const page = await browser.newPage({ viewport, httpCredentials: { username: "analyst", password: token } });
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("response", (response) => {
    if (response.status() >= 400)
      problems.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  (page as Page & { problems: string[] }).problems = problems;
  await page.goto(baseUrl);
  await page
    .waitForFunction(() => document.body.dataset.graphState === "ready", undefined, { timeout: 30_000 })
    .catch((error: unknown) => {
      throw new Error(`the app did not draw its first graph: ${String(error)}; ${problems.join(" | ")}`);
    });
  return page;
}
