/**
 * `npm start`: the whole app from a fresh clone. Starts the project's Neo4j when NEO4J_URI is
 * local (installing Java and Maven with apt when missing, fetching Neo4j the first time), seeds an
 * empty database, builds the client, then serves everything on PORT.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { loadEnvFile } from "../server/src/config/load-env-file";
import { runCli } from "./neo4j/cli-error";
import { startLocalNeo4j } from "./neo4j/local-neo4j";
import { localNeo4jSettings } from "./neo4j/local-neo4j-settings";
import { localTarget } from "./neo4j/local-target";
import { neo4jLayout } from "./neo4j/neo4j-layout";
import { projectRoot } from "./project-root";
import { ensureSystemPackages } from "./system-packages";

function step(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: "inherit" });
  return result.status === 0;
}

let ready = false;
await runCli("start", async () => {
  loadEnvFile(projectRoot);
  // The project's own Neo4j needs Java and Maven (scripts/system-packages.ts); a remote one needs neither.
  if (localTarget(localNeo4jSettings().NEO4J_URI).local) ensureSystemPackages("start");
  const outcome = await startLocalNeo4j(
    neo4jLayout(projectRoot),
    localNeo4jSettings(),
    join(projectRoot, "scripts", "neo4j", "pom.xml"),
  );
  if (outcome === "started") console.log("Neo4j is up.");
  const tsx = join(projectRoot, "node_modules", ".bin", "tsx");
  if (!step(tsx, [join(projectRoot, "scripts", "db-seed.ts"), "--if-empty"])) return;
  if (!step(join(projectRoot, "node_modules", ".bin", "vite"), ["build", "--logLevel", "warn"])) return;
  ready = true;
});

if (ready) await import("../server/src/main");
