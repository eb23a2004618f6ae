import type { Canvas } from "../canvas/create-canvas";
import type { ExplorerState } from "./explorer-state";
import type { ViewHistory } from "./view-history";

/** What a command works on: the state, and the canvas' placement and viewport helpers. */
export interface Explorer {
  readonly state: ExplorerState;
  readonly canvas: ExplorerCanvas;
}

/** The canvas as commands use it (headless tests give a Cytoscape without a screen). */
export type ExplorerCanvas = Pick<
  Canvas,
  | "cy"
  | "addGraph"
  | "has"
  | "nodeCaption"
  | "clear"
  | "select"
  | "centreOn"
  | "fitAll"
  | "fitElements"
  | "counts"
  | "runLayout"
>;

/**
 * A change a command decided on, not yet made. `apply` records the undo step (before `make`), makes it,
 * refreshes what follows the canvas, updates the URL and says `make`'s message on the status line.
 */
export interface Change {
  /** Names the undo step ("Expand Huawei"); null when there is nothing to take back (a selection). */
  readonly step: string | null;
  /** Makes the change on the state and the canvas; returns what the status line says, or null. */
  make(): string | null;
  /** Nodes or relationships were added or taken out by hand (exports then say the query was edited). */
  readonly edits?: boolean;
}

/** Every user step: reads the state, returns the change to make, or null when there is nothing to do. */
export type Command = (explorer: Explorer) => Change | null;

export interface ApplyDeps {
  explorer: Explorer;
  history: ViewHistory;
  /** After every change: counts, legend; `edited` as Change.edits. */
  changed(edited: boolean): void;
  /** The view changed: the URL follows once changes settle. */
  urlChanged(): void;
  tell(message: string): void;
}

/** Applies a command; true when it changed something. */
export type Apply = (command: Command) => boolean;

/** The one place where changes are made: one undo step, one refresh, one URL update, one status message. */
export function createApply({ explorer, history, changed, urlChanged, tell }: ApplyDeps): Apply {
  return (command) => {
    const change = command(explorer);
    if (!change) return false;
    if (change.step !== null) history.checkpoint(change.step);
    const message = change.make();
    changed(change.edits === true);
    urlChanged();
    if (message) tell(message);
    return true;
  };
}

export const UNDO_HINT = " · Ctrl+Z to undo";

export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? word : many}`;
}
