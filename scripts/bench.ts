import { join } from "node:path";
import { parseArgs } from "node:util";
import { benchNeo4jSettings, ensureBenchNeo4j } from "../bench/harness/bench-neo4j";
import { benchSizeSchema } from "../bench/harness/results-schema";
import { BENCH_PARTS, type BenchPart, runBench } from "../bench/harness/run-bench";
import { summaryTable } from "../bench/harness/summary-table";
import { CliError, runCli } from "./neo4j/cli-error";
import { projectRoot } from "./project-root";

await runCli("bench", async () => {
  const { values } = parseArgs({
    options: {
      size: { type: "string", default: "full" },
      uri: { type: "string" },
      runs: { type: "string" },
      only: { type: "string" },
    },
  });
  const only = values.only?.split(",").map((part) => part.trim());
  const unknown = only?.filter((part) => !(BENCH_PARTS as readonly string[]).includes(part)) ?? [];
  if (only && (only.length === 0 || unknown.length > 0))
    throw new CliError(`--only takes some of ${BENCH_PARTS.join(",")} (comma-separated), not "${values.only}"`);
  const size = benchSizeSchema.safeParse(values.size);
  if (!size.success) throw new CliError(`--size is tiny or full, not "${values.size}"`);
  const runs = values.runs === undefined ? undefined : Number(values.runs);
  if (runs !== undefined && !(Number.isInteger(runs) && runs >= 1 && runs <= 20))
    throw new CliError(`--runs is a whole number from 1 to 20, not "${values.runs}"`);
  const { settings } = await ensureBenchNeo4j(benchNeo4jSettings(process.env, values.uri));
  const resultsDir = join(projectRoot, "bench", "results");
  const results = await runBench({
    size: size.data,
    runs,
    ...(only ? { only: only as BenchPart[] } : {}),
    neo4j: settings,
    resultsDir,
    log: (line) => console.log(line),
  });
  console.log(`\n${summaryTable(results)}\n\nWritten: ${join(resultsDir, "latest.json")} and latest.md`);
});
