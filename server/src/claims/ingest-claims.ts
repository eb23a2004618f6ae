import { createHash } from "node:crypto";
import type { Driver, ManagedTransaction } from "neo4j-driver";
import type { ClaimEntry, ClaimsFile, EntityEntry, SourceEntry } from "../../../contract/claims-file";
import type { EntityMerge, IngestProblem, IngestReport } from "../../../contract/graph-contract";
import { toPlainProperties } from "../graph/to-plain-value";
import { summarise } from "./claim-summary";
import {
  CLAIMS_OF_RELATIONSHIPS_QUERY,
  END_INGEST_TURN_QUERY,
  GRAPH_NODES_QUERY,
  MERGE_CLAIMS_QUERY,
  MERGE_RELATIONSHIPS_QUERY,
  SET_SUMMARIES_QUERY,
  TAKE_INGEST_TURN_QUERY,
  UPSERT_ARTICLE_QUERY,
  UPSERT_NODES_QUERY,
} from "./claims-queries";
import { EntityResolver, type GraphNodeRecord } from "./entity-resolver";
import { foldName, slugOf } from "./fold-name";
import { firstDay, lastDay } from "./partial-dates";
import { storedClaimOf } from "./stored-claim";
import { validateClaimsFile } from "./validate-claims-file";

/** The steps of the write transaction, in order, for progress output. */
export type IngestStep = "resolved" | "nodes" | "article" | "relationships" | "claims" | "summaries";

export interface IngestOptions {
  /** Aborting rolls the transaction back at the next step. */
  signal?: AbortSignal;
  onProgress?: (step: IngestStep) => void;
  now?: Date;
}

type Count = { created: number; merged: number; unchanged: number };
const zero = (): Count => ({ created: 0, merged: 0, unchanged: 0 });

/** Thrown inside the transaction to roll it back with the problems found. */
class Rejected extends Error {
  constructor(readonly problems: IngestProblem[]) {
    super("claims file rejected");
  }
}

/** A node the file names, once resolved: an existing node to update, or one to create. */
interface Target {
  id: string;
  label: string;
  props: Record<string, unknown>;
  existing: GraphNodeRecord | null;
  entry: SourceEntry | EntityEntry;
}

const defined = (record: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));

/** JSON with sorted keys: two property maps are the same when these are equal. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, inner) =>
    inner !== null && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.keys(inner)
            .sort()
            .map((key) => [key, (inner as Record<string, unknown>)[key]]),
        )
      : inner,
  );

function unionAliases(existing: unknown, added: readonly string[], name: unknown): string[] {
  const aliases = Array.isArray(existing) ? existing.filter((alias): alias is string => typeof alias === "string") : [];
  const seen = new Set([...aliases, typeof name === "string" ? name : ""].map(foldName));
  for (const alias of added) {
    if (seen.has(foldName(alias))) continue;
    seen.add(foldName(alias));
    aliases.push(alias);
  }
  return aliases;
}

const sourceProps = (entry: SourceEntry) =>
  defined({
    name: entry.name,
    aliases: entry.aliases,
    description: entry.description,
    kind: entry.kind,
    grade: entry.grade,
    url: entry.url,
    author: entry.author,
    publishedAt: entry.publishedAt,
    ...entry.properties,
  });

const entityProps = (entry: EntityEntry) =>
  defined({ name: entry.name, aliases: entry.aliases, description: entry.description, ...entry.properties });

/** Existing node: the file's values win, its name and aliases join the node's aliases. */
function mergedProps(node: GraphNodeRecord, given: Record<string, unknown>): Record<string, unknown> {
  const { id: _id, ...props } = node.props;
  const added = [given.name as string, ...((given.aliases as string[] | undefined) ?? [])];
  return {
    ...props,
    ...given,
    name: props.name ?? given.name,
    aliases: unionAliases(props.aliases, added, props.name),
  };
}

const relationshipSlug = (type: string) => type.toLowerCase().replace(/_/g, "-");

/** Stable across re-ingests: the content of the claim and where it was read. */
function claimId(articleId: string, claim: ClaimEntry, from: string, to: string): string {
  const quantities = Object.entries(claim.quantities).sort(([a], [b]) => a.localeCompare(b));
  const content = [articleId, claim.source, from, claim.predicate, to, claim.stance, claim.certainty, claim.quote];
  const dates = [claim.reportedAt, claim.validFrom ?? null, claim.validTo ?? null];
  const digest = createHash("sha256")
    .update(JSON.stringify([...content, ...dates, quantities]))
    .digest("hex");
  return `claim-${digest.slice(0, 24)}`;
}

class Ingest {
  readonly problems: IngestProblem[] = [];
  readonly merges: EntityMerge[] = [];
  readonly counts = { entities: zero(), sources: zero(), articles: zero(), claims: zero(), relationships: zero() };

  constructor(
    private readonly file: ClaimsFile,
    private readonly tx: ManagedTransaction,
    private readonly options: IngestOptions,
  ) {}

  private step(done: IngestStep) {
    this.options.signal?.throwIfAborted();
    this.options.onProgress?.(done);
  }

  private target(
    resolver: EntityResolver,
    path: string,
    entry: SourceEntry | EntityEntry,
    label: string,
    props: Record<string, unknown>,
  ): Target | null {
    const found = resolver.resolve(path, [entry.name, ...entry.aliases], { id: entry.id, label });
    if (found.kind === "ambiguous") {
      this.problems.push(found.problem);
      return null;
    }
    if (found.kind === "existing") {
      if (found.merge) this.merges.push(found.merge);
      return { id: found.node.id, label, props: mergedProps(found.node, props), existing: found.node, entry };
    }
    const id = entry.id ?? slugOf(entry.name);
    if (id === "") {
      this.problems.push({ path: `${path}.name`, message: `no slug can be made of "${entry.name}": give an id` });
      return null;
    }
    const taken = resolver.withId(id)[0];
    if (taken) {
      const labels = taken.labels.filter((name) => name !== "Entity").join(":");
      this.problems.push({ path, message: `the id "${id}" is taken by a ${labels} node; give another id` });
      return null;
    }
    return { id, label, props, existing: null, entry };
  }

  private targets(resolver: EntityResolver): Target[] {
    const sources = this.file.sources.map((entry, index) =>
      this.target(resolver, `$.sources[${index}]`, entry, "Source", sourceProps(entry)),
    );
    const entities = this.file.entities.map((entry, index) =>
      this.target(resolver, `$.entities[${index}]`, entry, entry.label, entityProps(entry)),
    );
    const resolved = [...sources, ...entities].filter((target): target is Target => target !== null);
    const newIds = new Map<string, number>();
    for (const target of resolved.filter((candidate) => candidate.existing === null))
      newIds.set(target.id, (newIds.get(target.id) ?? 0) + 1);
    for (const [id, count] of newIds)
      if (count > 1)
        this.problems.push({ path: "$.entities", message: `${count} entries would create the node "${id}"` });
    return resolved;
  }

  /** A claim's subject or object: an entry of the file first, else a node of the graph. */
  private reference(resolver: EntityResolver, targets: readonly Target[], path: string, text: string) {
    const key = foldName(text);
    const inFile = new Map(
      targets
        .filter((target) =>
          [target.id, target.entry.name, ...target.entry.aliases, target.entry.id ?? ""].some(
            (name) => foldName(name) === key,
          ),
        )
        .map((target) => [target.id, target]),
    );
    if (inFile.size > 1) {
      this.problems.push({
        path,
        message: `"${text}" matches ${inFile.size} entries of the file: ${[...inFile.keys()].join(", ")}`,
      });
      return null;
    }
    const [own] = inFile.values();
    if (own) return own.id;
    const found = resolver.resolve(path, [text], {});
    if (found.kind === "ambiguous") this.problems.push(found.problem);
    if (found.kind === "none")
      this.problems.push({ path, message: `no entity, source or node is called "${text}": declare it in $.entities` });
    if (found.kind !== "existing") return null;
    if (found.merge && found.merge.reason !== "id") this.merges.push(found.merge);
    return found.node.id;
  }

  async run(): Promise<void> {
    await this.tx.run(TAKE_INGEST_TURN_QUERY);
    const { records } = await this.tx.run(GRAPH_NODES_QUERY);
    const nodes = records.map(
      (record): GraphNodeRecord => ({
        elementId: record.get("elementId"),
        labels: record.get("labels"),
        props: toPlainProperties(record.get("props")) as Record<string, unknown>,
        id: String(record.get("props").id),
      }),
    );
    const resolver = new EntityResolver(nodes);
    const targets = this.targets(resolver);
    const ends = this.file.claims.map((claim, index) => ({
      from: this.reference(resolver, targets, `$.claims[${index}].subject`, claim.subject),
      to: this.reference(resolver, targets, `$.claims[${index}].object`, claim.object),
    }));
    if (this.problems.length > 0) throw new Rejected(this.problems);
    this.step("resolved");

    const elementIds = new Map(nodes.map((node) => [node.id, node.elementId]));
    await this.writeNodes(targets, elementIds);
    this.step("nodes");
    await this.writeArticle();
    this.step("article");
    const relationships = await this.writeRelationships(ends as { from: string; to: string }[], elementIds);
    this.step("relationships");
    await this.writeClaims(ends as { from: string; to: string }[], relationships);
    this.step("claims");
    await this.writeSummaries(relationships);
    this.step("summaries");
    await this.tx.run(END_INGEST_TURN_QUERY);
  }

  private async writeNodes(targets: readonly Target[], elementIds: Map<string, string>) {
    const rows = targets.map((target) => ({ id: target.id, label: target.label, props: target.props }));
    const { records } = await this.tx.run(UPSERT_NODES_QUERY, { rows });
    for (const record of records) elementIds.set(record.get("id"), record.get("elementId"));
    for (const target of targets) {
      const count = target.label === "Source" ? this.counts.sources : this.counts.entities;
      if (target.existing === null) count.created++;
      else {
        const { id: _id, ...before } = target.existing.props;
        if (canonical(before) === canonical(target.props)) count.unchanged++;
        else count.merged++;
      }
    }
  }

  private async writeArticle() {
    const { id, source, ...rest } = this.file.article;
    const props = defined({ ...rest, sourceId: source });
    const record = (await this.tx.run(UPSERT_ARTICLE_QUERY, { id, props })).records[0];
    const before = record?.get("before");
    if (before === null) this.counts.articles.created++;
    else if (canonical(toPlainProperties(before)) === canonical(toPlainProperties(record?.get("after"))))
      this.counts.articles.unchanged++;
    else this.counts.articles.merged++;
  }

  /** Relationship id by `from|TYPE|to`, and its properties before this ingest (null: new). */
  private async writeRelationships(ends: readonly { from: string; to: string }[], elementIds: Map<string, string>) {
    const rows = new Map<
      string,
      { key: string; from: string; to: string; type: string; id: string; props: Record<string, unknown> }
    >();
    this.file.claims.forEach((claim, index) => {
      const { from, to } = ends[index] as { from: string; to: string };
      const key = `${from}|${claim.predicate}|${to}`;
      const row = rows.get(key) ?? {
        key,
        from: elementIds.get(from) as string,
        to: elementIds.get(to) as string,
        type: claim.predicate,
        id: `${from}-${relationshipSlug(claim.predicate)}-${to}`,
        props: {},
      };
      Object.assign(row.props, claim.properties);
      rows.set(key, row);
    });
    const { records } = await this.tx.run(MERGE_RELATIONSHIPS_QUERY, { rows: [...rows.values()] });
    return new Map(
      records.map((record) => [
        record.get("key") as string,
        {
          id: record.get("id") as string,
          elementId: record.get("elementId") as string,
          before: record.get("before") === null ? null : toPlainProperties(record.get("before")),
        },
      ]),
    );
  }

  private async writeClaims(ends: readonly { from: string; to: string }[], relationships: Map<string, { id: string }>) {
    const { article } = this.file;
    const claims = this.file.claims.map((claim, index) => {
      const { from, to } = ends[index] as { from: string; to: string };
      const relationship = relationships.get(`${from}|${claim.predicate}|${to}`) as { id: string };
      return defined({
        id: claimId(article.id, claim, from, to),
        relationshipId: relationship.id,
        subject: from,
        predicate: claim.predicate,
        object: to,
        stance: claim.stance,
        certainty: claim.certainty,
        quote: claim.quote,
        quoteLang: claim.quoteLang,
        quoteEn: claim.quoteEn,
        quantities: JSON.stringify(claim.quantities),
        reportedAt: claim.reportedAt,
        validFrom: claim.validFrom,
        validTo: claim.validTo,
        knownFrom: firstDay(claim.reportedAt),
        holdsFrom: claim.validFrom === undefined ? undefined : firstDay(claim.validFrom),
        holdsTo: claim.validTo === undefined ? undefined : lastDay(claim.validTo),
        sourceId: claim.source,
        republishes: claim.republishes,
        author: claim.author,
        url: claim.url,
        articleId: article.id,
        articleSourceId: article.source,
        position: index,
      });
    });
    const ids = claims.map((claim) => claim.id as string);
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index)
        this.problems.push({ path: `$.claims[${index}]`, message: `the same claim as $.claims[${ids.indexOf(id)}]` });
    });
    if (this.problems.length > 0) throw new Rejected(this.problems);
    const { records } = await this.tx.run(MERGE_CLAIMS_QUERY, { claims });
    for (const record of records) this.counts.claims[record.get("existed") ? "unchanged" : "created"]++;
  }

  private async writeSummaries(relationships: Map<string, { id: string; elementId: string; before: unknown }>) {
    const byId = new Map([...relationships.values()].map((relationship) => [relationship.id, relationship]));
    const { records } = await this.tx.run(CLAIMS_OF_RELATIONSHIPS_QUERY, { ids: [...byId.keys()] });
    const claimsOf = new Map<string, ReturnType<typeof storedClaimOf>[]>();
    for (const record of records) {
      const id = record.get("relationshipId") as string;
      claimsOf.set(id, [...(claimsOf.get(id) ?? []), storedClaimOf(toPlainProperties(record.get("claim")))]);
    }
    const rows = [...byId.values()].map((relationship) => {
      const summary = summarise(claimsOf.get(relationship.id) ?? []);
      if (summary === null)
        this.problems.push({
          path: "$.claims",
          message: `no claim asserts the relationship "${relationship.id}": only denials`,
        });
      return {
        elementId: relationship.elementId,
        props: { confirmedAt: null, ...summary?.summary, ...summary?.quantities },
      };
    });
    if (this.problems.length > 0) throw new Rejected(this.problems);
    const written = await this.tx.run(SET_SUMMARIES_QUERY, { rows });
    const beforeOf = new Map(
      [...relationships.values()].map((relationship) => [relationship.elementId, relationship.before]),
    );
    for (const record of written.records) {
      const before = beforeOf.get(record.get("elementId"));
      if (before === null) this.counts.relationships.created++;
      else if (canonical(before) === canonical(toPlainProperties(record.get("after"))))
        this.counts.relationships.unchanged++;
      else this.counts.relationships.merged++;
    }
  }
}

const emptyReport = (problems: IngestProblem[]): IngestReport => ({
  written: false,
  counts: { entities: zero(), sources: zero(), articles: zero(), claims: zero(), relationships: zero() },
  merges: [],
  problems,
});

/**
 * Validates a claims file (JSON text or parsed), then writes it in one write transaction: sources
 * and entities (resolved to existing nodes by id, name or alias), the Article, the relationships,
 * the Claim nodes, and each touched relationship's summary. A problem anywhere rolls it all back
 * and comes back in the report; re-ingesting the same file changes nothing.
 */
export async function ingestClaims(
  driver: Driver,
  database: string,
  input: unknown,
  options: IngestOptions = {},
): Promise<IngestReport> {
  const validation = validateClaimsFile(input, options.now);
  if (validation.file === null) return emptyReport(validation.problems);
  const file = validation.file;
  const session = driver.session({ database, defaultAccessMode: "WRITE" });
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        const ingest = await session.executeWrite(async (tx) => {
          const run = new Ingest(file, tx, options);
          await run.run();
          return run;
        });
        return { written: true, counts: ingest.counts, merges: ingest.merges, problems: [] };
      } catch (error) {
        if (error instanceof Rejected) return emptyReport(error.problems);
        // Another writer (a seed script, a database without the IngestLock constraint) created the
        // same node first: read the graph again and resolve against what it wrote.
        if (!isConstraintConflict(error) || attempt === CONFLICT_ATTEMPTS) throw error;
      }
    }
  } finally {
    await session.close();
  }
}

const CONFLICT_ATTEMPTS = 3;

function isConstraintConflict(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "Neo.ClientError.Schema.ConstraintValidationFailed";
}
