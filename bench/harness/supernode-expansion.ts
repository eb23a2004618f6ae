import { DEFAULT_EXPANSION_CAP } from "../../client/src/expand/expansion-cap";
import { expectOk } from "./api-overhead";
import type { AppServer } from "./app-server";
import { percentile } from "./stats";
import { settleLogs, timedRequest } from "./timed-requests";

/**
 * The two requests behind expanding a node in the app: the context menu's counts per type and
 * direction, then the neighbours themselves, the top N by degree under the app's default cap.
 */
export const EXPANSION_REQUESTS = [
  { name: "expand", path: `/api/nodes/{id}/neighbors?limit=${DEFAULT_EXPANSION_CAP}` },
  { name: "menu", path: "/api/nodes/{id}/expansions" },
] as const;

export type ExpansionRequest = (typeof EXPANSION_REQUESTS)[number]["name"];

export interface SupernodePlan {
  server: AppServer;
  supernodeId: string;
  tenNeighboursId: string;
  requests: number;
}

/** One run: each request for the supernode and the ten-neighbour node in turn; client p50 and the app's own p99 for each. */
export async function measureSupernode(plan: SupernodePlan): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  for (const request of EXPANSION_REQUESTS) {
    const client = { super: [] as number[], ten: [] as number[] };
    const server = { super: [] as Array<() => number | undefined>, ten: [] as Array<() => number | undefined> };
    for (let i = 0; i < plan.requests; i += 1) {
      for (const [which, id] of [
        ["super", plan.supernodeId],
        ["ten", plan.tenNeighboursId],
      ] as const) {
        const answer = await timedRequest(plan.server, request.path.replace("{id}", encodeURIComponent(id)));
        expectOk(answer.status, `${request.name} of ${id}`);
        client[which].push(answer.clientMs);
        server[which].push(answer.serverMs);
      }
    }
    await settleLogs();
    const known = (times: Array<() => number | undefined>) =>
      times.map((read) => read()).filter((ms) => ms !== undefined);
    const key = `supernode.${request.name}`;
    figures[`${key}.super.p50`] = percentile(client.super, 50);
    figures[`${key}.ten.p50`] = percentile(client.ten, 50);
    const serverSuper = known(server.super);
    const serverTen = known(server.ten);
    if (serverSuper.length > 0) figures[`${key}.super.serverP99`] = percentile(serverSuper, 99);
    if (serverTen.length > 0) figures[`${key}.ten.serverP99`] = percentile(serverTen, 99);
  }
  return figures;
}
