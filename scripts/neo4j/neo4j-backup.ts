import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { basename, join } from "node:path";
import { CliError } from "./cli-error";
import { findJava } from "./find-java";
import { runNeo4jAdmin } from "./neo4j-admin";
import type { Neo4jLayout } from "./neo4j-layout";
import { runningNeo4jPid } from "./neo4j-process";

/** neo4j-admin dump and load need the store to themselves: refuse while the server runs. */
function refuseWhileRunning(layout: Neo4jLayout, command: string): void {
  const pid = runningNeo4jPid(layout);
  if (pid === undefined) return;
  throw new CliError(
    `Neo4j is running (pid ${pid}) and neo4j-admin needs it stopped: npm run db:stop, then npm run ${command}, then npm run db:start`,
  );
}

function requireInitialisedHome(layout: Neo4jLayout): void {
  if (!existsSync(layout.confFile) || !existsSync(layout.dataDir)) {
    throw new CliError(`no Neo4j data at ${layout.dataDir} yet: npm run db:start creates it`);
  }
}

function timestamp(date: Date): string {
  // 2026-11-28T20:50:37.123Z becomes 20261128-205037: sortable, and safe in any file system.
  return date.toISOString().replace(/\..*$/, "").replaceAll(/[-:]/g, "").replace("T", "-");
}

/** Dumps one database to `<backupsDir>/<database>-<UTC date-time>.dump`; returns that file. */
export function dumpDatabase(layout: Neo4jLayout, database: string, backupsDir: string, now = new Date()): string {
  refuseWhileRunning(layout, "db:backup");
  requireInitialisedHome(layout);
  const target = join(backupsDir, `${database}-${timestamp(now)}.dump`);
  // neo4j-admin names the file after the database: dump into a folder of its own, then rename.
  const staging = join(backupsDir, `.dumping-${timestamp(now)}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    runNeo4jAdmin(
      layout,
      findJava().executable,
      ["database", "dump", database, `--to-path=${staging}`],
      "db-backup",
      `neo4j-admin could not dump the database "${database}"`,
    );
    renameSync(join(staging, `${database}.dump`), target);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return target;
}

/** Replaces one database with a dump made by dumpDatabase (everything in it now is lost). */
export function loadDatabase(layout: Neo4jLayout, database: string, dumpFile: string): void {
  refuseWhileRunning(layout, "db:restore");
  requireInitialisedHome(layout);
  if (!existsSync(dumpFile)) throw new CliError(`no backup at ${dumpFile}`);
  // neo4j-admin load reads `<database>.dump` from a folder.
  const staging = `${dumpFile}.loading`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging);
  try {
    copyFileSync(dumpFile, join(staging, `${database}.dump`));
    runNeo4jAdmin(
      layout,
      findJava().executable,
      ["database", "load", database, `--from-path=${staging}`, "--overwrite-destination=true"],
      "db-restore",
      `neo4j-admin could not load ${basename(dumpFile)} into "${database}"`,
    );
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** The newest `<database>-*.dump` in the folder (their names sort by date). */
export function latestBackup(backupsDir: string, database: string): string | undefined {
  if (!existsSync(backupsDir)) return undefined;
  const dumps = readdirSync(backupsDir)
    .filter((file) => file.startsWith(`${database}-`) && file.endsWith(".dump"))
    .sort();
  const newest = dumps.at(-1);
  return newest === undefined ? undefined : join(backupsDir, newest);
}
