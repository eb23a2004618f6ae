/**
 * A synthetic claims history for the timeline's benchmarks (npm run bench:timeline): entities,
 * outlets, one article per ten claims over three years, and claims on relationships drawn at random
 * (some denied, some ending, some with a quantity). Deterministic: two runs build the same history.
 * Every name in it is made up ("Entity 12", "Bench Outlet 3").
 */
import { lastDay } from "../../contract/partial-dates";
import { type SummarisedClaim, summarise } from "../../server/src/claims/claim-summary";
import type { Neo4jDatabase } from "../../server/src/neo4j/neo4j-database";

/** A deterministic generator, so two runs build the same history. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const DAY = 86_400_000;
const START = Date.parse("2022-01-01T00:00:00Z");
export const SPAN_DAYS = 3 * 365;
/** The history's day `offset` days after its first (2022-01-01). */
export const day = (offset: number) => new Date(START + offset * DAY).toISOString().slice(0, 10);
const TYPES = ["ORDERED", "SOURCES_FROM", "MAKES", "DEVELOPS", "RESTRICTS", "CO_DEVELOPS"];
const CERTAINTIES = ["speculative", "reported", "confirmed"];

export interface SyntheticHistory {
  entities: { id: string; name: string }[];
  sources: { id: string; name: string; aliases: string[] }[];
  articles: { id: string; title: string; sourceId: string; publishedAt: string }[];
  relationships: { id: string; subject: string; object: string; type: string }[];
  claims: Record<string, unknown>[];
}

export function syntheticHistory(claimCount: number): SyntheticHistory {
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
  const articleCount = Math.ceil(claimCount / 10);
  const articles = Array.from({ length: articleCount }, (_, index) => ({
    id: `bench-article-${index}`,
    title: `Bench article ${index} (synthetic)`,
    sourceId: pick(sources).id,
    publishedAt: day(Math.floor((index / articleCount) * SPAN_DAYS)),
  }));
  const relationships = Array.from({ length: Math.ceil(claimCount / 2.5) }, () => {
    const subject = pick(entities).id;
    const picked = pick(entities).id;
    const object = picked === subject ? `${picked}-other` : picked;
    const type = pick(TYPES);
    return { subject, object, type, id: `${subject}-${type.toLowerCase().replace(/_/g, "-")}-${object}` };
  });
  // An entity picked as both ends relates to a node of its own ("Entity 12 (other)").
  const named = new Set(entities.map((entity) => entity.id));
  for (const { object } of relationships) {
    if (named.has(object)) continue;
    named.add(object);
    entities.push({ id: object, name: `Entity ${object.replace("bench-entity-", "").replace("-other", " (other)")}` });
  }
  const claims = Array.from({ length: claimCount }, (_, index) => {
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
  return { entities, sources, articles, relationships, claims };
}

/**
 * Writes the history's entities, outlets, articles and claims, and each relationship between its
 * ends with the summary of its claims (as an ingest stores it), so the canvas draws it and the
 * as-of reads find it.
 */
export async function writeHistory(database: Neo4jDatabase, data: SyntheticHistory): Promise<void> {
  const rows = (list: readonly unknown[]) => ({ rows: list });
  const claimsOf = new Map<string, SummarisedClaim[]>();
  for (const claim of data.claims) {
    const id = String(claim.relationshipId);
    const list = claimsOf.get(id) ?? [];
    list.push({
      ...(claim as unknown as SummarisedClaim),
      quoteEn: null,
      republishes: null,
      quantities: JSON.parse(String(claim.quantities)) as Record<string, number>,
    });
    claimsOf.set(id, list);
  }
  const byType = new Map<string, { id: string; subject: string; object: string; props: Record<string, unknown> }[]>();
  for (const relationship of data.relationships) {
    const summary = summarise(claimsOf.get(relationship.id) ?? [], data.sources);
    if (summary === null) continue;
    const list = byType.get(relationship.type) ?? [];
    list.push({ ...relationship, props: { id: relationship.id, ...summary.summary, ...summary.quantities } });
    byType.set(relationship.type, list);
  }
  await database.write(async (tx) => {
    await tx.run(
      "UNWIND $rows AS row MERGE (n:Entity:Company {id: row.id}) SET n.name = row.name",
      rows(data.entities),
    );
    await tx.run(
      "UNWIND $rows AS row MERGE (s:Source:Entity {id: row.id}) SET s.name = row.name, s.grade = 'B'",
      rows(data.sources),
    );
    await tx.run("UNWIND $rows AS row MERGE (a:Article {id: row.id}) SET a += row", rows(data.articles));
    await tx.run("UNWIND $rows AS row MERGE (c:Claim {id: row.id}) SET c += row", rows(data.claims));
    // One query per type: a relationship type cannot be a parameter (these are the history's own six).
    for (const [type, list] of byType) {
      if (!TYPES.includes(type)) throw new Error(`not a history type: ${type}`);
      await tx.run(
        `UNWIND $rows AS row
         MATCH (a:Entity {id: row.subject}), (b:Entity {id: row.object})
         MERGE (a)-[r:${type} {id: row.id}]->(b)
         SET r += row.props`,
        rows(list),
      );
    }
  });
}
