import { join } from "node:path";
import { parseArgs } from "node:util";
import { benchDriver, benchNeo4jSettings, ensureBenchNeo4j } from "../bench/harness/bench-neo4j";
import { prepareBenchGraph } from "../bench/harness/prepare-bench-graph";
import { CliError, runCli } from "./neo4j/cli-error";
import { projectRoot } from "./project-root";

await runCli("bench:data", async () => {
  const { values } = parseArgs({
    options: {
      nodes: { type: "string", default: "200000" },
      rels: { type: "string", default: "1000000" },
      seed: { type: "string", default: "42" },
      uri: { type: "string" },
      batch: { type: "string", default: "10000" },
      force: { type: "boolean", default: false },
      reload: { type: "boolean", default: false },
    },
  });
  const { settings } = await ensureBenchNeo4j(benchNeo4jSettings(process.env, values.uri));
  const driver = benchDriver(settings);
  try {
    const prepared = await prepareBenchGraph(driver, {
      spec: {
        nodes: int(values.nodes, "--nodes"),
        relationships: int(values.rels, "--rels"),
        seed: int(values.seed, "--seed"),
        specialNodes: true,
      },
      database: settings.database,
      schemaFile: join(projectRoot, "cypher", "schema.cypher"),
      batchSize: int(values.batch, "--batch"),
      force: values.force,
      reload: values.reload,
      log: (line) => console.log(line),
    });
    console.log(JSON.stringify({ target: settings.uri, ...prepared }, null, 2));
  } finally {
    await driver.close();
  }
});

function int(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new CliError(`${flag} wants a whole number, not "${text}"`);
  return value;
}
