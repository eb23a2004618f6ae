import { el } from "../dom/el";

export interface MenuItem {
  text: string;
  /** Shown after the text, dimmed (a count, a key). */
  hint?: string;
  testId?: string;
  /** Extra data-* attributes, for tests and styles. */
  data?: Record<string, string>;
  run(): void;
}

export interface MenuSection {
  heading?: string;
  /** Items now, or later: a loading line shows until they arrive. */
  items: readonly MenuItem[] | Promise<readonly MenuItem[]>;
  /** Said when the section turns out empty. */
  empty?: string;
}

export interface ContextMenu {
  /** Opens at a point of the page (client coordinates); `onClose` runs once when it closes. */
  open(at: { x: number; y: number }, title: string, sections: readonly MenuSection[], onClose?: () => void): void;
  close(): void;
  isOpen(): boolean;
}

/**
 * A DOM context menu (WAI-ARIA menu): arrows, Home and End move, Enter or Space pick, Escape,
 * Tab and a click elsewhere close it; focus goes back to where it was.
 */
export function createContextMenu(host: HTMLElement = document.body): ContextMenu {
  const root = el("div", {
    class: "context-menu",
    role: "menu",
    tabindex: -1,
    "data-testid": "node-menu",
    hidden: true,
  });
  host.append(root);
  let returnFocus: HTMLElement | null = null;
  let closing: (() => void) | undefined;
  let generation = 0;

  const items = () => [...root.querySelectorAll<HTMLButtonElement>("button[role=menuitem]")];
  const move = (step: number | "first" | "last") => {
    const list = items();
    if (list.length === 0) return;
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    let next: number;
    if (step === "first") next = 0;
    else if (step === "last") next = list.length - 1;
    else if (at === -1) next = step > 0 ? 0 : list.length - 1;
    else next = (at + step + list.length) % list.length;
    list[next]?.focus();
  };

  const close = () => {
    if (root.hidden) return;
    generation += 1;
    root.hidden = true;
    root.replaceChildren();
    document.removeEventListener("pointerdown", onPointerDown, true);
    const then = closing;
    closing = undefined;
    returnFocus?.focus({ preventScroll: true });
    then?.();
  };
  const onPointerDown = (event: PointerEvent) => {
    if (!root.contains(event.target as Node)) close();
  };

  root.addEventListener("keydown", (event) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(1),
      ArrowUp: () => move(-1),
      Home: () => move("first"),
      End: () => move("last"),
      Escape: close,
      Tab: close,
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    action();
  });

  const itemButton = (item: MenuItem) => {
    const attributes: Record<string, string | number> = {
      type: "button",
      role: "menuitem",
      tabindex: -1,
      class: "menu-entry",
    };
    if (item.testId) attributes["data-testid"] = item.testId;
    for (const [key, value] of Object.entries(item.data ?? {})) attributes[`data-${key}`] = value;
    const button = el(
      "button",
      attributes,
      el("span", { class: "menu-entry-text" }, item.text),
      item.hint ? el("span", { class: "menu-entry-hint" }, item.hint) : null,
    );
    button.addEventListener("click", () => {
      close();
      item.run();
    });
    return button;
  };

  const place = (at: { x: number; y: number }) => {
    const margin = 8;
    const { width, height } = root.getBoundingClientRect();
    root.style.left = `${Math.max(margin, Math.min(at.x, window.innerWidth - width - margin))}px`;
    root.style.top = `${Math.max(margin, Math.min(at.y, window.innerHeight - height - margin))}px`;
  };

  const fillSection = (body: HTMLElement, section: MenuSection, at: { x: number; y: number }, run: number) => {
    const show = (list: readonly MenuItem[]) => {
      body.replaceChildren(
        ...(list.length > 0
          ? list.map(itemButton)
          : [el("div", { class: "menu-note" }, section.empty ?? "Nothing here")]),
      );
      body.removeAttribute("aria-busy");
    };
    if (Array.isArray(section.items)) return show(section.items);
    body.setAttribute("aria-busy", "true");
    body.replaceChildren(el("div", { class: "menu-note menu-loading", "data-testid": "menu-loading" }, "Loading…"));
    (section.items as Promise<readonly MenuItem[]>).then(
      (list) => {
        if (run !== generation) return;
        const untouched = document.activeElement === root;
        show(list);
        place(at);
        if (untouched) move("first");
      },
      (error: unknown) => {
        if (run !== generation) return;
        body.removeAttribute("aria-busy");
        body.replaceChildren(
          el(
            "div",
            { class: "menu-note menu-error", role: "alert" },
            error instanceof Error ? error.message : String(error),
          ),
        );
      },
    );
  };

  return {
    open(at, title, sections, onClose) {
      close();
      generation += 1;
      const run = generation;
      returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      closing = onClose;
      root.setAttribute("aria-label", title);
      // The menu's label says the title already; a menu owns only groups and items (ARIA).
      root.replaceChildren(el("div", { class: "menu-title", "aria-hidden": "true" }, title));
      for (const section of sections) {
        const body = el("div", { class: "menu-section-body" });
        root.append(
          el(
            "div",
            { class: "menu-section", role: "group", "aria-label": section.heading ?? title },
            section.heading ? el("div", { class: "menu-heading", "aria-hidden": "true" }, section.heading) : null,
            body,
          ),
        );
        fillSection(body, section, at, run);
      }
      root.hidden = false;
      place(at);
      document.addEventListener("pointerdown", onPointerDown, true);
      if (items().length > 0 && !root.querySelector("[aria-busy]")) move("first");
      else root.focus({ preventScroll: true });
    },
    close,
    isOpen: () => !root.hidden,
  };
}
