/** A panel that shows itself by dropping its `hidden` attribute and closes through its own command. */
export interface ClosablePanel {
  element: HTMLElement;
  close(): void;
}

/**
 * Panels sharing one place on the page (the left-hand panels: paths, what changed): when one opens,
 * the others close through their own close, so what they mark on the canvas and say on the status
 * line goes with them. Watches the `hidden` attribute, so each panel keeps opening as it does.
 */
export function oneOpenAtATime(panels: readonly ClosablePanel[]): void {
  const watch = new MutationObserver((records) => {
    for (const record of records) {
      const opened = record.target as HTMLElement;
      if (opened.hidden) continue;
      for (const other of panels) if (other.element !== opened && !other.element.hidden) other.close();
    }
  });
  for (const panel of panels) watch.observe(panel.element, { attributes: true, attributeFilter: ["hidden"] });
}
