import type { AsOfQuery, ViewState } from "../../../contract/graph-contract";
import type { ApiClient } from "../api/api-client";
import { asOfOfView } from "../claims/as-of";
import { type Apply, plural } from "../explorer/command";
import { openView } from "../explorer/view-commands";
import { decodeViewState, hasViewState, ViewLinkError } from "../explorer/view-url";
import { describeError } from "../panels/status/describe-error";

export interface ViewOpenerDeps {
  apply: Apply;
  api: Pick<ApiClient, "lookupNodes" | "getView">;
  /** Fetches the view's day; resolves to what draws it once the view's nodes are drawn. */
  prepareAsOf(query: AsOfQuery): Promise<() => void>;
  tell(message: string): void;
  warn(message: string): void;
}

export interface ViewOpener {
  /**
   * Replaces the canvas with a view (a link, a saved view). `label` makes it an undo step. Resolves to the
   * ids that no longer exist; throws ViewLinkError when none of the view's nodes does.
   */
  open(state: ViewState, label: string | null): Promise<string[]>;
  /** Opens the view the URL names; false when there is none or it cannot be opened (`problem` says why). */
  openLinked(): Promise<boolean>;
  /** Why the link's view could not be opened, to show once the default graph is drawn. */
  problem(): string | null;
  /** Says what opening a view gave: the nodes that no longer exist, or `done`. */
  report(missing: readonly string[], done: string): void;
}

/** Opening views: from the address bar at start, a link pasted later (an undo step), or the saved views. */
export function createViewOpener(deps: ViewOpenerDeps): ViewOpener {
  let linkProblem: string | null = null;
  const open = async (state: ViewState, label: string | null) => {
    const found = await deps.api.lookupNodes(state.nodes.map((node) => node.id));
    if (found.graph.nodes.length === 0 && state.nodes.length > 0)
      throw new ViewLinkError(`None of the view's ${plural(state.nodes.length, "node")} exists any more.`);
    const drawAsOf = await deps.prepareAsOf(asOfOfView(state));
    deps.apply(openView(state, found, drawAsOf, label));
    return found.missing;
  };
  const report = (missing: readonly string[], done: string) =>
    missing.length > 0 ? deps.warn(missingNotice(missing)) : deps.tell(done);
  const reason = (error: unknown) => (error instanceof ViewLinkError ? error.message : describeError(error));

  /** `#saved=<id>`: the short link an export prints, to a saved view. */
  const openSaved = async (id: string, label: string | null) => {
    const saved = await deps.api.getView(id).catch((error: unknown) => {
      throw new ViewLinkError(`The saved view ${id} cannot be opened (${describeError(error)}).`);
    });
    report(await open(saved.state, label), `Opened the saved view “${saved.name}”`);
  };

  // A link pasted into this tab's address bar: open it as a step that Ctrl+Z takes back.
  window.addEventListener("hashchange", () => {
    const savedId = savedViewId(location.hash);
    if (savedId) {
      openSaved(savedId, "Open saved view").catch((error: unknown) =>
        deps.warn(`This link's view could not be opened. ${reason(error)}`),
      );
      return;
    }
    if (!hasViewState(location.hash)) return;
    decodeViewState(location.hash)
      .then((state) => open(state, "Open shared view"))
      .then((missing) => report(missing, "Opened the shared view · Ctrl+Z to go back"))
      .catch((error: unknown) => deps.warn(`This link's view could not be opened. ${reason(error)}`));
  });

  return {
    open,
    report,
    problem: () => linkProblem,
    async openLinked() {
      const savedId = savedViewId(location.hash);
      if (savedId) {
        deps.tell("Opening the saved view…");
        try {
          await openSaved(savedId, null);
          return true;
        } catch (error) {
          linkProblem = `This link's view could not be opened. ${reason(error)} Showing the whole graph instead.`;
          return false;
        }
      }
      if (!hasViewState(location.hash)) return false;
      deps.tell("Opening the shared view…");
      try {
        const state = await decodeViewState(location.hash);
        report(await open(state, null), `Opened the shared view: ${plural(state.nodes.length, "node")}`);
        return true;
      } catch (error) {
        linkProblem = `This link's view could not be opened. ${reason(error)} Showing the whole graph instead.`;
        return false;
      }
    },
  };
}

function missingNotice(missing: readonly string[]): string {
  const shown = missing.slice(0, 5).join(", ");
  const more = missing.length > 5 ? ` and ${missing.length - 5} more` : "";
  const count =
    missing.length === 1
      ? "1 node of this view no longer exists"
      : `${missing.length} nodes of this view no longer exist`;
  return `${count}: ${shown}${more}. The rest is shown.`;
}

/** The saved view's id of a `#saved=<id>` link, or null. */
export function savedViewId(hash: string): string | null {
  const match = /^#?saved=([A-Za-z0-9_-]{1,100})$/.exec(hash);
  return match?.[1] ?? null;
}
