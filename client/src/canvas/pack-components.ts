export interface Size {
  w: number;
  h: number;
}

/**
 * Top-left corners for boxes of the given sizes, in rows (biggest first), choosing the row width
 * whose overall shape best fits a screen of width/height `aspect`. Pure.
 */
export function packComponents(sizes: readonly Size[], gap: number, aspect: number): Array<{ x: number; y: number }> {
  if (sizes.length <= 1) return sizes.map(() => ({ x: 0, y: 0 }));
  const order = sizes.map((size, index) => ({ ...size, index })).sort((a, b) => b.w * b.h - a.w * a.h);
  const widest = Math.max(...order.map((item) => item.w));
  const limits = new Set<number>([widest]);
  let running = 0;
  for (const item of order) {
    running += item.w + (running > 0 ? gap : 0);
    limits.add(Math.max(widest, running));
  }

  let best: { fit: number; corners: Array<{ x: number; y: number }> } | undefined;
  for (const limit of limits) {
    const corners: Array<{ x: number; y: number }> = new Array(sizes.length);
    const rows: Array<{ y: number; height: number; members: typeof order }> = [];
    let x = 0;
    let y = 0;
    let row: (typeof rows)[number] = { y: 0, height: 0, members: [] };
    for (const item of order) {
      if (row.members.length > 0 && x + item.w > limit) {
        rows.push(row);
        y += row.height + gap;
        row = { y, height: 0, members: [] };
        x = 0;
      }
      corners[item.index] = { x, y };
      row.members.push(item);
      row.height = Math.max(row.height, item.h);
      x += item.w + gap;
    }
    rows.push(row);
    // Centre each box vertically within its row.
    for (const { y: top, height, members } of rows) {
      for (const item of members)
        corners[item.index] = { x: corners[item.index]?.x ?? 0, y: top + (height - item.h) / 2 };
    }
    const width = Math.max(...order.map((item) => (corners[item.index]?.x ?? 0) + item.w));
    const height = y + row.height;
    const fit = Math.min(aspect / width, 1 / height);
    if (!best || fit > best.fit) best = { fit, corners };
  }
  return best?.corners ?? sizes.map(() => ({ x: 0, y: 0 }));
}
