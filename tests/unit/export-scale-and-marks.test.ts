import { describe, expect, it } from "vitest";
import { citeMark } from "../../client/src/export/cite-mark";
import { CANVAS_LIMITS, clampScale } from "../../client/src/export/clamp-scale";

describe("clampScale", () => {
  it("keeps the scale asked for when the image fits the canvas limits", () => {
    const choice = clampScale({ width: 1500, height: 1200 }, 4);
    expect(choice).toEqual({
      scale: 4,
      clamped: false,
      requested: { width: 6000, height: 4800 },
      size: { width: 6000, height: 4800 },
    });
  });

  it("lowers the scale of a wide image until its longest side fits 16,384 px", () => {
    const choice = clampScale({ width: 5000, height: 900 }, 4);
    expect(choice.clamped).toBe(true);
    expect(choice.requested).toEqual({ width: 20_000, height: 3600 });
    expect(choice.size.width).toBeLessThanOrEqual(CANVAS_LIMITS.maxSide);
    expect(choice.size.width).toBeGreaterThan(CANVAS_LIMITS.maxSide - 60);
    expect(choice.scale).toBe(3.27);
  });

  it("lowers the scale of a large square image until its pixel count fits the area budget", () => {
    const choice = clampScale({ width: 3000, height: 3000 }, 4);
    expect(choice.clamped).toBe(true);
    expect(choice.size.width * choice.size.height).toBeLessThanOrEqual(CANVAS_LIMITS.maxArea);
    expect(choice.size.width * choice.size.height).toBeGreaterThan(CANVAS_LIMITS.maxArea * 0.99);
    expect(choice.size.width).toBeLessThanOrEqual(CANVAS_LIMITS.maxSide);
  });

  it("goes below 1× for a graph larger than any canvas, never to zero", () => {
    const huge = clampScale({ width: 200_000, height: 150_000 }, 1);
    expect(huge.clamped).toBe(true);
    expect(huge.scale).toBeGreaterThan(0);
    expect(huge.scale).toBeLessThan(0.1);
    expect(huge.size.width).toBeLessThanOrEqual(CANVAS_LIMITS.maxSide);
    const absurd = clampScale({ width: 1e9, height: 10 }, 2);
    expect(absurd.scale).toBe(0.01);
    expect(absurd.size.width).toBeGreaterThan(0);
  });

  it("honours other limits, such as a browser with smaller canvases", () => {
    const choice = clampScale({ width: 1000, height: 1000 }, 3, { maxSide: 4096, maxArea: 4096 * 4096 });
    expect(choice.scale).toBe(3);
    const tight = clampScale({ width: 1000, height: 1000 }, 3, { maxSide: 2000, maxArea: 16_777_216 });
    expect(tight).toMatchObject({ scale: 2, clamped: true, size: { width: 2000, height: 2000 } });
  });
});

describe("citeMark", () => {
  it("lists an edge's footnote numbers in brackets, sorted, without repeats", () => {
    expect(citeMark([1, 2])).toBe("[1, 2]");
    expect(citeMark([4, 1, 4])).toBe("[1, 4]");
    expect(citeMark([7])).toBe("[7]");
  });

  it("folds runs of three or more into a range", () => {
    expect(citeMark([3, 1, 2, 5])).toBe("[1–3, 5]");
    expect(citeMark([1, 2, 3, 4, 8, 9])).toBe("[1–4, 8, 9]");
  });

  it("is empty for an edge without sources", () => {
    expect(citeMark([])).toBe("");
  });
});
