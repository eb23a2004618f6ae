import { el } from "../../dom/el";
import type { ResultMode } from "../../explorer/draw-result-graph";

export type { ResultMode } from "../../explorer/draw-result-graph";

export interface ResultModeControl {
  readonly element: HTMLElement;
  value(): ResultMode;
}

/** A two-way segmented control (radio buttons), remembered across visits. */
export function createResultModeControl(initial: ResultMode, onChange: (mode: ResultMode) => void): ResultModeControl {
  const option = (mode: ResultMode, text: string, title: string) => {
    const input = el("input", {
      type: "radio",
      name: "result-mode",
      value: mode,
      checked: mode === initial,
      "data-testid": `result-mode-${mode}`,
    });
    input.addEventListener("change", () => {
      if (input.checked) onChange(mode);
    });
    return { input, label: el("label", { class: "segment", title }, input, el("span", {}, text)) };
  };
  const merge = option("merge", "Merge", "Add the result's nodes and relationships to the canvas");
  const replace = option("replace", "Replace", "Clear the canvas and draw only the result");
  return {
    element: el(
      "fieldset",
      { class: "segmented", "data-testid": "result-mode" },
      el("legend", { class: "segmented-legend" }, "Canvas"),
      merge.label,
      replace.label,
    ),
    value: () => (replace.input.checked ? "replace" : "merge"),
  };
}
