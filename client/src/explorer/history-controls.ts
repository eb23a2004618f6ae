import { isTyping } from "../dom/is-typing";
import type { ViewHistory } from "./view-history";

/**
 * The Undo and Redo buttons (disabled when there is nothing to undo or redo, titled with the action)
 * and their keys: Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y (Cmd on a Mac), left alone while typing.
 * `tell` says what was undone: the status line may still describe the step itself.
 */
export function bindHistoryControls(
  history: ViewHistory,
  undoButton: HTMLButtonElement,
  redoButton: HTMLButtonElement,
  tell: (message: string) => void,
): void {
  const render = () => {
    undoButton.disabled = !history.canUndo();
    redoButton.disabled = !history.canRedo();
    undoButton.title = `${history.undoLabel() ?? "Nothing to undo"} (Ctrl+Z)`;
    redoButton.title = `${history.redoLabel() ?? "Nothing to redo"} (Ctrl+Shift+Z)`;
  };
  const undo = () => {
    const label = history.undoLabel();
    if (!label) return;
    history.undo();
    tell(`${label.replace(/^Undo /, "Undid: ")} · Ctrl+Shift+Z to redo`);
  };
  const redo = () => {
    const label = history.redoLabel();
    if (!label) return;
    history.redo();
    tell(`${label.replace(/^Redo /, "Redid: ")} · Ctrl+Z to undo`);
  };
  history.onChange(render);
  render();
  undoButton.addEventListener("click", undo);
  redoButton.addEventListener("click", redo);
  document.addEventListener("keydown", (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || isTyping(event.target)) return;
    const key = event.key.toLowerCase();
    const wantsRedo = (key === "z" && event.shiftKey) || (key === "y" && !event.shiftKey);
    const wantsUndo = key === "z" && !event.shiftKey;
    if (!wantsUndo && !wantsRedo) return;
    event.preventDefault();
    if (wantsUndo) undo();
    else redo();
  });
}
