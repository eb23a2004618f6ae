import cytoscape, { type Core, type LayoutOptions, type NodeCollection, type NodeSingular } from "cytoscape";
import dagre from "cytoscape-dagre";
import fcose from "cytoscape-fcose";
import { prefersReducedMotion } from "../../dom/reduced-motion";
import type { Point } from "../place-around";
import {
  type ForceOptions,
  forceOptions,
  type LayoutName,
  layoutOptions,
  type PinnedPositions,
  withPinned,
} from "./layout-catalog";
import { moveBehindPicture } from "./move-behind-picture";
import { placeAroundPinned } from "./pinned-placement";

/** Past this many nodes a layout is not animated: moving them all costs more than it shows. */
export const ANIMATE_UP_TO = 150;
/** Hierarchical layout (dagre) runs in one synchronous pass: past this size it could freeze the page. */
export const HIERARCHICAL_MAX_NODES = 1500;
/** Force-directed passes on a large graph stop once this much time went by. */
export const LAYOUT_BUDGET_MS = 3000;

// Registering twice (create-canvas registers fcose too) only replaces the same definition.
cytoscape.use(dagre);
cytoscape.use(fcose);

const LARGE_FORCE_GRAPH = 300;
const REFINE_PASSES = 6;
const REFINE_ITERATIONS = 250;

export interface ComputedLayout {
  positions: Map<string, Point>;
  /** True when the time budget cut the refinement short. */
  stoppedEarly: boolean;
}

/**
 * Runs a layout on the canvas' nodes without showing it: returns the positions it found (pinned
 * nodes kept where they are) and puts every node back, so the caller can animate the move or
 * apply it at once. A large force-directed layout is a quick draft refined in short passes until
 * the time budget runs out; between passes the page stays responsive.
 */
export async function computeLayout(
  cy: Core,
  name: LayoutName,
  pinned: PinnedPositions,
  budgetMs = LAYOUT_BUDGET_MS,
): Promise<ComputedLayout> {
  const nodes = cy.nodes();
  const before = positionsOf(nodes);
  const started = performance.now();
  let stoppedEarly = false;
  try {
    if (name === "fcose" && nodes.length > LARGE_FORCE_GRAPH) {
      const draft: ForceOptions = { ...forceOptions(nodes.length, pinned), quality: "draft" };
      const refine: ForceOptions = { ...forceOptions(nodes.length, pinned, false), numIter: REFINE_ITERATIONS };
      await runPass(cy, draft);
      for (let pass = 0; pass < REFINE_PASSES; pass += 1) {
        if (performance.now() - started > budgetMs) {
          stoppedEarly = true;
          break;
        }
        await nextTask();
        await runPass(cy, refine);
      }
    } else {
      await runPass(cy, layoutOptions(name, nodes.length, pinned));
    }
    // fcose held the pinned nodes itself; the others are fitted around them.
    const laidOut = positionsOf(nodes);
    const positions =
      name === "fcose"
        ? withPinned(laidOut, pinned)
        : placeAroundPinned(laidOut, pinned, (id) => {
            const node = cy.getElementById(id);
            return { width: node.outerWidth(), height: node.outerHeight() };
          });
    return { positions, stoppedEarly };
  } finally {
    nodes.positions((node: NodeSingular) => before.get(node.id()) ?? node.position());
  }
}

export function pinnedPositions(cy: Core): Map<string, Point> {
  return positionsOf(cy.nodes(".pinned"));
}

/**
 * Moves the nodes to `positions` and then calls `fitView`: animated on small graphs; on large ones
 * or when the system asks for less motion, the move is prepared behind the picture on screen over a
 * few frames and shown in one (move-behind-picture.ts). Settles once the new picture is drawn.
 */
export async function applyPositions(
  cy: Core,
  positions: ReadonlyMap<string, Point>,
  fitView: () => void = () => {},
): Promise<void> {
  if (cy.nodes().length <= ANIMATE_UP_TO && !prefersReducedMotion()) {
    await runPass(cy, {
      name: "preset",
      positions: Object.fromEntries(positions),
      animate: true,
      animationDuration: 450,
      fit: false,
    });
    fitView();
    return;
  }
  await moveBehindPicture(cy, positions, fitView);
}

async function runPass(cy: Core, options: LayoutOptions): Promise<void> {
  const layout = cy.layout(options);
  const done = layout.promiseOn("layoutstop");
  layout.run();
  await done;
}

function positionsOf(nodes: NodeCollection): Map<string, Point> {
  return new Map(nodes.map((node) => [node.id(), { ...node.position() }]));
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
