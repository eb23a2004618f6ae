import { describe, expect, it } from "vitest";
import { endpointUrl } from "../../contract/endpoint";
import { explorationEndpoints } from "../../contract/exploration-endpoints";
import { graphEndpoints } from "../../contract/graph-endpoints";
import { viewEndpoints } from "../../contract/view-endpoints";

describe("endpointUrl", () => {
  it("puts each path value in its segment, URL-encoded (Neo4j element ids hold colons)", () => {
    expect(endpointUrl(graphEndpoints.neighbors, { id: "4:ab/c d:12" })).toBe(
      "/api/nodes/4%3Aab%2Fc%20d%3A12/neighbors",
    );
    expect(endpointUrl(viewEndpoints.get, { id: "v1" })).toBe("/api/views/v1");
  });

  it("sends the query values given, in order, and leaves out those left undefined", () => {
    const url = endpointUrl(explorationEndpoints.paths, {}, { from: "a", to: "b&c", mode: undefined, maxHops: 3 });
    expect(url).toBe("/api/paths?from=a&to=b%26c&maxHops=3");
    expect(endpointUrl(graphEndpoints.graph, {}, { limit: undefined })).toBe("/api/graph");
  });

  it("writes a query the server's own schema reads back", () => {
    const url = new URL(
      endpointUrl(graphEndpoints.neighbors, { id: "n" }, { types: "A,B", direction: "out" }),
      "http://x",
    );
    expect(graphEndpoints.neighbors.query.parse(Object.fromEntries(url.searchParams))).toEqual({
      limit: 100,
      types: ["A", "B"],
      direction: "out",
    });
  });
});
