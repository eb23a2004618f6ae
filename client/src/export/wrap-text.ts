import type { FontSpec, Measure } from "./draw-ops";

const ELLIPSIS = "…";

/**
 * Breaks a text into lines no wider than `width`: at spaces, and inside a word too long for a line
 * (URLs, 10,000-character values, CJK without spaces). At most `maxLines`, the last one ending in "…".
 */
export function wrapText(text: string, width: number, font: FontSpec, measure: Measure, maxLines = 50): string[] {
  const lines: string[] = [];
  let line = "";
  const fits = (candidate: string) => measure(candidate, font) <= width;
  const push = (finished: string) => {
    lines.push(finished);
    return lines.length >= maxLines;
  };
  const words = text.replace(/\s+/g, " ").trim().split(" ");
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index] ?? "";
    const candidate = line === "" ? word : `${line} ${word}`;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line !== "" && fits(word)) {
      if (push(line)) return ellipsize(lines, words.slice(index).join(" "), width, font, measure);
      line = word;
      continue;
    }
    // The word alone is too wide: cut it into pieces that fit, after what the line holds.
    let rest = line === "" ? word : `${line} ${word}`;
    while (!fits(rest)) {
      const cut = Math.max(1, longestFittingPrefix(rest, width, font, measure));
      if (push(rest.slice(0, cut))) return ellipsize(lines, rest.slice(cut), width, font, measure);
      rest = rest.slice(cut).trimStart();
    }
    line = rest;
  }
  if (line !== "") lines.push(line);
  return lines;
}

/** One line, cut with "…" when it does not fit. */
export function truncateText(text: string, width: number, font: FontSpec, measure: Measure): string {
  if (measure(text, font) <= width) return text;
  const cut = longestFittingPrefix(text, width - measure(ELLIPSIS, font), font, measure);
  return `${text.slice(0, cut).trimEnd()}${ELLIPSIS}`;
}

/** Ends the last line with "…" to say that text was left over. */
function ellipsize(lines: string[], leftOver: string, width: number, font: FontSpec, measure: Measure): string[] {
  const last = lines.length - 1;
  if (leftOver.trim() === "" || last < 0) return lines;
  lines[last] = truncateText(`${lines[last]} ${leftOver}`, width, font, measure);
  return lines;
}

/** How many leading characters (whole code points) fit in `width`, by binary search. */
function longestFittingPrefix(text: string, width: number, font: FontSpec, measure: Measure): number {
  const points = Array.from(text);
  let low = 0;
  let high = points.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (measure(points.slice(0, middle).join(""), font) <= width) low = middle;
    else high = middle - 1;
  }
  return points.slice(0, low).join("").length;
}
