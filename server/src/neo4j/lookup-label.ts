/**
 * Every node of the analysts' graph also carries this label, with an index on `id`
 * (cypher/schema.cypher), so a lookup by id is an index seek whatever the node's own label.
 * It is plumbing, not meaning: the API never shows it among a node's labels.
 */
export const LOOKUP_LABEL = "Entity";

/** A node's labels as analysts see them: the lookup label left out. */
export function meaningfulLabels(labels: readonly string[]): string[] {
  return labels.filter((label) => label !== LOOKUP_LABEL);
}
