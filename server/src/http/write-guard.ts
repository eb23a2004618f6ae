import type { Request, RequestHandler } from "express";
import { AppError } from "../errors/app-error";
import { CSRF_HEADER, type CsrfTokens } from "./csrf-tokens";

export interface WriteGuardSettings {
  /** CORS_ORIGINS: other origins whose pages may write (with a bearer token). */
  allowedOrigins: readonly string[];
  csrf: CsrfTokens;
}

/** The guard of one state-changing route, given the one content type it takes. */
export type WriteGuard = (contentType: string) => RequestHandler[];

/**
 * What every state-changing route (claims, saved views, and those to come) runs before anything
 * else, in this order:
 * 1. no writes from another site's page: a foreign `Origin` or `Sec-Fetch-Site: cross-site` /
 *    `same-site` is 403 WRITE_FORBIDDEN, unless the origin is listed in CORS_ORIGINS; scripts that
 *    send neither header pass (the algorithm of Go's net/http CrossOriginProtection);
 * 2. no write on a credential the browser sends by itself: HTTP Basic (the login prompt's cached
 *    credentials) needs the page's `X-CSRF-Token` too; a bearer token is enough as it is;
 * 3. only the route's own content type (415 otherwise), which no HTML form can send as JSON.
 */
export function createWriteGuard(settings: WriteGuardSettings): WriteGuard {
  const sameOrigin = refuseCrossSite(settings.allowedOrigins);
  const credential = refuseBrowserOnlyCredentials(settings.csrf);
  return (contentType) => [sameOrigin, credential, requireContentType(contentType)];
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function refuseCrossSite(allowedOrigins: readonly string[]): RequestHandler {
  const allowed = new Set(allowedOrigins);
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method) || isSameOriginOrAllowed(req, allowed)) return next();
    req.log?.warn(
      { origin: req.headers.origin, fetchSite: req.headers["sec-fetch-site"] },
      "refused: cross-site write",
    );
    next(
      new AppError(
        "WRITE_FORBIDDEN",
        403,
        "Writes from another site's page are refused: use this app's own page, or list that origin in CORS_ORIGINS.",
      ),
    );
  };
}

function isSameOriginOrAllowed(req: Request, allowed: ReadonlySet<string>): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined && allowed.has(origin)) return true;
  const site = req.headers["sec-fetch-site"];
  // Browsers since 2023 send it, and pages cannot forge it.
  if (site !== undefined) return site === "same-origin" || site === "none";
  // No browser (curl, scripts), or an old one that sends no Origin on this request.
  if (origin === undefined) return true;
  // An old browser: the origin's host must be the one this request was sent to. The scheme is
  // left out: behind a TLS proxy the app sees http while the page is https.
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false; // "null" (sandboxed frames, file:) and garbage
  }
}

export function refuseBrowserOnlyCredentials(csrf: CsrfTokens): RequestHandler {
  return (req, _res, next) => {
    const scheme = req.headers.authorization?.trim().split(/\s+/, 1)[0]?.toLowerCase();
    if (scheme !== "basic") return next();
    const token = req.headers[CSRF_HEADER];
    if (csrf.verify(typeof token === "string" ? token : undefined)) return next();
    req.log?.warn({ path: req.path }, "refused: a write with browser credentials and no valid CSRF token");
    next(
      new AppError(
        "WRITE_FORBIDDEN",
        403,
        "Writes signed in with the browser's login need the page's X-CSRF-Token header (GET /api/csrf-token); scripts send Authorization: Bearer <token>.",
      ),
    );
  };
}

export function requireContentType(contentType: string): RequestHandler {
  return (req, _res, next) => {
    const hasBody = req.method === "POST" || req.method === "PUT" || req.method === "PATCH" || hasRequestBody(req);
    if (!hasBody || req.is(contentType)) return next();
    const given = req.headers["content-type"];
    next(
      new AppError(
        "VALIDATION",
        415,
        `This endpoint takes Content-Type: ${contentType}${given ? `, not ${given.split(";")[0]?.slice(0, 100)}` : ""}.`,
      ),
    );
  };
}

function hasRequestBody(req: Request): boolean {
  return req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
}
