import { articleEndpoints } from "./article-endpoints";
import { authEndpoints } from "./auth-endpoints";
import { claimsEndpoints } from "./claims-endpoints";
import { cypherEndpoints } from "./cypher-endpoints";
import { docsEndpoints } from "./docs-endpoints";
import { draftEndpoints } from "./draft-endpoints";
import type { Endpoint } from "./endpoint";
import { explorationEndpoints } from "./exploration-endpoints";
import { extractEndpoints } from "./extract-endpoints";
import { graphEndpoints } from "./graph-endpoints";
import { probeEndpoints } from "./probe-endpoints";
import { timelineEndpoints, watchEndpoints } from "./timeline-endpoints";
import { viewEndpoints } from "./view-endpoints";
import { vocabularyEndpoints } from "./vocabulary-endpoints";

/** Every endpoint of the API, by area: what the server registers, and all it registers. */
export const API_ENDPOINTS = {
  probes: probeEndpoints,
  docs: docsEndpoints,
  graph: graphEndpoints,
  exploration: explorationEndpoints,
  claims: claimsEndpoints,
  views: viewEndpoints,
  cypher: cypherEndpoints,
  sources: extractEndpoints,
  auth: authEndpoints,
  articles: articleEndpoints,
  drafts: draftEndpoints,
  vocabulary: vocabularyEndpoints,
  timeline: timelineEndpoints,
  watches: watchEndpoints,
} as const satisfies { [area: string]: { [name: string]: Endpoint } };

/** The endpoints as one list, each with its area and name (`graph.node`). */
export function listEndpoints(): { area: string; name: string; endpoint: Endpoint }[] {
  return Object.entries(API_ENDPOINTS).flatMap(([area, endpoints]) =>
    Object.entries(endpoints).map(([name, endpoint]: [string, Endpoint]) => ({ area, name, endpoint })),
  );
}
