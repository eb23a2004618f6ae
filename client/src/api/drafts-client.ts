import { z } from "zod";
import {
  type CommitDraftAnswer,
  type Draft,
  type DraftContent,
  type DraftSummary,
  draftEndpoints,
  type OutletList,
} from "../../../contract/draft-endpoints";
import { endpointUrl } from "../../../contract/endpoint";
import { type ExtractAnswer, type ExtractRequest, extractEndpoints } from "../../../contract/extract-endpoints";
import { requestJson } from "./api-client";
import { createCsrfWriter } from "./csrf-writer";

/** The Sources workspace's calls: proposals from a text, drafts saved as the analyst works, the commit. */
export interface DraftsClient {
  extract(request: ExtractRequest, signal?: AbortSignal): Promise<ExtractAnswer>;
  outlets(): Promise<OutletList["outlets"]>;
  list(): Promise<DraftSummary[]>;
  get(id: string): Promise<Draft>;
  /** Saves over `revision` (0: a new draft); a stale revision rejects with ApiRequestError CONFLICT (details.draft). */
  put(id: string, revision: number, content: DraftContent): Promise<Draft>;
  delete(id: string): Promise<void>;
  commit(id: string, revision: number): Promise<CommitDraftAnswer>;
  /** Where the committed claims file downloads from. */
  claimsFileUrl(id: string): string;
}

export function createDraftsClient(baseUrl = ""): DraftsClient {
  /** A write with the page's CSRF token, fetched again once if the server refuses it. */
  const write = createCsrfWriter(baseUrl);
  const url = (path: string) => `${baseUrl}${path}`;
  const { list, get, put, delete: remove, commit, claimsFile, outlets } = draftEndpoints;
  return {
    extract: (request, signal) =>
      requestJson(url(endpointUrl(extractEndpoints.extract, {})), extractEndpoints.extract.answer, {
        body: request,
        signal,
      }),
    outlets: async () => (await requestJson(url(endpointUrl(outlets, {})), outlets.answer)).outlets,
    list: async () => (await requestJson(url(endpointUrl(list, {})), list.answer)).drafts,
    get: (id) => requestJson(url(endpointUrl(get, { id })), get.answer),
    put: (id, revision, content) =>
      write(url(endpointUrl(put, { id })), put.answer, { body: { revision, content }, method: "PUT" }),
    delete: (id) => write(url(endpointUrl(remove, { id })), z.undefined(), { method: "DELETE" }),
    commit: (id, revision) => write(url(endpointUrl(commit, { id })), commit.answer, { body: { revision } }),
    claimsFileUrl: (id) => url(endpointUrl(claimsFile, { id })),
  };
}
