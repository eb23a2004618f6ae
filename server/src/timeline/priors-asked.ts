import { foldName } from "../claims/fold-name";
import type { HistoryClaim } from "./change-diff";

/**
 * The entities whose earlier names a known-axis window (from, to] must read (ENTITY_PRIORS_QUERY):
 * those named by a claim first known in the window that no claim of the window known by `from`
 * named, or named there with a name that no such claim gave. For the others the window's own
 * claims already say that they were seen before and knew the name, so the diff is the same
 * without their priors; on wide windows that is most of them.
 */
export function priorsAsked(claims: readonly HistoryClaim[], from: string, to: string): string[] {
  const namedBefore = new Map<string, Set<string>>();
  const ends = (claim: HistoryClaim): [string, string | null][] => [
    [claim.subject, claim.subjectAs],
    [claim.object, claim.objectAs],
  ];
  for (const claim of claims) {
    if (claim.knownFrom > from) continue;
    for (const [id, as] of ends(claim)) {
      const names = namedBefore.get(id) ?? new Set<string>([foldName(id)]);
      if (as !== null) names.add(foldName(as));
      namedBefore.set(id, names);
    }
  }
  const asked = new Set<string>();
  for (const claim of claims) {
    if (claim.knownFrom <= from || claim.knownFrom > to) continue;
    for (const [id, as] of ends(claim)) {
      const names = namedBefore.get(id);
      if (names === undefined || (as !== null && !names.has(foldName(as)))) asked.add(id);
    }
  }
  return [...asked];
}
