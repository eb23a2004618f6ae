import { el } from "../dom/el";

export interface TabSpec {
  id: string;
  title: string;
  panel: HTMLElement;
}

export interface Tabs {
  readonly list: HTMLElement;
  select(id: string): void;
  selected(): string;
  onSelect(handler: (id: string) => void): void;
}

/**
 * A WAI-ARIA tab list over existing panels: click or arrow keys switch, the other panels hide.
 * Each tab button carries data-testid `tab-<id>`.
 */
export function createTabs(name: string, specs: readonly TabSpec[], initial: string): Tabs {
  const handlers: Array<(id: string) => void> = [];
  let current = initial;
  const buttons = specs.map((spec) => {
    const button = el(
      "button",
      {
        type: "button",
        role: "tab",
        class: "wb-tab",
        id: `${name}-tab-${spec.id}`,
        "aria-controls": `${name}-panel-${spec.id}`,
        "data-testid": `tab-${spec.id}`,
      },
      spec.title,
    );
    spec.panel.id = `${name}-panel-${spec.id}`;
    spec.panel.setAttribute("role", "tabpanel");
    spec.panel.setAttribute("aria-labelledby", button.id);
    button.addEventListener("click", () => select(spec.id));
    return button;
  });
  const list = el("div", { class: "wb-tabs", role: "tablist", "aria-label": name }, ...buttons);
  list.addEventListener("keydown", (event) => {
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    const index = specs.findIndex((spec) => spec.id === current);
    const step = event.key === "ArrowRight" ? 1 : -1;
    const next = specs[(index + step + specs.length) % specs.length];
    if (!next) return;
    event.preventDefault();
    select(next.id);
    buttons[specs.indexOf(next)]?.focus();
  });

  function select(id: string): void {
    current = id;
    specs.forEach((spec, index) => {
      const on = spec.id === id;
      buttons[index]?.setAttribute("aria-selected", String(on));
      buttons[index]?.setAttribute("tabindex", on ? "0" : "-1");
      spec.panel.hidden = !on;
    });
    for (const handler of handlers) handler(id);
  }
  select(initial);

  return {
    list,
    select,
    selected: () => current,
    onSelect: (handler) => {
      handlers.push(handler);
    },
  };
}
