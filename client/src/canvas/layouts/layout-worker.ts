/// <reference lib="webworker" />
import type { LayoutName } from "./layout-catalog";
import { headlessFromSnapshot, type LayoutSnapshot } from "./layout-snapshot";
import { computeLayout } from "./run-layout";

export interface LayoutJob {
  snapshot: LayoutSnapshot;
  name: LayoutName;
  pinned: Array<[string, { x: number; y: number }]>;
  budgetMs: number;
}

export type LayoutReply =
  | { ok: true; positions: Array<[string, { x: number; y: number }]>; stoppedEarly: boolean }
  | { ok: false; message: string };

// One job per worker: the page starts a worker for each layout run and ends it afterwards.
self.onmessage = async (event: MessageEvent<LayoutJob>) => {
  const { snapshot, name, pinned, budgetMs } = event.data;
  let reply: LayoutReply;
  try {
    const cy = headlessFromSnapshot(snapshot);
    const computed = await computeLayout(cy, name, new Map(pinned), budgetMs);
    reply = { ok: true, positions: [...computed.positions], stoppedEarly: computed.stoppedEarly };
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
};
