import { describe, expect, it } from "vitest";
import type { NeighbourQuery } from "../../client/src/api/api-client";
import { ALL_LINKS, createNodeExpander } from "../../client/src/expand/node-expander";
import type { Expansions, Neighbours } from "../../contract/graph-contract";
import { MAX_EXPANSION_LINKS } from "../../contract/request-schemas";

/** An expander over a fake API that answers `answers` in turn; what it was asked and what it did. */
function expanderWith(answers: Neighbours[]) {
  const asked: NeighbourQuery[] = [];
  const added: Neighbours[] = [];
  const offers: Array<{ label: string; run: () => void }> = [];
  const failures: unknown[] = [];
  const expander = createNodeExpander({
    api: {
      getExpansions: async (): Promise<Expansions> => ({ nodeId: "hub", neighbourCount: 3, options: [] }),
      getNeighbours: async (_id, query = {}) => {
        asked.push(query);
        const answer = answers.shift();
        if (!answer) throw new Error("asked once too often");
        return answer;
      },
    },
    cap: () => 50,
    ask: async () => "top",
    caption: () => "Hub",
    add: (_id, graph) => added.push(graph),
    offer: (label, run) => offers.push({ label, run }),
    progress: () => undefined,
    fail: (_doing, error) => failures.push(error),
  });
  return { expander, asked, added, offers, failures };
}

const answer = (moreLinks: boolean): Neighbours => ({ nodes: [], edges: [], truncated: false, moreLinks });

describe("an expansion whose answer left out links among the neighbours", () => {
  it("offers to add them, and the offer asks for the same neighbours with every link", async () => {
    const { expander, asked, added, offers, failures } = expanderWith([answer(true), answer(false)]);
    await expander.expand("hub", { type: "SOURCES_FROM", direction: "in" }, 3);
    expect(asked).toEqual([{ limit: 3, types: ["SOURCES_FROM"], direction: "in" }]);
    expect(offers.map((offer) => offer.label)).toEqual([ALL_LINKS]);
    offers[0]?.run();
    await expect.poll(() => added.length).toBe(2);
    expect(asked[1]).toEqual({ limit: 3, types: ["SOURCES_FROM"], direction: "in", links: MAX_EXPANSION_LINKS });
    expect(failures).toEqual([]);
  });

  it("offers nothing when nothing was left out", async () => {
    const { expander, added, offers } = expanderWith([answer(false)]);
    await expander.expand("hub");
    expect(added).toHaveLength(1);
    expect(offers).toEqual([]);
  });
});
