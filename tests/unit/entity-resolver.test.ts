import { describe, expect, it } from "vitest";
import { EntityResolver, type GraphNodeRecord } from "../../server/src/claims/entity-resolver";

const node = (id: string, labels: string[], props: Record<string, unknown>): GraphNodeRecord => ({
  elementId: `4:x:${id}`,
  id,
  labels,
  props: { id, ...props },
});
const graph = [
  node("huawei", ["Company", "Entity"], { name: "Huawei", aliases: ["华为", "Huawei Technologies"] }),
  node("nvidia", ["Company", "Entity"], { name: "NVIDIA", aliases: ["Nvidia Corp"] }),
  node("h20", ["Chip", "Entity"], { name: "H20", aliases: [] }),
];
const resolver = new EntityResolver(graph);

describe("EntityResolver", () => {
  it("finds a node by name, alias or id whatever the case or width of the text", () => {
    for (const text of ["HUAWEI", "huawei", "华为", "ｈｕａｗｅｉ", "huawei technologies"]) {
      const found = resolver.resolve("$.x", [text], {});
      expect(found.kind, text).toBe("existing");
      if (found.kind === "existing") expect(found.node.id).toBe("huawei");
    }
  });

  it("says why it matched: the entry's own name, one of its aliases, or the node's id", () => {
    const byName = resolver.resolve("$.e", ["Nvidia"], {});
    expect(byName).toMatchObject({ merge: { reason: "name", matched: "NVIDIA" } });
    const byAlias = resolver.resolve("$.e", ["Some New Name", "Nvidia Corp"], {});
    expect(byAlias).toMatchObject({ merge: { reason: "alias", given: "Nvidia Corp" } });
    const byId = resolver.resolve("$.e", ["Anything"], { id: "h20", label: "Chip" });
    expect(byId).toMatchObject({ merge: { reason: "id", nodeId: "h20" } });
  });

  it("keeps to the label it is given, and finds nothing rather than a node of another label", () => {
    expect(resolver.resolve("$.e", ["H20"], { label: "Company" })).toEqual({ kind: "none" });
    expect(resolver.resolve("$.e", ["H20"], { label: "Chip" }).kind).toBe("existing");
  });

  it("reports a name two nodes answer to as a problem at its path, naming both", () => {
    const clash = new EntityResolver([
      node("a", ["Company"], { name: "Twin", aliases: [] }),
      node("b", ["Company"], { name: "Other", aliases: ["twin"] }),
    ]).resolve("$.claims[2].subject", ["TWIN"], {});
    expect(clash).toMatchObject({
      kind: "ambiguous",
      problem: { path: "$.claims[2].subject", message: expect.stringMatching(/matches 2 nodes: "a".*"b"/) },
    });
  });
});
