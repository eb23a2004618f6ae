import { type DrawOp, type FontSpec, INK, INK_2, INK_3, type Measure } from "./draw-ops";
import { type FlowItem, flowRow } from "./flow-row";
import type { LegendEntries } from "./legend-entries";
import { truncateText } from "./wrap-text";

const NAME: FontSpec = { size: 13, weight: 600 };
const PLAIN: FontSpec = { size: 13, weight: 400 };
const NOTE: FontSpec = { size: 12, weight: 400 };
const LINE_HEIGHT = 22;
const ITEM_GAP = 18;
const SWATCH = 15;
const LINE_SAMPLE = 30;

/** Pieces of text side by side on one baseline; together they make one flow item. */
type Run = { text: string; font: FontSpec; color: string };

/** The legend rows (nodes, relationships, certainty), each a flow of items right of its row title. */
export function legendRows(legend: LegendEntries, measure: Measure, width: number) {
  const runsItem = (runs: Run[], lead = 0, drawLead: (x: number, middle: number) => DrawOp[] = () => []) => {
    const fitted = fitRuns(runs, width - lead, measure);
    const textWidth = fitted.reduce((sum, run) => sum + measure(run.text, run.font), 0);
    return {
      width: lead + textWidth,
      draw: (x: number, middle: number): DrawOp[] => {
        const ops = drawLead(x, middle);
        let left = x + lead;
        for (const run of fitted) {
          ops.push({ kind: "text", x: left, y: middle + run.font.size * 0.36, ...run });
          left += measure(run.text, run.font);
        }
        return ops;
      },
    } satisfies FlowItem;
  };
  const count = (n: number): Run => ({ text: `  ${n.toLocaleString("en-US")}`, font: NOTE, color: INK_3 });

  const nodes = legend.labels.map(({ label, count: n, style }) =>
    runsItem([{ text: label, font: NAME, color: INK }, count(n)], SWATCH + 7, (x, middle) => [
      {
        kind: "shape",
        x: x + SWATCH / 2,
        y: middle,
        size: SWATCH,
        shape: style.shape,
        fill: style.color,
        stroke: style.borderColor,
      },
    ]),
  );
  const relationships = legend.relationships.map(({ caption, count: n }) =>
    runsItem([{ text: caption, font: PLAIN, color: INK_2 }, count(n)]),
  );
  const certainties = legend.certainties.map((entry) =>
    runsItem(
      [
        { text: entry.certainty ?? "not stated", font: NAME, color: INK },
        { text: ` — ${entry.meaning}`, font: NOTE, color: INK_3 },
        count(entry.count),
      ],
      LINE_SAMPLE + 8,
      (x, middle) => [
        {
          kind: "line",
          x1: x,
          y1: middle,
          x2: x + LINE_SAMPLE,
          y2: middle,
          color: entry.color,
          width: entry.dash.length > 0 && (entry.dash[0] ?? 0) < 2 ? 2.2 : 1.8,
          dash: entry.dash,
        },
      ],
    ),
  );
  // Each mark as the canvas draws it: a line sample with its halo under it, or faded.
  const marks = legend.marks.map((entry) =>
    runsItem([{ text: entry.meaning, font: PLAIN, color: INK_2 }, count(entry.count)], LINE_SAMPLE + 8, (x, middle) => {
      const d = `M ${x + 4} ${middle} L ${x + LINE_SAMPLE - 4} ${middle}`;
      const stroke = (color: string, opacity: number, width: number): DrawOp => ({
        kind: "path",
        d,
        fill: null,
        stroke: { color, opacity, width, dash: [], cap: "round", join: "round" },
      });
      return [
        ...(entry.halo ? [stroke(entry.halo.color, entry.halo.opacity, 12)] : []),
        stroke(entry.color, entry.opacity, 2.2),
      ];
    }),
  );
  return [
    { title: "Nodes", items: nodes },
    { title: "Relationships", items: relationships },
    { title: "Certainty", items: certainties },
    { title: "Marks", items: marks },
  ].filter((row) => row.items.length > 0);
}

/** Lays one legend row's items in the given area. */
export function layoutLegendRow(items: readonly FlowItem[], area: { x: number; y: number; width: number }) {
  return flowRow(items, area, LINE_HEIGHT, ITEM_GAP);
}

/** Cuts the runs' text so that together they fit `width` (a very long caption or label). */
function fitRuns(runs: Run[], width: number, measure: Measure): Run[] {
  const fitted: Run[] = [];
  let room = width;
  for (const run of runs) {
    if (room <= 0) break;
    const text = truncateText(run.text, room, run.font, measure);
    fitted.push({ ...run, text });
    room -= measure(text, run.font);
  }
  return fitted;
}
