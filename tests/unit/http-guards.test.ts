import type { Request, RequestHandler, Response } from "express";
import { describe, expect, it } from "vitest";
import { loadAppConfig, parseTrustProxy } from "../../server/src/config/app-config";
import type { AppError } from "../../server/src/errors/app-error";
import { AuthFailureLimit } from "../../server/src/http/auth-failure-limit";
import { CsrfTokens } from "../../server/src/http/csrf-tokens";
import { DrainState } from "../../server/src/http/drain-state";
import { presentedToken, requireAppToken, requireWriteToken, tokensMatch } from "../../server/src/http/token-auth";
import { refuseBrowserOnlyCredentials, refuseCrossSite, requireContentType } from "../../server/src/http/write-guard";

const TOKEN = "write-token-0123456789abcdef";
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
const request = (authorization?: string, ip = "192.0.2.1") =>
  ({ headers: authorization ? { authorization } : {}, path: "/x", ip }) as unknown as Request;
/** A request as a write guard sees it. */
const write = (headers: Record<string, string>, method = "POST") =>
  ({
    method,
    path: "/api/views",
    headers: { host: "app.example:3000", ...headers },
    is: (type: string) => (headers["content-type"]?.startsWith(type) ? type : false),
  }) as unknown as Request;

/** What a middleware did: passed the request on (undefined), or failed it with an AppError. */
function outcome(
  middleware: RequestHandler,
  req: Request,
): { error: AppError | undefined; headers: Map<string, string> } {
  const headers = new Map<string, string>();
  const res = { setHeader: (name: string, value: string) => headers.set(name, value) } as unknown as Response;
  let error: AppError | undefined;
  middleware(req, res, (failure?: unknown) => {
    error = failure as AppError | undefined;
  });
  return { error, headers };
}

describe("presentedToken", () => {
  it("reads Bearer tokens and the password of HTTP Basic, whatever the user name", () => {
    expect(presentedToken(request(`Bearer ${TOKEN}`))).toBe(TOKEN);
    expect(presentedToken(request(basic("analyst", TOKEN)))).toBe(TOKEN);
    expect(presentedToken(request(basic("", "with:colon")))).toBe("with:colon");
    expect(presentedToken(request("Digest abc"))).toBeUndefined();
    expect(presentedToken(request())).toBeUndefined();
  });

  it("compares tokens exactly, of any length", () => {
    expect(tokensMatch(TOKEN, TOKEN)).toBe(true);
    expect(tokensMatch(`${TOKEN}x`, TOKEN)).toBe(false);
    expect(tokensMatch("", TOKEN)).toBe(false);
    expect(tokensMatch(undefined, TOKEN)).toBe(false);
  });
});

describe("requireWriteToken", () => {
  it("refuses every write with 403 when the server has no write token", () => {
    const { error } = outcome(requireWriteToken(undefined), request(`Bearer ${TOKEN}`));
    expect(error).toMatchObject({ code: "WRITE_FORBIDDEN", status: 403 });
  });

  it("answers 401 with a Bearer challenge (no login prompt for writes) without the token, and lets the right one through", () => {
    const refused = outcome(requireWriteToken(TOKEN), request("Bearer nope"));
    expect(refused.error).toMatchObject({ code: "UNAUTHORIZED", status: 401 });
    expect(refused.headers.get("WWW-Authenticate")).toMatch(/^Bearer realm=/);
    expect(outcome(requireWriteToken(TOKEN), request(`Bearer ${TOKEN}`)).error).toBeUndefined();
    expect(outcome(requireWriteToken(TOKEN), request(basic("me", TOKEN))).error).toBeUndefined();
  });

  it("falls back to APP_TOKEN when WRITE_TOKEN is not set", () => {
    const appToken = "app-token-0123456789abcdef";
    expect(loadAppConfig({ APP_TOKEN: appToken }).auth).toMatchObject({
      mode: "token",
      appToken,
      writeToken: appToken,
    });
    expect(loadAppConfig({ APP_TOKEN: appToken, WRITE_TOKEN: TOKEN }).auth.writeToken).toBe(TOKEN);
    // No token at all: accounts mode, the default.
    expect(loadAppConfig({ APP_TOKEN: "" }).auth).toMatchObject({
      mode: "accounts",
      appToken: undefined,
      writeToken: undefined,
    });
  });

  it("picks the mode: token with APP_TOKEN or WRITE_TOKEN, accounts without; refuses accounts with a token", () => {
    expect(loadAppConfig({ WRITE_TOKEN: TOKEN }).auth.mode).toBe("token");
    expect(loadAppConfig({ AUTH_MODE: "token" }).auth.mode).toBe("token");
    expect(loadAppConfig({}).auth.mode).toBe("accounts");
    expect(() => loadAppConfig({ AUTH_MODE: "accounts", APP_TOKEN: TOKEN })).toThrow(
      /AUTH_MODE=accounts takes no APP_TOKEN/,
    );
  });
});

describe("security settings", () => {
  it("refuses tokens too short to resist guessing", () => {
    expect(() => loadAppConfig({ APP_TOKEN: "short" })).toThrow(/APP_TOKEN must be at least 16 characters/);
  });

  it("reads TRUST_PROXY as Express does: off by default, true, a number of hops, or addresses", () => {
    expect(loadAppConfig({}).http.trustProxy).toBe(false);
    expect(parseTrustProxy("true")).toBe(true);
    expect(parseTrustProxy("2")).toBe(2);
    expect(parseTrustProxy("loopback, 10.0.0.0/8")).toBe("loopback, 10.0.0.0/8");
  });

  it("reads CORS_ORIGINS as a comma-separated list, empty (closed) by default", () => {
    expect(loadAppConfig({}).http.corsOrigins).toEqual([]);
    expect(loadAppConfig({ CORS_ORIGINS: "https://a.example, https://b.example" }).http.corsOrigins).toEqual([
      "https://a.example",
      "https://b.example",
    ]);
  });
});

describe("failed sign-ins (AuthFailureLimit)", () => {
  it("refuses an address that used up its failures until its window ends, before comparing, whatever it sends", () => {
    let now = 1_000_000;
    const limit = new AuthFailureLimit(3, 60_000, () => now);
    const guard = requireAppToken(TOKEN, limit);
    const wrong = request("Bearer wrong-guess");
    expect([1, 2, 3].map(() => outcome(guard, wrong).error?.status)).toEqual([401, 401, 401]);
    const locked = outcome(guard, request(`Bearer ${TOKEN}`));
    expect(locked.error).toMatchObject({ code: "RATE_LIMITED", status: 429, retriable: true });
    expect(locked.headers.get("Retry-After")).toBe("60");
    now += 45_000;
    expect(outcome(guard, wrong).headers.get("Retry-After")).toBe("15");
    // Another address is not concerned; the window over, the right token passes again.
    expect(outcome(guard, request(`Bearer ${TOKEN}`, "192.0.2.2")).error).toBeUndefined();
    now += 15_000;
    expect(outcome(guard, request(`Bearer ${TOKEN}`)).error).toBeUndefined();
  });

  it("counts only wrong credentials: successes and requests without any cost nothing", () => {
    const limit = new AuthFailureLimit(2, 60_000);
    const guard = requireAppToken(TOKEN, limit);
    for (let i = 0; i < 50; i += 1) {
      expect(outcome(guard, request(`Bearer ${TOKEN}`)).error).toBeUndefined();
      expect(outcome(guard, request()).error?.status).toBe(401);
    }
    expect(outcome(guard, request(basic("me", "wrong"))).error?.status).toBe(401);
    expect(outcome(guard, request(basic("me", "wrong"))).error?.status).toBe(401);
    expect(outcome(guard, request(basic("me", "wrong"))).error?.status).toBe(429);
    // Wrong write tokens draw on the same count.
    expect(outcome(requireWriteToken(TOKEN, limit), request(`Bearer ${TOKEN}`)).error?.status).toBe(429);
  });

  it("reads the limits from AUTH_FAILURE_MAX and AUTH_FAILURE_WINDOW_MS", () => {
    expect(loadAppConfig({}).http.authFailureLimit).toEqual({ max: 10, windowMs: 300_000 });
    expect(loadAppConfig({ AUTH_FAILURE_MAX: "3", AUTH_FAILURE_WINDOW_MS: "1000" }).http.authFailureLimit).toEqual({
      max: 3,
      windowMs: 1000,
    });
  });
});

describe("the write guard", () => {
  const passes = (middleware: RequestHandler, req: Request) => outcome(middleware, req).error === undefined;

  it("refuses writes from another site's page, keeps same-origin pages, listed origins and scripts", () => {
    const crossSite = refuseCrossSite(["https://friend.example"]);
    expect(passes(crossSite, write({}))).toBe(true);
    expect(passes(crossSite, write({ "sec-fetch-site": "same-origin", origin: "http://app.example:3000" }))).toBe(true);
    expect(passes(crossSite, write({ origin: "http://app.example:3000" }))).toBe(true);
    expect(passes(crossSite, write({ origin: "https://app.example:3000" }))).toBe(true);
    expect(passes(crossSite, write({ origin: "https://friend.example", "sec-fetch-site": "cross-site" }))).toBe(true);

    const foreign: Record<string, string>[] = [
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site", origin: "http://app.example:4000" },
      { origin: "http://evil.example" },
      { origin: "http://app.example:4000" },
      { origin: "null" },
      { origin: "http://app.example:3000", "sec-fetch-site": "cross-site" },
    ];
    for (const headers of foreign) {
      expect(outcome(crossSite, write(headers)).error, JSON.stringify(headers)).toMatchObject({
        code: "WRITE_FORBIDDEN",
        status: 403,
      });
    }
    // Reads are not its business.
    expect(passes(crossSite, write({ origin: "http://evil.example" }, "GET"))).toBe(true);
  });

  it("takes only its content type on requests with a body: 415 otherwise", () => {
    const json = requireContentType("application/json");
    expect(passes(json, write({ "content-type": "application/json; charset=utf-8" }))).toBe(true);
    expect(outcome(json, write({ "content-type": "text/plain" })).error).toMatchObject({
      code: "VALIDATION",
      status: 415,
      message: "This endpoint takes Content-Type: application/json, not text/plain.",
    });
    expect(outcome(json, write({})).error?.status).toBe(415);
    expect(passes(json, write({}, "DELETE"))).toBe(true);
    expect(outcome(json, write({ "content-length": "12", "content-type": "text/plain" }, "DELETE")).error?.status).toBe(
      415,
    );
  });

  it("asks a write signed in with HTTP Basic for the page's CSRF token; bearer tokens and no credentials pass", () => {
    const csrf = new CsrfTokens(TOKEN);
    const credential = refuseBrowserOnlyCredentials(csrf);
    const login = basic("analyst", TOKEN);
    expect(outcome(credential, write({ authorization: login })).error).toMatchObject({
      code: "WRITE_FORBIDDEN",
      status: 403,
    });
    const token = csrf.issue();
    expect(passes(credential, write({ authorization: login, "x-csrf-token": token }))).toBe(true);
    expect(passes(credential, write({ authorization: login, "x-csrf-token": `${token}x` }))).toBe(false);
    expect(
      passes(
        credential,
        write({ authorization: login, "x-csrf-token": new CsrfTokens("other-token-0123456789").issue() }),
      ),
    ).toBe(false);
    expect(passes(credential, write({ authorization: `Bearer ${TOKEN}` }))).toBe(true);
    expect(passes(credential, write({}))).toBe(true);
  });

  it("issues tokens that differ each time and all verify on any server with the same token", () => {
    const one = new CsrfTokens(TOKEN);
    const two = new CsrfTokens(TOKEN);
    const a = one.issue();
    const b = one.issue();
    expect(a).not.toBe(b);
    expect(two.verify(a)).toBe(true);
    for (const bad of [undefined, "", ".", "a.b.c", a.replace(".", ".x"), "x".repeat(500)])
      expect(one.verify(bad)).toBe(false);
  });
});

describe("DrainState", () => {
  const response = () => {
    const headers = new Map<string, string>();
    const listeners: (() => void)[] = [];
    const res = {
      headersSent: false,
      setHeader: (name: string, value: string) => headers.set(name, value),
      once: (_event: string, listener: () => void) => listeners.push(listener),
    };
    const close = () => {
      for (const listener of listeners.splice(0)) listener();
    };
    return { res: res as unknown as Response, headers, close };
  };

  it("drains the requests in flight at the signal while connections stay keep-alive; then every answer closes its connection", async () => {
    const drain = new DrainState();
    const before = response();
    drain.track({} as Request, before.res, () => {});
    let drained = false;
    const draining = drain.drain().then(() => {
      drained = true;
    });
    expect(drain.isDraining).toBe(true);
    const during = response();
    drain.track({} as Request, during.res, () => {});
    expect(before.headers.get("Connection")).toBeUndefined();
    expect(during.headers.get("Connection")).toBeUndefined();
    before.close();
    await draining;
    // Only the requests of before the signal were waited for.
    expect(drained).toBe(true);
    expect(drain.requestsInFlight).toBe(1);

    drain.closeConnectionsAfterAnswers();
    expect(during.headers.get("Connection")).toBe("close");
    const after = response();
    drain.track({} as Request, after.res, () => {});
    expect(after.headers.get("Connection")).toBe("close");
    let idle = false;
    const waiting = drain.idle().then(() => {
      idle = true;
    });
    during.close();
    expect(idle).toBe(false);
    after.close();
    await waiting;
    expect(idle).toBe(true);
  });
});
