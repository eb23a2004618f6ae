import type { Node, Relationship } from "neo4j-driver";
import type {
  Claim,
  ClaimArticle,
  ClaimSource,
  RelationshipClaims,
  RelationshipOrigins,
} from "../../../contract/graph-contract";
import { notFound } from "../errors/app-error";
import type { Neo4jDatabase } from "../neo4j/neo4j-database";
import { assignNodeIds, relationshipToElement } from "../neo4j/records-to-graph";
import { toPlainProperties } from "../neo4j/to-plain-value";
import { type NamedSource, namedSourcesOf, SOURCE_NAMES_QUERY } from "./attribution";
import { contestsOf, inReportOrder, summarise } from "./claim-summary";
import { RELATIONSHIP_CLAIMS_QUERY } from "./claims-queries";
import { independentOrigins } from "./independent-origins";
import { storedClaimOf } from "./stored-claim";

type Props = Record<string, unknown>;
const text = (props: Props | null, key: string) => (typeof props?.[key] === "string" ? (props[key] as string) : null);

function sourceOf(claim: Props, source: Props | null): ClaimSource {
  return {
    id: String(claim.sourceId),
    name: text(source, "name") ?? String(claim.sourceId),
    grade: (text(source, "grade") ?? "F") as ClaimSource["grade"],
    url: text(claim, "url") ?? text(source, "url"),
    author: text(claim, "author") ?? text(source, "author"),
    publishedAt: text(source, "publishedAt"),
  };
}

const offset = (value: unknown) => (typeof value === "number" && Number.isInteger(value) ? value : null);

function articleOf(article: Props | null): ClaimArticle | null {
  if (article === null) return null;
  return {
    id: String(article.id),
    title: String(article.title),
    url: text(article, "url"),
    publishedAt: text(article, "publishedAt"),
  };
}

/** The claims behind a relationship, for the details panel. */
export class ClaimsRepository {
  constructor(private readonly database: Neo4jDatabase) {}

  async relationshipClaims(id: string, signal?: AbortSignal): Promise<RelationshipClaims> {
    const { records } = await this.database.read(RELATIONSHIP_CLAIMS_QUERY, { id }, signal);
    const record = records[0];
    if (!record) throw notFound(`No relationship has the id "${id}".`);
    const start: Node = record.get("a");
    const end: Node = record.get("b");
    const relationship: Relationship = record.get("r");
    const rows = (record.get("claims") as { claim: Props; source: Props | null; article: Props | null }[]).map(
      (row) => ({
        claim: toPlainProperties(row.claim) as Props,
        source: row.source === null ? null : (toPlainProperties(row.source) as Props),
        article: row.article === null ? null : (toPlainProperties(row.article) as Props),
      }),
    );
    const stored = rows.map((row) => ({ ...storedClaimOf(row.claim), row }));
    const sources = namedSourcesOf((await this.database.read(SOURCE_NAMES_QUERY, {}, signal)).records);
    const summarised = summarise(stored, sources);
    if (summarised === null) throw notFound(`The relationship "${id}" comes from no claim.`);
    const ids = assignNodeIds([start, end]);
    const claims = inReportOrder(stored).map(
      ({ row, quantities }): Claim => ({
        id: String(row.claim.id),
        // The relationship's own id, whichever of its ids the request named.
        relationshipId: String(row.claim.relationshipId),
        stance: row.claim.stance as Claim["stance"],
        certainty: row.claim.certainty as Claim["certainty"],
        quote: String(row.claim.quote),
        quoteLang: String(row.claim.quoteLang),
        quoteEn: text(row.claim, "quoteEn"),
        quantities,
        reportedAt: String(row.claim.reportedAt),
        validFrom: text(row.claim, "validFrom"),
        validTo: text(row.claim, "validTo"),
        source: sourceOf(row.claim, row.source),
        republishes: text(row.claim, "republishes"),
        note: text(row.claim, "note"),
        article: articleOf(row.article),
        start: offset(row.claim.start),
        end: offset(row.claim.end),
        enteredBy: text(row.claim, "enteredBy"),
        enteredAt: text(row.claim, "enteredAt"),
      }),
    );
    return {
      relationship: relationshipToElement(
        relationship,
        ids.get(start.elementId) as string,
        ids.get(end.elementId) as string,
      ),
      summary: summarised.summary,
      claims,
      contests: contestsOf(stored),
      origins: this.origins(stored, sources),
    };
  }

  /** Outlets and independent origins of the asserting claims that vouch for the relationship. */
  private origins(
    stored: readonly ReturnType<typeof storedClaimOf>[],
    sources: readonly NamedSource[],
  ): RelationshipOrigins {
    const asserting = stored.filter((claim) => claim.stance === "asserts");
    const stated = asserting.filter((claim) => claim.certainty !== "speculative");
    const vouching = stated.length > 0 ? stated : asserting;
    const summary = independentOrigins(vouching, sources);
    return { ...summary, outlets: new Set(asserting.map((claim) => claim.sourceId)).size };
  }
}
