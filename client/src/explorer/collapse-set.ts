/** What each expansion added, by the node it started from. */
export type ExpansionRecords = ReadonlyMap<string, readonly string[]>;

/**
 * The nodes that collapsing `origin` removes: those its expansions added that are still drawn and that
 * nothing else keeps. Kept are pinned nodes, the nodes another expansion also added, and the nodes the
 * analyst went on to expand themselves (their own additions hang from them).
 */
export function collapseSet(
  origin: string,
  expansions: ExpansionRecords,
  isDrawn: (id: string) => boolean,
  isPinned: (id: string) => boolean,
): string[] {
  const added = expansions.get(origin) ?? [];
  const keptByOthers = new Set<string>();
  for (const [other, ids] of expansions) {
    if (other === origin) continue;
    keptByOthers.add(other);
    for (const id of ids) keptByOthers.add(id);
  }
  return [...new Set(added)].filter((id) => id !== origin && isDrawn(id) && !isPinned(id) && !keptByOthers.has(id));
}
