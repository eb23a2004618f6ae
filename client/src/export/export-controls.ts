import type { Claim, GraphNode, NodeDetails, ViewState } from "../../../contract/graph-contract";
import type { ApiClient } from "../api/api-client";
import type { CanvasExport } from "../canvas/canvas-export";
import { encodeViewState } from "../explorer/view-url";
import { createExporter } from "./create-exporter";
import { type ExportContext, isNeighbourhood } from "./describe-export";
import { createExportMenu } from "./export-menu";
import type { QueryTrail } from "./query-trail";

export interface ExportContextDeps {
  canvas: CanvasExport;
  trail: QueryTrail;
  /** The node selected, if one is, and its caption. */
  selectedNode(): string | null;
  caption(id: string): string | undefined;
  viewState(): ViewState;
  /** Saves the view an export shows, for its short link; where links point. */
  api: Pick<ApiClient, "saveView" | "viewLinks">;
}

export interface ExportControlsDeps extends ExportContextDeps {
  api: Pick<ApiClient, "saveView" | "viewLinks" | "getRelationshipClaims">;
  getNode(id: string): Promise<NodeDetails>;
  tell(message: string): void;
  fail(doing: string, error: unknown): void;
}

/** The Export button and its menu: images and data files of what is drawn, with their context. */
export function createExportControls(button: HTMLButtonElement, menu: HTMLElement, deps: ExportControlsDeps): void {
  const lastSaved: LastSavedView = { current: null };
  createExportMenu(
    button,
    menu,
    createExporter({
      canvas: deps.canvas,
      context: (link) => exportContext(deps, link, lastSaved),
      fetchSources: (ids) => fetchSourceNodes(ids, deps.getNode),
      fetchClaims: (ids) => fetchClaims(ids, deps.api),
      notify: deps.tell,
      fail: deps.fail,
    }),
  );
}

/**
 * The view the last export saved and the link it printed. An analyst often exports one view twice
 * (a PNG for the slides, an SVG for the report): both then cite the same saved view rather than two
 * copies of it, and the saved views panel gains one entry, not one per file.
 */
interface LastSavedView {
  current: { key: string; href: string } | null;
}

/**
 * What an export says around the graph: the query it came from, the node it is about, the view's link.
 * `link`: "saved" saves the view and links to it (`<base>#saved=<id>`), "none" skips the link (data files).
 */
async function exportContext(
  deps: ExportContextDeps,
  link: "saved" | "none",
  lastSaved: LastSavedView,
): Promise<ExportContext> {
  const id = deps.selectedNode();
  const selected = id ? { id, caption: deps.caption(id) ?? id } : null;
  return {
    query: deps.trail.current(),
    selected,
    neighbourhood: selected ? isNeighbourhood(deps.canvas.visibleGraph("whole"), selected.id) : false,
    href: link === "saved" ? await savedViewLink(deps, lastSaved) : "",
  };
}

/** The short link of an export: the view shown, saved now, on the public base URL or the page's address. */
async function savedViewLink(deps: ExportContextDeps, lastSaved: LastSavedView): Promise<string> {
  // Encoded now: the address bar follows the view only once changes settle (url-sync.ts), so
  // an export made right after a change would otherwise cite the view before it.
  const state = deps.viewState();
  const links = await deps.api.viewLinks().catch(() => null);
  const base = links?.publicBaseUrl ?? (links?.pageOriginLasts === false ? null : pageBase());
  const key = JSON.stringify([state, base]);
  if (lastSaved.current?.key === key) return lastSaved.current.href;
  const stamp = new Date().toISOString().slice(0, 19).replace("T", " ");
  try {
    const saved = await deps.api.saveView({ name: `Export ${stamp} UTC`, state });
    const href = base
      ? `${base}#saved=${saved.id}`
      : `Saved view “${saved.name}” (id ${saved.id}); no PUBLIC_BASE_URL is set for a link`;
    lastSaved.current = { key, href };
    return href;
  } catch {
    // Not allowed to save (a viewer) or the server refused: the long link still opens the view.
    if (!base) return "The view could not be saved, and no PUBLIC_BASE_URL is set for a link";
    return `${base}#${await encodeViewState(state)}`;
  }
}

/** The page's address without its fragment: where the app is served. */
function pageBase(): string {
  return `${location.origin}${location.pathname}${location.search}`;
}

/** The claims behind the relationships that have some, by relationship id; those that cannot be fetched are left out. */
export async function fetchClaims(
  ids: readonly string[],
  api: Pick<ApiClient, "getRelationshipClaims">,
): Promise<Map<string, Claim[]>> {
  const found = new Map<string, Claim[]>();
  // A few at a time: a canvas of hundreds of relationships must not open hundreds of requests at once.
  for (let start = 0; start < ids.length; start += 6) {
    const batch = ids.slice(start, start + 6);
    const answers = await Promise.all(batch.map((id) => api.getRelationshipClaims(id).catch(() => null)));
    for (const [index, answer] of answers.entries()) {
      const id = batch[index];
      if (answer && id !== undefined) found.set(id, answer.claims);
    }
  }
  return found;
}

/** The Source nodes the footnotes name, fetched; those that cannot be fetched are left out. */
export async function fetchSourceNodes(
  ids: readonly string[],
  getNode: (id: string) => Promise<NodeDetails>,
): Promise<GraphNode[]> {
  const found = await Promise.all(
    ids.map((id) =>
      getNode(id).then(
        (details) => details.node,
        () => null,
      ),
    ),
  );
  return found.filter((node) => node !== null);
}
