/**
 * The timeline's answers from what was read (pure): the articles and claim ticks in order, and the
 * two days of a change list with D2 before D1 swapped and future days clamped, said so.
 */
import { firstDay, lastDay } from "../../../contract/partial-dates";
import type { Timeline, TimelineArticle, TimelineTick } from "../../../contract/timeline-endpoints";
import type { HistoryClaim } from "./change-diff";

export function tickOf(claim: HistoryClaim): TimelineTick {
  return {
    claimId: claim.id,
    relationshipId: claim.relationshipId,
    sourceId: claim.subject,
    targetId: claim.object,
    type: claim.type,
    certainty: claim.certainty,
    stance: claim.stance,
    reportedAt: claim.reportedAt,
    validFrom: claim.validFrom,
    validTo: claim.validTo,
    articleId: claim.articleId,
    outletId: claim.sourceId,
  };
}

const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Articles published first first (undated last), ticks reported first first, the span, and why it is empty. */
export function timelineOf(articles: readonly TimelineArticle[], claims: readonly HistoryClaim[]): Timeline {
  const dated = (date: string | null): date is string => date !== null && PARTIAL_DATE.test(date);
  const sortedArticles = [...articles].sort((a, b) => {
    if (dated(a.publishedAt) !== dated(b.publishedAt)) return dated(a.publishedAt) ? -1 : 1;
    return (
      firstDay(a.publishedAt ?? "").localeCompare(firstDay(b.publishedAt ?? "")) ||
      a.title.localeCompare(b.title) ||
      a.id.localeCompare(b.id)
    );
  });
  const datedClaims = claims.filter((claim) => dated(claim.reportedAt));
  const ticks = [...datedClaims]
    .sort(
      (a, b) =>
        a.knownFrom.localeCompare(b.knownFrom) ||
        (a.articleId ?? "").localeCompare(b.articleId ?? "") ||
        a.position - b.position,
    )
    .map(tickOf);
  const days = [
    ...datedClaims.flatMap((claim) => [firstDay(claim.reportedAt), lastDay(claim.reportedAt)]),
    ...sortedArticles.flatMap((article) =>
      dated(article.publishedAt) ? [firstDay(article.publishedAt), lastDay(article.publishedAt)] : [],
    ),
  ].sort();
  const range = days.length > 0 ? { from: days[0] as string, to: days[days.length - 1] as string } : null;
  let empty: string | null = null;
  if (claims.length === 0 && articles.length === 0)
    empty =
      "No article has been ingested yet: the timeline plays claims files (npm run ingest, or Sources → Add an article).";
  else if (claims.length === 0)
    empty = `${articles.length} article${articles.length === 1 ? "" : "s"} but no claim read in them: nothing to play.`;
  else if (datedClaims.length === 0)
    empty = `None of the ${claims.length} claims has a date it was reported on: nothing to place on the timeline.`;
  return { articles: sortedArticles, ticks, range, empty };
}

export interface ResolvedDays {
  from: string;
  to: string;
  swapped: boolean;
  clamped: boolean;
  notices: string[];
}

/** D1 and D2 as asked, swapped when D2 is before D1, each taken as today when after it. */
export function resolveDays(from: string, to: string, today: string): ResolvedDays {
  const notices: string[] = [];
  let clamped = false;
  const clamp = (day: string, which: string) => {
    if (day <= today) return day;
    clamped = true;
    notices.push(`${which} ${day} is in the future: taken as today, ${today}.`);
    return today;
  };
  let a = clamp(from, "The first date");
  let b = clamp(to, "The second date");
  const swapped = b < a;
  if (swapped) {
    notices.push(`The second date (${b}) was before the first (${a}): they were swapped.`);
    [a, b] = [b, a];
  }
  return { from: a, to: b, swapped, clamped, notices };
}
