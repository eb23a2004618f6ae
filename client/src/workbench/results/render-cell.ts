import { el } from "../../dom/el";
import { labelStyleFor } from "../../look/label-styles";
import { shapeIcon } from "../../look/shape-icon";
import { type CellView, cellText } from "./format-cell";

/** Lists of plain values up to this many items stay on one line. */
const INLINE_ITEMS = 6;

/** A table cell's content as DOM (text only ever set as text); node chips call `onNode` when clicked. */
export function renderCell(view: CellView, onNode: (id: string) => void): HTMLElement {
  switch (view.kind) {
    case "null":
      return el("span", { class: "cell-null" }, "null");
    case "string":
      return view.text === ""
        ? el("span", { class: "cell-null" }, '""')
        : el("span", { class: "cell-text" }, view.text);
    case "number":
      return el("span", { class: "cell-number" }, view.text);
    case "boolean":
      return el("span", { class: "cell-boolean" }, view.text);
    case "node":
      return nodeChip(view, onNode);
    case "relationship":
      return el(
        "span",
        { class: "cell-relationship", title: view.text },
        el("span", { class: "cell-end" }, `(${view.from})`),
        el("span", { class: "cell-arrow" }, "-[", el("span", { class: "cell-type" }, `:${view.type}`), "]->"),
        el("span", { class: "cell-end" }, `(${view.to})`),
      );
    case "path":
      return el(
        "span",
        { class: "cell-path", title: cellText(view) },
        el("span", { class: "cell-hops" }, `${view.length} ${view.length === 1 ? "hop" : "hops"}`),
        el("span", { class: "cell-path-text" }, view.text),
      );
    case "list":
      return renderList(view.items, onNode);
    case "map":
      if (view.entries.length === 0) return el("span", { class: "cell-null" }, "{}");
      return el(
        "dl",
        { class: "cell-map" },
        ...view.entries.flatMap(([key, item]) => [el("dt", {}, key), el("dd", {}, renderCell(item, onNode))]),
      );
  }
}

function nodeChip(view: Extract<CellView, { kind: "node" }>, onNode: (id: string) => void): HTMLElement {
  const label = view.labels[0] ?? "";
  const button = el(
    "button",
    {
      type: "button",
      class: "cell-node",
      "data-node-id": view.id,
      title: `Show ${view.caption} on the canvas`,
    },
    shapeIcon(labelStyleFor(label), 12),
    el("span", { class: "cell-caption" }, view.caption),
    ...view.labels.map((name) => el("span", { class: "cell-label" }, name)),
  );
  button.addEventListener("click", () => onNode(view.id));
  return button;
}

function renderList(items: readonly CellView[], onNode: (id: string) => void): HTMLElement {
  if (items.length === 0) return el("span", { class: "cell-null" }, "[ ]");
  const plain = items.every((item) => item.kind !== "list" && item.kind !== "map" && item.kind !== "path");
  if (plain && items.length <= INLINE_ITEMS) {
    const parts = items.flatMap((item, index) => [
      index > 0 ? el("span", { class: "cell-comma" }, ", ") : null,
      renderCell(item, onNode),
    ]);
    return el("span", { class: "cell-inline-list" }, ...parts);
  }
  return el("ol", { class: "cell-list" }, ...items.map((item) => el("li", {}, renderCell(item, onNode))));
}
