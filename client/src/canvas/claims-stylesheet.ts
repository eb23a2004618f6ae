import type { EdgeSingular, StylesheetJson } from "cytoscape";
import type { CanvasPalette } from "../look/canvas-palette";
import { CLAIM_CLASSES, CONTESTED_MARK, SOURCE_WIDTHS } from "../look/edge-claims";
import { TIMELINE_CLASSES } from "../look/timeline-marks";

/**
 * Canvas rules of the claim summary: the more independent sources, the wider the line; a contested
 * relationship is drawn in the warning colour and says so in its caption. The selection's colour wins.
 */
export function claimsStylesheet(palette: CanvasPalette): StylesheetJson {
  return [
    { selector: `edge.${CLAIM_CLASSES.sources2}`, style: { width: SOURCE_WIDTHS.two, "arrow-scale": 0.8 } },
    { selector: `edge.${CLAIM_CLASSES.sources3}`, style: { width: SOURCE_WIDTHS.threePlus, "arrow-scale": 0.7 } },
    {
      selector: `edge.${CLAIM_CLASSES.contested}`,
      style: {
        label: (edge: EdgeSingular) => `${String(edge.data("caption"))}  ${CONTESTED_MARK}`,
        color: palette.contested,
        "font-weight": 700,
        "text-background-color": palette.contestedBackground,
        "text-background-opacity": 1,
        "text-border-color": palette.contested,
        "text-border-width": 1,
        "text-border-opacity": 1,
      },
    },
    {
      selector: `edge.${CLAIM_CLASSES.contested}:unselected`,
      style: {
        "line-color": palette.contested,
        "target-arrow-color": palette.contested,
      },
    },
    // The timeline: new in the brushed range (a halo), denied by its latest claim or over (faded), part of a picked change.
    {
      selector: `edge.${TIMELINE_CLASSES.fresh}`,
      style: { "underlay-color": palette.added, "underlay-opacity": 0.45, "underlay-padding": 5 },
    },
    { selector: `edge.${TIMELINE_CLASSES.denied}`, style: { opacity: 0.35 } },
    // Held axis: no longer holding on the day; kept in place, faded.
    { selector: `edge.${TIMELINE_CLASSES.ended}`, style: { opacity: 0.3 } },
    {
      selector: `.${TIMELINE_CLASSES.change}`,
      style: { "underlay-color": palette.path, "underlay-opacity": 0.5, "underlay-padding": 7 },
    },
  ];
}
