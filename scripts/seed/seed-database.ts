import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import type { Driver } from "neo4j-driver";
import { META_LABELS } from "../../server/src/claims/claims-queries";
import { ingestClaims } from "../../server/src/claims/ingest-claims";
import { splitCypherStatements } from "../../server/src/cypher/split-cypher-statements";
import { Neo4jDatabase } from "../../server/src/neo4j/neo4j-database";
import { builtInTypes } from "../../server/src/vocabulary/built-in-types";
import { SEED_TYPES_QUERY } from "../../server/src/vocabulary/vocabulary-queries";
import { builtInProperties } from "../../server/src/vocabulary/vocabulary-repository";
import { projectRoot } from "../project-root";
import { seedSourcesDir } from "./seed-sources-dir";

export interface SeedReport {
  schemaStatements: number;
  /** Claims in the seed claims files (cypher/claims/*.json). */
  seedClaims: number;
  seedStatements: number;
  /** Articles of the seed stored with their full text (read from the sources folder). */
  articleTexts: number;
  nodes: number;
  relationships: number;
}

function statementsOf(file: string): string[] {
  return splitCypherStatements(readFileSync(file, "utf8"));
}

/**
 * A seed claims file with its article's text added from `sourcesDir` when the file names one
 * (`article.file`) that is there; else as it is (the article is stored without text).
 */
export function withArticleText(json: string, sourcesDir: string): { file: unknown; hasText: boolean } {
  const file = JSON.parse(json) as { article?: { file?: unknown; text?: unknown } };
  const article = file.article;
  if (typeof article?.text === "string") return { file, hasText: true };
  if (typeof article?.file !== "string") return { file, hasText: false };
  // Only a file directly in the folder: `file` is a name, not a path to follow.
  const path = resolve(sourcesDir, basename(article.file));
  if (!existsSync(path)) return { file, hasText: false };
  return { file: { ...file, article: { ...article, text: readFileSync(path, "utf8") } }, hasText: true };
}

/**
 * Applies cypher/schema.cypher, stores the built-in relationship types, ingests every claims file of cypher/claims/ (the seed article),
 * then runs every file of cypher/seed/ in name order.
 * Schema statements run one per auto-commit transaction (Neo4j refuses schema and data in one);
 * each claims file, and the rest of the seed, runs in one write transaction, so a failure leaves
 * nothing half-written.
 */
export async function seedDatabase(
  driver: Driver,
  database: string,
  cypherDir: string,
  sourcesDir: string = seedSourcesDir(projectRoot),
): Promise<SeedReport> {
  const schema = statementsOf(join(cypherDir, "schema.cypher"));
  const session = driver.session({ database });
  try {
    for (const statement of schema) await session.run(statement);
    await session.run("CALL db.awaitIndexes(300)");
  } finally {
    await session.close();
  }

  // The built-in relationship types first: ingestion accepts only the vocabulary's.
  const rows = builtInTypes().map((type) => ({ name: type.name, props: builtInProperties(type) }));
  await driver.executeQuery(SEED_TYPES_QUERY, { rows }, { database });

  const floor = new Neo4jDatabase(driver, { database, queryTimeoutMs: 600_000 });
  let seedClaims = 0;
  let articleTexts = 0;
  const claimsDir = join(cypherDir, "claims");
  for (const file of readdirSync(claimsDir)
    .filter((name) => name.endsWith(".json"))
    .sort()) {
    const seed = withArticleText(readFileSync(join(claimsDir, file), "utf8"), sourcesDir);
    const report = await ingestClaims(floor, seed.file);
    if (!report.written) {
      const problems = report.problems.map((problem) => `${problem.path}: ${problem.message}`).join("; ");
      throw new Error(`cypher/claims/${file} was not ingested: ${problems}`);
    }
    seedClaims += report.counts.claims.created + report.counts.claims.merged + report.counts.claims.unchanged;
    if (seed.hasText) articleTexts++;
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
    articleTexts,
    nodes: Number(row?.get("nodes") ?? 0),
    relationships: Number(row?.get("relationships") ?? 0),
  };
}

export async function isDatabaseEmpty(driver: Driver, database: string): Promise<boolean> {
  const result = await driver.executeQuery("MATCH (n) RETURN n LIMIT 1", {}, { database });
  return result.records.length === 0;
}
