import { type Request, type Response, Router } from "express";
import { authEndpoints, type WhoAmI } from "../../../contract/auth-endpoints";
import { auditCsv } from "../audit/audit-log";
import { AppError } from "../errors/app-error";
import { noteAuditSummary, type Principal, principalOf } from "../http/auth-context";
import type { FailureWindows } from "../http/failure-windows";
import { route } from "../http/route";
import type { WriteGuard } from "../http/write-guard";
import { abortOnClose } from "../routes/abort-on-close";
import { nameKey } from "./account-repository";
import { type AccountsDependencies, auditWriter } from "./authenticate";
import { type OidcSignIn, oidcUser } from "./oidc-sign-in";
import { type CookieSecurity, clearSessionCookie, readSessionCookie, setSessionCookie } from "./session-cookie";

/** A path of this site (from ?next=), never another site ("//x", "https:"). */
function safeLocalPath(next: string | undefined): string {
  return next?.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}

const escapeAttribute = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

export interface AuthRouteSettings extends AccountsDependencies {
  cookieSecurity: CookieSecurity;
  /** Failed sign-ins per account name. */
  accountFailures: FailureWindows;
  /** The cross-site and content-type checks every state-changing route runs (signing in too). */
  writeGuard: WriteGuard;
  /** Sign-in through the organisation's OpenID Connect provider, when OIDC_ISSUER is set. */
  oidc: OidcSignIn | undefined;
}

/** Set by the access gate before any of these handlers runs for a non-public endpoint. */
function signedIn(req: Parameters<typeof principalOf>[0]): Principal {
  const principal = principalOf(req);
  if (!principal) throw new AppError("UNAUTHORIZED", 401, "Sign in first.");
  return principal;
}

/** `GET /api/auth/me` in token mode: nobody signs in there. */
export function tokenModeAuthRoutes(): Router {
  const router = Router();
  route(router, authEndpoints.me, (_req, res) => {
    const answer: WhoAmI = { mode: "token", user: null, oidc: false };
    res.setHeader("Cache-Control", "no-store");
    res.json(answer);
  });
  return router;
}

/** Signing in and out, passwords, API keys, users (admin) and the audit trail (admin). */
export function accountRoutes(settings: AuthRouteSettings): Router {
  const { accounts, audit, failures, accountFailures, cookieSecurity, session } = settings;
  const record = auditWriter(audit, settings.logger);
  const router = Router();
  const guard = settings.writeGuard("application/json");

  route(router, authEndpoints.me, (req, res) => {
    const principal = principalOf(req);
    const answer: WhoAmI = {
      mode: "accounts",
      user: principal
        ? { name: principal.name, role: principal.role, mustChangePassword: principal.mustChangePassword }
        : null,
      oidc: settings.oidc !== undefined,
    };
    res.setHeader("Cache-Control", "no-store");
    res.json(answer);
  });

  route(router, authEndpoints.signIn, ...guard, async (req, res) => {
    const { name, password } = authEndpoints.signIn.body.parse(req.body);
    const account = nameKey(name);
    const wait = Math.max(failures.lockedFor(req), accountFailures.lockedFor(account));
    if (wait > 0) {
      record(req, { actor: name, action: "sign-in refused", status: 429, summary: "too many failed sign-ins" });
      res.setHeader("Retry-After", String(wait));
      throw new AppError("RATE_LIMITED", 429, `Too many failed sign-ins: try again in ${wait} s.`, true);
    }
    const user = await accounts.checkPassword(name, password);
    if (!user) {
      failures.recordFailure(req);
      accountFailures.recordFailure(account);
      // Never the password: only that it was wrong for this name.
      req.log?.warn({ user: name }, "sign-in failed");
      record(req, { actor: name, action: "sign-in failed", status: 401, summary: "wrong name or password" });
      throw new AppError("UNAUTHORIZED", 401, "Wrong name or password.");
    }
    accountFailures.clear(account);
    const token = await accounts.startSession(user.name);
    setSessionCookie(req, res, token, cookieSecurity, session.maxAgeMs);
    record(req, { actor: user.name, action: "sign-in", status: 200, summary: `signed in as ${user.role}` });
    res.setHeader("Cache-Control", "no-store");
    res.json({ name: user.name, role: user.role, mustChangePassword: user.mustChangePassword });
  });

  const oidcOrNotFound = (): OidcSignIn => {
    if (!settings.oidc)
      throw new AppError("NOT_FOUND", 404, "This server has no OpenID Connect provider (OIDC_ISSUER).");
    return settings.oidc;
  };

  route(router, authEndpoints.oidcStart, async (req, res) => {
    const { next } = authEndpoints.oidcStart.query.parse(req.query);
    await oidcOrNotFound().start(req, res, safeLocalPath(next));
  });

  route(router, authEndpoints.oidcCallback, async (req, res) => {
    try {
      await oidcCallback(req, res);
    } catch (error) {
      // A browser lands on the sign-in page, which says why; scripts and tests get the error as JSON.
      if (!(error instanceof AppError) || req.accepts(["json", "html"]) !== "html") throw error;
      res.redirect(303, `/sign-in.html?error=${encodeURIComponent(error.message)}`);
    }
  });

  const oidcCallback = async (req: Request, res: Response) => {
    const oidc = oidcOrNotFound();
    const { claims, next } = await oidc.finish(req, res);
    const { name, role } = oidcUser(claims, oidc.settings);
    if (!role || name.length > 64) {
      record(req, {
        actor: name.slice(0, 64),
        action: "sign-in refused",
        status: 403,
        summary: "OpenID Connect: no role maps",
      });
      throw new AppError(
        "UNAUTHORIZED",
        403,
        `${name} has no role here: ask an administrator to map one of your groups (OIDC_ROLE_MAP).`,
      );
    }
    const user = await accounts.upsertExternalUser(name, role);
    const token = await accounts.startSession(user.name);
    setSessionCookie(req, res, token, cookieSecurity, session.maxAgeMs);
    record(req, {
      actor: user.name,
      action: "sign-in",
      status: 200,
      summary: `signed in through OpenID Connect as ${user.role}`,
    });
    // A page, not a redirect: the SameSite=Strict cookie goes with a navigation this site starts, not the provider's.
    res.setHeader("Cache-Control", "no-store");
    const to = escapeAttribute(next);
    res
      .type("html")
      .send(
        `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${to}"><title>Signed in</title><p>Signed in. <a href="${to}">Continue</a></p>`,
      );
  };

  route(router, authEndpoints.signOut, ...guard, async (req, res) => {
    const token = readSessionCookie(req);
    if (token) await accounts.endSession(token);
    clearSessionCookie(req, res, cookieSecurity);
    noteAuditSummary(req, "signed out");
    res.status(204).end();
  });

  route(router, authEndpoints.signOutEverywhere, ...guard, async (req, res) => {
    const ended = await accounts.endAllSessions(signedIn(req).name);
    clearSessionCookie(req, res, cookieSecurity);
    noteAuditSummary(req, `signed out everywhere (${ended} session${ended === 1 ? "" : "s"})`);
    res.status(204).end();
  });

  route(router, authEndpoints.changePassword, ...guard, async (req, res) => {
    const principal = signedIn(req);
    const { currentPassword, newPassword } = authEndpoints.changePassword.body.parse(req.body);
    if (!(await accounts.checkPassword(principal.name, currentPassword))) {
      failures.recordFailure(req);
      throw new AppError("VALIDATION", 400, "The current password is wrong.");
    }
    if (currentPassword === newPassword)
      throw new AppError("VALIDATION", 400, "The new password must differ from the current one.");
    await accounts.changePassword(
      principal.name,
      newPassword,
      principal.via === "session" ? readSessionCookie(req) : undefined,
    );
    noteAuditSummary(req, "changed their password; their other sessions ended");
    res.status(204).end();
  });

  route(router, authEndpoints.listKeys, async (req, res) => {
    res.json({ keys: await accounts.listKeys(signedIn(req).name) });
  });

  route(router, authEndpoints.createKey, ...guard, async (req, res) => {
    const { label } = authEndpoints.createKey.body.parse(req.body);
    const created = await accounts.createKey(signedIn(req).name, label);
    noteAuditSummary(req, `created API key ${created.key.id} "${label}"`);
    res.setHeader("Cache-Control", "no-store");
    res.status(201).json(created);
  });

  route(router, authEndpoints.revokeKey, ...guard, async (req, res) => {
    const id = authEndpoints.revokeKey.params.id.parse(req.params.id);
    await accounts.revokeKey(signedIn(req).name, id);
    noteAuditSummary(req, `revoked API key ${id}`);
    res.status(204).end();
  });

  route(router, authEndpoints.listUsers, async (_req, res) => {
    res.json({ users: await accounts.listUsers() });
  });

  route(router, authEndpoints.createUser, ...guard, async (req, res) => {
    const { name, role } = authEndpoints.createUser.body.parse(req.body);
    const created = await accounts.createUser(name, role, signedIn(req).name);
    noteAuditSummary(req, `added user ${name} as ${role}`);
    res.setHeader("Cache-Control", "no-store");
    res.status(201).json(created);
  });

  route(router, authEndpoints.setRole, ...guard, async (req, res) => {
    const name = authEndpoints.setRole.params.name.parse(req.params.name);
    const { role } = authEndpoints.setRole.body.parse(req.body);
    const user = await accounts.setRole(name, role);
    noteAuditSummary(req, `made ${user.name} ${role}`);
    res.json(user);
  });

  route(router, authEndpoints.resetPassword, ...guard, async (req, res) => {
    const name = authEndpoints.resetPassword.params.name.parse(req.params.name);
    const reset = await accounts.resetPassword(name);
    noteAuditSummary(req, `reset the password of ${reset.user.name}; their sessions ended`);
    res.setHeader("Cache-Control", "no-store");
    res.json(reset);
  });

  route(router, authEndpoints.removeUser, ...guard, async (req, res) => {
    const name = authEndpoints.removeUser.params.name.parse(req.params.name);
    await accounts.removeUser(name);
    noteAuditSummary(req, `removed user ${name} with their sessions and keys`);
    res.status(204).end();
  });

  route(router, authEndpoints.audit, async (req, res) => {
    const query = authEndpoints.audit.query.parse(req.query);
    res.json({ events: await audit.list(query, abortOnClose(res)) });
  });

  route(router, authEndpoints.auditCsv, async (req, res) => {
    const query = authEndpoints.auditCsv.query.parse(req.query);
    const events = await audit.list(query, abortOnClose(res));
    res.setHeader("Content-Type", "text/csv; charset=utf-8");
    res.setHeader("Content-Disposition", 'attachment; filename="audit-trail.csv"');
    res.setHeader("Cache-Control", "no-store");
    res.send(auditCsv(events));
  });

  return router;
}
