/**
 * A colour per relationship type, from its name alone: a type an analyst adds in the app gets one
 * at once, the same on every page and in every export, with no table to extend. Arrowheads on the
 * canvas and the swatches of the legend and the vocabulary editor use it. Mid-tone hues that read
 * on both themes' backgrounds, none of the reds and oranges that mark contests, paths and additions.
 */
export const RELATIONSHIP_TYPE_PALETTE = [
  "#2f6fb5",
  "#2a8c80",
  "#7b4fb8",
  "#b8447a",
  "#4f8a2a",
  "#9a6a1b",
  "#3a8fb7",
  "#8a5a44",
  "#4f6bd6",
  "#a64fa0",
  "#3d8a5f",
  "#767b24",
] as const;

/** FNV-1a over the name's UTF-16 code units: small, stable, spreads near names apart. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value;
}

export function relationshipTypeColor(type: string): string {
  return RELATIONSHIP_TYPE_PALETTE[hash(type) % RELATIONSHIP_TYPE_PALETTE.length] as string;
}
