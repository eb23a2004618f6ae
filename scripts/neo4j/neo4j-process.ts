import { existsSync, readFileSync, rmSync } from "node:fs";
import type { Neo4jLayout } from "./neo4j-layout";

/** Reads the pid file and returns the pid when that process is alive and is this home's Neo4j server. */
export function runningNeo4jPid(layout: Pick<Neo4jLayout, "pidFile" | "homeDir">): number | undefined {
  const { pidFile } = layout;
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, "utf8").trim());
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  if (!isAlive(pid)) {
    rmSync(pidFile, { force: true });
    return undefined;
  }
  // A pid can be reused by an unrelated process (or another checkout's Neo4j) after a crash or a reboot.
  const cmdline = `/proc/${pid}/cmdline`;
  if (existsSync(cmdline) && !readFileSync(cmdline, "utf8").includes(`--home-dir=${layout.homeDir}`)) {
    rmSync(pidFile, { force: true });
    return undefined;
  }
  return pid;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return !isAlive(pid);
}
