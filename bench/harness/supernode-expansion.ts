import { expectOk } from "./api-overhead";
import type { AppServer } from "./app-server";
import { percentile } from "./stats";
import { settleLogs, timedRequest } from "./timed-requests";

export interface SupernodePlan {
  server: AppServer;
  supernodeId: string;
  tenNeighboursId: string;
  /** The expansion endpoint, `{id}` for the node: the exploration issue's top-N expansion when it exists. */
  path: string;
  requests: number;
}

/** The expansion path to measure: GET /api/nodes/:id/expansions when the server has it, else /neighbors (top 100 by degree). */
export async function expansionPath(server: AppServer, probeId: string): Promise<string> {
  const probe = await timedRequest(server, `/api/nodes/${encodeURIComponent(probeId)}/expansions`);
  return probe.status === 200 ? "/api/nodes/{id}/expansions" : "/api/nodes/{id}/neighbors?limit=100";
}

/** One run: the supernode and the ten-neighbour node expanded in turn; client p50 and the app's own p99 for each. */
export async function measureSupernode(plan: SupernodePlan): Promise<Record<string, number>> {
  const client = { super: [] as number[], ten: [] as number[] };
  const server = { super: [] as Array<() => number | undefined>, ten: [] as Array<() => number | undefined> };
  for (let i = 0; i < plan.requests; i += 1) {
    for (const [which, id] of [
      ["super", plan.supernodeId],
      ["ten", plan.tenNeighboursId],
    ] as const) {
      const answer = await timedRequest(plan.server, plan.path.replace("{id}", encodeURIComponent(id)));
      expectOk(answer.status, `expanding ${id}`);
      client[which].push(answer.clientMs);
      server[which].push(answer.serverMs);
    }
  }
  await settleLogs();
  const known = (times: Array<() => number | undefined>) =>
    times.map((read) => read()).filter((ms) => ms !== undefined);
  const serverSuper = known(server.super);
  const serverTen = known(server.ten);
  return {
    "supernode.super.p50": percentile(client.super, 50),
    "supernode.ten.p50": percentile(client.ten, 50),
    ...(serverSuper.length > 0 ? { "supernode.super.serverP99": percentile(serverSuper, 99) } : {}),
    ...(serverTen.length > 0 ? { "supernode.ten.serverP99": percentile(serverTen, 99) } : {}),
  };
}
