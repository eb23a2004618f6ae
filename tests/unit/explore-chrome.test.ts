import { describe, expect, it } from "vitest";
import { minimapTransform, toModel } from "../../client/src/chrome/minimap-geometry";
import { resolveTheme } from "../../client/src/chrome/theme-switch";

describe("the theme", () => {
  it("follows the system until the analyst chose one", () => {
    expect(resolveTheme(null, true)).toBe("dark");
    expect(resolveTheme(null, false)).toBe("light");
    expect(resolveTheme("light", true)).toBe("light");
    expect(resolveTheme("dark", false)).toBe("dark");
    expect(resolveTheme("purple", true)).toBe("dark");
  });
});

describe("the minimap's geometry", () => {
  it("fits the graph into the minimap, centred, and maps minimap pixels back to the model", () => {
    const t = minimapTransform({ x1: -100, y1: -50, x2: 300, y2: 150 }, 200, 136, 8);
    expect(t.scale).toBeCloseTo(184 / 400);
    const corner = { x: -100 * t.scale + t.dx, y: -50 * t.scale + t.dy };
    expect(corner.x).toBeCloseTo(8);
    expect(corner.y).toBeCloseTo((136 - 200 * t.scale) / 2);
    const back = toModel(t, corner.x, corner.y);
    expect(back.x).toBeCloseTo(-100);
    expect(back.y).toBeCloseTo(-50);
  });
});
