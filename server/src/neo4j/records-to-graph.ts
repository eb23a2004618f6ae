import { isNode, isPath, isRelationship, type Node, type Record, type Relationship } from "neo4j-driver";
import { certaintySchema, type Graph, type GraphEdge, type GraphNode } from "../../../contract/graph-contract";
import { meaningfulLabels } from "./lookup-label";
import { relationshipCaption } from "./relationship-caption";
import { toPlainProperties } from "./to-plain-value";

export interface GraphCaps {
  maxNodes: number;
  maxEdges: number;
}

export interface CollectedElements {
  nodes: Map<string, Node>;
  relationships: Map<string, Relationship>;
}

/** Every node and relationship in the records, by element id (paths, lists and maps searched too). */
export function collectElements(records: Iterable<Record>): CollectedElements {
  const collected: CollectedElements = { nodes: new Map(), relationships: new Map() };
  for (const record of records) {
    for (const key of record.keys) collect(record.get(key), collected);
  }
  return collected;
}

/** Finds every node, relationship and path in a value, however deeply nested in lists and maps. */
function collect(value: unknown, into: CollectedElements): void {
  if (isNode(value)) {
    into.nodes.set(value.elementId, value);
  } else if (isRelationship(value)) {
    into.relationships.set(value.elementId, value);
  } else if (isPath(value)) {
    into.nodes.set(value.start.elementId, value.start);
    for (const segment of value.segments) {
      into.relationships.set(segment.relationship.elementId, segment.relationship);
      into.nodes.set(segment.end.elementId, segment.end);
    }
  } else if (Array.isArray(value)) {
    for (const item of value) collect(item, into);
  } else if (value !== null && typeof value === "object" && value.constructor === Object) {
    for (const item of Object.values(value)) collect(item, into);
  }
}

function stringProperty(properties: { [key: string]: unknown }, key: string): string | undefined {
  const value = properties[key];
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** What to print for a node: its `name`, else its `title`, else its id. */
export function nodeCaption(node: Node, dataId: string): string {
  return stringProperty(node.properties, "name") ?? stringProperty(node.properties, "title") ?? dataId;
}

/** Node element; `dataId` is the node's `id` property, or its element id when it has none. */
export function nodeToElement(node: Node, dataId: string): GraphNode {
  return {
    data: {
      id: dataId,
      elementId: node.elementId,
      labels: meaningfulLabels(node.labels),
      label: meaningfulLabels(node.labels)[0] ?? "Node",
      caption: nodeCaption(node, dataId),
      props: toPlainProperties(node.properties),
    },
  };
}

export function relationshipToElement(relationship: Relationship, source: string, target: string): GraphEdge {
  const props = toPlainProperties(relationship.properties);
  const certainty = certaintySchema.safeParse(props.certainty);
  return {
    data: {
      id: relationship.elementId,
      elementId: relationship.elementId,
      source,
      target,
      type: relationship.type,
      caption: relationshipCaption(relationship.type),
      ...(certainty.success ? { certainty: certainty.data } : {}),
      props,
    },
  };
}

/**
 * Assigns each node its Cytoscape id: the `id` property when it has one that no other node
 * in this answer already took, else the element id (so two nodes never merge by accident).
 */
export function assignNodeIds(nodes: Iterable<Node>, taken: Set<string> = new Set()): Map<string, string> {
  const dataIdByElementId = new Map<string, string>();
  for (const node of nodes) {
    const wanted = stringProperty(node.properties, "id");
    let dataId = wanted !== undefined && !taken.has(wanted) ? wanted : node.elementId;
    // Pathological, but an `id` property may equal another node's element id.
    for (let suffix = 2; taken.has(dataId); suffix += 1) dataId = `${node.elementId}#${suffix}`;
    taken.add(dataId);
    dataIdByElementId.set(node.elementId, dataId);
  }
  return dataIdByElementId;
}

/**
 * Driver records to the one graph shape: deduplicated, capped (`truncated` says so),
 * and without edges whose ends are not in the answer.
 */
export function recordsToGraph(records: Iterable<Record>, caps: GraphCaps): Graph {
  const collected = collectElements(records);
  const keptNodes = [...collected.nodes.values()].slice(0, caps.maxNodes);
  return elementsToGraph(collected, assignNodeIds(keptNodes), caps);
}

/** The graph of collected elements, given each kept node's Cytoscape id (nodes without one are left out). */
export function elementsToGraph(collected: CollectedElements, dataIds: Map<string, string>, caps: GraphCaps): Graph {
  let truncated = collected.nodes.size > caps.maxNodes;
  const nodes: GraphNode[] = [];
  const kept = new Map<string, string>();
  for (const node of collected.nodes.values()) {
    const dataId = dataIds.get(node.elementId);
    if (dataId === undefined || nodes.length === caps.maxNodes) continue;
    nodes.push(nodeToElement(node, dataId));
    kept.set(node.elementId, dataId);
  }
  const edges: GraphEdge[] = [];
  for (const relationship of collected.relationships.values()) {
    // Only between nodes of this answer: an edge to a node cut by the cap would dangle.
    const source = kept.get(relationship.startNodeElementId);
    const target = kept.get(relationship.endNodeElementId);
    if (source === undefined || target === undefined) continue;
    if (edges.length === caps.maxEdges) {
      truncated = true;
      break;
    }
    edges.push(relationshipToElement(relationship, source, target));
  }
  return { nodes, edges, truncated };
}
