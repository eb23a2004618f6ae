import { isLayoutName, LAYOUT_NAMES, LAYOUT_TITLES, type LayoutName } from "../canvas/layouts/layout-catalog";
import { createLayoutRunner, type LayoutRunnerDeps } from "../canvas/layouts/layout-runner";
import { el } from "../dom/el";

export interface LayoutPickerDeps extends LayoutRunnerDeps {
  onLayoutChange(listener: (name: LayoutName) => void): void;
  fail(error: unknown): void;
}

/**
 * The toolbar's layout choice: picking one lays the canvas out with it; the Re-layout button runs
 * the current one again. Both are disabled while a layout runs.
 */
export function createLayoutPicker(
  picker: HTMLSelectElement,
  relayout: HTMLButtonElement,
  deps: LayoutPickerDeps,
): void {
  const runner = createLayoutRunner(deps);
  picker.replaceChildren(...LAYOUT_NAMES.map((name) => el("option", { value: name }, LAYOUT_TITLES[name])));
  picker.value = deps.current();
  deps.onLayoutChange((name) => {
    picker.value = name;
  });
  const run = (name?: LayoutName) => {
    picker.disabled = true;
    relayout.disabled = true;
    runner
      .run(name)
      .catch(deps.fail)
      .finally(() => {
        picker.disabled = false;
        relayout.disabled = false;
        picker.value = deps.current();
      });
  };
  picker.addEventListener("change", () => {
    if (isLayoutName(picker.value)) run(picker.value);
  });
  relayout.addEventListener("click", () => run());
}
