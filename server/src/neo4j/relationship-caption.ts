/** The relationship type in words for the canvas: SOURCES_FROM becomes "sources from". */
export function relationshipCaption(type: string): string {
  return type.toLowerCase().replace(/_+/g, " ").trim();
}
