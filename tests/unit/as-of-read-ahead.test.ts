import { describe, expect, it } from "vitest";
import { createAsOfReadAhead } from "../../client/src/claims/as-of-read-ahead";
import type { AsOfQuery, Graph } from "../../contract/graph-contract";
import { companyNode } from "../support/graph-fixtures";

/** A server stand-in that counts reads per query and answers each with a graph naming its day. */
function fakeServer(fail: (query: AsOfQuery) => boolean = () => false) {
  const reads: string[] = [];
  const read = async (query: AsOfQuery): Promise<Graph> => {
    const day = query.knownAt ?? query.holdsAt ?? "today";
    reads.push(day);
    if (fail(query)) throw new Error(`no graph for ${day}`);
    return { nodes: [companyNode(day)], edges: [], truncated: false };
  };
  return { reads, read };
}

const dayOf = (graph: Graph) => graph.nodes[0]?.data.id;

describe("reading the timeline's next days ahead", () => {
  it("answers a step from the read made ahead, without reading again", async () => {
    const server = fakeServer();
    const graphs = createAsOfReadAhead(server.read);
    graphs.readAhead({ knownAt: "2021-03-03" });
    expect(server.reads).toEqual(["2021-03-03"]);
    expect(dayOf(await graphs.get({ knownAt: "2021-03-03" }))).toBe("2021-03-03");
    // A step back to it, and a second read ahead of it, use the same answer.
    graphs.readAhead({ knownAt: "2021-03-03" });
    expect(dayOf(await graphs.get({ knownAt: "2021-03-03" }))).toBe("2021-03-03");
    expect(server.reads).toEqual(["2021-03-03"]);
  });

  it("keeps the two axes apart and never keeps today, which every commit changes", async () => {
    const server = fakeServer();
    const graphs = createAsOfReadAhead(server.read);
    graphs.readAhead({ knownAt: "2022-02-10" });
    await graphs.get({ holdsAt: "2022-02-10" });
    graphs.readAhead({});
    await graphs.get({});
    await graphs.get({});
    expect(server.reads).toEqual(["2022-02-10", "2022-02-10", "today", "today"]);
  });

  it("reads again once an answer is older than twenty seconds", async () => {
    const server = fakeServer();
    let clock = 0;
    const graphs = createAsOfReadAhead(server.read, () => clock);
    graphs.readAhead({ knownAt: "2021-09-15" });
    clock = 20_000;
    await graphs.get({ knownAt: "2021-09-15" });
    expect(server.reads).toHaveLength(1);
    clock = 20_001;
    await graphs.get({ knownAt: "2021-09-15" });
    expect(server.reads).toHaveLength(2);
  });

  it("keeps the last three days read and forgets all of them when claims are committed", async () => {
    const server = fakeServer();
    const graphs = createAsOfReadAhead(server.read);
    for (const day of ["2021-01-01", "2021-01-02", "2021-01-03", "2021-01-04"]) graphs.readAhead({ knownAt: day });
    await graphs.get({ knownAt: "2021-01-04" });
    await graphs.get({ knownAt: "2021-01-02" });
    expect(server.reads).toHaveLength(4);
    // The oldest was dropped for the fourth.
    await graphs.get({ knownAt: "2021-01-01" });
    expect(server.reads).toHaveLength(5);
    graphs.clear();
    await graphs.get({ knownAt: "2021-01-04" });
    expect(server.reads).toHaveLength(6);
  });

  it("does not keep a failed read: the step that needs it reads again and meets its own error", async () => {
    let down = true;
    const server = fakeServer(() => down);
    const graphs = createAsOfReadAhead(server.read);
    graphs.readAhead({ knownAt: "2022-11-20" });
    await Promise.resolve();
    await expect(graphs.get({ knownAt: "2022-11-20" })).rejects.toThrow("no graph for 2022-11-20");
    down = false;
    expect(dayOf(await graphs.get({ knownAt: "2022-11-20" }))).toBe("2022-11-20");
    expect(server.reads).toHaveLength(3);
  });
});
