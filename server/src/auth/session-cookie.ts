import type { Request, Response } from "express";

export const SESSION_COOKIE = "graph_explorer_session";

/** SESSION_COOKIE_SECURE: `auto` marks the cookie Secure when the request came over https (req.secure, which believes X-Forwarded-Proto only from a trusted proxy). */
export type CookieSecurity = "auto" | "always" | "never";

export function readSessionCookie(req: Request): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === SESSION_COOKIE) {
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{1,100}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

function attributes(req: Request, security: CookieSecurity, maxAgeSeconds: number): string {
  const secure = security === "always" || (security === "auto" && req.secure);
  return `Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure ? "; Secure" : ""}`;
}

/** HTTP-only (no script reads it), SameSite=Strict (no other site's page sends it), Secure over https. */
export function setSessionCookie(
  req: Request,
  res: Response,
  token: string,
  security: CookieSecurity,
  maxAgeMs: number,
) {
  res.append("Set-Cookie", `${SESSION_COOKIE}=${token}; ${attributes(req, security, Math.floor(maxAgeMs / 1000))}`);
}

export function clearSessionCookie(req: Request, res: Response, security: CookieSecurity) {
  res.append("Set-Cookie", `${SESSION_COOKIE}=; ${attributes(req, security, 0)}`);
}
