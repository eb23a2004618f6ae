import { el } from "../dom/el";

export interface LayoutParts {
  sideTabs: HTMLElement;
  sidePanels: readonly HTMLElement[];
  resultMode: HTMLElement;
  params: HTMLElement;
  error: HTMLElement;
  results: HTMLElement;
}

export interface LayoutRefs {
  runButton: HTMLButtonElement;
  cancelButton: HTMLButtonElement;
  closeButton: HTMLButtonElement;
  /** Where the CodeMirror editor mounts. */
  editorHost: HTMLElement;
  /** One line under the editor: keys, or what the completion knows. */
  editorNote: HTMLElement;
  resizeHandle: HTMLElement;
}

/**
 * The drawer's frame: a header (title, Run, Cancel, canvas mode, close), then three columns:
 * library / history / saved, the editor with its parameters, and the results.
 */
export function buildWorkbenchLayout(root: HTMLElement, parts: LayoutParts): LayoutRefs {
  const runButton = el(
    "button",
    {
      type: "button",
      class: "wb-button wb-primary run-button",
      "data-testid": "run-button",
      title: "Run (Ctrl+Enter)",
    },
    el("span", { class: "run-icon", "aria-hidden": "true" }),
    "Run",
  );
  const cancelButton = el(
    "button",
    { type: "button", class: "wb-button", "data-testid": "cancel-button", disabled: true, title: "Stop the query" },
    "Cancel",
  );
  const closeButton = el("button", {
    type: "button",
    class: "wb-close",
    "data-testid": "workbench-close",
    "aria-label": "Close the workbench (Esc)",
    title: "Close (Esc)",
  });
  const editorHost = el(
    "div",
    { class: "wb-editor-host" },
    el("p", { class: "wb-loading" }, "Loading the Cypher editor…"),
  );
  const editorNote = el("p", { class: "wb-editor-note" });
  const resizeHandle = el("div", {
    class: "wb-resize",
    role: "separator",
    tabindex: 0,
    "aria-orientation": "horizontal",
    "aria-label": "Resize the workbench",
    "aria-valuemin": 260,
    title: "Drag to resize",
  });

  root.replaceChildren(
    resizeHandle,
    el(
      "header",
      { class: "wb-header" },
      el(
        "h2",
        { class: "wb-title" },
        "Cypher workbench",
        el("span", { class: "wb-badge", title: "Queries that write are refused" }, "read-only"),
      ),
      el("div", { class: "wb-run-controls" }, runButton, cancelButton),
      parts.resultMode,
      el(
        "span",
        { class: "wb-keys" },
        el("kbd", {}, "Ctrl"),
        "+",
        el("kbd", {}, "Enter"),
        " runs · ",
        el("kbd", {}, "Esc"),
        " closes",
      ),
      closeButton,
    ),
    el(
      "div",
      { class: "wb-body" },
      el("aside", { class: "wb-side", "aria-label": "Queries" }, parts.sideTabs, ...parts.sidePanels),
      el(
        "div",
        { class: "wb-compose" },
        el("div", { class: "wb-editor-frame" }, editorHost, editorNote),
        parts.params,
        parts.error,
      ),
      parts.results,
    ),
  );
  return { runButton, cancelButton, closeButton, editorHost, editorNote, resizeHandle };
}
