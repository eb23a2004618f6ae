import type { NodeDetails, RelationshipClaims } from "../../../contract/graph-contract";
import type { CanvasSelection } from "../canvas/create-canvas";
import { relationshipClaimsId } from "../look/edge-claims";
import type { DetailsPanel } from "./details-panel";

export interface FollowSelectionDeps {
  panel: DetailsPanel;
  getNode(id: string): Promise<NodeDetails>;
  getRelationshipClaims(id: string): Promise<RelationshipClaims>;
  /** The day the canvas shows what was known on, if any. */
  knownAt(): string | undefined;
  keepVisible(id: string): void;
  describeError(error: unknown): string;
  fail(doing: string, error: unknown): void;
}

/**
 * The details panel follows the selection: a node at once and its relationships once they arrive; a
 * relationship at once and the claims behind it (when built from claims) once they arrive.
 */
export async function showSelection(selection: CanvasSelection | null, deps: FollowSelectionDeps): Promise<void> {
  const { panel } = deps;
  if (!selection) return panel.clear();
  if (selection.kind === "edge") {
    panel.showEdge(selection.data);
    const id = relationshipClaimsId(selection.data);
    if (id === undefined) return;
    try {
      panel.showClaims(selection.data.id, await deps.getRelationshipClaims(id), deps.knownAt());
    } catch (error) {
      panel.showClaimsError(selection.data.id, deps.describeError(error));
    }
    return;
  }
  const { id } = selection.data;
  panel.showNode(selection.data);
  deps.keepVisible(id);
  try {
    panel.showRelationships(id, await deps.getNode(id));
  } catch (error) {
    panel.showRelationshipsError(id, deps.describeError(error));
    deps.fail(`Loading ${selection.data.display}`, error);
  }
}
