import type { Collection, Core, NodeCollection, NodeSingular } from "cytoscape";
import { fitViewport, type ScreenArea } from "./fit-viewport";
import { fcoseOptions } from "./layout-options";
import { layoutScore } from "./layout-score";
import { packComponents } from "./pack-components";
import type { Point } from "./place-around";
import { seedOf, withSeededRandom } from "./seeded-random";

const COMPONENT_GAP = 90;
const TURNS = [0, 30, 60, 90, 120, 150, 180, 210, 240, 270, 300, 330];

/**
 * Lays the graph out for reading: fcose from several random starts (on small graphs); each
 * connected component turned to the angle where it fits the screen with the fewest overlapping
 * captions; components packed in rows that match the screen's shape. The random starts are seeded
 * from the graph's node ids: the same graph gets the same picture every time. Returns the best positions
 * (nodes are left wherever the last try put them), or undefined when `stale()` turns true.
 */
export async function bestLayout(
  cy: Core,
  randomize: boolean,
  area: () => ScreenArea,
  stale: () => boolean,
): Promise<Map<string, Point> | undefined> {
  const effort = layoutEffort(cy.nodes().length, randomize);
  let best: { score: number; positions: Map<string, Point> } | undefined;
  const seed = seedOf(cy.nodes().map((node) => node.id()));
  for (let attempt = 0; attempt < effort.attempts; attempt += 1) {
    await withSeededRandom(seed + attempt * 0x9e3779b9, () => {
      const run = cy.layout(fcoseOptions({ randomize, animate: false }));
      const done = run.promiseOn("layoutstop");
      run.run();
      return done;
    });
    if (stale()) return undefined;
    const screen = area();
    const components = cy.elements().components();
    for (const component of components) turnForReading(component, effort.turns, screen);
    if (components.length > 1) pack(components, screen.width / screen.height);
    const score = readability(cy.elements(), screen, true);
    if (!best || score > best.score) best = { score, positions: positionsOf(cy.nodes()) };
  }
  return best?.positions;
}

function layoutEffort(nodeCount: number, randomize: boolean): { attempts: number; turns: number[] } {
  if (nodeCount <= 40) return { attempts: randomize ? 10 : 1, turns: TURNS };
  if (nodeCount <= 80) return { attempts: randomize ? 5 : 1, turns: TURNS };
  if (nodeCount <= 300) return { attempts: randomize ? 2 : 1, turns: [0, 90] };
  return { attempts: 1, turns: [0] };
}

function turnForReading(component: Collection, turns: readonly number[], screen: ScreenArea): void {
  const nodes = component.nodes();
  if (nodes.length < 2) return;
  const laidOut = positionsOf(nodes);
  let best: { score: number; positions: Map<string, Point> } | undefined;
  for (const turn of turns) {
    const positions = rotatePositions(laidOut, turn);
    place(nodes, positions);
    const score = readability(component, screen, false);
    if (!best || score > best.score) best = { score, positions };
  }
  if (best) place(nodes, best.positions);
}

function pack(components: Collection[], aspect: number): void {
  const boxes = components.map((component) => component.boundingBox({}));
  const corners = packComponents(boxes, COMPONENT_GAP, aspect);
  components.forEach((component, index) => {
    const box = boxes[index];
    const corner = corners[index];
    if (!box || !corner) return;
    const dx = corner.x - box.x1;
    const dy = corner.y - box.y1;
    component.nodes().positions((node: NodeSingular) => ({ x: node.position().x + dx, y: node.position().y + dy }));
  });
}

/** Fit zoom less a share per defect; obstacles count only for the whole graph, not one component. */
function readability(elements: Collection, screen: ScreenArea, withObstacles: boolean): number {
  const nodes = elements.nodes();
  const { zoom } = fitViewport({
    bounds: elements.boundingBox({}),
    items: nodes.map((node) => node.boundingBox({ includeLabels: true })),
    width: screen.width,
    height: screen.height,
    obstacles: withObstacles ? screen.obstacles : [],
    padding: screen.padding,
    minZoom: screen.minZoom,
    maxZoom: screen.maxZoom,
  });
  return layoutScore(zoom, {
    nodes: nodes.map((node) => ({ id: node.id(), box: node.boundingBox({ includeLabels: true }) })),
    edges: elements.edges().map((edge) => ({
      source: edge.source().id(),
      target: edge.target().id(),
      from: edge.source().position(),
      to: edge.target().position(),
      caption: edge.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }),
    })),
  });
}

function positionsOf(nodes: NodeCollection): Map<string, Point> {
  return new Map(nodes.map((node) => [node.id(), { ...node.position() }]));
}

function place(nodes: NodeCollection, positions: ReadonlyMap<string, Point>): void {
  nodes.positions((node: NodeSingular) => positions.get(node.id()) ?? node.position());
}

/**
 * Positions turned by `degrees` around their common centre. A force-directed layout means the
 * same at any angle, but captions are horizontal and screens are wide: turning picks the best fit.
 */
export function rotatePositions(positions: ReadonlyMap<string, Point>, degrees: number): Map<string, Point> {
  const points = [...positions.values()];
  if (points.length === 0 || degrees % 360 === 0) return new Map(positions);
  const centre = {
    x: points.reduce((sum, point) => sum + point.x, 0) / points.length,
    y: points.reduce((sum, point) => sum + point.y, 0) / points.length,
  };
  const angle = (degrees * Math.PI) / 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const turned = new Map<string, Point>();
  for (const [id, point] of positions) {
    const dx = point.x - centre.x;
    const dy = point.y - centre.y;
    turned.set(id, { x: centre.x + dx * cos - dy * sin, y: centre.y + dx * sin + dy * cos });
  }
  return turned;
}
