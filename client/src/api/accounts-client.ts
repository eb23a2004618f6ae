import { z } from "zod";
import {
  type ApiKeySummary,
  type AuditEvent,
  type AuditQuery,
  authEndpoints,
  type SignedInUser,
  type UserSummary,
  type WhoAmI,
} from "../../../contract/auth-endpoints";
import { CSRF_TOKEN_HEADER } from "../../../contract/csrf-token";
import type { Role } from "../../../contract/endpoint";
import { endpointPath, endpointUrl } from "../../../contract/endpoint";
import { apiErrorSchema } from "../../../contract/graph-contract";
import { probeEndpoints } from "../../../contract/probe-endpoints";
import { ApiRequestError } from "./api-request-error";

/** Accounts (issue #17): signing in and out, the user's password and API keys, users and the audit trail. */
export interface AccountsClient {
  me(): Promise<WhoAmI>;
  signIn(name: string, password: string): Promise<SignedInUser>;
  signOut(): Promise<void>;
  signOutEverywhere(): Promise<void>;
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
  listKeys(): Promise<ApiKeySummary[]>;
  createKey(label: string): Promise<{ key: ApiKeySummary; secret: string }>;
  revokeKey(id: string): Promise<void>;
  listUsers(): Promise<UserSummary[]>;
  createUser(name: string, role: Role): Promise<{ user: UserSummary; oneTimePassword: string }>;
  setRole(name: string, role: Role): Promise<UserSummary>;
  resetPassword(name: string): Promise<{ user: UserSummary; oneTimePassword: string }>;
  removeUser(name: string): Promise<void>;
  audit(query: Partial<AuditQuery>): Promise<AuditEvent[]>;
  /** Where the CSV of the same events downloads from (a plain link: the cookie signs it). */
  auditCsvUrl(query: Partial<AuditQuery>): string;
}

type Method = "GET" | "POST" | "DELETE";

export function createAccountsClient(baseUrl = ""): AccountsClient {
  let csrf: Promise<string> | undefined;
  const freshCsrf = (): Promise<string> => {
    const { csrfToken } = probeEndpoints;
    csrf = send("GET", endpointUrl(csrfToken, {}), csrfToken.answer).then(({ token }) => token);
    csrf.catch(() => {
      csrf = undefined;
    });
    return csrf;
  };

  async function send<T>(
    method: Method,
    path: string,
    schema: z.ZodType<T>,
    body?: unknown,
    token?: string,
  ): Promise<T> {
    const headers: Record<string, string> = { Accept: "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (token) headers[CSRF_TOKEN_HEADER] = token;
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        method,
        headers,
        credentials: "same-origin",
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch (error) {
      throw new ApiRequestError("NETWORK", `Cannot reach the server (${String(error)}).`, true, 0);
    }
    const answer: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
    if (!response.ok) {
      const failure = apiErrorSchema.safeParse(answer);
      if (failure.success) {
        const { code, message, retriable, details } = failure.data.error;
        throw new ApiRequestError(code, message, retriable, response.status, details);
      }
      throw new ApiRequestError(
        "BAD_RESPONSE",
        `The server answered ${response.status} for ${path}.`,
        false,
        response.status,
      );
    }
    return schema.parse(answer);
  }

  /** A write: with the page's CSRF token, fetched again once if the server refuses it (a restart). */
  async function write<T>(method: Method, path: string, schema: z.ZodType<T>, body: unknown = {}): Promise<T> {
    try {
      return await send(method, path, schema, method === "DELETE" ? undefined : body, await (csrf ?? freshCsrf()));
    } catch (error) {
      if (!(error instanceof ApiRequestError) || error.code !== "WRITE_FORBIDDEN") throw error;
      return send(method, path, schema, method === "DELETE" ? undefined : body, await freshCsrf());
    }
  }

  const e = authEndpoints;
  const none = z.undefined();
  const auditQuery = (query: Partial<AuditQuery>) => ({
    actor: query.actor || undefined,
    action: query.action || undefined,
    from: query.from || undefined,
    to: query.to || undefined,
    limit: query.limit,
  });
  return {
    me: () => send("GET", endpointUrl(e.me, {}), e.me.answer),
    signIn: (name, password) => send("POST", endpointUrl(e.signIn, {}), e.signIn.answer, { name, password }),
    signOut: () => write("POST", endpointUrl(e.signOut, {}), none),
    signOutEverywhere: () => write("POST", endpointUrl(e.signOutEverywhere, {}), none),
    changePassword: (currentPassword, newPassword) =>
      write("POST", endpointUrl(e.changePassword, {}), none, { currentPassword, newPassword }),
    listKeys: async () => (await send("GET", endpointUrl(e.listKeys, {}), e.listKeys.answer)).keys,
    createKey: (label) => write("POST", endpointUrl(e.createKey, {}), e.createKey.answer, { label }),
    revokeKey: (id) => write("DELETE", endpointPath(e.revokeKey, { id }), none),
    listUsers: async () => (await send("GET", endpointUrl(e.listUsers, {}), e.listUsers.answer)).users,
    createUser: (name, role) => write("POST", endpointUrl(e.createUser, {}), e.createUser.answer, { name, role }),
    setRole: (name, role) => write("POST", endpointPath(e.setRole, { name }), e.setRole.answer, { role }),
    resetPassword: (name) => write("POST", endpointPath(e.resetPassword, { name }), e.resetPassword.answer),
    removeUser: (name) => write("DELETE", endpointPath(e.removeUser, { name }), none),
    audit: async (query) => (await send("GET", endpointUrl(e.audit, {}, auditQuery(query)), e.audit.answer)).events,
    auditCsvUrl: (query) => `${baseUrl}${endpointUrl(e.auditCsv, {}, auditQuery(query))}`,
  };
}
