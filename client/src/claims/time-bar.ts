import { debounce } from "../dom/debounce";
import { el } from "../dom/el";
import { createIsoDateField } from "../dom/iso-date-field";
import { type AsOfChoice, type AsOfMode, dayFromNumber, dayNumber } from "./as-of";

export interface TimeBar {
  readonly element: HTMLElement;
  /** Shows a choice (null: today) without announcing it. */
  show(choice: AsOfChoice | null): void;
  /** The days the slider spans (the first claim reported up to today) and marks (each day news came in). */
  setDays(first: string, today: string, marks: readonly string[]): void;
  /** The axis picked: "known on" or "held on" (also when the bar shows today). */
  mode(): AsOfMode;
  /** Adds a control at the bar's end (the timeline's toggle). */
  addAction(action: HTMLElement): void;
}

/** A day is typed digit by digit: reload once the typing pauses (or at Enter). */
export const TYPING_PAUSE_MS = 700;

const MODES: ReadonlyArray<{ mode: AsOfMode; text: string; title: string }> = [
  { mode: "known", text: "Known on", title: "What was known on the day: claims reported up to then" },
  { mode: "held", text: "Held on", title: "What held on the day: claims said to be valid then" },
];

/**
 * The time bar above the canvas: "known on" or "held on" a day, picked with a slider (released, or a
 * key pressed) or a date field; "Today" clears it. `pick` is told every change the analyst makes.
 */
export function createTimeBar(pick: (choice: AsOfChoice | null) => void): TimeBar {
  let choice: AsOfChoice | null = null;
  let mode: AsOfMode = "known";
  let today = new Date().toISOString().slice(0, 10);

  const modeButtons = MODES.map((entry) => {
    const button = el(
      "button",
      { type: "button", class: "time-mode", "data-mode": entry.mode, "aria-pressed": "false", title: entry.title },
      entry.text,
    );
    button.addEventListener("click", () => {
      mode = entry.mode;
      if (choice && choice.mode !== mode) pick({ mode, day: choice.day });
      else render();
    });
    return button;
  });
  const ticks = el("datalist", { id: "time-ticks" });
  const slider = el("input", {
    type: "range",
    class: "time-slider",
    "data-testid": "time-slider",
    step: 1,
    list: "time-ticks",
    "aria-label": "Day",
  });
  const dayField = createIsoDateField({ class: "time-date", "data-testid": "time-date", "aria-label": "Day" });
  const dateField = dayField.input;
  const nowButton = el(
    "button",
    { type: "button", class: "time-now", "data-testid": "time-now", title: "Back to what is known today" },
    "Today",
  );
  const element = el(
    "div",
    { class: "time-bar", "data-testid": "time-bar", role: "group", "aria-label": "Show the graph as of a day" },
    el("span", { class: "time-title" }, "As of"),
    el("span", { class: "time-modes" }, ...modeButtons),
    slider,
    ticks,
    dateField,
    nowButton,
  );

  const render = () => {
    element.classList.toggle("is-past", choice !== null);
    for (const button of modeButtons) button.setAttribute("aria-pressed", String(button.dataset.mode === mode));
    dayField.setMax(today);
    dateField.value = choice?.day ?? "";
    slider.value = String(dayNumber(choice?.day ?? today));
    slider.setAttribute("aria-valuetext", choice?.day ?? `today, ${today}`);
    nowButton.disabled = choice === null;
  };

  // While dragging, the field follows the slider; the graph reloads once it is let go.
  slider.addEventListener("input", () => {
    dateField.value = dayFromNumber(Number(slider.value));
  });
  slider.addEventListener("change", () => {
    const day = dayFromNumber(Number(slider.value));
    pick(day >= today ? null : { mode, day });
  });
  const pickTyped = () => {
    const day = dayField.day();
    if (!dateField.value) pick(null);
    else if (day) pick({ mode, day });
  };
  const typed = debounce(pickTyped, TYPING_PAUSE_MS);
  dateField.addEventListener("input", () => typed.call());
  dateField.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    typed.cancel();
    pickTyped();
  });
  nowButton.addEventListener("click", () => pick(null));
  // Where the bar ends, for what opens below it (the paths and what-changed panels, the legend's
  // height): in a narrow canvas column the bar wraps onto a second row.
  new ResizeObserver(() => {
    element.parentElement?.style.setProperty("--time-bar-bottom", `${element.offsetTop + element.offsetHeight}px`);
  }).observe(element);

  render();
  return {
    element,
    show: (next) => {
      choice = next;
      if (next) mode = next.mode;
      render();
    },
    setDays: (first, day, marks) => {
      today = day;
      slider.min = String(Math.min(dayNumber(first), dayNumber(day)) - 1);
      slider.max = String(dayNumber(day));
      ticks.replaceChildren(...marks.map((mark) => el("option", { value: dayNumber(mark) })));
      render();
    },
    mode: () => mode,
    addAction: (action) => element.append(action),
  };
}
