import { cpSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { CliError } from "./cli-error";

/** One folder moved from one place to another. */
export interface Move {
  from: string;
  to: string;
}

export interface StoreSwapPlan {
  /** The live store's folders into the set-aside folder (only those that exist). */
  setAside: Move[];
  /** The verified side store's folders into the live data folder. */
  bringIn: Move[];
}

/**
 * A database's store is two folders under Neo4j's data folder: `databases/<db>` (the store
 * files) and `transactions/<db>` (its transaction logs). The system database, which records the
 * databases and the users, is left where it is.
 */
export function storeFolders(dataDir: string, database: string): string[] {
  return [join(dataDir, "databases", database), join(dataDir, "transactions", database)];
}

export function planStoreSwap(options: {
  liveDataDir: string;
  sideDataDir: string;
  asideDir: string;
  database: string;
  exists: (path: string) => boolean;
}): StoreSwapPlan {
  const live = storeFolders(options.liveDataDir, options.database);
  const side = storeFolders(options.sideDataDir, options.database);
  const aside = storeFolders(options.asideDir, options.database);
  return {
    setAside: live.flatMap((from, index) => (options.exists(from) ? [{ from, to: aside[index] as string }] : [])),
    bringIn: side.map((from, index) => ({ from, to: live[index] as string })),
  };
}

/** `pre-restore-<stamp>`, or `-2`, `-3`... when a restore in the same second already took that name. */
export function preRestoreName(stamp: string, taken: (name: string) => boolean): string {
  const base = `pre-restore-${stamp}`;
  if (!taken(base)) return base;
  for (let suffix = 2; ; suffix += 1) {
    const name = `${base}-${suffix}`;
    if (!taken(name)) return name;
  }
}

/** Moves a folder: a rename on one file system, a copy then a delete across two. */
export function moveFolder(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    cpSync(from, to, { recursive: true, errorOnExist: true, force: false });
    rmSync(from, { recursive: true, force: true });
  }
}

/**
 * Makes the moves in order. When one fails, the moves already made are undone in reverse order,
 * so the folders are where they were, and the failure is thrown. Should an undo fail too, the
 * error says where every folder is now.
 */
export function applyMoves(moves: Move[], move: (from: string, to: string) => void = moveFolder): void {
  const done: Move[] = [];
  for (const step of moves) {
    try {
      move(step.from, step.to);
      done.push(step);
    } catch (error) {
      const stranded: string[] = [];
      for (const made of done.reverse()) {
        try {
          move(made.to, made.from);
        } catch {
          stranded.push(`${made.from} is now at ${made.to}`);
        }
      }
      const why = (error as Error).message;
      if (stranded.length > 0) {
        throw new CliError(
          `moving ${step.from} to ${step.to} failed (${why}) and so did putting back what had moved: ${stranded.join("; ")}. Move them back by hand before starting Neo4j`,
        );
      }
      throw new CliError(`moving ${step.from} to ${step.to} failed (${why}); everything moved was put back`);
    }
  }
}
