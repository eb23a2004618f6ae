/** Most neighbours one expansion may ask the server for (the neighbours endpoint's own maximum). */
export const SERVER_NEIGHBOUR_LIMIT = 1000;

/** What to do with an expansion that reaches `count` neighbours: fetch them, or ask first. */
export type ExpansionPlan =
  | { kind: "fetch"; limit: number }
  | { kind: "ask"; count: number; top: number; allLimit: number; allCapped: boolean };

export type GuardChoice = "top" | "all" | "cancel";

/**
 * The supernode guard: an expansion that would add more neighbours than `cap` asks first, and
 * offers the top `cap` by degree (the server sends neighbours most-connected first) or all of
 * them, which the server's own limit still bounds.
 */
export function planExpansion(count: number, cap: number, serverLimit = SERVER_NEIGHBOUR_LIMIT): ExpansionPlan {
  const top = Math.max(1, Math.min(cap, serverLimit));
  if (count <= top) return { kind: "fetch", limit: Math.min(Math.max(count, 1), serverLimit) };
  return { kind: "ask", count, top, allLimit: serverLimit, allCapped: count > serverLimit };
}

/** How many neighbours to fetch once the analyst answered the guard; null when they cancelled. */
export function limitForChoice(plan: Extract<ExpansionPlan, { kind: "ask" }>, choice: GuardChoice): number | null {
  if (choice === "top") return plan.top;
  if (choice === "all") return plan.allLimit;
  return null;
}
