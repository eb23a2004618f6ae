import { createHash, timingSafeEqual } from "node:crypto";
import type { Request, RequestHandler, Response } from "express";
import { AppError } from "../errors/app-error";
import { authContextOf } from "./auth-context";
import type { AuthFailureLimit } from "./auth-failure-limit";

const REALM = 'Basic realm="Graph Explorer", charset="UTF-8"';
const BEARER_REALM = 'Bearer realm="Graph Explorer"';

/**
 * The token a request carries: `Authorization: Bearer <token>` (scripts) or HTTP Basic with the
 * token as the password and any user name (what a plain browser sends after its login prompt).
 */
export function presentedToken(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const [scheme, credentials = ""] = header.trim().split(/\s+/, 2);
  if (scheme?.toLowerCase() === "bearer") return credentials;
  if (scheme?.toLowerCase() === "basic") {
    const decoded = Buffer.from(credentials, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    return colon < 0 ? undefined : decoded.slice(colon + 1);
  }
  return undefined;
}

/** Compares in constant time: both sides are hashed first, so even their lengths do not leak. */
export function tokensMatch(presented: string | undefined, expected: string): boolean {
  if (presented === undefined) return false;
  const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

function unauthorized(req: Request, what: string): AppError {
  req.log?.warn({ path: req.path }, `refused: ${what} missing or wrong`);
  return new AppError(
    "UNAUTHORIZED",
    401,
    `This server needs ${what}: sign in, or send Authorization: Bearer <token>.`,
  );
}

/**
 * Compares the presented token with the expected one, unless this address has used up its failed
 * sign-ins (then 429 RATE_LIMITED with Retry-After, before any comparison). A wrong token counts as
 * a failure; no token at all does not (a browser's first request, before its login prompt).
 */
function checkToken(
  req: Request,
  res: Response,
  expected: string,
  failures: AuthFailureLimit | undefined,
): "ok" | "wrong" | AppError {
  const wait = failures?.lockedFor(req) ?? 0;
  if (wait > 0) {
    req.log?.warn({ path: req.path, retryAfter: wait }, "refused: too many failed sign-ins from this address");
    res.setHeader("Retry-After", String(wait));
    return new AppError(
      "RATE_LIMITED",
      429,
      `Too many failed sign-ins from this address: try again in ${wait} s.`,
      true,
    );
  }
  const presented = presentedToken(req);
  if (tokensMatch(presented, expected)) return "ok";
  if (presented !== undefined) failures?.recordFailure(req);
  return "wrong";
}

/** When APP_TOKEN is set, every request (the page and the API) must carry it; browsers get a login prompt. */
export function requireAppToken(appToken: string, failures?: AuthFailureLimit): RequestHandler {
  return (req, res, next) => {
    const verdict = checkToken(req, res, appToken, failures);
    if (verdict === "ok") return next();
    if (verdict !== "wrong") return next(verdict);
    res.setHeader("WWW-Authenticate", REALM);
    next(unauthorized(req, "the app token"));
  };
}

/**
 * For endpoints that change data (claims ingestion): refused outright when the server has no
 * write token (WRITE_TOKEN, else APP_TOKEN), refused 401 without the right one. Scripts send it as
 * a bearer token; a browser's Basic login also carries it, but the write guard then asks for the
 * page's CSRF token as well. The challenge is Bearer: no login prompt for a write.
 */
export function requireWriteToken(writeToken: string | undefined, failures?: AuthFailureLimit): RequestHandler {
  return (req, res, next) => {
    // Accounts mode: the access gate has checked the user's role already.
    if (authContextOf(req)) return next();
    if (writeToken === undefined) {
      next(new AppError("WRITE_FORBIDDEN", 403, "This server takes no writes: set WRITE_TOKEN to allow them."));
      return;
    }
    const verdict = checkToken(req, res, writeToken, failures);
    if (verdict === "ok") return next();
    if (verdict !== "wrong") return next(verdict);
    res.setHeader("WWW-Authenticate", BEARER_REALM);
    next(unauthorized(req, "the write token"));
  };
}
