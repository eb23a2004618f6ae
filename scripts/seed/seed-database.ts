import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Driver } from "neo4j-driver";
import { META_LABELS } from "../../server/src/claims/claims-queries";
import { ingestClaims } from "../../server/src/claims/ingest-claims";
import { splitCypherStatements } from "../../server/src/cypher/split-cypher-statements";

export interface SeedReport {
  schemaStatements: number;
  /** Claims in the seed claims files (cypher/claims/*.json). */
  seedClaims: number;
  seedStatements: number;
  nodes: number;
  relationships: number;
}

function statementsOf(file: string): string[] {
  return splitCypherStatements(readFileSync(file, "utf8"));
}

/**
 * Applies cypher/schema.cypher, ingests every claims file of cypher/claims/ (the seed article),
 * then runs every file of cypher/seed/ in name order.
 * Schema statements run one per auto-commit transaction (Neo4j refuses schema and data in one);
 * each claims file, and the rest of the seed, runs in one write transaction, so a failure leaves
 * nothing half-written.
 */
export async function seedDatabase(driver: Driver, database: string, cypherDir: string): Promise<SeedReport> {
  const schema = statementsOf(join(cypherDir, "schema.cypher"));
  const session = driver.session({ database });
  try {
    for (const statement of schema) await session.run(statement);
    await session.run("CALL db.awaitIndexes(300)");
  } finally {
    await session.close();
  }

  let seedClaims = 0;
  const claimsDir = join(cypherDir, "claims");
  for (const file of readdirSync(claimsDir)
    .filter((name) => name.endsWith(".json"))
    .sort()) {
    const report = await ingestClaims(driver, database, readFileSync(join(claimsDir, file), "utf8"));
    if (!report.written) {
      const problems = report.problems.map((problem) => `${problem.path}: ${problem.message}`).join("; ");
      throw new Error(`cypher/claims/${file} was not ingested: ${problems}`);
    }
    seedClaims += report.counts.claims.created + report.counts.claims.unchanged;
  }

  const seedDir = join(cypherDir, "seed");
  const seedFiles = readdirSync(seedDir)
    .filter((file) => file.endsWith(".cypher"))
    .sort();
  const seed = seedFiles.flatMap((file) => statementsOf(join(seedDir, file)));
  const write = driver.session({ database, defaultAccessMode: "WRITE" });
  try {
    await write.executeWrite(async (tx) => {
      for (const statement of seed) await tx.run(statement);
    });
  } finally {
    await write.close();
  }

  const counts = await driver.executeQuery(
    `CALL { MATCH (n) WHERE NOT n:${META_LABELS} RETURN count(n) AS nodes }
     CALL { MATCH (n)-[r]->() WHERE NOT n:${META_LABELS} RETURN count(r) AS relationships }
     RETURN nodes, relationships`,
    {},
    { database },
  );
  const row = counts.records[0];
  return {
    schemaStatements: schema.length,
    seedClaims,
    seedStatements: seed.length,
    nodes: Number(row?.get("nodes") ?? 0),
    relationships: Number(row?.get("relationships") ?? 0),
  };
}

export async function isDatabaseEmpty(driver: Driver, database: string): Promise<boolean> {
  const result = await driver.executeQuery("MATCH (n) RETURN n LIMIT 1", {}, { database });
  return result.records.length === 0;
}
