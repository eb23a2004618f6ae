import type { GraphScene, SceneEdge, SceneLabel, SceneNode, ScenePoint } from "../canvas/graph-scene";
import { blockFont, type DrawOp, type PathOp, type StrokeSpec, type TextBlockOp } from "./draw-ops";

/** Text measures in a CSS font: what the canvas renderer used to place labels. */
export interface LabelMeasure {
  /** Advance width of a line, in pixels. */
  width(text: string, font: string): number;
  /** From the alphabetic baseline down to the bottom of the em box ("bottom" baseline of a canvas). */
  descent(font: string): number;
}

/**
 * The graph as drawing operations, in model coordinates, drawn as Cytoscape's canvas renderer draws
 * it: node shapes with their fill and border, edges as lines or quadratic curves with their dashes and
 * arrowheads, labels with their background boxes and outlines, element after element in its order.
 */
export function sceneOps(scene: GraphScene, measure: LabelMeasure): DrawOp[] {
  return scene.items.flatMap((item) => (item.kind === "node" ? nodeOps(item, measure) : edgeOps(item, measure)));
}

function nodeOps(node: SceneNode, measure: LabelMeasure): DrawOp[] {
  const ops: DrawOp[] = [];
  if (node.underlay) {
    const grow = 2 * node.underlay.padding;
    ops.push({
      kind: "path",
      d: shapePath(node.underlay.shape, node.x, node.y, node.width + grow, node.height + grow),
      fill: { color: node.underlay.color, opacity: node.underlay.opacity * node.opacity },
      stroke: null,
    });
  }
  const { border } = node;
  const body: PathOp = {
    kind: "path",
    d: shapePath(node.shape, node.x, node.y, node.width, node.height),
    fill: node.fillOpacity > 0 ? { color: node.fill, opacity: node.fillOpacity * node.opacity } : null,
    stroke:
      border.width > 0
        ? {
            color: border.color,
            opacity: border.opacity * node.opacity,
            width: border.width,
            dash: border.dash,
            cap: "butt",
            join: "miter",
          }
        : null,
    ...(border.style === "double" && border.width > 0 ? { cutout: border.width / 3 } : {}),
  };
  ops.push(body);
  if (node.label) ops.push(...labelOps(node.label, measure));
  return ops;
}

function edgeOps(edge: SceneEdge, measure: LabelMeasure): DrawOp[] {
  const ops: DrawOp[] = [];
  const [first, ...rest] = edge.points;
  if (first && rest.length > 0) {
    const pieces: string[] = [`M ${pt(first)}`];
    if (edge.curve === "bezier") {
      for (let index = 0; index + 1 < rest.length; index += 2) {
        pieces.push(`Q ${pt(rest[index] as ScenePoint)} ${pt(rest[index + 1] as ScenePoint)}`);
      }
    } else for (const point of rest) pieces.push(`L ${pt(point)}`);
    // The halo first, under the line: as wide as the line plus its padding each side, round-ended.
    if (edge.underlay)
      ops.push({
        kind: "path",
        d: pieces.join(" "),
        fill: null,
        stroke: {
          color: edge.underlay.color,
          opacity: edge.underlay.opacity,
          width: edge.width + 2 * edge.underlay.padding,
          dash: [],
          cap: "round",
          join: "round",
        },
      });
    ops.push({
      kind: "path",
      d: pieces.join(" "),
      fill: null,
      stroke: {
        color: edge.color,
        opacity: edge.opacity,
        width: edge.width,
        dash: edge.dash,
        cap: edge.cap,
        join: "round",
      },
    });
  }
  const { arrow } = edge;
  if (arrow) {
    const outline = arrowOutline(arrow.shape, arrow.tip, arrow.direction, arrow.size);
    const paint = { color: arrow.color, opacity: edge.opacity };
    ops.push({
      kind: "path",
      d: outline,
      fill: arrow.hollow ? null : paint,
      stroke: arrow.hollow ? { ...paint, width: edge.width, dash: [], cap: "butt", join: "miter" } : null,
    });
  }
  if (edge.label) ops.push(...labelOps(edge.label, measure));
  return ops;
}

/** A label as the canvas places it: lines wrapped at the maximum width, a box behind, bottom baselines. */
export function labelOps(label: SceneLabel, measure: LabelMeasure): TextBlockOp[] {
  const font = blockFont(label.font);
  const size = label.font.size;
  const lines = wrapLabel(label, (text) => Math.ceil(measure.width(text, font)));
  const lineHeight = size * label.lineHeight;
  const textWidth = Math.max(0, ...lines.map((line) => Math.ceil(measure.width(line, font))));
  const textHeight = lines.length * size + (lines.length - 1) * (label.lineHeight - 1) * size;
  // In the label's own frame, (0, 0) is its reference point.
  let bottom = label.valign === "center" ? textHeight / 2 : label.valign === "bottom" ? textHeight : 0;
  const { background, border } = label;
  let box: TextBlockOp["box"] = null;
  if (background || border) {
    const padding = background?.padding ?? 0;
    const left = label.halign === "left" ? -textWidth : label.halign === "center" ? -textWidth / 2 : 0;
    const stroke: StrokeSpec | null = border
      ? {
          color: border.color,
          opacity: border.opacity * label.opacity,
          width: border.width,
          dash: [],
          cap: "butt",
          join: "miter",
        }
      : null;
    box = {
      x: left - padding,
      y: bottom - textHeight - padding,
      width: textWidth + 2 * padding,
      height: textHeight + 2 * padding,
      radius: background?.rounded ? 2 : 0,
      fill: background ? { color: background.color, opacity: background.opacity * label.opacity } : null,
      stroke,
    };
  }
  // A label left of its point is right-aligned, and the other way round.
  const anchor = label.halign === "left" ? "end" : label.halign === "right" ? "start" : "middle";
  const toAlphabetic = measure.descent(font);
  bottom -= (lines.length - 1) * lineHeight;
  return [
    {
      kind: "textblock",
      font: label.font,
      fill: { color: label.color, opacity: label.opacity },
      anchor,
      lines: lines.map((text, index) => ({
        text,
        x: 0,
        y: bottom + index * lineHeight - toAlphabetic,
        width: measure.width(text, font),
      })),
      rotation: label.rotation,
      origin: { x: label.x, y: label.y },
      halo: label.outline
        ? {
            color: label.outline.color,
            opacity: label.outline.opacity * label.opacity,
            width: 2 * label.outline.width,
          }
        : null,
      box,
    },
  ];
}

/**
 * Lines of a label as Cytoscape wraps them: explicit breaks kept; a line wider than the maximum
 * broken between words, each word keeping the spaces after it; "ellipsis" cut to fit with "…".
 */
export function wrapLabel(
  label: Pick<SceneLabel, "text" | "wrap" | "maxWidth">,
  width: (text: string) => number,
): string[] {
  if (label.wrap === "ellipsis") {
    if (width(label.text) < label.maxWidth) return [label.text];
    let cut = "";
    for (const character of label.text) {
      if (width(`${cut}${character}…`) > label.maxWidth) break;
      cut += character;
    }
    return [`${cut}…`];
  }
  if (label.wrap !== "wrap") return [label.text];
  const wrapped: string[] = [];
  for (const line of label.text.split("\n")) {
    if (width(line) <= label.maxWidth) {
      wrapped.push(line);
      continue;
    }
    let current = "";
    for (const match of line.matchAll(/(\S*)([\s\u200b]+|$)/g)) {
      const [whole, word = "", separator = ""] = match;
      if (whole === "") continue;
      const test = current === "" ? word : `${current}${word}${separator}`;
      if (width(test) <= label.maxWidth) current += word + separator;
      else {
        if (current !== "") wrapped.push(current);
        current = word + separator;
      }
    }
    if (!/^[\s\u200b]*$/.test(current)) wrapped.push(current);
  }
  return wrapped;
}

/** The outline of a Cytoscape node shape of the given size centred on (x, y), in SVG path syntax. */
export function shapePath(shape: string, x: number, y: number, width: number, height: number): string {
  const rx = width / 2;
  const ry = height / 2;
  switch (shape) {
    case "rectangle":
    case "square":
      return `M ${n(x - rx)} ${n(y - ry)} H ${n(x + rx)} V ${n(y + ry)} H ${n(x - rx)} Z`;
    case "round-rectangle":
    case "roundrectangle": {
      const r = Math.min(width / 4, height / 4, 8);
      return [
        `M ${n(x - rx + r)} ${n(y - ry)}`,
        `H ${n(x + rx - r)} A ${n(r)} ${n(r)} 0 0 1 ${n(x + rx)} ${n(y - ry + r)}`,
        `V ${n(y + ry - r)} A ${n(r)} ${n(r)} 0 0 1 ${n(x + rx - r)} ${n(y + ry)}`,
        `H ${n(x - rx + r)} A ${n(r)} ${n(r)} 0 0 1 ${n(x - rx)} ${n(y + ry - r)}`,
        `V ${n(y - ry + r)} A ${n(r)} ${n(r)} 0 0 1 ${n(x - rx + r)} ${n(y - ry)} Z`,
      ].join(" ");
    }
  }
  const round = shape.startsWith("round-");
  const unitPoints = polygonPoints(round ? shape.slice("round-".length) : shape);
  if (!unitPoints) {
    return `M ${n(x - rx)} ${n(y)} A ${n(rx)} ${n(ry)} 0 1 0 ${n(x + rx)} ${n(y)} A ${n(rx)} ${n(ry)} 0 1 0 ${n(x - rx)} ${n(y)} Z`;
  }
  const points = unitPoints.map((point) => ({ x: x + rx * point.x, y: y + ry * point.y }));
  if (!round) return `M ${points.map(pt).join(" L ")} Z`;
  return roundPolygonPath(points, Math.min(width / 10, height / 10, 8));
}

/** Vertices on the unit square (−1…1) of Cytoscape's polygon shapes, or undefined for an ellipse. */
function polygonPoints(name: string): ScenePoint[] | undefined {
  if (name === "diamond")
    return [
      { x: 0, y: 1 },
      { x: 1, y: 0 },
      { x: 0, y: -1 },
      { x: -1, y: 0 },
    ];
  const sides = { triangle: 3, pentagon: 5, hexagon: 6, heptagon: 7, octagon: 8 }[name];
  if (!sides) return undefined;
  // A regular polygon, flat at the bottom (one side or one vertex up), stretched to fill the square.
  const step = (2 * Math.PI) / sides;
  const first = Math.PI / 2 + (sides % 2 === 0 ? step / 2 : 0);
  const raw = Array.from({ length: sides }, (_, index) => ({
    x: Math.cos(first + index * step),
    y: -Math.sin(first + index * step),
  }));
  const xs = raw.map((point) => point.x);
  const ys = raw.map((point) => point.y);
  const sx = 2 / (Math.max(...xs) - Math.min(...xs));
  const sy = 2 / (Math.max(...ys) - Math.min(...ys));
  const stretched = raw.map((point) => ({ x: point.x * sx, y: point.y * sy }));
  const top = Math.min(...stretched.map((point) => point.y));
  const shift = top < -1 ? -1 - top : 0;
  return stretched.map((point) => ({ x: point.x, y: point.y + shift }));
}

/** A polygon whose corners are circular arcs of `radius`, smaller where a side is too short to hold it. */
function roundPolygonPath(points: readonly ScenePoint[], radius: number): string {
  const parts: string[] = [];
  points.forEach((corner, index) => {
    const previous = points[(index + points.length - 1) % points.length] as ScenePoint;
    const next = points[(index + 1) % points.length] as ScenePoint;
    const inLength = Math.hypot(previous.x - corner.x, previous.y - corner.y);
    const outLength = Math.hypot(next.x - corner.x, next.y - corner.y);
    const back = { x: (previous.x - corner.x) / inLength, y: (previous.y - corner.y) / inLength };
    const ahead = { x: (next.x - corner.x) / outLength, y: (next.y - corner.y) / outLength };
    const angle = Math.acos(Math.max(-1, Math.min(1, back.x * ahead.x + back.y * ahead.y)));
    let along = radius / Math.tan(angle / 2);
    let arcRadius = radius;
    const limit = Math.min(inLength / 2, outLength / 2);
    if (along > limit) {
      along = limit;
      arcRadius = along * Math.tan(angle / 2);
    }
    const start = { x: corner.x + back.x * along, y: corner.y + back.y * along };
    const stop = { x: corner.x + ahead.x * along, y: corner.y + ahead.y * along };
    // Turning clockwise on screen (y down) draws the arc clockwise.
    const turn = (corner.x - previous.x) * (next.y - corner.y) - (corner.y - previous.y) * (next.x - corner.x);
    parts.push(
      `${index === 0 ? "M" : "L"} ${pt(start)} A ${n(arcRadius)} ${n(arcRadius)} 0 0 ${turn > 0 ? 1 : 0} ${pt(stop)}`,
    );
  });
  return `${parts.join(" ")} Z`;
}

/** An arrowhead with its tip at `tip`, pointing along `direction` (a unit vector), of Cytoscape's `size`. */
function arrowOutline(shape: string, tip: ScenePoint, direction: ScenePoint, size: number): string {
  const across = { x: -direction.y, y: direction.x };
  // Cytoscape's arrows in their own frame: x across the edge, y back along it (both × size).
  const frame: Array<[number, number]> =
    shape === "triangle" || shape === "arrow" || shape === "vee"
      ? [
          [-0.15, 0.3],
          [0, 0],
          [0.15, 0.3],
        ]
      : [
          [-0.15, 0.3],
          [0.15, 0.3],
          [0.15, -0.3],
          [-0.15, -0.3],
        ];
  const points = frame.map(([a, b]) => ({
    x: tip.x + (across.x * a - direction.x * b) * size,
    y: tip.y + (across.y * a - direction.y * b) * size,
  }));
  return `M ${points.map(pt).join(" L ")} Z`;
}

function pt(point: ScenePoint): string {
  return `${n(point.x)} ${n(point.y)}`;
}

/** Three decimals: sub-pixel exact at any export scale, still short. */
function n(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}
