import { type Child, el } from "../../dom/el";

/** A titled block of the details panel. */
export function section(title: Child, ...content: Child[]): HTMLElement {
  return el("section", { class: "panel-section" }, el("h3", { class: "section-title" }, title), ...content);
}
