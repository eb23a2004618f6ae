/**
 * How a client proves who it is, as OpenAPI security schemes. In token mode the server knows two
 * secrets, APP_TOKEN (every request but liveness) and WRITE_TOKEN (claims ingestion), sent either
 * way below, plus the page's CSRF token for writes made with the browser's Basic login. In accounts
 * mode (issue #17) a script sends an API key as a bearer token and the page its session cookie.
 *
 * Sessions and API keys refine their schemes here (SECURITY_SCHEMES, `securityFor`): every
 * operation takes its requirements from there, and roles from the endpoint table's `access`.
 */
import { CSRF_TOKEN_HEADER } from "../../../contract/csrf-token";

export const SECURITY_SCHEMES = {
  bearerToken: {
    type: "http",
    scheme: "bearer",
    description:
      "`Authorization: Bearer <token>`, what scripts send: in accounts mode an API key; in token mode APP_TOKEN for reading, WRITE_TOKEN (else APP_TOKEN) for ingesting claims.",
  },
  sessionCookie: {
    type: "apiKey",
    in: "cookie",
    name: "graph_explorer_session",
    description:
      "Accounts mode: the session cookie a sign-in sets (what the page sends); a write made with it also needs the csrfToken header.",
  },
  basicLogin: {
    type: "http",
    scheme: "basic",
    description:
      "Token mode: HTTP Basic with any user name and APP_TOKEN as the password, what a browser sends after its login prompt. A write signed in this way also needs the csrfToken header.",
  },
  csrfToken: {
    type: "apiKey",
    in: "header",
    name: CSRF_TOKEN_HEADER,
    description: `The page's CSRF token (GET /api/csrf-token), sent back in ${CSRF_TOKEN_HEADER} with every write made with a browser's credentials (the Basic login, the session cookie); a bearer token needs none.`,
  },
} as const;

export type SecurityRequirement = { [scheme in keyof typeof SECURITY_SCHEMES]?: string[] };

/**
 * The security of one operation. In token mode without APP_TOKEN reads are open: the requirement
 * then lists `{}` too.
 */
export function securityFor(
  kind: "open" | "token" | "guarded" | "write-token",
  tokens: { accounts: boolean; appToken: boolean; writeToken: boolean },
): SecurityRequirement[] {
  if (kind === "open") return [{}];
  if (tokens.accounts)
    return [{ bearerToken: [] }, kind === "token" ? { sessionCookie: [] } : { sessionCookie: [], csrfToken: [] }];
  if (kind === "write-token") return [{ bearerToken: [] }, { basicLogin: [], csrfToken: [] }];
  const open = tokens.appToken ? [] : [{}];
  if (kind === "guarded") return [{ bearerToken: [] }, { basicLogin: [], csrfToken: [] }, ...open];
  return [{ bearerToken: [] }, { basicLogin: [] }, ...open];
}
