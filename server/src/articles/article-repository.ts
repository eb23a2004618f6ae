import type { Record as Neo4jRecord } from "neo4j-driver";
import type { Article, ArticleHighlight, ArticleSummary } from "../../../contract/article-endpoints";
import { sourceGradeSchema } from "../../../contract/graph-contract";
import { notFound } from "../errors/app-error";
import type { Neo4jDatabase } from "../neo4j/neo4j-database";
import { relationshipCaption } from "../neo4j/relationship-caption";
import { toPlainProperties, toPlainValue } from "../neo4j/to-plain-value";
import { GET_ARTICLE_QUERY, LIST_ARTICLES_QUERY } from "./article-queries";

type Props = Record<string, unknown>;
const text = (value: unknown): string | null => (typeof value === "string" ? value : null);
const offset = (value: unknown): number | null =>
  typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : null;
const grade = (value: unknown) => {
  const parsed = sourceGradeSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
};

function summaryOf(record: Neo4jRecord, hasText: boolean, claimCount: number): ArticleSummary {
  const sourceId = String(record.get("sourceId") ?? "");
  return {
    id: String(record.get("id")),
    title: text(record.get("title")) ?? String(record.get("id")),
    outlet: { id: sourceId, name: text(record.get("sourceName")) ?? sourceId, grade: grade(record.get("sourceGrade")) },
    publishedAt: text(record.get("publishedAt")),
    language: text(record.get("language")) ?? "und",
    url: text(record.get("url")),
    claimCount,
    hasText,
  };
}

interface ClaimRow {
  claim: Props;
  sourceName: unknown;
  sourceGrade: unknown;
  relationshipElementId: unknown;
  type: unknown;
  contested: unknown;
  subject: unknown;
  object: unknown;
}

/** A claim of the article as a highlight; null when its relationship is gone (nothing to select). */
function highlightOf(row: ClaimRow, articleText: string | null): ArticleHighlight | null {
  const claim = row.claim;
  const elementId = text(row.relationshipElementId);
  const type = text(row.type);
  if (elementId === null || type === null) return null;
  let start = offset(claim.start);
  let end = offset(claim.end);
  // Offsets from another text than the one stored would mark the wrong words: none rather than wrong.
  if (articleText === null || start === null || end === null || end > articleText.length || start >= end)
    start = end = null;
  const sourceId = String(claim.sourceId);
  return {
    claimId: String(claim.id),
    relationshipId: elementId,
    relationshipKey: String(claim.relationshipId),
    subjectId: String(claim.subject),
    objectId: String(claim.object),
    subject: text(row.subject) ?? String(claim.subject),
    predicate: type,
    predicateCaption: relationshipCaption(type),
    object: text(row.object) ?? String(claim.object),
    certainty: claim.certainty as ArticleHighlight["certainty"],
    stance: claim.stance === "denies" ? "denies" : "asserts",
    contested: row.contested === true,
    source: { id: sourceId, name: text(row.sourceName) ?? sourceId, grade: grade(row.sourceGrade) },
    quote: String(claim.quote),
    quoteLang: text(claim.quoteLang) ?? "und",
    start,
    end,
  };
}

/** Reading order: by place in the text (claims not located last), then by place in the claims file. */
function inReadingOrder(rows: { highlight: ArticleHighlight; position: number }[]): ArticleHighlight[] {
  const place = (highlight: ArticleHighlight) => highlight.start ?? Number.MAX_SAFE_INTEGER;
  return rows
    .sort((a, b) => place(a.highlight) - place(b.highlight) || a.position - b.position)
    .map((row) => row.highlight);
}

/** The articles claims were read in: the list, and one article with its text and claims. */
export class ArticleRepository {
  constructor(private readonly database: Neo4jDatabase) {}

  async list(signal?: AbortSignal): Promise<ArticleSummary[]> {
    const { records } = await this.database.read(LIST_ARTICLES_QUERY, {}, signal);
    return records.map((record) =>
      summaryOf(record, record.get("hasText") === true, Number(toPlainValue(record.get("claimCount")))),
    );
  }

  async get(id: string, signal?: AbortSignal): Promise<Article> {
    const { records } = await this.database.read(GET_ARTICLE_QUERY, { id }, signal);
    const record = records[0];
    if (!record) throw notFound(`No article has the id "${id}".`);
    const articleText = text(record.get("text"));
    const rows = (record.get("claims") as ClaimRow[]).map((row) => ({
      ...row,
      claim: toPlainProperties(row.claim) as Props,
    }));
    const highlights = inReadingOrder(
      rows.flatMap((row) => {
        const highlight = highlightOf(row, articleText);
        return highlight === null ? [] : [{ highlight, position: Number(row.claim.position ?? 0) }];
      }),
    );
    return { ...summaryOf(record, articleText !== null, rows.length), text: articleText, highlights };
  }
}
