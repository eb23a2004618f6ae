/**
 * A small OpenID Connect provider on localhost for tests: discovery, JWKS, an authorization
 * endpoint that signs in whoever the test names (no login form), and a token endpoint that checks
 * the client's secret and the PKCE verifier and issues an RS256 ID token. `tamper` makes the next
 * ID tokens claim another issuer or audience, as a hostile or misconfigured provider would.
 */
import { createHash, createSign, generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface MiniOidcProvider {
  issuer: string;
  /** The claims of whoever signs in next (sub, preferred_username, groups...). */
  user: Record<string, unknown>;
  tamper: { iss?: string; aud?: string };
  close(): Promise<void>;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString("base64url");

export async function startMiniOidcProvider(clientId: string, clientSecret: string): Promise<MiniOidcProvider> {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: "jwk" }), kid: "test-key", alg: "RS256", use: "sig" };
  const codes = new Map<string, { nonce: string; challenge: string; claims: Record<string, unknown> }>();
  const provider: MiniOidcProvider = { issuer: "", user: {}, tamper: {}, close: async () => {} };

  const idToken = (claims: Record<string, unknown>, nonce: string) => {
    const now = Math.floor(Date.now() / 1000);
    const header = b64url(JSON.stringify({ alg: "RS256", kid: "test-key", typ: "JWT" }));
    const payload = b64url(
      JSON.stringify({
        iss: provider.tamper.iss ?? provider.issuer,
        aud: provider.tamper.aud ?? clientId,
        iat: now,
        exp: now + 300,
        nonce,
        ...claims,
      }),
    );
    const signature = createSign("RSA-SHA256").update(`${header}.${payload}`).sign(privateKey);
    return `${header}.${payload}.${b64url(signature)}`;
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", provider.issuer);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === "/.well-known/openid-configuration") {
      return json(200, {
        issuer: provider.issuer,
        authorization_endpoint: `${provider.issuer}/authorize`,
        token_endpoint: `${provider.issuer}/token`,
        jwks_uri: `${provider.issuer}/jwks`,
        response_types_supported: ["code"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
        token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
        code_challenge_methods_supported: ["S256"],
      });
    }
    if (url.pathname === "/jwks") return json(200, { keys: [jwk] });
    if (url.pathname === "/authorize") {
      const redirect = url.searchParams.get("redirect_uri") ?? "";
      if (url.searchParams.get("client_id") !== clientId) return json(400, { error: "unauthorized_client" });
      const code = randomBytes(16).toString("hex");
      codes.set(code, {
        nonce: url.searchParams.get("nonce") ?? "",
        challenge: url.searchParams.get("code_challenge") ?? "",
        claims: { ...provider.user },
      });
      const back = new URL(redirect);
      back.searchParams.set("code", code);
      back.searchParams.set("state", url.searchParams.get("state") ?? "");
      res.writeHead(302, { location: back.href });
      return res.end();
    }
    if (url.pathname === "/token" && req.method === "POST") {
      let text = "";
      req.on("data", (chunk: Buffer) => {
        text += chunk.toString("utf8");
      });
      req.on("end", () => {
        const form = new URLSearchParams(text);
        const basic = req.headers.authorization?.startsWith("Basic ")
          ? Buffer.from(req.headers.authorization.slice(6), "base64")
              .toString("utf8")
              .split(":")
              .map(decodeURIComponent)
          : [form.get("client_id"), form.get("client_secret")];
        if (basic[0] !== clientId || basic[1] !== clientSecret) return json(401, { error: "invalid_client" });
        const grant = codes.get(form.get("code") ?? "");
        codes.delete(form.get("code") ?? "");
        const verifier = form.get("code_verifier") ?? "";
        if (!grant || b64url(createHash("sha256").update(verifier).digest()) !== grant.challenge) {
          return json(400, { error: "invalid_grant" });
        }
        json(200, {
          access_token: randomBytes(16).toString("hex"),
          token_type: "Bearer",
          expires_in: 300,
          id_token: idToken(grant.claims, grant.nonce),
        });
      });
      return;
    }
    json(404, { error: "not_found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  provider.issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  provider.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return provider;
}
