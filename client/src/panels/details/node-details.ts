import type { GraphEdge, GraphNode, NodeDetails } from "../../../../contract/graph-contract";
import type { CanvasNodeData } from "../../canvas/to-cy-elements";
import { el } from "../../dom/el";
import { certaintyBadge } from "./certainty-badge";
import { renderPropertyList } from "./property-list";

export interface NodeDetailsDeps {
  nodeCaption(id: string): string | undefined;
  /** Shows a relationship of the node (adding it and its other end to the canvas if needed). */
  openRelationship(edge: GraphEdge, other: GraphNode | undefined): void;
}

/** All properties of a node, name and id first. */
export function renderNodeProperties(data: CanvasNodeData): HTMLElement {
  return renderPropertyList(data.props, { first: ["name", "id"], testId: "node-properties" });
}

/** The node's relationships as fetched from the API, outgoing first, each with its certainty. */
export function renderRelationships(nodeId: string, details: NodeDetails, deps: NodeDetailsDeps): HTMLElement {
  if (details.relationships.length === 0) {
    return el("p", { class: "empty", "data-testid": "node-relationships" }, "No relationships.");
  }
  const neighbours = new Map(details.neighbours.map((node) => [node.data.id, node]));
  const outgoing = (edge: GraphEdge) => (edge.data.source === nodeId ? 0 : 1);
  const sorted = [...details.relationships].sort(
    (a, b) => outgoing(a) - outgoing(b) || a.data.caption.localeCompare(b.data.caption),
  );
  const list = el(
    "ul",
    { class: "relationship-list", "data-testid": "node-relationships" },
    ...sorted.map((edge) => {
      const isOut = edge.data.source === nodeId;
      const otherId = isOut ? edge.data.target : edge.data.source;
      const other = neighbours.get(otherId);
      const otherName = deps.nodeCaption(otherId) ?? other?.data.caption ?? otherId;
      const selfName = deps.nodeCaption(nodeId) ?? nodeId;
      const sentence = isOut
        ? `${selfName} — ${edge.data.caption} → ${otherName}`
        : `${otherName} — ${edge.data.caption} → ${selfName}`;
      const row = el(
        "button",
        { type: "button", class: "relationship", title: sentence, "data-edge-id": edge.data.id },
        el(
          "span",
          { class: `direction direction-${isOut ? "out" : "in"}`, "aria-label": isOut ? "outgoing" : "incoming" },
          isOut ? "→" : "←",
        ),
        // Outgoing: "sources from Huawei Technologies"; incoming: "ByteDance sources from" (this node).
        isOut
          ? el(
              "span",
              { class: "relationship-text" },
              el("span", { class: "relationship-caption" }, edge.data.caption),
              " ",
              el("span", { class: "relationship-other" }, otherName),
            )
          : el(
              "span",
              { class: "relationship-text" },
              el("span", { class: "relationship-other" }, otherName),
              " ",
              el("span", { class: "relationship-caption" }, edge.data.caption),
            ),
        certaintyBadge(edge.data.certainty),
      );
      row.addEventListener("click", () => deps.openRelationship(edge, other));
      return el("li", {}, row);
    }),
  );
  if (!details.truncated) return list;
  return el(
    "div",
    {},
    list,
    el("p", { class: "meta" }, "Only the first relationships are listed (the server capped the answer)."),
  );
}
