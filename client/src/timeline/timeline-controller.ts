import type { Core } from "cytoscape";
import type { AsOfQuery } from "../../../contract/graph-contract";
import type { Timeline, TimelineArticle } from "../../../contract/timeline-endpoints";
import type { TimelineClient } from "../api/timeline-client";
import { type AsOfMode, dayFromNumber, dayNumber, toAsOfQuery } from "../claims/as-of";
import type { AsOfController } from "../claims/as-of-controller";
import type { ExplorerState } from "../explorer/explorer-state";
import { relationshipClaimsId } from "../look/edge-claims";
import { TIMELINE_CLASSES } from "../look/timeline-marks";
import {
  endedOn,
  type RelationshipMarks,
  relationshipMarks,
  type StripModel,
  stepDay,
  stripModel,
} from "./timeline-model";
import { createTimelineStrip, type StripRange, type TimelineStrip } from "./timeline-strip";

export interface TimelineControllerDeps {
  client: Pick<TimelineClient, "getTimeline">;
  asOf: Pick<AsOfController, "goTo" | "mode" | "addAction" | "keepAbsent">;
  state: Pick<ExplorerState, "asOf" | "timelineFrom" | "setTimelineFrom">;
  cy: Core;
  /** The workspace: it makes room for the strip under the canvas. */
  host: HTMLElement;
  /** Opens the change list between the range's start and end, on the axis picked. */
  compare(range: { from: string | null; to: string }, axis: AsOfMode): void;
  /** Starts reading the graph as of a day the analyst may step to next (kept for that step). */
  readAhead(query: AsOfQuery): void;
  fail(doing: string, error: unknown): void;
}

export interface TimelineController {
  readonly strip: TimelineStrip;
  /** After every change of the canvas: the strip shows the range, the canvas marks what is new or denied. */
  sync(): void;
  /** Loads the timeline again (after an ingest). */
  reload(): Promise<void>;
  /** The articles on the timeline (empty until it is loaded). */
  articles(): readonly TimelineArticle[];
}

/**
 * The timeline strip wired to the as-of machinery: the range's end is the as-of day (known on or
 * held on, the time bar's axis), its start marks relationships first seen since as new; each pick
 * is one undo step and goes into the link (the as-of day and `timelineFrom`).
 */
export function createTimelineController(deps: TimelineControllerDeps): TimelineController {
  const { state, cy } = deps;
  let timeline: Timeline | null = null;
  let model: StripModel | null = null;
  let loading: Promise<void> | null = null;

  const dayOf = (query: AsOfQuery) => query.knownAt ?? query.holdsAt ?? null;
  const axisOf = (query: AsOfQuery): AsOfMode => (query.knownAt ? "known" : query.holdsAt ? "held" : deps.asOf.mode());

  const strip = createTimelineStrip({
    pick: (range, how) => pick(range, how),
    compare: (range) => deps.compare(compareRange(range), axisOf(state.asOf())),
    toggled: (open) => {
      deps.host.classList.toggle("has-timeline", open);
      cy.resize();
      if (open && timeline === null) void reload();
      sync();
    },
  });
  deps.asOf.addAction(strip.toggle);
  // Held on a day after a relationship's validity ended: it stays drawn, faded (sync), not taken off.
  deps.asOf.keepAbsent((query) =>
    timeline && strip.isOpen() && query.holdsAt ? new Set(endedOn(timeline.ticks, query.holdsAt).keys()) : new Set(),
  );

  /**
   * The days the change list compares for a range: its start and end; for one day (a step), the
   * article's day against the day before the article; with no start, from the timeline's first day.
   */
  function compareRange(range: StripRange): { from: string | null; to: string } {
    const first = timeline?.range?.from ?? null;
    if (range.from === null) return { from: first, to: range.to };
    if (range.from !== range.to) return range;
    const before = dayNumber(range.from) - 1;
    return { from: dayFromNumber(before), to: range.to };
  }

  async function pick(range: StripRange, how: "brush" | "step" | "play"): Promise<boolean> {
    const axis = deps.asOf.mode();
    const next = toAsOfQuery({ mode: axis, day: range.to });
    const verb = how === "play" ? "Playing" : "Timeline";
    const label =
      range.from !== null && range.from !== range.to
        ? `${verb}: ${axis} ${range.from} → ${range.to}`
        : `${verb}: ${axis === "known" ? "known on" : "held on"} ${range.to}`;
    const shown = await deps.asOf.goTo(next, { label, also: () => state.setTimelineFrom(range.from) });
    if (shown) readAround(range.to, axis);
    return shown;
  }

  /**
   * Reads the days on either side of the one shown, so that the next step (either way, or the next
   * article when playing) waits only for the canvas. The side just left is usually still kept.
   */
  function readAround(day: string, axis: AsOfMode): void {
    if (!model) return;
    for (const direction of [1, -1] as const) {
      const next = stepDay(model, day, direction);
      if (next !== null) deps.readAhead(toAsOfQuery({ mode: axis, day: next }));
    }
  }

  async function reload(): Promise<void> {
    if (loading) return loading;
    strip.setModel(null);
    loading = (async () => {
      try {
        timeline = await deps.client.getTimeline();
        model = stripModel(timeline);
        strip.setModel(model);
        sync();
      } catch (error) {
        deps.fail("Loading the timeline", error);
      } finally {
        loading = null;
      }
    })();
    return loading;
  }

  // sync runs after every change of the canvas, often twice in one step: the marks of a range are
  // worked out once (all the timeline's ticks are read; 5,000 on a long history).
  let marksMemo: { of: Timeline; key: string; marks: RelationshipMarks } | null = null;
  function marksOf(of: Timeline, range: { from: string | null; to: string }, axis: AsOfMode): RelationshipMarks {
    const key = `${range.from ?? ""} ${range.to} ${axis}`;
    if (marksMemo?.of !== of || marksMemo.key !== key)
      marksMemo = { of, key, marks: relationshipMarks(of.ticks, range, axis) };
    return marksMemo.marks;
  }

  function sync(): void {
    const query = state.asOf();
    const to = dayOf(query);
    const from = state.timelineFrom();
    strip.show({ from, to });
    if (from !== null && !strip.isOpen()) strip.open();
    const marks =
      timeline && strip.isOpen() && to !== null
        ? marksOf(timeline, { from, to }, axisOf(query))
        : { fresh: new Set<string>(), denied: new Set<string>(), ended: new Map<string, string>() };
    cy.batch(() => {
      cy.edges().forEach((edge) => {
        const id = relationshipClaimsId(edge.data());
        const fresh = id !== undefined && marks.fresh.has(id);
        const denied = id !== undefined && marks.denied.has(id);
        if (edge.hasClass(TIMELINE_CLASSES.fresh) !== fresh) edge.toggleClass(TIMELINE_CLASSES.fresh, fresh);
        if (edge.hasClass(TIMELINE_CLASSES.denied) !== denied) edge.toggleClass(TIMELINE_CLASSES.denied, denied);
        const ended = id !== undefined && marks.ended.has(id);
        if (edge.hasClass(TIMELINE_CLASSES.ended) !== ended) edge.toggleClass(TIMELINE_CLASSES.ended, ended);
      });
    });
  }

  return { strip, sync, reload, articles: () => timeline?.articles ?? [] };
}
