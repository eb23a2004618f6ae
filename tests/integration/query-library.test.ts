import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import neo4j from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../scripts/project-root";
import { parseQueryFile } from "../../server/src/cypher/parse-query-file";
import { recordsToGraph } from "../../server/src/neo4j/records-to-graph";
import { toNeo4jParams } from "../../server/src/neo4j/to-neo4j-params";
import { useTestDatabase } from "../support/test-database";

const queriesDir = join(projectRoot, "cypher", "queries");
const files = readdirSync(queriesDir).filter((file) => file.endsWith(".cypher"));

const db = useTestDatabase();

describe("the query library (cypher/queries)", () => {
  it("has the analysts' first queries", () => {
    expect(files).toEqual(
      expect.arrayContaining([
        "neighbourhood.cypher",
        "shortest-path.cypher",
        "claims-by-source.cypher",
        "reported-unconfirmed.cypher",
      ]),
    );
  });

  for (const file of files) {
    it(`${file}: named, described, parameterised, read-only, and answers with its example values`, async () => {
      const query = parseQueryFile(file, readFileSync(join(queriesDir, file), "utf8"));
      expect(query.description.length).toBeGreaterThan(10);
      const used = [...query.text.matchAll(/\$(\w+)/g)].map((match) => match[1]);
      expect(Object.keys(query.params).sort()).toEqual([...new Set(used)].sort());
      // A READ transaction: Neo4j itself refuses the query if it tries to write.
      const { records } = await db.driver.executeQuery(
        query.text,
        toNeo4jParams(query.params) as Record<string, unknown>,
        {
          database: db.database,
          routing: neo4j.routing.READ,
        },
      );
      expect(records.length).toBeGreaterThan(0);
      const graph = recordsToGraph(records, { maxNodes: 1000, maxEdges: 1000 });
      expect(graph.nodes.length).toBeGreaterThan(0);
    });
  }

  it("claims-by-source returns exactly what Reuters is cited for", async () => {
    const query = parseQueryFile(
      "claims-by-source.cypher",
      readFileSync(join(queriesDir, "claims-by-source.cypher"), "utf8"),
    );
    const { records } = await db.driver.executeQuery(
      query.text,
      toNeo4jParams({ ...query.params, source: "reuters" }) as Record<string, unknown>,
      {
        database: db.database,
        routing: neo4j.routing.READ,
      },
    );
    const graph = recordsToGraph(records, { maxNodes: 1000, maxEdges: 1000 });
    const types = graph.edges.map((edge) => edge.data.type).sort();
    expect(types).toEqual(expect.arrayContaining(["CO_DEVELOPS", "SOURCES_FROM"]));
    for (const edge of graph.edges) expect(edge.data.props.sources).toContain("reuters");
  });
});
