import type { Core } from "cytoscape";
import type { ViewState } from "../../../contract/graph-contract";
import { debounce } from "../dom/debounce";
import { encodeViewState } from "./view-url";

export interface UrlSync {
  /** Starts following the canvas (after the first view is drawn, so a link being opened is not overwritten). */
  start(): void;
  /** Asks for an update after a change the canvas does not announce (a filter that changed nothing drawn). */
  changed(): void;
}

/** The canvas events after which the link no longer matches. */
const VIEW_EVENTS = "add remove position pan zoom select unselect class";
const SETTLE_MS = 400;

/**
 * Keeps the URL's hash on the view shown (replaceState: no history entry per change), once changes settle.
 * `body[data-view-url]` reads "pending" while an update waits and "current" once the link matches.
 */
export function syncViewToUrl(cy: Core, capture: () => ViewState): UrlSync {
  let started = false;
  /** Changes seen so far: a write describes the view as of the change count it captured. */
  let changes = 0;
  const write = debounce(async () => {
    const seen = changes;
    const hash = await encodeViewState(capture());
    // A change came while this view was being encoded: its own write (due later) has the link.
    // Writing this one and saying "current" would name the view from before that change.
    if (seen !== changes) return;
    window.history.replaceState(window.history.state, "", `${location.pathname}${location.search}#${hash}`);
    document.body.dataset.viewUrl = "current";
  }, SETTLE_MS);
  const changed = () => {
    if (!started) return;
    changes += 1;
    document.body.dataset.viewUrl = "pending";
    write.call();
  };
  cy.on(VIEW_EVENTS, changed);
  return {
    start: () => {
      started = true;
      changed();
    },
    changed,
  };
}
