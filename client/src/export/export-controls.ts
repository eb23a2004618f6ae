import type { GraphNode, NodeDetails, ViewState } from "../../../contract/graph-contract";
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
}

export interface ExportControlsDeps extends ExportContextDeps {
  getNode(id: string): Promise<NodeDetails>;
  tell(message: string): void;
  fail(doing: string, error: unknown): void;
}

/** The Export button and its menu: images and data files of what is drawn, with their context. */
export function createExportControls(button: HTMLButtonElement, menu: HTMLElement, deps: ExportControlsDeps): void {
  createExportMenu(
    button,
    menu,
    createExporter({
      canvas: deps.canvas,
      context: () => exportContext(deps),
      fetchSources: (ids) => fetchSourceNodes(ids, deps.getNode),
      notify: deps.tell,
      fail: deps.fail,
    }),
  );
}

/** What an export says around the graph: the query it came from, the node it is about, the view's link. */
export async function exportContext(deps: ExportContextDeps): Promise<ExportContext> {
  const id = deps.selectedNode();
  const selected = id ? { id, caption: deps.caption(id) ?? id } : null;
  return {
    query: deps.trail.current(),
    selected,
    neighbourhood: selected ? isNeighbourhood(deps.canvas.visibleGraph("whole"), selected.id) : false,
    // Encoded now: the address bar follows the view only once changes settle (url-sync.ts), so
    // an export made right after a change would otherwise cite the view before it.
    href: `${location.origin}${location.pathname}${location.search}#${await encodeViewState(deps.viewState())}`,
  };
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
