import type { CollectionReturnValue, EdgeSingular, NodeSingular } from "cytoscape";

/** The part of a Cytoscape element that answers its computed style. */
interface Styled {
  style(name: string): unknown;
  numericStyle(name: string): unknown;
  effectiveOpacity(): number;
}

/**
 * What Cytoscape draws, read through its public API (positions, sizes, computed styles, edge end and
 * control points) into plain values: the export turns it into its own drawing operations (SVG).
 * Coordinates are the model's; `translate` and `zoom` place them in the picture.
 */
export interface GraphScene {
  readonly width: number;
  readonly height: number;
  readonly translate: ScenePoint;
  readonly zoom: number;
  /** In drawing order: what comes later is drawn over what came before. */
  readonly items: ReadonlyArray<SceneNode | SceneEdge>;
}

export interface ScenePoint {
  readonly x: number;
  readonly y: number;
}

export interface SceneFont {
  readonly style: string;
  readonly weight: string;
  readonly size: number;
  readonly family: string;
}

export interface SceneLabel {
  readonly text: string;
  /** The label's reference point (margins applied): below the node, or the edge's midpoint. */
  readonly x: number;
  readonly y: number;
  /** Radians, about (x, y). */
  readonly rotation: number;
  readonly halign: "left" | "center" | "right";
  readonly valign: "top" | "center" | "bottom";
  readonly wrap: "none" | "wrap" | "ellipsis";
  readonly maxWidth: number;
  /** Multiple of the font size. */
  readonly lineHeight: number;
  readonly font: SceneFont;
  readonly color: string;
  readonly opacity: number;
  readonly background: {
    readonly color: string;
    readonly opacity: number;
    readonly padding: number;
    readonly rounded: boolean;
  } | null;
  readonly border: { readonly color: string; readonly opacity: number; readonly width: number } | null;
  readonly outline: { readonly color: string; readonly opacity: number; readonly width: number } | null;
}

export type LineStyle = "solid" | "dotted" | "dashed" | "double";

export interface SceneNode {
  readonly kind: "node";
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Cytoscape's shape name: ellipse, round-rectangle, round-diamond... */
  readonly shape: string;
  readonly fill: string;
  readonly fillOpacity: number;
  readonly opacity: number;
  readonly border: {
    readonly width: number;
    readonly color: string;
    readonly opacity: number;
    readonly style: LineStyle;
    readonly dash: readonly number[];
  };
  readonly underlay: {
    readonly color: string;
    readonly opacity: number;
    readonly padding: number;
    readonly shape: string;
  } | null;
  readonly label: SceneLabel | null;
}

export interface SceneEdge {
  readonly kind: "edge";
  readonly id: string;
  /**
   * "bezier": start, then pairs (control, end) of quadratic curves; "straight": a polyline. The last
   * point is where the line stops, short of the arrowhead's tip.
   */
  readonly curve: "bezier" | "straight";
  readonly points: readonly ScenePoint[];
  readonly width: number;
  readonly color: string;
  readonly opacity: number;
  readonly style: LineStyle;
  readonly dash: readonly number[];
  readonly cap: "butt" | "round" | "square";
  readonly arrow: {
    readonly tip: ScenePoint;
    /** Unit vector along the edge at its end, pointing at the tip. */
    readonly direction: ScenePoint;
    /** Cytoscape's arrow size (length ÷ 0.3). */
    readonly size: number;
    readonly color: string;
    readonly shape: string;
    readonly hollow: boolean;
  } | null;
  readonly label: SceneLabel | null;
  /** A halo along the line (the timeline's marks): its colour, opacity and padding each side. */
  readonly underlay?: { readonly color: string; readonly opacity: number; readonly padding: number } | null;
}

/** Reads `elements` (those drawn: the caller leaves out what is hidden) in Cytoscape's drawing order. */
export function readScene(
  elements: CollectionReturnValue,
  frame: { width: number; height: number; translate: ScenePoint; zoom: number },
): GraphScene {
  const drawn = elements.filter((element) => element.visible() && element.effectiveOpacity() > 0);
  const ordered = drawn.toArray().map((element, index) => ({ element, index }));
  // Cytoscape's order with z-index-compare "auto": edges under nodes, then z-index, then collection order.
  ordered.sort(
    (a, b) =>
      Number(a.element.isNode()) - Number(b.element.isNode()) ||
      Number(a.element.style("z-index")) - Number(b.element.style("z-index")) ||
      a.index - b.index,
  );
  return {
    ...frame,
    items: ordered.map(({ element }) =>
      element.isNode() ? readNode(element as NodeSingular) : readEdge(element as EdgeSingular),
    ),
  };
}

function readNode(node: NodeSingular): SceneNode {
  const position = node.position();
  const width = node.width();
  const height = node.height();
  const underlayOpacity = num(node, "underlay-opacity");
  const borderStyle = lineStyle(node.style("border-style"));
  return {
    kind: "node",
    id: node.id(),
    x: position.x,
    y: position.y,
    width,
    height,
    shape: String(node.style("shape")),
    fill: String(node.style("background-color")),
    fillOpacity: num(node, "background-opacity"),
    opacity: node.effectiveOpacity(),
    border: {
      width: num(node, "border-width"),
      color: String(node.style("border-color")),
      opacity: num(node, "border-opacity"),
      style: borderStyle,
      dash: borderStyle === "dotted" ? [1, 1] : borderStyle === "dashed" ? numbers(node, "border-dash-pattern") : [],
    },
    underlay:
      underlayOpacity > 0
        ? {
            color: String(node.style("underlay-color")),
            opacity: underlayOpacity,
            padding: num(node, "underlay-padding"),
            shape: String(node.style("underlay-shape")),
          }
        : null,
    label: readLabel(node, () => {
      const padding = num(node, "padding");
      const halign = String(node.style("text-halign"));
      const valign = String(node.style("text-valign"));
      const x =
        halign === "left"
          ? position.x - width / 2 - padding
          : halign === "right"
            ? position.x + width / 2 + padding
            : position.x;
      const y =
        valign === "top"
          ? position.y - height / 2 - padding
          : valign === "bottom"
            ? position.y + height / 2 + padding
            : position.y;
      return {
        x,
        y,
        rotation: 0,
        halign: align(halign),
        valign: valign === "top" ? "top" : valign === "bottom" ? "bottom" : "center",
      };
    }),
  };
}

function readEdge(edge: EdgeSingular): SceneEdge {
  const start = edge.sourceEndpoint();
  const tip = edge.targetEndpoint();
  const controls = edge.controlPoints() ?? [];
  const segments = edge.segmentPoints() ?? [];
  const curve = controls.length > 0 ? "bezier" : "straight";
  // The renderer's path: between two control points the curve passes through their midpoint.
  const inner: ScenePoint[] = [];
  if (curve === "bezier") {
    controls.forEach((point, index) => {
      const next = controls[index + 1];
      inner.push(point);
      if (next) inner.push({ x: (point.x + next.x) / 2, y: (point.y + next.y) / 2 });
    });
  } else inner.push(...segments);
  const width = num(edge, "width");
  const arrowShape = String(edge.style("target-arrow-shape"));
  const arrowScale = num(edge, "arrow-scale");
  const hasArrow = arrowShape !== "none";
  // The line stops short of the tip by the arrow's gap, measured towards the last point before it.
  const before = inner.at(-1) ?? start;
  const gap = hasArrow ? width * arrowScale * 2 : 0;
  const towards = unit({ x: before.x - tip.x, y: before.y - tip.y });
  const end = { x: tip.x + towards.x * gap, y: tip.y + towards.y * gap };
  const points = [start, ...inner, end];
  // Direction at the end: from the curve at t = 0.9 of its last piece (as the renderer does), or from the midpoint.
  const from =
    curve === "bezier"
      ? quadAt(points.at(-3) ?? start, points.at(-2) ?? start, end, 0.9)
      : segments.length > 0
        ? before
        : { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 };
  const style = lineStyle(edge.style("line-style"));
  const labelAngle = () => {
    // The renderer turns a label along the chord of a one-bend curve, along the tangent at the middle otherwise.
    let dx = end.x - start.x;
    let dy = end.y - start.y;
    if (controls.length > 1 && controls.length % 2 === 0) {
      const middle = Math.floor(points.length / 2);
      const control = points[middle - 1] ?? start;
      const through = points[middle] ?? end;
      dx = through.x - control.x;
      dy = through.y - control.y;
    }
    const angle = Math.atan(dy / dx);
    return dx === 0 && angle < 0 ? -angle : angle;
  };
  const midpoint = edge.midpoint();
  const underlayOpacity = num(edge, "underlay-opacity");
  return {
    kind: "edge",
    id: edge.id(),
    curve,
    points,
    width,
    color: String(edge.style("line-color")),
    opacity: edge.effectiveOpacity() * num(edge, "line-opacity"),
    style,
    dash: style === "dotted" ? [1, 1] : style === "dashed" ? numbers(edge, "line-dash-pattern") : [],
    cap: cap(edge.style("line-cap")),
    arrow: hasArrow
      ? {
          tip,
          direction: unit({ x: tip.x - from.x, y: tip.y - from.y }),
          size: Math.max((width * 13.37) ** 0.9, 29) * arrowScale,
          color: String(edge.style("target-arrow-color")),
          shape: arrowShape,
          hollow: edge.style("target-arrow-fill") === "hollow",
        }
      : null,
    label: readLabel(edge, () => ({
      x: midpoint.x,
      y: midpoint.y,
      rotation: edge.style("text-rotation") === "autorotate" ? labelAngle() : num(edge, "text-rotation") || 0,
      halign: "center",
      valign: "center",
    })),
    underlay:
      underlayOpacity > 0
        ? {
            color: String(edge.style("underlay-color")),
            opacity: underlayOpacity * edge.effectiveOpacity(),
            padding: num(edge, "underlay-padding"),
          }
        : null,
  };
}

function readLabel(
  element: Styled,
  place: () => Pick<SceneLabel, "x" | "y" | "rotation" | "halign" | "valign">,
): SceneLabel | null {
  const text = String(element.style("label") ?? "");
  if (text === "" || num(element, "text-opacity") === 0) return null;
  const transform = String(element.style("text-transform"));
  const where = place();
  const backgroundOpacity = num(element, "text-background-opacity");
  const borderWidth = num(element, "text-border-width");
  const borderOpacity = num(element, "text-border-opacity");
  const outlineWidth = num(element, "text-outline-width");
  const shape = String(element.style("text-background-shape"));
  return {
    text: transform === "uppercase" ? text.toUpperCase() : transform === "lowercase" ? text.toLowerCase() : text,
    ...where,
    x: where.x + num(element, "text-margin-x"),
    y: where.y + num(element, "text-margin-y"),
    wrap:
      element.style("text-wrap") === "wrap" ? "wrap" : element.style("text-wrap") === "ellipsis" ? "ellipsis" : "none",
    maxWidth: num(element, "text-max-width"),
    lineHeight: num(element, "line-height") || 1,
    font: {
      style: String(element.style("font-style")),
      weight: String(element.style("font-weight")),
      size: num(element, "font-size"),
      family: String(element.style("font-family")),
    },
    color: String(element.style("color")),
    opacity: element.effectiveOpacity() * num(element, "text-opacity"),
    background:
      backgroundOpacity > 0
        ? {
            color: String(element.style("text-background-color")),
            opacity: backgroundOpacity,
            padding: num(element, "text-background-padding"),
            rounded: shape === "roundrectangle" || shape === "round-rectangle",
          }
        : null,
    border:
      borderWidth > 0 && borderOpacity > 0
        ? { color: String(element.style("text-border-color")), opacity: borderOpacity, width: borderWidth }
        : null,
    outline:
      outlineWidth > 0
        ? {
            color: String(element.style("text-outline-color")),
            opacity: num(element, "text-outline-opacity"),
            width: outlineWidth,
          }
        : null,
  };
}

function num(element: Styled, name: string): number {
  const value = Number(element.numericStyle(name));
  return Number.isFinite(value) ? value : 0;
}

function numbers(element: Styled, name: string): number[] {
  const value: unknown = element.numericStyle(name);
  const list = Array.isArray(value) ? value : String(value).split(/[\s,]+/);
  return list.map(Number).filter((item) => Number.isFinite(item));
}

function lineStyle(value: unknown): LineStyle {
  return value === "dotted" || value === "dashed" || value === "double" ? value : "solid";
}

function cap(value: unknown): SceneEdge["cap"] {
  return value === "round" || value === "square" ? value : "butt";
}

function align(value: string): SceneLabel["halign"] {
  return value === "left" ? "left" : value === "right" ? "right" : "center";
}

function unit(vector: ScenePoint): ScenePoint {
  const length = Math.hypot(vector.x, vector.y);
  return length > 0 ? { x: vector.x / length, y: vector.y / length } : { x: 0, y: 1 };
}

function quadAt(p0: ScenePoint, p1: ScenePoint, p2: ScenePoint, t: number): ScenePoint {
  const u = 1 - t;
  return { x: u * u * p0.x + 2 * u * t * p1.x + t * t * p2.x, y: u * u * p0.y + 2 * u * t * p1.y + t * t * p2.y };
}
