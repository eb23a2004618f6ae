import { TYPING_PAUSE_MS } from "../../claims/time-bar";
import { debounce } from "../../dom/debounce";
import { el, svgEl } from "../../dom/el";
import { createIsoDateField } from "../../dom/iso-date-field";
import type { CanvasTally } from "../../explorer/canvas-tally";
import type { ClaimFilterKey } from "../../explorer/claim-filters";
import type { ViewFilters } from "../../explorer/view-filters";
import { SOURCE_WIDTHS } from "../../look/edge-claims";

export interface ClaimsLegend {
  readonly element: HTMLElement;
  update(tally: CanvasTally, filters: ViewFilters): void;
}

/** Turns a claim filter on (true, a day) or off (false, null); the caller makes it an undo step. */
export type SetClaimFilter = (key: ClaimFilterKey, value: boolean | string | null) => void;

/**
 * The legend's "Claims" part: what line width and the contested mark mean, and the filters
 * "only corroborated", "only contested" and "reported since", each with how many relationships qualify.
 */
export function createClaimsLegend(setFilter: SetClaimFilter): ClaimsLegend {
  const onlyButton = (
    key: "corroboratedOnly" | "contestedOnly",
    text: string,
    meaning: string,
    icon: SVGSVGElement,
  ) => {
    const count = el("span", { class: "legend-count", "data-testid": "legend-count" }, 0);
    const button = el(
      "button",
      {
        type: "button",
        class: "legend-row legend-filter legend-only",
        "data-testid": `legend-${key}`,
        "data-filter": `claims:${key}`,
        "aria-pressed": "false",
      },
      icon,
      el("span", { class: "legend-name" }, text),
      count,
      el("span", { class: "legend-meaning" }, meaning),
    );
    button.addEventListener("click", () => setFilter(key, button.getAttribute("aria-pressed") !== "true"));
    return { button, count };
  };
  const corroborated = onlyButton(
    "corroboratedOnly",
    "Only corroborated",
    "2 or more independent origins (a republished, credited or copied story counts once).",
    widthIcon(SOURCE_WIDTHS.two),
  );
  const contested = onlyButton(
    "contestedOnly",
    "Only contested",
    "Sources disagree: a denial, or different numbers. Drawn in red, marked ⚠ contested.",
    contestedIcon(),
  );
  const sinceField = createIsoDateField({
    id: "legend-reported-since",
    class: "legend-since",
    "data-testid": "legend-reported-since",
  });
  const since = sinceField.input;
  const pickSince = () => {
    const day = sinceField.day();
    if (!since.value) setFilter("reportedSince", null);
    else if (day) setFilter("reportedSince", day);
  };
  const typed = debounce(pickSince, TYPING_PAUSE_MS);
  since.addEventListener("input", () => typed.call());
  since.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    typed.cancel();
    pickSince();
  });
  const clearSince = el(
    "button",
    { type: "button", class: "legend-since-clear", "aria-label": "Any report date", title: "Any report date" },
    "×",
  );
  clearSince.addEventListener("click", () => setFilter("reportedSince", null));

  const element = el(
    "div",
    { class: "legend-claims", "data-testid": "legend-claims" },
    el("h3", { class: "legend-heading" }, "Claims: who vouches"),
    el(
      "div",
      { class: "legend-widths", title: "The wider the line, the more independent origins make the claim" },
      el("span", { class: "legend-width" }, widthIcon(SOURCE_WIDTHS.one), "1"),
      el("span", { class: "legend-width" }, widthIcon(SOURCE_WIDTHS.two), "2"),
      el("span", { class: "legend-width" }, widthIcon(SOURCE_WIDTHS.threePlus), "3+ sources"),
    ),
    el("ul", { class: "legend-list" }, el("li", {}, corroborated.button), el("li", {}, contested.button)),
    el(
      "div",
      { class: "legend-since-row" },
      el("label", { class: "legend-since-label", for: "legend-reported-since" }, "Reported since"),
      since,
      clearSince,
    ),
  );

  return {
    element,
    update(tally, filters) {
      const show = (part: typeof corroborated, on: boolean, count: number, what: string) => {
        part.button.setAttribute("aria-pressed", String(on));
        part.button.title = on ? `Show every relationship again` : `Show only the ${count} ${what} relationships`;
        part.count.textContent = String(count);
      };
      show(corroborated, Boolean(filters.corroboratedOnly), tally.corroborated, "corroborated");
      show(contested, Boolean(filters.contestedOnly), tally.contested, "contested");
      // Leave a day being typed alone.
      if (document.activeElement !== since) since.value = filters.reportedSince ?? "";
      since.classList.toggle("is-active", Boolean(filters.reportedSince));
      clearSince.hidden = !filters.reportedSince;
    },
  };
}

function widthIcon(width: number): SVGSVGElement {
  return svgEl(
    "svg",
    { width: 26, height: 10, viewBox: "0 0 26 10", class: "line-icon legend-width-icon", "aria-hidden": "true" },
    svgEl("line", { x1: 1, y1: 5, x2: 25, y2: 5, "stroke-width": width }),
  );
}

function contestedIcon(): SVGSVGElement {
  return svgEl(
    "svg",
    { width: 26, height: 10, viewBox: "0 0 26 10", class: "line-icon legend-contested-icon", "aria-hidden": "true" },
    svgEl("line", { x1: 1, y1: 5, x2: 25, y2: 5, "stroke-width": 2 }),
  );
}
