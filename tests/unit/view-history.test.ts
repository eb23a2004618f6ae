import { describe, expect, it } from "vitest";
import { createViewHistory } from "../../client/src/explorer/view-history";

/** A "canvas" that is one string, so each transition is easy to read. */
function historyOver(initial: string, depth?: number) {
  const view = { value: initial };
  const changes: number[] = [];
  const history = createViewHistory<string>({
    capture: () => view.value,
    restore: (snapshot) => {
      view.value = snapshot;
    },
    ...(depth === undefined ? {} : { depth }),
  });
  history.onChange(() => changes.push(changes.length + 1));
  const act = (label: string, next: string) => {
    history.checkpoint(label);
    view.value = next;
  };
  return { view, history, act, changes };
}

describe("view history", () => {
  it("starts with nothing to undo or redo", () => {
    const { history } = historyOver("a");
    expect(history.canUndo()).toBe(false);
    expect(history.canRedo()).toBe(false);
    expect(history.undoLabel()).toBeNull();
    expect(history.redoLabel()).toBeNull();
  });

  it("undoes back to the view before each step and redoes forward, naming the step", () => {
    const { view, history, act } = historyOver("a");
    act("Expand Huawei", "ab");
    act("Hide ByteDance", "b");
    expect(history.undoLabel()).toBe("Undo Hide ByteDance");

    history.undo();
    expect(view.value).toBe("ab");
    expect(history.undoLabel()).toBe("Undo Expand Huawei");
    expect(history.redoLabel()).toBe("Redo Hide ByteDance");

    history.undo();
    expect(view.value).toBe("a");
    expect(history.canUndo()).toBe(false);

    history.redo();
    expect(view.value).toBe("ab");
    history.redo();
    expect(view.value).toBe("b");
    expect(history.canRedo()).toBe(false);
    expect(history.undoLabel()).toBe("Undo Hide ByteDance");
  });

  it("clears redo when a new step is taken after an undo", () => {
    const { view, history, act } = historyOver("a");
    act("Expand Huawei", "ab");
    history.undo();
    expect(history.canRedo()).toBe(true);
    act("Layout: grid", "a-grid");
    expect(history.canRedo()).toBe(false);
    expect(history.redoLabel()).toBeNull();
    history.redo();
    expect(view.value).toBe("a-grid");
  });

  it("keeps only the newest steps past its depth", () => {
    const { view, history, act } = historyOver("0", 3);
    for (let step = 1; step <= 5; step += 1) act(`Step ${step}`, String(step));
    let undone = 0;
    while (history.canUndo()) {
      history.undo();
      undone += 1;
    }
    expect(undone).toBe(3);
    expect(view.value).toBe("2");
  });

  it("does nothing on undo or redo with an empty stack, and tells listeners of each change", () => {
    const { view, history, act, changes } = historyOver("a");
    history.undo();
    history.redo();
    expect(view.value).toBe("a");
    expect(changes).toHaveLength(0);
    act("Pin A100", "a*");
    history.undo();
    history.redo();
    expect(changes).toHaveLength(3);
  });
});
