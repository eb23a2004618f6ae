import { type Outline, shapeOutline } from "../look/shape-outline";
import {
  blockFont,
  cssFont,
  type DrawOp,
  type Paint,
  type PathOp,
  type StrokeSpec,
  type TextBlockOp,
} from "./draw-ops";
import type { LabelMeasure } from "./scene-ops";

/** Draws the evidence block's operations on a 2D canvas (already scaled to the export's scale). */
export function drawOps(context: CanvasRenderingContext2D, ops: readonly DrawOp[]): void {
  context.save();
  context.textBaseline = "alphabetic";
  context.textAlign = "left";
  for (const op of ops) {
    context.setLineDash([]);
    switch (op.kind) {
      case "text":
        context.font = cssFont(op.font);
        context.fillStyle = op.color;
        context.fillText(op.text, op.x, op.y);
        break;
      case "rect":
        context.strokeStyle = op.stroke;
        context.lineWidth = 1;
        context.strokeRect(op.x, op.y, op.width, op.height);
        break;
      case "line":
        context.strokeStyle = op.color;
        context.lineWidth = op.width;
        context.setLineDash(op.dash);
        context.beginPath();
        context.moveTo(op.x1, op.y1);
        context.lineTo(op.x2, op.y2);
        context.stroke();
        break;
      case "shape":
        tracePath(context, shapeOutline(op.shape, op.x, op.y, op.size));
        context.fillStyle = op.fill;
        context.fill();
        context.strokeStyle = op.stroke;
        context.lineWidth = 1.4;
        context.lineJoin = "round";
        context.stroke();
        break;
      case "path":
        drawPath(context, op);
        break;
      case "textblock":
        drawTextBlock(context, op);
        break;
    }
  }
  context.restore();
}

function drawPath(context: CanvasRenderingContext2D, op: PathOp): void {
  const path = new Path2D(op.d);
  if (op.fill) {
    paint(context, op.fill);
    context.fill(path);
  }
  if (op.stroke) {
    stroke(context, op.stroke);
    context.stroke(path);
    if (op.cutout !== undefined) {
      context.save();
      context.globalCompositeOperation = "destination-out";
      context.globalAlpha = 1;
      context.setLineDash([]);
      context.lineWidth = op.cutout;
      context.stroke(path);
      context.restore();
    }
  }
  context.globalAlpha = 1;
}

function drawTextBlock(context: CanvasRenderingContext2D, op: TextBlockOp): void {
  context.save();
  context.translate(op.origin.x, op.origin.y);
  context.rotate(op.rotation);
  const { box, halo } = op;
  if (box) {
    context.beginPath();
    context.roundRect(box.x, box.y, box.width, box.height, box.radius);
    if (box.fill) {
      paint(context, box.fill);
      context.fill();
    }
    if (box.stroke) {
      stroke(context, box.stroke);
      context.stroke();
    }
  }
  context.font = blockFont(op.font);
  context.textAlign = op.anchor === "middle" ? "center" : op.anchor === "end" ? "right" : "left";
  context.textBaseline = "alphabetic";
  context.setLineDash([]);
  for (const line of op.lines) {
    if (halo) {
      context.globalAlpha = halo.opacity;
      context.strokeStyle = halo.color;
      context.lineWidth = halo.width;
      context.lineJoin = "round";
      context.strokeText(line.text, line.x, line.y);
    }
    paint(context, op.fill);
    context.fillText(line.text, line.x, line.y);
  }
  context.restore();
}

function paint(context: CanvasRenderingContext2D, fill: Paint): void {
  context.globalAlpha = fill.opacity;
  context.fillStyle = fill.color;
}

function stroke(context: CanvasRenderingContext2D, spec: StrokeSpec): void {
  context.globalAlpha = spec.opacity;
  context.strokeStyle = spec.color;
  context.lineWidth = spec.width;
  context.lineCap = spec.cap;
  context.lineJoin = spec.join;
  context.setLineDash([...spec.dash]);
}

function tracePath(context: CanvasRenderingContext2D, outline: Outline): void {
  context.beginPath();
  if (outline.kind === "circle") context.arc(outline.cx, outline.cy, outline.r, 0, Math.PI * 2);
  else if (outline.kind === "rect")
    context.roundRect(outline.x, outline.y, outline.width, outline.height, outline.radius);
  else {
    for (const [index, point] of outline.points.entries()) {
      if (index === 0) context.moveTo(point.x, point.y);
      else context.lineTo(point.x, point.y);
    }
    context.closePath();
  }
}

/** Measures labels in any CSS font as a canvas draws them, and where its "bottom" baseline sits. */
export function canvasLabelMeasure(): LabelMeasure {
  const context = document.createElement("canvas").getContext("2d");
  if (!context) throw new Error("This browser cannot draw on a canvas");
  const widths = new Map<string, number>();
  const descents = new Map<string, number>();
  return {
    width(text, font) {
      const key = `${font}\u0000${text}`;
      let width = widths.get(key);
      if (width === undefined) {
        context.font = font;
        width = context.measureText(text).width;
        if (text.length < 200) widths.set(key, width);
      }
      return width;
    },
    descent(font) {
      let descent = descents.get(font);
      if (descent === undefined) {
        context.font = font;
        context.textBaseline = "bottom";
        // Measured from the "bottom" line, Chromium and Firefox give the alphabetic baseline's height above it.
        descent = context.measureText("x").alphabeticBaseline;
        context.textBaseline = "alphabetic";
        descents.set(font, descent);
      }
      return descent;
    },
  };
}

/** Measures text as the canvas will draw it. */
export function canvasMeasure(): (text: string, font: Parameters<typeof cssFont>[0]) => number {
  const context = document.createElement("canvas").getContext("2d");
  if (!context) throw new Error("This browser cannot draw on a canvas");
  const widths = new Map<string, number>();
  return (text, font) => {
    const key = `${cssFont(font)}\u0000${text}`;
    let width = widths.get(key);
    if (width === undefined) {
      context.font = cssFont(font);
      width = context.measureText(text).width;
      if (text.length < 200) widths.set(key, width);
    }
    return width;
  };
}
