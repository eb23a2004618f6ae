import { join } from "node:path";
import { parseArgs } from "node:util";
import { layoutTable, runLayoutBench } from "../bench/harness/layout-bench";
import { benchSizeSchema } from "../bench/harness/results-schema";
import { CliError, runCli } from "./neo4j/cli-error";
import { projectRoot } from "./project-root";

/**
 * Only the browser bench's layouts (no Neo4j): the longest frame while each layout runs and lands
 * on 1,000 nodes / 2,000 edges. `npm run bench:layouts -- --runs 3 --layouts fcose,dagre`.
 */
await runCli("bench:layouts", async () => {
  const { values } = parseArgs({
    options: {
      size: { type: "string", default: "full" },
      runs: { type: "string", default: "3" },
      layouts: { type: "string", default: "" },
    },
  });
  const size = benchSizeSchema.safeParse(values.size);
  if (!size.success) throw new CliError(`--size is tiny or full, not "${values.size}"`);
  const runs = Number(values.runs);
  if (!(Number.isInteger(runs) && runs >= 1 && runs <= 20))
    throw new CliError(`--runs is a whole number from 1 to 20, not "${values.runs}"`);
  const layouts = values.layouts
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  const resultsDir = join(projectRoot, "bench", "results");
  const cases = await runLayoutBench({ size: size.data, runs, layouts, resultsDir, log: (line) => console.log(line) });
  console.log(`\n${layoutTable(cases)}\n\nWritten: ${join(resultsDir, "latest.layouts.json")}`);
});
