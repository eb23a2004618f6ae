import { readFileSync, writeFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { parseArgs } from "node:util";
import { claimsDraftSchema, extractRequestSchema } from "../contract/extract-endpoints";
import type { RelationshipType } from "../contract/vocabulary-endpoints";
import { loadAppConfig } from "../server/src/config/app-config";
import { loadEnvFile } from "../server/src/config/load-env-file";
import { createDriver } from "../server/src/neo4j/create-driver";
import { Neo4jDatabase } from "../server/src/neo4j/neo4j-database";
import { extractDraft } from "../server/src/sources/extract-draft";
import { KnownEntitiesRepository, type KnownSource } from "../server/src/sources/known-entities-repository";
import { loadLexicon } from "../server/src/sources/load-lexicon";
import type { KnownEntity } from "../server/src/sources/proposal";
import { withStoredTypes } from "../server/src/sources/with-stored-types";
import { VocabularyRepository } from "../server/src/vocabulary/vocabulary-repository";
import { CliError, runCli } from "./neo4j/cli-error";
import { projectRoot } from "./project-root";

// npm run extract -- FILE [--published YYYY-MM-DD] [--lang fr|en] [--source NAME] [--title T] --out DRAFT.json
const USAGE =
  "npm run extract -- FILE [--published YYYY-MM-DD] [--lang fr|en] [--source NAME] [--title TITLE] --out DRAFT.json";

/** The graph's entities when Neo4j answers within a few seconds, else none (and says so). */
async function knownEntities(): Promise<{
  known: KnownEntity[];
  sources: KnownSource[];
  types: RelationshipType[];
  from: string;
}> {
  loadEnvFile(projectRoot);
  const config = loadAppConfig();
  const driver = createDriver(config.neo4j);
  try {
    await Promise.race([
      driver.verifyConnectivity(),
      new Promise((_resolve, reject) => setTimeout(() => reject(new Error("no answer in 5 s")), 5000).unref()),
    ]);
    const database = new Neo4jDatabase(driver, { database: config.neo4j.database, queryTimeoutMs: 10_000 });
    const repository = new KnownEntitiesRepository(database);
    const [known, sources, types] = await Promise.all([
      repository.list(),
      repository.sources(),
      new VocabularyRepository(database).withTriggers(),
    ]);
    return {
      known,
      sources,
      types,
      from: `${known.length} entities, ${sources.length} sources and ${types.length} relationship types with trigger phrases of their own, of the graph at ${config.neo4j.uri}`,
    };
  } catch (error) {
    const reason = (error as { code?: string; message?: string }).code ?? (error as Error).message;
    return {
      known: [],
      sources: [],
      types: [],
      from: `no graph (Neo4j at ${config.neo4j.uri} not reachable: ${reason}); working from the file alone`,
    };
  } finally {
    await driver.close().catch(() => undefined);
  }
}

await runCli("extract", async () => {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: {
      published: { type: "string" },
      lang: { type: "string" },
      source: { type: "string" },
      title: { type: "string" },
      out: { type: "string" },
    },
  });
  const file = positionals[0];
  if (!file || !values.out) throw new CliError(`name the article and the draft: ${USAGE}`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(resolve(file));
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  const parsed = extractRequestSchema.safeParse({
    text,
    ...(values.published ? { published: values.published } : {}),
    ...(values.lang ? { language: values.lang } : {}),
    ...(values.source ? { source: values.source } : {}),
    ...(values.title ? { title: values.title } : {}),
  });
  if (!parsed.success)
    throw new CliError(
      `${file}: ${parsed.error.issues.map((issue) => `${issue.path.join(".") || "text"}: ${issue.message}`).join("; ")}`,
    );
  const { known, sources, types, from } = await knownEntities();
  console.log(`Known entities: ${from}.`);
  const lexicon = withStoredTypes(loadLexicon(), types);
  const answer = extractDraft({ ...parsed.data, file: basename(file) }, known, lexicon, sources);
  claimsDraftSchema.parse(answer.draft);
  writeFileSync(resolve(values.out), `${JSON.stringify(answer.draft, null, 2)}\n`);
  const byCertainty = answer.draft.claims.reduce<Record<string, number>>((counts, claim) => {
    counts[claim.certainty] = (counts[claim.certainty] ?? 0) + 1;
    return counts;
  }, {});
  console.log(
    `${file}: language ${answer.language}${values.lang ? " (given)" : " (detected)"}; ${answer.draft.claims.length} claim(s) proposed (${
      Object.entries(byCertainty)
        .map(([c, n]) => `${n} ${c}`)
        .join(", ") || "none"
    }), ${answer.draft.entities.length} new entit(ies), ${answer.draft.sources.length} source(s).`,
  );
  for (const notice of answer.notices) console.log(`Note: ${notice}`);
  console.log(
    `Draft written to ${values.out}. Review it (English renderings, source grades, every claim), then: npm run ingest -- ${values.out}`,
  );
});
