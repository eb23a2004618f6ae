import { el } from "../dom/el";
import {
  type ArticleMark,
  articlesOn,
  dayAt,
  dayPosition,
  orderedRange,
  STACK_ORDER,
  type StripModel,
  stepDay,
} from "./timeline-model";

/** A range on the strip: its end is the as-of day, its start what counts as new (null: nothing marked). */
export interface StripRange {
  from: string | null;
  to: string;
}

export interface StripDeps {
  /** The analyst picked a range (brushed, clicked, stepped or played to); resolves once the canvas shows it. */
  pick(range: StripRange, how: "brush" | "step" | "play"): Promise<boolean>;
  /** Opens the change list for the range shown. */
  compare(range: StripRange): void;
  /** The strip was opened or closed (the canvas makes room). */
  toggled(open: boolean): void;
}

export interface TimelineStrip {
  readonly element: HTMLElement;
  /** The toggle that opens and closes the strip (placed in the time bar). */
  readonly toggle: HTMLButtonElement;
  isOpen(): boolean;
  open(): void;
  close(): void;
  /** What to draw; null while loading. */
  setModel(model: StripModel | null): void;
  /** The range the canvas shows (end null: today), without announcing it. */
  show(range: { from: string | null; to: string | null }): void;
  /** Stops playing (the canvas changed otherwise). */
  stop(): void;
}

/** Playback speeds, articles per second. */
export const SPEEDS = [1, 2, 4] as const;
/** A press on the track that moves less than this (px) is a click on a day, not a brush. */
const CLICK_SLOP_PX = 4;
/** A click this close (px) to an article's mark picks the article's day. */
const SNAP_PX = 8;

/** The strip's visible words for a range. */
export function describeRange(range: { from: string | null; to: string | null }): string {
  if (range.to === null) return range.from ? `${range.from} → today` : "Today";
  if (range.from === null || range.from === range.to) return range.to;
  return `${range.from} → ${range.to}`;
}

/**
 * The timeline strip under the canvas: every article a mark at its publication day, claims stacked
 * per day by certainty; brush a range with the mouse, step article by article with the arrow keys,
 * play at 1, 2 or 4 articles a second. It only draws and reports picks: the controller loads.
 */
export function createTimelineStrip(deps: StripDeps): TimelineStrip {
  let model: StripModel | null = null;
  let range: { from: string | null; to: string | null } = { from: null, to: null };
  let playing = false;
  let timer: number | undefined;

  const toggle = el(
    "button",
    {
      type: "button",
      class: "time-now timeline-toggle",
      "data-testid": "timeline-toggle",
      "aria-expanded": "false",
      "aria-controls": "timeline-strip",
      title: "The story over time: articles and claims on a strip under the canvas",
    },
    "Timeline",
  );
  const play = el(
    "button",
    { type: "button", class: "button-small timeline-play", "data-testid": "timeline-play", "aria-pressed": "false" },
    "Play",
  );
  const speed = el(
    "select",
    { class: "timeline-speed", "data-testid": "timeline-speed", "aria-label": "Playback speed" },
    ...SPEEDS.map((value) => el("option", { value }, `${value} article${value === 1 ? "" : "s"}/s`)),
  );
  const stacks = el("div", { class: "timeline-stacks", "aria-hidden": "true" });
  const marks = el("div", { class: "timeline-articles", "aria-hidden": "true" });
  const brush = el("div", { class: "timeline-brush", "data-testid": "timeline-brush", hidden: true });
  const cursor = el("div", { class: "timeline-cursor", "aria-hidden": "true", hidden: true });
  const axis = el("div", { class: "timeline-axis", "aria-hidden": "true" });
  const empty = el("p", { class: "timeline-empty", "data-testid": "timeline-empty", hidden: true });
  const tip = el("div", {
    class: "timeline-tip",
    "data-testid": "timeline-tip",
    role: "tooltip",
    id: "timeline-tip",
    hidden: true,
  });
  const track = el(
    "div",
    {
      class: "timeline-track",
      "data-testid": "timeline-track",
      tabindex: 0,
      role: "slider",
      "aria-label": "Timeline: the article shown (arrow keys step; with Shift, the range's start moves)",
      "aria-describedby": "timeline-tip",
      "aria-valuemin": 0,
      "aria-valuemax": 0,
      "aria-valuenow": 0,
    },
    stacks,
    marks,
    brush,
    cursor,
    axis,
    empty,
  );
  const rangeText = el("output", { class: "timeline-range", "data-testid": "timeline-range" }, "Today");
  const compare = el(
    "button",
    {
      type: "button",
      class: "button-small timeline-compare",
      "data-testid": "timeline-compare",
      title: "List what changed between the range's start and its end",
    },
    "What changed",
  );
  const close = el("button", {
    type: "button",
    class: "panel-close timeline-close",
    "data-testid": "timeline-close",
    "aria-label": "Close the timeline",
  });
  const element = el(
    "section",
    {
      id: "timeline-strip",
      class: "timeline-strip",
      "data-testid": "timeline-strip",
      "aria-label": "Timeline",
      hidden: true,
    },
    el("div", { class: "timeline-controls" }, play, speed),
    track,
    el("div", { class: "timeline-side" }, rangeText, compare),
    close,
    tip,
  );

  const days = () => [...new Set((model?.articles ?? []).map((mark) => mark.day))];

  const draw = () => {
    const ready = model !== null && model.empty === null;
    empty.hidden = model === null || model.empty === null;
    empty.textContent = model === null ? "" : (model.empty ?? "");
    play.disabled = !ready;
    compare.disabled = !ready;
    if (!model || model.empty !== null) {
      stacks.replaceChildren();
      marks.replaceChildren();
      axis.replaceChildren();
      brush.hidden = true;
      cursor.hidden = true;
      return;
    }
    const current = model;
    const tallest = Math.max(1, ...current.stacks.map((stack) => total(stack.counts) + stack.denials));
    stacks.replaceChildren(
      ...current.stacks.map((stack) =>
        el(
          "span",
          {
            class: "timeline-stack",
            "data-day": stack.day,
            style: `left: ${percent(dayPosition(current, stack.day))}`,
          },
          ...STACK_ORDER.filter((certainty) => stack.counts[certainty] > 0).map((certainty) =>
            el("span", {
              class: `timeline-tick tick-${certainty}`,
              "data-certainty": certainty,
              style: `height: ${percent(stack.counts[certainty] / tallest)}`,
            }),
          ),
          stack.denials > 0
            ? el("span", {
                class: "timeline-tick tick-denies",
                "data-certainty": "denies",
                style: `height: ${percent(stack.denials / tallest)}`,
              })
            : null,
        ),
      ),
    );
    marks.replaceChildren(
      ...current.articles.map((mark) =>
        el("span", {
          class: "timeline-article",
          "data-testid": "timeline-article",
          "data-day": mark.day,
          "data-article": mark.article.id,
          style: `left: ${percent(dayPosition(current, mark.day))}`,
        }),
      ),
    );
    const firstYear = Number(current.first.slice(0, 4));
    const lastYear = Number(current.last.slice(0, 4));
    const labels = [el("span", { class: "timeline-label is-first" }, current.first)];
    for (let year = firstYear + 1; year <= lastYear; year += 1) {
      const position = dayPosition(current, `${year}-01-01`);
      if (position > 0.08 && position < 0.92)
        labels.push(el("span", { class: "timeline-label", style: `left: ${percent(position)}` }, String(year)));
    }
    labels.push(el("span", { class: "timeline-label is-last" }, current.last));
    axis.replaceChildren(...labels);
    track.setAttribute("aria-valuemax", String(days().length));
    placeRange();
  };

  const placeRange = () => {
    rangeText.textContent = describeRange(range);
    const list = days();
    const index = range.to === null ? list.length : list.filter((day) => day <= (range.to as string)).length;
    track.setAttribute("aria-valuenow", String(index));
    const shown = range.to === null ? null : articlesOn(model ?? { articles: [] }, range.to);
    track.setAttribute(
      "aria-valuetext",
      range.to === null
        ? "Today"
        : `${describeRange(range)}${shown?.length ? `: ${shown.map(describeArticle).join("; ")}` : ""}`,
    );
    for (const mark of marks.children) {
      (mark as HTMLElement).classList.toggle(
        "is-shown",
        range.to !== null && (mark as HTMLElement).dataset.day === range.to,
      );
      (mark as HTMLElement).classList.toggle(
        "is-in-range",
        range.to !== null && ((mark as HTMLElement).dataset.day ?? "") <= range.to,
      );
    }
    if (!model || model.empty !== null || range.to === null) {
      brush.hidden = true;
      cursor.hidden = true;
      return;
    }
    const end = dayPosition(model, range.to);
    const start = range.from === null ? end : dayPosition(model, range.from);
    brush.hidden = range.from === null;
    brush.style.left = percent(start);
    brush.style.width = percent(Math.max(0, end - start));
    cursor.hidden = false;
    cursor.style.left = percent(end);
  };

  /** The tooltip over an article's mark: title, outlet, day. */
  const showTip = (mark: ArticleMark[] | null, position: number) => {
    if (!mark || mark.length === 0) {
      tip.hidden = true;
      return;
    }
    tip.replaceChildren(
      ...mark.map((entry) =>
        el(
          "span",
          { class: "timeline-tip-row" },
          el("strong", {}, entry.article.title),
          el("span", {}, `${entry.article.outlet?.name ?? "Outlet unknown"} · ${entry.day}`),
        ),
      ),
    );
    tip.hidden = false;
    const trackBox = track.getBoundingClientRect();
    const stripBox = element.getBoundingClientRect();
    const x = trackBox.left - stripBox.left + position * trackBox.width;
    tip.style.left = `${Math.max(8, Math.min(stripBox.width - tip.offsetWidth - 8, x - tip.offsetWidth / 2))}px`;
  };

  const positionOf = (clientX: number) => {
    const box = track.getBoundingClientRect();
    return box.width > 0 ? (clientX - box.left) / box.width : 0;
  };
  /** The articles whose mark is within SNAP_PX of a pointer, nearest first. */
  const articlesNear = (clientX: number): ArticleMark[] => {
    if (!model || model.empty !== null) return [];
    const box = track.getBoundingClientRect();
    let best: { day: string; distance: number } | null = null;
    for (const mark of model.articles) {
      const distance = Math.abs(box.left + dayPosition(model, mark.day) * box.width - clientX);
      if (distance <= SNAP_PX && (!best || distance < best.distance)) best = { day: mark.day, distance };
    }
    return best ? articlesOn(model, best.day) : [];
  };

  // Brushing: press, drag, let go. A press that barely moves picks one day (an article's, when near one).
  let press: { x: number; day: string } | null = null;
  track.addEventListener("pointerdown", (event) => {
    if (!model || model.empty !== null || event.button !== 0) return;
    stopPlaying();
    track.focus();
    track.setPointerCapture(event.pointerId);
    press = { x: event.clientX, day: dayAt(model, positionOf(event.clientX)) };
  });
  track.addEventListener("pointermove", (event) => {
    if (!model || model.empty !== null) return;
    if (press) {
      const { from, to } = orderedRange(press.day, dayAt(model, positionOf(event.clientX)));
      brush.hidden = false;
      brush.style.left = percent(dayPosition(model, from));
      brush.style.width = percent(dayPosition(model, to) - dayPosition(model, from));
      rangeText.textContent = describeRange({ from, to });
      return;
    }
    const near = articlesNear(event.clientX);
    showTip(near, near[0] ? dayPosition(model, near[0].day) : 0);
  });
  track.addEventListener("pointerleave", () => {
    if (!press) tip.hidden = true;
  });
  const release = (event: PointerEvent) => {
    if (!press || !model) return;
    const start = press;
    press = null;
    if (Math.abs(event.clientX - start.x) < CLICK_SLOP_PX) {
      const day = articlesNear(event.clientX)[0]?.day ?? start.day;
      void deps.pick({ from: day, to: day }, "brush");
      return;
    }
    const { from, to } = orderedRange(start.day, dayAt(model, positionOf(event.clientX)));
    void deps.pick({ from, to }, "brush");
  };
  track.addEventListener("pointerup", release);
  track.addEventListener("pointercancel", () => {
    press = null;
    placeRange();
  });

  // Keys: ←/→ the previous/next article's day, Home/End the first/last; with Shift, the range's start
  // moves instead (the end, the day shown, stays).
  track.addEventListener("keydown", (event) => {
    if (!model || model.empty !== null) return;
    const list = days();
    const step = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1 }[event.key] as 1 | -1 | undefined;
    if (step === undefined && event.key !== "Home" && event.key !== "End") return;
    event.preventDefault();
    stopPlaying();
    if (event.shiftKey) {
      const end = range.to ?? list.at(-1) ?? null;
      if (end === null) return;
      const start = range.from ?? end;
      let from: string | null;
      if (event.key === "Home") from = list[0] ?? null;
      else if (event.key === "End") from = end;
      else from = stepDay(model, start, step as 1 | -1);
      if (from === null || from > end) return;
      void deps.pick({ from, to: end }, "step").then(() => showShownTip());
      return;
    }
    let to: string | null;
    if (event.key === "Home") to = list[0] ?? null;
    else if (event.key === "End") to = list.at(-1) ?? null;
    else if (range.to === null) to = step === 1 ? null : (list.at(-1) ?? null);
    else to = stepDay(model, range.to, step as 1 | -1);
    if (to === null) return;
    void deps.pick({ from: to, to }, "step").then(() => showShownTip());
  });
  track.addEventListener("focus", () => showShownTip());
  track.addEventListener("blur", () => {
    tip.hidden = true;
  });
  const showShownTip = () => {
    if (!model || model.empty !== null || range.to === null || document.activeElement !== track) return;
    showTip(articlesOn(model, range.to), dayPosition(model, range.to));
  };

  // Playing: the next article's day every 1/speed seconds, each step waiting for the canvas.
  const setPlaying = (on: boolean) => {
    playing = on;
    play.textContent = on ? "Pause" : "Play";
    play.setAttribute("aria-pressed", String(on));
    element.classList.toggle("is-playing", on);
  };
  const stopPlaying = () => {
    if (timer !== undefined) window.clearTimeout(timer);
    timer = undefined;
    setPlaying(false);
  };
  const advance = async () => {
    if (!playing || !model) return;
    const next = stepDay(model, range.to, 1);
    if (next === null) return stopPlaying();
    const shown = await deps.pick({ from: next, to: next }, "play");
    if (!playing) return;
    if (!shown) return stopPlaying();
    timer = window.setTimeout(() => void advance(), 1000 / Number(speed.value));
  };
  play.addEventListener("click", () => {
    if (playing) return stopPlaying();
    if (!model || model.empty !== null) return;
    setPlaying(true);
    // From the start again when the last article is shown.
    const last = days().at(-1);
    if (range.to === null || (last !== undefined && range.to >= last)) range = { from: null, to: dayBefore(days()[0]) };
    void advance();
  });
  compare.addEventListener("click", () => {
    if (range.to !== null) deps.compare({ from: range.from, to: range.to });
    else if (model && model.empty === null) deps.compare({ from: range.from, to: model.last });
  });

  const setOpen = (open: boolean) => {
    if (element.hidden === !open) return;
    element.hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
    if (!open) stopPlaying();
    deps.toggled(open);
  };
  toggle.addEventListener("click", () => setOpen(element.hidden !== false));
  close.addEventListener("click", () => {
    setOpen(false);
    toggle.focus();
  });

  return {
    element,
    toggle,
    isOpen: () => !element.hidden,
    open: () => setOpen(true),
    close: () => setOpen(false),
    setModel: (next) => {
      model = next;
      draw();
    },
    show: (next) => {
      range = next;
      placeRange();
    },
    stop: stopPlaying,
  };
}

function describeArticle(mark: ArticleMark): string {
  return `${mark.article.title} (${mark.article.outlet?.name ?? "outlet unknown"})`;
}

function total(counts: Readonly<Record<string, number>>): number {
  return Object.values(counts).reduce((sum, count) => sum + count, 0);
}

function percent(share: number): string {
  return `${(share * 100).toFixed(3)}%`;
}

/** The day before a day (playing from the start shows the first article as a step). */
function dayBefore(day: string | undefined): string | null {
  if (day === undefined) return null;
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}
