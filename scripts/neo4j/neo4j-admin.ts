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
 * Runs `neo4j-admin <args>` (org.neo4j.cli.AdminTool) on this home and returns what it printed;
 * on failure writes that to `<logsDir>/<logName>.log` and throws a CliError saying why (when
 * neo4j-admin said so) and naming that log.
 */
export function runNeo4jAdmin(
  layout: Neo4jLayout,
  java: string,
  args: string[],
  logName: string,
  failure: string,
  logsDir: string = layout.logsDir,
): string {
  const result = spawnSync(java, ["-cp", neo4jClassPath(layout), "org.neo4j.cli.AdminTool", ...args], {
    env: neo4jEnv(layout),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}${result.error?.message ?? ""}`;
  if (result.status === 0) return output;
  const logFile = join(logsDir, `${logName}.log`);
  writeFileSync(logFile, output);
  const reason = adminFailureReason(output);
  throw new CliError(reason ? `${failure}: ${reason}` : failure, logFile);
}

/**
 * The line of neo4j-admin's output that says why it failed, without the paths it names:
 * "Failed to load database 'neo4j': Not a valid Neo4j archive: /x/neo4j.dump" gives
 * "Not a valid Neo4j archive".
 */
export function adminFailureReason(output: string): string | undefined {
  const lines = output
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !/^(Files: |Done: |\.{3}|Run with '--verbose')/.test(line));
  const failed = lines.find((line) => /^Failed to [^:]+: /.test(line));
  const chosen =
    failed?.replace(/^Failed to [^:]+: /, "") ??
    lines.find((line) => /inconsisten/i.test(line)) ??
    lines.findLast((line) => !/^\d{4}-\d\d-\d\d .* (INFO|WARN) /.test(line));
  // Paths (the staging folders neo4j-admin was given) mean nothing to the user.
  return chosen?.replace(/:?\s+\/\S*|^\/\S*/g, "").trim() || undefined;
}
