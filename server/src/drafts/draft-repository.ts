import type { Record } from "neo4j-driver";
import type { ClaimsFile } from "../../../contract/claims-file";
import {
  type Draft,
  type DraftContent,
  type DraftSummary,
  draftContentSchema,
  draftSchema,
} from "../../../contract/draft-endpoints";
import type { IngestReport } from "../../../contract/graph-contract";
import { AppError, notFound } from "../errors/app-error";
import type { Neo4jDatabase } from "../neo4j/neo4j-database";
import { neo4jInt } from "../neo4j/to-neo4j-params";
import { toPlainValue } from "../neo4j/to-plain-value";
import {
  ARTICLE_ELEMENTS_QUERY,
  CLAIMS_FILE_QUERY,
  DELETE_DRAFT_QUERY,
  GET_DRAFT_QUERY,
  LIST_DRAFTS_QUERY,
  LOCK_DRAFT_QUERY,
  MARK_COMMITTED_QUERY,
  SAVE_DRAFT_QUERY,
} from "./draft-queries";

function toSummary(record: Record): DraftSummary {
  return {
    id: record.get("id") as string,
    title: (record.get("title") as string | null) ?? "",
    status: record.get("status") === "committed" ? "committed" : "open",
    revision: Number(toPlainValue(record.get("revision"))),
    itemCount: Number(toPlainValue(record.get("itemCount") ?? 0)),
    createdAt: record.get("createdAt") as string,
    updatedAt: (record.get("updatedAt") as string | null) ?? (record.get("createdAt") as string),
    createdBy: (record.get("createdBy") as string | null) ?? null,
    updatedBy: (record.get("updatedBy") as string | null) ?? null,
  };
}

function toDraft(record: Record): Draft {
  const committed = record.get("committed") as string | null;
  return draftSchema.parse({
    ...toSummary(record),
    content: draftContentSchema.parse(JSON.parse(record.get("content") as string)),
    committed: committed === null ? null : JSON.parse(committed),
  });
}

/** A save based on a revision that is no longer the draft's: 409 with the newer draft, to merge or reload. */
export function staleRevision(current: Draft): AppError {
  return new AppError(
    "CONFLICT",
    409,
    `The draft was saved elsewhere since (now revision ${current.revision}): reload it before saving again.`,
    false,
    { draft: current },
  );
}

/** Drafts in Neo4j: reads in READ transactions, saves in write transactions checked against the revision. */
export class DraftRepository {
  constructor(private readonly database: Neo4jDatabase) {}

  async list(signal?: AbortSignal): Promise<DraftSummary[]> {
    const { records } = await this.database.read(LIST_DRAFTS_QUERY, {}, signal);
    return records.filter((record) => record.get("createdAt") !== null).map(toSummary);
  }

  async get(id: string, signal?: AbortSignal): Promise<Draft> {
    const { records } = await this.database.read(GET_DRAFT_QUERY, { id }, signal);
    const record = records[0];
    if (!record || record.get("content") === null) throw notFound(`No draft has the id "${id}".`);
    return toDraft(record);
  }

  /**
   * Creates the draft (revision 0) or saves over `revision`; a stale revision throws 409 with the
   * newer draft. `by` is the signed-in user saving it (none in token mode): the first save records
   * who created the draft, every save who saved it last.
   */
  async put(
    id: string,
    revision: number,
    content: DraftContent,
    by: string | null = null,
  ): Promise<{ draft: Draft; created: boolean }> {
    type Outcome = { stale: Draft } | { stale: null; draft: Draft; created: boolean };
    const outcome = await this.database.write(async (tx): Promise<Outcome> => {
      const lock = (await tx.run(LOCK_DRAFT_QUERY, { id, by })).records[0] as Record;
      const current = Number(toPlainValue(lock.get("revision")));
      const created = lock.get("created") === true;
      if (!created && current !== revision) {
        const { records } = await tx.run(GET_DRAFT_QUERY, { id });
        return { stale: toDraft(records[0] as Record) };
      }
      const { records } = await tx.run(SAVE_DRAFT_QUERY, {
        id,
        content: JSON.stringify(content),
        title: content.title.trim() || content.file || "Untitled article",
        itemCount: neo4jInt(content.items.length),
        by,
      });
      return { stale: null, draft: toDraft(records[0] as Record), created };
    });
    if (outcome.stale) throw staleRevision(outcome.stale);
    return { draft: outcome.draft, created: outcome.created };
  }

  /** Records a commit: its report, who committed it, and the claims file it ingested (for the download). */
  async markCommitted(id: string, file: ClaimsFile, report: IngestReport, by: string | null = null): Promise<Draft> {
    const committed = { at: new Date().toISOString(), articleId: file.article.id, report, by };
    const record = await this.database.write(async (tx) => {
      const { records } = await tx.run(MARK_COMMITTED_QUERY, {
        id,
        committed: JSON.stringify(committed),
        claimsFile: JSON.stringify(file, null, 2),
        by,
      });
      return records[0];
    });
    if (!record) throw notFound(`No draft has the id "${id}".`);
    return toDraft(record);
  }

  /** The claims file the draft committed, as JSON text; 404 before a commit. */
  async claimsFile(id: string, signal?: AbortSignal): Promise<string> {
    const { records } = await this.database.read(CLAIMS_FILE_QUERY, { id }, signal);
    const record = records[0];
    if (!record) throw notFound(`No draft has the id "${id}".`);
    const file = record.get("claimsFile") as string | null;
    if (file === null) throw notFound(`The draft "${id}" has not been committed yet: there is no claims file.`);
    return file;
  }

  /** The relationships an article's claims stand behind, and their ends. */
  async articleElements(articleId: string): Promise<{ relationshipIds: string[]; nodeIds: string[] }> {
    const { records } = await this.database.read(ARTICLE_ELEMENTS_QUERY, { articleId });
    const record = records[0];
    const strings = (value: unknown) =>
      Array.isArray(value) ? [...new Set(value.filter((item): item is string => typeof item === "string"))] : [];
    return {
      relationshipIds: strings(record?.get("relationshipIds")),
      nodeIds: strings(record?.get("nodeIds")),
    };
  }

  async delete(id: string): Promise<void> {
    const deleted = await this.database.write(async (tx) => {
      const { records } = await tx.run(DELETE_DRAFT_QUERY, { id });
      return Number(toPlainValue(records[0]?.get("deleted")));
    });
    if (deleted === 0) throw notFound(`No draft has the id "${id}".`);
  }
}
