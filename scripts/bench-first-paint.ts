import { join } from "node:path";
import { parseArgs } from "node:util";
import { firstPaintTable, runFirstPaintBench } from "../bench/harness/first-paint-bench";
import { benchSizeSchema } from "../bench/harness/results-schema";
import { CliError, runCli } from "./neo4j/cli-error";
import { projectRoot } from "./project-root";

/**
 * Only the browser bench's first paint: plain Cytoscape.js and the app's canvas on the same
 * elements, back to back in each run (no Neo4j). `npm run bench:first-paint -- --runs 5 --sizes 1k,20k`.
 */
await runCli("bench:first-paint", async () => {
  const { values } = parseArgs({
    options: {
      size: { type: "string", default: "full" },
      runs: { type: "string", default: "3" },
      sizes: { type: "string", default: "1k,20k" },
    },
  });
  const size = benchSizeSchema.safeParse(values.size);
  if (!size.success) throw new CliError(`--size is tiny or full, not "${values.size}"`);
  const runs = Number(values.runs);
  if (!(Number.isInteger(runs) && runs >= 1 && runs <= 20))
    throw new CliError(`--runs is a whole number from 1 to 20, not "${values.runs}"`);
  const sizes = values.sizes.split(",").map((key) => key.trim());
  const unknown = sizes.filter((key) => !["1k", "20k", "50k"].includes(key));
  if (unknown.length > 0) throw new CliError(`--sizes takes some of 1k,20k,50k, not "${values.sizes}"`);
  const resultsDir = join(projectRoot, "bench", "results");
  const cases = await runFirstPaintBench({
    size: size.data,
    runs,
    sizes,
    resultsDir,
    log: (line) => console.log(line),
  });
  console.log(`\n${firstPaintTable(cases)}\n\nWritten: ${join(resultsDir, "latest.first-paint.json")}`);
});
