import type { Change, Watch, WatchChanges, WatchKind } from "../../../contract/timeline-endpoints";
import type { TimelineClient } from "../api/timeline-client";
import { el } from "../dom/el";
import { renderChangeList } from "./change-list-view";

export interface WatchMenuDeps {
  client: Pick<TimelineClient, "watchChanges" | "markSeen" | "listWatches" | "watch" | "unwatch">;
  /** A change picked in the list: marked on the canvas. */
  pick(change: Change): void;
  fail(doing: string, error: unknown): void;
}

export interface WatchMenu {
  /** The "Changes" button with its badge and its list, for the top bar. */
  readonly element: HTMLElement;
  /** Counts again (after a commit, a new watch). */
  refresh(): Promise<void>;
  /** A "Watch" toggle for a node, a relationship or a saved view, kept in step with the watches. */
  watchButton(kind: WatchKind, target: string, name: string): HTMLButtonElement;
}

/** Counted again this often while the page is open (another analyst may commit). */
const REFRESH_MS = 60_000;

/**
 * Watches: a "Changes" button in the top bar whose badge counts what changed for the watched nodes,
 * relationships and saved views since the analyst last looked; opening it lists those changes (and
 * watched things since removed); "Mark seen" clears it.
 */
export function createWatchMenu(deps: WatchMenuDeps): WatchMenu {
  let watches: Watch[] = [];
  let answer: WatchChanges | null = null;
  const buttons = new Set<{ button: HTMLButtonElement; kind: WatchKind; target: string }>();
  const count = el("span", { class: "watch-count", "data-testid": "watch-count", hidden: true }, "0");
  const button = el(
    "button",
    {
      type: "button",
      class: "button watch-toggle",
      "data-testid": "watch-changes",
      "aria-expanded": "false",
      "aria-controls": "watch-panel",
      title: "What changed for what you watch since you last looked",
    },
    "Changes",
    count,
  );
  const seen = el("button", { type: "button", class: "button-small", "data-testid": "watch-seen" }, "Mark seen");
  const list = el("div", { class: "watch-list", "data-testid": "watch-list" });
  const panel = el(
    "div",
    {
      id: "watch-panel",
      class: "watch-panel",
      "data-testid": "watch-panel",
      role: "dialog",
      "aria-labelledby": "watch-title",
      hidden: true,
    },
    el(
      "div",
      { class: "path-panel-header" },
      el("h2", { class: "path-panel-title", id: "watch-title" }, "Changes for what you watch"),
      seen,
    ),
    list,
  );
  const element = el("div", { class: "watch-menu", hidden: true }, button, panel);

  const render = () => {
    const total = answer?.count ?? 0;
    // The top bar has no room to spare: the button appears once there is something watched to report on.
    element.hidden = watches.length === 0 && (answer?.removed ?? []).length === 0 && panel.hidden;
    count.textContent = String(total);
    count.hidden = total === 0;
    button.setAttribute("aria-label", `Changes: ${total} for what you watch`);
    seen.disabled = total === 0;
    const byId = new Map(watches.map((watch) => [watch.id, watch]));
    const removed = answer?.removed ?? [];
    const parts: Array<HTMLElement | null> = [
      watches.length === 0
        ? el(
            "p",
            { class: "watch-removed" },
            "Nothing watched yet: “Watch” a node or a relationship in its details panel, or a saved view.",
          )
        : answer && answer.changes.length === 0
          ? el("p", { class: "watch-removed" }, "Nothing changed since you last looked.")
          : null,
      ...removed.map((watch) =>
        el(
          "p",
          { class: "watch-removed", "data-testid": "watch-removed" },
          `Removed: “${watch.label}” (a ${watch.kind} you watch) no longer exists.`,
        ),
      ),
      answer
        ? renderChangeList(answer.changes, {
            pick: (change) => deps.pick(change),
            note: (change) => {
              const names = ("watchIds" in change ? (change.watchIds as string[]) : [])
                .map((id) => byId.get(id)?.label)
                .filter((name) => name !== undefined);
              return names.length > 0 ? `Watching ${names.join(", ")}` : null;
            },
          })
        : null,
    ];
    list.replaceChildren(...parts.filter((part) => part !== null));
    for (const entry of buttons) showWatched(entry);
  };
  const watchOf = (kind: WatchKind, target: string) =>
    watches.find((watch) => watch.kind === kind && watch.target === target && watch.status === "active");
  const showWatched = (entry: { button: HTMLButtonElement; kind: WatchKind; target: string }) => {
    const on = watchOf(entry.kind, entry.target) !== undefined;
    entry.button.setAttribute("aria-pressed", String(on));
    entry.button.textContent = on ? "Watching" : "Watch";
  };

  const refresh = async () => {
    try {
      [watches, answer] = await Promise.all([deps.client.listWatches(), deps.client.watchChanges()]);
      render();
    } catch (error) {
      deps.fail("Counting the changes you watch", error);
    }
  };

  const setOpen = (open: boolean) => {
    panel.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
  };
  button.addEventListener("click", () => {
    const open = panel.hidden !== false;
    setOpen(open);
    if (open) void refresh();
  });
  panel.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    setOpen(false);
    button.focus();
  });
  seen.addEventListener("click", async () => {
    try {
      await deps.client.markSeen();
      await refresh();
    } catch (error) {
      deps.fail("Marking the changes seen", error);
    }
  });
  window.setInterval(() => {
    if (document.visibilityState === "visible") void refresh();
  }, REFRESH_MS);

  return {
    element,
    refresh,
    watchButton: (kind, target, name) => {
      const toggle = el("button", {
        type: "button",
        class: "button-small watch-button",
        "data-testid": "watch-button",
        "aria-pressed": "false",
        title: `Count what changes for “${name}” in the Changes badge`,
      });
      const entry = { button: toggle, kind, target };
      buttons.add(entry);
      showWatched(entry);
      toggle.addEventListener("click", async () => {
        const existing = watchOf(kind, target);
        toggle.disabled = true;
        try {
          if (existing) await deps.client.unwatch(existing.id);
          else await deps.client.watch(kind, target);
          await refresh();
        } catch (error) {
          deps.fail(existing ? `Stopping watching “${name}”` : `Watching “${name}”`, error);
        } finally {
          toggle.disabled = false;
        }
      });
      // Buttons of panels since redrawn are forgotten.
      for (const other of buttons) if (!other.button.isConnected && other !== entry) buttons.delete(other);
      return toggle;
    },
  };
}
