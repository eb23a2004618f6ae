import type { ClaimSummary, ViewState } from "../../../contract/graph-contract";
import { firstDay } from "../../../contract/partial-dates";
import { CORROBORATED_FROM } from "../look/edge-claims";

/** The view's filters (view-filters.ts names them; declared here from the contract so neither file needs the other). */
type ViewFilters = ViewState["filters"];

/** What the claim filters read of a relationship's summary. */
export type ClaimFacts = Pick<ClaimSummary, "independentSources" | "contested" | "lastReported">;

export type ClaimFilterKey = "corroboratedOnly" | "contestedOnly" | "reportedSince";

export function isClaimFiltering(filters: ViewFilters): boolean {
  return Boolean(filters.corroboratedOnly || filters.contestedOnly || filters.reportedSince);
}

/**
 * Whether a relationship passes "only corroborated" (2+ independent sources), "only contested" and
 * "reported since D" (its last claim reported on or after D). A relationship built from no claim
 * passes none of them: nothing says who vouches for it, or when.
 */
export function passesClaimFilters(facts: ClaimFacts | undefined, filters: ViewFilters): boolean {
  if (!isClaimFiltering(filters)) return true;
  if (!facts) return false;
  if (filters.corroboratedOnly && facts.independentSources < CORROBORATED_FROM) return false;
  if (filters.contestedOnly && !facts.contested) return false;
  return !filters.reportedSince || firstDay(facts.lastReported) >= filters.reportedSince;
}

/** The filters with one claim filter set, or taken off (false, null). */
export function withClaimFilter(
  filters: ViewFilters,
  key: ClaimFilterKey,
  value: boolean | string | null,
): ViewFilters {
  const { [key]: _dropped, ...rest } = filters;
  return value ? { ...rest, [key]: value } : rest;
}

/** The undo step's label and the status line's message for a claim filter turned on or off. */
export function describeClaimFilter(
  key: ClaimFilterKey,
  value: boolean | string | null,
): { label: string; message: string } {
  if (key === "reportedSince")
    return value
      ? { label: `Reported since ${value}`, message: `Showing relationships with a claim reported since ${value}` }
      : { label: "Any report date", message: "Showing relationships whatever their report date" };
  const name = key === "corroboratedOnly" ? "corroborated" : "contested";
  const which = key === "corroboratedOnly" ? "with 2 or more independent origins" : "whose sources disagree";
  return value
    ? { label: `Only ${name}`, message: `Showing only relationships ${which}` }
    : { label: `Not only ${name}`, message: `Showing relationships ${which} and the others` };
}
