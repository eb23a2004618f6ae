import { xmlText } from "../../../formats/xml-text";
import { type Outline, shapeOutline } from "../look/shape-outline";
import { type DrawOp, EXPORT_FONT, EXPORT_MONO_FONT } from "./draw-ops";

/** SVG elements for the evidence block's drawing, text as <text> (escaped), numbers rounded. */
export function opsToSvg(ops: readonly DrawOp[]): string {
  return [`<g font-family="${xmlText(EXPORT_FONT)}">`, ...ops.map(opToSvg), "</g>"].join("\n");
}

function opToSvg(op: DrawOp): string {
  switch (op.kind) {
    case "text":
      return `<text x="${n(op.x)}" y="${n(op.y)}" ${op.font.mono ? `font-family="${xmlText(EXPORT_MONO_FONT)}" ` : ""}font-size="${op.font.size}" font-weight="${op.font.weight}" fill="${op.color}" xml:space="preserve">${xmlText(op.text)}</text>`;
    case "rect":
      return `<rect x="${n(op.x)}" y="${n(op.y)}" width="${n(op.width)}" height="${n(op.height)}" fill="none" stroke="${op.stroke}" stroke-width="1"/>`;
    case "line": {
      const dash = op.dash.length > 0 ? ` stroke-dasharray="${op.dash.join(" ")}"` : "";
      return `<line x1="${n(op.x1)}" y1="${n(op.y1)}" x2="${n(op.x2)}" y2="${n(op.y2)}" stroke="${op.color}" stroke-width="${op.width}"${dash}/>`;
    }
    case "shape":
      return outlineToSvg(
        shapeOutline(op.shape, op.x, op.y, op.size),
        `fill="${op.fill}" stroke="${op.stroke}" stroke-width="1.4" stroke-linejoin="round"`,
      );
  }
}

function outlineToSvg(outline: Outline, paint: string): string {
  if (outline.kind === "circle")
    return `<circle cx="${n(outline.cx)}" cy="${n(outline.cy)}" r="${n(outline.r)}" ${paint}/>`;
  if (outline.kind === "rect") {
    return `<rect x="${n(outline.x)}" y="${n(outline.y)}" width="${n(outline.width)}" height="${n(outline.height)}" rx="${n(outline.radius)}" ${paint}/>`;
  }
  return `<polygon points="${outline.points.map((point) => `${n(point.x)},${n(point.y)}`).join(" ")}" ${paint}/>`;
}

/** Two decimals at most: short files, no "0.30000000000000004". */
function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}
