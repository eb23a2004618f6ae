import type { Request, RequestHandler } from "express";
import type { Logger } from "pino";
import type { AuditLog } from "../audit/audit-log";
import { AppError } from "../errors/app-error";
import { type AuditInput, type AuthContext, clientAddress, principalOf, setAuthContext } from "../http/auth-context";
import type { AuthFailureLimit } from "../http/auth-failure-limit";
import type { CsrfTokens } from "../http/csrf-tokens";
import { AccountRepository, type SessionSettings } from "./account-repository";
import { readSessionCookie } from "./session-cookie";

export interface AccountsDependencies {
  accounts: AccountRepository;
  audit: AuditLog;
  csrf: CsrfTokens;
  session: SessionSettings;
  /** Failed sign-ins (wrong passwords, wrong API keys) per address. */
  failures: AuthFailureLimit;
  logger: Logger;
}

/** Appends to the audit trail without holding the request up; a failure is logged, never thrown. */
export function auditWriter(audit: AuditLog, logger: Logger) {
  return (req: Request, input: AuditInput & { actor: string }): void => {
    audit
      .record({ ...input, address: clientAddress(req) })
      .catch((error: unknown) => logger.error({ err: error, action: input.action }, "audit event not recorded"));
  };
}

function bearerToken(req: Request): string | undefined {
  const [scheme, credentials] = req.headers.authorization?.trim().split(/\s+/, 2) ?? [];
  return scheme?.toLowerCase() === "bearer" ? (credentials ?? "") : undefined;
}

/** Static files of the built client need nobody: the pages they belong to are gated. */
const ASSET = /^\/(assets\/|favicon)|\.(js|css|map|svg|png|woff2?)$/;

/**
 * Accounts mode, before every route: who is asking (an API key in `Authorization: Bearer`, else
 * the session cookie), put on the request for the access gate. A wrong or revoked key is 401 at
 * once and counts as a failed sign-in of the address (429 with Retry-After past the limit); an
 * unknown or expired session is simply nobody.
 */
export function authenticate(deps: AccountsDependencies): RequestHandler {
  const write = auditWriter(deps.audit, deps.logger);
  return async (req, res, next) => {
    if (req.method === "GET" && ASSET.test(req.path)) return next();
    const context: AuthContext = {
      principal: undefined,
      verifyCsrf: (token) => deps.csrf.verify(token),
      audit: (request, input) =>
        write(request, { ...input, actor: input.actor ?? context.principal?.name ?? "(anonymous)" }),
    };
    setAuthContext(req, context);
    try {
      const bearer = bearerToken(req);
      if (bearer !== undefined) {
        const wait = deps.failures.lockedFor(req);
        if (wait > 0) {
          res.setHeader("Retry-After", String(wait));
          throw new AppError(
            "RATE_LIMITED",
            429,
            `Too many failed sign-ins from this address: try again in ${wait} s.`,
            true,
          );
        }
        context.principal = await deps.accounts.keyPrincipal(bearer);
        if (!context.principal) {
          deps.failures.recordFailure(req);
          const known = AccountRepository.isApiKey(bearer)
            ? "an unknown or revoked API key"
            : "a bearer token that is no API key";
          context.audit(req, {
            action: "API key refused",
            status: 401,
            summary: `${req.method} ${req.path}: ${known}`,
          });
          res.setHeader("WWW-Authenticate", 'Bearer realm="Graph Explorer", error="invalid_token"');
          throw new AppError("UNAUTHORIZED", 401, "This API key is unknown or revoked.");
        }
        return next();
      }
      const token = readSessionCookie(req);
      if (token) context.principal = await deps.accounts.sessionPrincipal(token, deps.session);
      next();
    } catch (error) {
      next(error);
    }
  };
}

/**
 * Accounts mode: the app's pages need someone signed in; anyone else is sent to the sign-in page,
 * which is served to all, with where they were going.
 */
export function requirePageSignIn(): RequestHandler {
  return (req, res, next) => {
    if (req.method !== "GET" || req.path.startsWith("/api/") || ASSET.test(req.path)) return next();
    if (req.path === "/sign-in.html") return next();
    // Someone still on a one-time password goes back too: the sign-in page asks for their own first.
    const principal = principalOf(req);
    if (principal && !principal.mustChangePassword) return next();
    const target = req.originalUrl.startsWith("/") && !req.originalUrl.startsWith("//") ? req.originalUrl : "/";
    res.redirect(303, `/sign-in.html?next=${encodeURIComponent(target)}`);
  };
}
