/**
 * The guard of the e2e-no-cjk project: Chromium really draws Chinese without a CJK font there (the
 * fontconfig file hides them), and with one elsewhere when fonts-noto-cjk is installed, so the
 * check itself is seen to tell the two apart. Chromium names the fonts it used for a node's text.
 */
import { spawnSync } from "node:child_process";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../support/browser";
import { cjkFontsHidden } from "../support/cjk-fonts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The platform fonts Chromium drew the text with, and how many glyphs each drew. */
async function fontsDrawing(text: string): Promise<Array<{ familyName: string; glyphCount: number }>> {
  const page = await browser.newPage();
  try {
    await page.setContent(`<p id="probe" lang="zh-CN" style="font: 20px sans-serif">${text}</p>`);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("DOM.enable");
    await cdp.send("CSS.enable");
    const { root } = await cdp.send("DOM.getDocument");
    const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector: "#probe" });
    const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
    return fonts.map(({ familyName, glyphCount }) => ({ familyName, glyphCount }));
  } finally {
    await page.close();
  }
}

const notoCjkInstalled = () =>
  spawnSync("dpkg-query", ["-W", "-f=$" + "{Status}", "fonts-noto-cjk"], { encoding: "utf8" }).stdout.includes(
    "install ok installed",
  );

describe("the CJK font the browser specs run with", () => {
  it.runIf(cjkFontsHidden())(
    "is hidden from Chromium in the e2e-no-cjk project: no CJK font draws Chinese",
    async () => {
      const fonts = await fontsDrawing("华为没有与字节跳动共同开发");
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.map((font) => font.familyName).filter((name) => /CJK|Han|Hei|Song|Ming|Gothic/i.test(name))).toEqual(
        [],
      );
    },
  );

  it.runIf(!cjkFontsHidden() && notoCjkInstalled())(
    "is Noto CJK elsewhere when fonts-noto-cjk is installed, so the check above can tell",
    async () => {
      const fonts = await fontsDrawing("华为没有与字节跳动共同开发");
      expect(fonts.map((font) => font.familyName)).toContainEqual(expect.stringMatching(/Noto Sans CJK/));
    },
  );
});
