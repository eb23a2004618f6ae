import { el } from "../../dom/el";
import type { WorkbenchError } from "./describe-cypher-error";

export interface ErrorArea {
  readonly element: HTMLElement;
  show(error: WorkbenchError): void;
  clear(): void;
}

/** The workbench's own error box under the editor: code, message, hint, and the line/column to jump to. */
export function createErrorArea(goTo: (line: number, column: number) => void): ErrorArea {
  const element = el("div", { class: "wb-error", "data-testid": "workbench-error", role: "alert", hidden: true });
  return {
    element,
    show: (error) => {
      const location = error.location;
      const jump = location
        ? el(
            "button",
            { type: "button", class: "wb-link error-location", "data-testid": "error-location" },
            `Line ${location.line}, column ${location.column}`,
          )
        : null;
      if (jump && location) jump.addEventListener("click", () => goTo(location.line, location.column));
      const parts: Node[] = [
        el(
          "div",
          { class: "error-head" },
          el("span", { class: "error-code", "data-testid": "error-code" }, error.code),
          jump,
        ),
        el("p", { class: "error-message", "data-testid": "error-message" }, error.message),
      ];
      if (error.hint) parts.push(el("p", { class: "error-hint" }, error.hint));
      element.replaceChildren(...parts);
      element.hidden = false;
    },
    clear: () => {
      element.replaceChildren();
      element.hidden = true;
    },
  };
}
