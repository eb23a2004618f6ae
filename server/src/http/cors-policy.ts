import type { RequestHandler } from "express";

/**
 * CORS closed by default: only origins listed in CORS_ORIGINS get Access-Control-Allow-Origin.
 * Preflights from a listed origin are answered here; others fall through and get no CORS headers.
 */
export function corsPolicy(allowedOrigins: readonly string[]): RequestHandler {
  const allowed = new Set(allowedOrigins);
  return (req, res, next) => {
    res.vary("Origin");
    const origin = req.headers.origin;
    if (origin === undefined || !allowed.has(origin)) return next();
    res.setHeader("Access-Control-Allow-Origin", origin);
    res.setHeader("Access-Control-Expose-Headers", "Retry-After, X-Request-Id");
    if (req.method !== "OPTIONS" || !req.headers["access-control-request-method"]) return next();
    res.setHeader("Access-Control-Allow-Methods", "GET, HEAD, POST, PUT, PATCH, DELETE");
    res.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type, X-Request-Id");
    res.setHeader("Access-Control-Max-Age", "600");
    res.status(204).end();
  };
}
