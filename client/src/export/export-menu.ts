import type { ExportArea } from "../canvas/canvas-export";
import { el } from "../dom/el";
import type { ImageSettings } from "./create-exporter";
import type { DataFormat } from "./data-export";
import { menuRadioRow } from "./menu-radio-row";
import type { ImageFormat } from "./render-image";
import { askTitles } from "./title-dialog";

export interface ExportMenuActions {
  image(format: ImageFormat, settings: ImageSettings): Promise<void>;
  data(format: DataFormat): void;
  automaticTitles(area: ExportArea): Promise<{ title: string; subtitle: string }>;
}

const DEFAULTS: ImageSettings = {
  area: "whole",
  scale: 2,
  transparent: false,
  evidence: true,
  title: null,
  subtitle: null,
};

const AREAS = [
  ["view", "Current view"],
  ["whole", "Whole graph"],
] as const;
const SCALES = [1, 2, 3, 4].map((scale) => [scale, `${scale}×`] as const);
const BACKGROUNDS = [
  ["solid", "White"],
  ["transparent", "Transparent"],
] as const;

const IMAGE_ITEMS: Array<[ImageFormat, string, string]> = [
  ["png", "PNG image", "Lossless; transparent background possible"],
  ["jpeg", "JPEG image", "Smaller file; always on white"],
  ["svg", "SVG image", "Vector, text stays text: any size"],
];
const DATA_ITEMS: Array<[DataFormat, string, string]> = [
  ["cyjs", "Cytoscape JSON", ".cyjs, with positions"],
  ["graphml", "GraphML", "Gephi, yEd, networkx"],
  ["gexf", "GEXF", "Gephi, with a timeline of first reports"],
  ["xlsx", "Excel workbook", ".xlsx: nodes, relationships, claims"],
  ["csv-nodes", "CSV of nodes", "one column per property"],
  ["csv-edges", "CSV of relationships", "with provenance"],
  ["evidence-md", "Evidence table", "Markdown"],
  ["evidence-html", "Evidence table", "HTML"],
];

/**
 * The Export menu button of the top bar (WAI-ARIA menu button): Enter, Space or ↓ open it, arrows
 * move, Escape closes and gives focus back. Image options are radio items that keep it open.
 */
export function createExportMenu(button: HTMLButtonElement, menu: HTMLElement, actions: ExportMenuActions): void {
  const settings: ImageSettings = { ...DEFAULTS };
  let busy = false;

  const evidence = el(
    "button",
    {
      type: "button",
      role: "menuitemcheckbox",
      class: "menu-item menu-check",
      tabindex: -1,
      "aria-checked": String(settings.evidence),
      "data-testid": "export-evidence",
      title: "Title, date, legend of what is shown, numbered sources and how to reproduce it",
    },
    "Evidence-grade: title, legend, sources",
  );
  evidence.addEventListener("click", () => {
    settings.evidence = !settings.evidence;
    evidence.setAttribute("aria-checked", String(settings.evidence));
  });

  const titlesHint = el("span", { class: "menu-item-hint", "data-testid": "export-titles-hint" }, "automatic");
  const titles = el(
    "button",
    {
      type: "button",
      role: "menuitem",
      class: "menu-item",
      tabindex: -1,
      "aria-haspopup": "dialog",
      "data-testid": "export-titles",
    },
    el("span", { class: "menu-item-text" }, "Title and subtitle…"),
    titlesHint,
  );
  titles.addEventListener("click", () => {
    close(false);
    void actions.automaticTitles(settings.area).then(async (automatic) => {
      const chosen = await askTitles({ title: settings.title, subtitle: settings.subtitle }, automatic);
      if (chosen) {
        settings.title = chosen.title;
        settings.subtitle = chosen.subtitle;
        titlesHint.textContent = (chosen.title ?? chosen.subtitle) !== null ? "your own" : "automatic";
      }
      button.focus();
    });
  });

  const action = (testId: string, text: string, hint: string, run: () => unknown) => {
    const item = el(
      "button",
      { type: "button", role: "menuitem", class: "menu-item", tabindex: -1, "data-testid": testId },
      el("span", { class: "menu-item-text" }, text),
      el("span", { class: "menu-item-hint" }, hint),
    );
    item.addEventListener("click", () => {
      close(true);
      if (busy) return;
      busy = true;
      button.setAttribute("aria-busy", "true");
      void Promise.resolve(run()).finally(() => {
        busy = false;
        button.removeAttribute("aria-busy");
      });
    });
    return item;
  };

  menu.replaceChildren(
    el("div", { class: "menu-heading", "aria-hidden": "true" }, "Image"),
    menuRadioRow<ExportArea>("Area", "area", AREAS, settings.area, (value) => {
      settings.area = value;
    }),
    menuRadioRow<number>("Scale", "scale", SCALES, settings.scale, (value) => {
      settings.scale = value;
    }),
    menuRadioRow("Background", "bg", BACKGROUNDS, "solid", (value) => {
      settings.transparent = value === "transparent";
    }),
    evidence,
    titles,
    ...IMAGE_ITEMS.map(([format, text, hint]) =>
      action(`export-${format}`, text, hint, () => actions.image(format, { ...settings })),
    ),
    el("div", { role: "separator", class: "menu-separator" }),
    el("div", { class: "menu-heading", "aria-hidden": "true" }, "Data of the canvas"),
    ...DATA_ITEMS.map(([format, text, hint]) => action(`export-${format}`, text, hint, () => actions.data(format))),
  );

  const items = () => [...menu.querySelectorAll<HTMLElement>("[role^='menuitem']")];
  const isOpen = () => !menu.hidden;
  const open = (focus: "first" | "last") => {
    menu.hidden = false;
    button.setAttribute("aria-expanded", "true");
    const all = items();
    (focus === "first" ? all[0] : all[all.length - 1])?.focus();
  };
  const close = (returnFocus: boolean) => {
    if (!isOpen()) return;
    menu.hidden = true;
    button.setAttribute("aria-expanded", "false");
    if (returnFocus) button.focus();
  };
  const move = (step: number | "first" | "last") => {
    const all = items();
    const index = all.indexOf(document.activeElement as HTMLElement);
    const next =
      step === "first" ? 0 : step === "last" ? all.length - 1 : (Math.max(index, 0) + step + all.length) % all.length;
    all[next]?.focus();
  };

  button.addEventListener("click", () => (isOpen() ? close(true) : open("first")));
  button.addEventListener("keydown", (event) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    open(event.key === "ArrowDown" ? "first" : "last");
  });
  menu.addEventListener("keydown", (event) => {
    const moves: Record<string, number | "first" | "last"> = {
      ArrowDown: 1,
      ArrowRight: 1,
      ArrowUp: -1,
      ArrowLeft: -1,
      Home: "first",
      End: "last",
    };
    const step = moves[event.key];
    if (step !== undefined) {
      event.preventDefault();
      move(step);
    } else if (event.key === "Escape") {
      // Handled here: the workbench, which also listens for Escape, stays as it is.
      event.preventDefault();
      close(true);
    } else if (event.key === "Tab") close(true); // then Tab moves on from the button
  });
  document.addEventListener("pointerdown", (event) => {
    if (isOpen() && event.target instanceof Node && !menu.contains(event.target) && !button.contains(event.target)) {
      close(false);
    }
  });
}
