import type { SourceFootnote } from "../../../formats/visible-sources";
import { type DrawOp, type FontSpec, INK, INK_2, INK_3, type Measure, RULE } from "./draw-ops";
import { layoutLegendRow, legendRows } from "./legend-block";
import type { LegendEntries } from "./legend-entries";
import { truncateText, wrapText } from "./wrap-text";

/** The words around an evidence-grade image. */
export interface EvidenceText {
  /** "ByteDance neighbourhood", "Graph Explorer — 24 nodes, 32 relationships". */
  title: string;
  /** Scope and date: "Whole graph · exported from Graph Explorer, 2026-11-28 14:03 UTC", or the analyst's own. */
  subtitle: string;
  /** Under the analyst's own subtitle: the scope and date it replaced. */
  stamp?: string;
  legend: LegendEntries;
  footnotes: readonly SourceFootnote[];
  /** How to get the same graph again: the view's link or the query. */
  reproduce: string;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Everything at scale 1: page size, where the graph image goes, and what to draw around it. */
export interface EvidenceLayout {
  width: number;
  height: number;
  graph: Box;
  ops: DrawOp[];
}

const MARGIN = 28;
const FRAME_PADDING = 14;
/** Narrow graphs still get a page wide enough for a readable legend and source list. */
const MIN_FRAME_WIDTH = 760;
/** Lines of text stop wrapping here even under a very wide graph. */
const MAX_TEXT_WIDTH = 1100;
const ROW_TITLE_WIDTH = 112;

const TITLE: FontSpec = { size: 22, weight: 700 };
const SUBTITLE: FontSpec = { size: 13, weight: 400 };
const ROW_TITLE: FontSpec = { size: 11, weight: 700 };
const BODY: FontSpec = { size: 13, weight: 400 };
const NUMBER: FontSpec = { size: 13, weight: 700 };
const NOTE: FontSpec = { size: 12, weight: 400 };
const CODE: FontSpec = { size: 12, weight: 400, mono: true };

/** The graph alone, or (evidence-grade) framed under a title, above its legend, sources and how to reproduce it. */
export function evidenceLayout(
  graph: { width: number; height: number },
  text: EvidenceText | null,
  measure: Measure,
): EvidenceLayout {
  if (!text) return { ...graph, graph: { x: 0, y: 0, ...graph }, ops: [] };
  const ops: DrawOp[] = [];
  const frameWidth = Math.max(graph.width + 2 * FRAME_PADDING, MIN_FRAME_WIDTH);
  const textWidth = Math.min(frameWidth, MAX_TEXT_WIDTH);
  const line = (words: string, x: number, top: number, lineHeight: number, font: FontSpec, color: string) => {
    ops.push({ kind: "text", x, y: baseline(top, lineHeight, font), text: words, font, color });
  };
  const paragraph = (words: string, area: { x: number; y: number; width: number }, style: Paragraph) => {
    const lines = wrapText(words, area.width, style.font, measure, style.maxLines);
    for (const [index, content] of lines.entries()) {
      line(content, area.x, area.y + index * style.lineHeight, style.lineHeight, style.font, style.color);
    }
    return lines.length * style.lineHeight;
  };

  let y = MARGIN;
  y += paragraph(
    text.title,
    { x: MARGIN, y, width: textWidth },
    { font: TITLE, lineHeight: 28, maxLines: 2, color: INK },
  );
  y += 2;
  y += paragraph(
    text.subtitle,
    { x: MARGIN, y, width: textWidth },
    { font: SUBTITLE, lineHeight: 18, maxLines: 2, color: INK_3 },
  );
  if (text.stamp) {
    y += paragraph(
      text.stamp,
      { x: MARGIN, y, width: textWidth },
      { font: NOTE, lineHeight: 16, maxLines: 2, color: INK_3 },
    );
  }
  y += 12;

  const frame = { x: MARGIN, y, width: frameWidth, height: graph.height + 2 * FRAME_PADDING };
  ops.push({ kind: "rect", ...frame, stroke: RULE });
  const graphBox = { x: MARGIN + (frameWidth - graph.width) / 2, y: y + FRAME_PADDING, ...graph };
  y += frame.height + 16;

  // Rows: a small upper-case title on the left, the row's content on the right.
  const contentX = MARGIN + ROW_TITLE_WIDTH;
  const contentWidth = frameWidth - ROW_TITLE_WIDTH;
  const rowTitle = (title: string, top: number) => line(title.toUpperCase(), MARGIN, top, 22, ROW_TITLE, INK_3);

  for (const row of legendRows(text.legend, measure, contentWidth)) {
    rowTitle(row.title, y);
    const laid = layoutLegendRow(row.items, { x: contentX, y, width: contentWidth });
    ops.push(...laid.ops);
    y += laid.height + 4;
  }
  ops.push({
    kind: "line",
    x1: MARGIN,
    y1: y + 4,
    x2: MARGIN + frameWidth,
    y2: y + 4,
    color: RULE,
    width: 1,
    dash: [],
  });
  y += 12;

  rowTitle("Sources", y);
  const sourceWidth = Math.min(contentWidth, MAX_TEXT_WIDTH - ROW_TITLE_WIDTH);
  if (text.footnotes.length === 0) {
    line("No relationship shown cites a source.", contentX, y, 22, BODY, INK_3);
    y += 22;
  }
  for (const footnote of text.footnotes) {
    const number = `[${footnote.number}]`;
    line(number, contentX, y, 22, NUMBER, INK);
    const indent = Math.max(34, measure(number, NUMBER) + 8);
    const main = [footnote.name, footnote.date, footnote.grade ? `grade ${footnote.grade}` : null]
      .filter((part) => part)
      .join(" — ");
    const area = { x: contentX + indent, y: y + 2, width: sourceWidth - indent };
    const lines = wrapText(main, area.width, BODY, measure, 3);
    for (const [index, content] of lines.entries()) line(content, area.x, area.y + index * 18, 18, BODY, INK);
    y += 2 + lines.length * 18;
    // Where to read it; else its id, when the name does not say it.
    const where = footnote.url ?? (footnote.sourceId !== footnote.name ? `id ${footnote.sourceId}` : null);
    if (where) {
      line(truncateText(where, area.width, NOTE, measure), area.x, y, 16, NOTE, INK_3);
      y += 16;
    }
    y += 4;
  }
  y += 6;

  rowTitle("Reproduce", y);
  y += 3;
  y += paragraph(
    text.reproduce,
    { x: contentX, y, width: sourceWidth },
    { font: CODE, lineHeight: 17, maxLines: 8, color: INK_2 },
  );
  y += MARGIN;

  return { width: frameWidth + 2 * MARGIN, height: Math.ceil(y), graph: graphBox, ops };
}

interface Paragraph {
  font: FontSpec;
  lineHeight: number;
  maxLines: number;
  color: string;
}

/** The baseline that centres a font's capitals and x-height in a line box starting at `top`. */
function baseline(top: number, lineHeight: number, font: FontSpec): number {
  return top + (lineHeight + font.size * 0.72) / 2;
}
