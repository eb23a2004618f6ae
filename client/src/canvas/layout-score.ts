import type { Box } from "./fit-viewport";
import type { Point } from "./place-around";

export interface LayoutSample {
  /** Each node's box, caption included. */
  nodes: ReadonlyArray<{ id: string; box: Box }>;
  /** Each edge as a straight segment between its ends, with its caption's box. */
  edges: ReadonlyArray<{ source: string; target: string; from: Point; to: Point; caption: Box }>;
}

/** Each defect (two captions overlapping) scales the score by exp(-cost). */
const DEFECT_COST = 0.035;
/**
 * An edge drawn across a node it does not touch costs more: it reads as a relationship of that node
 * ("co-develops" under Doubao reads as "Doubao develops"). Measured on the seed at 1366x768: with
 * the overlap's cost, 1 to 5 such crossings per load; with this one, 0 to 1.
 */
const CROSSING_COST = 0.25;
const SAMPLES_PER_EDGE = 24;
/** Up to this share more for edges that run level: their captions are turned with them. */
const LEVEL_BONUS = 0.15;

/**
 * How readable a layout is: the zoom at which it fits the screen, less a share for every pair of
 * overlapping boxes (nodes with captions, edge captions) and every edge drawn across a node it
 * does not touch, plus a little for edges that run closer to horizontal. Pure.
 */
export function layoutScore(fitZoom: number, sample: LayoutSample): number {
  const boxes = [...sample.nodes.map((node) => node.box), ...sample.edges.map((edge) => edge.caption)];
  let defects = 0;
  for (let i = 0; i < boxes.length; i += 1) {
    for (let j = i + 1; j < boxes.length; j += 1) {
      const a = boxes[i];
      const b = boxes[j];
      if (a && b && intersects(a, b)) defects += 1;
    }
  }
  let crossings = 0;
  for (const edge of sample.edges) {
    for (const node of sample.nodes) {
      if (node.id !== edge.source && node.id !== edge.target && crosses(edge.from, edge.to, node.box)) crossings += 1;
    }
  }
  const penalty = Math.exp(-DEFECT_COST * defects - CROSSING_COST * crossings);
  return fitZoom * penalty * (1 + LEVEL_BONUS * levelness(sample.edges));
}

/** 1 when every edge is horizontal, 0 when every edge is vertical. */
function levelness(edges: LayoutSample["edges"]): number {
  let total = 0;
  let count = 0;
  for (const { from, to } of edges) {
    const length = Math.hypot(to.x - from.x, to.y - from.y);
    if (length === 0) continue;
    total += Math.abs(to.x - from.x) / length;
    count += 1;
  }
  return count === 0 ? 1 : total / count;
}

function intersects(a: Box, b: Box): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

function crosses(from: Point, to: Point, box: Box): boolean {
  for (let step = 1; step < SAMPLES_PER_EDGE; step += 1) {
    const t = step / SAMPLES_PER_EDGE;
    const x = from.x + (to.x - from.x) * t;
    const y = from.y + (to.y - from.y) * t;
    if (x > box.x1 && x < box.x2 && y > box.y1 && y < box.y2) return true;
  }
  return false;
}
