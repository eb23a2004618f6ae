import { describe, expect, it } from "vitest";
import { decodeViewState, encodeViewState, hasViewState, ViewLinkError } from "../../client/src/explorer/view-url";
import type { ViewState } from "../../contract/graph-contract";

const state: ViewState = {
  v: 1,
  nodes: [
    { id: "bytedance", x: 12.5, y: -40.1 },
    { id: "huawei", x: 230, y: 88.3, pinned: true },
    { id: "ascend-910b", x: -310.7, y: 402 },
  ],
  hiddenEdges: ["rel:bytedance-huawei"],
  filters: {
    hiddenLabels: ["Source"],
    hiddenTypes: ["MENTIONS"],
    hiddenCertainties: ["speculative"],
    source: "reuters",
  },
  layout: "dagre",
  viewport: { zoom: 0.82, x: 311.4, y: 120 },
  selected: "huawei",
};

describe("view links", () => {
  it("round-trips a view state through the URL hash", async () => {
    const hash = await encodeViewState(state);
    expect(hash).toMatch(/^view=1\.[A-Za-z0-9_-]+$/);
    expect(hasViewState(`#${hash}`)).toBe(true);
    await expect(decodeViewState(`#${hash}`)).resolves.toEqual(state);
    await expect(decodeViewState(hash)).resolves.toEqual(state);
  });

  it("keeps a view of a few hundred nodes short enough for a link", async () => {
    const nodes = Array.from({ length: 300 }, (_, index) => ({
      id: `company-${index}`,
      x: Math.round(Math.cos(index) * 5000) / 10,
      y: Math.round(Math.sin(index) * 5000) / 10,
    }));
    const hash = await encodeViewState({ ...state, nodes });
    expect(hash.length).toBeLessThan(JSON.stringify(nodes).length / 2);
    expect((await decodeViewState(hash)).nodes).toEqual(nodes);
  });

  it("fills the defaults of an older, smaller view", async () => {
    const minimal = { v: 1, nodes: [{ id: "a100", x: 1, y: 2 }] } as unknown as ViewState;
    const decoded = await decodeViewState(await encodeViewState(minimal));
    expect(decoded.filters).toEqual({ hiddenLabels: [], hiddenTypes: [], hiddenCertainties: [], source: null });
    expect(decoded.layout).toBe("fcose");
    expect(decoded.selected).toBeNull();
  });

  it.each([
    ["no view at all", "#panel=1", /holds no view/],
    ["an unknown version", "#view=9.abc", /format this version does not know \(9\)/],
    ["no version", "#view=abc", /format this version does not know \(none\)/],
    ["characters outside base64url", "#view=1.ab$cd", /damaged or cut short/],
    ["bytes that do not inflate", "#view=1.AAAAAAAA", /damaged or cut short/],
  ])("rejects a link with %s, saying why", async (_case, hash, reason) => {
    const attempt = decodeViewState(hash);
    await expect(attempt).rejects.toBeInstanceOf(ViewLinkError);
    await expect(attempt).rejects.toThrow(reason);
  });

  it("rejects a link cut short", async () => {
    const hash = await encodeViewState(state);
    await expect(decodeViewState(hash.slice(0, hash.length - 12))).rejects.toThrow(ViewLinkError);
  });

  it("rejects a well-formed link whose data is not a view", async () => {
    const notAView = await encodeViewState({ v: 2, nodes: "all" } as unknown as ViewState);
    await expect(decodeViewState(notAView)).rejects.toThrow(/incomplete or malformed/);
    const negativeZoom = await encodeViewState({ ...state, viewport: { zoom: -1, x: 0, y: 0 } });
    await expect(decodeViewState(negativeZoom)).rejects.toThrow(ViewLinkError);
  });
});
