/**
 * Sources → New article in Chromium, on a private Neo4j (7711): a FICTIONAL English article taken
 * from paste to committed claims with the mouse and keyboard only (accept with "a", edit one to add
 * an English rendering, add one by selecting words), the commit report, a second commit that
 * changes nothing, and the graph then showing the new relationship with its provenance. Bad input
 * gets a clear message: an empty text, a 10 MB paste, an image renamed .txt, a PDF without a text
 * layer, HTML with <script> and onerror (shown as text, never run), a language the engine does not
 * read. axe-core's WCAG 2.2 AA rules on the empty form and the review, and in the light and the dark
 * theme on the form showing an error (empty text, a bad file), the claim editor (on a proposal, on
 * selected text) and the commit report. Screenshots at 1366×768 and
 * 1920×1080 go to INTAKE_SHOTS_DIR when it is set.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useAppInBrowser } from "../support/app-in-browser";
import { axeViolations } from "../support/axe";
import { pageProblems } from "../support/browser";

const TOKEN = "intake-spec-token";
const shotsDir = process.env.INTAKE_SHOTS_DIR;

/** FICTIONAL: invented companies and events, written for this test. */
const ARTICLE = [
  "Fictional Corvane Robotics sources its chips from Huawei, according to two people familiar with the matter.",
  "The company reportedly ordered 40,000 processors this year.",
  "Fictional Corvane Robotics is based in China.",
].join(" ");

let page: Page;
const session = useAppInBrowser({
  privateNeo4j: { name: "intake-ui", boltPort: 7711 },
  env: { APP_TOKEN: TOKEN, WRITE_TOKEN: "", RATE_LIMIT_MAX: "100000" },
});

async function openPage(): Promise<Page> {
  const opened = await session.browser.newPage({
    viewport: { width: 1366, height: 768 },
    httpCredentials: { username: "analyst", password: TOKEN },
  });
  const problems: string[] = [];
  opened.on("pageerror", (error) => problems.push(error.message));
  (opened as Page & { problems: string[] }).problems = problems;
  opened.on("response", (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  opened.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  await opened.goto(session.app.baseUrl);
  const state = await opened
    .waitForFunction(() => ["ready", "error"].includes(document.body.dataset.graphState ?? ""), undefined, {
      timeout: 30_000,
    })
    .then(() => opened.evaluate(() => document.body.dataset.graphState))
    .catch(() => "still loading after 30 s");
  if (state !== "ready") {
    const status = await opened.evaluate(() => document.getElementById("status")?.textContent ?? "").catch(() => "");
    throw new Error(`the app did not draw its first graph (${state}): "${status}"; ${problems.join(" | ")}`);
  }
  return opened;
}

async function shoot(target: Page, name: string): Promise<void> {
  if (!shotsDir) return;
  mkdirSync(shotsDir, { recursive: true });
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await target.setViewportSize({ width, height });
    await target.screenshot({ path: join(shotsDir, `${name}-${width}x${height}.png`) });
  }
  await target.setViewportSize({ width: 1366, height: 768 });
}

/** Opens Sources → New article with the mouse. */
async function openForm(target: Page): Promise<void> {
  // The Sources view may be open already (the URL says ?sources after a reload).
  if (!(await target.getByTestId("new-article").isVisible())) await target.getByTestId("sources-button").click();
  await target.getByTestId("new-article").click();
  await target.getByTestId("intake-text").waitFor();
}

async function chooseFile(target: Page, name: string, mimeType: string, buffer: Buffer): Promise<void> {
  await target.getByTestId("intake-file").setInputFiles({ name, mimeType, buffer });
}

/** A one-page PDF drawing `content` (PDF operators), with its xref offsets. */
function pdf(content: string): Buffer {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

const error = (target: Page) => target.getByTestId("intake-error").textContent();

/** axe's WCAG 2.2 AA rules on the workspace in the light and the dark theme (as the system asks), back to light after. */
async function axeBothThemes(target: Page, state: string): Promise<void> {
  for (const scheme of ["light", "dark"] as const) {
    await target.emulateMedia({ colorScheme: scheme });
    await target.waitForFunction((theme) => document.documentElement.dataset.theme === theme, scheme);
    expect(await axeViolations(target, '[data-testid="intake"]'), `${state}, ${scheme} theme`).toEqual([]);
  }
  await target.emulateMedia({ colorScheme: "light" });
  await target.waitForFunction(() => document.documentElement.dataset.theme === "light");
}

describe("Sources → New article", () => {
  it("refuses bad input with a clear message and runs no script from an article", async () => {
    page = await openPage();
    await openForm(page);
    await page.getByTestId("intake-propose").click();
    await expect.poll(() => error(page)).toMatch(/The text is empty/);
    await axeBothThemes(page, "the form saying the text is empty");

    // A 10 MB paste, as the clipboard hands it to the page.
    await page.getByTestId("intake-text").click();
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData("text/plain", "x".repeat(10 * 1024 * 1024));
      document
        .querySelector('[data-testid="intake-text"]')
        ?.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => error(page)).toMatch(/10\.0 MB, 10,485,760 characters; an article may be at most 200,000/);
    expect(await page.getByTestId("intake-text").inputValue()).toBe("");

    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    await chooseFile(page, "photo.txt", "text/plain", png);
    await expect.poll(() => error(page)).toMatch(/photo\.txt is a PNG image, not a \.txt text file/);
    await axeBothThemes(page, "the form refusing a bad file");

    await chooseFile(page, "scan.pdf", "application/pdf", pdf("0.2 0.2 0.2 rg 72 72 400 600 re f"));
    await expect.poll(() => error(page), { timeout: 20_000 }).toMatch(/no text layer.*needs OCR/);

    await chooseFile(
      page,
      "report.pdf",
      "application/pdf",
      pdf("BT /F1 12 Tf 72 720 Td (Fictional Corvane Robotics opened a plant.) Tj ET"),
    );
    await expect
      .poll(() => page.getByTestId("intake-text").inputValue(), { timeout: 20_000 })
      .toContain("Fictional Corvane Robotics opened a plant.");

    const hostile =
      '<html><head><title>Fictional hostile page</title><script>window.__intakeRan = "script"</script></head><body><p>Fictional Corvane Robotics makes robots.</p><img src="x" onerror="window.__intakeRan = \'onerror\'"></body></html>';
    await chooseFile(page, "hostile.html", "text/html", Buffer.from(hostile));
    await expect
      .poll(() => page.getByTestId("intake-text").inputValue())
      .toBe("Fictional Corvane Robotics makes robots.");
    expect(await page.getByTestId("intake-title").inputValue()).toBe("Fictional hostile page");
    expect(pageProblems(page)).toEqual([]);

    // Markup pasted as text is text: shown as typed on the review, never parsed.
    const markup =
      'Fictional note <script>window.__intakeRan = "pasted"</script><img src=x onerror="window.__intakeRan = 1">';
    await page.getByTestId("intake-text").fill("");
    await page.getByTestId("intake-text").click();
    await page.keyboard.insertText(
      `${markup} Die Firma hat angeblich in diesem Jahr Chips an die Fabrik geliefert, berichten mehrere Zeitungen.`,
    );
    await page.getByTestId("intake-title").click();
    await page.keyboard.type("Fictional: markup and German");
    await page.getByTestId("intake-outlet").click();
    await page.keyboard.type("Fictional Test Desk");
    await page.getByTestId("intake-propose").click();
    await page.getByTestId("intake-review").waitFor();
    await expect.poll(() => page.getByTestId("intake-article").textContent()).toContain(markup);
    await expect
      .poll(() => page.getByTestId("intake-notices").textContent(), { timeout: 20_000 })
      .toMatch(/not recognised as French or English: only the graph's entities found by name/);
    expect(await page.evaluate(() => (window as unknown as { __intakeRan?: unknown }).__intakeRan)).toBeUndefined();
    expect(await page.locator("[data-testid=intake-article] script, [data-testid=intake-article] img").count()).toBe(0);
    expect(pageProblems(page)).toEqual([]);
    await page.getByTestId("intake-close").click();
    await page.close();
  });

  it("takes a fictional article from paste to committed claims with the mouse and keyboard", async () => {
    page = await openPage();
    await openForm(page);
    expect(await axeViolations(page, '[data-testid="intake"]')).toEqual([]);
    await page.getByTestId("intake-text").click();
    await page.keyboard.insertText(ARTICLE);
    await page.keyboard.press("Tab");
    await page.getByTestId("intake-title").click();
    await page.keyboard.type("Fictional: Corvane turns to Huawei");
    await page.getByTestId("intake-outlet").click();
    await page.keyboard.type("Fictional Intake Wire");
    await page.getByTestId("intake-grade").selectOption("B");
    await page.getByTestId("intake-published").click();
    await page.keyboard.type("2025-03-14");
    await shoot(page, "intake-form");
    await page.getByTestId("intake-propose").click();

    // The article shows at once; the proposals come, and the first one takes the focus.
    await page.getByTestId("intake-review").waitFor();
    await expect.poll(() => page.getByTestId("intake-article").textContent()).toBe(ARTICLE);
    await expect.poll(() => page.getByTestId("intake-item").count(), { timeout: 20_000 }).toBeGreaterThan(1);
    const items = page.getByTestId("intake-item");
    const triples = await items.evaluateAll((cards) => cards.map((card) => card.getAttribute("aria-label")));
    expect(triples).toEqual(
      expect.arrayContaining([expect.stringMatching(/Fictional Corvane Robotics SOURCES_FROM Huawei/)]),
    );
    const chips = await page.getByTestId("intake-entity").allTextContents();
    expect(chips).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Huawei Technologies.*graph: alias "Huawei"/),
        expect.stringMatching(/Fictional Corvane Robotics.*new/),
      ]),
    );

    // Accept the SOURCES_FROM proposal with the keyboard.
    const sources = page.locator('[data-testid="intake-item"][aria-label*="SOURCES_FROM"]').first();
    await sources.focus();
    await page.keyboard.press("a");
    await expect.poll(() => sources.getAttribute("data-status")).toBe("accepted");
    expect(await page.locator("mark.is-accepted").count()).toBeGreaterThan(0);

    // Edit it (e) to add an English rendering, save with the mouse.
    await sources.focus();
    await page.keyboard.press("e");
    const english = sources.locator("textarea");
    await english.waitFor();
    await axeBothThemes(page, "the claim editor on a proposal");
    await english.click();
    await page.keyboard.type("Corvane buys its chips from Huawei (fictional).");
    await sources.getByText("Save and accept").click();
    await expect.poll(() => sources.textContent()).toContain("EN: Corvane buys its chips from Huawei (fictional).");

    // Reject every other proposal with the mouse.
    const pending = page.locator('[data-testid="intake-item"][data-status="pending"]');
    for (let left = await pending.count(); left > 0; left--) {
      await pending.first().locator('[data-action="reject"]').click();
      await expect.poll(() => pending.count()).toBe(left - 1);
    }

    // Add a claim by hand: select "is based in China" with the mouse.
    const box = await page.evaluate(() => {
      const pane = document.querySelector('[data-testid="intake-article"]') as HTMLElement;
      const walker = document.createTreeWalker(pane, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf("Fictional Corvane Robotics is based in China.") ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + "Fictional Corvane Robotics is based in China.".length);
        const rects = [...range.getClientRects()];
        const first = rects[0] as DOMRect;
        const last = rects[rects.length - 1] as DOMRect;
        return {
          x1: first.left + 1,
          y1: first.top + first.height / 2,
          x2: last.right - 1,
          y2: last.top + last.height / 2,
        };
      }
      throw new Error("sentence not found");
    });
    await page.mouse.move(box.x1, box.y1);
    await page.mouse.down();
    await page.mouse.move(box.x2, box.y2, { steps: 8 });
    await page.mouse.up();
    const add = page.getByTestId("intake-add-selection");
    await expect.poll(() => add.isEnabled()).toBe(true);
    await add.click();
    const manual = page.locator('[data-testid="intake-item"][data-item^="m"]');
    await manual.waitFor();
    await axeBothThemes(page, "the claim editor on the selected text");
    await manual.locator("select").first().selectOption({ label: "Fictional Corvane Robotics (new)" });
    await manual.locator("input[list]").click();
    await page.keyboard.type("BASED_IN");
    await manual.locator("select").nth(1).focus();
    await page.keyboard.type("Ch");
    await manual.getByText("Save and accept").click();
    await expect.poll(() => manual.getAttribute("data-status")).toBe("accepted");
    expect(await manual.getAttribute("aria-label")).toMatch(/Fictional Corvane Robotics BASED_IN China/);

    await expect.poll(() => page.getByTestId("intake-save").textContent(), { timeout: 10_000 }).toMatch(/Draft saved/);
    expect(await axeViolations(page, '[data-testid="intake"]')).toEqual([]);
    await shoot(page, "intake-review");

    // Commit: two claims, the report, the download.
    const commit = page.getByTestId("intake-commit");
    expect(await commit.textContent()).toBe("Commit 2 claims");
    await commit.click();
    const report = page.getByTestId("intake-report");
    await report.waitFor({ timeout: 20_000 });
    expect(await report.locator("h3").textContent()).toBe("Committed");
    expect(await report.locator('[data-count="claims"] td').first().textContent()).toBe("2");
    expect(await report.locator('[data-count="entities"] td').first().textContent()).toBe("1");
    const href = await page.getByTestId("intake-download").getAttribute("href");
    const file = await page.evaluate(async (url) => (await fetch(url as string)).json(), href);
    expect(file.format).toBe("claims/1");
    expect(file.claims.map((claim: { predicate: string }) => claim.predicate).sort()).toEqual([
      "BASED_IN",
      "SOURCES_FROM",
    ]);
    await axeBothThemes(page, "the commit report");
    await shoot(page, "intake-report");

    // Committing the same article again changes nothing.
    await commit.click();
    await expect
      .poll(() => page.getByTestId("intake-report").locator("h3").textContent(), { timeout: 20_000 })
      .toMatch(/Nothing changed/);

    // The graph shows the new relationship and where it was read.
    await page.getByTestId("intake-show-canvas").click();
    await expect.poll(() => page.getByTestId("intake").isHidden()).toBe(true);
    // The first committed relationship is drawn and selected, out of the new company.
    const selected = () =>
      page.evaluate(() =>
        window.cy
          .edges(":selected")
          .map((edge) => `${edge.source().data("caption")} ${edge.data("type")} ${edge.target().data("caption")}`),
      );
    await expect
      .poll(selected, { timeout: 10_000 })
      .toEqual([expect.stringMatching(/^Fictional Corvane Robotics (SOURCES_FROM|BASED_IN) /)]);
    await expect
      .poll(() => page.locator("#details-panel").textContent(), { timeout: 10_000 })
      .toContain("Fictional Intake Wire");
    // Its provenance: the committed sentence as evidence.
    expect(await page.locator("#details-panel").textContent()).toMatch(
      /Fictional Corvane Robotics (is based in China|sources its chips from Huawei)/,
    );
    expect(pageProblems(page)).toEqual([]);
  });

  it("lists the draft and resumes it after a reload", async () => {
    await page.reload();
    await page.waitForFunction(() => document.body.dataset.graphState === "ready");
    await openForm(page);
    const drafts = page.getByTestId("intake-drafts");
    await drafts.waitFor();
    expect(await drafts.textContent()).toContain("Fictional: Corvane turns to Huawei");
    await drafts.locator("li", { hasText: "Fictional: Corvane turns to Huawei" }).getByTestId("intake-resume").click();
    await expect.poll(() => page.locator('[data-testid="intake-item"][data-status="accepted"]').count()).toBe(2);
    await page.close();
  });
});
