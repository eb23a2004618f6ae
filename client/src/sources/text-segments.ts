/** A claim's place in an article's text (UTF-16 offsets, `end` exclusive). */
export interface TextSpan {
  id: string;
  start: number;
  end: number;
}

/** A run of text covered by the same claims (none: plain text). */
export interface TextSegment {
  start: number;
  end: number;
  /** The claims whose sentence covers this run, in the order the spans were given. */
  ids: string[];
}

/** A paragraph of the text (a line of it) cut into runs. */
export interface TextParagraph {
  start: number;
  end: number;
  segments: TextSegment[];
}

/**
 * Cuts a text into paragraphs (at line breaks) and each paragraph into runs where the set of
 * claims covering the text changes, so overlapping sentences (two claims on one sentence, a claim
 * quoting two sentences and another quoting one of them) are each shown, and marked, whole. Runs
 * never cross a line break. Spans outside the text, or empty, are left out.
 */
export function textSegments(text: string, spans: readonly TextSpan[]): TextParagraph[] {
  const valid = spans.filter((span) => span.start >= 0 && span.end <= text.length && span.start < span.end);
  const paragraphs: TextParagraph[] = [];
  const lines = /[^\n]+/g;
  for (let match = lines.exec(text); match !== null; match = lines.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (match[0].trim() === "") continue;
    const cuts = new Set([start, end]);
    for (const span of valid) {
      if (span.start > start && span.start < end) cuts.add(span.start);
      if (span.end > start && span.end < end) cuts.add(span.end);
    }
    const points = [...cuts].sort((a, b) => a - b);
    const segments: TextSegment[] = [];
    for (let index = 0; index + 1 < points.length; index++) {
      const from = points[index] as number;
      const to = points[index + 1] as number;
      const ids = valid.filter((span) => span.start <= from && span.end >= to).map((span) => span.id);
      const last = segments.at(-1);
      // Neighbouring runs covered by the same claims are one run.
      if (last && last.end === from && last.ids.join("\u0000") === ids.join("\u0000")) last.end = to;
      else segments.push({ start: from, end: to, ids });
    }
    paragraphs.push({ start, end, segments });
  }
  return paragraphs;
}
