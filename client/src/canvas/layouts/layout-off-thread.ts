import type { Core } from "cytoscape";
import type { LayoutName, PinnedPositions } from "./layout-catalog";
import { layoutSnapshot } from "./layout-snapshot";
import type { LayoutJob, LayoutReply } from "./layout-worker";
import { type ComputedLayout, computeLayout, LAYOUT_BUDGET_MS } from "./run-layout";

/**
 * Computes a layout in a Web Worker, so the page keeps drawing and answering while a large graph
 * is laid out: the page only measures the nodes before and moves them after. Where workers are
 * missing or the worker fails, the layout runs on the page as before (in short passes).
 */
export async function computeLayoutOffThread(
  cy: Core,
  name: LayoutName,
  pinned: PinnedPositions,
  budgetMs = LAYOUT_BUDGET_MS,
): Promise<ComputedLayout> {
  if (typeof Worker === "undefined") return computeLayout(cy, name, pinned, budgetMs);
  const job: LayoutJob = { snapshot: layoutSnapshot(cy), name, pinned: [...pinned], budgetMs };
  try {
    const reply = await runInWorker(job);
    if (reply.ok) return { positions: new Map(reply.positions), stoppedEarly: reply.stoppedEarly };
    console.error(`layout worker failed (${reply.message}); laying out on the page instead`);
  } catch (error) {
    console.error("layout worker did not start; laying out on the page instead", error);
  }
  return computeLayout(cy, name, pinned, budgetMs);
}

function runInWorker(job: LayoutJob): Promise<LayoutReply> {
  const worker = new Worker(new URL("./layout-worker.ts", import.meta.url), { type: "module" });
  return new Promise<LayoutReply>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<LayoutReply>) => resolve(event.data);
    worker.onerror = (event) => reject(new Error(event.message || "the layout worker failed to load"));
    worker.postMessage(job);
  }).finally(() => worker.terminate());
}
