import { firstDay, today as todayOf } from "../../../contract/partial-dates";
import type { ChangeList, ChangesQuery, Timeline, TimelineArticle } from "../../../contract/timeline-endpoints";
import { changesQuerySchema } from "../../../contract/timeline-endpoints";
import { type NamedSource, namedSourcesOf } from "../claims/attribution";
import { AppError, notFound } from "../errors/app-error";
import type { Neo4jDatabase } from "../neo4j/neo4j-database";
import { toPlainProperties, toPlainValue } from "../neo4j/to-plain-value";
import { diffClaims, type HistoryClaim } from "./change-diff";
import {
  ARTICLE_DAY_QUERY,
  ENTITY_NAMES_QUERY,
  HISTORY_CLAIMS_QUERY,
  HISTORY_SOURCES_QUERY,
  TIMELINE_ARTICLES_QUERY,
} from "./timeline-queries";
import { resolveDays, timelineOf } from "./timeline-view";

/** Everything the changes are computed from: the claims, the sources, the names of the claims' entities. */
export interface History {
  claims: HistoryClaim[];
  sources: NamedSource[];
  names: Map<string, string>;
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

/** The timeline's reads; each in a READ transaction. */
export class TimelineRepository {
  constructor(private readonly database: Neo4jDatabase) {}

  /** Every claim of a relationship, as stored. */
  async claims(signal?: AbortSignal): Promise<HistoryClaim[]> {
    const { records } = await this.database.read(HISTORY_CLAIMS_QUERY, {}, signal);
    return records.map((record) =>
      historyClaimOf(toPlainProperties(record.get("claim") as Record<string, unknown>) as Record<string, unknown>),
    );
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
    const { records } = await this.database.read(ARTICLE_DAY_QUERY, { id }, signal);
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
    const history = await this.history(signal);
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
    const earliest = history.claims.reduce<string | null>(
      (first, claim) => (first === null || claim.knownFrom < first ? claim.knownFrom : first),
      null,
    );
    const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const from = request.from ?? fromArticle ?? (earliest === null ? today : dayBefore(earliest));
    const to = request.to ?? toArticle ?? today;
    const days = resolveDays(from, to, today);
    const changes = diffClaims(
      history.claims,
      { axis: request.axis, from: days.from, to: days.to, today },
      { names: history.names, sources: history.sources },
    );
    return { ...days, axis: request.axis, changes };
  }
}
