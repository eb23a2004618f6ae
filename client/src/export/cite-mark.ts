/** Footnote numbers as printed after an edge's label: [1, 2] → "[1, 2]", [1, 2, 3, 5] → "[1–3, 5]". */
export function citeMark(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  let index = 0;
  while (index < sorted.length) {
    const first = sorted[index] ?? 0;
    let last = first;
    while (sorted[index + 1] === last + 1) {
      index += 1;
      last += 1;
    }
    parts.push(last - first >= 2 ? `${first}–${last}` : last === first ? `${first}` : `${first}, ${last}`);
    index += 1;
  }
  return parts.length === 0 ? "" : `[${parts.join(", ")}]`;
}
