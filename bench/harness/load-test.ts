import autocannon from "autocannon";
import type { AppServer } from "./app-server";

export interface LoadPlan {
  server: AppServer;
  endpoints: ReadonlyArray<{ name: string; path: string }>;
  connections: readonly number[];
  durationSeconds: number;
}

/**
 * One run: autocannon on loopback against each endpoint at each connection count. Failures are
 * every non-2xx answer except 429 (the rate limit saying no on purpose, counted apart) plus
 * timeouts and connection errors. The server's resident memory is sampled meanwhile.
 */
export async function measureLoad(plan: LoadPlan): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  let peakRss = plan.server.rssMb();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, plan.server.rssMb());
  }, 250);
  try {
    for (const connections of plan.connections) {
      let failures = 0;
      for (const endpoint of plan.endpoints) {
        const result = await autocannon({
          url: `${plan.server.baseUrl}${endpoint.path}`,
          connections,
          duration: plan.durationSeconds,
          timeout: 10,
        });
        const limited = result.statusCodeStats?.["429"]?.count ?? 0;
        // `errors` counts timeouts too.
        const failed = result.non2xx - limited + result.errors;
        failures += failed;
        const key = `load.${endpoint.name}.c${connections}`;
        figures[`${key}.rps`] = result.requests.average;
        figures[`${key}.p50`] = result.latency.p50;
        figures[`${key}.p99`] = result.latency.p99;
        figures[`${key}.failures`] = failed;
        figures[`${key}.limited`] = limited;
      }
      figures[`load.c${connections}.failures`] = failures;
    }
  } finally {
    clearInterval(sampler);
  }
  figures["memory.server.peakRssMb"] = peakRss;
  return figures;
}
