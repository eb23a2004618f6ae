import { xmlText } from "../../../formats/xml-text";
import { type Outline, shapeOutline } from "../look/shape-outline";
import {
  type DrawOp,
  EXPORT_FONT,
  EXPORT_MONO_FONT,
  type Paint,
  type PathOp,
  type StrokeSpec,
  type TextBlockOp,
} from "./draw-ops";

/**
 * SVG elements for drawing operations (the evidence block, the graph), text as <text> (escaped),
 * numbers rounded. `ids` prefixes the ids of masks, so two drawings in one document do not clash.
 */
export function opsToSvg(ops: readonly DrawOp[], ids = "m"): string {
  let masks = 0;
  const nextId = () => `${ids}${++masks}`;
  return [`<g font-family="${xmlText(EXPORT_FONT)}">`, ...ops.map((op) => opToSvg(op, nextId)), "</g>"].join("\n");
}

function opToSvg(op: DrawOp, nextId: () => string): string {
  switch (op.kind) {
    case "path":
      return pathToSvg(op, nextId);
    case "textblock":
      return textBlockToSvg(op);
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

function pathToSvg(op: PathOp, nextId: () => string): string {
  const shape = `<path d="${op.d}" ${fillAttributes(op.fill)}${strokeAttributes(op.stroke)}/>`;
  if (op.cutout === undefined || !op.stroke) return shape;
  // A double border: a thin line along the middle of the stroke shows what is behind.
  const id = nextId();
  return [
    `<mask id="${id}" maskUnits="userSpaceOnUse" x="-1e6" y="-1e6" width="2e6" height="2e6">`,
    '<rect x="-1e6" y="-1e6" width="2e6" height="2e6" fill="#fff"/>',
    `<path d="${op.d}" fill="none" stroke="#000" stroke-width="${n(op.cutout)}"/>`,
    "</mask>",
    `<g mask="url(#${id})">${shape}</g>`,
  ].join("");
}

function textBlockToSvg(op: TextBlockOp): string {
  const turn = op.rotation !== 0 ? ` rotate(${n((op.rotation * 180) / Math.PI)})` : "";
  const parts = [`<g transform="translate(${n(op.origin.x)} ${n(op.origin.y)})${turn}">`];
  const { box, halo } = op;
  if (box) {
    const radius = box.radius > 0 ? ` rx="${n(box.radius)}"` : "";
    parts.push(
      `<rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}"${radius} ${fillAttributes(box.fill)}${strokeAttributes(box.stroke)}/>`,
    );
  }
  const font = `font-family="${xmlText(op.font.family)}" font-size="${n(op.font.size)}" font-weight="${xmlText(op.font.weight)}"${op.font.style !== "normal" ? ` font-style="${xmlText(op.font.style)}"` : ""}`;
  const outline = halo
    ? ` stroke="${xmlText(halo.color)}"${opacity("stroke-opacity", halo.opacity)} stroke-width="${n(halo.width)}" stroke-linejoin="round" paint-order="stroke"`
    : "";
  const lines = op.lines.map((line) => {
    const spaced = line.width && line.text.trim() !== "" ? ` textLength="${n(line.width)}" lengthAdjust="spacing"` : "";
    return `<tspan x="${n(line.x)}" y="${n(line.y)}"${spaced}>${xmlText(line.text)}</tspan>`;
  });
  parts.push(
    `<text ${font} text-anchor="${op.anchor}" ${fillAttributes(op.fill)}${outline} xml:space="preserve">${lines.join("")}</text>`,
    "</g>",
  );
  return parts.join("");
}

function fillAttributes(fill: Paint | null): string {
  return fill ? `fill="${xmlText(fill.color)}"${opacity("fill-opacity", fill.opacity)}` : 'fill="none"';
}

function strokeAttributes(stroke: StrokeSpec | null): string {
  if (!stroke) return "";
  const dash = stroke.dash.length > 0 ? ` stroke-dasharray="${stroke.dash.map(n).join(" ")}"` : "";
  return ` stroke="${xmlText(stroke.color)}"${opacity("stroke-opacity", stroke.opacity)} stroke-width="${n(stroke.width)}" stroke-linecap="${stroke.cap}" stroke-linejoin="${stroke.join}"${dash}`;
}

function opacity(name: string, value: number): string {
  return value < 1 ? ` ${name}="${n(value)}"` : "";
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
