import cytoscape, { type Core, type ElementDefinition } from "cytoscape";
import { describe, expect, it } from "vitest";
import { graphStylesheet } from "../../client/src/canvas/graph-stylesheet";
import { nameBox, nodeNamesStylesheet, placeNodeNames, wrapName } from "../../client/src/canvas/place-node-names";
import {
  NAME_GIVES_WAY_CLASS,
  NAME_KEPT_CLASS,
  NAME_PLACE_CLASSES,
  NAME_WRAPS_NARROW_CLASS,
} from "../../client/src/look/canvas-classes";
import { MAX_BOOST, MIN_LABEL_PX, NODE_FONT_PX, zoomKeepingNames } from "../../client/src/look/label-legibility";

/** Fictional nodes (made up for this test) at given model positions, with the app's stylesheet, headless. */
function graph(
  nodes: Array<[id: string, x: number, y: number, name: string]>,
  edges: Array<[string, string]> = [],
): Core {
  const elements: ElementDefinition[] = [
    ...nodes.map(([id, x, y, name]) => ({ data: { id, display: name }, position: { x, y } })),
    ...edges.map(([source, target]) => ({ data: { id: `${source}-${target}`, source, target } })),
  ];
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements,
    layout: { name: "preset" },
    zoom: 1,
    style: [...graphStylesheet(), ...nodeNamesStylesheet()],
  });
  // Headless, the viewport starts at a vanishing zoom (no container): at 1, captions are their own size.
  (cy as unknown as { _private: { zoom: number } })._private.zoom = 1;
  return cy;
}

const placeOf = (cy: Core, id: string) => {
  const node = cy.getElementById(id);
  if (node.hasClass(NAME_GIVES_WAY_CLASS)) return "gives way";
  const place = (Object.keys(NAME_PLACE_CLASSES) as Array<keyof typeof NAME_PLACE_CLASSES>).find((key) =>
    node.hasClass(NAME_PLACE_CLASSES[key]),
  );
  return `${place ?? "bottom"}${node.hasClass(NAME_WRAPS_NARROW_CLASS) ? " narrow" : ""}`;
};

const overlap = (a: { x1: number; x2: number; y1: number; y2: number }, b: typeof a) =>
  a.x1 + 1 < b.x2 && b.x1 + 1 < a.x2 && a.y1 + 1 < b.y2 && b.y1 + 1 < a.y2;

describe("placeNodeNames", () => {
  it("leaves every name under its node where nothing is in the way", () => {
    const cy = graph([
      ["a", 0, 0, "Alpha Corp"],
      ["b", 400, 0, "Beta Corp"],
    ]);
    const drawn = placeNodeNames(cy);
    expect([placeOf(cy, "a"), placeOf(cy, "b")]).toEqual(["bottom", "bottom"]);
    expect(drawn).toHaveLength(2);
  });

  it("moves a name above its node when under it is another node, keeping the more connected one in place", () => {
    // b sits just under a: a's name would be on b's shape, b's name is free.
    const cy = graph(
      [
        ["a", 0, 0, "Alpha Corp"],
        ["b", 0, 40, "Beta"],
        ["c", 300, 0, "Gamma"],
      ],
      [["b", "c"]],
    );
    placeNodeNames(cy);
    expect(placeOf(cy, "b")).toBe("bottom");
    expect(placeOf(cy, "a")).toBe("top");
  });

  it("gives the lower-ranked name way when no place is free, and the same graph always gives the same picture", () => {
    // A ring of nodes close around m: none of m's places is free. m is the least connected.
    const ring: Array<[string, number, number, string]> = [
      ["n", 0, -50, "N"],
      ["s", 0, 50, "S"],
      ["e", 70, 0, "E"],
      ["w", -70, 0, "W"],
    ];
    const edges: Array<[string, string]> = [
      ["n", "s"],
      ["e", "w"],
      ["n", "e"],
    ];
    const cy = graph([["m", 0, 0, "Middle Holdings International"], ...ring], edges);
    placeNodeNames(cy);
    expect(placeOf(cy, "m")).toBe("gives way");
    const again = graph([...ring.slice().reverse(), ["m", 0, 0, "Middle Holdings International"]], edges);
    placeNodeNames(again);
    for (const id of ["m", "n", "s", "e", "w"]) expect(placeOf(again, id), id).toBe(placeOf(cy, id));
    // Selected, it is drawn (under its node) whatever it collides with.
    cy.getElementById("m").select();
    placeNodeNames(cy);
    expect(placeOf(cy, "m")).toBe("bottom");
  });

  it("ranks the selected node's name above a more connected one", () => {
    // Two names that would overlap wherever they go: they share a place between two close nodes.
    const cy = graph(
      [
        ["hub", 0, 0, "Hub Company Limited"],
        ["leaf", 40, 0, "Leaf Company Limited"],
        ["x", 300, 0, "X"],
        ["y", -300, 0, "Y"],
      ],
      [
        ["hub", "x"],
        ["hub", "y"],
      ],
    );
    placeNodeNames(cy);
    const before = [placeOf(cy, "hub"), placeOf(cy, "leaf")];
    expect(before[0]).toBe("bottom");
    expect(before[1]).not.toBe("bottom");
    cy.getElementById("leaf").select();
    placeNodeNames(cy);
    expect(placeOf(cy, "leaf")).toBe("bottom");
    expect(placeOf(cy, "hub")).not.toBe("bottom");
  });

  it("wraps a long name narrower when that frees it", () => {
    // A node above, and nodes low on either side that a wide name under the node would reach.
    const cy = graph([
      ["a", 0, 0, "AB CD EF GH IJ KL MN OP"],
      ["up", 0, -50, "U"],
      ["left", -75, 30, "L"],
      ["right", 75, 30, "R"],
    ]);
    const drawn = placeNodeNames(cy);
    expect(placeOf(cy, "a")).toBe("bottom narrow");
    expect(wrapName(cy.getElementById("a"), 80, (_, text) => ({ width: text.length * 7.8, height: 13 }))).toContain(
      "\n",
    );
    drawn.forEach((box, index) => {
      for (const other of drawn.slice(index + 1)) expect(overlap(box, other)).toBe(false);
    });
  });

  it("leaves names too small to be drawn alone, and no drawn name overlaps another name or another node", () => {
    const nodes: Array<[string, number, number, string]> = [];
    for (let i = 0; i < 60; i++) nodes.push([`n${i}`, (i % 10) * 90, Math.floor(i / 10) * 70, `Fictional node ${i}`]);
    const cy = graph(nodes);
    const drawn = placeNodeNames(cy);
    expect(drawn.length).toBeGreaterThan(10);
    drawn.forEach((box, index) => {
      for (const other of drawn.slice(index + 1)) expect(overlap(box, other)).toBe(false);
      const onShape = cy.nodes().filter((node) => {
        const { x, y } = node.position();
        const shape = { x1: x - 16, x2: x + 16, y1: y - 16, y2: y + 16 };
        return overlap(box, shape);
      });
      expect(onShape.length).toBeLessThanOrEqual(1);
    });
  });

  it("zoomed out past where names are drawn, keeps the most connected nodes' names at the legible size, never on each other", () => {
    const nodes: Array<[string, number, number, string]> = [];
    for (let i = 0; i < 60; i++) nodes.push([`n${i}`, (i % 10) * 90, Math.floor(i / 10) * 70, `Fictional ${i}`]);
    // n5 (top row) is the hub: the most connected name is kept first.
    const edges = Array.from({ length: 8 }, (_, i) => ["n5", `n${i * 7 + 10}`] as [string, string]);
    const cy = graph(nodes, edges);
    const zoom = 0.25;
    expect(NODE_FONT_PX * MAX_BOOST * zoom).toBeLessThan(MIN_LABEL_PX);
    (cy as unknown as { _private: { zoom: number } })._private.zoom = zoom;
    const drawn = placeNodeNames(cy);
    const kept = cy.nodes(`.${NAME_KEPT_CLASS}`).map((node) => node.id());
    expect(kept).toContain("n5");
    expect(kept.length).toBeGreaterThan(3);
    expect(kept.length).toBeLessThan(60);
    expect(drawn).toHaveLength(kept.length);
    // Placed at the size it is drawn, MIN_LABEL_PX on screen: its box is at least that high.
    for (const box of drawn) expect((box.y2 - box.y1) * zoom).toBeGreaterThanOrEqual(MIN_LABEL_PX);
    drawn.forEach((box, index) => {
      for (const other of drawn.slice(index + 1)) expect(overlap(box, other)).toBe(false);
    });
    // The others are too small to draw, as before: they do not "give way", and come back on hover.
    expect(cy.nodes(`.${NAME_GIVES_WAY_CLASS}`).length).toBe(0);

    // Nor under what the page draws over the canvas (screen px): a bar across the top keeps them below it.
    const bar = { x1: -1e6, y1: -1e6, x2: 1e6, y2: 40 };
    const belowBar = placeNodeNames(cy, undefined, [bar]);
    expect(belowBar.length).toBeGreaterThan(0);
    const pan = cy.pan();
    for (const box of belowBar) expect(box.y1 * zoom + pan.y).toBeGreaterThanOrEqual(bar.y2);

    // Zoomed back in, names are drawn as usual and none is "kept".
    (cy as unknown as { _private: { zoom: number } })._private.zoom = 1;
    placeNodeNames(cy);
    expect(cy.nodes(`.${NAME_KEPT_CLASS}`).length).toBe(0);
  });

  it("computes the box Cytoscape.js gives a caption at each place", () => {
    const cy = graph([["a", 100, 100, "Alpha"]]);
    const node = cy.getElementById("a");
    const half = node.height() / 2;
    const below = nameBox(node, "bottom", { width: 40, height: 13 });
    const above = nameBox(node, "top", { width: 40, height: 13 });
    const right = nameBox(node, "right", { width: 40, height: 13 });
    expect(below.y1).toBeCloseTo(100 + half + 4 - 4);
    expect(above.y2).toBeCloseTo(100 - half - 4 + 4);
    expect(right.x1).toBeCloseTo(100 + node.width() / 2 + 4 - 4);
    expect(right.y1 + right.y2).toBeCloseTo(200);
  });
});

describe("zoomKeepingNames", () => {
  const cliff = MIN_LABEL_PX / (NODE_FONT_PX * MAX_BOOST);
  it("takes a zoom a hair below where names are still drawn up to where they are", () => {
    expect(zoomKeepingNames(cliff * 0.998)).toBeGreaterThan(cliff);
    expect(zoomKeepingNames(cliff * 0.998)).toBeLessThan(cliff * 1.002);
  });
  it("leaves other zooms alone", () => {
    for (const zoom of [cliff * 0.9, cliff * 1.0001, 1, 0.2]) expect(zoomKeepingNames(zoom)).toBe(zoom);
  });
});
