import { describe, expect, it } from "vitest";
import { graphSchema } from "../../contract/graph-contract";
import { recordsToGraph } from "../../server/src/neo4j/records-to-graph";
import { aNode, aPath, aRecord, aRelationship } from "../builders/driver-values";

const caps = { maxNodes: 100, maxEdges: 100 };

describe("recordsToGraph", () => {
  const bytedance = aNode(["Company"], { id: "bytedance", name: "ByteDance" });
  const huawei = aNode(["Company"], { id: "huawei", name: "Huawei Technologies" });
  const sourcesFrom = aRelationship(bytedance, "SOURCES_FROM", huawei, {
    sources: ["reuters"],
    certainty: "reported",
  });

  it("maps nodes and relationships to Cytoscape elements that satisfy the contract", () => {
    const graph = recordsToGraph([aRecord({ a: bytedance, r: sourcesFrom, b: huawei })], caps);
    expect(graphSchema.parse(graph)).toEqual(graph);
    expect(graph.nodes.map((node) => node.data.id)).toEqual(["bytedance", "huawei"]);
    expect(graph.edges).toHaveLength(1);
    expect(graph.edges[0]?.data).toMatchObject({
      source: "bytedance",
      target: "huawei",
      type: "SOURCES_FROM",
      caption: "sources from",
      certainty: "reported",
      props: { sources: ["reuters"], certainty: "reported" },
    });
    expect(graph.truncated).toBe(false);
  });

  it("nests properties under props so a property named source or id cannot clobber Cytoscape's keys", () => {
    const odd = aNode(["Company"], { id: "odd", source: "x", parent: "y", name: "Odd" });
    const graph = recordsToGraph([aRecord({ n: odd })], caps);
    expect(graph.nodes[0]?.data).toMatchObject({ id: "odd", caption: "Odd", props: { source: "x", parent: "y" } });
    expect(graph.nodes[0]?.data).not.toHaveProperty("source");
  });

  it("deduplicates elements that appear in several records, paths and lists", () => {
    const path = aPath(bytedance, [sourcesFrom, huawei]);
    const graph = recordsToGraph(
      [aRecord({ p: path, nodes: [bytedance, huawei] }), aRecord({ p: path, m: { who: huawei } })],
      caps,
    );
    expect(graph.nodes).toHaveLength(2);
    expect(graph.edges).toHaveLength(1);
  });

  it("drops relationships whose ends are not in the answer", () => {
    const graph = recordsToGraph([aRecord({ a: bytedance, r: sourcesFrom })], caps);
    expect(graph.nodes).toHaveLength(1);
    expect(graph.edges).toHaveLength(0);
  });

  it("caps nodes and relationships and says the answer was truncated", () => {
    const nodes = Array.from({ length: 5 }, (_, index) => aNode(["Chip"], { id: `chip-${index}` }));
    const capped = recordsToGraph([aRecord({ nodes })], { maxNodes: 3, maxEdges: 10 });
    expect(capped.nodes).toHaveLength(3);
    expect(capped.truncated).toBe(true);

    const hub = aNode(["Company"], { id: "hub" });
    const links = nodes.map((node) => aRelationship(hub, "MAKES", node));
    const edgeCapped = recordsToGraph([aRecord({ hub, nodes, links })], { maxNodes: 10, maxEdges: 2 });
    expect(edgeCapped.edges).toHaveLength(2);
    expect(edgeCapped.truncated).toBe(true);
  });

  it("falls back to the element id for nodes without an id property, and when two nodes share one", () => {
    const anonymous = aNode(["Source"], { name: "Anonymous" }, "4:db:77");
    const twinA = aNode(["Company"], { id: "same" }, "4:db:1");
    const twinB = aNode(["Product"], { id: "same" }, "4:db:2");
    const graph = recordsToGraph([aRecord({ anonymous, twinA, twinB })], caps);
    expect(graph.nodes.map((node) => node.data.id)).toEqual(["4:db:77", "same", "4:db:2"]);
  });

  it("leaves certainty out of the edge data when the property holds an unknown value", () => {
    const odd = aRelationship(bytedance, "SOURCES_FROM", huawei, { certainty: "rumour" });
    const graph = recordsToGraph([aRecord({ bytedance, odd, huawei })], caps);
    expect(graph.edges[0]?.data.certainty).toBeUndefined();
    expect(graph.edges[0]?.data.props.certainty).toBe("rumour");
  });

  it("never gives two nodes the same id, even when an id property equals another node's element id", () => {
    const first = aNode(["Company"], { name: "First" }, "4:db:9");
    const impostor = aNode(["Company"], { id: "4:db:9" }, "4:db:10");
    const graph = recordsToGraph([aRecord({ first, impostor })], caps);
    const ids = graph.nodes.map((node) => node.data.id);
    expect(new Set(ids).size).toBe(2);
  });

  it("drops edges to nodes that the cap left out", () => {
    const nodes = Array.from({ length: 4 }, (_, index) => aNode(["Chip"], { id: `n${index}` }));
    const links = [
      aRelationship(nodes[0] as never, "MAKES", nodes[3] as never),
      aRelationship(nodes[0] as never, "MAKES", nodes[1] as never),
    ];
    const graph = recordsToGraph([aRecord({ nodes, links })], { maxNodes: 2, maxEdges: 10 });
    const kept = new Set(graph.nodes.map((node) => node.data.id));
    expect(graph.edges).toHaveLength(1);
    for (const edge of graph.edges) expect(kept.has(edge.data.target)).toBe(true);
  });
});
