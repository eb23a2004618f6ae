import { isNode, isPath, isRelationship, type Record } from "neo4j-driver";
import type { CellValue } from "../../../contract/graph-contract";
import { meaningfulLabels } from "./lookup-label";
import { toPlainValue } from "./to-plain-value";

/** Node element id → Cytoscape id, so table cells point at the same elements as the graph. */
export type NodeIds = Map<string, string>;

/** One result value as a table cell: graph values summarised, everything else converted like a property. */
export function toCell(value: unknown, nodeIds: NodeIds, captionOf: (elementId: string) => string): CellValue {
  const nodeId = (elementId: string) => nodeIds.get(elementId) ?? elementId;
  if (isNode(value)) {
    return {
      $node: {
        id: nodeId(value.elementId),
        labels: meaningfulLabels(value.labels),
        caption: captionOf(value.elementId),
      },
    };
  }
  if (isRelationship(value)) {
    return {
      $relationship: {
        id: value.elementId,
        type: value.type,
        source: nodeId(value.startNodeElementId),
        target: nodeId(value.endNodeElementId),
      },
    };
  }
  if (isPath(value)) {
    return {
      $path: {
        nodes: [value.start, ...value.segments.map((segment) => segment.end)].map((node) => nodeId(node.elementId)),
        relationships: value.segments.map((segment) => segment.relationship.elementId),
        length: value.length,
      },
    };
  }
  if (Array.isArray(value)) return value.map((item) => toCell(item, nodeIds, captionOf));
  if (value !== null && typeof value === "object" && value.constructor === Object) {
    const cells: { [key: string]: CellValue } = {};
    for (const [key, inner] of Object.entries(value)) cells[key] = toCell(inner, nodeIds, captionOf);
    return cells;
  }
  return toPlainValue(value);
}

export function recordToRow(record: Record, nodeIds: NodeIds, captionOf: (elementId: string) => string): CellValue[] {
  return record.keys.map((key) => toCell(record.get(key), nodeIds, captionOf));
}
