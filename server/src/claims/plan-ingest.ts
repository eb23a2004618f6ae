import { createHash } from "node:crypto";
import type { ClaimEntry, ClaimsFile, EntityEntry, SourceEntry } from "../../../contract/claims-file";
import type { EntityMerge, IngestProblem } from "../../../contract/graph-contract";
import { firstDay, lastDay } from "../../../contract/partial-dates";
import { EntityResolver, type GraphNodeRecord } from "./entity-resolver";
import { foldName, slugOf } from "./fold-name";
import { locateQuotes, type QuoteSpan } from "./locate-quotes";

/**
 * What ingesting a claims file will do to a graph, decided without a database: which nodes the
 * file's sources and entities resolve to (and why), the properties each ends with, the
 * relationships to merge and the claims to add. `writeIngestPlan` applies it in one transaction.
 */
export interface IngestPlan {
  nodes: NodeWrite[];
  merges: EntityMerge[];
  article: { id: string; props: Record<string, unknown> };
  relationships: RelationshipWrite[];
  claims: ClaimWrite[];
  /** Written anyway, said in the report: quotes not found in the article's text. */
  notices: IngestProblem[];
}

export type Outcome = "created" | "merged" | "unchanged";

export interface NodeWrite {
  id: string;
  label: string;
  /** The node's properties after the write (its own, the file's, the aliases of both). */
  props: Record<string, unknown>;
  kind: "sources" | "entities";
  outcome: Outcome;
}

/** One relationship per (subject, predicate, object), however many claims assert it. */
export interface RelationshipWrite {
  key: string;
  from: string;
  to: string;
  type: string;
  /** Its id when it is new (an existing one keeps its own). */
  id: string;
  props: Record<string, unknown>;
}

export interface ClaimWrite {
  /** The relationship it is about, by RelationshipWrite.key: its id is known once written. */
  relationshipKey: string;
  props: Record<string, unknown>;
}

export type PlanResult = { plan: IngestPlan; problems: [] } | { plan: null; problems: IngestProblem[] };

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
export const canonical = (value: unknown): string =>
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
export function claimId(articleId: string, claim: ClaimEntry, from: string, to: string): string {
  const quantities = Object.entries(claim.quantities).sort(([a], [b]) => a.localeCompare(b));
  const content = [articleId, claim.source, from, claim.predicate, to, claim.stance, claim.certainty, claim.quote];
  const dates = [claim.reportedAt, claim.validFrom ?? null, claim.validTo ?? null];
  const digest = createHash("sha256")
    .update(JSON.stringify([...content, ...dates, quantities]))
    .digest("hex");
  return `claim-${digest.slice(0, 24)}`;
}

function outcomeOf(target: Target): Outcome {
  if (target.existing === null) return "created";
  const { id: _id, ...before } = target.existing.props;
  return canonical(before) === canonical(target.props) ? "unchanged" : "merged";
}

class Planner {
  readonly problems: IngestProblem[] = [];
  readonly merges: EntityMerge[] = [];
  private readonly resolver: EntityResolver;
  /** When the plan was made: new claims' `ingestedAt`. */
  private readonly now = new Date().toISOString();

  constructor(
    private readonly file: ClaimsFile,
    graphNodes: readonly GraphNodeRecord[],
  ) {
    this.resolver = new EntityResolver(graphNodes);
  }

  private target(path: string, entry: SourceEntry | EntityEntry, label: string, props: Record<string, unknown>) {
    const found = this.resolver.resolve(path, [entry.name, ...entry.aliases], { id: entry.id, label });
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
    const taken = this.resolver.withId(id)[0];
    if (taken) {
      const labels = taken.labels.filter((name) => name !== "Entity").join(":");
      this.problems.push({ path, message: `the id "${id}" is taken by a ${labels} node; give another id` });
      return null;
    }
    return { id, label, props, existing: null, entry };
  }

  targets(): Target[] {
    const sources = this.file.sources.map((entry, index) =>
      this.target(`$.sources[${index}]`, entry, "Source", sourceProps(entry)),
    );
    const entities = this.file.entities.map((entry, index) =>
      this.target(`$.entities[${index}]`, entry, entry.label, entityProps(entry)),
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
  reference(targets: readonly Target[], path: string, text: string): string | null {
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
    const found = this.resolver.resolve(path, [text], {});
    if (found.kind === "ambiguous") this.problems.push(found.problem);
    if (found.kind === "none")
      this.problems.push({ path, message: `no entity, source or node is called "${text}": declare it in $.entities` });
    if (found.kind !== "existing") return null;
    if (found.merge && found.merge.reason !== "id") this.merges.push(found.merge);
    return found.node.id;
  }

  relationships(ends: readonly { from: string; to: string }[]): RelationshipWrite[] {
    const rows = new Map<string, RelationshipWrite>();
    this.file.claims.forEach((claim, index) => {
      const { from, to } = ends[index] as { from: string; to: string };
      const key = `${from}|${claim.predicate}|${to}`;
      const row = rows.get(key) ?? {
        key,
        from,
        to,
        type: claim.predicate,
        id: `${from}-${relationshipSlug(claim.predicate)}-${to}`,
        props: {},
      };
      Object.assign(row.props, claim.properties);
      rows.set(key, row);
    });
    return [...rows.values()];
  }

  claims(ends: readonly { from: string; to: string }[], spans: readonly (QuoteSpan | null)[]): ClaimWrite[] {
    const { article } = this.file;
    const claims = this.file.claims.map((claim, index) => {
      const { from, to } = ends[index] as { from: string; to: string };
      return {
        relationshipKey: `${from}|${claim.predicate}|${to}`,
        props: defined({
          id: claimId(article.id, claim, from, to),
          subject: from,
          predicate: claim.predicate,
          object: to,
          // The names the file gave: a name merged into an existing entity is a change of the story (issue #20).
          subjectAs: claim.subject,
          objectAs: claim.object,
          // Set on new claims only (the write's ON CREATE): watches compare what was stored before an analyst looked.
          ingestedAt: this.now,
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
          note: claim.note,
          author: claim.author,
          url: claim.url,
          articleId: article.id,
          articleSourceId: article.source,
          position: index,
          start: spans[index]?.start,
          end: spans[index]?.end,
        }),
      };
    });
    const ids = claims.map((claim) => claim.props.id as string);
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index)
        this.problems.push({ path: `$.claims[${index}]`, message: `the same claim as $.claims[${ids.indexOf(id)}]` });
    });
    return claims;
  }
}

/**
 * Where each claim's quote is in the article's text: the file's text, else the text stored by an
 * earlier ingest of the same article (`storedText`); no text, no offsets and no notices.
 */
function locateClaims(file: ClaimsFile, storedText: string | null) {
  const text = file.article.text ?? storedText;
  if (text === null || text === undefined) return { spans: file.claims.map(() => null), notices: [] };
  const spans = locateQuotes(
    text,
    file.claims.map((claim) => claim.quote),
  );
  const notices = spans.flatMap((span, index) =>
    span === null
      ? [
          {
            path: `$.claims[${index}].quote`,
            message: "not found in the article's text: the claim is stored without its place in the text",
          },
        ]
      : [],
  );
  return { spans, notices };
}

/**
 * Plans the ingest of a valid claims file into a graph holding `graphNodes`; every problem at once.
 * `storedText` is the text the article already has in the graph, if any.
 */
export function planIngest(
  file: ClaimsFile,
  graphNodes: readonly GraphNodeRecord[],
  storedText: string | null = null,
): PlanResult {
  const planner = new Planner(file, graphNodes);
  const targets = planner.targets();
  const ends = file.claims.map((claim, index) => ({
    from: planner.reference(targets, `$.claims[${index}].subject`, claim.subject),
    to: planner.reference(targets, `$.claims[${index}].object`, claim.object),
  }));
  if (planner.problems.length > 0) return { plan: null, problems: planner.problems };
  const resolvedEnds = ends as { from: string; to: string }[];
  const located = locateClaims(file, storedText);
  const claims = planner.claims(resolvedEnds, located.spans);
  if (planner.problems.length > 0) return { plan: null, problems: planner.problems };
  const { id, source, ...rest } = file.article;
  return {
    plan: {
      nodes: targets.map((target) => ({
        id: target.id,
        label: target.label,
        props: target.props,
        kind: target.label === "Source" ? "sources" : "entities",
        outcome: outcomeOf(target),
      })),
      merges: planner.merges,
      article: { id, props: defined({ ...rest, sourceId: source }) },
      relationships: planner.relationships(resolvedEnds),
      claims,
      notices: located.notices,
    },
    problems: [],
  };
}
