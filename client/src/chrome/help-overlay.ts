import { el } from "../dom/el";
import { isTyping } from "../dom/is-typing";
import type { ExpansionCap } from "../expand/expansion-cap";
import { SHORTCUTS } from "./shortcuts";

export interface HelpOverlay {
  open(): void;
  close(): void;
}

/**
 * The help and settings overlay: every shortcut, and the supernode guard's threshold. Opens with
 * `?` (outside text fields) or the toolbar button; Escape, the close button or a click outside close it.
 */
export function createHelpOverlay(button: HTMLButtonElement, cap: ExpansionCap): HelpOverlay {
  const dialog = el("dialog", { class: "help-dialog", "data-testid": "help-overlay", "aria-labelledby": "help-title" });
  const capInput = el("input", {
    type: "number",
    id: "expansion-cap",
    class: "settings-number",
    min: 1,
    max: 1000,
    step: 1,
    "data-testid": "expansion-cap-input",
  });
  const capSaved = el("span", { class: "settings-saved", "aria-live": "polite" });
  const saveCap = () => {
    const stored = cap.set(Number(capInput.value));
    capInput.value = String(stored);
    capSaved.textContent = "Saved";
  };
  capInput.addEventListener("change", saveCap);
  const closeButton = el("button", {
    type: "button",
    class: "panel-close",
    "aria-label": "Close help",
    title: "Close",
  });
  closeButton.addEventListener("click", () => dialog.close());

  dialog.append(
    el(
      "header",
      { class: "help-header" },
      el("h2", { id: "help-title", class: "dialog-title" }, "Shortcuts and settings"),
      closeButton,
    ),
    el(
      "div",
      { class: "help-body" },
      el(
        "div",
        { class: "help-shortcuts" },
        ...SHORTCUTS.map((group) =>
          el(
            "section",
            { class: "help-group" },
            el("h3", { class: "help-group-title" }, group.title),
            el(
              "dl",
              { class: "shortcut-list" },
              ...group.shortcuts.flatMap((shortcut) => [
                el("dt", { class: "shortcut-keys" }, ...keyCaps(shortcut.keys)),
                el("dd", { class: "shortcut-does" }, shortcut.does),
              ]),
            ),
          ),
        ),
      ),
      el(
        "section",
        { class: "help-group help-settings" },
        el("h3", { class: "help-group-title" }, "Settings"),
        el(
          "label",
          { class: "settings-row", for: "expansion-cap" },
          el("span", {}, "Ask before an expansion adds more than"),
          capInput,
          el("span", {}, "neighbours"),
          capSaved,
        ),
        el(
          "p",
          { class: "settings-hint" },
          "Then you choose between the most connected ones and all of them (at most 1,000 at once). Kept in this browser.",
        ),
      ),
    ),
  );
  document.body.append(dialog);
  dialog.addEventListener("click", (event) => {
    if (event.target === dialog) dialog.close();
  });

  const open = () => {
    if (dialog.open) return;
    capInput.value = String(cap.get());
    capSaved.textContent = "";
    dialog.showModal();
    closeButton.focus();
  };
  button.addEventListener("click", open);
  document.addEventListener("keydown", (event) => {
    if (event.key !== "?" || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    if (document.querySelector("dialog[open]")) return;
    event.preventDefault();
    open();
  });
  return { open, close: () => dialog.close() };
}

function keyCaps(keys: readonly string[]): Array<HTMLElement | string> {
  return keys.flatMap((key, index) => (index === 0 ? [el("kbd", {}, key)] : ["+", el("kbd", {}, key)]));
}
