import { createHash, timingSafeEqual } from "node:crypto";
import type { Request, RequestHandler } from "express";
import { AppError } from "../errors/app-error";

const REALM = 'Basic realm="Graph Explorer", charset="UTF-8"';

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

/** When APP_TOKEN is set, every request (the page and the API) must carry it; browsers get a login prompt. */
export function requireAppToken(appToken: string): RequestHandler {
  return (req, res, next) => {
    if (tokensMatch(presentedToken(req), appToken)) return next();
    res.setHeader("WWW-Authenticate", REALM);
    next(unauthorized(req, "the app token"));
  };
}

/**
 * For endpoints that change data (claims ingestion): refused outright when the server has no
 * write token (WRITE_TOKEN, else APP_TOKEN), refused 401 without the right one.
 */
export function requireWriteToken(writeToken: string | undefined): RequestHandler {
  return (req, res, next) => {
    if (writeToken === undefined) {
      next(new AppError("WRITE_FORBIDDEN", 403, "This server takes no writes: set WRITE_TOKEN to allow them."));
      return;
    }
    if (tokensMatch(presentedToken(req), writeToken)) return next();
    res.setHeader("WWW-Authenticate", REALM);
    next(unauthorized(req, "the write token"));
  };
}
