import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { CliError } from "./cli-error";
import type { Neo4jLayout } from "./neo4j-layout";

/** The class path bin/neo4j would build: plugins, conf, then the jars. */
export function neo4jClassPath(layout: Neo4jLayout): string {
  return [join(layout.pluginsDir, "*"), join(layout.confDir, "*"), join(layout.libDir, "*")].join(":");
}

export function neo4jEnv(layout: Neo4jLayout): NodeJS.ProcessEnv {
  return { ...process.env, NEO4J_HOME: layout.homeDir, NEO4J_CONF: layout.confDir };
}

/**
 * Runs `neo4j-admin <args>` (org.neo4j.cli.AdminTool) on this home; on failure writes what it
 * said to `logs/<logName>.log` and throws a CliError naming that log.
 */
export function runNeo4jAdmin(
  layout: Neo4jLayout,
  java: string,
  args: string[],
  logName: string,
  failure: string,
): void {
  const result = spawnSync(java, ["-cp", neo4jClassPath(layout), "org.neo4j.cli.AdminTool", ...args], {
    env: neo4jEnv(layout),
    encoding: "utf8",
  });
  if (result.status === 0) return;
  const logFile = join(layout.logsDir, `${logName}.log`);
  writeFileSync(logFile, `${result.stdout ?? ""}${result.stderr ?? ""}${result.error?.message ?? ""}`);
  throw new CliError(failure, logFile);
}
