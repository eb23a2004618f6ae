/** An article's text in, a draft claims file out: what `npm run extract` and POST /api/extract share. */
import type { ExtractAnswer, ExtractRequest } from "../../../contract/extract-endpoints";
import { slugOf } from "../claims/fold-name";
import type { Lexicon } from "./lexicon";
import type { KnownEntity } from "./proposal";
import { type DraftDetails, proposalsToDraft } from "./proposals-to-draft";
import { proposeClaims } from "./propose-claims";
import { reviewDetails } from "./review-details";

export function extractDraft(
  request: ExtractRequest & { file?: string },
  known: readonly KnownEntity[],
  lexicon: Lexicon,
  knownSources: DraftDetails["knownSources"] = [],
): ExtractAnswer {
  const outletName = request.source ?? request.title ?? request.file;
  const outletId = request.source
    ? slugOf(request.source)
    : outletName
      ? `article-${slugOf(outletName).replace(/^article-/, "")}`
      : "this-article";
  const result = proposeClaims(
    {
      text: request.text,
      ...(request.title ? { title: request.title } : {}),
      ...(request.published ? { published: request.published } : {}),
      ...(request.language === "fr" || request.language === "en" ? { language: request.language } : {}),
      outlet: { id: outletId || "this-article", name: outletName ?? "This article" },
      known,
    },
    lexicon,
  );
  const notices = [...result.notices];
  if (result.proposals.length === 0)
    notices.push("No claim was proposed: the draft has none yet; add at least one before npm run ingest.");
  const draft = proposalsToDraft(result, {
    ...(request.title ? { title: request.title } : {}),
    ...(request.published ? { published: request.published } : {}),
    ...(request.file ? { file: request.file } : {}),
    knownSources,
  });
  const knownSourceIds = new Set(knownSources.map((source) => source.id));
  const review = reviewDetails(result, draft, known, knownSourceIds);
  return { language: result.language, languageScores: result.languageScores, notices, draft, review };
}
