import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { CliError } from "./cli-error";
import { findJava } from "./find-java";
import { runNeo4jAdmin } from "./neo4j-admin";
import type { Neo4jLayout } from "./neo4j-layout";
import { runningNeo4jPid } from "./neo4j-process";
import {
  loadAndVerifySideStore,
  removeSideHome,
  type SideStoreOptions,
  type StoreCounts,
  sideLayout,
} from "./side-store";
import { applyMoves, moveFolder, planStoreSwap, preRestoreName, storeFolders } from "./store-swap";

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

export interface RestoreOptions extends SideStoreOptions {
  /** Where the replaced store is kept, in `pre-restore-<date>-<time>/` (default: the project's backups/). */
  backupsDir?: string;
  now?: Date;
}

export interface RestoreReport {
  database: string;
  dumpFile: string;
  /** What the restored database holds, counted on the side server before it went live. */
  counts: StoreCounts;
  /** The store that was live before, set aside; undefined when there was none. */
  previousStore?: string;
}

/**
 * Replaces one database with a dump made by dumpDatabase, never losing the live one: the dump is
 * loaded, checked and opened in a side home first (side-store.ts); only then do the store
 * folders swap, the live ones kept in `<backupsDir>/pre-restore-<date>-<time>/`. Any failure
 * before the swap leaves the live store as it was; a failed swap puts everything back.
 */
export async function loadDatabase(
  layout: Neo4jLayout,
  database: string,
  dumpFile: string,
  options: RestoreOptions = {},
): Promise<RestoreReport> {
  refuseWhileRunning(layout, "db:restore");
  requireInitialisedHome(layout);
  const file = resolve(dumpFile);
  if (!existsSync(file) || !statSync(file).isFile()) throw new CliError(`no backup at ${file}`);
  const now = options.now ?? new Date();
  const stamp = timestamp(now);
  const backupsDir = options.backupsDir ?? join(dirname(layout.root), "backups");
  const log = options.log ?? (() => {});
  const side = sideLayout(layout);
  let swapping = false;
  try {
    const verified = await loadAndVerifySideStore(layout, database, file, options);
    log(`It checks out: ${verified.counts.nodes} nodes, ${verified.counts.relationships} relationships.`);
    // Started by someone while the dump was being checked? Then the store is in use: stop here.
    refuseWhileRunning(layout, "db:restore");
    mkdirSync(backupsDir, { recursive: true });
    const asideDir = join(
      backupsDir,
      preRestoreName(stamp, (name) => existsSync(join(backupsDir, name))),
    );
    const plan = planStoreSwap({
      liveDataDir: layout.dataDir,
      sideDataDir: verified.side.dataDir,
      asideDir,
      database,
      exists: existsSync,
    });
    swapping = true;
    applyMoves([...plan.setAside, ...plan.bringIn]);
    const previousStore = plan.setAside.length > 0 ? asideDir : undefined;
    if (previousStore) writeFileSync(join(previousStore, "RESTORE.txt"), restoreNote(layout, database, file, now));
    return { database, dumpFile: file, counts: verified.counts, previousStore };
  } catch (error) {
    throw keepSideLogs(error, side, join(layout.logsDir, `restore-${stamp}`), swapping);
  } finally {
    await removeSideHome(side);
  }
}

/** The side home goes; what its logs say about a failure stays, in the live home's logs. */
function keepSideLogs(error: unknown, side: Neo4jLayout, keptLogs: string, swapping: boolean): unknown {
  if (!(error instanceof CliError)) return error;
  let logFile = error.logFile;
  try {
    if (existsSync(side.logsDir) && !existsSync(keptLogs)) {
      moveFolder(side.logsDir, keptLogs);
      if (logFile?.startsWith(side.logsDir)) logFile = join(keptLogs, logFile.slice(side.logsDir.length));
    }
  } catch {
    // Keeping the logs is a courtesy: never let it hide the failure itself.
  }
  const message = swapping ? error.message : `${error.message}. The live database was not touched`;
  return new CliError(message, logFile);
}

function restoreNote(layout: Neo4jLayout, database: string, dumpFile: string, now: Date): string {
  return [
    `The database "${database}" as it was before ${basename(dumpFile)} was restored over it (${now.toISOString()}).`,
    "To put it back: npm run db:stop; move the restored folders",
    `  ${storeFolders(layout.dataDir, database).join("\n  ")}`,
    `away; move databases/${database} and transactions/${database} from here to where they were; npm run db:start.`,
    "",
  ].join("\n");
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
