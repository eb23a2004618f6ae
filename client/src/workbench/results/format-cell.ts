import type { CellValue } from "../../../../contract/graph-contract";

/** What the table knows about the graph of the answer, to name the ends of relationships and paths. */
export interface CellContext {
  nodeCaption(id: string): string | undefined;
  relationship(id: string): { type: string; source: string; target: string } | undefined;
}

/** A cell as something readable: pure data, rendered to DOM by render-cell.ts. */
export type CellView =
  | { kind: "null" }
  | { kind: "string"; text: string }
  | { kind: "number"; value: number; text: string }
  | { kind: "boolean"; text: string }
  | { kind: "node"; id: string; caption: string; labels: string[] }
  | { kind: "relationship"; id: string; type: string; from: string; to: string; text: string }
  | { kind: "path"; length: number; text: string; nodes: string[] }
  | { kind: "list"; items: CellView[] }
  | { kind: "map"; entries: Array<[string, CellView]> };

const NO_CONTEXT: CellContext = { nodeCaption: () => undefined, relationship: () => undefined };
const NUMBER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6, useGrouping: "min2" });

export function formatCell(value: CellValue, context: CellContext = NO_CONTEXT): CellView {
  if (value === null) return { kind: "null" };
  if (typeof value === "string") return { kind: "string", text: value };
  if (typeof value === "number") return { kind: "number", value, text: NUMBER.format(value) };
  if (typeof value === "boolean") return { kind: "boolean", text: String(value) };
  if (Array.isArray(value)) return { kind: "list", items: value.map((item) => formatCell(item, context)) };
  if (isNode(value)) {
    const { id, labels, caption } = value.$node;
    return { kind: "node", id, caption, labels };
  }
  const name = (id: string) => context.nodeCaption(id) ?? id;
  const caption = (id: string) => `(${name(id)})`;
  if (isRelationship(value)) {
    const { id, type, source, target } = value.$relationship;
    const [from, to] = [name(source), name(target)];
    return { kind: "relationship", id, type, from, to, text: `(${from})-[:${type}]->(${to})` };
  }
  if (isPath(value)) {
    const { nodes, relationships, length } = value.$path;
    const steps = nodes.map((id, index) => {
      if (index === 0) return caption(id);
      const previous = nodes[index - 1] ?? "";
      const relationshipId = relationships[index - 1];
      const known = relationshipId === undefined ? undefined : context.relationship(relationshipId);
      if (!known) return `--${caption(id)}`;
      return known.source === previous ? `-[:${known.type}]->${caption(id)}` : `<-[:${known.type}]-${caption(id)}`;
    });
    return { kind: "path", length, text: steps.join(""), nodes };
  }
  return { kind: "map", entries: Object.entries(value).map(([key, item]) => [key, formatCell(item, context)]) };
}

/** One line of plain text for a cell: what sorting compares and what a tooltip or copy shows. */
export function cellText(view: CellView): string {
  switch (view.kind) {
    case "null":
      return "null";
    case "node":
      return view.caption;
    case "list":
      return `[${view.items.map(cellText).join(", ")}]`;
    case "map":
      return `{${view.entries.map(([key, item]) => `${key}: ${cellText(item)}`).join(", ")}}`;
    case "path":
      return `${view.text} (${view.length} ${view.length === 1 ? "hop" : "hops"})`;
    default:
      return view.text;
  }
}

type NodeCell = { $node: { id: string; labels: string[]; caption: string } };
type RelationshipCell = { $relationship: { id: string; type: string; source: string; target: string } };
type PathCell = { $path: { nodes: string[]; relationships: string[]; length: number } };

function only(value: object, key: string): Record<string, unknown> | undefined {
  const keys = Object.keys(value);
  if (keys.length !== 1 || keys[0] !== key) return undefined;
  const inner: unknown = (value as Record<string, unknown>)[key];
  return inner !== null && typeof inner === "object" && !Array.isArray(inner)
    ? (inner as Record<string, unknown>)
    : undefined;
}

function isNode(value: object): value is NodeCell {
  const inner = only(value, "$node");
  return !!inner && typeof inner.id === "string" && Array.isArray(inner.labels) && typeof inner.caption === "string";
}

function isRelationship(value: object): value is RelationshipCell {
  const inner = only(value, "$relationship");
  return !!inner && typeof inner.id === "string" && typeof inner.type === "string" && typeof inner.source === "string";
}

function isPath(value: object): value is PathCell {
  const inner = only(value, "$path");
  return !!inner && Array.isArray(inner.nodes) && Array.isArray(inner.relationships);
}
