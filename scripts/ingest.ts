import { readFileSync } from "node:fs";
import { userInfo } from "node:os";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import type { IngestReport } from "../contract/graph-contract";
import { ingestClaims } from "../server/src/claims/ingest-claims";
import { loadAppConfig } from "../server/src/config/app-config";
import { loadEnvFile } from "../server/src/config/load-env-file";
import { createDriver } from "../server/src/neo4j/create-driver";
import { Neo4jDatabase } from "../server/src/neo4j/neo4j-database";
import { CliError, runCli } from "./neo4j/cli-error";
import { projectRoot } from "./project-root";

// npm run ingest -- file.json [more.json ...] [--as NAME]: each file in its own transaction, all or
// nothing. New claims record who entered them: NAME, else the OS user.
const { positionals: files, values } = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  options: { as: { type: "string" } },
});
const enteredBy = values.as?.trim() || userInfo().username;

function print(file: string, report: IngestReport): void {
  if (!report.written) {
    console.error(`${file}: ${report.problems.length} problem(s), nothing written:`);
    for (const problem of report.problems) console.error(`  ${problem.path}: ${problem.message}`);
    return;
  }
  const counts = Object.entries(report.counts)
    .map(([kind, count]) => `${kind} ${count.created} created, ${count.merged} merged, ${count.unchanged} unchanged`)
    .join("; ");
  console.log(`${file}: written. ${counts}.`);
  for (const merge of report.merges)
    console.log(`  merged ${merge.path} "${merge.given}" into "${merge.nodeId}" (${merge.reason}: "${merge.matched}")`);
  for (const notice of report.notices) console.log(`  notice ${notice.path}: ${notice.message}`);
}

await runCli("ingest", async () => {
  if (files.length === 0) throw new CliError("name a claims file: npm run ingest -- path/to/claims.json");
  loadEnvFile(projectRoot);
  const config = loadAppConfig();
  const driver = createDriver(config.neo4j);
  try {
    await driver.verifyConnectivity().catch((error: { code?: string }) => {
      throw new CliError(
        `cannot reach Neo4j at ${config.neo4j.uri} (${error.code ?? "no answer"}); try npm run db:start`,
      );
    });
    // A file from the command line may be big: its transaction gets ten minutes, not the API's timeout.
    const database = new Neo4jDatabase(driver, { database: config.neo4j.database, queryTimeoutMs: 600_000 });
    let rejected = 0;
    for (const file of files) {
      let text: string;
      try {
        text = readFileSync(resolve(file), "utf8");
      } catch (error) {
        throw new CliError(`cannot read ${file}: ${(error as Error).message}`);
      }
      const report = await ingestClaims(database, text, { enteredBy });
      print(file, report);
      if (!report.written) rejected++;
    }
    if (rejected > 0) throw new CliError(`${rejected} of ${files.length} file(s) rejected`);
  } finally {
    await driver.close();
  }
});
