/**
 * Runs once before all test projects: the real Neo4j (started here when it is local and not
 * running, stopped again afterwards), the seed applied, the client built when browser specs run,
 * and the Debian packages of scripts/system-packages.ts (installed with apt when missing, as root).
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startLocalNeo4j, stopLocalNeo4j } from "../../scripts/neo4j/local-neo4j";
import { localNeo4jSettings } from "../../scripts/neo4j/local-neo4j-settings";
import { neo4jLayout } from "../../scripts/neo4j/neo4j-layout";
import { projectRoot } from "../../scripts/project-root";
import { seedDatabase } from "../../scripts/seed/seed-database";
import { ensureSystemPackages } from "../../scripts/system-packages";
import { loadAppConfig } from "../../server/src/config/app-config";
import { loadEnvFile } from "../../server/src/config/load-env-file";
import { createDriver } from "../../server/src/neo4j/create-driver";

/**
 * Whether this run includes the browser specs' projects, which need `dist/client` built. A run of
 * `--project unit` or `--project integration` must not rebuild it: a build under a browser spec
 * running at the same time serves that spec 404s.
 */
function runsBrowserSpecs(project: TestProject): boolean {
  return project.vitest.projects.some((each) => each.name.startsWith("e2e"));
}

export default async function globalSetup(project: TestProject): Promise<() => Promise<void>> {
  loadEnvFile(projectRoot);
  ensureSystemPackages("test");
  const layout = neo4jLayout(projectRoot);
  const outcome = await startLocalNeo4j(layout, localNeo4jSettings(), join(projectRoot, "scripts", "neo4j", "pom.xml"));

  const config = loadAppConfig();
  const driver = createDriver(config.neo4j);
  try {
    await seedDatabase(driver, config.neo4j.database, join(projectRoot, "cypher"));
  } finally {
    await driver.close();
  }

  if (runsBrowserSpecs(project)) {
    const build = spawnSync(join(projectRoot, "node_modules", ".bin", "vite"), ["build", "--logLevel", "error"], {
      cwd: projectRoot,
      stdio: "inherit",
    });
    if (build.status !== 0) throw new Error("vite build failed: the browser specs need the built client");
  }

  return async () => {
    // Leave the machine as we found it: stop Neo4j only if the tests started it.
    if (outcome === "started") await stopLocalNeo4j(layout);
  };
}
