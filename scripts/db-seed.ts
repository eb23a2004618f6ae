import { join } from "node:path";
import { loadAppConfig } from "../server/src/config/app-config";
import { loadEnvFile } from "../server/src/config/load-env-file";
import { createDriver } from "../server/src/neo4j/create-driver";
import { CliError, runCli } from "./neo4j/cli-error";
import { projectRoot } from "./project-root";
import { foreignNodeCount } from "./seed/foreign-data";
import { isDatabaseEmpty, seedDatabase } from "./seed/seed-database";
import { seedSourcesDir } from "./seed/seed-sources-dir";

// `--if-empty` is what `npm start` uses: seed a new database, leave one with data alone.
const onlyIfEmpty = process.argv.includes("--if-empty");
// `--force` writes the seed into a database that holds someone else's graph.
const force = process.argv.includes("--force");

await runCli("db:seed", async () => {
  loadEnvFile(projectRoot);
  const config = loadAppConfig();
  const driver = createDriver(config.neo4j);
  try {
    await driver.verifyConnectivity().catch((error: { code?: string }) => {
      throw new CliError(
        `cannot reach Neo4j at ${config.neo4j.uri} (${error.code ?? "no answer"}); try npm run db:start`,
      );
    });
    if (onlyIfEmpty && !(await isDatabaseEmpty(driver, config.neo4j.database))) {
      console.log("The database already holds data; not seeding (npm run db:seed re-applies the seed).");
      return;
    }
    const foreign = force ? 0 : await foreignNodeCount(driver, config.neo4j.database);
    if (foreign > 0) {
      throw new CliError(
        `the database "${config.neo4j.database}" at ${config.neo4j.uri} holds ${foreign} nodes this project did not seed (it lacks the project's schema); not writing into it. npm run db:seed -- --force adds the seed graph and schema anyway; NEO4J_DATABASE can name another database`,
      );
    }
    const sourcesDir = seedSourcesDir(projectRoot);
    const report = await seedDatabase(driver, config.neo4j.database, join(projectRoot, "cypher"), sourcesDir);
    console.log(
      `Seeded: ${report.schemaStatements} schema statements, ${report.seedClaims} claims and ${report.seedStatements} seed statements; the graph holds ${report.nodes} nodes and ${report.relationships} relationships.`,
    );
    if (report.articleTexts === 0)
      console.log(
        `No article text found in ${sourcesDir} (set SEED_SOURCES_DIR): an article without a stored text shows its quoted sentences only in the Sources view.`,
      );
  } finally {
    await driver.close();
  }
});
