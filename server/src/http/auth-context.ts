import { AsyncLocalStorage } from "node:async_hooks";
import type { Request } from "express";
import type { Role } from "../../../contract/endpoint";

/** Who made a request, as accounts mode established it. */
export interface Principal {
  name: string;
  role: Role;
  mustChangePassword: boolean;
  /** Signed in through the page (a cookie: writes need the CSRF token) or with an API key. */
  via: "session" | "key";
}

/** What accounts mode knows of a request: its principal (none when nobody signed in) and what the gate needs. */
export interface AuthContext {
  principal: Principal | undefined;
  /** Checks a page's X-CSRF-Token. */
  verifyCsrf: (token: string | undefined) => boolean;
  /** Appends an audit event; never throws (a failure is logged). */
  audit: (req: Request, event: AuditInput) => void;
}

export interface AuditInput {
  actor?: string;
  action: string;
  status: number;
  summary: string;
}

const contexts = new WeakMap<Request, AuthContext>();
const summaries = new WeakMap<Request, string>();

/** Set by the authenticate middleware in accounts mode only: in token mode no request has one. */
export function setAuthContext(req: Request, context: AuthContext): void {
  contexts.set(req, context);
}

export function authContextOf(req: Request): AuthContext | undefined {
  return contexts.get(req);
}

export function principalOf(req: Request): Principal | undefined {
  return contexts.get(req)?.principal;
}

/** A route says what its write changed, for the audit trail (else the method and path stand for it). */
export function noteAuditSummary(req: Request, summary: string): void {
  summaries.set(req, summary);
}

export function auditSummaryOf(req: Request): string | undefined {
  return summaries.get(req);
}

/** The client address as Express sees it (TRUST_PROXY decides whether X-Forwarded-For counts). */
export function clientAddress(req: Request): string {
  return req.ip ?? req.socket?.remoteAddress ?? "unknown";
}

const scope = new AsyncLocalStorage<Principal | undefined>();

/**
 * Runs a route's handler as its principal: code below the route (the claims ingester) asks
 * `currentPrincipal()` who is writing, without every route passing it down. route() does this for
 * every handler, so routes added later need nothing.
 */
export function runAs<T>(principal: Principal | undefined, work: () => T): T {
  return scope.run(principal, work);
}

/** Who the running request's handler acts for (accounts mode), else undefined. */
export function currentPrincipal(): Principal | undefined {
  return scope.getStore();
}
