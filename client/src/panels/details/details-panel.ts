import type { EdgeData, NodeDetails, RelationshipClaims } from "../../../../contract/graph-contract";
import type { CanvasNodeData } from "../../canvas/to-cy-elements";
import { el } from "../../dom/el";
import { edgeClaimSummary, relationshipClaimsId } from "../../look/edge-claims";
import { labelStyleFor } from "../../look/label-styles";
import { shapeIcon } from "../../look/shape-icon";
import { renderClaims } from "./claims-section";
import { type EdgeDetailsDeps, edgeTitle, renderEdgeDetails } from "./edge-details";
import { type NodeDetailsDeps, renderNodeProperties, renderRelationships } from "./node-details";
import { section } from "./section";

export interface DetailsPanelDeps extends EdgeDetailsDeps, NodeDetailsDeps {
  expand(id: string): void;
  /** Offered on each claim read in an article: opens it at the claim's sentence. */
  readInContext?: ((articleId: string, claimId: string) => void) | undefined;
  /** A "Watch" toggle for the node or relationship shown (the Changes badge counts what changes for it). */
  watchButton?: ((kind: "node" | "relationship", target: string, name: string) => HTMLElement) | undefined;
  close(): void;
}

export interface DetailsPanel {
  /** Shows a node at once; its relationships follow with `showRelationships`. */
  showNode(data: CanvasNodeData): void;
  showRelationships(nodeId: string, details: NodeDetails): void;
  showRelationshipsError(nodeId: string, message: string): void;
  /** Shows a relationship at once; the claims behind it (when it has a summary) follow with `showClaims`. */
  showEdge(data: EdgeData): void;
  /** `knownAt`: the day the canvas shows what was known on, if any. */
  showClaims(edgeId: string, claims: RelationshipClaims, knownAt?: string): void;
  showClaimsError(edgeId: string, message: string): void;
  clear(): void;
}

const SOURCE_LABEL = "Source";

function claimsButton(id: string, name: string, deps: Pick<EdgeDetailsDeps, "showClaims">): HTMLElement {
  const button = el(
    "button",
    { type: "button", class: "button button-small", "data-testid": "source-claims" },
    `Draw everything ${name} claims`,
  );
  button.addEventListener("click", () => deps.showClaims(id));
  return button;
}

/**
 * Under the sources, once the claims say so (issue #20): fewer independent origins than outlets,
 * because a story copied near-verbatim or credited to another outlet counts once with it; the note
 * names the origins that count.
 */
function originsNote(claims: RelationshipClaims): HTMLElement | null {
  const { origins } = claims;
  if (!origins || origins.independentOrigins >= origins.outlets) return null;
  const count = origins.independentOrigins;
  return el(
    "p",
    { class: "meta", "data-testid": "origins-note" },
    `${origins.outlets} outlets, counting a story copied near-verbatim or credited to another outlet ` +
      `("selon …", "as first reported by …") once: ${count} independent origin${count === 1 ? "" : "s"} ` +
      `(${origins.originNames.join(", ")}).`,
  );
}

/** The right-hand panel: everything known about the selected node or relationship, as text. */
export function createDetailsPanel(root: HTMLElement, deps: DetailsPanelDeps): DetailsPanel {
  let shownNodeId: string | null = null;
  let relationshipsSlot: HTMLElement | null = null;
  let shownEdge: EdgeData | null = null;
  let contestsSlot: HTMLElement | null = null;
  let claimsSlot: HTMLElement | null = null;
  const forgetEdge = () => {
    shownEdge = null;
    contestsSlot = null;
    claimsSlot = null;
  };

  const render = (kind: HTMLElement, title: Array<HTMLElement | string>, body: HTMLElement[]) => {
    const close = el("button", { type: "button", class: "panel-close", "aria-label": "Close details", title: "Close" });
    close.addEventListener("click", () => deps.close());
    root.replaceChildren(
      el(
        "header",
        { class: "panel-header" },
        kind,
        el("h2", { class: "panel-title", "data-testid": "panel-title" }, ...title),
        close,
      ),
      el("div", { class: "panel-body" }, ...body),
    );
    root.hidden = false;
    root.scrollTop = 0;
  };

  return {
    showNode(data) {
      forgetEdge();
      shownNodeId = data.id;
      relationshipsSlot = el("div", { class: "loading" }, "Loading relationships…");
      const expand = el(
        "button",
        { type: "button", class: "button button-small", "data-testid": "expand-button" },
        "Expand neighbours",
      );
      expand.addEventListener("click", () => deps.expand(data.id));
      const labels = el(
        "div",
        { class: "panel-kind", "data-testid": "node-labels" },
        ...data.labels.map((label) =>
          el("span", { class: "label-chip", "data-label": label }, shapeIcon(labelStyleFor(label), 12), label),
        ),
        deps.watchButton?.("node", data.id, data.display),
      );
      render(
        labels,
        [data.display],
        [
          section("Properties", renderNodeProperties(data)),
          data.labels.includes(SOURCE_LABEL) ? section("Claims", claimsButton(data.id, data.display, deps)) : null,
          section(el("span", { class: "section-title-row" }, "Relationships", expand), relationshipsSlot),
        ].filter((part) => part !== null),
      );
    },
    showRelationships(nodeId, details) {
      if (nodeId !== shownNodeId || !relationshipsSlot) return;
      relationshipsSlot.replaceChildren(renderRelationships(nodeId, details, deps));
      relationshipsSlot.className = "";
    },
    showRelationshipsError(nodeId, message) {
      if (nodeId !== shownNodeId || !relationshipsSlot) return;
      relationshipsSlot.replaceChildren(el("p", { class: "error-text" }, `Could not load relationships: ${message}`));
      relationshipsSlot.className = "";
    },
    showEdge(data) {
      shownNodeId = null;
      relationshipsSlot = null;
      const kind = el(
        "div",
        { class: "panel-kind" },
        el("span", { class: "kind-text" }, "Relationship"),
        el("code", { class: "type-chip" }, data.type),
        deps.watchButton?.("relationship", relationshipClaimsId(data) ?? data.id, data.type),
      );
      shownEdge = data;
      const withClaims = edgeClaimSummary(data) !== undefined;
      contestsSlot = withClaims ? el("div", { class: "claims-slot" }) : null;
      claimsSlot = withClaims
        ? el("div", { class: "claims-slot loading", "data-testid": "claims-loading" }, "Loading the claims…")
        : null;
      render(
        kind,
        edgeTitle(data, deps),
        renderEdgeDetails(data, deps, {
          afterFacts: contestsSlot ?? undefined,
          afterEvidence: claimsSlot ?? undefined,
        }),
      );
    },
    showClaims(edgeId, claims, knownAt) {
      if (shownEdge?.id !== edgeId || !contestsSlot || !claimsSlot) return;
      const evidence = typeof shownEdge.props.evidence === "string" ? shownEdge.props.evidence : undefined;
      const rendered = renderClaims(claims, evidence, knownAt, deps.readInContext);
      contestsSlot.replaceChildren(...(rendered.contests ? [rendered.contests] : []));
      claimsSlot.replaceChildren(rendered.claims);
      claimsSlot.className = "claims-slot";
      claimsSlot.removeAttribute("data-testid");
      root.querySelector('[data-testid="origins-note"]')?.remove();
      const note = originsNote(claims);
      if (note) root.querySelector('[data-testid="edge-sources"]')?.parentElement?.append(note);
    },
    showClaimsError(edgeId, message) {
      if (shownEdge?.id !== edgeId || !claimsSlot) return;
      claimsSlot.replaceChildren(el("p", { class: "error-text" }, `Could not load the claims: ${message}`));
      claimsSlot.className = "claims-slot";
    },
    clear() {
      forgetEdge();
      shownNodeId = null;
      relationshipsSlot = null;
      root.replaceChildren();
      root.hidden = true;
    },
  };
}
