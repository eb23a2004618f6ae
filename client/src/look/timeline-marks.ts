/**
 * Canvas classes of the timeline (issue #20): a relationship first reported within the brushed
 * range, one whose latest claim by the range's end denies it, one that no longer holds on the
 * range's end (held axis: kept on the canvas, faded), and what a picked change is about.
 * Recomputed from the range after every change, so never part of a saved or undoable view.
 */
export const TIMELINE_CLASSES = {
  fresh: "timeline-new",
  denied: "timeline-denied",
  ended: "timeline-ended",
  change: "change-mark",
} as const;

export const TIMELINE_CLASS_LIST: readonly string[] = Object.values(TIMELINE_CLASSES);

/** Said in the legend and exported images beside the marks. */
export const TIMELINE_MARK_MEANINGS = {
  fresh: "New in the range picked on the timeline",
  denied: "Denied by its latest claim",
  ended: "No longer holding on the day picked (its validity ended)",
  change: "Part of the change picked",
} as const;
