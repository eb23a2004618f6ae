/**
 * Made-up graph parts for the client's unit tests, shaped as the API sends them: companies that
 * order from each other. One place, so a change of the graph contract is mended once.
 */
import type { GraphEdge, GraphNode, PropertyValue } from "../../contract/graph-contract";

/** A company named and identified by `id`. */
export const companyNode = (id: string): GraphNode => ({
  data: { id, elementId: `4:x:${id}`, labels: ["Company"], label: "Company", caption: id, props: { id, name: id } },
});

/** A reported ORDERED relationship from `source` to `target`, with the properties given. */
export const orderedEdge = (
  id: string,
  source: string,
  target: string,
  props: Record<string, PropertyValue> = {},
): GraphEdge => ({
  data: { id, elementId: id, source, target, type: "ORDERED", caption: "ordered", certainty: "reported", props },
});
