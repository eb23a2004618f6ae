import type { CommitDraftAnswer } from "../../../contract/draft-endpoints";
import type { IngestReport } from "../../../contract/graph-contract";
import { AppError } from "../errors/app-error";
import { type DraftRepository, staleRevision } from "./draft-repository";
import { DraftNotReady, draftToClaimsFile } from "./draft-to-claims-file";

/** What ingests a claims file (the ClaimsIngester): all or nothing, idempotent. */
export interface Ingester {
  ingest(body: string, signal: AbortSignal): Promise<IngestReport>;
}

/** True when an ingestion created and changed nothing: the same article committed again. */
export function changedNothing(report: IngestReport): boolean {
  return Object.values(report.counts).every((count) => count.created === 0 && count.merged === 0);
}

/**
 * Commits a draft: its accepted claims become a claims file that goes through the validated
 * ingestion; a file with problems writes nothing (400 VALIDATION with the report). The draft then
 * records the report and the file, for the download.
 */
export async function commitDraft(
  drafts: DraftRepository,
  ingester: Ingester,
  request: { id: string; revision: number; today: string; by?: string | null },
  signal: AbortSignal,
): Promise<CommitDraftAnswer> {
  const current = await drafts.get(request.id, signal);
  if (current.revision !== request.revision) throw staleRevision(current);
  let file: ReturnType<typeof draftToClaimsFile>;
  try {
    file = draftToClaimsFile(current.content, { today: request.today });
  } catch (error) {
    if (error instanceof DraftNotReady) throw new AppError("VALIDATION", 400, `${error.message} Nothing was written.`);
    throw error;
  }
  const report = await ingester.ingest(JSON.stringify(file), signal);
  if (!report.written) {
    const count = report.problems.length;
    const message = `The claims have ${count} problem${count === 1 ? "" : "s"}; nothing was written.`;
    throw new AppError("VALIDATION", 400, message, false, report);
  }
  const draft = await drafts.markCommitted(request.id, file, report, request.by ?? null);
  const elements = await drafts.articleElements(file.article.id);
  return { draft, report, nothingChanged: changedNothing(report), ...elements };
}
