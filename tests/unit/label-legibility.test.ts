import { describe, expect, it } from "vitest";
import { seededRandom, seedOf } from "../../client/src/canvas/seeded-random";
import {
  EDGE_FONT_PX,
  focusedFontSize,
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
