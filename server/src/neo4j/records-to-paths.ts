import type { Path, Record } from "neo4j-driver";
import type { Graph, GraphPath } from "../../../contract/graph-contract";
import { assignNodeIds, collectElements, elementsToGraph, type GraphCaps } from "./records-to-graph";

/**
 * Records with a path under `key` to the paths as data ids, plus every element on them as one graph
 * (each node and relationship once, however many paths share it).
 */
export function recordsToPaths(
  records: readonly Record[],
  key: string,
  caps: GraphCaps,
): { paths: GraphPath[]; graph: Graph } {
  const collected = collectElements(records);
  const dataIds = assignNodeIds(collected.nodes.values());
  const dataId = (elementId: string) => dataIds.get(elementId) as string;
  const paths = records.map((record): GraphPath => {
    const path: Path = record.get(key);
    return {
      nodes: [path.start, ...path.segments.map((segment) => segment.end)].map((node) => dataId(node.elementId)),
      edges: path.segments.map((segment) => segment.relationship.elementId),
      length: path.segments.length,
    };
  });
  return { paths, graph: elementsToGraph(collected, dataIds, caps) };
}
