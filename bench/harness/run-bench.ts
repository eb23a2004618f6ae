import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { launchChromium } from "../../scripts/browser/launch-chromium";
import { projectRoot } from "../../scripts/project-root";
import { syntheticGraph } from "../generator/synthetic-graph";
import { measureApiOverhead } from "./api-overhead";
import { startAppServer } from "./app-server";
import { type BenchNeo4jSettings, benchDriver } from "./bench-neo4j";
import { BENCH_CONFIGS } from "./bench-sizes";
import { benchFigures, benchTargets } from "./bench-targets";
import { measureDrawing, measureLayouts, type PageVariant } from "./browser-bench";
import { browserGraph } from "./browser-graph";
import { buildBenchPages } from "./build-bench-pages";
import { measureLoad } from "./load-test";
import { prepareBenchGraph } from "./prepare-bench-graph";
import { type BenchResults, type BenchSize, benchResultsSchema } from "./results-schema";
import { startStaticServer } from "./static-server";
import { medianByKey } from "./stats";
import { summaryTable } from "./summary-table";
import { measureSupernode } from "./supernode-expansion";
import { collectFigures, judgeTargets } from "./targets";

/** The bench's parts, as `--only` names them; each figure's key starts with its part (browser drawing is `browser`). */
export const BENCH_PARTS = ["api", "supernode", "load", "browser", "layout"] as const;
export type BenchPart = (typeof BENCH_PARTS)[number];

export interface RunBenchOptions {
  size: BenchSize;
  /** Only these parts (a quick before/after of one area); the others are reported as not run. Default: all. */
  only?: readonly BenchPart[];
  /** Overrides the size's number of runs (a quick look: the figures are medians of 5 or more). */
  runs?: number;
  neo4j: BenchNeo4jSettings;
  resultsDir: string;
  log: (line: string) => void;
}

const VARIANTS: readonly PageVariant[] = ["plain", "app"];

/** Runs every part, `runs` times interleaved, and writes latest.json (checked against its schema) and latest.md. */
export async function runBench(options: RunBenchOptions): Promise<BenchResults> {
  const config = { ...BENCH_CONFIGS[options.size], ...(options.runs ? { runs: options.runs } : {}) };
  const startedAt = new Date().toISOString();
  const skipped = new Map<string, string>();
  const parts = new Set<BenchPart>(options.only ?? BENCH_PARTS);
  for (const part of BENCH_PARTS) if (!parts.has(part)) skipped.set(part, `not run (--only ${[...parts].join(",")})`);
  const inBrowser = parts.has("browser") || parts.has("layout");
  const driver = benchDriver(options.neo4j);
  const spec = { ...config.graph, specialNodes: true };
  let server: Awaited<ReturnType<typeof startAppServer>> | undefined;
  let browser: Browser | undefined;
  let pages: Awaited<ReturnType<typeof startStaticServer>> | undefined;
  try {
    const prepared = await prepareBenchGraph(driver, {
      spec,
      database: options.neo4j.database,
      schemaFile: join(projectRoot, "cypher", "schema.cypher"),
      batchSize: 10_000,
      force: false,
      reload: false,
      log: options.log,
    });
    const graph = syntheticGraph(spec);
    const regular = graph.nodes.slice(3);
    const every = Math.max(1, Math.floor(regular.length / 20));
    const nodeIds = regular.filter((_, index) => index % every === 0).map((node) => node.id);
    const companyIds = regular
      .filter((node) => node.label === "Company")
      .slice(0, 20)
      .map((node) => node.id);
    const supernodeId = graph.supernode?.id as string;
    const tenId = graph.tenNeighbours?.id as string;

    options.log("bench: starting the app server on the bench Neo4j");
    server = await startAppServer(options.neo4j);
    const sampleName = regular.find((node) => node.label === "Company")?.name.split(" ")[0] ?? "a";
    const endpoints = [
      { name: "graph", path: "/api/graph?limit=100" },
      { name: "node", path: `/api/nodes/${encodeURIComponent(nodeIds[1] ?? tenId)}` },
      { name: "neighbors", path: `/api/nodes/${encodeURIComponent(nodeIds[1] ?? tenId)}/neighbors?limit=100` },
      { name: "search", path: `/api/search?q=${encodeURIComponent(sampleName)}` },
    ];

    if (inBrowser) options.log("bench: building the browser pages (vite build)");
    const failed = inBrowser ? buildBenchPages() : null;
    const data = new Map<string, string>();
    let layoutNames: string[] = ["fcose"];
    if (!inBrowser) {
      // Neither browser part runs (--only): nothing to build.
    } else if (failed) {
      skipped.set("browser", failed);
      skipped.set("layout", "the bench pages did not build");
    } else {
      for (const size of config.drawSizes)
        data.set(`/data/${size.key}.json`, JSON.stringify(browserGraph(size.nodes, size.edges, config.graph.seed)));
      data.set(
        "/data/layout.json",
        JSON.stringify(browserGraph(config.layoutGraph.nodes, config.layoutGraph.edges, config.graph.seed)),
      );
      pages = await startStaticServer(join(projectRoot, "dist", "bench"), data);
      try {
        browser = await launchChromium();
      } catch (error) {
        skipped.set("browser", `Chromium did not start: ${(error as Error).message}`);
        skipped.set("layout", "Chromium did not start");
      }
    }

    const runs: Array<Record<string, number>> = [];
    for (let run = 1; run <= config.runs; run += 1) {
      options.log(`bench: run ${run} of ${config.runs}`);
      const figures: Record<string, number> = {};
      if (parts.has("api"))
        Object.assign(
          figures,
          await measureApiOverhead({
            driver,
            database: options.neo4j.database,
            server,
            nodeIds,
            companyIds,
            requests: config.apiRequests,
          }),
        );
      if (parts.has("supernode"))
        Object.assign(
          figures,
          await measureSupernode({
            server,
            supernodeId,
            tenNeighboursId: tenId,
            requests: config.supernodeRequests,
          }),
        );
      if (parts.has("load"))
        Object.assign(
          figures,
          await measureLoad({
            server,
            endpoints,
            connections: config.connections,
            durationSeconds: config.loadSeconds,
          }),
        );
      if (browser && pages) {
        for (const size of parts.has("browser") ? config.drawSizes : []) {
          for (const variant of VARIANTS) {
            Object.assign(
              figures,
              await measureDrawing({
                browser,
                baseUrl: pages.baseUrl,
                variant,
                size: size.key,
                dataUrl: `/data/${size.key}.json`,
                gestureMs: config.gestureMs,
                measureHeap: size.key === "20k",
              }),
            );
          }
        }
        for (const variant of parts.has("layout") ? (["plain", "app"] as const) : []) {
          const layouts = await measureLayouts(browser, pages.baseUrl, variant, "/data/layout.json");
          Object.assign(figures, layouts);
          if (variant === "app")
            layoutNames = Object.keys(layouts)
              .filter((key) => key.endsWith(".ms"))
              .map((key) => key.split(".")[2] as string);
        }
      }
      runs.push(figures);
      // Each run's raw figures, so a long run can be followed (and a killed one still tells something).
      options.log(`bench: run ${run} figures ${JSON.stringify(roundedFigures(figures))}`);
    }

    const medians = medianByKey(runs);
    // With --only, the parts not run are left out of the tables (listed as not run below them).
    const measured = (key: string) => options.only === undefined || parts.has(key.split(".")[0] as BenchPart);
    const results: BenchResults = {
      version: 1,
      size: options.size,
      startedAt,
      finishedAt: new Date().toISOString(),
      runs: config.runs,
      machine: { cpus: cpus().length, node: process.versions.node, platform: `${process.platform}-${process.arch}` },
      graph: {
        nodes: prepared.nodes,
        relationships: prepared.relationships,
        seed: prepared.seed,
        supernodeDegree: prepared.supernode?.degree ?? 0,
        nodesPerSecond: prepared.load?.nodesPerSecond ?? null,
        relationshipsPerSecond: prepared.load?.relationshipsPerSecond ?? null,
      },
      targets: judgeTargets(
        benchTargets(config.drawSizes, config.layoutGraph.nodes, layoutNames).filter((spec) => measured(spec.key)),
        medians,
        skipped,
      ),
      figures: collectFigures(
        benchFigures(
          config.drawSizes,
          endpoints.map((endpoint) => endpoint.name),
          config.connections,
        ).filter((spec) => measured(spec.key)),
        medians,
      ),
      skipped: [...skipped].map(([part, reason]) => ({ part, reason })),
    };
    benchResultsSchema.parse(results);
    mkdirSync(options.resultsDir, { recursive: true });
    writeFileSync(join(options.resultsDir, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(join(options.resultsDir, "latest.md"), `${summaryTable(results)}\n`);
    return results;
  } finally {
    await browser?.close();
    await pages?.close();
    await server?.stop();
    await driver.close();
  }
}

function roundedFigures(figures: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(figures).map(([key, value]) => [key, Math.round(value * 10) / 10]));
}
