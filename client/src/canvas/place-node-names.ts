import type { Core, NodeSingular, StylesheetJson } from "cytoscape";
import {
  FILTERED,
  LABEL_FOCUS_CLASS,
  LABELS_OFF_CLASS,
  NAME_GIVES_WAY_CLASS,
  NAME_KEPT_CLASS,
  NAME_PLACE_CLASSES,
  NAME_WRAPS_NARROW_CLASS,
  PATH_NODE_CLASS,
} from "../look/canvas-classes";
import {
  focusedFontSize,
  legibleFontSize,
  MIN_LABEL_PX,
  NODE_FONT_PX,
  NODE_NAME_GAP_PX,
  NODE_NAME_NARROW_WRAP_PX,
  NODE_NAME_WRAP_PX,
} from "../look/label-legibility";
import type { Box } from "./fit-viewport";

/** Where a node's name goes, first choice first: under the node (the default), above, right, left. */
export type NamePlace = "bottom" | "top" | "right" | "left";
const PLACES: readonly NamePlace[] = ["bottom", "top", "right", "left"];

/** A caption's size in model pixels, as the renderer lays it out (lines joined by "\n"). */
export type MeasureText = (node: NodeSingular, text: string) => { width: number; height: number };

/**
 * Where each name goes: one class per place other than under the node, one for a narrower wrap,
 * one for a name that gives way (not drawn; the pointer or a selection brings it back). Exports
 * keep the places and print the names that gave way. A name kept while zoomed out is drawn at the
 * smallest legible size, wrapped as it would be at its own size.
 */
export function nodeNamesStylesheet(zoom: () => number = () => 1): StylesheetJson {
  const gap = NODE_NAME_GAP_PX;
  const keptWrap = (width: number) => `${width * keptScale(zoom())}px`;
  return [
    { selector: `node.${NAME_PLACE_CLASSES.top}`, style: { "text-valign": "top", "text-margin-y": -gap } },
    {
      selector: `node.${NAME_PLACE_CLASSES.right}`,
      style: { "text-valign": "center", "text-halign": "right", "text-margin-y": 0, "text-margin-x": gap },
    },
    {
      selector: `node.${NAME_PLACE_CLASSES.left}`,
      style: { "text-valign": "center", "text-halign": "left", "text-margin-y": 0, "text-margin-x": -gap },
    },
    { selector: `node.${NAME_WRAPS_NARROW_CLASS}`, style: { "text-max-width": `${NODE_NAME_NARROW_WRAP_PX}px` } },
    {
      selector: `node.${NAME_KEPT_CLASS}`,
      style: {
        "min-zoomed-font-size": 0,
        "font-size": () => focusedFontSize(NODE_FONT_PX, zoom()),
        "text-max-width": () => keptWrap(NODE_NAME_WRAP_PX),
      },
    },
    {
      selector: `node.${NAME_KEPT_CLASS}.${NAME_WRAPS_NARROW_CLASS}`,
      style: { "text-max-width": () => keptWrap(NODE_NAME_NARROW_WRAP_PX) },
    },
    {
      selector: `node.${NAME_GIVES_WAY_CLASS}`,
      style: { "text-opacity": 0, "text-background-opacity": 0 },
    },
    {
      selector: `node.${NAME_GIVES_WAY_CLASS}:selected, node.${NAME_GIVES_WAY_CLASS}.${LABEL_FOCUS_CLASS}`,
      style: { "text-opacity": 1, "text-background-opacity": 0.82 },
    },
  ];
}

interface Choice {
  place: NamePlace;
  narrow: boolean;
}

/** How much larger than its own size a kept name is drawn at this zoom (1 when names are drawn anyway). */
function keptScale(zoom: number): number {
  return focusedFontSize(NODE_FONT_PX, zoom) / NODE_FONT_PX;
}

/** Whether node names at their largest boost are under MIN_LABEL_PX on screen: then only kept names are drawn. */
export function namesTooSmall(zoom: number): boolean {
  return zoom > 0 && legibleFontSize(NODE_FONT_PX, zoom) * zoom < MIN_LABEL_PX;
}

/**
 * Puts node names where they sit on no other name and no other node: nodes ranked (selected, the
 * ends of a selected relationship, on a found path, then the most connected, then by id so that
 * the same graph always gives the same picture), each name in the first free place of under,
 * above, right, left, then the same places wrapped narrower; a name with no free place gives way,
 * unless its node is selected, an open relationship's end or on a path (then it stays under its
 * node and is drawn). Names too small to be drawn take no room and keep their place.
 *
 * Zoomed out so far that no name would be drawn (a small canvas: the workbench open on a laptop), the
 * same pass keeps names instead: in the same order (the most connected first), each node whose name,
 * drawn at the smallest legible size, finds a free place is drawn there; the others are left out (as
 * every name was before), shown on hover or selection. As sigma.js and Gephi do, the important names
 * stay readable at every zoom, and names never sit on each other, nor under what the page draws over
 * the canvas (`covered`, screen px: the panels, the time bar, the legend, the map, beyond the canvas'
 * edges). Returns the boxes of the names drawn, for the relationship captions that give way to them.
 */
export function placeNodeNames(
  cy: Core,
  rendered: MeasureText = rendererMeasure(cy),
  covered: readonly Box[] = [],
): Box[] {
  const zoom = cy.zoom();
  const keeping = namesTooSmall(zoom);
  const scale = keeping ? keptScale(zoom) : 1;
  const keptSize = focusedFontSize(NODE_FONT_PX, zoom);
  // Kept names are measured at the size they will be drawn, whatever size the node has now.
  const measure: MeasureText = keeping
    ? (node, text) => {
        const size = rendered(node, text);
        const grow = keptSize / (Number.parseFloat(node.style("font-size")) || keptSize);
        return { width: size.width * grow, height: size.height * grow };
      }
    : rendered;
  const shown = cy.nodes().not(FILTERED);
  const shapes = new BoxGrid();
  shown.forEach((node) => {
    // From its size, not node.boundingBox(): asking Cytoscape.js for a box without the caption right
    // after a restyle left its cached caption bounds stale, and the renderer clipped captions to them.
    const { x, y } = node.position();
    const [halfW, halfH] = [node.outerWidth() / 2, node.outerHeight() / 2];
    shapes.add({ x1: x - halfW, x2: x + halfW, y1: y - halfH, y2: y + halfH }, node.id());
  });
  if (keeping) {
    const pan = cy.pan();
    for (const box of covered)
      shapes.add(
        {
          x1: (box.x1 - pan.x) / zoom,
          y1: (box.y1 - pan.y) / zoom,
          x2: (box.x2 - pan.x) / zoom,
          y2: (box.y2 - pan.y) / zoom,
        },
        "",
      );
  }
  const named = shown
    .not(`.${LABELS_OFF_CLASS}`)
    .filter((node) => {
      const label = String(node.style("label") ?? "");
      return label !== "" && (keeping || Number.parseFloat(node.style("font-size")) * zoom >= MIN_LABEL_PX);
    })
    .toArray() as NodeSingular[];
  const ranks = new Map(named.map((node) => [node.id(), rank(node)]));
  const degrees = new Map(named.map((node) => [node.id(), node.connectedEdges().not(FILTERED).length]));
  const rankOf = (node: NodeSingular) => ranks.get(node.id()) ?? FREE;
  const degreeOf = (node: NodeSingular) => degrees.get(node.id()) ?? 0;
  named.sort((a, b) => rankOf(a) - rankOf(b) || degreeOf(b) - degreeOf(a) || (a.id() < b.id() ? -1 : 1));

  const names = new BoxGrid();
  const drawn: Box[] = [];
  const choices = new Map<string, Choice | null>();
  for (const node of named) {
    const id = node.id();
    const free = (box: Box) => !shapes.hits(box, id) && !names.hits(box, id);
    const found = firstFreePlace(node, measure, free, scale);
    const forced = rankOf(node) < FREE;
    if (!found && !forced) {
      choices.set(id, null);
      continue;
    }
    const choice = found ?? {
      place: "bottom" as const,
      narrow: false,
      box: nameBox(node, "bottom", dims(node, false)),
    };
    choices.set(id, { place: choice.place, narrow: choice.narrow });
    names.add(choice.box, id);
    drawn.push(choice.box);
  }

  cy.batch(() => {
    for (const node of named) {
      const choice = choices.get(node.id());
      // Zoomed out, a name with no free place is simply too small to draw, as all were before.
      toggle(node, NAME_GIVES_WAY_CLASS, choice === null && !keeping);
      toggle(node, NAME_KEPT_CLASS, keeping && choice !== undefined && choice !== null);
      toggle(node, NAME_WRAPS_NARROW_CLASS, choice?.narrow === true);
      for (const place of ["top", "right", "left"] as const)
        toggle(node, NAME_PLACE_CLASSES[place], choice?.place === place);
    }
    // Names no longer drawn (filtered out, too small): back under their node, not left giving way.
    shown
      .nodes()
      .filter((node) => !choices.has(node.id()) && !node.hasClass(LABELS_OFF_CLASS))
      .forEach((node) => {
        for (const name of [
          NAME_GIVES_WAY_CLASS,
          NAME_KEPT_CLASS,
          NAME_WRAPS_NARROW_CLASS,
          ...Object.values(NAME_PLACE_CLASSES),
        ])
          toggle(node, name, false);
      });
  });
  return drawn;

  function dims(node: NodeSingular, narrow: boolean) {
    return measure(node, wrapName(node, (narrow ? NODE_NAME_NARROW_WRAP_PX : NODE_NAME_WRAP_PX) * scale, measure));
  }
}

/** Ranks below FREE never give way. */
const FREE = 3;

function rank(node: NodeSingular): number {
  if (node.selected()) return 0;
  if (node.connectedEdges(":selected").length > 0) return 1;
  if (node.hasClass(PATH_NODE_CLASS)) return 2;
  return FREE;
}

function firstFreePlace(
  node: NodeSingular,
  measure: MeasureText,
  free: (box: Box) => boolean,
  scale: number,
): (Choice & { box: Box }) | null {
  const wide = wrapName(node, NODE_NAME_WRAP_PX * scale, measure);
  const narrowText = wrapName(node, NODE_NAME_NARROW_WRAP_PX * scale, measure);
  const tries: Array<{ narrow: boolean; text: string }> = [{ narrow: false, text: wide }];
  if (narrowText !== wide) tries.push({ narrow: true, text: narrowText });
  for (const { narrow, text } of tries) {
    const size = measure(node, text);
    for (const place of PLACES) {
      const box = nameBox(node, place, size);
      if (free(box)) return { place, narrow, box };
    }
  }
  return null;
}

/**
 * The box Cytoscape.js gives a node's caption at `place` (its label projection plus the margin,
 * the background's padding and its 2 px margin of error), in model coordinates.
 */
export function nameBox(node: NodeSingular, place: NamePlace, size: { width: number; height: number }): Box {
  const { x, y } = node.position();
  const padding = Number.parseFloat(String(node.style("padding"))) || 0;
  const halfW = node.width() / 2 + padding;
  const halfH = node.height() / 2 + padding;
  const gap = NODE_NAME_GAP_PX;
  const { width, height } = size;
  let box: Box;
  if (place === "bottom")
    box = { x1: x - width / 2, x2: x + width / 2, y1: y + halfH + gap, y2: y + halfH + gap + height };
  else if (place === "top")
    box = { x1: x - width / 2, x2: x + width / 2, y1: y - halfH - gap - height, y2: y - halfH - gap };
  else if (place === "right")
    box = { x1: x + halfW + gap, x2: x + halfW + gap + width, y1: y - height / 2, y2: y + height / 2 };
  else box = { x1: x - halfW - gap - width, x2: x - halfW - gap, y1: y - height / 2, y2: y + height / 2 };
  const extra = (Number.parseFloat(String(node.style("text-background-padding"))) || 0) + 2;
  return { x1: box.x1 - extra, x2: box.x2 + extra, y1: box.y1 - extra, y2: box.y2 + extra };
}

/** The name's lines at wrap width `maxWidth`, broken as Cytoscape.js breaks them (words, greedily). */
export function wrapName(node: NodeSingular, maxWidth: number, measure: MeasureText): string {
  const text = String(node.style("label") ?? "");
  const lines: string[] = [];
  for (const line of text.split("\n")) {
    if (measure(node, line).width <= maxWidth) {
      lines.push(line);
      continue;
    }
    let current = "";
    let start = 0;
    for (const match of line.matchAll(/[\s\u200b]+|$/g)) {
      const word = line.slice(start, match.index);
      start = (match.index ?? line.length) + match[0].length;
      const test = current === "" ? word : current + word + match[0];
      if (measure(node, test).width <= maxWidth) current += word + match[0];
      else {
        if (current !== "") lines.push(current);
        current = word + match[0];
      }
    }
    if (!/^[\s\u200b]+$/.test(current)) lines.push(current);
  }
  return lines.join("\n");
}

/** The renderer's own text measure; without a renderer (headless), a fair estimate from the font size. */
export function rendererMeasure(cy: Core): MeasureText {
  const renderer = (
    cy as unknown as {
      renderer(): { calculateLabelDimensions?(node: NodeSingular, text: string): { width: number; height: number } };
    }
  ).renderer();
  const cache = new Map<string, { width: number; height: number }>();
  return (node, text) => {
    const size = Number.parseFloat(node.style("font-size")) || 0;
    const key = `${size}\u0000${text}`;
    let found = cache.get(key);
    if (!found) {
      found = renderer?.calculateLabelDimensions
        ? renderer.calculateLabelDimensions(node, text)
        : estimateText(text, size);
      cache.set(key, found);
    }
    return found;
  };
}

/** About how wide and tall a caption of `size` px is: 0.6 em a character, one size a line. Pure. */
export function estimateText(text: string, size: number): { width: number; height: number } {
  const lines = text.split("\n");
  return { width: Math.ceil(Math.max(...lines.map((line) => line.length)) * size * 0.6), height: lines.length * size };
}

function toggle(node: NodeSingular, name: string, on: boolean): void {
  if (node.hasClass(name) !== on) node.toggleClass(name, on);
}

/** Overlap by more than a sliver: names that merely touch stay. */
function overlaps(a: Box, b: Box): boolean {
  const slack = 1;
  return a.x1 + slack < b.x2 && b.x1 + slack < a.x2 && a.y1 + slack < b.y2 && b.y1 + slack < a.y2;
}

/** Boxes bucketed in square cells, so that a pass over 2,000 elements checks neighbours, not everything. */
class BoxGrid {
  private static readonly CELL = 160;
  private readonly cells = new Map<string, Array<{ box: Box; owner: string }>>();

  add(box: Box, owner: string): void {
    this.each(box, (key) => {
      let cell = this.cells.get(key);
      if (!cell) {
        cell = [];
        this.cells.set(key, cell);
      }
      cell.push({ box, owner });
    });
  }

  /** Whether `box` overlaps a box of another owner than `owner`. */
  hits(box: Box, owner: string): boolean {
    let hit = this.hitsIn("huge", box, owner);
    this.each(box, (key) => {
      if (!hit && key !== "huge") hit = this.hitsIn(key, box, owner);
    });
    return hit;
  }

  private hitsIn(key: string, box: Box, owner: string): boolean {
    return (this.cells.get(key) ?? []).some((other) => other.owner !== owner && overlaps(box, other.box));
  }

  private each(box: Box, visit: (key: string) => void): void {
    const size = BoxGrid.CELL;
    const [x1, x2] = [Math.floor(box.x1 / size), Math.floor(box.x2 / size)];
    const [y1, y2] = [Math.floor(box.y1 / size), Math.floor(box.y2 / size)];
    if ((x2 - x1 + 1) * (y2 - y1 + 1) > 400) {
      visit("huge");
      return;
    }
    for (let i = x1; i <= x2; i++) for (let j = y1; j <= y2; j++) visit(`${i},${j}`);
  }
}
