import { el } from "../dom/el";

/**
 * A labelled row of radio menu items ("Scale: 1× 2× 3× 4×") for a menu; choosing one checks it,
 * unchecks the others and calls `choose`. Test ids are `export-<key>-<value>`.
 */
export function menuRadioRow<T extends string | number>(
  label: string,
  key: string,
  choices: ReadonlyArray<readonly [T, string]>,
  current: T,
  choose: (value: T) => void,
): HTMLElement {
  const items = choices.map(([value, text]) => {
    const item = el(
      "button",
      {
        type: "button",
        role: "menuitemradio",
        class: "menu-choice",
        tabindex: -1,
        "aria-checked": String(value === current),
        "data-testid": `export-${key}-${value}`,
      },
      text,
    );
    item.addEventListener("click", () => {
      for (const other of items) other.setAttribute("aria-checked", String(other === item));
      choose(value);
    });
    return item;
  });
  return el(
    "div",
    { class: "menu-row" },
    el("span", { class: "menu-row-label", "aria-hidden": "true" }, label),
    el("div", { role: "group", "aria-label": `Image ${label.toLowerCase()}`, class: "menu-choices" }, ...items),
  );
}
