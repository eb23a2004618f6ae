import type { EdgeSingular } from "cytoscape";
import type { GraphEdge } from "../../../contract/graph-contract";
import { toCyEdge } from "./to-cy-elements";

/** Keys Cytoscape does not let data() change. */
const FIXED_KEYS = new Set(["id", "source", "target", "parent"]);

/** Makes a drawn relationship's data exactly `data` (keys it lacks removed); false when it was already. */
export function setEdgeData(edge: EdgeSingular, data: Record<string, unknown>): boolean {
  const current = edge.data() as Record<string, unknown>;
  if (JSON.stringify(current) === JSON.stringify(data)) return false;
  const stale = Object.keys(current).filter((key) => !FIXED_KEYS.has(key) && !(key in data));
  if (stale.length > 0) edge.removeData(stale.join(" "));
  edge.data(data);
  return true;
}

/**
 * Gives a drawn relationship new data (its summary as of another day), and the classes that data
 * draws; classes of the moment (filtered, highlighted, just added) stay. False when nothing changed.
 */
export function replaceEdgeData(edge: EdgeSingular, next: GraphEdge, momentary: ReadonlySet<string>): boolean {
  const definition = toCyEdge(next);
  if (!setEdgeData(edge, definition.data)) return false;
  const kept = edge.classes().filter((name) => momentary.has(name));
  edge.classes([...(definition.classes as string[]), ...kept]);
  return true;
}
