import { describe, expect, it } from "vitest";
import { seededRandom, seedOf } from "../../client/src/canvas/seeded-random";
import {
  EDGE_FONT_PX,
  focusedFontSize,
  hiddenBelowPx,
  legibleFontSize,
  MAX_BOOST,
  MIN_LABEL_PX,
  NODE_FONT_PX,
} from "../../client/src/look/label-legibility";

describe("legibleFontSize", () => {
  it("keeps a caption's own size while it is legible on screen", () => {
    expect(legibleFontSize(NODE_FONT_PX, 1)).toBe(NODE_FONT_PX);
    expect(legibleFontSize(EDGE_FONT_PX, 1)).toBe(EDGE_FONT_PX);
  });

  it("grows a caption in the model so that it is MIN_LABEL_PX on screen as the view zooms out", () => {
    expect(legibleFontSize(EDGE_FONT_PX, 0.65) * 0.65).toBeCloseTo(MIN_LABEL_PX);
    expect(legibleFontSize(NODE_FONT_PX, 0.65) * 0.65).toBeCloseTo(MIN_LABEL_PX);
  });

  it("stops growing at MAX_BOOST times its size: below that zoom it is too small and the renderer leaves it out", () => {
    const size = legibleFontSize(EDGE_FONT_PX, 0.3);
    expect(size).toBe(EDGE_FONT_PX * MAX_BOOST);
    expect(size * 0.3).toBeLessThan(MIN_LABEL_PX);
  });

  it("draws a pointed-at caption legibly at any zoom", () => {
    expect(focusedFontSize(EDGE_FONT_PX, 0.2) * 0.2).toBeCloseTo(MIN_LABEL_PX);
    expect(focusedFontSize(EDGE_FONT_PX, 2)).toBe(EDGE_FONT_PX);
  });
});

describe("hiddenBelowPx", () => {
  /** Cytoscape.js 3.34's test (eleTextBiggerThanMin): the size times the zoom rounded up to a power of two. */
  const rendererDraws = (fontPx: number, zoom: number, pixelRatio: number) =>
    fontPx * 2 ** Math.ceil(Math.log2(zoom * pixelRatio)) >= hiddenBelowPx(zoom, pixelRatio);

  it("leaves out exactly the captions under MIN_LABEL_PX on screen, at any zoom and pixel ratio", () => {
    const wrong: string[] = [];
    for (const pixelRatio of [1.0001, 1.5, 2]) {
      for (let zoom = 0.1; zoom <= 3; zoom += 0.013) {
        for (const fontPx of [5, 9, 11, 13, 22, 26, 40]) {
          const legible = fontPx * zoom >= MIN_LABEL_PX;
          if (rendererDraws(fontPx, zoom, pixelRatio) !== legible)
            wrong.push(`${fontPx} px at zoom ${zoom.toFixed(3)}, ratio ${pixelRatio}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("is what a plain MIN_LABEL_PX threshold got wrong: 9 px captions drawn at zoom 0.42", () => {
    const naive = (fontPx: number, zoom: number) => fontPx * 2 ** Math.ceil(Math.log2(zoom)) >= MIN_LABEL_PX;
    expect(naive(22, 0.42)).toBe(true);
    expect(rendererDraws(22, 0.42, 1.0001)).toBe(false);
  });
});

describe("seeded layout starts", () => {
  it("gives the same numbers for the same seed and other numbers for another", () => {
    const take = (seed: number) => Array.from({ length: 5 }, seededRandom(seed));
    expect(take(42)).toEqual(take(42));
    expect(take(42)).not.toEqual(take(43));
    for (const value of take(7)) expect(value >= 0 && value < 1).toBe(true);
  });

  it("derives one seed from a graph's ids whatever their order", () => {
    expect(seedOf(["b", "a", "c"])).toBe(seedOf(["c", "b", "a"]));
    expect(seedOf(["a", "b"])).not.toBe(seedOf(["a", "c"]));
  });
});
