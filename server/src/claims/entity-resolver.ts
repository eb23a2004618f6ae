import type { EntityMerge, IngestProblem } from "../../../contract/graph-contract";
import { foldName } from "./fold-name";

/** A node of the analysts' graph as the resolver sees it. */
export interface GraphNodeRecord {
  elementId: string;
  id: string;
  labels: string[];
  props: Record<string, unknown>;
}

export type Resolution =
  | { kind: "existing"; node: GraphNodeRecord; merge: EntityMerge | null }
  | { kind: "none" }
  | { kind: "ambiguous"; problem: IngestProblem };

type MatchedBy = "name" | "alias" | "id";
/** Which of a node's values a match on is most telling, first. */
const PREFERENCE: Record<MatchedBy, number> = { name: 0, alias: 1, id: 2 };

const namesOf = (node: GraphNodeRecord): { value: string; by: MatchedBy }[] => [
  ...(typeof node.props.name === "string" ? [{ value: node.props.name, by: "name" as const }] : []),
  ...(Array.isArray(node.props.aliases)
    ? node.props.aliases
        .filter((alias): alias is string => typeof alias === "string")
        .map((value) => ({ value, by: "alias" as const }))
    : []),
  { value: node.id, by: "id" },
];

/**
 * Finds graph nodes by id, name or alias, compared after folding case and width.
 * One match merges (the report says which value matched and why), two or more are a problem.
 */
export class EntityResolver {
  private readonly byKey = new Map<string, { node: GraphNodeRecord; value: string; by: MatchedBy }[]>();
  private readonly byId = new Map<string, GraphNodeRecord[]>();

  constructor(nodes: readonly GraphNodeRecord[]) {
    for (const node of nodes) {
      this.byId.set(node.id, [...(this.byId.get(node.id) ?? []), node]);
      for (const name of namesOf(node)) {
        const key = foldName(name.value);
        this.byKey.set(key, [...(this.byKey.get(key) ?? []), { node, ...name }]);
      }
    }
  }

  /** Nodes (of `label` when given) with exactly this id. */
  withId(id: string, label?: string): GraphNodeRecord[] {
    return (this.byId.get(id) ?? []).filter((node) => label === undefined || node.labels.includes(label));
  }

  /**
   * `given`: the entry's own name first, then its aliases. `id`: the entry's id when it gives one,
   * which wins outright when a node of that label has it.
   */
  resolve(path: string, given: readonly string[], options: { id?: string | undefined; label?: string }): Resolution {
    const [name = ""] = given;
    if (options.id !== undefined) {
      const [node] = this.withId(options.id, options.label);
      if (node)
        return {
          kind: "existing",
          node,
          merge: { path, given: options.id, nodeId: node.id, reason: "id", matched: node.id },
        };
    }
    const hits = new Map<string, { node: GraphNodeRecord; value: string; by: MatchedBy; givenIndex: number }>();
    for (const [givenIndex, text] of given.entries()) {
      for (const hit of this.byKey.get(foldName(text)) ?? []) {
        if (options.label !== undefined && !hit.node.labels.includes(options.label)) continue;
        const known = hits.get(hit.node.elementId);
        // Keep the most telling match: on the entry's own name first, then on the node's name, alias, id.
        const rank = (match: { by: MatchedBy; givenIndex: number }) => [
          match.givenIndex === 0 ? 0 : 1,
          PREFERENCE[match.by],
        ];
        const [newGiven = 0, newBy = 0] = rank({ ...hit, givenIndex });
        const [oldGiven = 0, oldBy = 0] = known ? rank(known) : [9, 9];
        if (newGiven < oldGiven || (newGiven === oldGiven && newBy < oldBy))
          hits.set(hit.node.elementId, { ...hit, givenIndex });
      }
    }
    const matches = [...hits.values()];
    const [only] = matches;
    if (only === undefined) return { kind: "none" };
    if (matches.length > 1) {
      const list = matches.map((match) => `"${match.node.id}" (by "${match.value}")`).join(", ");
      return {
        kind: "ambiguous",
        problem: { path, message: `"${name}" matches ${matches.length} nodes: ${list}; give the id of one` },
      };
    }
    const reason = only.by === "id" ? "id" : only.givenIndex === 0 && only.by === "name" ? "name" : "alias";
    return {
      kind: "existing",
      node: only.node,
      merge: { path, given: given[only.givenIndex] ?? name, nodeId: only.node.id, reason, matched: only.value },
    };
  }
}
