/** Issue #18 item 3: every line the canvas draws stands out from the canvas (WCAG 1.4.11, 3:1), in both themes. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CANVAS_PALETTES, type Theme } from "../../client/src/look/canvas-palette";
import { CERTAINTY_STYLES } from "../../client/src/look/certainty-styles";
import { projectRoot } from "../../scripts/project-root";

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16) / 255);
  const linear = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r ?? 0) + 0.7152 * linear(g ?? 0) + 0.0722 * linear(b ?? 0);
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

/** The canvas colour of each theme, as tokens.css sets it: light first, then the dark theme's block. */
function canvasBackgrounds(): Record<Theme, string> {
  const tokens = readFileSync(join(projectRoot, "client", "src", "styles", "tokens.css"), "utf8");
  const found = [...tokens.matchAll(/--canvas:\s*(#[0-9a-fA-F]{6})\s*;/g)].map((match) => match[1] ?? "");
  expect(found.length).toBeGreaterThanOrEqual(2);
  return { light: found[0] ?? "", dark: found[1] ?? "" };
}

describe("canvas lines against the canvas", () => {
  const backgrounds = canvasBackgrounds();
  for (const theme of ["light", "dark"] as const) {
    it(`draws every certainty's line, speculative included, at 3:1 or more in the ${theme} theme`, () => {
      const palette = CANVAS_PALETTES[theme];
      for (const [certainty, colour] of Object.entries(palette.certaintyLines)) {
        expect(contrast(colour, backgrounds[theme]), `${certainty} ${colour}`).toBeGreaterThanOrEqual(3);
      }
      expect(contrast(palette.edge, backgrounds[theme]), `edge ${palette.edge}`).toBeGreaterThanOrEqual(3);
    });
  }

  it("draws the legend's samples of each certainty at 3:1 or more on the light canvas", () => {
    for (const style of CERTAINTY_STYLES) {
      expect(contrast(style.lineColor, backgrounds.light), style.certainty).toBeGreaterThanOrEqual(3);
    }
  });
});
