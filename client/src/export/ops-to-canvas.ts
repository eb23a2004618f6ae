import { type Outline, shapeOutline } from "../look/shape-outline";
import { cssFont, type DrawOp } from "./draw-ops";

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
    }
  }
  context.restore();
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
