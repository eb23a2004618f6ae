import type { HistoryClaim } from "./change-diff";

/**
 * The claims change lists have read, by id, as the timeline reads them (HISTORY_CLAIM_KEYS). A
 * claim is written once (ON CREATE: its id derives from its content) and what the timeline reads of
 * it never changes after (the only later SET is its offsets in the article, `start` and `end`), so a
 * change list reads whole only the claims no earlier list read; the others come as ids. Bounded:
 * past `max` claims the oldest read are dropped (a later list reads them again).
 */
export class HistoryClaimCache {
  private readonly claims = new Map<string, HistoryClaim>();

  constructor(private readonly max = 200_000) {}

  /** The ids of `ids` not in the cache, each once. */
  missing(ids: readonly string[]): string[] {
    return [...new Set(ids.filter((id) => !this.claims.has(id)))];
  }

  add(claims: readonly HistoryClaim[]): void {
    for (const claim of claims) {
      this.claims.delete(claim.id);
      this.claims.set(claim.id, claim);
    }
    for (const id of this.claims.keys()) {
      if (this.claims.size <= this.max) break;
      this.claims.delete(id);
    }
  }

  /**
   * The claims of `ids`, in that order. One not in the cache was deleted after its id was read (its
   * article removed meanwhile) and is left out, as it is gone.
   */
  get(ids: readonly string[]): HistoryClaim[] {
    return ids.flatMap((id) => {
      const claim = this.claims.get(id);
      return claim === undefined ? [] : [claim];
    });
  }
}
