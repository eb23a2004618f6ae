import type { Core } from "cytoscape";
import { isTyping } from "../dom/is-typing";

/** Delete or Backspace hides the selection from the view (outside text fields). */
export function bindHideKey(cy: Core, hide: (ids: string[]) => void): void {
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Delete" && event.key !== "Backspace") return;
    if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    const selected = cy.elements(":selected").map((element) => element.id());
    if (selected.length === 0) return;
    event.preventDefault();
    hide(selected);
  });
}
