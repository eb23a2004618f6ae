import { createHmac, timingSafeEqual } from "node:crypto";
import type { Request, Response } from "express";
import * as client from "openid-client";
import type { Role } from "../../../contract/endpoint";
import type { OidcSettings } from "../config/app-config";
import { AppError } from "../errors/app-error";

const FLOW_COOKIE = "graph_explorer_oidc";
const FLOW_PATH = "/api/auth/oidc";
const FLOW_MAX_AGE_S = 600;
const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

/** The user an ID token names, with the role its claims map to; undefined when none maps. */
export function oidcUser(
  claims: Record<string, unknown>,
  settings: Pick<OidcSettings, "nameClaim" | "roleClaim" | "roleMap" | "defaultRole">,
): { name: string; role: Role | undefined } {
  const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined);
  const name = text(claims[settings.nameClaim]) ?? text(claims.email) ?? String(claims.sub);
  const raw = claims[settings.roleClaim];
  const values = Array.isArray(raw) ? raw.map(String) : typeof raw === "string" ? raw.split(/[\s,]+/) : [];
  let role: Role | undefined;
  for (const value of values) {
    const mapped = settings.roleMap.get(value);
    if (mapped && (role === undefined || RANK[mapped] > RANK[role])) role = mapped;
  }
  return { name, role: role ?? settings.defaultRole };
}

/**
 * Sign-in through the organisation's OpenID Connect provider (openid-client): the authorization
 * code flow with PKCE, state and nonce kept in a short-lived HMAC-signed cookie (SameSite=Lax: it
 * must come back with the provider's redirect). openid-client checks the ID token's signature,
 * issuer, audience, expiry and nonce; a token of another issuer or for another client is refused.
 */
export class OidcSignIn {
  private config: Promise<client.Configuration> | undefined;
  private readonly key: Buffer;

  constructor(
    readonly settings: OidcSettings,
    secret: string,
  ) {
    this.key = createHmac("sha256", secret).update("graph-explorer oidc flow v1").digest();
  }

  private configuration(): Promise<client.Configuration> {
    if (!this.config) {
      const issuer = new URL(this.settings.issuer);
      // Plain http only for a provider on this machine (a test's, a developer's).
      const local = issuer.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(issuer.hostname);
      this.config = client.discovery(
        issuer,
        this.settings.clientId,
        this.settings.clientSecret,
        undefined,
        local ? { execute: [client.allowInsecureRequests] } : undefined,
      );
      this.config.catch(() => {
        this.config = undefined; // the provider may come up later
      });
    }
    return this.config;
  }

  private redirectUrl(req: Request): string {
    return this.settings.redirectUrl ?? `${req.protocol}://${req.get("host")}${FLOW_PATH}/callback`;
  }

  /** Sends the browser to the provider, remembering where it was going. */
  async start(req: Request, res: Response, next: string): Promise<void> {
    const config = await this.configuration();
    const verifier = client.randomPKCECodeVerifier();
    const flow = { state: client.randomState(), nonce: client.randomNonce(), verifier, next };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUrl(req),
      scope: "openid profile email",
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      state: flow.state,
      nonce: flow.nonce,
    });
    const value = Buffer.from(JSON.stringify(flow)).toString("base64url");
    const secure = req.secure ? "; Secure" : "";
    res.append(
      "Set-Cookie",
      `${FLOW_COOKIE}=${value}.${this.mac(value)}; Path=${FLOW_PATH}; HttpOnly; SameSite=Lax; Max-Age=${FLOW_MAX_AGE_S}${secure}`,
    );
    res.redirect(302, url.href);
  }

  /** The provider's answer: the ID token's claims once every check passed; where to go next. */
  async finish(req: Request, res: Response): Promise<{ claims: Record<string, unknown>; next: string }> {
    const flow = this.readFlow(req);
    res.append("Set-Cookie", `${FLOW_COOKIE}=; Path=${FLOW_PATH}; HttpOnly; SameSite=Lax; Max-Age=0`);
    const config = await this.configuration();
    const current = new URL(req.originalUrl, this.redirectUrl(req));
    try {
      const tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error("no ID token");
      return { claims: claims as Record<string, unknown>, next: flow.next };
    } catch (error) {
      req.log?.warn({ err: error }, "refused: OpenID Connect sign-in");
      throw new AppError(
        "UNAUTHORIZED",
        401,
        `The identity provider's answer was refused: ${(error as Error).message}`,
      );
    }
  }

  private readFlow(req: Request): { state: string; nonce: string; verifier: string; next: string } {
    const cookie = req.headers.cookie
      ?.split(";")
      .map((part) => part.trim())
      .find((part) => part.startsWith(`${FLOW_COOKIE}=`))
      ?.slice(FLOW_COOKIE.length + 1);
    const [value = "", mac = ""] = (cookie ?? "").split(".");
    const expected = Buffer.from(this.mac(value));
    const given = Buffer.from(mac);
    if (!value || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new AppError("UNAUTHORIZED", 401, "This sign-in did not start here, or took over 10 minutes: start again.");
    }
    return JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  }

  private mac(value: string): string {
    return createHmac("sha256", this.key).update(value).digest("base64url");
  }
}
