import type { ElementDefinition } from "cytoscape";
import type { EdgeData, GraphEdge, GraphNode, NodeData } from "../../../contract/graph-contract";
import { isCertainty } from "../look/certainty-styles";
import { claimClasses, edgeClaimSummary } from "../look/edge-claims";
import { labelClass, labelStyleFor } from "../look/label-styles";

/** Node data on the canvas: the DTO plus the caption chosen by the label table. */
export interface CanvasNodeData extends NodeData {
  display: string;
}

export interface GraphPart {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

/** Pure mapping from contract elements to Cytoscape element definitions with data and classes. */
export function toCyElements(graph: GraphPart): ElementDefinition[] {
  return [...graph.nodes.map(toCyNode), ...graph.edges.map(toCyEdge)];
}

export function toCyNode(node: GraphNode): ElementDefinition {
  const data: CanvasNodeData = { ...node.data, display: displayCaption(node.data) };
  return { group: "nodes", data, classes: [labelClass(node.data.label)] };
}

export function toCyEdge(edge: GraphEdge): ElementDefinition {
  const certainty = edgeCertainty(edge.data);
  const data: EdgeData = certainty ? { ...edge.data, certainty } : { ...edge.data };
  const classes = [relationshipClass(edge.data.type)];
  if (certainty) classes.push(`certainty-${certainty}`);
  classes.push(...claimClasses(edgeClaimSummary(edge.data)));
  return { group: "edges", data, classes };
}

/** The certainty the server copied into `data`, else the one in the provenance properties. */
export function edgeCertainty(data: EdgeData): EdgeData["certainty"] {
  if (data.certainty) return data.certainty;
  const fromProps = data.props.certainty;
  return isCertainty(fromProps) ? fromProps : undefined;
}

function displayCaption(data: NodeData): string {
  const value = data.props[labelStyleFor(data.label).captionProperty];
  return typeof value === "string" && value.trim() !== "" ? value : data.caption;
}

function relationshipClass(type: string): string {
  return `rel-${type.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
}
