import type { Driver } from "neo4j-driver";

/** A constraint of cypher/schema.cypher: a database holding it was seeded by this project before. */
const PROJECT_CONSTRAINT = "source_id_unique";

/**
 * The number of nodes in a database that this project never seeded (it has data but not the
 * project's schema): someone's existing graph, which db:seed must not write into unasked.
 * 0 for an empty database or one the project seeded.
 */
export async function foreignNodeCount(driver: Driver, database: string): Promise<number> {
  const constraints = await driver.executeQuery(
    "SHOW CONSTRAINTS YIELD name WHERE name = $name RETURN count(*) AS found",
    { name: PROJECT_CONSTRAINT },
    { database },
  );
  if (Number(constraints.records[0]?.get("found") ?? 0) > 0) return 0;
  const nodes = await driver.executeQuery("MATCH (n) RETURN count(n) AS nodes", {}, { database });
  return Number(nodes.records[0]?.get("nodes") ?? 0);
}
