import type { GraphEdge, GraphNode } from "../../../../contract/graph-contract";
import type { ApiClient } from "../../api/api-client";
import type { Canvas, CanvasSelection } from "../../canvas/create-canvas";
import { isTyping } from "../../dom/is-typing";
import { relationshipClaimsId } from "../../look/edge-claims";
import { describeError } from "../status/describe-error";
import { createDetailsPanel, type DetailsPanel } from "./details-panel";

export interface DetailsDeps {
  canvas: Pick<Canvas, "nodeCaption" | "select" | "centreOn" | "clearSelection" | "keepVisible" | "onSelectionChange">;
  api: Pick<ApiClient, "getNode" | "getRelationshipClaims">;
  /** The node selected, if one is: a relationship opened from the panel starts there. */
  selectedNode(): string | null;
  openRelationship(from: string, edge: GraphEdge, other: GraphNode | undefined): void;
  expand(id: string): void;
  showClaims(sourceId: string): void;
  /** Opens the article a claim was read in, at its sentence (the Sources view). */
  readInContext?(articleId: string, claimId: string): void;
  /** The day the canvas shows what was known on, if any. */
  knownAt(): string | undefined;
  /** A "Watch" toggle for the node or relationship shown; none without watches. */
  watchButton?(kind: "node" | "relationship", target: string, name: string): HTMLElement;
  fail(doing: string, error: unknown): void;
}

/** The details panel, following the canvas' selection. */
export function createDetails(root: HTMLElement, deps: DetailsDeps): DetailsPanel {
  const { canvas } = deps;
  const panel = createDetailsPanel(root, {
    nodeCaption: (id) => canvas.nodeCaption(id),
    focus: (id) => {
      canvas.select(id);
      canvas.centreOn(id);
    },
    openRelationship: (edge, other) => {
      const from = deps.selectedNode();
      if (from) deps.openRelationship(from, edge, other);
    },
    expand: deps.expand,
    showClaims: deps.showClaims,
    readInContext: deps.readInContext,
    watchButton: deps.watchButton,
    close: () => canvas.clearSelection(),
  });
  canvas.onSelectionChange((selection) => void showSelection(panel, selection, deps));
  // Escape closes the panel last of all: on the window, after every panel, menu and dialog listening on
  // the document has had the key (those that close something mark it handled).
  window.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || event.defaultPrevented || root.hidden || isTyping(event.target)) return;
    if (document.querySelector("dialog[open]")) return;
    event.preventDefault();
    canvas.clearSelection();
  });
  return panel;
}

/**
 * A node at once and its relationships once they arrive; a relationship at once and the claims behind it
 * (when built from claims) once they arrive.
 */
async function showSelection(panel: DetailsPanel, selection: CanvasSelection | null, deps: DetailsDeps): Promise<void> {
  if (!selection) return panel.clear();
  if (selection.kind === "edge") {
    panel.showEdge(selection.data);
    const id = relationshipClaimsId(selection.data);
    if (id === undefined) return;
    try {
      panel.showClaims(selection.data.id, await deps.api.getRelationshipClaims(id), deps.knownAt());
    } catch (error) {
      panel.showClaimsError(selection.data.id, describeError(error));
    }
    return;
  }
  const { id } = selection.data;
  panel.showNode(selection.data);
  deps.canvas.keepVisible(id);
  try {
    panel.showRelationships(id, await deps.api.getNode(id));
  } catch (error) {
    panel.showRelationshipsError(id, describeError(error));
    deps.fail(`Loading ${selection.data.display}`, error);
  }
}
