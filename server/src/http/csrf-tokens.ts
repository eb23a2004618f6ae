import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { Router } from "express";
import { CSRF_TOKEN_HEADER, type CsrfToken } from "../../../contract/csrf-token";
import { probeEndpoints } from "../../../contract/probe-endpoints";
import { route } from "./route";

/** The header a page sends its CSRF token back in, as Node names it (lower case). */
export const CSRF_HEADER = CSRF_TOKEN_HEADER.toLowerCase();

/**
 * CSRF tokens without server state: a random nonce and its HMAC under a key derived from the
 * server's token (APP_TOKEN, else WRITE_TOKEN), so every server behind a load balancer accepts
 * the tokens of the others, and changing the token voids them all. A page reads one same-origin
 * (`GET /api/csrf-token`; CORS keeps other sites from reading it) and sends it back in
 * `X-CSRF-Token` with each write: something a browser never adds by itself, unlike a cached login.
 */
export class CsrfTokens {
  private readonly key: Buffer;

  constructor(secret: string | undefined) {
    // Without any token nothing needs a CSRF token; the key only has to be unguessable.
    const base = secret ?? randomBytes(32).toString("hex");
    this.key = createHmac("sha256", base).update("graph-explorer csrf v1").digest();
  }

  issue(): string {
    const nonce = randomBytes(18).toString("base64url");
    return `${nonce}.${this.mac(nonce)}`;
  }

  verify(token: string | undefined): boolean {
    if (typeof token !== "string" || token.length > 200) return false;
    const [nonce, mac, ...rest] = token.split(".");
    if (!nonce || !mac || rest.length > 0) return false;
    const expected = Buffer.from(this.mac(nonce));
    const given = Buffer.from(mac);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private mac(nonce: string): string {
    return createHmac("sha256", this.key).update(nonce).digest("base64url");
  }
}

/** `GET /api/csrf-token`: `{ token }`, never cached. Behind APP_TOKEN like the rest of the API. */
export function csrfTokenRoute(tokens: CsrfTokens): Router {
  const router = Router();
  route(router, probeEndpoints.csrfToken, (_req, res) => {
    res.setHeader("Cache-Control", "no-store");
    const answer: CsrfToken = { token: tokens.issue() };
    res.json(answer);
  });
  return router;
}
