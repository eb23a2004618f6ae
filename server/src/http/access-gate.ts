import type { RequestHandler } from "express";
import { CSRF_TOKEN_HEADER } from "../../../contract/csrf-token";
import { type Endpoint, endpointAccess, roleAtLeast } from "../../../contract/endpoint";
import { AppError } from "../errors/app-error";
import { auditSummaryOf, authContextOf } from "./auth-context";

/**
 * What every route of the endpoint table runs first (route() puts it there), so no route can be
 * left out: in accounts mode, the endpoint's access (its own, else viewer for GET and editor for
 * writes) against the signed-in user's role; 401 when nobody signed in, 403 naming the role needed.
 * A write from the page (session cookie) needs the page's CSRF token too (a read-only POST is not
 * a write). Every write that succeeds goes to the audit trail. In token mode (no auth context) it
 * lets everything through: APP_TOKEN and WRITE_TOKEN decide there, as before.
 */
export function accessGate(endpoint: Endpoint): RequestHandler {
  const access = endpointAccess(endpoint);
  const action = `${endpoint.method} ${endpoint.path}`;
  // A read-only POST (the workbench, a node lookup, proposals from an article: `writes: "none"`)
  // changes nothing: it needs no CSRF token and is no event of the audit trail.
  const isWrite = endpoint.method !== "GET" && endpoint.writes !== "none";
  return (req, res, next) => {
    const context = authContextOf(req);
    if (!context || access === "public") return next();
    const principal = context.principal;
    if (!principal) {
      next(
        new AppError("UNAUTHORIZED", 401, "Sign in first (/sign-in.html), or send Authorization: Bearer <API key>."),
      );
      return;
    }
    if (principal.mustChangePassword && !endpoint.path.startsWith("/api/auth/")) {
      next(new AppError("UNAUTHORIZED", 403, "Change your one-time password first (POST /api/auth/password)."));
      return;
    }
    if (!roleAtLeast(principal.role, access)) {
      req.log?.warn({ user: principal.name, role: principal.role, needed: access, action }, "refused: role");
      const code = isWrite ? "WRITE_FORBIDDEN" : "UNAUTHORIZED";
      next(
        new AppError(
          code,
          403,
          `This needs the ${access} role; ${principal.name} is ${principal.role === "admin" ? "an" : "a"} ${principal.role}.`,
          false,
          { needed: access, role: principal.role },
        ),
      );
      return;
    }
    if (isWrite && principal.via === "session") {
      const token = req.headers[CSRF_TOKEN_HEADER.toLowerCase()];
      if (!context.verifyCsrf(typeof token === "string" ? token : undefined)) {
        req.log?.warn({ user: principal.name, action }, "refused: a signed-in write without a valid CSRF token");
        next(
          new AppError(
            "WRITE_FORBIDDEN",
            403,
            "Writes from the page need its X-CSRF-Token header (GET /api/csrf-token); scripts use an API key.",
          ),
        );
        return;
      }
    }
    if (isWrite) {
      res.on("finish", () => {
        if (res.statusCode >= 400) return;
        const summary = auditSummaryOf(req) ?? `${req.method} ${req.originalUrl.slice(0, 300)}`;
        context.audit(req, { action, status: res.statusCode, summary });
      });
    }
    next();
  };
}
