import { randomUUID } from "node:crypto";
import type { Change, Watch, WatchChanges, WatchedChange, WatchKind } from "../../../contract/timeline-endpoints";
import { notFound } from "../errors/app-error";
import type { Neo4jDatabase } from "../neo4j/neo4j-database";
import { toPlainValue } from "../neo4j/to-plain-value";
import { diffClaims } from "./change-diff";
import type { TimelineRepository } from "./timeline-repository";
import {
  CREATE_WATCH_QUERY,
  DELETE_WATCH_QUERY,
  LIST_WATCHES_QUERY,
  MARK_SEEN_QUERY,
  VIEW_STATES_QUERY,
  WATCH_NODE_TARGET_QUERY,
  WATCH_RELATIONSHIP_TARGET_QUERY,
  WATCH_VIEW_TARGET_QUERY,
} from "./watch-queries";

interface Row {
  get(key: string): unknown;
}

/** Neo4j's datetimes as JavaScript's ISO strings (milliseconds, Z), so they compare with claims' ingestedAt. */
export function isoInstant(value: string): string {
  const time = Date.parse(value.replace(/(\.\d{3})\d+/, "$1").replace(/\[.*\]$/, ""));
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}

function watchOf(record: Row): Watch {
  return {
    id: record.get("id") as string,
    kind: record.get("kind") as WatchKind,
    target: record.get("target") as string,
    label: String(record.get("label") ?? record.get("target")),
    status: record.get("exists") === false ? "removed" : "active",
    createdAt: isoInstant(String(record.get("createdAt"))),
    seenAt: isoInstant(String(record.get("seenAt"))),
  };
}

const TARGET_QUERIES: Record<WatchKind, string> = {
  node: WATCH_NODE_TARGET_QUERY,
  relationship: WATCH_RELATIONSHIP_TARGET_QUERY,
  view: WATCH_VIEW_TARGET_QUERY,
};

/** Whether a change concerns a watch: its relationship, its node, or a node its view shows. */
export function concerns(change: Change, watch: Watch, viewNodes: ReadonlySet<string> | undefined): boolean {
  if (watch.kind === "relationship") return change.relationshipId === watch.target;
  if (watch.kind === "node") return change.entityIds.includes(watch.target);
  return viewNodes !== undefined && change.entityIds.some((id) => viewNodes.has(id));
}

/**
 * Each owner's watches, and what changed for them since the owner last looked: the claims stored
 * after the watch's `seenAt` against those stored before (the "entered" axis of the change diff).
 */
export class WatchRepository {
  constructor(
    private readonly database: Neo4jDatabase,
    private readonly timeline: TimelineRepository,
  ) {}

  async list(owner: string, signal?: AbortSignal): Promise<Watch[]> {
    const { records } = await this.database.read(LIST_WATCHES_QUERY, { owner }, signal);
    return records.map(watchOf);
  }

  /** Watches a node, relationship or view (404 when there is none); says whether the watch is new. */
  async watch(owner: string, kind: WatchKind, given: string): Promise<{ watch: Watch; created: boolean }> {
    const found = (await this.database.read(TARGET_QUERIES[kind], { target: given })).records[0];
    if (found === undefined) throw notFound(`No ${kind === "view" ? "saved view" : kind} has the id "${given}".`);
    const record = await this.database.write(async (tx) => {
      const { records } = await tx.run(CREATE_WATCH_QUERY, {
        owner,
        kind,
        target: found.get("target") as string,
        label: String(found.get("label")),
        newId: randomUUID(),
      });
      return records[0] as Row;
    });
    return { watch: watchOf(record), created: record.get("created") === true };
  }

  async unwatch(owner: string, id: string): Promise<void> {
    const deleted = await this.database.write(async (tx) => {
      const { records } = await tx.run(DELETE_WATCH_QUERY, { owner, id });
      return Number(toPlainValue(records[0]?.get("deleted")));
    });
    if (deleted === 0) throw notFound(`You have no watch with the id "${id}".`);
  }

  async markSeen(owner: string): Promise<string> {
    const seenAt = await this.database.write(async (tx) => {
      const { records } = await tx.run(MARK_SEEN_QUERY, { owner });
      return String(records[0]?.get("seenAt"));
    });
    return isoInstant(seenAt);
  }

  async changes(owner: string, signal?: AbortSignal, now = new Date()): Promise<WatchChanges> {
    const watches = await this.list(owner, signal);
    const active = watches.filter((watch) => watch.status === "active");
    const removed = watches.filter((watch) => watch.status === "removed");
    if (active.length === 0)
      return { count: 0, since: watches.length > 0 ? oldest(watches) : null, changes: [], removed };
    const viewIds = active.filter((watch) => watch.kind === "view").map((watch) => watch.target);
    const viewNodes = new Map<string, Set<string>>();
    if (viewIds.length > 0) {
      const { records } = await this.database.read(VIEW_STATES_QUERY, { ids: viewIds }, signal);
      for (const record of records) {
        const state = JSON.parse(String(record.get("state"))) as { nodes?: { id: string }[] };
        viewNodes.set(record.get("id") as string, new Set((state.nodes ?? []).map((node) => node.id)));
      }
    }
    const history = await this.timeline.history(signal);
    const today = now.toISOString().slice(0, 10);
    const byKey = new Map<string, WatchedChange>();
    // One diff per distinct seenAt: watches marked seen together share one.
    for (const seenAt of [...new Set(active.map((watch) => watch.seenAt))]) {
      const changes = diffClaims(
        history.claims,
        { axis: "entered", from: seenAt, to: now.toISOString(), today },
        { names: history.names, sources: history.sources },
      );
      for (const watch of active.filter((candidate) => candidate.seenAt === seenAt)) {
        for (const change of changes) {
          if (!concerns(change, watch, viewNodes.get(watch.target))) continue;
          const key = `${change.kind}|${change.relationshipId ?? ""}|${change.entityIds.join(",")}|${change.after ?? ""}`;
          const known = byKey.get(key);
          if (known) {
            if (!known.watchIds.includes(watch.id)) known.watchIds.push(watch.id);
          } else byKey.set(key, { ...change, watchIds: [watch.id] });
        }
      }
    }
    const changes = [...byKey.values()];
    return { count: changes.length, since: oldest(watches), changes, removed };
  }
}

function oldest(watches: readonly Watch[]): string | null {
  return watches.map((watch) => watch.seenAt).sort()[0] ?? null;
}
