export interface ViewHistory {
  /** Records the canvas as it is now, before a change named `label` ("Expand Huawei", "Layout: grid"); clears redo. */
  checkpoint(label: string): void;
  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
  /** Labels for button titles: "Undo Expand Huawei". */
  undoLabel(): string | null;
  redoLabel(): string | null;
  onChange(listener: () => void): void;
}

export interface ViewHistoryOptions<Snapshot> {
  /** The whole view as it is now, detached from the live canvas. */
  capture(): Snapshot;
  /** Puts the view back exactly as the snapshot has it. */
  restore(snapshot: Snapshot): void;
  /** How many steps undo reaches back; the oldest are dropped past it. */
  depth?: number;
}

interface Step<Snapshot> {
  label: string;
  snapshot: Snapshot;
}

export const DEFAULT_HISTORY_DEPTH = 100;

/**
 * Undo and redo over whole-view snapshots: each step keeps the view from before the change it names,
 * so undo needs no inverse of any action. Undoing keeps the view it leaves, under the same label, for redo.
 */
export function createViewHistory<Snapshot>(options: ViewHistoryOptions<Snapshot>): ViewHistory {
  const depth = Math.max(1, options.depth ?? DEFAULT_HISTORY_DEPTH);
  const past: Step<Snapshot>[] = [];
  const future: Step<Snapshot>[] = [];
  const listeners: Array<() => void> = [];
  const changed = () => {
    for (const listener of listeners) listener();
  };
  const move = (from: Step<Snapshot>[], to: Step<Snapshot>[]) => {
    const step = from.pop();
    if (!step) return;
    to.push({ label: step.label, snapshot: options.capture() });
    options.restore(step.snapshot);
    changed();
  };

  return {
    checkpoint: (label) => {
      past.push({ label, snapshot: options.capture() });
      if (past.length > depth) past.splice(0, past.length - depth);
      future.length = 0;
      changed();
    },
    undo: () => move(past, future),
    redo: () => move(future, past),
    canUndo: () => past.length > 0,
    canRedo: () => future.length > 0,
    undoLabel: () => {
      const step = past.at(-1);
      return step ? `Undo ${step.label}` : null;
    },
    redoLabel: () => {
      const step = future.at(-1);
      return step ? `Redo ${step.label}` : null;
    },
    onChange: (listener) => {
      listeners.push(listener);
    },
  };
}
