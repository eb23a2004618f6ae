/**
 * How a client proves who it is, as OpenAPI security schemes. Today's server knows two secrets,
 * APP_TOKEN (every request but liveness) and WRITE_TOKEN (claims ingestion), sent either way
 * below, plus the page's CSRF token for writes made with the browser's Basic login.
 *
 * Sign-in sessions and API keys (issue #17) add their schemes to SECURITY_SCHEMES and their
 * alternatives to `securityFor`: every operation takes its requirements from there.
 */
import { CSRF_TOKEN_HEADER } from "../../../contract/csrf-token";

export const SECURITY_SCHEMES = {
  bearerToken: {
    type: "http",
    scheme: "bearer",
    description:
      "`Authorization: Bearer <token>`: APP_TOKEN for reading, WRITE_TOKEN (else APP_TOKEN) for ingesting claims. What scripts send.",
  },
  basicLogin: {
    type: "http",
    scheme: "basic",
    description:
      "HTTP Basic with any user name and APP_TOKEN as the password: what a browser sends after its login prompt. A write signed in this way also needs the csrfToken header.",
  },
  csrfToken: {
    type: "apiKey",
    in: "header",
    name: CSRF_TOKEN_HEADER,
    description: `The page's CSRF token (GET /api/csrf-token), sent back in ${CSRF_TOKEN_HEADER} with every write made with the Basic login; a bearer token needs none.`,
  },
} as const;

export type SecurityRequirement = { [scheme in keyof typeof SECURITY_SCHEMES]?: string[] };

/**
 * The security of one operation. `tokenSet`: whether the server runs with APP_TOKEN (or, for
 * `write-token`, a write token): without one, reads are open and the requirement lists `{}`.
 */
export function securityFor(
  kind: "open" | "token" | "guarded" | "write-token",
  tokens: { appToken: boolean; writeToken: boolean },
): SecurityRequirement[] {
  if (kind === "open") return [{}];
  if (kind === "write-token") return [{ bearerToken: [] }, { basicLogin: [], csrfToken: [] }];
  const open = tokens.appToken ? [] : [{}];
  if (kind === "guarded") return [{ bearerToken: [] }, { basicLogin: [], csrfToken: [] }, ...open];
  return [{ bearerToken: [] }, { basicLogin: [] }, ...open];
}
