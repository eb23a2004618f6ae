/**
 * `npm run screenshot`: every picture the README and the guides in docs/ show (scripts/screenshot-shots.ts),
 * retaken in headless Chromium from the built client (npm run build) on the command's own server, so
 * they stay current. The seed graph's pictures are taken on the project's database, which is only
 * read; the story's (timeline, article review) on a private Neo4j (Bolt port 7705) holding the seed
 * and the fictional story of tests/fixtures/story, started and stopped by the command.
 * `-- NAME…` retakes only those.
 */
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ingestClaims } from "../server/src/claims/ingest-claims";
import { createDriver } from "../server/src/neo4j/create-driver";
import { Neo4jDatabase } from "../server/src/neo4j/neo4j-database";
import { type PrivateApp, startPrivateApp } from "./browser/private-app";
import { CliError, runCli } from "./neo4j/cli-error";
import { startPrivateNeo4j } from "./neo4j/private-neo4j";
import { projectRoot } from "./project-root";
import { type Scene, SHOTS, type Shot } from "./screenshot-shots";
import { withArticleText } from "./seed/seed-database";

const imagesDir = join(projectRoot, "docs", "images");
const STORY = join(projectRoot, "tests", "fixtures", "story");

/** The app on a scene's graph, and how to put it away. */
interface Stage {
  app: PrivateApp;
  close(): Promise<void>;
}

async function seedStage(): Promise<Stage> {
  const app = await startPrivateApp();
  return { app, close: () => app.close() };
}

/** A private Neo4j with the seed and every claims file of the fictional story, in order. */
async function storyStage(): Promise<Stage> {
  const neo4j = await startPrivateNeo4j({ name: "docs-story", boltPort: 7705 });
  try {
    const driver = createDriver(neo4j.connection);
    try {
      const database = new Neo4jDatabase(driver, { database: neo4j.connection.database, queryTimeoutMs: 60_000 });
      for (const name of readdirSync(STORY)
        .filter((file) => /^\d+-.*\.json$/.test(file))
        .sort()) {
        const { file } = withArticleText(readFileSync(join(STORY, name), "utf8"), join(STORY, "articles"));
        const report = await ingestClaims(database, file);
        if (!report.written)
          throw new CliError(`the story's ${name} was not ingested: ${JSON.stringify(report.problems)}`);
      }
    } finally {
      await driver.close();
    }
    const app = await startPrivateApp({ neo4j: neo4j.connection });
    return {
      app,
      async close() {
        await app.close();
        await neo4j.stop();
      },
    };
  } catch (error) {
    await neo4j.stop();
    throw error;
  }
}

const STAGES: { readonly [scene in Scene]: () => Promise<Stage> } = { seed: seedStage, story: storyStage };

async function takeShots(stage: Stage, shots: readonly Shot[]): Promise<void> {
  for (const shot of shots) {
    const page = await stage.app.openPage({ width: shot.width, height: shot.height });
    try {
      await shot.take(page);
    } catch (error) {
      // The page as it was when a step failed, to see why.
      const failed = join(tmpdir(), `screenshot-failed-${shot.name}.png`);
      await page.screenshot({ path: failed }).catch(() => undefined);
      throw new CliError(
        `${shot.name}: ${error instanceof Error ? error.message : String(error)} (the page then: ${failed})`,
      );
    }
    // Nothing half-loaded in a docs picture: the top bar's Neo4j light has its answer, and no
    // panel still says it is loading (claims, relationships, articles).
    await page.waitForFunction(
      () =>
        document.getElementById("health")?.dataset.state === "connected" &&
        !document.querySelector('[data-testid="claims-loading"], .loading:not([hidden]), [aria-busy="true"]'),
      undefined,
      { timeout: 30_000 },
    );
    const output = join(imagesDir, `${shot.name}.png`);
    await page.screenshot({ path: output });
    await page.close();
    console.log(`Saved ${output}`);
  }
}

await runCli("screenshot", async () => {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !SHOTS.some((shot) => shot.name === name));
  if (unknown.length > 0)
    throw new CliError(`No picture named ${unknown.join(", ")}: ${SHOTS.map((shot) => shot.name).join(", ")}`);
  mkdirSync(imagesDir, { recursive: true });
  for (const scene of Object.keys(STAGES) as Scene[]) {
    const shots = SHOTS.filter((shot) => shot.scene === scene && (wanted.length === 0 || wanted.includes(shot.name)));
    if (shots.length === 0) continue;
    const stage = await STAGES[scene]();
    try {
      await takeShots(stage, shots);
    } finally {
      await stage.close();
    }
  }
});
