import type { Core } from "cytoscape";
import { isTyping } from "../dom/is-typing";
import type { ExplorerActions } from "./explorer-actions";

/** Delete or Backspace hides the selection from the view (outside text fields). */
export function bindHideKey(cy: Core, explorer: Pick<ExplorerActions, "hide">): void {
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Delete" && event.key !== "Backspace") return;
    if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    const selected = cy.elements(":selected").map((element) => element.id());
    if (selected.length === 0) return;
    event.preventDefault();
    explorer.hide(selected);
  });
}
