import { firstDay, today as todayOf } from "../../../contract/partial-dates";
import type { ChangeList, ChangesQuery, Timeline, TimelineArticle } from "../../../contract/timeline-endpoints";
import { changesQuerySchema } from "../../../contract/timeline-endpoints";
import { type NamedSource, namedSourcesOf } from "../claims/attribution";
import type { OriginsCache, OriginsSummary } from "../claims/independent-origins";
import { AppError, notFound } from "../errors/app-error";
import type { Neo4jDatabase } from "../neo4j/neo4j-database";
import { everyListSize, type PlannedStatement } from "../neo4j/plan-warmup";
import { toPlainValue } from "../neo4j/to-plain-value";
import { diffClaims, type HistoryClaim } from "./change-diff";
import { HistoryClaimCache } from "./history-claim-cache";
import { priorsAsked } from "./priors-asked";
import {
  ARTICLE_DAY_QUERY,
  ENTITY_NAMES_QUERY,
  ENTITY_PRIORS_QUERY,
  FIRST_KNOWN_QUERY,
  HELD_WINDOW_CLAIMS_QUERY,
  HISTORY_CLAIM_KEYS,
  HISTORY_CLAIMS_BY_ID_QUERY,
  HISTORY_CLAIMS_QUERY,
  HISTORY_SOURCES_QUERY,
  KNOWN_WINDOW_CLAIMS_QUERY,
  NAMES_OF_QUERY,
  TIMELINE_ARTICLES_QUERY,
} from "./timeline-queries";
import { resolveDays, timelineOf } from "./timeline-view";

/** Everything the changes are computed from: the claims, the sources, the names of the claims' entities. */
export interface History {
  claims: HistoryClaim[];
  sources: NamedSource[];
  names: Map<string, string>;
  /**
   * A window's (see TimelineRepository.window): entities named before it by claims the window left
   * out, with the names they gave; only for the entities whose new claims need it (priorsAsked).
   */
  seenBefore?: Map<string, string[]>;
}

const text = (props: Record<string, unknown>, key: string) =>
  typeof props[key] === "string" ? (props[key] as string) : null;

/** A `Claim` node's properties as the timeline reads them. */
export function historyClaimOf(props: Record<string, unknown>): HistoryClaim {
  let quantities: Record<string, number> = {};
  try {
    quantities = JSON.parse(text(props, "quantities") ?? "{}") as Record<string, number>;
  } catch {
    quantities = {};
  }
  const reportedAt = String(props.reportedAt);
  return {
    id: String(props.id),
    relationshipId: String(props.relationshipId),
    type: String(props.predicate ?? ""),
    subject: String(props.subject ?? ""),
    object: String(props.object ?? ""),
    stance: props.stance === "denies" ? "denies" : "asserts",
    certainty: props.certainty === "confirmed" || props.certainty === "speculative" ? props.certainty : "reported",
    quote: String(props.quote ?? ""),
    quoteLang: String(props.quoteLang ?? ""),
    quoteEn: text(props, "quoteEn"),
    quantities,
    reportedAt,
    validFrom: text(props, "validFrom"),
    validTo: text(props, "validTo"),
    knownFrom: text(props, "knownFrom") ?? reportedAt,
    holdsFrom: text(props, "holdsFrom"),
    holdsTo: text(props, "holdsTo"),
    sourceId: String(props.sourceId ?? ""),
    republishes: text(props, "republishes"),
    articleId: text(props, "articleId"),
    position: Number(props.position ?? 0),
    ingestedAt: text(props, "ingestedAt") ?? text(props, "enteredAt"),
    subjectAs: text(props, "subjectAs"),
    objectAs: text(props, "objectAs"),
  };
}

/** Quote prints kept: about 20 MB at most (a few hundred shingles each). */
const PRINTS_KEPT = 50_000;

/** A claim row of the timeline's queries (HISTORY_CLAIM_KEYS' values in order) as a claim. */
export function historyClaimOfRow(row: readonly unknown[]): HistoryClaim {
  const props: Record<string, unknown> = {};
  HISTORY_CLAIM_KEYS.forEach((key, index) => {
    const value = row[index];
    if (value !== null && value !== undefined) props[key] = toPlainValue(value);
  });
  return historyClaimOf(props);
}

const claimsOfRecords = (records: readonly { get(key: string): unknown }[]) =>
  records.map((record) => historyClaimOfRow(record.get("claim") as unknown[]));

/** The timeline's reads; each in a READ transaction. */
export class TimelineRepository {
  /** Quote prints by claim id, across change lists (see DiffContext.prints); emptied past PRINTS_KEPT. */
  private readonly prints: OriginsCache["prints"] = new Map();
  /** The outlet each claim credits (DiffContext.credited), for the sources of `creditedFor`; emptied with the prints. */
  private readonly credited: OriginsCache["credited"] = new Map();
  /** Independent origins by claim ids (DiffContext.origins), for the same sources as `credited`. */
  private readonly origins = new Map<string, OriginsSummary>();
  private creditedFor = "";
  /** The claims change lists have read, by id: a list reads whole only the ones it has not. */
  private readonly claimCache = new HistoryClaimCache();

  constructor(private readonly database: Neo4jDatabase) {}

  /** Every claim of a relationship, as stored. */
  async claims(signal?: AbortSignal): Promise<HistoryClaim[]> {
    const { records } = await this.database.read(HISTORY_CLAIMS_QUERY, {}, signal);
    return claimsOfRecords(records);
  }

  /** The claims, every source's names, and the names of the claims' ends: three reads side by side. */
  async history(signal?: AbortSignal): Promise<History> {
    const [claims, sourceRows, nameRows] = await Promise.all([
      this.claims(signal),
      this.database.read(HISTORY_SOURCES_QUERY, {}, signal),
      this.database.read(ENTITY_NAMES_QUERY, {}, signal),
    ]);
    const sources = namedSourcesOf(sourceRows.records);
    const names = new Map(nameRows.records.map((record) => [record.get("id") as string, String(record.get("name"))]));
    for (const source of sources) if (!names.has(source.id)) names.set(source.id, source.name);
    return { claims, sources, names };
  }

  /**
   * What a change list between two days needs (from <= to): the claims of the relationships that
   * may have changed between them (KNOWN_WINDOW_CLAIMS_QUERY, HELD_WINDOW_CLAIMS_QUERY), every
   * source, the names of those claims' ends, and on the known axis whether the entities of claims
   * first known in the window were named before it (ENTITY_PRIORS_QUERY; only for the entities the
   * window's own earlier claims do not settle, see priorsAsked). Diffing these gives the
   * changes of the whole history while reading a fraction of it on narrow windows. Each read is one
   * auto-commit query (readOnce: one round trip, not two).
   */
  async window(axis: "known" | "held", from: string, to: string, signal?: AbortSignal): Promise<History> {
    const query = axis === "known" ? KNOWN_WINDOW_CLAIMS_QUERY : HELD_WINDOW_CLAIMS_QUERY;
    const [idRows, sourceRows] = await Promise.all([
      this.database.readOnce(query, { from, to }, signal),
      this.database.readOnce(HISTORY_SOURCES_QUERY, {}, signal),
    ]);
    const claimIds = (idRows.records[0]?.get("ids") as string[] | undefined) ?? [];
    const missing = this.claimCache.missing(claimIds);
    if (missing.length > 0) {
      const { records } = await this.database.readOnce(HISTORY_CLAIMS_BY_ID_QUERY, { ids: missing }, signal);
      this.claimCache.add(claimsOfRecords(records));
    }
    const claims = this.claimCache.get(claimIds);
    const ids = [...new Set(claims.flatMap((claim) => [claim.subject, claim.object]))];
    const asked = axis === "known" ? priorsAsked(claims, from, to) : [];
    const [nameRows, priorRows] = await Promise.all([
      ids.length === 0
        ? undefined
        : this.database.readOnce(NAMES_OF_QUERY, { ids }, signal).then((result) => result.records[0]),
      asked.length === 0
        ? []
        : this.database.readOnce(ENTITY_PRIORS_QUERY, { ids: asked, from }, signal).then((result) => result.records),
    ]);
    const sources = namedSourcesOf(sourceRows.records);
    const names = new Map<string, string>();
    if (nameRows !== undefined) {
      const nameOf = nameRows.get("names") as unknown[];
      for (const [index, id] of (nameRows.get("ids") as string[]).entries()) names.set(id, String(nameOf[index]));
    }
    for (const source of sources) if (!names.has(source.id)) names.set(source.id, source.name);
    const seenBefore = new Map(
      priorRows.map((record) => [
        record.get("id") as string,
        (record.get("names") as unknown[]).filter((name): name is string => typeof name === "string"),
      ]),
    );
    return { claims, sources, names, seenBefore };
  }

  /**
   * The change list's reads, to plan before the server reports ready (PlanWarmup), with parameters
   * of the types a request sends; on a day long past, so each reads next to nothing.
   */
  async plannedStatements(): Promise<PlannedStatement[]> {
    const day = "0001-01-01";
    return [
      { name: "changes known", query: KNOWN_WINDOW_CLAIMS_QUERY, params: { from: day, to: day } },
      { name: "changes held", query: HELD_WINDOW_CLAIMS_QUERY, params: { from: day, to: day } },
      // Each takes as many ids as the window holds: every list size is planned.
      ...everyListSize({ name: "changes claims by id", query: HISTORY_CLAIMS_BY_ID_QUERY, params: {} }, "ids"),
      ...everyListSize({ name: "changes names", query: NAMES_OF_QUERY, params: {} }, "ids"),
      ...everyListSize({ name: "changes priors", query: ENTITY_PRIORS_QUERY, params: { from: day } }, "ids"),
      { name: "changes first day", query: FIRST_KNOWN_QUERY, params: {} },
      { name: "changes article day", query: ARTICLE_DAY_QUERY, params: { id: "" } },
    ];
  }

  /** The day the first claim was reported; null when no claim has a date. */
  async firstKnown(signal?: AbortSignal): Promise<string | null> {
    const { records } = await this.database.readOnce(FIRST_KNOWN_QUERY, {}, signal);
    return (records[0]?.get("first") as string | null | undefined) ?? null;
  }

  async articles(signal?: AbortSignal): Promise<TimelineArticle[]> {
    const { records } = await this.database.read(TIMELINE_ARTICLES_QUERY, {}, signal);
    return records.map((record) => {
      const outletId = record.get("outletId") as string | null;
      return {
        id: record.get("id") as string,
        title: String(record.get("title")),
        outlet: outletId === null ? null : { id: outletId, name: String(record.get("outletName") ?? outletId) },
        language: (record.get("language") as string | null) ?? null,
        publishedAt: (record.get("publishedAt") as string | null) ?? null,
        claimCount: Number(toPlainValue(record.get("claimCount"))),
      };
    });
  }

  async timeline(signal?: AbortSignal): Promise<Timeline> {
    const [articles, claims] = await Promise.all([this.articles(signal), this.claims(signal)]);
    return timelineOf(articles, claims);
  }

  /** An article's publication date; undefined when there is no such article, null when it has none. */
  async articleDate(id: string, signal?: AbortSignal): Promise<string | null | undefined> {
    const { records } = await this.database.readOnce(ARTICLE_DAY_QUERY, { id }, signal);
    const record = records[0];
    if (record === undefined) return undefined;
    return (record.get("publishedAt") as string | null) ?? null;
  }

  /**
   * What changed between two days (or the publication days of two articles) on an axis: D2 defaults
   * to today, D1 to the day before the first claim was reported (so everything is new).
   */
  async changes(query: ChangesQuery, signal?: AbortSignal, now = new Date()): Promise<ChangeList> {
    const request = changesQuerySchema.parse(query);
    const today = todayOf(now);
    const dayOfArticle = async (id: string | undefined, which: string) => {
      if (id === undefined) return undefined;
      const date = await this.articleDate(id, signal);
      if (date === undefined) throw notFound(`No article has the id "${id}" (${which}).`);
      if (date === null)
        throw new AppError("VALIDATION", 400, `The article "${id}" (${which}) has no publication date.`);
      return firstDay(date);
    };
    const fromArticle = await dayOfArticle(request.fromArticle, "fromArticle");
    const toArticle = await dayOfArticle(request.toArticle, "toArticle");
    const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    let from = request.from ?? fromArticle;
    if (from === undefined) {
      const earliest = await this.firstKnown(signal);
      from = earliest === null ? today : dayBefore(earliest);
    }
    const to = request.to ?? toArticle ?? today;
    const days = resolveDays(from, to, today);
    const history = await this.window(request.axis, days.from, days.to, signal);
    // What a claim credits depends on every source's names: kept while they stay the same.
    const sourcesRead = JSON.stringify(history.sources);
    if (sourcesRead !== this.creditedFor) {
      this.credited.clear();
      this.origins.clear();
      this.creditedFor = sourcesRead;
    }
    const changes = diffClaims(
      history.claims,
      { axis: request.axis, from: days.from, to: days.to, today },
      {
        names: history.names,
        sources: history.sources,
        seenBefore: history.seenBefore,
        prints: this.prints,
        credited: this.credited,
        origins: this.origins,
      },
    );
    if (this.prints.size > PRINTS_KEPT) this.prints.clear();
    if (this.credited.size > PRINTS_KEPT) this.credited.clear();
    if (this.origins.size > PRINTS_KEPT) this.origins.clear();
    return { ...days, axis: request.axis, changes };
  }
}
