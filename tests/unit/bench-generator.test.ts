import { describe, expect, it } from "vitest";
import { MARKER_ID, RELATIONSHIP_KINDS, SUPERNODE_ID, TEN_NEIGHBOURS_ID } from "../../bench/generator/bench-model";
import { seededRandom } from "../../bench/generator/seeded-random";
import { type BenchRelationship, syntheticGraph } from "../../bench/generator/synthetic-graph";

const spec = { nodes: 2_000, relationships: 10_000, seed: 42, specialNodes: true };

function firstRelationships(seed: number, count: number): BenchRelationship[] {
  const taken: BenchRelationship[] = [];
  for (const relationship of syntheticGraph({ ...spec, seed }).relationships()) {
    taken.push(relationship);
    if (taken.length === count) break;
  }
  return taken;
}

function degrees(relationships: Iterable<BenchRelationship>): Map<string, number> {
  const degree = new Map<string, number>();
  for (const { from, to } of relationships) {
    degree.set(from.id, (degree.get(from.id) ?? 0) + 1);
    degree.set(to.id, (degree.get(to.id) ?? 0) + 1);
  }
  return degree;
}

describe("the seeded random source", () => {
  it("gives the same sequence for the same seed and another for another seed", () => {
    const draw = (seed: number) => Array.from({ length: 5 }, seededRandom(seed).next);
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });
});

describe("the synthetic graph generator", () => {
  it("makes the same nodes and first relationships from the same seed", () => {
    expect(syntheticGraph(spec).nodes.slice(0, 50)).toEqual(syntheticGraph(spec).nodes.slice(0, 50));
    expect(firstRelationships(42, 200)).toEqual(firstRelationships(42, 200));
    // The later, preferential-attachment part too, on a second pass over the same graph.
    const graph = syntheticGraph(spec);
    expect([...graph.relationships()].slice(-20)).toEqual([...graph.relationships()].slice(-20));
  });

  it("makes a different graph from a different seed", () => {
    expect(syntheticGraph({ ...spec, seed: 43 }).nodes.slice(3, 50)).not.toEqual(
      syntheticGraph(spec).nodes.slice(3, 50),
    );
    expect(firstRelationships(43, 200)).not.toEqual(firstRelationships(42, 200));
  });

  it("makes exactly the nodes and relationships asked for, ids unique", () => {
    const graph = syntheticGraph(spec);
    const relationships = [...graph.relationships()];
    expect(graph.nodes).toHaveLength(2_000);
    expect(relationships).toHaveLength(10_000);
    expect(new Set(graph.nodes.map((node) => node.id)).size).toBe(2_000);
    expect(new Set(relationships.map((relationship) => relationship.id)).size).toBe(10_000);
    expect(graph.nodes.slice(0, 3).map((node) => node.id)).toEqual([MARKER_ID, SUPERNODE_ID, TEN_NEIGHBOURS_ID]);
  });

  it("keeps to the seed's model: labels, types between the right labels, provenance on every relationship", () => {
    const problems: string[] = [];
    for (const relationship of syntheticGraph(spec).relationships()) {
      const kind = RELATIONSHIP_KINDS.find((candidate) => candidate.type === relationship.type);
      const { sources, evidence, certainty, asOf } = relationship.props;
      const fits =
        kind?.from === relationship.from.label &&
        kind.to === relationship.to.label &&
        sources[0] === MARKER_ID &&
        evidence.includes(relationship.to.name) &&
        ["confirmed", "reported", "speculative"].includes(certainty) &&
        /^20\d\d$/.test(asOf);
      if (!fits) problems.push(JSON.stringify(relationship));
    }
    expect(problems).toEqual([]);
  });

  it("has the supernode, the ten-neighbour node and a long-tailed degree distribution", () => {
    const degree = degrees(syntheticGraph(spec).relationships());
    expect(degree.get(SUPERNODE_ID)).toBe(1_000);
    expect(degree.get(TEN_NEIGHBOURS_ID)).toBe(10);
    const regular = [...degree].filter(([id]) => !id.startsWith("bench-")).map(([, count]) => count);
    const sorted = regular.sort((a, b) => a - b);
    const medianDegree = sorted[Math.floor(sorted.length / 2)] as number;
    // Preferential attachment: hubs far above the typical node.
    expect(sorted[sorted.length - 1]).toBeGreaterThan(15 * medianDegree);
    expect(Math.max(...regular)).toBeLessThan(1_000);
  });

  it("gives the supernode 100,000 relationships on a 1M-relationship graph", () => {
    const graph = syntheticGraph({ nodes: 200_000, relationships: 1_000_000, seed: 1, specialNodes: true });
    expect(graph.supernode).toEqual({ id: SUPERNODE_ID, degree: 100_000 });
  });

  it("the ten-neighbour node's neighbours are ten distinct nodes", () => {
    const neighbours = [...syntheticGraph(spec).relationships()]
      .filter((relationship) => relationship.from.id === TEN_NEIGHBOURS_ID)
      .map((relationship) => relationship.to.id);
    expect(new Set(neighbours).size).toBe(10);
  });
});
