import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { CliError } from "./cli-error";
import type { Neo4jLayout } from "./neo4j-layout";

const COMPLETE_MARKER = ".complete";

export function isNeo4jDownloaded(layout: Neo4jLayout): boolean {
  return existsSync(join(dirname(layout.libDir), COMPLETE_MARKER));
}

/**
 * Fetches Neo4j's jars from Maven Central with Maven (the first time only), showing progress.
 * Downloads into a temporary folder and renames it at the end, so an interrupted download
 * is never mistaken for a complete one.
 */
export async function fetchNeo4j(layout: Neo4jLayout, pomFile: string): Promise<void> {
  if (isNeo4jDownloaded(layout)) return;
  const mvn = spawnSync("mvn", ["--version"], { encoding: "utf8" });
  if (mvn.error || mvn.status !== 0) {
    throw new CliError("Maven (mvn) is needed to fetch Neo4j from Maven Central (Debian: apt-get install maven)");
  }
  const distDir = dirname(layout.libDir);
  const staging = `${distDir}.partial`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(join(staging, "lib"), { recursive: true });
  const logFile = join(layout.root, `fetch-neo4j-${layout.version}.log`);
  const log = createWriteStream(logFile);

  console.log(`Fetching Neo4j ${layout.version} Community from Maven Central (first time only, about 125 MB)...`);
  const downloaded = await runMaven(pomFile, layout.version, join(staging, "lib"), log);
  log.end();
  const jars = readdirSync(join(staging, "lib")).filter((file) => file.endsWith(".jar"));
  if (!jars.some((file) => file.startsWith(`neo4j-${layout.version}`))) {
    throw new CliError(`the download finished without neo4j-${layout.version}.jar`, logFile);
  }
  writeFileSync(join(staging, COMPLETE_MARKER), `${jars.length} jars\n`);
  rmSync(distDir, { recursive: true, force: true });
  renameSync(staging, distDir);
  console.log(
    `Neo4j ${layout.version}: ${jars.length} jars ready (${downloaded} downloaded now, the rest from ~/.m2).`,
  );
}

function runMaven(pomFile: string, version: string, outputDir: string, log: NodeJS.WritableStream): Promise<number> {
  return new Promise((resolve, reject) => {
    const args = [
      "-B",
      "-f",
      pomFile,
      `-Dneo4j.version=${version}`,
      "dependency:copy-dependencies",
      `-DoutputDirectory=${outputDir}`,
      "-DincludeScope=runtime",
    ];
    const child = spawn("mvn", args, { stdio: ["ignore", "pipe", "pipe"] });
    let downloaded = 0;
    let pending = "";
    const onChunk = (chunk: Buffer) => {
      log.write(chunk);
      pending += chunk.toString("utf8");
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        if (!line.includes("Downloaded from")) continue;
        downloaded += 1;
        if (downloaded % 20 === 0) process.stdout.write(`  ...${downloaded} files downloaded\n`);
      }
    };
    child.stdout.on("data", onChunk);
    child.stderr.on("data", onChunk);
    child.on("error", (error) => reject(new CliError(`could not run Maven: ${error.message}`)));
    child.on("close", (code) => {
      if (code === 0) resolve(downloaded);
      else
        reject(
          new CliError(
            `Maven could not fetch Neo4j ${version} (exit code ${code}); is Maven Central reachable?`,
            logPath(log),
          ),
        );
    });
  });
}

function logPath(log: NodeJS.WritableStream): string | undefined {
  return "path" in log && typeof log.path === "string" ? log.path : undefined;
}
