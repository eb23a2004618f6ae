/**
 * npm run bench:timeline: the change list between two dates on a 5,000-claim synthetic history
 * (issue #20's target: under 300 ms server-side). Builds the history in a private Neo4j on port
 * 7697 (home `.neo4j/private-timeline-bench/`, never the development database), then times
 * GET /api/changes' work (TimelineRepository.changes: the reads and the diff) on random date pairs
 * on both axes, and the timeline. Prints p50/p99; a measurement, not a test.
 *
 *   npm run bench:timeline [-- --claims 5000 --runs 60]
 */
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { lastDay } from "../../contract/partial-dates";
import { createDriver } from "../../server/src/neo4j/create-driver";
import { Neo4jDatabase } from "../../server/src/neo4j/neo4j-database";
import { diffClaims } from "../../server/src/timeline/change-diff";
import { TimelineRepository } from "../../server/src/timeline/timeline-repository";
import { startPrivateNeo4j } from "../neo4j/private-neo4j";

const { values } = parseArgs({
  options: { claims: { type: "string", default: "5000" }, runs: { type: "string", default: "60" } },
});
const CLAIMS = Number(values.claims);
const RUNS = Number(values.runs);

/** A deterministic generator, so two runs build the same history. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const DAY = 86_400_000;
const START = Date.parse("2022-01-01T00:00:00Z");
const SPAN_DAYS = 3 * 365;
const day = (offset: number) => new Date(START + offset * DAY).toISOString().slice(0, 10);
const TYPES = ["ORDERED", "SOURCES_FROM", "MAKES", "DEVELOPS", "RESTRICTS", "CO_DEVELOPS"];
const CERTAINTIES = ["speculative", "reported", "confirmed"];

function history() {
  const next = random(20);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const entities = Array.from({ length: 600 }, (_, index) => ({
    id: `bench-entity-${index}`,
    name: `Entity ${index}`,
  }));
  const sources = Array.from({ length: 40 }, (_, index) => ({
    id: `bench-outlet-${index}`,
    name: `Bench Outlet ${index}`,
    aliases: [],
  }));
  const articles = Array.from({ length: Math.ceil(CLAIMS / 10) }, (_, index) => {
    const published = day(Math.floor((index / Math.ceil(CLAIMS / 10)) * SPAN_DAYS));
    return {
      id: `bench-article-${index}`,
      title: `Bench article ${index}`,
      sourceId: pick(sources).id,
      publishedAt: published,
    };
  });
  const relationships = Array.from({ length: Math.ceil(CLAIMS / 2.5) }, () => {
    const subject = pick(entities).id;
    const picked = pick(entities).id;
    const object = picked === subject ? `${picked}-other` : picked;
    const type = pick(TYPES);
    return { subject, object, type, id: `${subject}-${type.toLowerCase().replace(/_/g, "-")}-${object}` };
  });
  const claims = Array.from({ length: CLAIMS }, (_, index) => {
    const relationship = pick(relationships);
    const article = articles[Math.floor(index / 10)] as (typeof articles)[number];
    const ends = next() < 0.1;
    const validTo = ends ? day(Math.floor(next() * SPAN_DAYS)) : null;
    const quantity = next() < 0.2 ? { quantity: 1000 * (1 + Math.floor(next() * 5)) } : {};
    return {
      id: `bench-claim-${index}`,
      relationshipId: relationship.id,
      subject: relationship.subject,
      object: relationship.object,
      predicate: relationship.type,
      subjectAs: relationship.subject,
      objectAs: relationship.object,
      stance: next() < 0.05 ? "denies" : "asserts",
      certainty: pick(CERTAINTIES),
      quote: `Bench claim ${index}: ${relationship.subject} ${relationship.type} ${relationship.object}, outlet words ${Math.floor(next() * 1e6)}.`,
      quoteLang: "en",
      quantities: JSON.stringify(quantity),
      reportedAt: article.publishedAt,
      knownFrom: article.publishedAt,
      validTo,
      holdsTo: validTo === null ? null : lastDay(validTo),
      sourceId: article.sourceId,
      articleId: article.id,
      articleSourceId: article.sourceId,
      position: index % 10,
      ingestedAt: new Date(START + index * 1000).toISOString(),
    };
  });
  return { entities, sources, articles, claims };
}

function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function main() {
  console.log(`Starting a private Neo4j on 7697 and building a ${CLAIMS}-claim history...`);
  const server = await startPrivateNeo4j({ name: "timeline-bench", boltPort: 7697, seed: true });
  const driver = createDriver(server.connection);
  try {
    const database = new Neo4jDatabase(driver, { database: server.connection.database, queryTimeoutMs: 120_000 });
    const data = history();
    await database.write(async (tx) => {
      await tx.run("UNWIND $rows AS row MERGE (n:Entity:Company {id: row.id}) SET n.name = row.name", {
        rows: data.entities,
      });
      await tx.run("UNWIND $rows AS row MERGE (s:Source:Entity {id: row.id}) SET s.name = row.name, s.grade = 'B'", {
        rows: data.sources,
      });
      await tx.run("UNWIND $rows AS row MERGE (a:Article {id: row.id}) SET a += row", { rows: data.articles });
      await tx.run("UNWIND $rows AS row MERGE (c:Claim {id: row.id}) SET c += row", { rows: data.claims });
    });
    const repository = new TimelineRepository(database);
    const next = random(7);
    const timings: Record<string, number[]> = { known: [], held: [], timeline: [], reads: [], diff: [] };
    // Warm the plans and the page cache once.
    await repository.changes({ from: "2022-06-01", to: "2024-06-01" });
    let changeCount = 0;
    for (let run = 0; run < RUNS; run++) {
      for (const axis of ["known", "held"] as const) {
        const a = day(Math.floor(next() * SPAN_DAYS));
        const b = day(Math.floor(next() * SPAN_DAYS));
        const started = performance.now();
        const list = await repository.changes({ from: a, to: b, axis });
        timings[axis]?.push(performance.now() - started);
        changeCount += list.changes.length;
      }
    }
    // The two parts of a change list: the reads, and the diff in memory.
    const stored = await repository.history();
    for (let run = 0; run < Math.max(5, Math.floor(RUNS / 4)); run++) {
      let started = performance.now();
      await repository.history();
      timings.reads?.push(performance.now() - started);
      const [from, to] = [day(Math.floor(next() * SPAN_DAYS)), day(Math.floor(next() * SPAN_DAYS))].sort() as [
        string,
        string,
      ];
      started = performance.now();
      diffClaims(
        stored.claims,
        { axis: "known", from, to, today: day(SPAN_DAYS) },
        { names: stored.names, sources: stored.sources },
      );
      timings.diff?.push(performance.now() - started);
    }
    for (let run = 0; run < Math.max(5, Math.floor(RUNS / 4)); run++) {
      const started = performance.now();
      await repository.timeline();
      timings.timeline?.push(performance.now() - started);
    }
    console.log(`\n${CLAIMS} claims, ${data.articles.length} articles, ${data.entities.length} entities.`);
    console.log(`Mean changes per list: ${(changeCount / (RUNS * 2)).toFixed(0)}. Target: change list under 300 ms.`);
    console.log("| what | runs | p50 ms | p99 ms |");
    console.log("|---|---:|---:|---:|");
    for (const [name, samples] of Object.entries(timings)) {
      const label =
        {
          timeline: "GET /api/timeline",
          reads: "change list: the reads alone",
          diff: "change list: the diff alone (known axis)",
        }[name] ?? `GET /api/changes (${name} axis)`;
      console.log(
        `| ${label} | ${samples.length} | ${percentile(samples, 50).toFixed(0)} | ${percentile(samples, 99).toFixed(0)} |`,
      );
    }
  } finally {
    await driver.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
