import { z } from "zod";
import { endpointUrl } from "../../../contract/endpoint";
import {
  type ChangeList,
  type ChangesQuery,
  type Timeline,
  timelineEndpoints,
  type Watch,
  type WatchChanges,
  type WatchKind,
  watchEndpoints,
} from "../../../contract/timeline-endpoints";
import { requestJson } from "./api-client";
import { createCsrfWriter } from "./csrf-writer";

/** The story over time's calls (issue #20): the timeline, the changes between two dates, the watches. */
export interface TimelineClient {
  getTimeline(signal?: AbortSignal): Promise<Timeline>;
  getChanges(query: ChangesQuery, signal?: AbortSignal): Promise<ChangeList>;
  listWatches(): Promise<Watch[]>;
  watch(kind: WatchKind, target: string): Promise<Watch>;
  unwatch(id: string): Promise<void>;
  watchChanges(): Promise<WatchChanges>;
  markSeen(): Promise<void>;
}

export function createTimelineClient(baseUrl = ""): TimelineClient {
  /** A write with the page's CSRF token, fetched again once if the server refuses it. */
  const write = createCsrfWriter(baseUrl);
  const { timeline, changes } = timelineEndpoints;
  const { list, watch, unwatch, changes: watched, seen } = watchEndpoints;
  return {
    getTimeline: (signal) => requestJson(`${baseUrl}${endpointUrl(timeline, {})}`, timeline.answer, { signal }),
    getChanges: (query, signal) =>
      requestJson(
        `${baseUrl}${endpointUrl(
          changes,
          {},
          {
            from: query.from,
            to: query.to,
            fromArticle: query.fromArticle,
            toArticle: query.toArticle,
            axis: query.axis,
          },
        )}`,
        changes.answer,
        { signal },
      ),
    listWatches: async () => (await requestJson(`${baseUrl}${endpointUrl(list, {})}`, list.answer)).watches,
    watch: (kind, target) => write(`${baseUrl}${endpointUrl(watch, {})}`, watch.answer, { body: { kind, target } }),
    // 204: no body to check.
    unwatch: (id) => write(`${baseUrl}${endpointUrl(unwatch, { id })}`, z.undefined(), { method: "DELETE" }),
    watchChanges: () => requestJson(`${baseUrl}${endpointUrl(watched, {})}`, watched.answer),
    markSeen: async () => {
      await write(`${baseUrl}${endpointUrl(seen, {})}`, seen.answer, { body: {} });
    },
  };
}
