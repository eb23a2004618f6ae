import type { Request, RequestHandler, Response } from "express";
import { describe, expect, it } from "vitest";
import { loadAppConfig, parseTrustProxy } from "../../server/src/config/app-config";
import type { AppError } from "../../server/src/errors/app-error";
import { presentedToken, requireWriteToken, tokensMatch } from "../../server/src/http/token-auth";

const TOKEN = "write-token-0123456789abcdef";
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
const request = (authorization?: string) =>
  ({ headers: authorization ? { authorization } : {}, path: "/x" }) as Request;

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

  it("answers 401 with a login challenge without the token, and lets the right one through", () => {
    const refused = outcome(requireWriteToken(TOKEN), request("Bearer nope"));
    expect(refused.error).toMatchObject({ code: "UNAUTHORIZED", status: 401 });
    expect(refused.headers.get("WWW-Authenticate")).toMatch(/^Basic realm=/);
    expect(outcome(requireWriteToken(TOKEN), request(`Bearer ${TOKEN}`)).error).toBeUndefined();
    expect(outcome(requireWriteToken(TOKEN), request(basic("me", TOKEN))).error).toBeUndefined();
  });

  it("falls back to APP_TOKEN when WRITE_TOKEN is not set", () => {
    const appToken = "app-token-0123456789abcdef";
    expect(loadAppConfig({ APP_TOKEN: appToken }).auth).toEqual({ appToken, writeToken: appToken });
    expect(loadAppConfig({ APP_TOKEN: appToken, WRITE_TOKEN: TOKEN }).auth.writeToken).toBe(TOKEN);
    expect(loadAppConfig({ APP_TOKEN: "" }).auth).toEqual({ appToken: undefined, writeToken: undefined });
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
