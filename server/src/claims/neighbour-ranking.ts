import type { ManagedTransaction } from "neo4j-driver";

/**
 * Supernodes keep a ranking of their neighbours, so expanding one reads its top N by index instead
 * of visiting 100,000 neighbours to rank them (decision 0006). A node with more than
 * RANKED_DEGREE relationships (a hub) has one isolated `NeighbourRanking` node, found by the hub's
 * element id (`hub`, unique, cypher/schema.cypher), holding the first RANKING_LENGTH of its
 * neighbours in the order of the expansion query (graph-queries.ts, NEIGHBORS_QUERY): most
 * relationships first, then element id; `neighbours` their element ids, `degrees` their
 * relationship counts and `links` the element ids of the relationships joining each to the hub
 * (space-separated), side by side. The links let the expansion seek the hub's relationships with
 * its top neighbours by id: those neighbours are often hubs too, and finding the relationships
 * between two given nodes otherwise reads every relationship of the less connected one (about
 * 83,000 for the bench supernode's top 50). A ranking written before `links` existed has none: the
 * expansion then finds the relationships as before, and `npm run db:rank` adds them.
 *
 * Every writer keeps it exact in the transaction that changes it: ingestion (keepNeighbourRankings,
 * drafts commit through it) and the bench's loader (RANK_ALL_HUBS_QUERY). Writers only add
 * relationships, so degrees only grow: a neighbour outside the stored top can enter it only when
 * its own degree changed, and those are exactly the nodes a write touched. Deleting
 * relationships or nodes by hand (Neo4j Browser) makes rankings stale: `npm run db:rank` ranks
 * every hub again (DROP_STALE_RANKINGS_QUERY, then RANK_ALL_HUBS_QUERY).
 */
export const RANKING_LABEL = "NeighbourRanking";

/** The server's largest neighbour limit (request-schemas: 1000): above it, a node is a hub. */
export const RANKED_DEGREE = 1000;

/** The largest top-N fetch (limit + 1, to tell whether there are more). */
export const RANKING_LENGTH = RANKED_DEGREE + 1;

/** Separates the element ids in one entry of `links` (element ids contain none). */
export const LINK_SEPARATOR = " ";

/** A Cypher list of strings as one string, LINK_SEPARATOR between them. */
const joined = (list: string) =>
  `reduce(text = '', link IN ${list} | text + CASE WHEN text = '' THEN '' ELSE '${LINK_SEPARATOR}' END + link)`;

/**
 * The ranking of hub `h` from scratch: its distinct neighbours (no saved view), ranked as the
 * expansion query ranks them, the first RANKING_LENGTH kept.
 */
const RANK_FROM_SCRATCH = `
CALL (h) {
  MATCH (h)-[r]-(m)
  WHERE NOT m:SavedView
  WITH m, collect(DISTINCT elementId(r)) AS links
  WITH m, links, COUNT { (m)--() } AS degree
  ORDER BY degree DESC, elementId(m)
  LIMIT ${RANKING_LENGTH}
  RETURN collect(elementId(m)) AS neighbours, collect(degree) AS degrees, collect(${joined("links")}) AS links
}
MERGE (ranking:${RANKING_LABEL} {hub: elementId(h)})
SET ranking.neighbours = neighbours, ranking.degrees = degrees, ranking.links = links`;

/** Every hub ranked again from scratch: the bench's loader, or after relationships were deleted by hand. */
export const RANK_ALL_HUBS_QUERY = `
MATCH (h)
WHERE NOT h:${RANKING_LABEL} AND COUNT { (h)--() } > ${RANKED_DEGREE}
${RANK_FROM_SCRATCH}
RETURN count(ranking) AS hubs`;

/**
 * Rankings whose hub is gone or no longer a hub (relationships deleted by hand): removed before
 * RANK_ALL_HUBS_QUERY ranks the remaining hubs again.
 */
export const DROP_STALE_RANKINGS_QUERY = `
MATCH (ranking:${RANKING_LABEL})
OPTIONAL MATCH (h) WHERE elementId(h) = ranking.hub AND NOT h:${RANKING_LABEL}
WITH ranking, h
WHERE h IS NULL OR COUNT { (h)--() } <= ${RANKED_DEGREE}
DELETE ranking
RETURN count(*) AS dropped`;

/**
 * The rankings that gain or reorder neighbours when the nodes $touched (element ids: both ends of
 * each new relationship) gained relationships. For each stored ranking whose hub neighbours a
 * touched node: the entries of the touched nodes leave, come back with their new degree, and the
 * list is sorted and cut again. Hubs are few (more than RANKED_DEGREE relationships each).
 */
const UPDATE_RANKINGS_QUERY = `
MATCH (ranking:${RANKING_LABEL})
MATCH (h) WHERE elementId(h) = ranking.hub
CALL (h) {
  UNWIND $touched AS touchedId
  MATCH (t) WHERE elementId(t) = touchedId
  WITH t, [(h)-[r]-(t) | elementId(r)] AS links WHERE NOT t:SavedView AND size(links) > 0
  RETURN collect({id: elementId(t), degree: COUNT { (t)--() }, links: ${joined("links")}}) AS changed
}
WITH ranking, changed WHERE size(changed) > 0
CALL (ranking, changed) {
  WITH ranking, changed, [entry IN changed | entry.id] AS changedIds
  UNWIND [place IN range(0, size(ranking.neighbours) - 1) WHERE NOT ranking.neighbours[place] IN changedIds
          | {id: ranking.neighbours[place], degree: ranking.degrees[place], links: ranking.links[place]}]
         + changed AS entry
  WITH entry ORDER BY entry.degree DESC, entry.id
  LIMIT ${RANKING_LENGTH}
  RETURN collect(entry.id) AS neighbours, collect(entry.degree) AS degrees, collect(entry.links) AS links
}
// A ranking without links (written before they existed) stays without: collect left out its nulls.
SET ranking.neighbours = neighbours, ranking.degrees = degrees,
    ranking.links = CASE WHEN size(links) = size(neighbours) THEN links END
RETURN count(ranking) AS updated`;

/** Touched nodes that became hubs with this write (or were hubs without a ranking): ranked from scratch. */
const RANK_NEW_HUBS_QUERY = `
UNWIND $touched AS touchedId
MATCH (h) WHERE elementId(h) = touchedId
WITH h WHERE COUNT { (h)--() } > ${RANKED_DEGREE}
  AND NOT EXISTS { MATCH (:${RANKING_LABEL} {hub: touchedId}) }
${RANK_FROM_SCRATCH}
RETURN count(ranking) AS created`;

/**
 * Keeps every ranking exact after relationships were created between the nodes `touched` (element
 * ids), inside the writer's transaction.
 */
export async function keepNeighbourRankings(
  tx: ManagedTransaction,
  touched: readonly string[],
): Promise<{ updated: number; created: number }> {
  if (touched.length === 0) return { updated: 0, created: 0 };
  const params = { touched: [...new Set(touched)] };
  const updated = (await tx.run(UPDATE_RANKINGS_QUERY, params)).records[0]?.get("updated");
  const created = (await tx.run(RANK_NEW_HUBS_QUERY, params)).records[0]?.get("created");
  return { updated: Number(updated ?? 0), created: Number(created ?? 0) };
}

/**
 * What the expansion query's ranking is for `hubElementId` now, from scratch: for tests and checks
 * (`links` as lists of element ids, in no particular order).
 */
export const RANKING_FROM_SCRATCH_QUERY = `
MATCH (h) WHERE elementId(h) = $hub
CALL (h) {
  MATCH (h)-[r]-(m)
  WHERE NOT m:SavedView
  WITH m, collect(DISTINCT elementId(r)) AS links
  WITH m, links, COUNT { (m)--() } AS degree
  ORDER BY degree DESC, elementId(m)
  LIMIT ${RANKING_LENGTH}
  RETURN collect(elementId(m)) AS neighbours, collect(degree) AS degrees, collect(links) AS links
}
RETURN neighbours, degrees, links`;
