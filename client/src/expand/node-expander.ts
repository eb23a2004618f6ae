import type { ExpansionOption, Expansions, Neighbours } from "../../../contract/graph-contract";
import { MAX_EXPANSION_LINKS } from "../../../contract/request-schemas";
import type { NeighbourQuery } from "../api/api-client";
import type { GuardQuestion } from "./guard-dialog";
import { type GuardChoice, limitForChoice, planExpansion } from "./supernode-guard";

export interface ExpanderApi {
  getExpansions(id: string): Promise<Expansions>;
  getNeighbours(id: string, query?: NeighbourQuery): Promise<Neighbours>;
}

/** One relationship type in one direction; none for "everything". */
export interface ExpansionFilter {
  type: string;
  direction: ExpansionOption["direction"];
}

export interface NodeExpanderDeps {
  api: ExpanderApi;
  /** The supernode guard's threshold, read at each expansion (it changes in the settings). */
  cap(): number;
  ask(question: GuardQuestion): Promise<GuardChoice>;
  caption(id: string): string;
  /** Puts the fetched neighbourhood on the canvas (through the history) and says what was added. */
  add(id: string, graph: Neighbours): void;
  /** Offers a follow-up beside what `add` said (a button on the status line). */
  offer(label: string, run: () => void): void;
  progress(message: string): void;
  fail(doing: string, error: unknown): void;
}

export interface NodeExpander {
  /**
   * Expands a node, by one type and direction or entirely. `count` is how many neighbours that
   * reaches when the caller knows it (the menu does); otherwise it is asked for first.
   */
  expand(id: string, filter?: ExpansionFilter, count?: number): Promise<void>;
}

/** Expansion with the supernode guard in front of it; a node already expanding is not expanded twice at once. */
export function createNodeExpander(deps: NodeExpanderDeps): NodeExpander {
  const expanding = new Set<string>();
  return {
    async expand(id, filter, count) {
      if (expanding.has(id)) return;
      expanding.add(id);
      const name = deps.caption(id);
      const through = filter ? throughText(filter) : undefined;
      const doing = `Expanding ${name}${through ? ` through ${through}` : ""}`;
      try {
        deps.progress(`${doing}…`);
        const reach = count ?? (await reachOf(deps.api, id, filter));
        const plan = planExpansion(reach, deps.cap());
        let limit: number | null;
        if (plan.kind === "fetch") limit = plan.limit;
        else {
          const question: GuardQuestion = through ? { caption: name, plan, through } : { caption: name, plan };
          limit = limitForChoice(plan, await deps.ask(question));
        }
        if (limit === null) {
          deps.progress(`Left ${name} as it was`);
          return;
        }
        const query: NeighbourQuery = filter ? { limit, types: [filter.type], direction: filter.direction } : { limit };
        const answer = await deps.api.getNeighbours(id, query);
        deps.add(id, answer);
        if (answer.moreLinks) deps.offer(ALL_LINKS, () => void addAllLinks(deps, id, query));
      } catch (error) {
        deps.fail(doing, error);
      } finally {
        expanding.delete(id);
      }
    },
  };
}

/** The status line's button after an expansion that left out relationships among the new neighbours. */
export const ALL_LINKS = "Add all their links";

/** The same expansion again with every relationship among the neighbours (the server's cap still holds). */
async function addAllLinks(deps: NodeExpanderDeps, id: string, query: NeighbourQuery): Promise<void> {
  const doing = `Adding the links among the neighbours of ${deps.caption(id)}`;
  try {
    deps.progress(`${doing}…`);
    deps.add(id, await deps.api.getNeighbours(id, { ...query, links: MAX_EXPANSION_LINKS }));
  } catch (error) {
    deps.fail(doing, error);
  }
}

async function reachOf(api: ExpanderApi, id: string, filter: ExpansionFilter | undefined): Promise<number> {
  const expansions = await api.getExpansions(id);
  if (!filter) return expansions.neighbourCount;
  const option = expansions.options.find((item) => item.type === filter.type && item.direction === filter.direction);
  return option?.count ?? 0;
}

export function throughText({ type, direction }: ExpansionFilter): string {
  return direction === "out" ? `${type} →` : `← ${type}`;
}
