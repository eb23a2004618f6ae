import { el } from "../dom/el";

/**
 * The top bar when the window is too narrow for all of it: the toolbar's last controls move, one by
 * one, into a menu that `button` ("More") opens under it, until the bar fits; they come back as
 * the window widens. Whatever is added to the toolbar later (a "Changes" badge, the account menu)
 * takes part. The menu opens with focus on its first control; Escape or a click elsewhere closes
 * it, focus back on the button when it was inside.
 */
export function createTopbarMenu(bar: HTMLElement, button: HTMLButtonElement, tools: HTMLElement): void {
  const menu = el("div", {
    id: "topbar-overflow",
    class: "topbar-overflow",
    "data-testid": "topbar-overflow",
    role: "group",
    "aria-label": "More tools",
    hidden: true,
  });
  bar.append(menu);
  button.setAttribute("aria-controls", menu.id);
  const isOpen = () => button.getAttribute("aria-expanded") === "true";
  const setOpen = (open: boolean) => {
    button.setAttribute("aria-expanded", String(open));
    menu.hidden = !open;
  };

  const fitBar = () => {
    const focused = document.activeElement;
    // Everything back in the bar (in order: the menu holds the toolbar's tail), then out again from the end.
    for (const item of [...menu.children]) tools.append(item);
    bar.classList.remove("has-overflow");
    const overflows = () => bar.scrollWidth > bar.clientWidth + 1;
    if (overflows()) bar.classList.add("has-overflow");
    while (overflows() && tools.lastElementChild) menu.prepend(tools.lastElementChild);
    if (menu.childElementCount === 0) {
      bar.classList.remove("has-overflow");
      setOpen(false);
    }
    // Moving an element takes the focus from it: give it back.
    if (focused instanceof HTMLElement && focused !== document.activeElement) focused.focus();
  };
  let queued = false;
  const schedule = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      fitBar();
    });
  };
  new ResizeObserver(schedule).observe(bar);
  // Controls added to the toolbar later (or one whose words change) change what fits.
  new MutationObserver(schedule).observe(tools, { childList: true });
  schedule();

  button.addEventListener("click", () => {
    const open = !isOpen();
    setOpen(open);
    if (open) menu.querySelector<HTMLElement>("button:not(:disabled), select")?.focus();
  });
  bar.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !isOpen()) return;
    // A menu or dialog of the toolbar (Export, Views) closes first, on its own Escape.
    if (menu.querySelector('[aria-expanded="true"]')) return;
    const inside = menu.contains(document.activeElement);
    setOpen(false);
    if (inside) button.focus();
  });
  document.addEventListener("pointerdown", (event) => {
    if (!isOpen() || !(event.target instanceof Node)) return;
    if (menu.contains(event.target) || button.contains(event.target)) return;
    // Dialogs the toolbar opens may live elsewhere in the page (the types dialog, the help overlay).
    if (event.target instanceof Element && event.target.closest("[role=dialog], [role=menu]")) return;
    setOpen(false);
  });
}
