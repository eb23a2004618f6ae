import type { Core } from "cytoscape";
import { prefersReducedMotion } from "../../dom/reduced-motion";
import type { LayoutRequest } from "../layout-options";
import { LAYOUT_TITLES, type LayoutName } from "./layout-catalog";
import { computeLayoutOffThread } from "./layout-off-thread";
import { ANIMATE_UP_TO, applyPositions, HIERARCHICAL_MAX_NODES, LAYOUT_BUDGET_MS, pinnedPositions } from "./run-layout";

/** The tuned force-directed layout of small graphs (several tries, components turned and packed). */
const TUNED_FORCE_UP_TO = 300;

export interface LayoutRunnerDeps {
  cy: Core;
  /** The canvas' own force-directed layout, best on small graphs without pinned nodes. */
  tunedForceLayout(request: LayoutRequest): Promise<void>;
  fitAll(): void;
  /** The layout the canvas was last laid out with. */
  current(): LayoutName;
  /** Called before the canvas moves: records the layout chosen, as a step the move belongs to. */
  choose(name: LayoutName): void;
  tell(message: string): void;
}

export interface LayoutRunner {
  /** Lays the canvas out with `name` (the current layout when absent), pinned nodes staying put. */
  run(name?: LayoutName): Promise<void>;
  isRunning(): boolean;
}

export function createLayoutRunner(deps: LayoutRunnerDeps): LayoutRunner {
  const { cy } = deps;
  let running = false;

  return {
    isRunning: () => running,
    async run(name = deps.current()) {
      if (running) return;
      const count = cy.nodes().length;
      const title = LAYOUT_TITLES[name];
      if (name === "dagre" && count > HIERARCHICAL_MAX_NODES) {
        deps.tell(
          `${title} layout handles up to ${HIERARCHICAL_MAX_NODES.toLocaleString("en-US")} nodes; ` +
            `this graph has ${count.toLocaleString("en-US")}. The canvas is unchanged.`,
        );
        return;
      }
      running = true;
      try {
        deps.choose(name);
        if (count === 0) return;
        const pinned = pinnedPositions(cy);
        if (name === "fcose" && pinned.size === 0 && count <= TUNED_FORCE_UP_TO) {
          await deps.tunedForceLayout({ randomize: true, animate: count <= ANIMATE_UP_TO && !prefersReducedMotion() });
          return;
        }
        const computed = await computeLayoutOffThread(cy, name, pinned);
        await applyPositions(cy, computed.positions, () => deps.fitAll());
        const kept =
          pinned.size > 0 ? ` (${pinned.size} pinned node${pinned.size === 1 ? "" : "s"} kept in place)` : "";
        deps.tell(
          computed.stoppedEarly
            ? `${title} layout stopped after ${LAYOUT_BUDGET_MS / 1000} s to keep the page responsive: positions are approximate${kept}`
            : `${title} layout${kept}`,
        );
      } finally {
        running = false;
      }
    },
  };
}
